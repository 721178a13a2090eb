#pragma once
// The JSON codec of the SMS value types (JSON 1.1 protocol): unset members are
// omitted, unknown members ignored, null read as unset, timestamps are epoch
// seconds (fraction allowed), unknown enum values kept.
//
// parse() reads text with simdjson and serialize() writes text directly from
// the typed values: a catalog page goes from bytes to values and back without
// an intermediate document, which is what keeps 100,000-server catalogs fast.
// Both walk each structure's members() list (JsonReader.cpp, JsonWriter.cpp)
// and are instantiated there for every structure of SmsTypes.h.
//
// For JSON whose shape is not known (raw `call` input and output, error
// bodies) use nlohmann::json through parseJson()/Json.

#include "api/Result.h"
#include "api/SmsTypes.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace sms::api {

using Json = nlohmann::json;

// What parse() keeps of the servers (api::Server) inside a value. The
// configuration answers repeat every server's catalog details (vmServer);
// a reader that holds the catalog needs only each server's identity, and
// leaving the details out spares most of the decoding and the memory.
enum class ServerDetails { Keep, IdentityOnly };

// Errors name the member's path, e.g. "serverList[3].vmServer.vmName":
// - SerializationException: the text is not JSON, or not a JSON object;
// - InvalidParameterException: a member has the wrong type;
// - MissingRequiredParameterException: a required member is absent.
// Details left out are not checked either.
template <typename T>
Result<T> parse(std::string_view text, ServerDetails servers = ServerDetails::Keep);

// Appends the value's JSON to `out`: compact by default; indent > 0
// pretty-prints like Json::dump(indent), as if nested `depth` levels deep.
template <typename T>
void serializeInto(std::string &out, const T &value, int indent = -1, int depth = 0);

template <typename T>
std::string serialize(const T &value, int indent = -1)
{
    std::string out;
    serializeInto(out, value, indent);
    return out;
}

// Parses any JSON without exceptions; malformed text is a SerializationException.
Result<Json> parseJson(std::string_view text);

// Conversions to and from a generic document, through text: for tests and
// cold paths, not for catalogs.
template <typename T>
Json toJson(const T &value)
{
    return Json::parse(serialize(value), nullptr, /*allow_exceptions=*/false);
}

template <typename T>
Result<T> fromJson(const Json &json)
{
    return parse<T>(json.dump());
}

} // namespace sms::api
