#pragma once
// AwsEnvironment: the process environment and home directory the AWS settings
// chain reads. Injected rather than read globally so that tests (and a GUI
// that edits settings before applying them) never depend on the real machine.

#include <QDir>
#include <QProcessEnvironment>
#include <QString>

namespace sms::client {

struct AwsEnvironment
{
    QProcessEnvironment variables;
    QString homeDir;

    static AwsEnvironment system()
    {
        return {QProcessEnvironment::systemEnvironment(), QDir::homePath()};
    }

    // The SDKs treat an empty variable as unset; surrounding blanks are never meant.
    QString variable(const QString &name) const { return variables.value(name).trimmed(); }
};

} // namespace sms::client
