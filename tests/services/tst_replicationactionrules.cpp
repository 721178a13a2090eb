// Which replication and launch actions a state allows: a row per state for
// the application's three replication actions, its launch and termination,
// and a job's four, then representative states
// made on an in-process sandbox, where the call is really made: what a rule
// refuses the endpoint refuses, what it allows or holds back the endpoint
// takes.

#include "services/ReplicationActionRules.h"

#include "ReplicationSandbox.h"

#include <QTest>

using namespace sms;
using namespace sms::services;
using namespace sms::testing;

namespace {

char letterOf(const ActionCheck &check)
{
    switch (check.verdict) {
    case ActionCheck::Verdict::Allowed: return 'A';
    case ActionCheck::Verdict::Refused: return 'R';
    case ActionCheck::Verdict::HeldBack: return 'H';
    }
    return '?';
}

// A reason exactly when not allowed.
bool reasonMatches(const ActionCheck &check)
{
    return check.allowed() == check.reason.isEmpty();
}

template <typename E>
std::optional<api::OpenEnum<E>> enumOf(const QString &wire)
{
    if (wire.isEmpty())
        return std::nullopt;
    return api::OpenEnum<E>::fromString(wire.toStdString());
}

api::AppSummary appIn(const QString &status, const QString &replication, int configured, int servers)
{
    api::AppSummary app;
    app.appId = "app-0123456789abcdef0";
    app.name = "payroll";
    app.status = enumOf<api::AppStatus>(status);
    app.replicationStatus = enumOf<api::AppReplicationStatus>(replication);
    if (configured >= 0)
        app.replicationConfigurationStatus = configured ? api::AppReplicationConfigurationStatus::Configured
                                                        : api::AppReplicationConfigurationStatus::NotConfigured;
    if (servers >= 0)
        app.totalServers = servers;
    return app;
}

// The job's four checks as letters: create, update, delete, on-demand run.
QString jobLetters(const std::optional<api::ReplicationJob> &job, const api::AppSummary *owner)
{
    const char letters[] = {letterOf(canCreateReplicationJob(job)), letterOf(canUpdateReplicationJob(job)),
                            letterOf(canDeleteReplicationJob(job, owner)), letterOf(canStartOnDemandReplicationRun(job))};
    return QString::fromLatin1(letters, 4);
}

// What the sandbox says to the action a row names.
struct Attempt
{
    ActionCheck check;
    Result<void> outcome;
};

template <typename T>
Result<void> outcomeOf(const Result<T> &result)
{
    if (!result)
        return result.error();
    return {};
}

std::string firstJobOf(ReplicationSandbox &sandbox, const std::string &appId)
{
    api::GetAppRequest request;
    request.appId = appId;
    auto app = callSms(*sandbox.client, &client::SmsClient::getApp, request);
    return app ? app->serverGroups->front().serverList->front().replicationJobId.value_or("") : std::string();
}

std::string firstServerOf(ReplicationSandbox &sandbox, const std::string &appId)
{
    api::GetAppRequest request;
    request.appId = appId;
    auto app = callSms(*sandbox.client, &client::SmsClient::getApp, request);
    return app ? app->serverGroups->front().serverList->front().serverId.value_or("") : std::string();
}

Result<void> deleteJob(ReplicationSandbox &sandbox, const std::string &jobId)
{
    api::DeleteReplicationJobRequest request;
    request.replicationJobId = jobId;
    return outcomeOf(callSms(*sandbox.client, &client::SmsClient::deleteReplicationJob, request));
}

Result<void> updateJob(ReplicationSandbox &sandbox, const std::string &jobId)
{
    api::UpdateReplicationJobRequest request;
    request.replicationJobId = jobId;
    request.frequency = 6;
    return outcomeOf(callSms(*sandbox.client, &client::SmsClient::updateReplicationJob, request));
}

Result<void> runJob(ReplicationSandbox &sandbox, const std::string &jobId)
{
    api::StartOnDemandReplicationRunRequest request;
    request.replicationJobId = jobId;
    return outcomeOf(callSms(*sandbox.client, &client::SmsClient::startOnDemandReplicationRun, request));
}

Result<void> createJob(ReplicationSandbox &sandbox, const std::string &serverId)
{
    api::CreateReplicationJobRequest request;
    request.serverId = serverId;
    request.seedReplicationTime = sandbox.host.engine().clock().now();
    request.frequency = 12;
    return outcomeOf(callSms(*sandbox.client, &client::SmsClient::createReplicationJob, request));
}

template <typename Request, typename Response>
Result<void> onApp(ReplicationSandbox &sandbox,
                   client::CallHandle (client::SmsClient::*method)(const Request &, QObject *, client::Callback<Response>),
                   const std::string &appId)
{
    Request request;
    request.appId = appId;
    return outcomeOf(callSms(*sandbox.client, method, request));
}

// An application of the sandbox replicated, then launched or terminated as
// `situation` says ("launch: replicated|launched|terminating|not replicated, launch|terminate").
Attempt attemptLaunch(ReplicationSandbox &sandbox, const QString &situation)
{
    const std::string appId = sandbox.makeApps(1).front();
    if (!situation.contains(QLatin1String("not replicated"))) {
        if (!sandbox.startReplication(appId))
            qFatal("the replication did not start");
        sandbox.endRuns();
    }
    if ((situation.contains(QLatin1String("launched")) || situation.contains(QLatin1String("terminating")))
        && !onApp(sandbox, &client::SmsClient::launchApp, appId))
        qFatal("the application was not launched");
    if (situation.contains(QLatin1String("launched")))
        sandbox.endRuns();  // long enough for the stack to come up
    if (situation.contains(QLatin1String("terminating"))
        && !onApp(sandbox, &client::SmsClient::terminateApp, appId))
        qFatal("the application was not terminated");
    const api::AppSummary app = sandbox.app(appId);
    if (situation.endsWith(QLatin1String(" launch")))
        return {canLaunchApp(app), onApp(sandbox, &client::SmsClient::launchApp, appId)};
    return {canTerminateApp(app), onApp(sandbox, &client::SmsClient::terminateApp, appId)};
}

// Makes the state `situation` names on the sandbox, checks its action, then calls it.
Attempt attempt(ReplicationSandbox &sandbox, const QString &situation)
{
    if (situation.startsWith(QLatin1String("launch:")))
        return attemptLaunch(sandbox, situation);
    if (situation.startsWith(QLatin1String("app:"))) {
        const bool configured = !situation.contains(QLatin1String("unconfigured"));
        const std::string appId = sandbox.makeApps(1, 2, configured).front();
        if (situation.contains(QLatin1String("replicating")) && !sandbox.startReplication(appId))
            qFatal("the replication did not start");
        const api::AppSummary app = sandbox.app(appId);
        if (situation.endsWith(QLatin1String(" start")))
            return {canStartAppReplication(app), onApp(sandbox, &client::SmsClient::startAppReplication, appId)};
        if (situation.endsWith(QLatin1String(" stop")))
            return {canStopAppReplication(app), onApp(sandbox, &client::SmsClient::stopAppReplication, appId)};
        return {canStartOnDemandAppReplication(app),
                onApp(sandbox, &client::SmsClient::startOnDemandAppReplication, appId)};
    }
    if (situation == QLatin1String("job: none, create")) {
        const std::string server = sandbox.freeServer();
        return {canCreateReplicationJob(std::nullopt), createJob(sandbox, server)};
    }
    if (situation == QLatin1String("job: of the app, delete")) {
        const std::string appId = sandbox.makeApps(1).front();
        if (!sandbox.startReplication(appId))
            qFatal("the replication did not start");
        const api::AppSummary owner = sandbox.app(appId);
        const std::string jobId = firstJobOf(sandbox, appId);
        return {canDeleteReplicationJob(sandbox.job(jobId), &owner), deleteJob(sandbox, jobId)};
    }
    if (situation == QLatin1String("job: of a server in an idle app, delete")) {
        const std::string appId = sandbox.makeApps(1).front();
        const api::AppSummary owner = sandbox.app(appId);
        const std::string jobId = sandbox.createJob(firstServerOf(sandbox, appId));
        return {canDeleteReplicationJob(sandbox.job(jobId), &owner), deleteJob(sandbox, jobId)};
    }
    const std::string server = sandbox.freeServer();
    const std::string jobId = sandbox.createJob(server);  // its first run begins now
    if (situation.contains(QLatin1String("between runs")))
        sandbox.endRuns();
    if (situation.contains(QLatin1String("deleted")) && !deleteJob(sandbox, jobId))
        qFatal("the job was not deleted");
    const std::optional<api::ReplicationJob> job = sandbox.job(jobId);
    if (situation.endsWith(QLatin1String(", create")))
        return {canCreateReplicationJob(job), createJob(sandbox, server)};
    if (situation.endsWith(QLatin1String(", update")))
        return {canUpdateReplicationJob(job), updateJob(sandbox, jobId)};
    if (situation.endsWith(QLatin1String(", delete")))
        return {canDeleteReplicationJob(job), deleteJob(sandbox, jobId)};
    return {canStartOnDemandReplicationRun(job), runJob(sandbox, jobId)};
}

} // namespace

class TestReplicationActionRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void applicationActions_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("replication");
        QTest::addColumn<int>("configured");  // -1: not given
        QTest::addColumn<int>("servers");     // -1: not given
        QTest::addColumn<QString>("verdicts");  // start, stop, on-demand: Allowed, Refused, HeldBack

        QTest::addRow("ready to replicate") << "ACTIVE" << "READY_FOR_REPLICATION" << 1 << 4 << "ARR";
        QTest::addRow("no replication settings") << "ACTIVE" << "READY_FOR_CONFIGURATION" << 0 << 4 << "RRR";
        QTest::addRow("no servers") << "ACTIVE" << "READY_FOR_REPLICATION" << 1 << 0 << "RRR";
        QTest::addRow("replication pending") << "ACTIVE" << "REPLICATION_PENDING" << 1 << 4 << "RAA";
        QTest::addRow("replicating") << "ACTIVE" << "REPLICATION_IN_PROGRESS" << 1 << 4 << "RAA";
        QTest::addRow("replicated") << "ACTIVE" << "REPLICATED" << 1 << 4 << "RAA";
        QTest::addRow("partially replicated") << "ACTIVE" << "PARTIALLY_REPLICATED" << 1 << 4 << "RAA";
        QTest::addRow("delta replication") << "ACTIVE" << "DELTA_REPLICATION_IN_PROGRESS" << 1 << 4 << "RAA";
        QTest::addRow("replication failed") << "ACTIVE" << "REPLICATION_FAILED" << 1 << 4 << "RAA";
        QTest::addRow("stopping") << "ACTIVE" << "REPLICATION_STOPPING" << 1 << 4 << "RRR";
        QTest::addRow("stop failed: still replicating") << "ACTIVE" << "REPLICATION_STOP_FAILED" << 1 << 4 << "RAA";
        QTest::addRow("stopped") << "ACTIVE" << "REPLICATION_STOPPED" << 1 << 4 << "ARR";
        QTest::addRow("being created") << "CREATING" << "READY_FOR_REPLICATION" << 1 << 4 << "RRR";
        QTest::addRow("being deleted") << "DELETING" << "REPLICATION_IN_PROGRESS" << 1 << 4 << "RRR";
        QTest::addRow("delete failed") << "DELETE_FAILED" << "REPLICATED" << 1 << 4 << "RAA";
        QTest::addRow("a replication status added later") << "ACTIVE" << "REPLICATION_TELEPORTING" << 1 << 4
                                                           << "AAA";
        QTest::addRow("nothing given") << "" << "" << -1 << -1 << "AAA";
    }

    void applicationActions()
    {
        QFETCH(QString, status);
        QFETCH(QString, replication);
        QFETCH(int, configured);
        QFETCH(int, servers);
        QFETCH(QString, verdicts);
        const api::AppSummary app = appIn(status, replication, configured, servers);
        const ActionCheck checks[] = {canStartAppReplication(app), canStopAppReplication(app),
                                      canStartOnDemandAppReplication(app)};
        QString got;
        for (const ActionCheck &check : checks) {
            got += QLatin1Char(letterOf(check));
            QVERIFY2(reasonMatches(check), qPrintable(check.reason));
        }
        QCOMPARE(got, verdicts);
    }

    void launchActions_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("replication");
        QTest::addColumn<QString>("launch");
        QTest::addColumn<int>("configured");    // launch settings at the endpoint; -1: not given
        QTest::addColumn<QString>("verdicts");  // launch, terminate

        QTest::addRow("replicated, ready to launch") << "ACTIVE" << "REPLICATED" << "READY_FOR_LAUNCH" << 1 << "AR";
        QTest::addRow("no launch settings") << "ACTIVE" << "REPLICATED" << "READY_FOR_CONFIGURATION" << 0 << "RR";
        QTest::addRow("launch settings invalid") << "ACTIVE" << "REPLICATED" << "CONFIGURATION_INVALID" << 1 << "RR";
        QTest::addRow("not replicated yet") << "ACTIVE" << "REPLICATION_IN_PROGRESS" << "READY_FOR_LAUNCH" << 1
                                            << "RR";
        QTest::addRow("partially replicated") << "ACTIVE" << "PARTIALLY_REPLICATED" << "READY_FOR_LAUNCH" << 1
                                              << "RR";
        QTest::addRow("replicating again, each server once") << "ACTIVE" << "DELTA_REPLICATION_IN_PROGRESS"
                                                             << "READY_FOR_LAUNCH" << 1 << "AR";
        QTest::addRow("launch pending") << "ACTIVE" << "REPLICATED" << "LAUNCH_PENDING" << 1 << "RA";
        QTest::addRow("launching") << "ACTIVE" << "REPLICATED" << "LAUNCH_IN_PROGRESS" << 1 << "RA";
        QTest::addRow("launched") << "ACTIVE" << "REPLICATED" << "LAUNCHED" << 1 << "RA";
        QTest::addRow("partially launched") << "ACTIVE" << "REPLICATED" << "PARTIALLY_LAUNCHED" << 1 << "RA";
        QTest::addRow("launch failed") << "ACTIVE" << "REPLICATED" << "LAUNCH_FAILED" << 1 << "AA";
        QTest::addRow("terminating") << "ACTIVE" << "REPLICATED" << "TERMINATE_IN_PROGRESS" << 1 << "RR";
        QTest::addRow("terminate failed") << "ACTIVE" << "REPLICATED" << "TERMINATE_FAILED" << 1 << "RA";
        QTest::addRow("terminated") << "ACTIVE" << "REPLICATED" << "TERMINATED" << 1 << "AR";
        QTest::addRow("being deleted") << "DELETING" << "REPLICATED" << "LAUNCHED" << 1 << "RR";
        QTest::addRow("a launch status added later") << "ACTIVE" << "REPLICATED" << "LAUNCH_ORBITING" << 1 << "AA";
        QTest::addRow("nothing given") << "" << "" << "" << -1 << "AA";
    }

    void launchActions()
    {
        QFETCH(QString, status);
        QFETCH(QString, replication);
        QFETCH(QString, launch);
        QFETCH(int, configured);
        QFETCH(QString, verdicts);
        api::AppSummary app = appIn(status, replication, -1, 4);
        app.launchStatus = enumOf<api::AppLaunchStatus>(launch);
        if (configured >= 0)
            app.launchConfigurationStatus = configured ? api::AppLaunchConfigurationStatus::Configured
                                                       : api::AppLaunchConfigurationStatus::NotConfigured;
        QString got;
        for (const ActionCheck &check : {canLaunchApp(app), canTerminateApp(app)}) {
            got += QLatin1Char(letterOf(check));
            QVERIFY2(reasonMatches(check), qPrintable(check.reason));
        }
        QCOMPARE(got, verdicts);
    }

    void jobActions_data()
    {
        QTest::addColumn<bool>("hasJob");
        QTest::addColumn<QString>("state");
        QTest::addColumn<bool>("running");     // a run in progress in its run list
        QTest::addColumn<QString>("owner");    // its application's replication status; "": none
        QTest::addColumn<QString>("verdicts"); // create, update, delete, on-demand run

        QTest::addRow("no job") << false << "" << false << "" << "ARRR";
        QTest::addRow("pending") << true << "PENDING" << false << "" << "RAAA";
        QTest::addRow("active, between runs") << true << "ACTIVE" << false << "" << "RAAA";
        QTest::addRow("active, a run in progress") << true << "ACTIVE" << true << "" << "RAAH";
        QTest::addRow("paused on failure") << true << "PAUSED_ON_FAILURE" << false << "" << "RAAA";
        QTest::addRow("failing") << true << "FAILING" << false << "" << "RAAA";
        QTest::addRow("completed") << true << "COMPLETED" << false << "" << "RAAA";
        QTest::addRow("failed") << true << "FAILED" << false << "" << "RAAA";
        QTest::addRow("being deleted") << true << "DELETING" << false << "" << "RRRR";
        QTest::addRow("deleted") << true << "DELETED" << false << "" << "ARRR";
        QTest::addRow("its application replicates") << true << "ACTIVE" << false << "REPLICATION_IN_PROGRESS"
                                                     << "RARA";
        QTest::addRow("its application stops") << true << "ACTIVE" << false << "REPLICATION_STOPPING" << "RARA";
        QTest::addRow("its application stopped") << true << "ACTIVE" << false << "REPLICATION_STOPPED" << "RAAA";
        QTest::addRow("a state added later") << true << "RESTING" << false << "" << "RAAA";
    }

    void jobActions()
    {
        QFETCH(bool, hasJob);
        QFETCH(QString, state);
        QFETCH(bool, running);
        QFETCH(QString, owner);
        QFETCH(QString, verdicts);
        std::optional<api::ReplicationJob> job;
        if (hasJob) {
            job.emplace();
            job->replicationJobId = "sms-job-0123456789abcdef0";
            job->state = enumOf<api::ReplicationJobState>(state);
            auto &runs = job->replicationRunList.emplace();
            runs.emplace_back().state = api::ReplicationRunState::Completed;
            if (running)
                runs.emplace_back().state = api::ReplicationRunState::Active;
        }
        const api::AppSummary app = appIn(QStringLiteral("ACTIVE"), owner, 1, 4);
        QCOMPARE(jobLetters(job, owner.isEmpty() ? nullptr : &app), verdicts);
        for (const ActionCheck &check : {canCreateReplicationJob(job), canUpdateReplicationJob(job),
                                         canDeleteReplicationJob(job), canStartOnDemandReplicationRun(job)})
            QVERIFY2(reasonMatches(check), qPrintable(check.reason));
    }

    void theSandboxAgrees_data()
    {
        QTest::addColumn<QString>("situation");
        QTest::addColumn<QString>("verdict");

        QTest::addRow("start a configured application") << "app: configured, start" << "A";
        QTest::addRow("start one without replication settings") << "app: unconfigured, start" << "R";
        QTest::addRow("start a replicating application") << "app: replicating, start" << "R";
        QTest::addRow("stop a replicating application") << "app: replicating, stop" << "A";
        QTest::addRow("stop an application not replicating") << "app: configured, stop" << "R";
        QTest::addRow("on-demand replication of a replicating application") << "app: replicating, run" << "A";
        QTest::addRow("on-demand replication of one not replicating") << "app: configured, run" << "R";
        QTest::addRow("launch a replicated application") << "launch: replicated, launch" << "A";
        QTest::addRow("launch one not replicated") << "launch: not replicated, launch" << "R";
        QTest::addRow("launch a launched application") << "launch: launched, launch" << "R";
        QTest::addRow("launch one being terminated") << "launch: terminating, launch" << "R";
        QTest::addRow("terminate a launched application") << "launch: launched, terminate" << "A";
        QTest::addRow("terminate one not launched") << "launch: replicated, terminate" << "R";
        QTest::addRow("create a job for a server without one") << "job: none, create" << "A";
        QTest::addRow("create a job for a server with one") << "job: running, create" << "R";
        QTest::addRow("update a job") << "job: running, update" << "A";
        QTest::addRow("update a deleted job") << "job: deleted, update" << "R";
        QTest::addRow("delete a job of its own") << "job: between runs, delete" << "A";
        QTest::addRow("delete a deleted job") << "job: deleted, delete" << "R";
        QTest::addRow("delete a job of a replicating application") << "job: of the app, delete" << "R";
        QTest::addRow("delete a job of a server in an idle application")
            << "job: of a server in an idle app, delete" << "A";
        QTest::addRow("on-demand run while one runs: held back, yet taken") << "job: running, run" << "H";
        QTest::addRow("on-demand run between runs") << "job: between runs, run" << "A";
        QTest::addRow("on-demand run of a deleted job") << "job: deleted, run" << "R";
    }

    void theSandboxAgrees()
    {
        QFETCH(QString, situation);
        QFETCH(QString, verdict);
        ReplicationSandbox sandbox;
        const Attempt tried = attempt(sandbox, situation);
        QCOMPARE(QString(QLatin1Char(letterOf(tried.check))), verdict);
        const bool refused = tried.check.verdict == ActionCheck::Verdict::Refused;
        QVERIFY2(tried.outcome.ok() != refused,
                 tried.outcome.ok() ? "the sandbox took it" : tried.outcome.error().describe().c_str());
    }
};

QTEST_GUILESS_MAIN(TestReplicationActionRules)
#include "tst_replicationactionrules.moc"
