// sms-plan: the command-line companion of SMS Migration Planner.

#include "CliRunner.h"
#include "CommandLine.h"
#include "ExitCodes.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("sms-plan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SMS_VERSION));

    auto line = sms::cli::parseCommandLine(app.arguments().mid(1));
    if (!line) {
        std::fprintf(stderr, "sms-plan: %s\nRun 'sms-plan --help' for usage.\n", line.error().message.c_str());
        return sms::cli::UsageError;
    }
    if (line->help) {
        std::fputs(qPrintable(sms::cli::usageText()), stdout);
        return sms::cli::Success;
    }
    if (line->version) {
        std::printf("sms-plan %s (Qt %s)\n", SMS_VERSION, qVersion());
        return sms::cli::Success;
    }

    sms::cli::CliRunner runner(std::move(line).value());
    QObject::connect(&runner, &sms::cli::CliRunner::finished, &app, &QCoreApplication::exit);
    runner.start();
    return app.exec();
}
