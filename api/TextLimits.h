#pragma once
// Cutting text to a length without splitting a UTF-8 character, for limits
// counted in bytes (CloudFormation's) and for long values quoted in messages.

#include <cstddef>
#include <string_view>

namespace sms {

inline std::string_view utf8Prefix(std::string_view text, std::size_t limit)
{
    if (text.size() <= limit)
        return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80)  // a continuation byte
        --end;
    return text.substr(0, end);
}

} // namespace sms
