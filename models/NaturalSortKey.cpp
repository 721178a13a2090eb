#include "models/NaturalSortKey.h"

#include <algorithm>

namespace sms::models {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::string naturalSortKey(std::string_view text)
{
    std::string key;
    key.reserve(text.size() + 8);
    std::size_t at = 0;
    while (at < text.size()) {
        if (!isDigit(text[at])) {
            key.push_back(text[at++]);
            continue;
        }
        std::size_t end = at;
        while (end < text.size() && isDigit(text[end]))
            ++end;
        std::size_t first = at;
        while (first < end && text[first] == '0')
            ++first;
        // Numbers longer than 65,535 digits compare by their first digits only.
        const std::size_t length = std::min<std::size_t>(end - first, 0xffff);
        key.push_back('0');
        key.push_back(char(length >> 8));
        key.push_back(char(length & 0xff));
        key.append(text.substr(first, length));
        at = end;
    }
    return key;
}

} // namespace sms::models
