#include "client/SigV4Signer.h"

#include <QCryptographicHash>
#include <QDate>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QTime>

#include <algorithm>

namespace sms::client {

namespace {

const QByteArray kAlgorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");
const QByteArray kAmzDate = QByteArrayLiteral("x-amz-date");
const QByteArray kSecurityToken = QByteArrayLiteral("x-amz-security-token");
const QByteArray kContentSha256 = QByteArrayLiteral("x-amz-content-sha256");

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

QByteArray headerName(const QByteArray &name)
{
    return name.trimmed().toLower();
}

// First value of a header, or a null array when absent.
QByteArray findHeader(const HeaderList &headers, const QByteArray &lowerName)
{
    for (const auto &[name, value] : headers) {
        if (headerName(name) == lowerName)
            return value.trimmed();
    }
    return {};
}

// S3 signs the payload hash its client declares in x-amz-content-sha256
// (the body's SHA-256, or UNSIGNED-PAYLOAD).
QByteArray declaredPayloadHash(const SigningInput &input)
{
    const QByteArray declared = findHeader(input.headers, kContentSha256);
    return declared.isNull() ? sha256Hex(input.body) : declared;
}

// Lower-cased, sorted and without repeats: the form of the SignedHeaders list.
QList<QByteArray> normalizedNames(const QList<QByteArray> &names)
{
    QList<QByteArray> result;
    result.reserve(names.size());
    for (const QByteArray &name : names)
        result.append(headerName(name));
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

QList<QByteArray> namesOf(const HeaderList &headers)
{
    QList<QByteArray> names;
    names.reserve(headers.size());
    for (const auto &header : headers)
        names.append(header.first);
    return names;
}

// Resolves "." and "..", drops empty segments; keeps a trailing slash.
QByteArray removeDotSegments(const QByteArray &path)
{
    QList<QByteArray> segments;
    for (const QByteArray &segment : path.split('/')) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(segment);
    }
    QByteArray result = '/' + segments.join('/');
    if (!segments.isEmpty() && path.endsWith('/'))
        result += '/';
    return result;
}

QByteArray canonicalUri(const QByteArray &path, bool normalize)
{
    if (!normalize)
        return path.isEmpty() ? QByteArrayLiteral("/") : path;
    return removeDotSegments(path).toPercentEncoding("/");
}

// Decoding first makes clients that encode differently (or not at all) agree.
QByteArray rfc3986(const QByteArray &component)
{
    return QByteArray::fromPercentEncoding(component).toPercentEncoding();
}

QByteArray canonicalQuery(const QByteArray &query)
{
    QList<std::pair<QByteArray, QByteArray>> params;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QByteArray name = eq < 0 ? pair : pair.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : pair.mid(eq + 1);
        params.append({rfc3986(name), rfc3986(value)});
    }
    std::sort(params.begin(), params.end());

    QList<QByteArray> joined;
    joined.reserve(params.size());
    for (const auto &[name, value] : params)
        joined.append(name + '=' + value);
    return joined.join('&');
}

// Each line of a (possibly folded) value, with whitespace trimmed and collapsed.
void appendValueLines(const QByteArray &value, QList<QByteArray> &out)
{
    const qsizetype before = out.size();
    for (const QByteArray &line : value.split('\n')) {
        const QByteArray simple = line.simplified();
        if (!simple.isEmpty())
            out.append(simple);
    }
    if (out.size() == before)
        out.append(QByteArray()); // an empty value still counts as one
}

QByteArray canonicalHeaders(const HeaderList &headers, const QList<QByteArray> &signedNames)
{
    QMap<QByteArray, QList<QByteArray>> values;
    for (const auto &[name, value] : headers) {
        const QByteArray lower = headerName(name);
        if (signedNames.contains(lower))
            appendValueLines(value, values[lower]);
    }
    QByteArray result;
    for (const QByteArray &name : signedNames)
        result += name + ':' + values.value(name).join(',') + '\n';
    return result;
}

bool isAmzDate(const QByteArray &amzDate)
{
    return amzDate.size() == 16 && amzDate.at(8) == 'T' && amzDate.at(15) == 'Z'
        && QDate::fromString(QString::fromLatin1(amzDate.left(8)), u"yyyyMMdd").isValid()
        && QTime::fromString(QString::fromLatin1(amzDate.mid(9, 6)), u"HHmmss").isValid();
}

} // namespace

SigV4Signer::SigV4Signer(QString region, QString service, TokenSigning tokenSigning)
    : m_region(region.toUtf8())
    , m_service(service.toUtf8())
    , m_tokenSigning(tokenSigning)
{
}

