// The replication actions against an in-process sandbox with its demo
// applications: each sends its one call, and the endpoint shows the effect.

#include "services/ReplicationControl.h"

#include "client/SmsClient.h"
#include "services/SandboxHost.h"
#include "AwaitResult.h"

#include <QDateTime>
#include <QTest>

#include <cmath>

using namespace sms;
using namespace sms::services;

namespace {

Result<std::string> act(client::SmsClient &client, ReplicationAction action, const ReplicationTarget &target)
{
    return awaitResult<std::string>([&](QObject *context, auto done) {
        runReplicationAction(client, action, target, context, std::move(done));
    });
}

template <typename Response, typename Request, typename Method>
Result<Response> read(client::SmsClient &client, Method method, const Request &request)
{
    return awaitResult<Response>([&](QObject *context, auto done) { (client.*method)(request, context, done); });
}

api::AppSummary appNamed(client::SmsClient &client, const std::string &name)
{
    const auto apps = read<api::ListAppsResponse>(client, &client::SmsClient::listApps, api::ListAppsRequest{});
    if (apps && apps.value().apps)
        for (const api::AppSummary &app : *apps.value().apps)
            if (app.name == name)
                return app;
    qWarning("no application %s", name.c_str());
    return {};
}

std::optional<api::ReplicationJob> job(client::SmsClient &client, const std::string &jobId)
{
    api::GetReplicationJobsRequest request;
    request.replicationJobId = jobId;
    const auto jobs = read<api::GetReplicationJobsResponse>(client, &client::SmsClient::getReplicationJobs, request);
    if (!jobs || !jobs.value().replicationJobList || jobs.value().replicationJobList->empty())
        return std::nullopt;
    return jobs.value().replicationJobList->front();
}

const char *why(const Result<std::string> &result)
{
    static std::string text;
    text = result ? std::string() : result.error().code + ": " + result.error().message;
    return text.c_str();
}

} // namespace

class TestReplicationControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void applicationActions()
    {
        SandboxHost host({.servers = 200, .timeScale = 20});
        client::SmsClient client(host.start().value());

        const api::AppSummary crm = appNamed(client, "CRM");  // configured, never started
        QVERIFY(crm.replicationStatus == api::AppReplicationStatus::ReadyForReplication);
        const auto started = act(client, ReplicationAction::StartApplication, {.appId = *crm.appId});
        QVERIFY2(started, why(started));
        QVERIFY(appNamed(client, "CRM").replicationStatus != api::AppReplicationStatus::ReadyForReplication);

        const api::AppSummary billing = appNamed(client, "Billing");  // replicating now
        const auto stopped = act(client, ReplicationAction::StopApplication, {.appId = *billing.appId});
        QVERIFY2(stopped, why(stopped));
        const auto status = appNamed(client, "Billing").replicationStatus;
        QVERIFY(status == api::AppReplicationStatus::ReplicationStopping
                || status == api::AppReplicationStatus::ReplicationStopped);

        const api::AppSummary intranet = appNamed(client, "Intranet");  // replicated
        const auto now = act(client, ReplicationAction::ReplicateApplication,
                             {.appId = *intranet.appId, .description = "before the cut-over"});
        QVERIFY2(now, why(now));
    }

    void jobActions()
    {
        SandboxHost host({.servers = 200, .timeScale = 20, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const auto servers = read<api::GetServersResponse>(client, &client::SmsClient::getServers, api::GetServersRequest{});
        QVERIFY(servers && servers.value().serverList);
        const api::Server *server = nullptr;
        for (const api::Server &candidate : *servers.value().serverList)
            if (!candidate.replicationJobId && candidate.vmServer)
                server = &candidate;
        QVERIFY(server);

        ReplicationTarget target{.serverId = *server->serverId, .description = "web tier"};
        target.settings.frequency = 6;
        target.settings.licenseType = api::LicenseType::Byol;
        target.settings.numberOfRecentAmisToKeep = 2;
        const double tomorrow = std::floor(double(QDateTime::currentSecsSinceEpoch()) + 86'400);
        target.settings.seedTime = api::Timestamp{tomorrow};
        const auto created = act(client, ReplicationAction::CreateJob, target);
        QVERIFY2(created, why(created));
        const std::string jobId = created.value();
        QVERIFY(jobId.starts_with("sms-job-"));
        auto made = job(client, jobId);
        QVERIFY(made);
        QCOMPARE(made->frequency, std::optional(6));
        QVERIFY(made->licenseType == api::LicenseType::Byol);
        QVERIFY(made->description == std::optional<std::string>("web tier"));
        QCOMPARE(made->seedReplicationTime.value_or(api::Timestamp{}).epochSeconds, tomorrow);

        target.jobId = jobId;
        target.settings.frequency = 12;
        target.settings.seedTime = api::Timestamp{tomorrow + 3'600};  // an update's: the next run
        const auto updated = act(client, ReplicationAction::UpdateJob, target);
        QVERIFY2(updated, why(updated));
        const auto changed = job(client, jobId);
        QCOMPARE(changed->frequency, std::optional(12));
        QCOMPARE(changed->nextReplicationRunStartTime.value_or(api::Timestamp{}).epochSeconds, tomorrow + 3'600);
        const api::ServerReplicationParameters shown = settingsOf(*changed);
        QCOMPARE(shown.frequency, std::optional(12));
        QCOMPARE(shown.numberOfRecentAmisToKeep, std::optional(2));
        QVERIFY(!shown.seedTime);

        const auto run = act(client, ReplicationAction::RunJob, {.jobId = jobId, .description = "now"});
        QVERIFY2(run, why(run));
        api::GetReplicationRunsRequest runsRequest;
        runsRequest.replicationJobId = jobId;
        const auto runs = read<api::GetReplicationRunsResponse>(client, &client::SmsClient::getReplicationRuns, runsRequest);
        QVERIFY(runs && runs.value().replicationRunList);
        QVERIFY(std::any_of(runs.value().replicationRunList->begin(), runs.value().replicationRunList->end(),
                            [](const api::ReplicationRun &r) {
                                return r.type == api::ReplicationRunType::OnDemand && r.description == std::optional<std::string>("now");
                            }));

        const auto deleted = act(client, ReplicationAction::DeleteJob, {.jobId = jobId});
        QVERIFY2(deleted, why(deleted));
        const auto gone = job(client, jobId);
        QVERIFY(!gone || gone->state == api::ReplicationJobState::Deleting || gone->state == api::ReplicationJobState::Deleted);
    }

    void refusalsComeBackAsErrors_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("code");
        // SMS models no ReplicationJobNotFoundException for StartOnDemandReplicationRun.
        QTest::addRow("run of an unknown job") << int(ReplicationAction::RunJob) << "InvalidParameterException";
        QTest::addRow("delete of an unknown job") << int(ReplicationAction::DeleteJob) << "ReplicationJobNotFoundException";
        QTest::addRow("start of an unknown app") << int(ReplicationAction::StartApplication) << "InvalidParameterException";
    }

    void refusalsComeBackAsErrors()
    {
        QFETCH(int, action);
        QFETCH(QString, code);
        SandboxHost host({.servers = 20, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const auto result = act(client, ReplicationAction(action),
                                {.appId = "app-0123456789abcdef0", .jobId = "sms-job-0123456789abcdef0"});
        QVERIFY(!result);
        QCOMPARE(QString::fromStdString(result.error().code), code);
    }
};

QTEST_GUILESS_MAIN(TestReplicationControl)
#include "tst_replicationcontrol.moc"
