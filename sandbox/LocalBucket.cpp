#include "sandbox/LocalBucket.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace sms::sandbox {

QString LocalBucket::pathOf(const api::S3Location &location) const
{
    return QDir(m_root).filePath(QString::fromStdString(location.bucket.value_or("") + '/' + location.key.value_or("")));
}

Result<api::S3Location> LocalBucket::put(const std::string &key, const std::string &content) const
{
    api::S3Location location;
    location.bucket = kBucket;
    location.key = key;
    const QString path = pathOf(location);
    QSaveFile file(path);
    const bool written = QDir().mkpath(QFileInfo(path).absolutePath()) && file.open(QIODevice::WriteOnly)
        && file.write(content.data(), qint64(content.size())) == qint64(content.size()) && file.commit();
    if (!written)
        return SmsError::make(ErrorCode::InternalError,
                              "sms-local could not write " + path.toStdString() + ": " + file.errorString().toStdString(),
                              500);
    return location;
}

} // namespace sms::sandbox
