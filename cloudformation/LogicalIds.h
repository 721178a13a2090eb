#pragma once
// CloudFormation logical ids, as SMS names a template's instances: 1 to 255
// ASCII letters and digits, unique in the template. The template builder
// names servers with them, and the planner's Generate proposes the same
// names, so that a server keeps its name whichever makes it.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_set>

namespace sms::cloudformation {

inline constexpr std::size_t kMaxLogicalIdLength = 255;

// "web-01.corp" -> "Web01Corp": the letters and digits of each word, the word
// capitalised, at most kMaxLogicalIdLength; empty when `name` has none.
std::string logicalIdFromName(std::string_view name);

// Hands out ids in order: a wanted id already taken gets the first free
// number appended ("Web2"), within kMaxLogicalIdLength.
class LogicalIdAllocator
{
public:
    // Taken by someone else: never handed out.
    void reserve(std::string id) { m_taken.insert(std::move(id)); }
    std::string allocate(const std::string &wanted);

private:
    std::unordered_set<std::string> m_taken;
};

} // namespace sms::cloudformation
