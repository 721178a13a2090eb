// Text -> typed values, with simdjson's DOM parser (one per thread, reused so
// its buffers are allocated once).

#include "api/JsonCodec.h"
#include "api/JsonCodecTraits.h"
#include "api/JsonFieldCursor.h"

#include <simdjson.h>

#include <limits>

namespace sms::api {
namespace codec {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Where decoding failed, built up from the innermost member outwards.
struct DecodeFailure
{
    std::string path;
    std::string problem;
    ErrorCode code = ErrorCode::InvalidParameterException;

    void prepend(std::string_view segment)
    {
        if (!path.empty() && path.front() != '[')
            path.insert(0, 1, '.');
        path.insert(0, segment);
    }
};

const char *typeName(const element &json)
{
    switch (json.type()) {
    case element_type::ARRAY: return "array";
    case element_type::OBJECT: return "object";
    case element_type::STRING: return "string";
    case element_type::BOOL: return "boolean";
    case element_type::NULL_VALUE: return "null";
    default: return "number";
    }
}

template <typename T>
bool decode(const element &json, T &out, DecodeFailure &failure, ServerDetails servers);

// A server's catalog details, which ServerDetails::IdentityOnly leaves out.
template <typename T, typename M>
constexpr bool kIsServerDetails = std::is_same_v<T, Server> && std::is_same_v<M, std::optional<VmServer>>;

template <typename T>
bool decodeStructure(const element &json, T &out, DecodeFailure &failure, ServerDetails servers)
{
    simdjson::dom::object object;
    if (json.get_object().get(object) != simdjson::SUCCESS) {
        failure.problem = std::string("expected an object, got ") + typeName(json);
        return false;
    }
    bool ok = true;
    FieldCursor fields(object);
    T::members(out, [&](const char *name, auto &member, MemberKind kind) {
        if (!ok)
            return;
        element value;
        const bool found = fields.find(name, value);
        if (!found || value.is_null()) {
            if (kind == MemberKind::Required) {
                failure.problem = "is required but missing";
                failure.code = ErrorCode::MissingRequiredParameterException;
                failure.prepend(name);
                ok = false;
            }
            return;
        }
        using M = std::decay_t<decltype(member)>;
        if constexpr (kIsServerDetails<T, M>) {
            if (servers == ServerDetails::IdentityOnly)
                return;
        }
        if constexpr (IsOptional<M>::value)
            ok = decode(value, member.emplace(), failure, servers);
        else
            ok = decode(value, member, failure, servers);
        if (!ok)
            failure.prepend(name);
    });
    return ok;
}

template <typename T>
bool decode(const element &json, T &out, DecodeFailure &failure, ServerDetails servers)
{
    const auto wrongType = [&](const char *expected) {
        failure.problem = std::string("expected ") + expected + ", got " + typeName(json);
        return false;
    };
    if constexpr (Structure<T>) {
        return decodeStructure(json, out, failure, servers);
    } else if constexpr (IsVector<T>::value) {
        simdjson::dom::array array;
        if (json.get_array().get(array) != simdjson::SUCCESS)
            return wrongType("an array");
        // Grown item by item: dom::array::size() saturates on huge arrays.
        out.clear();
        size_t i = 0;
        for (const element item : array) {
            if (!decode(item, out.emplace_back(), failure, servers)) {
                failure.prepend("[" + std::to_string(i) + "]");
                return false;
            }
            ++i;
        }
        return true;
    } else if constexpr (IsOpenEnum<T>::value) {
        std::string_view text;
        if (json.get_string().get(text) != simdjson::SUCCESS)
            return wrongType("a string");
        out = T::fromString(text);
        return true;
    } else if constexpr (std::is_same_v<T, Timestamp>) {
        if (json.get_double().get(out.epochSeconds) != simdjson::SUCCESS)
            return wrongType("a timestamp in epoch seconds");
        return true;
    } else if constexpr (std::is_same_v<T, std::string>) {
        std::string_view text;
        if (json.get_string().get(text) != simdjson::SUCCESS)
            return wrongType("a string");
        out.assign(text);
        return true;
    } else if constexpr (std::is_same_v<T, bool>) {
        if (json.get_bool().get(out) != simdjson::SUCCESS)
            return wrongType("a boolean");
        return true;
    } else {
        static_assert(std::is_same_v<T, int>, "a member type the codec does not know");
        int64_t number = 0;
        if (json.get_int64().get(number) != simdjson::SUCCESS || number < std::numeric_limits<int>::min()
            || number > std::numeric_limits<int>::max())
            return wrongType("an integer");
        out = int(number);
        return true;
    }
}

simdjson::dom::parser &threadParser()
{
    thread_local simdjson::dom::parser parser;
    return parser;
}

} // namespace
} // namespace codec

template <typename T>
Result<T> parse(std::string_view text, ServerDetails servers)
{
    simdjson::dom::element document;
    const auto status = codec::threadParser().parse(text.data(), text.size()).get(document);
    if (status != simdjson::SUCCESS)
        return SmsError::make(ErrorCode::SerializationException,
                              std::string("malformed JSON (") + simdjson::error_message(status) + ")");
    if (!document.is_object())
        return SmsError::make(ErrorCode::SerializationException,
                              std::string("expected a JSON object, got ") + codec::typeName(document));
    T value{};
    codec::DecodeFailure failure;
    if (codec::decode(document, value, failure, servers))
        return value;
    return SmsError::make(failure.code, failure.path + " " + failure.problem);
}

Result<Json> parseJson(std::string_view text)
{
    Json json = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (json.is_discarded())
        return SmsError::make(ErrorCode::SerializationException, "malformed JSON");
    return json;
}

#define SMS_INSTANTIATE_PARSE(Type) template Result<Type> parse<Type>(std::string_view, ServerDetails);
SMS_FOR_EACH_STRUCTURE(SMS_INSTANTIATE_PARSE)
#undef SMS_INSTANTIATE_PARSE

} // namespace sms::api
