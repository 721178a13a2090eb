#include "LaunchCommand.h"

#include "AppCallReport.h"

#include "client/SmsClient.h"

namespace sms::cli {

LaunchCommand::LaunchCommand(CommandLine line, QObject *parent)
    : AppCommand(std::move(line), 2, parent)  // apps launch|terminate APP
{
}

QString LaunchCommand::usageProblem() const
{
    const QStringList &words = line().words;
    if (words.size() != 3)
        return QStringLiteral("apps %1 needs one APP (a name or an app- id)").arg(words.value(1));
    return {};
}

void LaunchCommand::act(const api::AppSummary &app)
{
    const auto finishWith = [this](int exitCode) { finish(exitCode); };
    if (line().words[1] == QLatin1String("launch")) {
        api::LaunchAppRequest request;
        request.appId = app.appId;
        client().launchApp(request, this, reportEmptyAnswer(app, "LaunchApp", "Started the launch of", finishWith));
    } else {
        api::TerminateAppRequest request;
        request.appId = app.appId;
        client().terminateApp(request, this,
                               reportEmptyAnswer(app, "TerminateApp", "Started terminating the instances of", finishWith));
    }
}

} // namespace sms::cli
