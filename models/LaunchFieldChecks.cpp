#include "models/LaunchFieldChecks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace sms::models {
namespace {

using LaunchText = std::optional<std::string> api::ServerLaunchConfiguration::*;
constexpr std::array<std::pair<std::string_view, LaunchText>, 3> kLaunchNeeds{{
    {"instanceType", &api::ServerLaunchConfiguration::instanceType},
    {"subnet", &api::ServerLaunchConfiguration::subnet},
    {"securityGroup", &api::ServerLaunchConfiguration::securityGroup},
}};

bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool isHex(char c)
{
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

template <typename Predicate>
bool allOf(std::string_view text, Predicate &&predicate)
{
    return std::all_of(text.begin(), text.end(), predicate);
}

bool isBlank(std::string_view text)
{
    return allOf(text, [](unsigned char c) { return std::isspace(c) != 0; });
}

// 8-4-4-4-12 hex digits.
bool isUuid(std::string_view text)
{
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !isHex(text[i]))
            return false;
    }
    return true;
}

bool isKeyId(std::string_view text)
{
    if (text.starts_with("mrk-"))
        return text.size() == 36 && allOf(text.substr(4), isHex);
    return isUuid(text);
}

// alias/NAME: KMS allows letters, digits, '/', '_' and '-' in the name (up to 256 characters in all).
bool isAlias(std::string_view text)
{
    if (!text.starts_with("alias/") || text.size() > 256)
        return false;
    const std::string_view name = text.substr(6);
    return !name.empty() && allOf(name, [](unsigned char c) { return std::isalnum(c) || c == '/' || c == '_' || c == '-'; });
}

// "us-east-1", "eu-central-2", "us-gov-west-1": lower-case words and a number, joined by hyphens.
bool isRegion(std::string_view text)
{
    const std::size_t last = text.rfind('-');
    if (last == std::string_view::npos || last == 0 || last + 1 == text.size())
        return false;
    const std::string_view words = text.substr(0, last);
    return allOf(text.substr(last + 1), [](unsigned char c) { return std::isdigit(c) != 0; })
        && words.front() != '-' && words.back() != '-'
        && allOf(words, [](unsigned char c) { return std::islower(c) || c == '-'; });
}

// arn:PARTITION:kms:REGION:ACCOUNT:key/ID or :alias/NAME.
bool isKmsArn(std::string_view text)
{
    std::array<std::string_view, 6> parts{};
    for (std::size_t i = 0; i < 5; ++i) {
        const std::size_t colon = text.find(':');
        if (colon == std::string_view::npos)
            return false;
        parts[i] = text.substr(0, colon);
        text.remove_prefix(colon + 1);
    }
    parts[5] = text;
    constexpr std::array<std::string_view, 3> kPartitions{"aws", "aws-cn", "aws-us-gov"};
    const bool account = parts[4].size() == 12 && allOf(parts[4], [](unsigned char c) { return std::isdigit(c) != 0; });
    const std::string_view resource = parts[5];
    return parts[0] == "arn" && std::find(kPartitions.begin(), kPartitions.end(), parts[1]) != kPartitions.end()
        && parts[2] == "kms" && isRegion(parts[3]) && account
        && (resource.starts_with("key/") ? isKeyId(resource.substr(4)) : isAlias(resource));
}

} // namespace

std::string_view resourcePrefix(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Vpc:
        return "vpc-";
    case ResourceKind::Subnet:
        return "subnet-";
    case ResourceKind::SecurityGroup:
        return "sg-";
    }
    return {};
}

bool isResourceId(ResourceKind kind, std::string_view text)
{
    const std::string_view prefix = resourcePrefix(kind);
    if (!text.starts_with(prefix))
        return false;
    const std::string_view digits = text.substr(prefix.size());
    return (digits.size() == 8 || digits.size() == 17) && allOf(digits, isLowerHex);
}

LogicalIdProblem logicalIdProblem(std::string_view text)
{
    if (text.empty())
        return LogicalIdProblem::Empty;
    if (!allOf(text, [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }))
        return LogicalIdProblem::NotAlphanumeric;
    if (text.size() > kMaxLogicalIdLength)
        return LogicalIdProblem::TooLong;
    return LogicalIdProblem::None;
}

bool isKmsKeyForm(std::string_view text)
{
    return isKeyId(text) || isAlias(text) || isKmsArn(text);
}

std::vector<std::string_view> missingLaunchNeeds(const api::ServerLaunchConfiguration &launch)
{
    std::vector<std::string_view> missing;
    for (const auto &[name, member] : kLaunchNeeds)
        if (!(launch.*member) || isBlank(*(launch.*member)))
            missing.push_back(name);
    return missing;
}

} // namespace sms::models
