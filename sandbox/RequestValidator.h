#pragma once
// RequestValidator: what sms-local checks in a decoded request beyond its JSON
// types (which api::parse already checked): enum values the service knows, and
// the model's lengths, ranges and patterns (api/SmsConstraints.h). A violation
// is an InvalidParameterException worded as AWS words it:
//   1 validation error detected: Value 'x' at 'serverList.1.serverType' failed
//   to satisfy constraint: Member must satisfy enum value set: [VIRTUAL_MACHINE]

#include "api/JsonCodecTraits.h"
#include "api/Result.h"
#include "api/SmsConstraints.h"

#include <QRegularExpression>
#include <QString>

#include <string>
#include <vector>

namespace sms::sandbox {

namespace validation {

// Violations in the order found, each "Value … at '…' failed to satisfy constraint: …".
using Violations = std::vector<std::string>;

const api::MemberConstraint *constraintFor(std::string_view structure, std::string_view member);
void checkString(const std::string &value, const api::MemberConstraint *limits, const std::string &path,
                 Violations &out);
void checkNumber(long long value, const api::MemberConstraint *limits, const std::string &path, Violations &out);
void checkCount(size_t count, const api::MemberConstraint *limits, const std::string &path, Violations &out);
void checkEnum(std::string_view text, const std::string &allowed, const std::string &path, Violations &out);

template <typename E>
std::string allowedValues()
{
    std::string list;
    for (const auto name : api::EnumTraits<E>::names)
        list += (list.empty() ? "" : ", ") + std::string(name);
    return "[" + list + "]";
}

template <typename T>
void walk(const T &value, const api::MemberConstraint *limits, const std::string &path, Violations &out)
{
    using namespace api::codec;
    if constexpr (Structure<T>) {
        T::members(value, [&](const char *name, const auto &member, api::MemberKind) {
            using M = std::decay_t<decltype(member)>;
            const std::string memberPath = path.empty() ? std::string(name) : path + "." + name;
            const auto *memberLimits = constraintFor(T::typeName, name);
            if constexpr (IsOptional<M>::value) {
                if (member)
                    walk(*member, memberLimits, memberPath, out);
            } else {
                walk(member, memberLimits, memberPath, out);
            }
        });
    } else if constexpr (IsVector<T>::value) {
        checkCount(value.size(), limits, path, out);
        for (size_t i = 0; i < value.size(); ++i)
            walk(value[i], nullptr, path + "." + std::to_string(i + 1), out);
    } else if constexpr (IsOpenEnum<T>::value) {
        using E = decltype(value.value());
        if (!value.isKnown())
            checkEnum(value.toString(), allowedValues<E>(), path, out);
    } else if constexpr (std::is_same_v<T, std::string>) {
        checkString(value, limits, path, out);
    } else if constexpr (std::is_same_v<T, int>) {
        checkNumber(value, limits, path, out);
    }
}

SmsError toError(const Violations &violations);

} // namespace validation

// Ok, or an InvalidParameterException listing every violation.
template <typename Request>
Result<void> validateRequest(const Request &request)
{
    validation::Violations violations;
    validation::walk(request, nullptr, std::string(), violations);
    if (violations.empty())
        return {};
    return validation::toError(violations);
}

} // namespace sms::sandbox
