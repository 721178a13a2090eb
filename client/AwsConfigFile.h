#pragma once
// AwsConfigFile: one parsed AWS shared `credentials` or `config` INI file.
// It only parses; choosing a profile and merging the two files is
// SharedConfig's job.

#include "api/Result.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace sms::client {

// One profile's settings. Keys are lower-cased, as botocore's configparser does.
// Nested sub-sections ("s3 =" followed by indented "key = value" lines) are
// flattened to dotted keys such as "s3.max_concurrent_requests".
using AwsProfileSettings = QMap<QString, QString>;

class AwsConfigFile
{
public:
    // The files differ only in how a section names its profile:
    // `[name]` in credentials, `[default]` or `[profile name]` in config.
    enum class Kind { Credentials, Config };

    static AwsConfigFile parse(QStringView text, Kind kind);

    // A missing file is not an error (the SDKs treat it as empty); exists()
    // says which case it was. An unreadable one is.
    static Result<AwsConfigFile> load(const QString &path, Kind kind);

    const QString &path() const { return m_path; }
    bool exists() const { return m_exists; }

    bool hasProfile(const QString &name) const { return m_profiles.contains(name); }
    AwsProfileSettings profile(const QString &name) const { return m_profiles.value(name); }
    QStringList profileNames() const { return m_profiles.keys(); }

private:
    QString m_path;
    bool m_exists = false;
    QMap<QString, AwsProfileSettings> m_profiles;
};

} // namespace sms::client
