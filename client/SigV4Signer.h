#pragma once
// AWS Signature Version 4 (header form), shared by the client, which signs
// outgoing requests, and sms-local, which recomputes the signature of incoming
// ones to verify them. Both sides must canonicalise identically, so the single
// implementation lives here.
//
// Canonicalisation, as in AWS's reference and its test suite:
// - Path: for every service but S3, dot segments ("." and "..") are resolved
//   and repeated slashes collapsed (a trailing slash is kept); then each
//   segment is percent-encoded once more (RFC 3986 unreserved characters
//   stay). The path is taken as sent, so an on-the-wire "%20" becomes "%2520":
//   AWS's double encoding for non-S3 services. S3 paths are used as sent.
// - Query: split on '&', each pair at its first '=' (a missing '=' means an
//   empty value); names and values are percent-decoded and re-encoded with
//   RFC 3986 rules ('+' stays a literal plus, %2B), then sorted by name, then
//   by value.
// - Headers: names lower-cased and sorted; each value trimmed, inner runs of
//   whitespace collapsed to one space (quotes are not special); a folded,
//   multi-line value contributes each line as its own value; repeated names
//   are joined with ',' in the order sent.
// - Payload: lower-case hex SHA-256 of the body; for S3, the hash the request
//   declares in x-amz-content-sha256 (S3 checks it against the body).

#include "api/Result.h"
#include "client/Credentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <utility>

namespace sms::client {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// A request as it goes over the wire.
struct SigningInput
{
    QByteArray method;
    QByteArray path;     // raw, percent-encoded as sent; empty means "/"
    QByteArray query;    // raw, without the '?'
    HeaderList headers;  // as sent: names in any case, possibly repeated
    QByteArray body;
};

struct SigningResult
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;      // lower-case hex
    QByteArray authorization;  // value of the Authorization header
    QByteArray amzDate;        // yyyyMMddTHHmmssZ
    HeaderList headersToAdd;   // what sign() adds: X-Amz-Date, X-Amz-Security-Token, Authorization
};

class SigV4Signer
{
public:
    // Services differ on whether the session token is part of the signature
    // (the SDKs sign it, e.g. for STS); the AWS suite shows both.
    enum class TokenSigning { Signed, AddedAfterSigning };

    SigV4Signer(QString region, QString service, TokenSigning tokenSigning = TokenSigning::Signed);

    // Signs every header of `input` (the caller decides what it sends). The
    // time is the input's X-Amz-Date header if present, else `now` in UTC.
    // Fails on invalid credentials or a malformed X-Amz-Date.
    Result<SigningResult> sign(const SigningInput &input, const Credentials &credentials,
                               const QDateTime &now) const;

    // For verification: the signature over exactly `signedHeaders` (lower-case
    // names, as listed in the Authorization header) at `amzDate`. The result's
    // canonicalRequest and stringToSign let a verifier explain a mismatch.
    SigningResult signWithHeaders(const SigningInput &input, const QList<QByteArray> &signedHeaders,
                                  const QByteArray &amzDate, const QByteArray &accessKeyId,
                                  const QByteArray &secretKey) const;
    QByteArray computeSignature(const SigningInput &input, const QList<QByteArray> &signedHeaders,
                                const QByteArray &amzDate, const QByteArray &secretKey) const;

    // "20150830/us-east-1/service/aws4_request" for the date of `amzDate`.
    QByteArray credentialScope(const QByteArray &amzDate) const;

    // S3 takes the path as sent and the payload hash its client declares.
    enum class Rules { Standard, S3 };
    static QByteArray canonicalRequest(const SigningInput &input, const QList<QByteArray> &signedHeaders,
                                       Rules rules);
    static QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &credentialScope,
                                   const QByteArray &canonicalRequest);
    static QByteArray signingKey(const QByteArray &secretKey, const QByteArray &date,
                                 const QByteArray &region, const QByteArray &service);

    // Constant-time comparison, so a verifier does not leak how many leading
    // characters of a forged signature were right.
    static bool signaturesEqual(const QByteArray &a, const QByteArray &b);

private:
    Rules rules() const;

    QByteArray m_region;
    QByteArray m_service;
    TokenSigning m_tokenSigning;
};

} // namespace sms::client
