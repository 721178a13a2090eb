#pragma once
// Runs a command-line program to its end, as the tests of the shipped tools do:
// a bare environment that only names a home and the PATH (so no ~/.aws or
// AWS_* variable of the machine leaks in), and the exit code and both outputs.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace sms::testing {

struct Run
{
    int exitCode = -1;  // -1 when the program crashed or was killed for taking too long
    QByteArray out;
    QByteArray err;
};

// An environment with HOME set to `home` and the test's PATH, nothing else.
inline QProcessEnvironment cleanEnvironment(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    return env;
}

// cleanEnvironment() with the test credentials and region sms-plan needs.
inline QProcessEnvironment cliEnvironment(const QString &home)
{
    QProcessEnvironment env = cleanEnvironment(home);
    env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDCLITEST"));
    env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("cli-test-secret"));
    env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("eu-west-1"));
    return env;
}

// Runs `program` with `arguments` in `env` and waits for it to finish; after
// `timeoutMs` it is killed and the run reports exit code -1.
inline Run runToEnd(const QString &program, const QStringList &arguments, const QProcessEnvironment &env,
                    int timeoutMs = 30'000)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

} // namespace sms::testing
