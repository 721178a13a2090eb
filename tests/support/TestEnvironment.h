#pragma once
// An AwsEnvironment for a test: a home folder of its own and exactly the
// variables a data row lists (NAME=value), so nothing of the machine's AWS
// set-up leaks in.

#include "client/AwsEnvironment.h"

#include <QStringList>

namespace sms::testing {

inline client::AwsEnvironment testEnvironment(const QString &home, const QStringList &variables)
{
    client::AwsEnvironment environment;
    environment.homeDir = home;
    environment.variables = QProcessEnvironment();
    for (const QString &variable : variables)
        environment.variables.insert(variable.section(QLatin1Char('='), 0, 0), variable.section(QLatin1Char('='), 1));
    return environment;
}

} // namespace sms::testing
