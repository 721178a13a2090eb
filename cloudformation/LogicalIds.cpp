#include "cloudformation/LogicalIds.h"

#include <cctype>

namespace sms::cloudformation {
namespace {

// ASCII only: std::isalnum would take a locale's letters, which CloudFormation refuses.
bool isAsciiAlnum(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

} // namespace

std::string logicalIdFromName(std::string_view name)
{
    std::string id;
    bool wordStart = true;
    for (const char c : name) {
        if (!isAsciiAlnum(c)) {
            wordStart = true;
            continue;
        }
        id += wordStart ? char(std::toupper(static_cast<unsigned char>(c))) : c;
        wordStart = false;
    }
    return id.substr(0, kMaxLogicalIdLength);
}

std::string LogicalIdAllocator::allocate(const std::string &wanted)
{
    std::string id = wanted.substr(0, kMaxLogicalIdLength);
    for (int n = 2; !m_taken.insert(id).second; ++n) {
        const std::string suffix = std::to_string(n);
        id = wanted.substr(0, kMaxLogicalIdLength - suffix.size()) + suffix;
    }
    return id;
}

} // namespace sms::cloudformation