Result<SigningResult> SigV4Signer::sign(const SigningInput &input, const Credentials &credentials,
                                        const QDateTime &now) const
{
    if (!credentials.isValid())
        return SmsError::make(ErrorCode::CredentialsNotFound,
                              "cannot sign the request: the access key id or secret key is empty");

    SigningInput toSign = input;
    HeaderList added;
    QByteArray amzDate = findHeader(input.headers, kAmzDate);
    if (amzDate.isNull()) {
        amzDate = now.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'").toLatin1();
        added.append({QByteArrayLiteral("X-Amz-Date"), amzDate});
        toSign.headers.append(added.last());
    } else if (!isAmzDate(amzDate)) {
        return SmsError::make(ErrorCode::InvalidRequest,
                              "X-Amz-Date is not of the form yyyyMMddTHHmmssZ: "
                                  + amzDate.toStdString());
    }

    const QByteArray token = credentials.sessionToken.toUtf8();
    if (!token.isEmpty() && findHeader(input.headers, kSecurityToken).isNull()) {
        added.append({QByteArrayLiteral("X-Amz-Security-Token"), token});
        if (m_tokenSigning == TokenSigning::Signed)
            toSign.headers.append(added.last());
    }

    SigningResult result = signWithHeaders(toSign, namesOf(toSign.headers), amzDate,
                                           credentials.accessKeyId.toUtf8(),
                                           credentials.secretAccessKey.toUtf8());
    added.append({QByteArrayLiteral("Authorization"), result.authorization});
    result.headersToAdd = added;
    return result;
}

SigningResult SigV4Signer::signWithHeaders(const SigningInput &input,
                                           const QList<QByteArray> &signedHeaders,
                                           const QByteArray &amzDate,
                                           const QByteArray &accessKeyId,
                                           const QByteArray &secretKey) const
{
    SigningResult result;
    result.amzDate = amzDate;
    result.canonicalRequest = canonicalRequest(input, signedHeaders, rules());
    const QByteArray scope = credentialScope(amzDate);
    result.stringToSign = stringToSign(amzDate, scope, result.canonicalRequest);
    const QByteArray key = signingKey(secretKey, amzDate.left(8), m_region, m_service);
    result.signature = hmacSha256(key, result.stringToSign).toHex();
    result.authorization = kAlgorithm + " Credential=" + accessKeyId + '/' + scope
        + ", SignedHeaders=" + normalizedNames(signedHeaders).join(';')
        + ", Signature=" + result.signature;
    return result;
}

QByteArray SigV4Signer::computeSignature(const SigningInput &input,
                                         const QList<QByteArray> &signedHeaders,
                                         const QByteArray &amzDate,
                                         const QByteArray &secretKey) const
{
    return signWithHeaders(input, signedHeaders, amzDate, QByteArray(), secretKey).signature;
}

QByteArray SigV4Signer::credentialScope(const QByteArray &amzDate) const
{
    return amzDate.left(8) + '/' + m_region + '/' + m_service + "/aws4_request";
}

QByteArray SigV4Signer::canonicalRequest(const SigningInput &input, const QList<QByteArray> &signedHeaders,
                                         Rules rules)
{
    const QList<QByteArray> names = normalizedNames(signedHeaders);
    return input.method + '\n'
        + canonicalUri(input.path, rules == Rules::Standard) + '\n'
        + canonicalQuery(input.query) + '\n'
        + canonicalHeaders(input.headers, names) + '\n'
        + names.join(';') + '\n'
        + (rules == Rules::S3 ? declaredPayloadHash(input) : sha256Hex(input.body));
}

QByteArray SigV4Signer::stringToSign(const QByteArray &amzDate, const QByteArray &credentialScope,
                                     const QByteArray &canonicalRequest)
{
    return kAlgorithm + '\n' + amzDate + '\n' + credentialScope + '\n'
        + sha256Hex(canonicalRequest);
}

QByteArray SigV4Signer::signingKey(const QByteArray &secretKey, const QByteArray &date,
                                   const QByteArray &region, const QByteArray &service)
{
    const QByteArray dateKey = hmacSha256("AWS4" + secretKey, date);
    const QByteArray regionKey = hmacSha256(dateKey, region);
    const QByteArray serviceKey = hmacSha256(regionKey, service);
    return hmacSha256(serviceKey, QByteArrayLiteral("aws4_request"));
}

bool SigV4Signer::signaturesEqual(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return difference == 0;
}

SigV4Signer::Rules SigV4Signer::rules() const
{
    return m_service == "s3" ? Rules::S3 : Rules::Standard;
}

} // namespace sms::client
