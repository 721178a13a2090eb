#include "ReplicationCommand.h"

#include "ConsoleOutput.h"
#include "ErrorReport.h"
#include "ExitCodes.h"

#include "client/SmsClient.h"
#include "services/AppLookup.h"
#include "services/OnDemandLimit.h"

#include <QDateTime>

#include <cstdio>

namespace sms::cli {
namespace {

const QString kStart = QStringLiteral("start");
const QString kStop = QStringLiteral("stop");
const QString kRun = QStringLiteral("run");

// "shop (app-0123…)", how the lines on stderr name an application.
std::string appText(const api::AppSummary &app)
{
    return app.name.value_or("") + " (" + app.appId.value_or("") + ")";
}

double wallNow()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

ReplicationCommand::ReplicationCommand(CommandLine line, QObject *parent)
    : Command(parent)
    , m_line(std::move(line))
{
}

QString ReplicationCommand::usageProblem() const
{
    const QStringList &words = m_line.words;  // apps replication VERB APP
    if (words.size() < 3 || (words[2] != kStart && words[2] != kStop && words[2] != kRun))
        return QStringLiteral("apps replication needs start, stop or run");
    if (words.size() != 4)
        return QStringLiteral("apps replication %1 needs one APP (a name or an app- id)").arg(words[2]);
    if (!m_line.description.isEmpty() && words[2] != kRun)
        return QStringLiteral("--description goes with apps replication run only");
    return {};
}

void ReplicationCommand::start(client::SmsClient &client)
{
    m_client = &client;
    services::lookUpApp(client, m_line.words[3], this, [this](Result<api::AppSummary> app) {
        if (!app)
            return finish(reportLookupError(app.error()));
        act(app.value());
    });
}

void ReplicationCommand::act(const api::AppSummary &app)
{
    const std::string appId = app.appId.value_or("");
    const QString &verb = m_line.words[2];
    // Each answer is empty: the AWS CLI prints nothing then, so only stderr says what was done.
    const auto report = [this, app](const char *operation, const char *done) {
        return [this, app, operation, done](const auto &result) {
            if (!result)
                return finish(reportCallError(operation, result.error()));
            writeOut(std::string(done) + " " + appText(app) + ".\n", stderr);
            finish(Success);
        };
    };
    if (verb == kStart) {
        m_client->startAppReplication({appId}, this, report("StartAppReplication", "Started the replication of"));
    } else if (verb == kStop) {
        m_client->stopAppReplication({appId}, this, report("StopAppReplication", "Stopped the replication of"));
    } else {
        api::StartOnDemandAppReplicationRequest request;
        request.appId = appId;
        if (!m_line.description.isEmpty())
            request.description = m_line.description.toStdString();
        const auto reportRun = report("StartOnDemandAppReplication", "Started an on-demand replication run of");
        m_client->startOnDemandAppReplication(
            request, this, [this, app, reportRun](Result<api::StartOnDemandAppReplicationResponse> result) {
                if (!result && result.error().errorCode() == ErrorCode::ReplicationRunLimitExceededException)
                    return explainLimit(app, result.error());
                reportRun(result);
            });
    }
}

void ReplicationCommand::explainLimit(const api::AppSummary &app, const SmsError &refusal)
{
    const int exitCode = reportCallError("StartOnDemandAppReplication", refusal);
    const auto unexplained = [this, exitCode](const SmsError &error) {
        writeOut("sms-plan: when the next on-demand run is allowed could not be read: " + error.message + "\n",
                 stderr);
        finish(exitCode);
    };
    m_client->getApp({app.appId}, this, [this, exitCode, unexplained](Result<api::GetAppResponse> detail) {
        if (!detail)
            return unexplained(detail.error());
        services::readJobRuns(*m_client, services::replicationJobIdsOf(detail.value()), this,
                              [this, exitCode, unexplained](Result<std::vector<services::JobRuns>> jobs) {
                                  if (!jobs)
                                      return unexplained(jobs.error());
                                  const double now = services::endpointNow(jobs.value(), wallNow());
                                  const auto next = services::nextOnDemandRunAllowed(jobs.value(), now);
                                  writeOut(services::onDemandLimitWords(next, now).toStdString() + "\n", stderr);
                                  finish(exitCode);
                              });
    });
}

} // namespace sms::cli
