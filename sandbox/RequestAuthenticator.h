#pragma once
// RequestAuthenticator: sms-local's check of an incoming request's SigV4
// signature, with the error codes and messages AWS JSON services answer:
// MissingAuthenticationTokenException, IncompleteSignatureException,
// UnrecognizedClientException and InvalidSignatureException (bad signature,
// wrong scope, or a request older or newer than the allowed clock skew).

#include "api/Result.h"
#include "client/SigV4Signer.h"
#include "sandbox/SandboxDefaults.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <vector>

namespace sms::sandbox {

struct SandboxKey
{
    QString accessKeyId;
    QString secretAccessKey;
    // When set, requests with this key must carry exactly this
    // X-Amz-Security-Token (as temporary credentials do); when empty, a token
    // is accepted if it is signed.
    QString sessionToken;
};

struct AuthSettings
{
    std::vector<SandboxKey> keys;
    QString region = QStringLiteral("us-east-1");
    QString service = QStringLiteral("sms");
    std::chrono::minutes maxClockSkew{15};
};

// The documented sandbox key pair, for `region`.
inline AuthSettings defaultAuthSettings(QString region = QString::fromLatin1(kDefaultRegion))
{
    AuthSettings auth;
    auth.keys = {{QString::fromLatin1(kDefaultAccessKeyId), QString::fromLatin1(kDefaultSecretAccessKey), {}}};
    auth.region = std::move(region);
    return auth;
}

class RequestAuthenticator
{
public:
    explicit RequestAuthenticator(AuthSettings settings);

    // The request as received (method, raw path and query, headers, body).
    Result<void> verify(const client::SigningInput &request, const QDateTime &now) const;

private:
    const SandboxKey *findKey(const QByteArray &accessKeyId) const;
    Result<void> checkClock(const QByteArray &amzDate, const QDateTime &now) const;
    Result<void> checkScope(const QList<QByteArray> &scope, const QByteArray &amzDate) const;

    AuthSettings m_settings;
    client::SigV4Signer m_signer;
};

} // namespace sms::sandbox
