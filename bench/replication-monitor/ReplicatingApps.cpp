#include "ReplicatingApps.h"

#include "bench/support/SpinUntil.h"
#include "client/Pager.h"

#include <QDateTime>
#include <QObject>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <vector>

namespace sms::bench {
namespace {

// Every page of `request`'s operation, merged; nullopt (and `why`) on failure.
template <typename Request>
auto allPages(client::SmsClient &client, Request request, std::string &why)
    -> std::optional<typename client::PageTraits<Request>::Response>
{
    using Response = typename client::PageTraits<Request>::Response;
    QObject context;
    std::optional<Result<Response>> answer;
    client::paginate(
        client, std::move(request), &context, [](Response &) {}, [&answer](Result<Response> r) { answer = std::move(r); });
    if (!spinUntil([&] { return answer.has_value(); }, 120) || !*answer) {
        why = answer ? answer->error().describe() : "no answer in 120 s";
        return std::nullopt;
    }
    return std::move(answer->value());
}

// Catalog servers whose VM manager has a healthy connector, in catalog order.
std::optional<std::vector<std::string>> replicableServers(client::SmsClient &client, std::string &why)
{
    const auto connectors = allPages(client, api::GetConnectorsRequest{}, why);
    const auto servers = connectors ? allPages(client, api::GetServersRequest{}, why) : std::nullopt;
    if (!servers)
        return std::nullopt;
    std::set<std::string> healthy;
    for (const api::Connector &connector : connectors->connectorList.value_or(std::vector<api::Connector>{}))
        if (connector.status == api::ConnectorStatus::Healthy && connector.vmManagerId)
            healthy.insert(*connector.vmManagerId);
    std::vector<std::string> ids;
    for (const api::Server &server : servers->serverList.value_or(std::vector<api::Server>{})) {
        const auto &address = server.vmServer ? server.vmServer->vmServerAddress : std::nullopt;
        if (address && address->vmManagerId && healthy.count(*address->vmManagerId) && server.serverId)
            ids.push_back(*server.serverId);
    }
    return ids;
}

// Creates a job every `frequencyHours` for each of `candidates`, the first
// runs spread over the first period (candidate i in slot firstSlot + i of
// `slots`) so that some runs are going on at every pass, rather than all
// jobs running at once and then none for the rest of the hour; the servers
// that have a job afterwards. A server sms-local will not replicate (it makes
// a few percent of its estate so, and GetServers does not tell which) is
// left out; any other error fails.
std::optional<std::vector<std::string>> createJobs(client::SmsClient &client, const std::vector<std::string> &candidates,
                                                   std::size_t firstSlot, std::size_t slots, int frequencyHours,
                                                   std::string &why)
{
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double period = frequencyHours * 3600.0;
    QObject context;
    std::vector<char> made(candidates.size(), 0);
    const bool ok = runWindowed(int(candidates.size()), 8, [&](int i, std::function<void(bool)> done) {
        api::CreateReplicationJobRequest request;
        request.serverId = candidates[std::size_t(i)];
        request.seedReplicationTime = api::Timestamp{now + period * double(firstSlot + std::size_t(i)) / double(slots)};
        request.frequency = frequencyHours;
        client.createReplicationJob(request, &context,
                                    [&why, &made, i, done](Result<api::CreateReplicationJobResponse> created) {
                                        made[std::size_t(i)] = created.ok();
                                        if (!created && created.error().errorCode()
                                                != ErrorCode::ServerCannotBeReplicatedException)
                                            why = "CreateReplicationJob: " + created.error().describe();
                                        done(created.ok() || why.empty());
                                    });
    });
    if (!ok)
        return std::nullopt;
    std::vector<std::string> servers;
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (made[i])
            servers.push_back(candidates[i]);
    return servers;
}

api::CreateAppRequest createRequest(int app, const std::string *servers, int count)
{
    api::CreateAppRequest request;
    request.name = "bench-replication-monitor " + std::to_string(app);
    request.roleName = "sms-bench";
    api::ServerGroup &group = request.serverGroups.emplace().emplace_back();
    group.name = "servers";
    auto &list = group.serverList.emplace();
    for (int i = 0; i < count; ++i)
        list.emplace_back().serverId = servers[i];
    return request;
}

// StartAppReplication needs one, though every server already has its job.
api::PutAppReplicationConfigurationRequest replicationRequest(const api::CreateAppResponse &app, int frequencyHours)
{
    api::PutAppReplicationConfigurationRequest request;
    request.appId = app.appSummary->appId;
    auto &groups = request.serverGroupReplicationConfigurations.emplace();
    for (const api::ServerGroup &created : app.serverGroups.value_or(std::vector<api::ServerGroup>{})) {
        api::ServerGroupReplicationConfiguration &group = groups.emplace_back();
        group.serverGroupId = created.serverGroupId;
        auto &entries = group.serverReplicationConfigurations.emplace();
        for (const api::Server &server : created.serverList.value_or(std::vector<api::Server>{})) {
            api::ServerReplicationConfiguration &entry = entries.emplace_back();
            entry.server.emplace().serverId = server.serverId;
            entry.serverReplicationParameters.emplace().frequency = frequencyHours;
        }
    }
    return request;
}

} // namespace

bool makeReplicatingApps(client::SmsClient &client, int apps, int serversPerApp, int frequencyHours, std::string &why)
{
    const auto candidates = replicableServers(client, why);
    if (!candidates)
        return false;
    // Jobs first, in rounds over the next candidates until there are enough:
    // StartAppReplication refuses an application with any server it cannot
    // replicate, and takes a server's existing job in as it is.
    const std::size_t needed = std::size_t(apps) * std::size_t(serversPerApp);
    std::vector<std::string> withJobs;
    for (auto next = candidates->begin(); withJobs.size() < needed;) {
        const auto take = std::min<std::ptrdiff_t>(std::ptrdiff_t(needed - withJobs.size()), candidates->end() - next);
        if (take == 0) {
            why = "only " + std::to_string(withJobs.size()) + " replicable servers with a healthy connector";
            return false;
        }
        const auto made = createJobs(client, std::vector<std::string>(next, next + take), withJobs.size(), needed,
                                     frequencyHours, why);
        if (!made)
            return false;
        withJobs.insert(withJobs.end(), made->begin(), made->end());
        next += take;
    }
    const std::vector<std::string> *servers = &withJobs;
    QObject context;
    // Each application's three calls in turn; the applications side by side.
    return runWindowed(apps, 8, [&](int app, std::function<void(bool)> done) {
        const auto failed = [&why, done](const SmsError &error, const char *call) {
            why = std::string(call) + ": " + error.describe();
            done(false);
        };
        client.createApp(
            createRequest(app, servers->data() + std::ptrdiff_t(app) * serversPerApp, serversPerApp), &context,
            [&client, &context, frequencyHours, failed, done](Result<api::CreateAppResponse> created) {
                if (!created)
                    return failed(created.error(), "CreateApp");
                const std::string appId = *created->appSummary->appId;
                client.putAppReplicationConfiguration(
                    replicationRequest(created.value(), frequencyHours), &context,
                    [&client, &context, appId, failed, done](Result<api::PutAppReplicationConfigurationResponse> put) {
                        if (!put)
                            return failed(put.error(), "PutAppReplicationConfiguration");
                        api::StartAppReplicationRequest start;
                        start.appId = appId;
                        client.startAppReplication(start, &context,
                                                   [failed, done](Result<api::StartAppReplicationResponse> started) {
                                                       if (!started)
                                                           return failed(started.error(), "StartAppReplication");
                                                       done(true);
                                                   });
                    });
            });
    });
}

} // namespace sms::bench
