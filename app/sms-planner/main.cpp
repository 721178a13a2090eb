// sms-planner: the desktop planner.
//   sms-planner [FILE.smsplan] [--sandbox] [--endpoint-url URL] [--profile P] [--region R]
// With no AWS credentials anywhere (and nothing named), it works against the
// built-in local sandbox.

#include "services/SandboxStartState.h"
#include "ui/MainWindow.h"
#include "ui/PlanFiles.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SMS Migration Planner"));
    QApplication::setApplicationName(QStringLiteral("sms-planner"));
    QApplication::setApplicationDisplayName(QStringLiteral("SMS Migration Planner"));
    QApplication::setApplicationVersion(QStringLiteral(SMS_VERSION));

    // The English plural forms: without them Qt shows "3 server(s)".
    QTranslator plurals;
    if (plurals.load(QStringLiteral(":/i18n/sms-planner_en.qm")))
        QApplication::installTranslator(&plurals);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plan server migrations with the AWS Server Migration Service."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("FILE.smsplan"), QStringLiteral("A plan to open."), QStringLiteral("[FILE.smsplan]"));
    const QCommandLineOption sandbox(QStringLiteral("sandbox"), QStringLiteral("Work against the built-in local sandbox."));
    const QCommandLineOption endpoint(QStringLiteral("endpoint-url"), QStringLiteral("The SMS endpoint to use."), QStringLiteral("URL"));
    const QCommandLineOption profile(QStringLiteral("profile"), QStringLiteral("The AWS profile to use."), QStringLiteral("P"));
    const QCommandLineOption region(QStringLiteral("region"), QStringLiteral("The AWS region to use."), QStringLiteral("R"));
    parser.addOptions({sandbox, endpoint, profile, region});
    parser.process(app);
    if (parser.positionalArguments().size() > 1) {
        fprintf(stderr, "sms-planner: give at most one plan file\n");
        return 2;
    }

    sms::ui::StartOptions options;
    options.planFile = parser.positionalArguments().value(0);
    options.sandbox = parser.isSet(sandbox);
    options.connection.endpointUrl = parser.value(endpoint);
    options.connection.profile = parser.value(profile);
    options.connection.region = parser.value(region);
    // The built-in sandbox remembers what was done in it between runs.
    options.sandboxOptions.stateFile = sms::services::defaultSandboxStatePath();

    sms::ui::MainWindow window(options);
    window.show();
    // Once the window is up: plans a crashed session left behind.
    QTimer::singleShot(0, &window, [&window] { window.files()->offerRecovery(); });
    return app.exec();
}
