#include "sandbox/BucketObjects.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QUuid>
#include <QXmlStreamWriter>

namespace sms::sandbox {
namespace {

ObjectAnswer s3Error(int status, const char *code, const QString &message, const QString &resource)
{
    ObjectAnswer answer;
    answer.status = status;
    answer.contentType = QByteArrayLiteral("application/xml");
    QXmlStreamWriter xml(&answer.body);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("Error"));
    xml.writeTextElement(QStringLiteral("Code"), QString::fromLatin1(code));
    xml.writeTextElement(QStringLiteral("Message"), message);
    xml.writeTextElement(QStringLiteral("Resource"), resource);
    xml.writeTextElement(QStringLiteral("RequestId"), QUuid::createUuid().toString(QUuid::WithoutBraces));
    xml.writeEndElement();
    xml.writeEndDocument();
    answer.contentLength = answer.body.size();
    return answer;
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

} // namespace

ObjectAnswer readObject(const LocalBucket &bucket, const QString &path, bool headOnly)
{
    const qsizetype slash = path.indexOf(QLatin1Char('/'), 1);
    const QString bucketName = path.mid(1, slash < 0 ? -1 : slash - 1);
    const QString key = slash < 0 ? QString() : path.mid(slash + 1);
    if (bucketName != QLatin1String(LocalBucket::kBucket))
        return s3Error(404, "NoSuchBucket",
                       QStringLiteral("The specified bucket does not exist; sms-local's is %1.")
                           .arg(QLatin1String(LocalBucket::kBucket)),
                       path);
    api::S3Location location;
    location.bucket = bucketName.toStdString();
    location.key = key.toStdString();
    QFile file(bucket.pathOf(location));  // no path for a key that could leave the bucket
    if (key.isEmpty() || file.fileName().isEmpty() || !QFileInfo(file).isFile())
        return s3Error(404, "NoSuchKey", QStringLiteral("The specified key does not exist."), path);
    if (!file.open(QIODevice::ReadOnly))
        return s3Error(500, "InternalError",
                       QStringLiteral("sms-local could not read %1: %2").arg(file.fileName(), file.errorString()), path);
    const QByteArray content = file.readAll();
    ObjectAnswer answer;
    answer.contentType = QByteArrayLiteral("binary/octet-stream");  // S3's type for an object stored without one
    answer.contentLength = content.size();
    answer.etag = '"' + QCryptographicHash::hash(content, QCryptographicHash::Md5).toHex() + '"';
    answer.lastModified = httpDate(QFileInfo(file).lastModified());
    if (!headOnly)
        answer.body = content;
    return answer;
}

ObjectAnswer objectAuthFailure(const SmsError &error, const QString &path)
{
    const QString message = QString::fromStdString(error.message);
    switch (error.errorCode()) {
    case ErrorCode::MissingAuthenticationTokenException:
        return s3Error(403, "AccessDenied", QStringLiteral("Access Denied: the request is not signed."), path);
    case ErrorCode::UnrecognizedClientException:
        return s3Error(403, "InvalidAccessKeyId",
                       QStringLiteral("The AWS Access Key Id you provided does not exist in our records."), path);
    case ErrorCode::IncompleteSignatureException:
        return s3Error(400, "AuthorizationHeaderMalformed", message, path);
    default:
        return s3Error(403, "SignatureDoesNotMatch", message, path);
    }
}

} // namespace sms::sandbox
