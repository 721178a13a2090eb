#pragma once
// Timestamps as the AWS CLI v2 prints them (its default cli_timestamp_format,
// iso8601: botocore's parse_timestamp(value).isoformat()): ISO 8601 in the
// local time zone with its offset, microseconds only when there is a
// fraction, e.g. 2026-12-07T04:52:47+00:00. Which members are timestamps
// comes from the api types, so a raw `call` answer is read the same way.

#include <string>
#include <string_view>

namespace sms::cli {

bool isTimestampMember(std::string_view name);
std::string isoTimestamp(double epochSeconds);

} // namespace sms::cli
