#include "sandbox/RequestAuthenticator.h"

#include <QMap>

namespace sms::sandbox {
namespace {

constexpr QByteArrayView kAlgorithm = "AWS4-HMAC-SHA256";
constexpr int kHttpBadRequest = 400;
constexpr int kHttpForbidden = 403;

SmsError authError(ErrorCode code, const QString &message, int status = kHttpBadRequest)
{
    return SmsError::make(code, message.toStdString(), status);
}

QByteArray header(const client::SigningInput &request, QByteArrayView name)
{
    QByteArray joined;
    for (const auto &[key, value] : request.headers) {
        if (key.compare(name, Qt::CaseInsensitive) != 0)
            continue;
        if (!joined.isEmpty())
            joined += ',';
        joined += value.trimmed();
    }
    return joined;
}

// "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…" as its parts.
struct Authorization
{
    QList<QByteArray> scope;  // access key, date, region, service, "aws4_request"
    QList<QByteArray> signedHeaders;
    QByteArray signature;
};

Result<Authorization> parseAuthorization(const QByteArray &text)
{
    if (!text.startsWith(kAlgorithm.toByteArray() + ' '))
        return authError(ErrorCode::IncompleteSignatureException,
                         QStringLiteral("Authorization header requires the AWS4-HMAC-SHA256 algorithm."));
    QMap<QByteArray, QByteArray> parts;
    for (const QByteArray &part : text.mid(kAlgorithm.size() + 1).split(',')) {
        const qsizetype eq = part.indexOf('=');
        if (eq > 0)
            parts.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    QStringList missing;
    for (const char *name : {"Credential", "SignedHeaders", "Signature"})
        if (parts.value(name).isEmpty())
            missing << QStringLiteral("Authorization header requires '%1' parameter.").arg(QLatin1String(name));
    if (!missing.isEmpty())
        return authError(ErrorCode::IncompleteSignatureException, missing.join(QLatin1Char(' ')));

    Authorization authorization{parts.value("Credential").split('/'), parts.value("SignedHeaders").split(';'),
                                parts.value("Signature")};
    if (authorization.scope.size() != 5 || authorization.scope[4] != "aws4_request")
        return authError(ErrorCode::IncompleteSignatureException,
                         QStringLiteral("Credential must have exactly 5 slash-delimited elements, e.g. "
                                        "keyid/date/region/service/aws4_request, got '%1'.")
                             .arg(QString::fromUtf8(parts.value("Credential"))));
    return authorization;
}

QString stamp(const QDateTime &time)
{
    return time.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

} // namespace

Result<void> RequestAuthenticator::checkClock(const QByteArray &amzDate, const QDateTime &now) const
{
    QDateTime signedAt = QDateTime::fromString(QString::fromLatin1(amzDate), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (!signedAt.isValid())
        return authError(ErrorCode::IncompleteSignatureException,
                         QStringLiteral("Authorization header requires existence of a valid 'X-Amz-Date' header."));
    signedAt.setTimeSpec(Qt::UTC);
    const qint64 skew = std::chrono::duration_cast<std::chrono::seconds>(m_settings.maxClockSkew).count();
    const QDateTime nowUtc = now.toUTC();
    if (signedAt < nowUtc.addSecs(-skew))
        return authError(ErrorCode::InvalidSignatureException,
                         QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - %4 min.)")
                             .arg(stamp(signedAt), stamp(nowUtc.addSecs(-skew)), stamp(nowUtc))
                             .arg(skew / 60));
    if (signedAt > nowUtc.addSecs(skew))
        return authError(ErrorCode::InvalidSignatureException,
                         QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + %4 min.)")
                             .arg(stamp(signedAt), stamp(nowUtc.addSecs(skew)), stamp(nowUtc))
                             .arg(skew / 60));
    return {};
}

Result<void> RequestAuthenticator::checkScope(const QList<QByteArray> &scope, const QByteArray &amzDate) const
{
    if (scope[1] != amzDate.left(8))
        return authError(ErrorCode::InvalidSignatureException,
                         QStringLiteral("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of "
                                        "date from HTTP: '%1' != '%2'.")
                             .arg(QString::fromLatin1(scope[1]), QString::fromLatin1(amzDate.left(8))));
    if (scope[2] != m_settings.region.toUtf8())
        return authError(ErrorCode::InvalidSignatureException,
                         QStringLiteral("Credential should be scoped to a valid region, not '%1'.")
                             .arg(QString::fromUtf8(scope[2])));
    if (scope[3] != m_settings.service.toUtf8())
        return authError(ErrorCode::InvalidSignatureException,
                         QStringLiteral("Credential should be scoped to correct service: '%1'.").arg(m_settings.service));
    return {};
}

RequestAuthenticator::RequestAuthenticator(AuthSettings settings)
    : m_settings(std::move(settings))
    , m_signer(m_settings.region, m_settings.service)
{
}

const SandboxKey *RequestAuthenticator::findKey(const QByteArray &accessKeyId) const
{
    for (const SandboxKey &key : m_settings.keys)
        if (key.accessKeyId.toUtf8() == accessKeyId)
            return &key;
    return nullptr;
}

Result<void> RequestAuthenticator::verify(const client::SigningInput &request, const QDateTime &now) const
{
    const QByteArray authorizationText = header(request, "Authorization");
    if (authorizationText.isEmpty())
        return authError(ErrorCode::MissingAuthenticationTokenException, QStringLiteral("Missing Authentication Token"),
                         kHttpForbidden);
    auto authorization = parseAuthorization(authorizationText);
    if (!authorization)
        return authorization.error();
    const auto &scope = authorization->scope;

    const SandboxKey *key = findKey(scope[0]);
    const QByteArray token = header(request, "X-Amz-Security-Token");
    if (!key || (!key->sessionToken.isEmpty() && key->sessionToken.toUtf8() != token))
        return authError(ErrorCode::UnrecognizedClientException,
                         QStringLiteral("The security token included in the request is invalid."));

    const QByteArray amzDate = header(request, "X-Amz-Date");
    if (auto fresh = checkClock(amzDate, now); !fresh)
        return fresh;
    if (auto scoped = checkScope(scope, amzDate); !scoped)
        return scoped;
    const auto &signedHeaders = authorization->signedHeaders;
    if (!signedHeaders.contains("host") || (!token.isEmpty() && !signedHeaders.contains("x-amz-security-token")))
        return authError(ErrorCode::InvalidSignatureException,
                         QStringLiteral("'Host'%1 must be a signed header field.")
                             .arg(token.isEmpty() ? QString() : QStringLiteral(" and 'X-Amz-Security-Token'")));

    const auto expected = m_signer.signWithHeaders(request, signedHeaders, amzDate, scope[0],
                                                   key->secretAccessKey.toUtf8());
    if (!client::SigV4Signer::signaturesEqual(expected.signature, authorization->signature))
        return authError(ErrorCode::InvalidSignatureException,
                         QStringLiteral("The request signature we calculated does not match the signature you "
                                        "provided. Check your AWS Secret Access Key and signing method.\n\n"
                                        "The Canonical String for this request should have been\n'%1'\n\n"
                                        "The String-to-Sign should have been\n'%2'\n")
                             .arg(QString::fromUtf8(expected.canonicalRequest), QString::fromUtf8(expected.stringToSign)));
    return {};
}

} // namespace sms::sandbox
