#include "services/DemoApplications.h"

#include "api/JsonCodec.h"

namespace sms::services {
namespace {

using api::Json;

// The first `count` servers a replication job can be made for: replicable, with a healthy connector.
std::vector<std::string> replicableServers(const sandbox::SandboxState &state, std::size_t count)
{
    std::vector<std::string> ids;
    for (const sandbox::EstateServer &entry : state.estate.servers) {
        if (ids.size() == count)
            break;
        if (entry.replicable && state.hasHealthyConnector(entry))
            ids.push_back(*entry.server.serverId);
    }
    return ids;
}

class DemoBuilder
{
public:
    DemoBuilder(sandbox::SandboxServer &server, std::vector<std::string> servers)
        : m_server(server)
        , m_servers(std::move(servers))
    {
    }

    Result<Json> call(std::string_view operation, const Json &request)
    {
        auto answer = m_server.invoke(operation, request.dump());
        if (!answer)
            return answer.error();
        return api::parseJson(answer.value());
    }

    // An app with the given group names and sizes, replication configured; its id and groups.
    Result<Json> createApp(const std::string &name, const std::string &description,
                           const std::vector<std::pair<std::string, int>> &groups, const Json &tags)
    {
        Json serverGroups = Json::array();
        for (const auto &[group, size] : groups) {
            Json list = Json::array();
            for (int i = 0; i < size && m_next < m_servers.size(); ++i)
                list.push_back({{"serverId", m_servers[m_next++]}});
            serverGroups.push_back({{"name", group}, {"serverList", list}});
        }
        auto app = call("CreateApp", {{"name", name}, {"description", description}, {"roleName", "sms"},
                                      {"serverGroups", serverGroups}, {"tags", tags}});
        if (!app)
            return app;
        Json replication = Json::array();
        for (const Json &group : app.value()["serverGroups"]) {
            Json servers = Json::array();
            for (const Json &server : group["serverList"])
                servers.push_back({{"server", {{"serverId", server["serverId"]}}},
                                   {"serverReplicationParameters",
                                    {{"frequency", 12}, {"licenseType", "AWS"}, {"numberOfRecentAmisToKeep", 3}}}});
            replication.push_back(
                {{"serverGroupId", group["serverGroupId"]}, {"serverReplicationConfigurations", servers}});
        }
        if (auto put = call("PutAppReplicationConfiguration",
                            {{"appId", app.value()["appSummary"]["appId"]},
                             {"serverGroupReplicationConfigurations", replication}});
            !put)
            return put;
        return app;
    }

    Result<Json> putLaunchConfiguration(const Json &app)
    {
        Json groups = Json::array();
        int order = 1;
        for (const Json &group : app["serverGroups"]) {
            Json servers = Json::array();
            for (const Json &server : group["serverList"])
                servers.push_back({{"server", {{"serverId", server["serverId"]}}},
                                   {"instanceType", order == 1 ? "r5.large" : "m5.large"},
                                   {"subnet", "subnet-0a1b2c3d4e5f60718"},
                                   {"securityGroup", "sg-0123456789abcdef0"}});
            groups.push_back({{"serverGroupId", group["serverGroupId"]}, {"launchOrder", order++},
                              {"serverLaunchConfigurations", servers}});
        }
        return call("PutAppLaunchConfiguration", {{"appId", app["appSummary"]["appId"]},
                                                  {"roleName", "sms-launch"},
                                                  {"serverGroupLaunchConfigurations", groups}});
    }

private:
    sandbox::SandboxServer &m_server;
    std::vector<std::string> m_servers;
    std::size_t m_next = 0;
};

Result<void> build(sandbox::SandboxEngine &engine, DemoBuilder &demo)
{
    const Json tags = Json::array({{{"key", "owner"}, {"value", "migration-team"}}});
    auto payroll = demo.createApp("Payroll", "Payroll web front ends and their database.",
                                  {{"Database", 1}, {"Web tier", 3}}, tags);
    auto intranet = demo.createApp("Intranet", "Intranet portal.", {{"Portal", 2}}, tags);
    auto crm = demo.createApp("CRM", "Customer relationship management, planned for next month.",
                              {{"Database", 2}, {"Application", 3}}, tags);
    auto billing = demo.createApp("Billing", "Billing batch servers.", {{"Batch", 3}}, tags);
    for (const auto *app : {&payroll, &intranet, &crm, &billing})
        if (!*app)
            return app->error();

    const auto start = [&](const Result<Json> &app) {
        return demo.call("StartAppReplication", {{"appId", app.value()["appSummary"]["appId"]}});
    };
    if (auto started = start(payroll); !started)
        return started.error();
    if (auto started = start(intranet); !started)
        return started.error();
    engine.fastForward(15 * 60);  // every first run is done within minutes
    if (auto put = demo.putLaunchConfiguration(payroll.value()); !put)
        return put.error();
    if (auto launched = demo.call("LaunchApp", {{"appId", payroll.value()["appSummary"]["appId"]}}); !launched)
        return launched.error();
    engine.fastForward(kDemoHistorySeconds - 15 * 60);
    if (auto started = start(billing); !started)  // replicating as the user looks
        return started.error();
    return {};
}

} // namespace

Result<void> addDemoApplications(sandbox::SandboxEngine &engine, sandbox::SandboxServer &server)
{
    DemoBuilder demo(server, replicableServers(engine.state(), 14));
    return build(engine, demo);
}

} // namespace sms::services
