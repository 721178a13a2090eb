#pragma once
// An in-process sandbox for the replication tests (the monitor, the action
// rules): applications over servers that can replicate (the estate's last
// connector is unhealthy, so not every server can), standalone jobs, and one
// call at a time to change the state between passes. Simulated time moves
// only when a test fast-forwards it... or slowly, at time scale 1, in which a
// run takes one to two minutes: longer than any test waits.

#include "AwaitResult.h"
#include "PlanRuns.h"

#include "client/SmsClient.h"
#include "services/SandboxHost.h"

#include <QTest>
#include <QUuid>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace sms::testing {

// One call, awaited: callSms(client, &client::SmsClient::startAppReplication, request).
template <typename Response, typename Request>
Result<Response> callSms(client::SmsClient &client,
                         client::CallHandle (client::SmsClient::*method)(const Request &, QObject *,
                                                                         client::Callback<Response>),
                         const Request &request)
{
    return awaitResult<Response>([&](QObject *context, auto done) { (client.*method)(request, context, done); });
}

class ReplicationSandbox
{
public:
    explicit ReplicationSandbox(std::size_t servers = 100)
        : ReplicationSandbox(services::SandboxOptions{.servers = servers, .demoApplications = false})
    {
    }

    explicit ReplicationSandbox(const services::SandboxOptions &options)
        : host(options)
    {
        auto started = host.start();
        if (!started)
            qFatal("the sandbox did not start: %s", started.error().describe().c_str());
        config = started.value();
        config.retry.baseDelay = std::chrono::milliseconds(1);
        config.retry.maxBackoff = std::chrono::milliseconds(5);
        client = std::make_unique<client::SmsClient>(config);
    }

    // Servers that can be replicated, in catalog order, after the first `skip` of them.
    std::vector<std::string> replicableServers(std::size_t count, std::size_t skip = 0)
    {
        std::vector<std::string> ids;
        auto &state = host.engine().state();
        std::size_t seen = 0;
        for (const auto &entry : state.estate.servers) {
            if (ids.size() == count)
                break;
            if (entry.replicable && state.hasHealthyConnector(entry) && seen++ >= skip)
                ids.push_back(*entry.server.serverId);
        }
        return ids;
    }

    // `count` applications of two groups of `perGroup` replicable servers each,
    // with replication settings unless `replication` is false; their appIds.
    std::vector<std::string> makeApps(int count, int perGroup = 2, bool replication = true)
    {
        models::PlanData plan = planOf(host, count, perGroup);
        // planOf takes the catalog's first servers; give each a replicable one instead.
        // Each call its own plan: CreateApp's client token is made from the plan id.
        plan.planId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        const std::size_t needed = std::size_t(count * 2 * perGroup);
        const auto usable = replicableServers(needed, m_serversUsed);
        m_serversUsed += needed;
        std::unordered_map<std::string, std::string> instead;
        std::size_t next = 0;
        for (auto &app : plan.applications) {
            if (!replication)
                app.settings.replication.reset();
            for (auto &group : app.serverGroups)
                for (std::string &id : group.serverIds)
                    id = instead[id] = usable[next++];
        }
        for (auto &own : plan.serverSettings)
            own.serverId = instead[own.serverId];
        for (auto &app : plan.applications)
            app.name += " of " + plan.planId.substr(0, 8);
        const ApplyRun run = apply(*client, plan);
        if (!run.result || !run.result->ok())
            qFatal("the applications were not made: %s", whyNot(run.result));
        std::vector<std::string> ids;
        for (const auto &app : run.plan.applications)
            ids.push_back(app.appId);
        return ids;
    }

    // A replicable server no application holds yet.
    std::string freeServer() { return replicableServers(1, m_serversUsed++).front(); }

    Result<api::StartAppReplicationResponse> startReplication(const std::string &appId)
    {
        api::StartAppReplicationRequest request;
        request.appId = appId;
        return callSms(*client, &client::SmsClient::startAppReplication, request);
    }

    // A standalone job of `serverId`, every 12 hours from now; its id.
    std::string createJob(const std::string &serverId)
    {
        api::CreateReplicationJobRequest request;
        request.serverId = serverId;
        request.seedReplicationTime = host.engine().clock().now();
        request.frequency = 12;
        auto created = callSms(*client, &client::SmsClient::createReplicationJob, request);
        if (!created)
            qFatal("the job was not made: %s", created.error().describe().c_str());
        return created->replicationJobId.value_or("");
    }

    std::optional<api::ReplicationJob> job(const std::string &jobId)
    {
        api::GetReplicationJobsRequest request;
        request.replicationJobId = jobId;
        auto read = callSms(*client, &client::SmsClient::getReplicationJobs, request);
        if (!read || !read->replicationJobList || read->replicationJobList->empty())
            return std::nullopt;
        return read->replicationJobList->front();
    }

    api::AppSummary app(const std::string &appId)
    {
        api::GetAppRequest request;
        request.appId = appId;
        auto read = callSms(*client, &client::SmsClient::getApp, request);
        return read ? read->appSummary.value_or(api::AppSummary{}) : api::AppSummary{};
    }

    // Every run so far ends (none is due for 12 hours).
    void endRuns() { host.engine().fastForward(3600); }

    services::SandboxHost host;
    client::ClientConfig config;
    std::unique_ptr<client::SmsClient> client;

private:
    std::size_t m_serversUsed = 0;
};

} // namespace sms::testing
