#pragma once
// One signed HTTP attempt at a time, over one QNetworkAccessManager so that
// connections are kept alive and reused. Retrying and timing out is SmsCall's job.

#include "api/Result.h"
#include "client/ClientConfig.h"
#include "client/SigV4Signer.h"

#include <QNetworkAccessManager>
#include <QObject>

class QNetworkReply;

namespace sms::client {

class HttpTransport : public QObject
{
    Q_OBJECT

public:
    explicit HttpTransport(ClientConfig config, QObject *parent = nullptr);

    const ClientConfig &config() const { return m_config; }
    RetryQuota &retryQuota() { return m_retryQuota; }

    // Signs and posts `body` as the operation; the reply is parented to the
    // caller's `owner`. Fails only when the request cannot be signed.
    Result<QNetworkReply *> post(const QByteArray &operation, const QByteArray &body, QObject *owner);

private:
    ClientConfig m_config;
    QNetworkAccessManager m_network;
    SigV4Signer m_signer;
    RetryQuota m_retryQuota;
    QByteArray m_hostHeader;
    QByteArray m_userAgent;
};

} // namespace sms::client
