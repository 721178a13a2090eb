#pragma once
// Turns what came back over HTTP into the operation's result or an SmsError.
// Errors follow the JSON 1.1 protocol ({"__type": "prefix#Code", "message"});
// anything else (an HTML page from a proxy, a truncated body) becomes a clear
// error that names the HTTP status instead of a parse failure.

#include "api/JsonCodec.h"
#include "api/Result.h"

#include <QByteArray>

#include <algorithm>
#include <string_view>

namespace sms::client {

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray requestId;    // x-amzn-RequestId
    QByteArray contentType;
    QByteArray errorType;    // x-amzn-ErrorType, used when the body names no error
};

// A 2xx response as it is; anything else as the error it carries.
Result<HttpResponse> checkStatus(HttpResponse response);

// A 2xx body as generic JSON (an empty body is {}), for raw calls.
Result<api::Json> parseBody(const HttpResponse &response);

// A 2xx body as the operation's typed response.
template <typename T>
Result<T> decodeBody(const HttpResponse &response, api::ServerDetails servers = api::ServerDetails::Keep);

// The bytes of a body as the JSON parsers take them.
inline std::string_view textOf(const QByteArray &body)
{
    return std::string_view(body.constData(), size_t(body.size()));
}

// Empty or only white space: what some operations answer instead of {}.
inline bool isBlank(const QByteArray &body)
{
    return std::all_of(body.begin(), body.end(), [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; });
}

// The error for a 2xx body that is not a JSON object.
SmsError invalidBodyError(const HttpResponse &response);

// The error for a 2xx JSON body that does not fit the operation's response type.
SmsError modelMismatchError(SmsError decodeError, const HttpResponse &response);

// A short, printable hint of what a non-JSON body was: an HTML page's <title>,
// or its first characters.
std::string describeBody(const QByteArray &body, const QByteArray &contentType);

template <typename T>
Result<T> decodeBody(const HttpResponse &response, api::ServerDetails servers)
{
    const QByteArray &body = isBlank(response.body) ? QByteArrayLiteral("{}") : response.body;
    auto typed = api::parse<T>(textOf(body), servers);
    if (typed)
        return typed;
    if (typed.error().errorCode() == ErrorCode::SerializationException)
        return invalidBodyError(response);
    return modelMismatchError(typed.error(), response);
}

} // namespace sms::client
