#include "sandbox/RequestValidator.h"

#include <algorithm>

namespace sms::sandbox::validation {
namespace {

constexpr int kHttpBadRequest = 400;

// Characters, not bytes, as the service counts them.
long long characterCount(const std::string &text)
{
    return std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

void add(Violations &out, const std::string &value, const std::string &path, const std::string &rule)
{
    out.push_back("Value '" + value + "' at '" + path + "' failed to satisfy constraint: Member must " + rule);
}

} // namespace

const api::MemberConstraint *constraintFor(std::string_view structure, std::string_view member)
{
    const auto &all = api::kMemberConstraints;
    const auto it = std::find_if(all.begin(), all.end(), [&](const api::MemberConstraint &c) {
        return c.structure == structure && c.member == member;
    });
    return it == all.end() ? nullptr : &*it;
}

void checkString(const std::string &value, const api::MemberConstraint *limits, const std::string &path,
                 Violations &out)
{
    if (!limits)
        return;
    const long long length = characterCount(value);
    if (limits->min && length < *limits->min)
        add(out, value, path, "have length greater than or equal to " + std::to_string(*limits->min));
    if (limits->max && length > *limits->max)
        add(out, value.substr(0, 64) + (value.size() > 64 ? "..." : ""), path,
            "have length less than or equal to " + std::to_string(*limits->max));
    if (!limits->pattern.empty()) {
        const QRegularExpression pattern(QString::fromUtf8(limits->pattern.data(), qsizetype(limits->pattern.size())));
        if (!pattern.match(QString::fromStdString(value)).hasMatch())
            add(out, value, path, "satisfy regular expression pattern: " + std::string(limits->pattern));
    }
}

void checkNumber(long long value, const api::MemberConstraint *limits, const std::string &path, Violations &out)
{
    if (!limits)
        return;
    if (limits->min && value < *limits->min)
        add(out, std::to_string(value), path, "have value greater than or equal to " + std::to_string(*limits->min));
    if (limits->max && value > *limits->max)
        add(out, std::to_string(value), path, "have value less than or equal to " + std::to_string(*limits->max));
}

void checkCount(size_t count, const api::MemberConstraint *limits, const std::string &path, Violations &out)
{
    if (!limits)
        return;
    if (limits->min && (long long)count < *limits->min)
        add(out, std::to_string(count) + " items", path, "have length greater than or equal to " + std::to_string(*limits->min));
    if (limits->max && (long long)count > *limits->max)
        add(out, std::to_string(count) + " items", path, "have length less than or equal to " + std::to_string(*limits->max));
}

void checkEnum(std::string_view text, const std::string &allowed, const std::string &path, Violations &out)
{
    add(out, std::string(text), path, "satisfy enum value set: " + allowed);
}

SmsError toError(const Violations &violations)
{
    std::string message = std::to_string(violations.size()) + " validation error"
        + (violations.size() == 1 ? "" : "s") + " detected: ";
    for (size_t i = 0; i < violations.size(); ++i)
        message += (i > 0 ? "; " : "") + violations[i];
    return SmsError::make(ErrorCode::InvalidParameterException, message, kHttpBadRequest);
}

} // namespace sms::sandbox::validation
