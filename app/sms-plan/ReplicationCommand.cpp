#include "ReplicationCommand.h"

#include "AppCallReport.h"

#include "client/SmsClient.h"
#include "services/AppLookup.h"  // replicationJobIdsOf
#include "services/OnDemandLimit.h"

#include <QDateTime>

#include <cstdio>

namespace sms::cli {
namespace {

const QString kStart = QStringLiteral("start");
const QString kStop = QStringLiteral("stop");
const QString kRun = QStringLiteral("run");

double wallNow()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

ReplicationCommand::ReplicationCommand(CommandLine line, QObject *parent)
    : AppCommand(std::move(line), 3, parent)  // apps replication VERB APP
{
}

QString ReplicationCommand::usageProblem() const
{
    const QStringList &words = line().words;
    if (words.size() < 3 || (words[2] != kStart && words[2] != kStop && words[2] != kRun))
        return QStringLiteral("apps replication needs start, stop or run");
    if (words.size() != 4)
        return QStringLiteral("apps replication %1 needs one APP (a name or an app- id)").arg(words[2]);
    if (!line().description.isEmpty() && words[2] != kRun)
        return QStringLiteral("--description goes with apps replication run only");
    return {};
}

void ReplicationCommand::act(const api::AppSummary &app)
{
    const std::string appId = app.appId.value_or("");
    const QString &verb = line().words[2];
    const auto report = [this, app](const char *operation, const char *done) {
        return reportEmptyAnswer(app, operation, done, [this](int exitCode) { finish(exitCode); });
    };
    if (verb == kStart) {
        client().startAppReplication({appId}, this, report("StartAppReplication", "Started the replication of"));
    } else if (verb == kStop) {
        client().stopAppReplication({appId}, this, report("StopAppReplication", "Stopped the replication of"));
    } else {
        api::StartOnDemandAppReplicationRequest request;
        request.appId = appId;
        if (!line().description.isEmpty())
            request.description = line().description.toStdString();
        const auto reportRun = report("StartOnDemandAppReplication", "Started an on-demand replication run of");
        client().startOnDemandAppReplication(
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
    client().getApp({app.appId}, this, [this, exitCode, unexplained](Result<api::GetAppResponse> detail) {
        if (!detail)
            return unexplained(detail.error());
        services::readJobRuns(client(), services::replicationJobIdsOf(detail.value()), this,
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
