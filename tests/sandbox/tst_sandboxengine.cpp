// The engine as a whole, through SandboxServer::invoke: what only shows when
// the operation classes work together (the catalog's import finishing for the
// app operations, jobs shared between a user and an app, configurations
// following an app's servers, the region in ARNs).

#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"

#include "api/JsonCodec.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using namespace sms::sandbox;
using api::Json;

namespace {

class Engine
{
public:
    explicit Engine(QString region = QStringLiteral("us-east-1"))
        : engine(makeState(), options(region, m_wall))
        , server(std::nullopt)
    {
        engine.registerWith(server);
    }

    // The answer's JSON, or {"error": code}.
    Json call(std::string_view operation, const Json &request = Json::object())
    {
        const auto answer = server.invoke(operation, request.dump());
        if (!answer)
            return {{"error", answer.error().code}};
        return Json::parse(answer.value());
    }

    void wait(double seconds) { m_wall->count += std::chrono::milliseconds(std::int64_t(seconds * 1000)).count(); }

    std::vector<std::string> replicableServers(std::size_t count)
    {
        std::vector<std::string> ids;
        for (const EstateServer &entry : engine.state().estate.servers) {
            if (entry.replicable && engine.state().hasHealthyConnector(entry) && ids.size() < count)
                ids.push_back(*entry.server.serverId);
        }
        return ids;
    }

    Json createApp(const std::vector<std::string> &servers)
    {
        Json list = Json::array();
        for (const std::string &id : servers)
            list.push_back({{"serverId", id}});
        return call("CreateApp", {{"name", "app"}, {"serverGroups", {{{"name", "g"}, {"serverList", list}}}}});
    }

private:
    struct Wall
    {
        std::int64_t count = 0;
    };

    static SandboxState makeState()
    {
        SandboxState state = SandboxState::fromEstate(generateEstate(200, 3), 3);
        state.failureRate = 0;
        return state;
    }

    static EngineOptions options(const QString &region, const std::shared_ptr<Wall> &wall)
    {
        EngineOptions options;
        options.start = api::Timestamp{1'750'000'000};
        options.region = region;
        options.s3Dir = QDir::tempPath();
        options.wallClock = [wall] { return std::chrono::milliseconds(wall->count); };
        return options;
    }

    std::shared_ptr<Wall> m_wall = std::make_shared<Wall>();

public:
    SandboxEngine engine;
    SandboxServer server;
};

} // namespace

class TestSandboxEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appsFollowTheCatalogsImport()
    {
        Engine sandbox;
        const auto servers = sandbox.replicableServers(2);
        QVERIFY(sandbox.call("DeleteServerCatalog").is_object());
        QCOMPARE(sandbox.createApp(servers).value("error", ""), std::string("InvalidParameterException"));
        QCOMPARE(sandbox.call("ImportAppCatalog").value("error", ""), std::string("OperationNotPermittedException"));

        QVERIFY(!sandbox.call("ImportServerCatalog").contains("error"));
        sandbox.wait(59);
        QCOMPARE(sandbox.call("ImportAppCatalog").value("error", ""), std::string("OperationNotPermittedException"));
        sandbox.wait(2);  // 60 s + 200 servers / 500: no GetServers needed to see it done
        QVERIFY(!sandbox.call("ImportAppCatalog").contains("error"));
        QVERIFY(!sandbox.call("ListApps")["apps"].empty());
    }

    void stoppingAnAppLeavesTheUsersOwnJob()
    {
        Engine sandbox;
        const auto servers = sandbox.replicableServers(2);
        const Json job = sandbox.call("CreateReplicationJob",
                                      {{"serverId", servers[0]}, {"seedReplicationTime", 1'750'000'000}, {"frequency", 12}});
        const Json app = sandbox.createApp(servers);
        const std::string appId = app["appSummary"]["appId"];
        Json replication = Json::array();
        for (const Json &server : app["serverGroups"][0]["serverList"])
            replication.push_back({{"server", {{"serverId", server["serverId"]}}},
                                   {"serverReplicationParameters", {{"frequency", 6}}}});
        QVERIFY(!sandbox.call("PutAppReplicationConfiguration",
                              {{"appId", appId},
                               {"serverGroupReplicationConfigurations",
                                {{{"serverGroupId", app["serverGroups"][0]["serverGroupId"]},
                                  {"serverReplicationConfigurations", replication}}}}})
                     .contains("error"));
        QVERIFY(!sandbox.call("StartAppReplication", {{"appId", appId}}).contains("error"));
        QCOMPARE(sandbox.call("GetReplicationJobs")["replicationJobList"].size(), size_t(2));
        sandbox.wait(200);
        QVERIFY(!sandbox.call("StopAppReplication", {{"appId", appId}}).contains("error"));
        const Json left = sandbox.call("GetReplicationJobs")["replicationJobList"];
        QCOMPARE(left.size(), size_t(1));
        QVERIFY(left[0]["replicationJobId"] == job["replicationJobId"]);
        QVERIFY(sandbox.call("GetApp", {{"appId", appId}})["appSummary"]["replicationStatus"] == "REPLICATION_STOPPED");
    }

    void configurationsFollowTheAppsServers()
    {
        Engine sandbox;
        const auto servers = sandbox.replicableServers(3);
        const Json app = sandbox.createApp(servers);
        const std::string appId = app["appSummary"]["appId"];
        const Json group = app["serverGroups"][0];
        Json launch = Json::array();
        for (const Json &server : group["serverList"])
            launch.push_back({{"server", {{"serverId", server["serverId"]}}}, {"instanceType", "t3.small"}});
        QVERIFY(!sandbox.call("PutAppLaunchConfiguration",
                              {{"appId", appId},
                               {"serverGroupLaunchConfigurations",
                                {{{"serverGroupId", group["serverGroupId"]}, {"serverLaunchConfigurations", launch}}}}})
                     .contains("error"));
        Json fewer = group;
        fewer["serverList"].erase(fewer["serverList"].begin());
        QVERIFY(!sandbox.call("UpdateApp", {{"appId", appId}, {"serverGroups", {fewer}}}).contains("error"));
        const Json stored = sandbox.call("GetAppLaunchConfiguration", {{"appId", appId}});
        const Json entries = stored["serverGroupLaunchConfigurations"][0]["serverLaunchConfigurations"];
        QCOMPARE(entries.size(), size_t(2));
        for (const Json &entry : entries)
            QVERIFY(entry["server"]["serverId"] != Json(servers[0]));
    }

    void stackArnNamesTheRegion()
    {
        Engine sandbox(QStringLiteral("eu-central-1"));
        const std::string appId = sandbox.createApp(sandbox.replicableServers(1))["appSummary"]["appId"];
        sandbox.engine.state().findApp(appId)->launchedAt = 1'750'000'000;  // launched, as LaunchApp leaves it
        const Json details = sandbox.call("GetApp", {{"appId", appId}})["appSummary"]["launchDetails"];
        QVERIFY2(details["stackId"].get<std::string>().starts_with("arn:aws:cloudformation:eu-central-1:"),
                 details.dump().c_str());
    }
};

QTEST_APPLESS_MAIN(TestSandboxEngine)
#include "tst_sandboxengine.moc"
