#include "client/ResponseInterpreter.h"

#include "client/RetryPolicy.h"

#include <QRegularExpression>

namespace sms::client {
namespace {

constexpr qsizetype kHintLength = 80;

std::string codeFromType(std::string type)
{
    // As the awsJson protocols say: the part before the first ':', then the
    // part after the first '#'. "com.amazonaws.sms#InvalidParameterException",
    // or the header form "InvalidParameterException:http://internal.amazon.com/...".
    if (const auto colon = type.find(':'); colon != std::string::npos)
        type.erase(colon);
    if (const auto hash = type.find('#'); hash != std::string::npos)
        type.erase(0, hash + 1);
    return type;
}

std::string stringMember(const api::Json &json, std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        const auto it = json.find(name);
        if (it != json.end() && it->is_string())
            return it->get<std::string>();
    }
    return {};
}

SmsError finish(SmsError error, const HttpResponse &response)
{
    error.httpStatus = response.status;
    error.requestId = response.requestId.toStdString();
    error.retryable = isRetryableError(error);
    return error;
}

} // namespace

std::string describeBody(const QByteArray &body, const QByteArray &contentType)
{
    if (body.isEmpty())
        return "an empty body";
    static const QRegularExpression title(QStringLiteral("<title[^>]*>([^<]*)</title>"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromUtf8(body.left(4096));
    const auto match = title.match(text);
    QString hint = match.hasMatch() ? match.captured(1) : text;
    hint = hint.simplified().left(kHintLength);
    const QString type = contentType.isEmpty() ? QStringLiteral("unknown type")
                                               : QString::fromLatin1(contentType.split(';').first());
    return QStringLiteral("a %1 body: \"%2\"").arg(type, hint).toStdString();
}

SmsError invalidBodyError(const HttpResponse &response)
{
    return finish(SmsError::make(ErrorCode::InvalidResponse,
                                 "the endpoint answered HTTP " + std::to_string(response.status)
                                     + " but the body is not a JSON object (truncated, or not an SMS endpoint?): "
                                     + describeBody(response.body, response.contentType)),
                  response);
}

SmsError modelMismatchError(SmsError decodeError, const HttpResponse &response)
{
    decodeError.code = std::string(toString(ErrorCode::InvalidResponse));
    decodeError.message = "the response does not match the SMS model: " + decodeError.message;
    return finish(std::move(decodeError), response);
}

Result<api::Json> parseBody(const HttpResponse &response)
{
    if (isBlank(response.body))
        return api::Json::object();
    auto json = api::parseJson(textOf(response.body));
    if (!json || !json->is_object())
        return invalidBodyError(response);
    return json;
}

Result<HttpResponse> checkStatus(HttpResponse response)
{
    if (response.status >= 200 && response.status < 300)
        return response;

    auto json = api::parseJson(textOf(response.body));
    SmsError error;
    if (json && json->is_object()) {
        error.code = codeFromType(stringMember(json.value(), {"__type", "code", "Code"}));
        error.message = stringMember(json.value(), {"message", "Message", "errorMessage"});
    }
    if (error.code.empty() && !response.errorType.isEmpty())
        error.code = codeFromType(response.errorType.toStdString());
    if (error.code.empty()) {
        // No AWS error at all: a proxy, a load balancer or something else
        // answered. Retried by its status (5xx), reported as not from SMS.
        error.code = toString(ErrorCode::InvalidResponse);
        error.message = "HTTP " + std::to_string(response.status) + " from the endpoint with "
            + describeBody(response.body, response.contentType);
    } else if (error.message.empty()) {
        error.message = "HTTP " + std::to_string(response.status);
    }
    return finish(std::move(error), response);
}

} // namespace sms::client
