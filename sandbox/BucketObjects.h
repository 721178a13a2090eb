#pragma once
// BucketObjects: S3 GetObject and HeadObject on sms-local's LocalBucket,
// path-style (GET or HEAD /<bucket>/<key>), so that a client fetches a
// generated template from sms-local as it would from S3. Errors are S3's XML
// documents (NoSuchBucket, NoSuchKey, AccessDenied, SignatureDoesNotMatch...).

#include "api/SmsError.h"
#include "sandbox/LocalBucket.h"

#include <QByteArray>
#include <QString>

namespace sms::sandbox {

struct ObjectAnswer
{
    int status = 200;
    QByteArray contentType;
    QByteArray body;           // empty for HEAD
    qint64 contentLength = 0;  // the object's size, also for HEAD
    QByteArray etag;           // for an object
    QByteArray lastModified;   // for an object, RFC 1123
};

// The answer to a read of `path`, the request's URL path percent-decoded.
ObjectAnswer readObject(const LocalBucket &bucket, const QString &path, bool headOnly);
// S3's answer to a request whose SigV4 check failed with `error`.
ObjectAnswer objectAuthFailure(const SmsError &error, const QString &path);

} // namespace sms::sandbox
