// sms-local's applications on a stepped simulation clock: records and their
// checks (membership, quotas, idempotency), configurations, replication and
// launch as they follow simulated time, the templates written to the local
// bucket, validation outputs, the Migration Hub import and ListApps paging.

#include "SandboxFixture.h"
#include "tests/support/YamlJson.h"

#include "sandbox/AppConfigOperations.h"
#include "sandbox/AppLifecycleOperations.h"
#include "sandbox/AppOperations.h"
#include "sandbox/AppViews.h"
#include "sandbox/ReplicationOperations.h"

#include "api/JsonCodec.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

using namespace sms;
using namespace sms::sandbox;
using namespace sms::sandbox::testing;
using namespace sms::testing;
using api::Json;

namespace {

api::ServerGroup groupOf(const std::string &name, const std::vector<std::string> &ids,
                         std::optional<std::string> groupId = {})
{
    api::ServerGroup group;
    group.serverGroupId = std::move(groupId);
    group.name = name;
    auto &servers = group.serverList.emplace();
    for (const std::string &id : ids)
        servers.push_back(serverWithId(id));
    return group;
}

std::string readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

// The ImageIds of a template's instances.
std::set<std::string> imagesOf(const Json &tmpl)
{
    std::set<std::string> images;
    for (const auto &[name, resource] : tmpl.at("Resources").items())
        if (resource.value("Type", "") == "AWS::EC2::Instance")
            images.insert(resource.at("Properties").at("ImageId").get<std::string>());
    return images;
}

// The application operations as SandboxEngine wires them over the fixture.
// Each helper first brings the simulation to now, as sms-local does before
// every request.
class Sandbox : public AppSandboxFixture
{
public:
    explicit Sandbox(const QString &s3Dir = QString(), std::size_t servers = 300, std::uint64_t seed = 11)
        : AppSandboxFixture(s3Dir, servers, seed)
    {
    }

    // What a refused request names: an unknown app, no app, or else the app.
    static std::optional<std::string> appIdFor(const QString &problem, const std::string &appId)
    {
        if (problem == QLatin1String("unknown app"))
            return "app-00000000000000000";
        if (problem == QLatin1String("no appId"))
            return std::nullopt;
        return appId;
    }

    Result<api::CreateAppResponse> create(const std::string &name, const std::vector<std::vector<std::string>> &groups,
                                          std::optional<std::string> clientToken = {})
    {
        advance();
        api::CreateAppRequest request;
        request.name = name;
        request.clientToken = std::move(clientToken);
        auto &list = request.serverGroups.emplace();
        for (std::size_t i = 0; i < groups.size(); ++i)
            list.push_back(groupOf(name + " group " + std::to_string(i + 1), groups[i]));
        return apps.createApp(request);
    }
    std::string createId(const std::string &name, const std::vector<std::vector<std::string>> &groups)
    {
        const auto created = create(name, groups);
        return created ? *created->appSummary->appId : std::string();
    }

    Result<api::GetAppResponse> get(const std::string &appId)
    {
        advance();
        return apps.getApp(forApp<api::GetAppRequest>(appId));
    }
    api::AppSummary summary(const std::string &appId)
    {
        const auto got = get(appId);
        return got ? *got->appSummary : api::AppSummary{};
    }
    QString replicationStatus(const std::string &appId) { return qs(summary(appId).replicationStatus); }
    QString launchStatus(const std::string &appId) { return qs(summary(appId).launchStatus); }
    const AppRecord &record(const std::string &appId) { return *state.findApp(appId); }

    Result<api::UpdateAppResponse> updateGroups(const std::string &appId, std::vector<api::ServerGroup> groups)
    {
        advance();
        api::UpdateAppRequest request;
        request.appId = appId;
        request.serverGroups = std::move(groups);
        return apps.updateApp(request);
    }
    // The app's groups as they are, with their ids, for an UpdateApp.
    std::vector<api::ServerGroup> groupsOf(const std::string &appId)
    {
        std::vector<api::ServerGroup> groups;
        for (const ServerGroupRecord &group : record(appId).groups)
            groups.push_back(groupOf(group.name, group.serverIds, group.id));
        return groups;
    }

    // A replication configuration naming every server of the app.
    api::PutAppReplicationConfigurationRequest replicationRequest(const std::string &appId, int frequency = 12,
                                                                  std::optional<double> seedAfter = {})
    {
        api::ServerReplicationParameters params;
        params.frequency = frequency;
        params.licenseType = api::LicenseType::Aws;
        if (seedAfter)
            params.seedTime = api::Timestamp{now() + *seedAfter};
        return replicateEveryServer(record(appId), params);
    }
    Result<api::PutAppReplicationConfigurationResponse> putReplication(const std::string &appId, int frequency = 12,
                                                                       std::optional<double> seedAfter = {})
    {
        advance();
        return configs.putAppReplicationConfiguration(replicationRequest(appId, frequency, seedAfter));
    }
    Result<api::GetAppReplicationConfigurationResponse> getReplication(const std::string &appId)
    {
        return appConfig(&AppConfigOperations::getAppReplicationConfiguration, appId);
    }
    // A configuration operation on a request that names only the app.
    template <typename Response, typename Request>
    Result<Response> appConfig(Result<Response> (AppConfigOperations::*operation)(const Request &),
                               const std::string &appId)
    {
        advance();
        return (configs.*operation)(forApp<Request>(appId));
    }
    template <typename Response, typename Request>
    Result<Response> appConfig(Result<Response> (AppConfigOperations::*operation)(const Request &) const,
                               const std::string &appId)
    {
        advance();
        return (configs.*operation)(forApp<Request>(appId));
    }

    // A launch configuration: each group in order, each server a t3.small.
    Result<api::PutAppLaunchConfigurationResponse> putLaunch(const std::string &appId, bool autoLaunch = false)
    {
        advance();
        auto request = launchEveryServer(record(appId));
        request.autoLaunch = autoLaunch;
        return configs.putAppLaunchConfiguration(request);
    }

    Result<api::StartAppReplicationResponse> startReplication(const std::string &appId)
    {
        advance();
        return lifecycle.startAppReplication(forApp<api::StartAppReplicationRequest>(appId));
    }
    Result<api::StopAppReplicationResponse> stopReplication(const std::string &appId)
    {
        advance();
        return lifecycle.stopAppReplication(forApp<api::StopAppReplicationRequest>(appId));
    }
    Result<api::StartOnDemandAppReplicationResponse> onDemand(const std::string &appId,
                                                              std::optional<std::string> description = {})
    {
        advance();
        auto request = forApp<api::StartOnDemandAppReplicationRequest>(appId);
        request.description = std::move(description);
        return lifecycle.startOnDemandAppReplication(request);
    }
    Result<api::LaunchAppResponse> launch(const std::string &appId)
    {
        advance();
        return lifecycle.launchApp(forApp<api::LaunchAppRequest>(appId));
    }
    Result<api::TerminateAppResponse> terminate(const std::string &appId)
    {
        advance();
        return lifecycle.terminateApp(forApp<api::TerminateAppRequest>(appId));
    }
    Result<api::GenerateTemplateResponse> generateTemplate(const std::string &appId,
                                                           std::optional<api::OutputFormat> format = {})
    {
        advance();
        auto request = forApp<api::GenerateTemplateRequest>(appId);
        if (format)
            request.templateFormat = *format;
        return lifecycle.generateTemplate(request);
    }
    Result<api::GenerateChangeSetResponse> generateChangeSet(const std::string &appId,
                                                             std::optional<api::OutputFormat> format = {})
    {
        advance();
        auto request = forApp<api::GenerateChangeSetRequest>(appId);
        if (format)
            request.changesetFormat = *format;
        return lifecycle.generateChangeSet(request);
    }
    Result<api::GetAppValidationOutputResponse> validationOutputs(const std::string &appId)
    {
        advance();
        return validation.getAppValidationOutput(forApp<api::GetAppValidationOutputRequest>(appId));
    }
    Result<api::NotifyAppValidationOutputResponse> notify(const std::string &appId, const std::string &validationId,
                                                          api::ValidationStatus status, const std::string &message)
    {
        advance();
        auto request = forApp<api::NotifyAppValidationOutputRequest>(appId);
        auto &context = request.notificationContext.emplace();
        context.validationId = validationId;
        context.status = status;
        context.statusMessage = message;
        return validation.notifyAppValidationOutput(request);
    }
    Result<api::DeleteAppResponse> remove(const std::string &appId, bool forceStop = false, bool forceTerminate = false)
    {
        advance();
        auto request = forApp<api::DeleteAppRequest>(appId);
        if (forceStop)
            request.forceStopAppReplication = true;
        if (forceTerminate)
            request.forceTerminateApp = true;
        return apps.deleteApp(request);
    }
    Result<api::ListAppsResponse> list(std::optional<std::vector<std::string>> appIds = {},
                                       std::optional<int> maxResults = {}, std::optional<std::string> nextToken = {})
    {
        advance();
        api::ListAppsRequest request;
        request.appIds = std::move(appIds);
        request.maxResults = maxResults;
        request.nextToken = std::move(nextToken);
        return apps.listApps(request);
    }

