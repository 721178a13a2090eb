#pragma once
// naturalSortKey: a byte string whose plain comparison orders texts
// naturally, numbers as numbers ("web-9" before "web-10").
//
// Why not QCollator in numeric mode: a collator compare per comparison makes
// sorting 100,000 rows take seconds, and its sort keys differ by platform and
// locale. Each run of digits becomes '0', its length in two bytes and the
// digits without leading zeros, so that a shorter number sorts first and
// digits still sort before letters. Fold case first (foldCase) for a
// case-blind order.

#include <string>
#include <string_view>

namespace sms::models {

std::string naturalSortKey(std::string_view text);

} // namespace sms::models
