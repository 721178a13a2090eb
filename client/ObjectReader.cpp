#include "client/ObjectReader.h"

#include "client/Endpoint.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QXmlStreamReader>

#include <optional>

namespace sms::client {
namespace {

// Each '/'-separated segment percent-encoded, RFC 3986 unreserved characters kept.
QString encodedKey(const std::string &key)
{
    QStringList segments;
    for (const QString &segment : QString::fromStdString(key).split(QLatin1Char('/')))
        segments.append(QString::fromLatin1(QUrl::toPercentEncoding(segment)));
    return segments.join(QLatin1Char('/'));
}

struct S3ErrorDocument
{
    QString code;
    QString message;
};

// <Error><Code>…</Code><Message>…</Message></Error>, or nothing when `body` is not that.
std::optional<S3ErrorDocument> parseS3Error(const QByteArray &body)
{
    QXmlStreamReader xml(body);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("Error"))
        return std::nullopt;
    S3ErrorDocument error;
    while (xml.readNextStartElement()) {
        if (xml.name() == QLatin1String("Code"))
            error.code = xml.readElementText();
        else if (xml.name() == QLatin1String("Message"))
            error.message = xml.readElementText();
        else
            xml.skipCurrentElement();
    }
    if (xml.hasError() || error.code.isEmpty())
        return std::nullopt;
    return error;
}

Result<QByteArray> interpret(QNetworkReply &reply, const std::string &object)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply.readAll();
    if (status == 0)
        return SmsError::make(reply.error() == QNetworkReply::OperationCanceledError ? ErrorCode::Timeout
                                                                                       : ErrorCode::NetworkError,
                              "Could not read " + object + " from " + reply.url().toDisplayString().toStdString()
                                  + ": " + reply.errorString().toStdString());
    if (status == 200) {
        const QVariant length = reply.header(QNetworkRequest::ContentLengthHeader);
        if (reply.error() != QNetworkReply::NoError || (length.isValid() && length.toLongLong() != body.size()))
            return SmsError::make(ErrorCode::InvalidResponse,
                                  "The answer for " + object + " was cut short after " + std::to_string(body.size())
                                      + " bytes: " + reply.errorString().toStdString(),
                                  status);
        return body;
    }
    SmsError error;
    error.httpStatus = status;
    error.requestId = reply.rawHeader("x-amz-request-id").toStdString();
    if (const auto document = parseS3Error(body)) {
        error.code = document->code.toStdString();
        error.message = "S3 refused to read " + object + ": " + document->message.toStdString();
    } else {
        error.code = toString(ErrorCode::InvalidResponse);
        const QByteArray type = reply.header(QNetworkRequest::ContentTypeHeader).toByteArray();
        error.message = "Reading " + object + " got HTTP " + std::to_string(status) + " with "
            + (type.isEmpty() ? std::string("no content type") : type.toStdString())
            + ", not an answer from S3; is a proxy in the way?";
    }
    error.retryable = status >= 500;
    return error;
}

} // namespace

std::string s3Url(const api::S3Location &location)
{
    return "s3://" + location.bucket.value_or("") + "/" + location.key.value_or("");
}

Result<QUrl> objectUrl(const QUrl &smsEndpoint, const QString &region, const api::S3Location &location)
{
    if (location.bucket.value_or("").empty() || location.key.value_or("").empty())
        return SmsError::make(ErrorCode::InvalidResponse,
                              "SMS named no S3 object to read (" + s3Url(location) + ")");
    const QString bucket = QString::fromStdString(*location.bucket);
    const QString key = encodedKey(*location.key);
    // sms.<region>.amazonaws.com[.cn] means AWS; anything else serves the bucket itself.
    static const QRegularExpression aws(QStringLiteral("^sms(-fips)?\\.[a-z0-9-]+\\.(amazonaws\\.com(\\.cn)?)$"));
    const auto match = aws.match(smsEndpoint.host().toLower());
    QUrl url;
    if (!match.hasMatch()) {
        url = smsEndpoint;
        url.setPath(QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(bucket)) + QLatin1Char('/') + key,
                    QUrl::StrictMode);
        return url;
    }
    const QString s3Host = QStringLiteral("s3.%1.%2").arg(region, match.captured(2));
    url.setScheme(QStringLiteral("https"));
    // Virtual-hosted, as AWS prefers; path-style for a bucket whose dots TLS wildcards cannot cover.
    if (bucket.contains(QLatin1Char('.'))) {
        url.setHost(s3Host);
        url.setPath(QLatin1Char('/') + bucket + QLatin1Char('/') + key, QUrl::StrictMode);
    } else {
        url.setHost(bucket + QLatin1Char('.') + s3Host);
        url.setPath(QLatin1Char('/') + key, QUrl::StrictMode);
    }
    return url;
}

ObjectReader::ObjectReader(ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(this)
    , m_signer(m_config.region, QStringLiteral("s3"))
{
    // TLS errors are never ignored, as in HttpTransport.
    m_network.setStrictTransportSecurityEnabled(true);
}

void ObjectReader::read(const api::S3Location &location, QObject *context, Done done)
{
    const auto resolved = objectUrl(m_config.endpoint, m_config.region, location);
    if (!resolved)
        return done(resolved.error());
    const QUrl &url = resolved.value();
    SigningInput input;
    input.method = "GET";
    input.path = url.path(QUrl::FullyEncoded).toUtf8();
    input.headers.append({"Host", hostHeader(url)});
    input.headers.append({"x-amz-content-sha256", QCryptographicHash::hash(QByteArray(), QCryptographicHash::Sha256).toHex()});
    const auto signature = m_signer.sign(input, m_config.credentials, QDateTime::currentDateTimeUtc());
    if (!signature)
        return done(signature.error());
    QNetworkRequest request(url);
    for (const auto &[name, value] : input.headers + signature->headersToAdd)
        request.setRawHeader(name, value);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(int(m_config.attemptTimeout.count()));
    QNetworkReply *reply = m_network.get(request);
    connect(reply, &QNetworkReply::finished, context,
            [reply, object = s3Url(location), done = std::move(done)] {
                reply->deleteLater();
                done(interpret(*reply, object));
            });
    connect(context, &QObject::destroyed, reply, &QNetworkReply::abort);
}

} // namespace sms::client
