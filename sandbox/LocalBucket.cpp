#include "sandbox/LocalBucket.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>

namespace sms::sandbox {
namespace {

// Keys are made by the engine from ids it issued (a state file with other ids
// is refused on load), so a bad one is sms-local's bug, not the client's.
SmsError refused(std::string_view key, std::string_view why)
{
    return SmsError::make(ErrorCode::InternalError,
                          "sms-local refused the bucket key \"" + std::string(key) + "\": " + std::string(why), 500);
}

bool hasParentSegment(std::string_view key)
{
    for (std::size_t start = 0; start <= key.size();) {
        const std::size_t end = std::min(key.find('/', start), key.size());
        if (key.substr(start, end - start) == "..")
            return true;
        start = end + 1;
    }
    return false;
}

} // namespace

Result<QString> LocalBucket::fileOf(std::string_view bucket, std::string_view key) const
{
    if (bucket != kBucket)
        return refused(key, "it is not in bucket " + std::string(kBucket) + ".");
    if (key.empty())
        return refused(key, "it is empty.");
    const QString relative = QString::fromUtf8(key.data(), qsizetype(key.size()));
    if (QDir::isAbsolutePath(relative))
        return refused(key, "it is an absolute path.");
    if (key.find('\\') != std::string_view::npos || key.find('\0') != std::string_view::npos)
        return refused(key, "it contains a backslash or NUL.");
    if (hasParentSegment(key))
        return refused(key, "it contains a \"..\" segment.");
    // Whatever the checks above miss, the file must still land inside the bucket's folder.
    const QString folder = QDir::cleanPath(QDir(m_root).absoluteFilePath(QString::fromLatin1(kBucket)));
    const QString path = QDir::cleanPath(folder + QLatin1Char('/') + relative);
    if (!path.startsWith(folder + QLatin1Char('/')))
        return refused(key, "it leads outside the bucket's folder.");
    return path;
}

QString LocalBucket::pathOf(const api::S3Location &location) const
{
    const auto path = fileOf(location.bucket.value_or(""), location.key.value_or(""));
    return path ? path.value() : QString();
}

Result<api::S3Location> LocalBucket::put(const std::string &key, const std::string &content) const
{
    const auto path = fileOf(kBucket, key);
    if (!path)
        return path.error();
    const QString folder = QFileInfo(path.value()).absolutePath();
    if (!QDir().mkpath(folder))
        return SmsError::make(ErrorCode::InternalError,
                              "sms-local could not create the folder " + folder.toStdString() + " for "
                                  + path.value().toStdString() + ".",
                              500);
    QSaveFile file(path.value());
    if (!file.open(QIODevice::WriteOnly) || file.write(content.data(), qint64(content.size())) != qint64(content.size())
        || !file.commit())
        return SmsError::make(ErrorCode::InternalError,
                              "sms-local could not write " + path.value().toStdString() + ": "
                                  + file.errorString().toStdString(),
                              500);
    api::S3Location location;
    location.bucket = kBucket;
    location.key = key;
    return location;
}

} // namespace sms::sandbox
