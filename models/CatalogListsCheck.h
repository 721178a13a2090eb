#pragma once
// Internal to the plan file: checkPlanFile's low-memory pass over the bulk of
// a plan, its catalog's "servers" and "connectors" lists.
//
// simdjson's DOM, which the decoder uses, costs about 70 MB for a
// 100,000-server plan, on top of the 35 MB text, while the plan on screen is
// still held (Open checks the new file before it lets go of the old plan).
// simdjson On-Demand checks those two lists with only its 4-byte-per-token
// index. Each checked list is then overwritten in the text with "[]" and
// spaces, so that the DOM decoder checks all the rest, in little memory.
//
// Every value in the two lists is read, none skipped: On-Demand validates only
// what it reads. The rules are the decoder's (PlanDecoder.cpp, decodeValue): absent or null
// members are unset, unknown members are ignored (but must be valid JSON),
// required members must be there, enums take any string, numbers must fit.
// The answer is "sure it is fine" or "not sure": anything unusual (an error,
// a duplicate member, an escaped key, a byte order mark) says "not sure", and
// the caller falls back to the DOM decoder for the whole file, which also
// words the error. tests/fuzz/fuzz_plan.cpp checks that "sure" never meets a
// file the decoder refuses.

#include <cstddef>

namespace sms::models::detail {

// `data` holds `size` bytes of plan text, with kPlanDecodePadding readable
// bytes after them. True: both lists (where present) follow the rules and
// now read "[]" in `data`. False: not sure; `data` may be partly blanked and
// must be read again before the DOM decoder sees it.
bool checkAndBlankCatalogLists(char *data, std::size_t size);

} // namespace sms::models::detail
