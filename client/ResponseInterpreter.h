#pragma once
// Turns what came back over HTTP into the operation's JSON or an SmsError.
// Errors follow the JSON 1.1 protocol ({"__type": "prefix#Code", "message"});
// anything else (an HTML page from a proxy, a truncated body) becomes a clear
// error that names the HTTP status instead of a parse failure.

#include "api/JsonCodec.h"
#include "api/Result.h"

#include <QByteArray>

namespace sms::client {

struct HttpResponse
{
    int status = 0;
    QByteArray body;
    QByteArray requestId;    // x-amzn-RequestId
    QByteArray contentType;
    QByteArray errorType;    // x-amzn-ErrorType, used when the body names no error
};

Result<api::Json> interpretResponse(const HttpResponse &response);

// A short, printable hint of what a non-JSON body was: an HTML page's <title>,
// or its first characters.
std::string describeBody(const QByteArray &body, const QByteArray &contentType);

} // namespace sms::client
