// sms-plan: the command-line companion of SMS Migration Planner.

#include "CliRunner.h"
#include "CommandLine.h"
#include "ExitCodes.h"

#include <QApplication>
#include <QTranslator>

#include <cstdio>
#include <memory>

namespace {

// A launch graph drawn as SVG or PNG is painted by the planner's own scene,
// which needs a QApplication: on the offscreen platform, so that no display
// is needed. Every other command does with a QCoreApplication.
std::unique_ptr<QCoreApplication> makeApplication(int &argc, char **argv)
{
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const auto line = sms::cli::parseCommandLine(arguments);
    const bool paints = line && line->words.size() > 1 && line->words[0] == QLatin1String("plan")
        && line->words[1] == QLatin1String("graph") && !line->outFile.isEmpty()
        && (line->format == QLatin1String("svg") || line->format == QLatin1String("png"));
    if (!paints)
        return std::make_unique<QCoreApplication>(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
    QCoreApplication &app = *application;
    QCoreApplication::setApplicationName(QStringLiteral("sms-plan"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SMS_VERSION));
    // The English plural forms, for what sms-plan words with the planner's texts (plan graph).
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/sms-planner_en.qm")))
        QCoreApplication::installTranslator(&plurals);

    // Parsed again from the application's arguments: on Windows they keep what
    // the local 8-bit code page of argv cannot.
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
