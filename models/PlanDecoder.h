#pragma once
// Internal to the plan file: the decoder's entry point for a buffer that may
// already carry simdjson's padding, so that readPlanFile reads a file straight
// into it instead of copying 30 MB once more.

#include "api/Result.h"
#include "models/PlanTypes.h"

#include <cstddef>
#include <functional>
#include <string>

namespace sms::models::detail {

// At least SIMDJSON_PADDING (checked in PlanDecoder.cpp).
inline constexpr std::size_t kPlanDecodePadding = 64;

// `data` holds `size` bytes; when `padded`, kPlanDecodePadding more bytes
// after them are readable. `subject` starts every message ("The plan",
// "The file \"/x/y.smsplan\"").
// `parsed`, if given, runs once the text is parsed and no longer needed
// (readPlanFile frees its buffer there: a 100,000-server plan's 35 MB).
// With `checkOnly` the result has no catalog servers or connectors: the file
// was read and checked whole, but the bulk was not kept.
Result<PlanData> decodePlanBuffer(const char *data, std::size_t size, bool padded, const std::string &subject,
                                  const std::function<void()> &parsed = {}, bool checkOnly = false);

} // namespace sms::models::detail
