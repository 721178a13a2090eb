#pragma once
// LocalBucket: sms-local's stand-in for the S3 bucket SMS writes templates and
// change sets to: a folder (sms-local --s3-dir) holding <bucket>/<key> files,
// written atomically so a reader never sees half a template. A key is a
// relative path of '/'-separated names; one that could reach outside the
// bucket's folder is refused, never written.

#include "api/Result.h"
#include "api/SmsTypes.h"

#include <QString>

#include <string>
#include <string_view>

namespace sms::sandbox {

class LocalBucket
{
public:
    static constexpr const char *kBucket = "sms-local-templates";

    explicit LocalBucket(QString root) : m_root(std::move(root)) {}

    // Writes `content` under `key` and returns its location.
    Result<api::S3Location> put(const std::string &key, const std::string &content) const;
    // The file behind a location; empty when the location is not one of this bucket's.
    QString pathOf(const api::S3Location &location) const;

private:
    Result<QString> fileOf(std::string_view bucket, std::string_view key) const;

    QString m_root;
};

} // namespace sms::sandbox
