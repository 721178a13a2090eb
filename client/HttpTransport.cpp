#include "client/HttpTransport.h"

#include "api/SmsOperations.h"
#include "client/Endpoint.h"

#include <QNetworkReply>
#include <QNetworkRequest>

namespace sms::client {
HttpTransport::HttpTransport(ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(this)
    , m_signer(m_config.region, QString::fromLatin1(QByteArrayView(api::kSigningName)))
    , m_hostHeader(hostHeader(m_config.endpoint))
{
    const QString product = m_config.userAgent.isEmpty() ? QStringLiteral("sms-planner") : m_config.userAgent;
    m_userAgent = (product + QStringLiteral(" Qt/") + QString::fromLatin1(qVersion())).toUtf8();
    // TLS errors are never ignored: no ignoreSslErrors() anywhere in this client.
    m_network.setStrictTransportSecurityEnabled(true);
}

Result<QNetworkReply *> HttpTransport::post(const QByteArray &operation, const QByteArray &body, QObject *owner)
{
    SigningInput input;
    input.method = "POST";
    input.path = "/";
    input.headers = {
        {"Content-Type", QByteArrayView(api::kJsonContentType).toByteArray()},
        {"Host", m_hostHeader},
        {"X-Amz-Target", QByteArrayView(api::kTargetPrefix).toByteArray() + '.' + operation},
    };
    input.body = body;
    auto signature = m_signer.sign(input, m_config.credentials, QDateTime::currentDateTimeUtc());
    if (!signature)
        return signature.error();

    QUrl url = m_config.endpoint;
    url.setPath(QStringLiteral("/"));
    QNetworkRequest request(url);
    for (const auto &[name, value] : input.headers)
        request.setRawHeader(name, value);
    for (const auto &[name, value] : signature->headersToAdd)
        request.setRawHeader(name, value);
    request.setRawHeader("User-Agent", m_userAgent);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network.post(request, body);
    reply->setParent(owner);
    return reply;
}

} // namespace sms::client
