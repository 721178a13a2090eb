#pragma once
// The JSON codec of the SMS value types (JSON 1.1 protocol): unset members are
// omitted, unknown members ignored, null read as unset, timestamps are epoch
// seconds (fraction allowed), unknown enum values kept. It walks each
// structure's members() list, so every generated type is covered by the same
// few lines of code.

#include "api/Result.h"
#include "api/SmsTypes.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <string>
#include <string_view>
#include <type_traits>

namespace sms::api {

using Json = nlohmann::json;

namespace codec {

template <typename T>
concept Structure = requires(T &value) { T::members(value, [](auto &&...) {}); };

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename T>
struct IsOpenEnum : std::false_type {};
template <typename E>
struct IsOpenEnum<OpenEnum<E>> : std::true_type {};

template <typename T>
void encode(const T &value, Json &out)
{
    if constexpr (Structure<T>) {
        out = Json::object();
        T::members(value, [&out](const char *name, const auto &member, MemberKind) {
            using M = std::decay_t<decltype(member)>;
            if constexpr (IsOptional<M>::value) {
                if (member)
                    encode(*member, out[name]);
            } else {
                encode(member, out[name]);
            }
        });
    } else if constexpr (IsVector<T>::value) {
        out = Json::array();
        out.get_ref<Json::array_t &>().reserve(value.size());
        for (const auto &element : value)
            encode(element, out.emplace_back());
    } else if constexpr (IsOpenEnum<T>::value) {
        out = value.toString();
    } else if constexpr (std::is_same_v<T, Timestamp>) {
        if (value.isWholeSecond())
            out = static_cast<std::int64_t>(value.epochSeconds);
        else
            out = value.epochSeconds;
    } else {
        out = value;
    }
}

// Where decoding failed, built up from the innermost member outwards.
struct DecodeFailure
{
    std::string path;
    std::string problem;
    bool missingRequired = false;

    void prepend(std::string_view segment)
    {
        if (!path.empty() && path.front() != '[')
            path.insert(0, 1, '.');
        path.insert(0, segment);
    }
};

inline const char *jsonTypeName(const Json &json) { return json.type_name(); }

template <typename T>
bool decode(const Json &json, T &out, DecodeFailure &failure)
{
    const auto wrongType = [&](const char *expected) {
        failure.problem = std::string("expected ") + expected + ", got " + jsonTypeName(json);
        return false;
    };
    if constexpr (Structure<T>) {
        if (!json.is_object())
            return wrongType("an object");
        bool ok = true;
        T::members(out, [&](const char *name, auto &member, MemberKind kind) {
            if (!ok)
                return;
            const auto it = json.find(name);
            using M = std::decay_t<decltype(member)>;
            if (it == json.end() || it->is_null()) {
                if (kind == MemberKind::Required) {
                    failure.problem = "is required but missing";
                    failure.missingRequired = true;
                    failure.prepend(name);
                    ok = false;
                }
                return;
            }
            if constexpr (IsOptional<M>::value)
                ok = decode(*it, member.emplace(), failure);
            else
                ok = decode(*it, member, failure);
            if (!ok)
                failure.prepend(name);
        });
        return ok;
    } else if constexpr (IsVector<T>::value) {
        if (!json.is_array())
            return wrongType("an array");
        out.resize(json.size());
        for (std::size_t i = 0; i < out.size(); ++i) {
            if (!decode(json[i], out[i], failure)) {
                failure.prepend("[" + std::to_string(i) + "]");
                return false;
            }
        }
        return true;
    } else if constexpr (IsOpenEnum<T>::value) {
        if (!json.is_string())
            return wrongType("a string");
        out = T::fromString(json.get_ref<const std::string &>());
        return true;
    } else if constexpr (std::is_same_v<T, Timestamp>) {
        if (!json.is_number())
            return wrongType("a timestamp in epoch seconds");
        out.epochSeconds = json.get<double>();
        return true;
    } else if constexpr (std::is_same_v<T, std::string>) {
        if (!json.is_string())
            return wrongType("a string");
        out = json.get_ref<const std::string &>();
        return true;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (!json.is_boolean())
            return wrongType("a boolean");
        out = json.get<bool>();
        return true;
    } else {
        static_assert(std::is_same_v<T, int>, "a member type the codec does not know");
        const bool inRange = json.is_number_integer()
            && json.get<std::int64_t>() >= std::numeric_limits<int>::min()
            && json.get<std::int64_t>() <= std::numeric_limits<int>::max();
        if (!inRange)
            return wrongType("an integer");
        out = json.get<int>();
        return true;
    }
}

} // namespace codec

template <typename T>
Json toJson(const T &value)
{
    Json out;
    codec::encode(value, out);
    return out;
}

// Missing required members come back as MissingRequiredParameterException,
// anything else of the wrong shape as SerializationException; the message
// names the member's path, e.g. "serverList[3].vmServer.vmName".
template <typename T>
Result<T> fromJson(const Json &json)
{
    T value{};
    codec::DecodeFailure failure;
    if (codec::decode(json, value, failure))
        return value;
    const std::string where = failure.path.empty() ? std::string("the document") : failure.path;
    return SmsError::make(failure.missingRequired ? ErrorCode::MissingRequiredParameterException
                                                  : ErrorCode::SerializationException,
                          where + " " + failure.problem);
}

// Parses JSON text without exceptions; malformed text is a SerializationException.
inline Result<Json> parseJson(std::string_view text)
{
    Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded())
        return SmsError::make(ErrorCode::SerializationException, "malformed JSON");
    return json;
}

template <typename T>
Result<T> parse(std::string_view text)
{
    auto json = parseJson(text);
    if (!json)
        return json.error();
    return fromJson<T>(json.value());
}

template <typename T>
std::string serialize(const T &value)
{
    return toJson(value).dump();
}

} // namespace sms::api