    // Creates an app of the first `count` replicable servers in one group,
    // configured for replication and launch, and starts its replication.
    // Empty if a step was refused.
    std::string startedApp(const std::string &name, std::size_t count, bool autoLaunch = false)
    {
        const auto good = servers(Kind::Replicable);
        const std::vector<std::string> ids(good.begin(), good.begin() + std::ptrdiff_t(count));
        const std::string appId = createId(name, {ids});
        if (appId.empty() || !putReplication(appId) || !putLaunch(appId, autoLaunch) || !startReplication(appId))
            return {};
        return appId;
    }
    // The same, replicated and ready to launch.
    std::string replicatedApp(const std::string &name, std::size_t count)
    {
        const std::string appId = startedApp(name, count);
        if (!appId.empty())
            at((now() - kStart) + kLongestRun);
        return appId;
    }

    // The apps a configuration check starts from: "mine" of the replicable
    // servers {0, 1} and {2} in two groups, and "other" of server 3.
    struct CheckedApps
    {
        std::vector<std::string> good;
        std::string mine;
        std::string other;
    };
    CheckedApps checkedApps()
    {
        CheckedApps made{servers(Kind::Replicable), {}, {}};
        made.mine = createId("mine", {{made.good[0], made.good[1]}, {made.good[2]}});
        made.other = createId("other", {{made.good[3]}});
        return made;
    }
};

} // namespace

class TestAppOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsReadsUpdatesAndDeletes()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        api::CreateAppRequest request;
        request.name = "payroll";
        request.description = "Monthly payroll run";
        request.serverGroups = std::vector<api::ServerGroup>{groupOf("web", {good[0], good[1]}), groupOf("db", {good[2]})};
        api::Tag tag;
        tag.key = "team";
        tag.value = "finance";
        request.tags = std::vector<api::Tag>{tag};
        const auto created = sandbox.apps.createApp(request);
        QVERIFY2(created.ok(), created ? "" : created.error().describe().c_str());

        const api::AppSummary &summary = *created->appSummary;
        const std::string appId = *summary.appId;
        QVERIFY(appId.rfind("app-", 0) == 0);
        QCOMPARE(qs(*summary.name), QStringLiteral("payroll"));
        QCOMPARE(qs(*summary.description), QStringLiteral("Monthly payroll run"));
        QCOMPARE(qs(summary.status), QStringLiteral("ACTIVE"));
        QCOMPARE(qs(summary.replicationConfigurationStatus), QStringLiteral("NOT_CONFIGURED"));
        QCOMPARE(qs(summary.replicationStatus), QStringLiteral("READY_FOR_CONFIGURATION"));
        QCOMPARE(qs(summary.launchConfigurationStatus), QStringLiteral("NOT_CONFIGURED"));
        QCOMPARE(qs(summary.launchStatus), QStringLiteral("READY_FOR_CONFIGURATION"));
        QCOMPARE(summary.totalServerGroups.value_or(0), 2);
        QCOMPARE(summary.totalServers.value_or(0), 3);
        QCOMPARE(qs(summary.roleName.value_or("")), QStringLiteral("sms"));
        QCOMPARE(summary.creationTime->epochSeconds, kStart);
        QVERIFY(!summary.launchDetails);
        QVERIFY(!summary.latestReplicationTime);
        QCOMPARE(created->serverGroups->size(), size_t(2));
        const api::ServerGroup &web = created->serverGroups->front();
        QVERIFY(web.serverGroupId->rfind("sg-", 0) == 0);
        QCOMPARE(qs(*web.name), QStringLiteral("web"));
        QCOMPARE(web.serverList->size(), size_t(2));
        QVERIFY(web.serverList->at(1) == sandbox.state.findServer(good[1])->server);  // as the catalog has it
        QVERIFY(created->tags == request.tags);

        auto got = sandbox.get(appId);
        QVERIFY(got.ok());
        QVERIFY(got->appSummary == created->appSummary);
        QVERIFY(got->serverGroups == created->serverGroups);
        QVERIFY(got->tags == created->tags);

        sandbox.at(60);
        api::UpdateAppRequest update;
        update.appId = appId;
        update.name = "payroll-2";
        update.description = "Payroll, web tier only";
        update.serverGroups = std::vector<api::ServerGroup>{groupOf("web", {good[0]}, *web.serverGroupId),
                                                            groupOf("cache", {good[3]})};
        const auto updated = sandbox.apps.updateApp(update);
        QVERIFY2(updated.ok(), updated ? "" : updated.error().describe().c_str());
        QCOMPARE(qs(*updated->appSummary->name), QStringLiteral("payroll-2"));
        QCOMPARE(updated->appSummary->lastModified->epochSeconds, kStart + 60);
        QCOMPARE(updated->appSummary->creationTime->epochSeconds, kStart);
        QCOMPARE(updated->appSummary->totalServers.value_or(0), 2);
        QCOMPARE(qs(*updated->serverGroups->at(0).serverGroupId), qs(*web.serverGroupId));  // kept
        QVERIFY(updated->serverGroups->at(1).serverGroupId->rfind("sg-", 0) == 0);
        QVERIFY(*updated->serverGroups->at(1).serverGroupId != *web.serverGroupId);
        QVERIFY(updated->tags == request.tags);  // not given: unchanged
        got = sandbox.get(appId);
        QVERIFY(got->serverGroups == updated->serverGroups);

        // Servers the update dropped are free for another app.
        const auto other = sandbox.create("other", {{good[1], good[2]}});
        QVERIFY2(other.ok(), other ? "" : other.error().describe().c_str());

        QVERIFY(sandbox.remove(appId).ok());
        QCOMPARE(codeOf(sandbox.get(appId)), QStringLiteral("InvalidParameterException"));
        QCOMPARE(codeOf(sandbox.remove(appId)), QStringLiteral("InvalidParameterException"));
        QCOMPARE(sandbox.list()->apps->size(), size_t(1));
        QVERIFY(sandbox.create("again", {{good[0], good[3]}}).ok());
    }

    void clientTokenMakesCreateIdempotent()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const auto first = sandbox.create("retry", {{good[0]}}, "token-1");
        QVERIFY(first.ok());
        sandbox.at(5);
        const auto retried = sandbox.create("retry", {{good[0]}}, "token-1");
        QVERIFY2(retried.ok(), retried ? "" : retried.error().describe().c_str());
        QCOMPARE(qs(*retried->appSummary->appId), qs(*first->appSummary->appId));
        QVERIFY(retried->serverGroups == first->serverGroups);
        QCOMPARE(sandbox.state.apps.size(), size_t(1));

        const auto another = sandbox.create("another", {{good[1]}}, "token-2");
        QVERIFY(another.ok());
        QVERIFY(*another->appSummary->appId != *first->appSummary->appId);
        const auto untokened = sandbox.create("untokened", {{good[2]}});
        QVERIFY(untokened.ok());
        QCOMPARE(sandbox.state.apps.size(), size_t(3));
    }

    void serverGroupsRefused_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("code");
        QTest::addRow("create: unknown server") << "create" << "unknown server" << "InvalidParameterException";
        QTest::addRow("create: server of another app") << "create" << "other app's server" << "InvalidParameterException";
        QTest::addRow("update: server of another app") << "update" << "other app's server" << "InvalidParameterException";
        QTest::addRow("create: server twice") << "create" << "server twice" << "InvalidParameterException";
        QTest::addRow("update: server twice") << "update" << "server twice" << "InvalidParameterException";
        QTest::addRow("create: server without id") << "create" << "server without id"
                                                   << "MissingRequiredParameterException";
        QTest::addRow("create: 11 groups") << "create" << "11 groups" << "InvalidParameterException";
        QTest::addRow("update: 11 groups") << "update" << "11 groups" << "InvalidParameterException";
        QTest::addRow("create: 51 servers") << "create" << "51 servers" << "InvalidParameterException";
        QTest::addRow("update: 51 servers") << "update" << "51 servers" << "InvalidParameterException";
        QTest::addRow("update: group of another app") << "update" << "other app's group" << "InvalidParameterException";
        QTest::addRow("update: unknown app") << "update" << "unknown app" << "InvalidParameterException";
        QTest::addRow("update: one group id twice") << "update" << "group id twice" << "InvalidParameterException";
        QTest::addRow("update: server leaves a replicating app")
            << "update" << "leave replicating" << "OperationNotPermittedException";
    }

    void serverGroupsRefused()
    {
        QFETCH(QString, operation);
        QFETCH(QString, problem);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string other = sandbox.createId("other", {{good[0]}});
        std::string mine = sandbox.createId("mine", {{good[1], good[2]}});
        QVERIFY(!other.empty() && !mine.empty());
        if (problem == QLatin1String("leave replicating")) {
            QVERIFY(sandbox.putReplication(mine).ok());
            QVERIFY(sandbox.startReplication(mine).ok());
        }
        const std::string myGroup = sandbox.record(mine).groups.front().id;

        std::vector<api::ServerGroup> groups;
        if (problem == QLatin1String("unknown server")) {
            groups = {groupOf("g", {good[3], "s-0000000000000000f"})};
        } else if (problem == QLatin1String("other app's server")) {
            groups = {operation == QLatin1String("create") ? groupOf("g", {good[3], good[0]})
                                                           : groupOf("g", {good[1], good[2], good[0]}, myGroup)};
        } else if (problem == QLatin1String("server twice")) {
            groups = {groupOf("g", {good[3]}), groupOf("h", {good[4], good[3]})};
        } else if (problem == QLatin1String("server without id")) {
            groups = {groupOf("g", {good[3]})};
            groups[0].serverList->push_back(api::Server{});
        } else if (problem == QLatin1String("11 groups")) {
            for (int i = 0; i < 11; ++i)
                groups.push_back(groupOf("g" + std::to_string(i), {good[std::size_t(3 + i)]}));
        } else if (problem == QLatin1String("51 servers")) {
            QVERIFY(sandbox.state.estate.servers.size() > 60);
            std::vector<std::string> ids;
            for (const EstateServer &entry : sandbox.state.estate.servers)
                if (std::find(good.begin(), good.begin() + 3, *entry.server.serverId) == good.begin() + 3
                    && ids.size() < 51)
                    ids.push_back(*entry.server.serverId);
            groups = {groupOf("g", std::vector<std::string>(ids.begin(), ids.begin() + 26)),
                      groupOf("h", std::vector<std::string>(ids.begin() + 26, ids.end()))};
        } else if (problem == QLatin1String("other app's group")) {
            groups = {groupOf("g", {good[1]}, sandbox.record(other).groups.front().id)};
        } else if (problem == QLatin1String("unknown app")) {
            mine = "app-00000000000000000";
            groups = {groupOf("g", {good[3]})};
        } else if (problem == QLatin1String("leave replicating")) {
            groups = {groupOf("g", {good[1]}, myGroup)};
        } else if (problem == QLatin1String("group id twice")) {
            groups = {groupOf("g", {good[1]}, myGroup), groupOf("h", {good[2]}, myGroup)};
        } else {
            QFAIL("unknown problem");
        }

        QString refused;
        if (operation == QLatin1String("create")) {
            api::CreateAppRequest request;
            request.name = "refused";
            request.serverGroups = groups;
            refused = codeOf(sandbox.apps.createApp(request));
        } else {
            refused = codeOf(sandbox.updateGroups(mine, groups));
        }
        QCOMPARE(refused, code);
        // Nothing changed.
        QCOMPARE(sandbox.state.apps.size(), size_t(2));
        const auto &record = *sandbox.state.findApp(sandbox.state.apps.back().id);
        QCOMPARE(record.groups.size(), size_t(1));
        QVERIFY(record.groups.front().serverIds == (std::vector<std::string>{good[1], good[2]}));
        QVERIFY(sandbox.state.appOfServer(good[0])->name == "other");
    }

    void limitsAreLiftedWithZero()
    {
        Sandbox sandbox;
        std::vector<std::string> ids;
        for (const EstateServer &entry : sandbox.state.estate.servers)
            ids.push_back(*entry.server.serverId);
        std::vector<std::vector<std::string>> elevenGroups;
        for (int i = 0; i < 11; ++i)
            elevenGroups.push_back({ids[std::size_t(i)]});
        std::vector<std::vector<std::string>> fiftyServers{{ids.begin() + 20, ids.begin() + 70}};
        std::vector<std::vector<std::string>> sixtyServers{{ids.begin() + 100, ids.begin() + 160}};

        QCOMPARE(codeOf(sandbox.create("eleven", elevenGroups)), QStringLiteral("InvalidParameterException"));
        QCOMPARE(codeOf(sandbox.create("fifty", fiftyServers)), QStringLiteral("(ok)"));  // at the quota
        QCOMPARE(codeOf(sandbox.create("sixty", sixtyServers)), QStringLiteral("InvalidParameterException"));

        sandbox.state.limits.serverGroupsPerApp = 0;
        sandbox.state.limits.serversPerApp = 0;
        QCOMPARE(codeOf(sandbox.create("eleven", elevenGroups)), QStringLiteral("(ok)"));
        QCOMPARE(codeOf(sandbox.create("sixty", sixtyServers)), QStringLiteral("(ok)"));
        const std::string sixty = sandbox.state.apps.back().id;
        QCOMPARE(sandbox.summary(sixty).totalServers.value_or(0), 60);
    }

    void concurrentMigrationsAreLimited()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        QVERIFY(good.size() >= 52);
        std::vector<std::string> appIds;
        for (std::size_t i = 0; i < 51; ++i) {
            appIds.push_back(sandbox.createId("app " + std::to_string(i), {{good[i]}}));
            QVERIFY(sandbox.putReplication(appIds.back()).ok());
        }
        for (std::size_t i = 0; i < 50; ++i)
            QCOMPARE(codeOf(sandbox.startReplication(appIds[i])), QStringLiteral("(ok)"));
        QCOMPARE(codeOf(sandbox.startReplication(appIds[50])), QStringLiteral("OperationNotPermittedException"));
        QVERIFY(!sandbox.state.jobForServer(good[50]));

        QVERIFY(sandbox.stopReplication(appIds[0]).ok());
        QCOMPARE(codeOf(sandbox.startReplication(appIds[50])), QStringLiteral("(ok)"));

        const std::string extra = sandbox.createId("extra", {{good[51]}});
        QVERIFY(sandbox.putReplication(extra).ok());
        QCOMPARE(codeOf(sandbox.startReplication(extra)), QStringLiteral("OperationNotPermittedException"));
        sandbox.state.limits.concurrentAppMigrations = 0;
        QCOMPARE(codeOf(sandbox.startReplication(extra)), QStringLiteral("(ok)"));
    }

    void replicationConfigurationChecked_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("code");
        QTest::addRow("group of another app") << "foreign group" << "InvalidParameterException";
        QTest::addRow("server of another group of the app") << "other group's server" << "InvalidParameterException";
        QTest::addRow("server of another app") << "foreign server" << "InvalidParameterException";
        QTest::addRow("unknown server") << "unknown server" << "InvalidParameterException";
        QTest::addRow("group twice") << "group twice" << "InvalidParameterException";
        QTest::addRow("group without id") << "group without id" << "MissingRequiredParameterException";
        QTest::addRow("server without id") << "server without id" << "MissingRequiredParameterException";
        QTest::addRow("frequency 0") << "frequency 0" << "InvalidParameterException";
        QTest::addRow("frequency 25") << "frequency 25" << "InvalidParameterException";
        QTest::addRow("unknown app") << "unknown app" << "InvalidParameterException";
    }

    void replicationConfigurationChecked()
    {
        QFETCH(QString, problem);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto [good, appId, otherId] = sandbox.checkedApps();
        QVERIFY(sandbox.putReplication(appId, 6).ok());
        const auto before = sandbox.getReplication(appId);
        QVERIFY(before.ok());
        QCOMPARE(before->serverGroupReplicationConfigurations->size(), size_t(2));

        api::PutAppReplicationConfigurationRequest request = sandbox.replicationRequest(appId, 12);
        auto &groups = *request.serverGroupReplicationConfigurations;
        auto &firstEntries = *groups[0].serverReplicationConfigurations;
        if (problem == QLatin1String("foreign group"))
            groups[1].serverGroupId = sandbox.record(otherId).groups.front().id;
        else if (problem == QLatin1String("other group's server"))
            firstEntries[1].server = serverWithId(good[2]);
        else if (problem == QLatin1String("foreign server"))
            firstEntries[1].server = serverWithId(good[3]);
        else if (problem == QLatin1String("unknown server"))
            firstEntries[1].server = serverWithId("s-0000000000000000f");
        else if (problem == QLatin1String("group twice"))
            groups[1].serverGroupId = groups[0].serverGroupId;
        else if (problem == QLatin1String("group without id"))
            groups[1].serverGroupId.reset();
        else if (problem == QLatin1String("server without id"))
            firstEntries[1].server = api::Server{};
        else if (problem == QLatin1String("frequency 0"))
            firstEntries[1].serverReplicationParameters->frequency = 0;
        else if (problem == QLatin1String("frequency 25"))
            firstEntries[1].serverReplicationParameters->frequency = 25;
        else if (problem == QLatin1String("unknown app"))
            request.appId = "app-00000000000000000";
        else
            QFAIL("unknown problem");
        QCOMPARE(codeOf(sandbox.configs.putAppReplicationConfiguration(request)), code);

        // The whole Put was refused: the configuration is as before.
        const auto after = sandbox.getReplication(appId);
        QVERIFY(after.ok());
        QVERIFY(after->serverGroupReplicationConfigurations == before->serverGroupReplicationConfigurations);
        QCOMPARE(after->serverGroupReplicationConfigurations->front()
                     .serverReplicationConfigurations->front()
                     .serverReplicationParameters->frequency.value_or(0),
                 6);
    }

    void replicationFollowsItsJobs()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("shop", {{good[0], good[1]}, {good[2]}});
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("READY_FOR_CONFIGURATION"));
        QCOMPARE(codeOf(sandbox.startReplication(appId)), QStringLiteral("OperationNotPermittedException"));

        QVERIFY(sandbox.putReplication(appId, 6).ok());
        QCOMPARE(qs(sandbox.summary(appId).replicationConfigurationStatus), QStringLiteral("CONFIGURED"));
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("READY_FOR_REPLICATION"));
        const auto config = sandbox.getReplication(appId);
        QVERIFY(config.ok());
        const api::Server &configured = *config->serverGroupReplicationConfigurations->front()
                                             .serverReplicationConfigurations->front()
                                             .server;
        QVERIFY(configured == sandbox.state.findServer(good[0])->server);  // described as the catalog has it

        sandbox.at(10);
        QCOMPARE(codeOf(sandbox.startReplication(appId)), QStringLiteral("(ok)"));
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATION_IN_PROGRESS"));
        QCOMPARE(sandbox.state.jobs.size(), size_t(3));
        for (const std::string &id : {good[0], good[1], good[2]}) {
            const JobRecord *job = sandbox.state.jobForServer(id);
            QVERIFY(job);
            QCOMPARE(job->settings.frequency.value_or(0), 6);
            QCOMPARE(qs(job->settings.roleName.value_or("")), QStringLiteral("sms"));
        }
        QCOMPARE(codeOf(sandbox.startReplication(appId)), QStringLiteral("OperationNotPermittedException"));
        api::DeleteReplicationJobRequest deleteJob;
        deleteJob.replicationJobId = sandbox.state.jobs.front().id();
        QCOMPARE(codeOf(sandbox.replication.deleteReplicationJob(deleteJob)),
                 QStringLiteral("OperationNotPermittedException"));
        QCOMPARE(codeOf(sandbox.appConfig(&AppConfigOperations::deleteAppReplicationConfiguration, appId)),
                 QStringLiteral("OperationNotPermittedException"));

        sandbox.at(10 + kLongestRun);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATED"));
        const api::AppSummary replicated = sandbox.summary(appId);
        QVERIFY(replicated.latestReplicationTime);
        QVERIFY(replicated.latestReplicationTime->epochSeconds >= kStart + 70);
        QVERIFY(replicated.latestReplicationTime->epochSeconds <= sandbox.now());
        QVERIFY(!replicated.replicationStatusMessage);

        // The next scheduled runs: a delta replication.
        sandbox.at(10 + 6 * kHour + 1);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("DELTA_REPLICATION_IN_PROGRESS"));
        sandbox.at(10 + 6 * kHour + kLongestRun);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATED"));

        QCOMPARE(codeOf(sandbox.stopReplication(appId)), QStringLiteral("(ok)"));
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATION_STOPPED"));
        QVERIFY(sandbox.state.jobs.empty());
        QVERIFY(sandbox.state.findServer(good[0])->server.replicationJobTerminated.value_or(false));
        QCOMPARE(codeOf(sandbox.stopReplication(appId)), QStringLiteral("OperationNotPermittedException"));
        QCOMPARE(codeOf(sandbox.appConfig(&AppConfigOperations::deleteAppReplicationConfiguration, appId)),
                 QStringLiteral("(ok)"));
        QCOMPARE(qs(sandbox.summary(appId).replicationConfigurationStatus), QStringLiteral("NOT_CONFIGURED"));
    }

    // StopAppReplication removes the jobs but not what they achieved.
    void stoppedReplicationKeepsItsHistory()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sandbox sandbox(dir.path());
        const std::string appId = sandbox.replicatedApp("stopped", 2);
        QVERIFY(!appId.empty());
        const api::AppSummary before = sandbox.summary(appId);
        QCOMPARE(qs(before.replicationStatus), QStringLiteral("REPLICATED"));
        QVERIFY(before.latestReplicationTime);

        sandbox.at(sandbox.now() - kStart + 60);
        QVERIFY(sandbox.stopReplication(appId).ok());
        const api::AppSummary after = sandbox.summary(appId);
        QCOMPARE(qs(after.replicationStatus), QStringLiteral("REPLICATION_STOPPED"));
        // The kept AMIs still make a template and a launch.
        QCOMPARE(codeOf(sandbox.generateTemplate(appId)), QStringLiteral("(ok)"));
        QCOMPARE(codeOf(sandbox.launch(appId)), QStringLiteral("(ok)"));
        QVERIFY2(after.latestReplicationTime, "latestReplicationTime disappeared with the jobs");
        QCOMPARE(after.latestReplicationTime->epochSeconds, before.latestReplicationTime->epochSeconds);
    }

    void replicationPendingUntilSeedTime()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("later", {{good[0], good[1]}});
        QVERIFY(sandbox.putReplication(appId, 12, kHour).ok());
        QVERIFY(sandbox.startReplication(appId).ok());
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATION_PENDING"));
        sandbox.at(kHour - 1);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATION_PENDING"));
        sandbox.at(kHour);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATION_IN_PROGRESS"));
        sandbox.at(kHour + kLongestRun);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATED"));
    }

    void replicationFailuresShowInTheApp()
    {
        Sandbox sandbox;
        sandbox.state.failureRate = 1.0;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("doomed", {{good[0]}});
        QVERIFY(sandbox.putReplication(appId, 1).ok());
        QVERIFY(sandbox.startReplication(appId).ok());
        sandbox.at(kLongestRun);
        const api::AppSummary summary = sandbox.summary(appId);
        QCOMPARE(qs(summary.replicationStatus), QStringLiteral("REPLICATION_FAILED"));
        QVERIFY(summary.replicationStatusMessage);
        QVERIFY2(summary.replicationStatusMessage->find(good[0]) != std::string::npos,
                 summary.replicationStatusMessage->c_str());
    }

    void startReplicationRefused_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("code");
        QTest::addRow("no configuration") << "no configuration" << "OperationNotPermittedException";
        QTest::addRow("no servers") << "no servers" << "InvalidParameterException";
        QTest::addRow("server cannot be replicated") << "not replicable" << "ServerCannotBeReplicatedException";
        QTest::addRow("no healthy connector") << "unhealthy connector" << "NoConnectorsAvailableException";
        QTest::addRow("unknown app") << "unknown app" << "InvalidParameterException";
        QTest::addRow("no appId") << "no appId" << "MissingRequiredParameterException";
    }

    void startReplicationRefused()
    {
        QFETCH(QString, problem);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        std::vector<std::string> servers{good[0], good[1]};  // replicable ones first: nothing may be half done
        if (problem == QLatin1String("no servers")) {
            servers.clear();
        } else if (problem == QLatin1String("not replicable") || problem == QLatin1String("unhealthy connector")) {
            const auto bad = sandbox.servers(problem == QLatin1String("not replicable") ? Kind::NotReplicable
                                                                                          : Kind::UnhealthyConnector);
            QVERIFY2(!bad.empty(), "the estate has no such server; pick another seed");
            servers.push_back(bad.front());
        }
        std::string appId = sandbox.createId("refused", {servers});
        QVERIFY(!appId.empty());
        if (problem != QLatin1String("no configuration"))
            QVERIFY(sandbox.putReplication(appId).ok());
        api::StartAppReplicationRequest request;
        request.appId = Sandbox::appIdFor(problem, appId);
        QCOMPARE(codeOf(sandbox.lifecycle.startAppReplication(request)), code);
        QVERIFY(sandbox.state.jobs.empty());
        QVERIFY(!sandbox.record(appId).replicationStarted);
        QVERIFY(sandbox.replicationStatus(appId) != QLatin1String("REPLICATION_IN_PROGRESS"));
    }

    void onDemandAppReplication()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("demand", {{good[0]}, {good[1]}});
        QVERIFY(sandbox.putReplication(appId).ok());
        QCOMPARE(codeOf(sandbox.onDemand(appId)), QStringLiteral("OperationNotPermittedException"));
        QVERIFY(sandbox.startReplication(appId).ok());
        sandbox.at(kLongestRun);
        QCOMPARE(codeOf(sandbox.onDemand(appId, "before cutover")), QStringLiteral("(ok)"));
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("DELTA_REPLICATION_IN_PROGRESS"));
        QCOMPARE(codeOf(sandbox.onDemand(appId)), QStringLiteral("(ok)"));
        for (const JobRecord &job : sandbox.state.jobs) {
            QCOMPARE(job.runs.size(), size_t(3));
            QVERIFY(job.runs[1].type == api::ReplicationRunType::OnDemand);
            QCOMPARE(qs(job.runs[1].description.value_or("")), QStringLiteral("before cutover"));
        }
        // The third within 24 hours is refused for the whole app, and starts nothing.
        QCOMPARE(codeOf(sandbox.onDemand(appId)), QStringLiteral("ReplicationRunLimitExceededException"));
        for (const JobRecord &job : sandbox.state.jobs)
            QCOMPARE(job.runs.size(), size_t(3));
        sandbox.at(kLongestRun + 4 * kLongestRun);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATED"));
    }

    void launchConfigurationChecked_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("code");
        QTest::addRow("logical id with a hyphen") << "bad logical id" << "InvalidParameterException";
        QTest::addRow("logical id twice") << "logical id twice" << "InvalidParameterException";
        QTest::addRow("server of another group of the app") << "other group's server" << "InvalidParameterException";
        QTest::addRow("group of another app") << "foreign group" << "InvalidParameterException";
        QTest::addRow("group without id") << "group without id" << "MissingRequiredParameterException";
    }

    void launchConfigurationChecked()
    {
        QFETCH(QString, problem);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto [good, appId, otherId] = sandbox.checkedApps();
        QVERIFY(sandbox.putLaunch(appId, true).ok());
        const auto before = sandbox.appConfig(&AppConfigOperations::getAppLaunchConfiguration, appId);
        QVERIFY(before.ok());
        QCOMPARE(qs(before->appId.value_or("")), qs(appId));
        QVERIFY(before->autoLaunch.value_or(false));
        QCOMPARE(qs(before->roleName.value_or("")), QStringLiteral("sms"));
        QCOMPARE(before->serverGroupLaunchConfigurations->size(), size_t(2));
        QCOMPARE(before->serverGroupLaunchConfigurations->at(1).launchOrder.value_or(0), 2);
        const api::ServerLaunchConfiguration &first
            = before->serverGroupLaunchConfigurations->front().serverLaunchConfigurations->front();
        QVERIFY(first.server == sandbox.state.findServer(good[0])->server);  // described as the catalog has it
        QCOMPARE(qs(first.logicalId.value_or("")), QStringLiteral("Server1"));
        QCOMPARE(qs(first.instanceType.value_or("")), QStringLiteral("t3.small"));

        api::PutAppLaunchConfigurationRequest request;
        request.appId = appId;
        request.autoLaunch = false;
        request.serverGroupLaunchConfigurations = before->serverGroupLaunchConfigurations;
        auto &groups = *request.serverGroupLaunchConfigurations;
        auto &entries = *groups[0].serverLaunchConfigurations;
        if (problem == QLatin1String("bad logical id"))
            entries[1].logicalId = "web-server";
        else if (problem == QLatin1String("logical id twice"))
            entries[1].logicalId = entries[0].logicalId;
        else if (problem == QLatin1String("other group's server"))
            entries[1].server = serverWithId(good[2]);
        else if (problem == QLatin1String("foreign group"))
            groups[1].serverGroupId = sandbox.record(otherId).groups.front().id;
        else if (problem == QLatin1String("group without id"))
            groups[1].serverGroupId.reset();
        else
            QFAIL("unknown problem");
        QCOMPARE(codeOf(sandbox.configs.putAppLaunchConfiguration(request)), code);
        const auto after = sandbox.appConfig(&AppConfigOperations::getAppLaunchConfiguration, appId);
        QVERIFY(after.ok());
        QVERIFY(after.value() == before.value());
    }

    void launchMovesThroughItsStages()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("launch", {{good[0]}, {good[1]}});
        QVERIFY(sandbox.putReplication(appId).ok());
        QCOMPARE(codeOf(sandbox.launch(appId)), QStringLiteral("OperationNotPermittedException"));  // no launch config
        QVERIFY(sandbox.putLaunch(appId).ok());
        QCOMPARE(qs(sandbox.summary(appId).launchConfigurationStatus), QStringLiteral("CONFIGURED"));
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("READY_FOR_LAUNCH"));
        QCOMPARE(codeOf(sandbox.launch(appId)), QStringLiteral("OperationNotPermittedException"));  // not replicated
        QVERIFY(sandbox.startReplication(appId).ok());
        sandbox.at(30);
        QCOMPARE(codeOf(sandbox.launch(appId)), QStringLiteral("OperationNotPermittedException"));  // still replicating
        QCOMPARE(codeOf(sandbox.terminate(appId)), QStringLiteral("OperationNotPermittedException"));
        sandbox.at(kLongestRun);
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATED"));

        sandbox.at(200);
        QCOMPARE(codeOf(sandbox.launch(appId)), QStringLiteral("(ok)"));
        api::AppSummary summary = sandbox.summary(appId);
        QCOMPARE(qs(summary.launchStatus), QStringLiteral("LAUNCH_PENDING"));
        QVERIFY(summary.launchDetails);
        QCOMPARE(summary.launchDetails->latestLaunchTime->epochSeconds, kStart + 200);
        QCOMPARE(qs(summary.launchDetails->stackName.value_or("")), qs("sms-app-" + appId));
        QVERIFY2(summary.launchDetails->stackId->rfind("arn:aws:cloudformation:", 0) == 0,
                 summary.launchDetails->stackId->c_str());
        QVERIFY(summary.launchDetails->stackId->find("/sms-app-" + appId + "/") != std::string::npos);
        QCOMPARE(codeOf(sandbox.launch(appId)), QStringLiteral("OperationNotPermittedException"));

        sandbox.at(204);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCH_PENDING"));
        sandbox.at(205);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCH_IN_PROGRESS"));
        sandbox.at(244);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCH_IN_PROGRESS"));
        sandbox.at(245);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCHED"));

        sandbox.at(300);
        QCOMPARE(codeOf(sandbox.terminate(appId)), QStringLiteral("(ok)"));
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("TERMINATE_IN_PROGRESS"));
        sandbox.at(320);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("TERMINATED"));
        QCOMPARE(codeOf(sandbox.terminate(appId)), QStringLiteral("OperationNotPermittedException"));

        sandbox.at(400);
        QCOMPARE(codeOf(sandbox.launch(appId)), QStringLiteral("(ok)"));  // launched again
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCH_PENDING"));
        QCOMPARE(sandbox.summary(appId).launchDetails->latestLaunchTime->epochSeconds, kStart + 400);
    }

    void launchRefused_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("code");  // empty: any error
        QTest::addRow("not replicated") << "not replicated" << "OperationNotPermittedException";
        QTest::addRow("no launch configuration") << "no launch configuration" << "OperationNotPermittedException";
        QTest::addRow("unknown app") << "unknown app" << "InvalidParameterException";
        QTest::addRow("no appId") << "no appId" << "MissingRequiredParameterException";
        QTest::addRow("no servers to launch") << "no servers" << "";
        QTest::addRow("while terminating") << "terminating" << "OperationNotPermittedException";
    }

    void launchRefused()
    {
        QFETCH(QString, problem);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        std::string appId;
        if (problem == QLatin1String("no servers")) {
            appId = sandbox.createId("empty", {});
            QVERIFY(sandbox.putLaunch(appId).ok());
        } else if (problem == QLatin1String("not replicated")) {
            appId = sandbox.createId("app", {{good[0]}});
            QVERIFY(sandbox.putLaunch(appId).ok());
        } else {
            appId = sandbox.replicatedApp("app", 1);
            if (problem == QLatin1String("no launch configuration"))
                QVERIFY(sandbox.appConfig(&AppConfigOperations::deleteAppLaunchConfiguration, appId).ok());
        }
        QVERIFY(!appId.empty());
        std::optional<double> launchedBefore;
        if (problem == QLatin1String("terminating")) {
            QVERIFY(sandbox.launch(appId).ok());
            sandbox.at(sandbox.now() - kStart + 60);
            QVERIFY(sandbox.terminate(appId).ok());
            sandbox.at(sandbox.now() - kStart + 5);
            QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("TERMINATE_IN_PROGRESS"));
            launchedBefore = sandbox.record(appId).launchedAt;
        }
        api::LaunchAppRequest request;
        request.appId = Sandbox::appIdFor(problem, appId);
        sandbox.advance();
        const auto launched = sandbox.lifecycle.launchApp(request);
        if (code.isEmpty())
            QVERIFY2(!launched.ok(), "LaunchApp accepted an application with no servers to launch");
        else
            QCOMPARE(codeOf(launched), code);
        QVERIFY(sandbox.record(appId).launchedAt == launchedBefore);
    }

    void autoLaunchFollowsReplication()
    {
        Sandbox sandbox;
        const std::string appId = sandbox.startedApp("auto", 2, true);
        QVERIFY(!appId.empty());
        double replicatedAt = 0;
        for (int t = 5; t <= 300 && sandbox.launchStatus(appId) != QLatin1String("LAUNCHED"); t += 5) {
            sandbox.at(t);
            if (!replicatedAt && sandbox.replicationStatus(appId) == QLatin1String("REPLICATED"))
                replicatedAt = kStart + t;
        }
        QVERIFY(replicatedAt > 0);
        const api::AppSummary summary = sandbox.summary(appId);
        QCOMPARE(qs(summary.launchStatus), QStringLiteral("LAUNCHED"));
        QVERIFY(summary.launchDetails);
        QVERIFY(summary.launchDetails->latestLaunchTime->epochSeconds <= replicatedAt);
        QVERIFY(sandbox.now() <= replicatedAt + 50);
    }

    // autoLaunch launches "as soon as replication completes", not when a
    // client next happens to look.
    void autoLaunchDoesNotWaitForAClient()
    {
        Sandbox sandbox;
        const std::string appId = sandbox.startedApp("auto", 2, true);
        QVERIFY(!appId.empty());
        sandbox.at(kHour);  // the first look after an hour
        const api::AppSummary summary = sandbox.summary(appId);
        QCOMPARE(qs(summary.replicationStatus), QStringLiteral("REPLICATED"));
        QCOMPARE(qs(summary.launchStatus), QStringLiteral("LAUNCHED"));
        QVERIFY(summary.launchDetails);
        QVERIFY2(summary.launchDetails->latestLaunchTime->epochSeconds <= kStart + kLongestRun,
                 qPrintable(QStringLiteral("launched at +%1 s")
                                .arg(summary.launchDetails->latestLaunchTime->epochSeconds - kStart)));
    }

    void generateTemplateWritesJsonAndYaml()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sandbox sandbox(dir.path());
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("templated", {{good[0], good[1]}, {good[2]}});
        QVERIFY(sandbox.putReplication(appId).ok());
        QVERIFY(sandbox.putLaunch(appId).ok());

        // No AMIs yet: no template, and nothing written.
        QCOMPARE(codeOf(sandbox.generateTemplate(appId)), QStringLiteral("InvalidParameterException"));
        QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());

        QVERIFY(sandbox.startReplication(appId).ok());
        sandbox.at(kLongestRun);
        std::set<std::string> amis;
        for (const std::string &id : {good[0], good[1], good[2]}) {
            const auto ami = sandbox.replication.jobView(*sandbox.state.jobForServer(id), false).latestAmiId;
            QVERIFY(ami);
            amis.insert(*ami);
        }
        QCOMPARE(amis.size(), size_t(3));

        const auto json = sandbox.generateTemplate(appId, api::OutputFormat::Json);
        QVERIFY2(json.ok(), json ? "" : json.error().describe().c_str());
        const api::S3Location &jsonAt = *json->s3Location;
        QCOMPARE(qs(jsonAt.bucket.value_or("")), QString::fromLatin1(LocalBucket::kBucket));
        QVERIFY2(jsonAt.key->rfind("templates/" + appId + "/", 0) == 0, jsonAt.key->c_str());
        QVERIFY2(jsonAt.key->ends_with(".json"), jsonAt.key->c_str());
        const QString jsonPath = sandbox.lifecycle.bucket().pathOf(jsonAt);
        QCOMPARE(QDir::cleanPath(jsonPath),
                 QDir::cleanPath(dir.filePath(QStringLiteral("sms-local-templates/") + qs(*jsonAt.key))));
        QVERIFY2(QFile::exists(jsonPath), qPrintable(jsonPath));
        const std::string jsonText = readFile(jsonPath);
        const auto tree = api::parseJson(jsonText);
        QVERIFY2(tree.ok(), jsonText.c_str());
        QVERIFY(imagesOf(tree.value()) == amis);
        for (const std::string &ami : amis)
            QVERIFY(jsonText.find(ami) != std::string::npos);

        const auto yaml = sandbox.generateTemplate(appId, api::OutputFormat::Yaml);
        QVERIFY2(yaml.ok(), yaml ? "" : yaml.error().describe().c_str());
        QVERIFY2(yaml->s3Location->key->ends_with(".yaml"), yaml->s3Location->key->c_str());
        QVERIFY(*yaml->s3Location->key != *jsonAt.key);
        const QString yamlPath = sandbox.lifecycle.bucket().pathOf(*yaml->s3Location);
        QVERIFY2(QFile::exists(yamlPath), qPrintable(yamlPath));
        QVERIFY(QFile::exists(jsonPath));  // not overwritten
        const std::string yamlText = readFile(yamlPath);
        for (const std::string &ami : amis)
            QVERIFY(yamlText.find(ami) != std::string::npos);
        Json fromYamlText;
        try {
            fromYamlText = fromYaml(YAML::Load(yamlText));
        } catch (const YAML::Exception &e) {
            QFAIL(e.what());
        }
        QVERIFY2(fromYamlText == tree.value(), yamlText.c_str());

        // JSON is the default format.
        const auto byDefault = sandbox.generateTemplate(appId);
        QVERIFY(byDefault.ok());
        QVERIFY(byDefault->s3Location->key->ends_with(".json"));
        QVERIFY(api::parseJson(readFile(sandbox.lifecycle.bucket().pathOf(*byDefault->s3Location))).ok());
    }

    void generateChangeSetNeedsALaunchedApp()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Sandbox sandbox(dir.path());
        const std::string appId = sandbox.replicatedApp("changes", 2);
        QVERIFY(!appId.empty());
        QCOMPARE(codeOf(sandbox.generateChangeSet(appId)), QStringLiteral("OperationNotPermittedException"));
        QVERIFY(sandbox.launch(appId).ok());
        sandbox.at(sandbox.now() - kStart + 10);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCH_IN_PROGRESS"));
        QCOMPARE(codeOf(sandbox.generateChangeSet(appId)), QStringLiteral("OperationNotPermittedException"));
        sandbox.at(sandbox.now() - kStart + 40);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCHED"));

        const auto changes = sandbox.generateChangeSet(appId, api::OutputFormat::Yaml);
        QVERIFY2(changes.ok(), changes ? "" : changes.error().describe().c_str());
        QVERIFY2(changes->s3Location->key->rfind("changesets/" + appId + "/", 0) == 0, changes->s3Location->key->c_str());
        const QString path = sandbox.lifecycle.bucket().pathOf(*changes->s3Location);
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY(readFile(path).find("AWS::EC2::Instance") != std::string::npos);
        QCOMPARE(codeOf(sandbox.generateChangeSet(appId)), QStringLiteral("(ok)"));

        QVERIFY(sandbox.terminate(appId).ok());
        QCOMPARE(codeOf(sandbox.generateChangeSet(appId)), QStringLiteral("OperationNotPermittedException"));
    }

    void deleteAppNeedsForceFlags_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<bool>("forceStop");
        QTest::addColumn<bool>("forceTerminate");
        QTest::addColumn<QString>("code");
        QTest::addRow("configured") << "configured" << false << false << "(ok)";
        QTest::addRow("replicating") << "replicating" << false << false << "OperationNotPermittedException";
        QTest::addRow("replicating, terminate flag") << "replicating" << false << true
                                                     << "OperationNotPermittedException";
        QTest::addRow("replicating, stop flag") << "replicating" << true << false << "(ok)";
        QTest::addRow("launched, stop flag") << "launched" << true << false << "OperationNotPermittedException";
        QTest::addRow("launched, both flags") << "launched" << true << true << "(ok)";
        QTest::addRow("launching, stop flag") << "launching" << true << false << "OperationNotPermittedException";
        QTest::addRow("launched, stopped, no flags") << "stopped and launched" << false << false
                                                     << "OperationNotPermittedException";
        QTest::addRow("launched, stopped, terminate flag") << "stopped and launched" << false << true << "(ok)";
        QTest::addRow("terminated, stopped, no flags") << "terminated" << false << false << "(ok)";
    }

    void deleteAppNeedsForceFlags()
    {
        QFETCH(QString, setup);
        QFETCH(bool, forceStop);
        QFETCH(bool, forceTerminate);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("doomed", {{good[0], good[1]}});
        QVERIFY(sandbox.putReplication(appId).ok());
        QVERIFY(sandbox.putLaunch(appId).ok());
        if (setup != QLatin1String("configured")) {
            QVERIFY(sandbox.startReplication(appId).ok());
            sandbox.at(kLongestRun);
        }
        if (setup == QLatin1String("stopped and launched") || setup == QLatin1String("terminated"))
            QVERIFY(sandbox.stopReplication(appId).ok());
        if (setup == QLatin1String("launched") || setup == QLatin1String("launching")
            || setup == QLatin1String("stopped and launched") || setup == QLatin1String("terminated")) {
            QVERIFY(sandbox.launch(appId).ok());
            sandbox.at(setup == QLatin1String("launching") ? kLongestRun + 10 : kLongestRun + 60);
        }
        if (setup == QLatin1String("terminated")) {
            QVERIFY(sandbox.terminate(appId).ok());
            sandbox.at(kLongestRun + 100);
        }
        const QString replicationBefore = sandbox.replicationStatus(appId);
        const QString launchBefore = sandbox.launchStatus(appId);

        QCOMPARE(codeOf(sandbox.remove(appId, forceStop, forceTerminate)), code);
        if (code == QLatin1String("(ok)")) {
            QCOMPARE(codeOf(sandbox.get(appId)), QStringLiteral("InvalidParameterException"));
            QVERIFY(sandbox.state.jobs.empty());
            QVERIFY(sandbox.create("successor", {{good[0], good[1]}}).ok());
        } else {
            QCOMPARE(sandbox.replicationStatus(appId), replicationBefore);
            QCOMPARE(sandbox.launchStatus(appId), launchBefore);
            QCOMPARE(sandbox.state.jobs.size(), setup.startsWith(QLatin1String("replicating"))
                                                        || setup == QLatin1String("launched")
                                                        || setup == QLatin1String("launching")
                                                    ? size_t(2)
                                                    : size_t(0));
        }
    }

    void validationConfigurationAndOutputs()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("checked", {{good[0], good[1]}, {good[2]}});

        const auto request = smokeAndWebCheck(sandbox.record(appId));
        const api::AppValidationConfiguration &smoke = request.appValidationConfigurations->front();
        QCOMPARE(codeOf(sandbox.configs.putAppValidationConfiguration(request)), QStringLiteral("(ok)"));

        auto stored = sandbox.appConfig(&AppConfigOperations::getAppValidationConfiguration, appId);
        QVERIFY(stored.ok());
        QCOMPARE(stored->appValidationConfigurations->size(), size_t(1));
        const std::string smokeId = stored->appValidationConfigurations->front().validationId.value_or("");
        QVERIFY2(smokeId.rfind("val-", 0) == 0, smokeId.c_str());
        QVERIFY(stored->appValidationConfigurations->front().ssmValidationParameters == smoke.ssmValidationParameters);
        const auto &storedServer = stored->serverGroupValidationConfigurations->front().serverValidationConfigurations->front();
        const std::string webId = storedServer.validationId.value_or("");
        QVERIFY2(webId.rfind("val-", 0) == 0, webId.c_str());
        QVERIFY(webId != smokeId);
        QVERIFY(storedServer.server == sandbox.state.findServer(good[0])->server);

        // A server validation for a server outside its group is refused, and nothing changes.
        api::PutAppValidationConfigurationRequest wrong = request;
        (*(*wrong.serverGroupValidationConfigurations)[0].serverValidationConfigurations)[0].server
            = serverWithId(good[2]);
        QCOMPARE(codeOf(sandbox.configs.putAppValidationConfiguration(wrong)), QStringLiteral("InvalidParameterException"));
        QVERIFY(sandbox.appConfig(&AppConfigOperations::getAppValidationConfiguration, appId)
                    ->appValidationConfigurations->front()
                    .validationId
                == smokeId);

        // One validationId given to two validations is refused too.
        api::PutAppValidationConfigurationRequest twice = request;
        (*twice.appValidationConfigurations)[0].validationId = webId;
        (*(*twice.serverGroupValidationConfigurations)[0].serverValidationConfigurations)[0].validationId = webId;
        QCOMPARE(codeOf(sandbox.configs.putAppValidationConfiguration(twice)), QStringLiteral("InvalidParameterException"));
        QVERIFY(sandbox.appConfig(&AppConfigOperations::getAppValidationConfiguration, appId)
                    ->appValidationConfigurations->front()
                    .validationId
                == smokeId);

        auto outputs = sandbox.validationOutputs(appId);
        QVERIFY(outputs.ok());
        QCOMPARE(outputs->validationOutputList->size(), size_t(2));
        const auto find = [](const api::GetAppValidationOutputResponse &response, const std::string &id) {
            for (const api::ValidationOutput &output : *response.validationOutputList)
                if (output.validationId == id)
                    return output;
            return api::ValidationOutput{};
        };
        QCOMPARE(qs(find(outputs.value(), smokeId).status), QStringLiteral("READY_FOR_VALIDATION"));
        QCOMPARE(qs(find(outputs.value(), smokeId).name.value_or("")), QStringLiteral("smoke test"));
        QVERIFY(find(outputs.value(), smokeId).appValidationOutput);
        QCOMPARE(qs(find(outputs.value(), webId).status), QStringLiteral("READY_FOR_VALIDATION"));
        QVERIFY(find(outputs.value(), webId).serverValidationOutput->server->serverId == good[0]);

        QCOMPARE(codeOf(sandbox.notify(appId, "val-00000000000000000", api::ValidationStatus::Failed, "no")),
                 QStringLiteral("InvalidParameterException"));
        auto noContext = Sandbox::forApp<api::NotifyAppValidationOutputRequest>(appId);
        QCOMPARE(codeOf(sandbox.validation.notifyAppValidationOutput(noContext)),
                 QStringLiteral("MissingRequiredParameterException"));

        sandbox.at(50);
        QCOMPARE(codeOf(sandbox.notify(appId, webId, api::ValidationStatus::Failed, "port 80 is closed")),
                 QStringLiteral("(ok)"));
        outputs = sandbox.validationOutputs(appId);
        QCOMPARE(qs(find(outputs.value(), webId).status), QStringLiteral("FAILED"));
        QCOMPARE(qs(find(outputs.value(), webId).statusMessage.value_or("")), QStringLiteral("port 80 is closed"));
        QCOMPARE(find(outputs.value(), webId).latestValidationTime->epochSeconds, kStart + 50);

        // The launch validates the rest.
        QVERIFY(sandbox.putReplication(appId).ok());
        QVERIFY(sandbox.putLaunch(appId).ok());
        QVERIFY(sandbox.startReplication(appId).ok());
        sandbox.at(50 + kLongestRun);
        QVERIFY(sandbox.launch(appId).ok());
        sandbox.at(50 + kLongestRun + 10);
        QCOMPARE(qs(find(sandbox.validationOutputs(appId).value(), smokeId).status), QStringLiteral("PENDING"));
        sandbox.at(50 + kLongestRun + 45);
        outputs = sandbox.validationOutputs(appId);
        QCOMPARE(qs(find(outputs.value(), smokeId).status), QStringLiteral("SUCCEEDED"));
        QCOMPARE(find(outputs.value(), smokeId).latestValidationTime->epochSeconds, kStart + 50 + kLongestRun + 45);
        QCOMPARE(qs(find(outputs.value(), webId).status), QStringLiteral("FAILED"));

        QVERIFY(sandbox.appConfig(&AppConfigOperations::deleteAppValidationConfiguration, appId).ok());
        QVERIFY(sandbox.validationOutputs(appId)->validationOutputList->empty());
    }

    // A notified validation keeps the time it was notified, whatever else
    // changes in the app afterwards.
    void notifiedValidationKeepsItsTime()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.createId("checked", {{good[0]}});
        auto request = Sandbox::forApp<api::PutAppValidationConfigurationRequest>(appId);
        api::AppValidationConfiguration smoke;
        smoke.name = "smoke";
        request.appValidationConfigurations = std::vector<api::AppValidationConfiguration>{smoke};
        QVERIFY(sandbox.configs.putAppValidationConfiguration(request).ok());
        const std::string id = *sandbox.record(appId).validation->appValidationConfigurations->front().validationId;

        sandbox.at(100);
        QVERIFY(sandbox.notify(appId, id, api::ValidationStatus::Succeeded, "all good").ok());
        sandbox.at(500);
        api::UpdateAppRequest update;
        update.appId = appId;
        update.description = "renamed later";
        QVERIFY(sandbox.apps.updateApp(update).ok());
        QVERIFY(sandbox.putLaunch(appId).ok());

        const auto outputs = sandbox.validationOutputs(appId);
        QVERIFY(outputs.ok());
        const api::ValidationOutput &output = outputs->validationOutputList->front();
        QCOMPARE(qs(output.status), QStringLiteral("SUCCEEDED"));
        QCOMPARE(output.latestValidationTime->epochSeconds, kStart + 100);
    }

    void importAppCatalogImportsEachFolderOnce()
    {
        Sandbox sandbox;
        // A folder holding a server of the user's own app is not offered.
        const std::string taken = sandbox.servers(Kind::Replicable).at(0);
        QVERIFY(!sandbox.createId("mine", {{taken}}).empty());
        const auto folderOf = [&](const std::string &serverId) {
            const std::string path = *sandbox.state.findServer(serverId)->server.vmServer->vmPath;
            return path.substr(0, path.rfind('/'));
        };
        std::map<std::string, std::set<std::string>> folders;
        for (const EstateServer &entry : sandbox.state.estate.servers)
            folders[folderOf(*entry.server.serverId)].insert(*entry.server.serverId);
        QVERIFY(folders.size() > 10);

        QCOMPARE(codeOf(sandbox.apps.importAppCatalog({})), QStringLiteral("(ok)"));
        QCOMPARE(sandbox.state.apps.size(), size_t(1 + AppOperations::kAppsPerCatalogImport));
        for (std::size_t i = 1; i < sandbox.state.apps.size(); ++i) {
            const AppRecord &app = sandbox.state.apps[i];
            QVERIFY(app.importedAppId && app.importedAppId->rfind("mh-app-", 0) == 0);
            QCOMPARE(app.groups.size(), size_t(1));
            const std::string folder = folderOf(app.groups.front().serverIds.front());
            QVERIFY2(app.name.find(folder) != std::string::npos, app.name.c_str());
            const std::set<std::string> ids(app.groups.front().serverIds.begin(), app.groups.front().serverIds.end());
            QVERIFY(ids == folders[folder]);  // the whole folder (none holds more than 50 servers here)
            QCOMPARE(qs(*sandbox.summary(app.id).importedAppId), qs(*app.importedAppId));
        }

        // Repeating the import brings the next folders, never one twice.
        for (int call = 0; call < 100; ++call)
            QVERIFY(sandbox.apps.importAppCatalog({}).ok());
        std::set<std::string> importedIds, importedFolders, servers;
        std::size_t serverCount = 0;
        for (const AppRecord &app : sandbox.state.apps) {
            for (const std::string &id : serverIdsOf(app))
                servers.insert(id);
            serverCount += std::size_t(app.serverCount());
            if (!app.importedAppId)
                continue;
            importedIds.insert(*app.importedAppId);
            importedFolders.insert(folderOf(app.groups.front().serverIds.front()));
        }
        QCOMPARE(serverCount, servers.size());  // no server in two apps
        QCOMPARE(importedIds.size(), sandbox.state.apps.size() - 1);
        QCOMPARE(importedFolders.size(), importedIds.size());
        QCOMPARE(importedFolders.size(), folders.size() - 1);
        QVERIFY(!importedFolders.count(folderOf(taken)));

        sandbox.state.catalogStatus = api::ServerCatalogStatus::NotImported;
        QCOMPARE(codeOf(sandbox.apps.importAppCatalog({})), QStringLiteral("OperationNotPermittedException"));
    }

    void listAppsPagesAndFilters()
    {
        Sandbox sandbox;
        std::vector<std::string> ids;
        for (int i = 0; i < 7; ++i)
            ids.push_back(sandbox.createId("app " + std::to_string(i), {}));
        const auto all = sandbox.list();
        QVERIFY(all.ok());
        QCOMPARE(all->apps->size(), size_t(7));
        QVERIFY(!all->nextToken);

        std::vector<std::string> paged;
        std::vector<std::size_t> sizes;
        std::optional<std::string> token;
        do {
            const auto page = sandbox.list({}, 3, token);
            QVERIFY2(page.ok(), page ? "" : page.error().describe().c_str());
            sizes.push_back(page->apps->size());
            for (const api::AppSummary &app : *page->apps)
                paged.push_back(*app.appId);
            token = page->nextToken;
        } while (token && sizes.size() < 10);
        QVERIFY(sizes == (std::vector<std::size_t>{3, 3, 1}));
        QVERIFY(paged == ids);

        const auto filtered = sandbox.list(std::vector<std::string>{ids[5], ids[2]});
        QVERIFY(filtered.ok());
        QCOMPARE(filtered->apps->size(), size_t(2));
        std::set<std::string> got;
        for (const api::AppSummary &app : *filtered->apps)
            got.insert(*app.appId);
        QVERIFY(got == (std::set<std::string>{ids[2], ids[5]}));

        const auto firstOfFilter = sandbox.list(std::vector<std::string>{ids[5], ids[2]}, 1);
        QVERIFY(firstOfFilter.ok() && firstOfFilter->nextToken);
        const auto secondOfFilter = sandbox.list(std::vector<std::string>{ids[5], ids[2]}, 1, firstOfFilter->nextToken);
        QVERIFY(secondOfFilter.ok());
        QCOMPARE(secondOfFilter->apps->size(), size_t(1));
        QVERIFY(!secondOfFilter->nextToken);
        QVERIFY(*secondOfFilter->apps->front().appId != *firstOfFilter->apps->front().appId);

        // A token belongs to its query.
        QCOMPARE(codeOf(sandbox.list(std::vector<std::string>{ids[1], ids[3]}, 1, firstOfFilter->nextToken)),
                 QStringLiteral("InvalidParameterException"));
        QCOMPARE(codeOf(sandbox.list({}, 1, firstOfFilter->nextToken)), QStringLiteral("InvalidParameterException"));
        QCOMPARE(codeOf(sandbox.list({}, 1, std::string("bm90LWEtdG9rZW4"))), QStringLiteral("InvalidParameterException"));
        QCOMPARE(codeOf(sandbox.list({}, 0)), QStringLiteral("InvalidParameterException"));
    }

    void unknownAppRefused_data()
    {
        QTest::addColumn<QString>("operation");
        for (const char *operation :
             {"GetApp", "UpdateApp", "DeleteApp", "StartAppReplication", "StopAppReplication",
              "StartOnDemandAppReplication", "LaunchApp", "TerminateApp", "GenerateTemplate", "GenerateChangeSet",
              "PutAppReplicationConfiguration", "GetAppReplicationConfiguration", "DeleteAppReplicationConfiguration",
              "PutAppLaunchConfiguration", "GetAppLaunchConfiguration", "DeleteAppLaunchConfiguration",
              "PutAppValidationConfiguration", "GetAppValidationConfiguration", "DeleteAppValidationConfiguration",
              "GetAppValidationOutput", "NotifyAppValidationOutput"})
            QTest::addRow("%s", operation) << QString::fromLatin1(operation);
    }

    void unknownAppRefused()
    {
        QFETCH(QString, operation);
        Sandbox sandbox;
        const std::string id = "app-00000000000000000";
        using F = std::function<QString()>;
        const auto config = [&](auto operation) -> F {
            return [&sandbox, &id, operation] { return codeOf(sandbox.appConfig(operation, id)); };
        };
        const std::map<QString, F> calls{
            {QStringLiteral("GetApp"), [&] { return codeOf(sandbox.get(id)); }},
            {QStringLiteral("UpdateApp"), [&] { return codeOf(sandbox.updateGroups(id, {})); }},
            {QStringLiteral("DeleteApp"), [&] { return codeOf(sandbox.remove(id, true, true)); }},
            {QStringLiteral("StartAppReplication"), [&] { return codeOf(sandbox.startReplication(id)); }},
            {QStringLiteral("StopAppReplication"), [&] { return codeOf(sandbox.stopReplication(id)); }},
            {QStringLiteral("StartOnDemandAppReplication"), [&] { return codeOf(sandbox.onDemand(id)); }},
            {QStringLiteral("LaunchApp"), [&] { return codeOf(sandbox.launch(id)); }},
            {QStringLiteral("TerminateApp"), [&] { return codeOf(sandbox.terminate(id)); }},
            {QStringLiteral("GenerateTemplate"), [&] { return codeOf(sandbox.generateTemplate(id)); }},
            {QStringLiteral("GenerateChangeSet"), [&] { return codeOf(sandbox.generateChangeSet(id)); }},
            {QStringLiteral("PutAppReplicationConfiguration"),
             config(&AppConfigOperations::putAppReplicationConfiguration)},
            {QStringLiteral("GetAppReplicationConfiguration"), [&] { return codeOf(sandbox.getReplication(id)); }},
            {QStringLiteral("DeleteAppReplicationConfiguration"),
             config(&AppConfigOperations::deleteAppReplicationConfiguration)},
            {QStringLiteral("PutAppLaunchConfiguration"), config(&AppConfigOperations::putAppLaunchConfiguration)},
            {QStringLiteral("GetAppLaunchConfiguration"), config(&AppConfigOperations::getAppLaunchConfiguration)},
            {QStringLiteral("DeleteAppLaunchConfiguration"),
             config(&AppConfigOperations::deleteAppLaunchConfiguration)},
            {QStringLiteral("PutAppValidationConfiguration"),
             config(&AppConfigOperations::putAppValidationConfiguration)},
            {QStringLiteral("GetAppValidationConfiguration"),
             config(&AppConfigOperations::getAppValidationConfiguration)},
            {QStringLiteral("DeleteAppValidationConfiguration"),
             config(&AppConfigOperations::deleteAppValidationConfiguration)},
            {QStringLiteral("GetAppValidationOutput"), [&] { return codeOf(sandbox.validationOutputs(id)); }},
            {QStringLiteral("NotifyAppValidationOutput"),
             [&] { return codeOf(sandbox.notify(id, "val-1", api::ValidationStatus::Succeeded, "ok")); }},
        };
        const auto call = calls.find(operation);
        QVERIFY(call != calls.end());
        QCOMPARE(call->second(), QStringLiteral("InvalidParameterException"));
    }

    // An app that says REPLICATED can be launched. A server added to a
    // replicating app is replicated too (or the update is refused outright).
    void serverAddedWhileReplicatingIsReplicated()
    {
        Sandbox sandbox;
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.replicatedApp("growing", 1);
        QVERIFY(!appId.empty());
        QCOMPARE(sandbox.replicationStatus(appId), QStringLiteral("REPLICATED"));

        auto groups = sandbox.groupsOf(appId);
        groups.front().serverList->push_back(serverWithId(good[1]));
        const auto updated = sandbox.updateGroups(appId, groups);
        if (!updated.ok()) {
            QCOMPARE(codeOf(updated), QStringLiteral("OperationNotPermittedException"));
            return;
        }
        QVERIFY(sandbox.putLaunch(appId).ok());
        sandbox.at(sandbox.now() - kStart + 5 * kLongestRun);

        const QString status = sandbox.replicationStatus(appId);
        const auto launched = sandbox.launch(appId);
        QVERIFY2((status == QLatin1String("REPLICATED")) == launched.ok(),
                 qPrintable(QStringLiteral("replication status %1, but LaunchApp answers %2")
                                .arg(status, codeOf(launched))));
        QVERIFY2(launched.ok(), qPrintable(codeOf(launched)));
    }

    // "Servers cannot leave an app whose replication or launch is under way."
    void serversCannotLeaveWhileLaunching()
    {
        Sandbox sandbox;
        const std::string appId = sandbox.replicatedApp("launching", 2);
        QVERIFY(!appId.empty());
        QVERIFY(sandbox.stopReplication(appId).ok());  // its AMIs are kept
        QVERIFY(sandbox.launch(appId).ok());
        sandbox.at(sandbox.now() - kStart + 10);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCH_IN_PROGRESS"));
        auto groups = sandbox.groupsOf(appId);
        groups.front().serverList->pop_back();
        QCOMPARE(codeOf(sandbox.updateGroups(appId, groups)), QStringLiteral("OperationNotPermittedException"));
        sandbox.at(sandbox.now() - kStart + 60);
        QCOMPARE(sandbox.launchStatus(appId), QStringLiteral("LAUNCHED"));
        QCOMPARE(codeOf(sandbox.updateGroups(appId, groups)), QStringLiteral("OperationNotPermittedException"));
    }
};

QTEST_APPLESS_MAIN(TestAppOperations)
#include "tst_appoperations.moc"
