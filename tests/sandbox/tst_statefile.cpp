// sms-local --state: the whole SandboxState saved and loaded. A rich state
// (jobs with failed and on-demand runs, applications with groups, tags,
// configurations, validation notices, a launched one, a stopped one that kept
// its AMIs, imported ones) survives the round trip whole, a restarted engine
// answers as the original did, and every kind of bad file is refused with a
// message that names the problem and the file.

#include "SandboxFixture.h"

#include "sandbox/AppConfigOperations.h"
#include "sandbox/AppLifecycleOperations.h"
#include "sandbox/AppOperations.h"
#include "sandbox/AppViews.h"
#include "sandbox/CatalogOperations.h"
#include "sandbox/ReplicationOperations.h"
#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/StateFile.h"

#include "api/JsonCodec.h"

#include "tests/support/FileBytes.h"

#include <QDir>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>

using namespace sms;
using namespace sms::sandbox;
using namespace sms::sandbox::testing;
using api::Json;

namespace {

template <typename T>
const char *describe(const Result<T> &result)
{
    thread_local std::string text;
    text = result ? std::string() : result.error().describe();
    return text.c_str();
}

api::ServerGroup groupOf(const std::string &name, const std::vector<std::string> &ids)
{
    api::ServerGroup group;
    group.name = name;
    auto &servers = group.serverList.emplace();
    for (const std::string &id : ids)
        servers.push_back(serverWithId(id));
    return group;
}

// The operations as SandboxEngine wires them over the fixture, the catalog's too.
class Sandbox : public AppSandboxFixture
{
public:
    explicit Sandbox(const QString &s3Dir, std::size_t servers = 200, std::uint64_t seed = 23)
        : AppSandboxFixture(s3Dir, servers, seed)
        , catalog(state, tokens, clock)
    {
    }

    void later(double seconds) { at(now() - kStart + seconds); }

    std::string create(const std::string &name, const std::vector<std::vector<std::string>> &groups,
                       std::optional<std::string> clientToken = {})
    {
        advance();
        api::CreateAppRequest request;
        request.name = name;
        request.description = "The " + name + " application";
        request.clientToken = std::move(clientToken);
        auto &list = request.serverGroups.emplace();
        for (std::size_t i = 0; i < groups.size(); ++i)
            list.push_back(groupOf(name + " tier " + std::to_string(i + 1), groups[i]));
        api::Tag team;
        team.key = "team";
        team.value = name + "-owners";
        api::Tag cost;
        cost.key = "cost-centre";
        cost.value = "42";
        request.tags = std::vector<api::Tag>{team, cost};
        const auto created = apps.createApp(request);
        return created ? *created->appSummary->appId : std::string();
    }

    bool putReplication(const std::string &appId)
    {
        advance();
        api::ServerReplicationParameters params;
        params.frequency = 6;
        params.numberOfRecentAmisToKeep = 2;
        params.licenseType = api::LicenseType::Byol;
        params.encrypted = true;
        params.kmsKeyId = "alias/sms-test";
        const auto request = replicateEveryServer(*state.findApp(appId), params);
        return configs.putAppReplicationConfiguration(request).ok();
    }

    bool putLaunch(const std::string &appId)
    {
        advance();
        auto request = launchEveryServer(*state.findApp(appId));
        request.roleName = "sms-launch";
        request.autoLaunch = false;
        for (api::ServerGroupLaunchConfiguration &group : *request.serverGroupLaunchConfigurations)
            for (api::ServerLaunchConfiguration &entry : *group.serverLaunchConfigurations)
                entry.associatePublicIpAddress = true;
        return configs.putAppLaunchConfiguration(request).ok();
    }

    // One app-level SSM check and one user-data check of the first server; its id.
    std::string putValidation(const std::string &appId)
    {
        advance();
        const auto request = smokeAndWebCheck(*state.findApp(appId));
        if (!configs.putAppValidationConfiguration(request))
            return {};
        const auto &stored = state.findApp(appId)->validation;
        return stored ? stored->appValidationConfigurations->front().validationId.value_or("") : std::string();
    }

    CatalogOperations catalog;
};

// What the rich state holds, for spot checks.
struct Built
{
    std::string jobId;          // a stand-alone job with a failed and an on-demand run
    std::string launchedAppId;  // replicated, validated, notified, launched, a template written
    std::string stoppedAppId;   // replicated, then stopped: keptAmis
    std::string plainAppId;     // created only, with a client token
    std::string validationId;
};

// Drives `sandbox` through the operations to a state with a bit of everything.
bool buildRichState(Sandbox &sandbox, Built &built)
{
    const auto good = sandbox.servers(Kind::Replicable);
    if (good.size() < 20)
        return false;

    // A stand-alone job whose first run fails, then an on-demand run that completes.
    sandbox.state.failureRate = 1;
    api::CreateReplicationJobRequest job;
    job.serverId = good[10];
    job.seedReplicationTime = api::Timestamp{sandbox.now()};
    job.frequency = 12;
    job.description = "nightly copy";
    job.numberOfRecentAmisToKeep = 3;
    job.encrypted = true;
    job.kmsKeyId = "alias/job-key";
    const auto created = sandbox.replication.createReplicationJob(job);
    if (!created)
        return false;
    built.jobId = *created->replicationJobId;
    sandbox.later(kLongestRun);
    sandbox.state.failureRate = 0;
    api::StartOnDemandReplicationRunRequest onDemand;
    onDemand.replicationJobId = built.jobId;
    onDemand.description = "before the cut-over";
    if (!sandbox.replication.startOnDemandReplicationRun(onDemand))
        return false;
    sandbox.later(kLongestRun);

    // A launched application with every configuration and a validation notice.
    built.launchedAppId = sandbox.create("shop", {{good[0], good[1]}, {good[2]}}, "shop-token");
    if (built.launchedAppId.empty() || !sandbox.putReplication(built.launchedAppId)
        || !sandbox.putLaunch(built.launchedAppId))
        return false;
    built.validationId = sandbox.putValidation(built.launchedAppId);
    if (built.validationId.empty())
        return false;
    if (!sandbox.lifecycle.startAppReplication(Sandbox::forApp<api::StartAppReplicationRequest>(built.launchedAppId)))
        return false;
    sandbox.later(kLongestRun);
    auto notify = Sandbox::forApp<api::NotifyAppValidationOutputRequest>(built.launchedAppId);
    auto &context = notify.notificationContext.emplace();
    context.validationId = built.validationId;
    context.status = api::ValidationStatus::Succeeded;
    context.statusMessage = "health check passed";
    if (!sandbox.validation.notifyAppValidationOutput(notify))
        return false;
    if (!sandbox.lifecycle.launchApp(Sandbox::forApp<api::LaunchAppRequest>(built.launchedAppId)))
        return false;
    sandbox.later(600);
    if (!sandbox.lifecycle.generateTemplate(Sandbox::forApp<api::GenerateTemplateRequest>(built.launchedAppId)))
        return false;

    // A replicated application whose replication was stopped: it keeps its AMIs.
    built.stoppedAppId = sandbox.create("archive", {{good[3], good[4]}});
    if (built.stoppedAppId.empty() || !sandbox.putReplication(built.stoppedAppId))
        return false;
    if (!sandbox.lifecycle.startAppReplication(Sandbox::forApp<api::StartAppReplicationRequest>(built.stoppedAppId)))
        return false;
    sandbox.later(kLongestRun);
    if (!sandbox.lifecycle.stopAppReplication(Sandbox::forApp<api::StopAppReplicationRequest>(built.stoppedAppId)))
        return false;

    built.plainAppId = sandbox.create("plain", {{good[5]}}, "plain-token");
    if (built.plainAppId.empty())
        return false;

    // Applications imported from the Migration Hub, and a connector let go.
    api::ImportAppCatalogRequest import;
    import.roleName = "sms-import";
    if (!sandbox.apps.importAppCatalog(import))
        return false;
    api::DisassociateConnectorRequest disassociate;
    disassociate.connectorId = *sandbox.state.estate.connectors.back().connectorId;
    if (!sandbox.catalog.disassociateConnector(disassociate))
        return false;
    sandbox.later(30);
    sandbox.state.simulatedNow = sandbox.now();
    return true;
}

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    Json body;
};

Answer post(quint16 port, const QByteArray &operation, const Json &body)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    request.setRawHeader("Content-Type", "application/x-amz-json-1.1");
    request.setRawHeader("X-Amz-Target", "AWSServerMigrationService_V2016_10_24." + operation);
    QNetworkReply *reply = network.post(request, QByteArray::fromStdString(body.dump()));
    Answer answer;
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 10'000)) {
        reply->abort();
        answer.error = QNetworkReply::TimeoutError;
    } else {
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.error = reply->error();
        answer.body = Json::parse(reply->readAll().toStdString(), nullptr, false);
    }
    delete reply;
    return answer;
}

} // namespace

class TestStateFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void roundTripKeepsEverything()
    {
        Sandbox sandbox(m_dir.filePath(QStringLiteral("s3")));
        Built built;
        QVERIFY(buildRichState(sandbox, built));
        SandboxState &original = sandbox.state;
        // The state really is rich.
        QCOMPARE(qs(sandbox.views.summary(*original.findApp(built.launchedAppId)).launchStatus),
                 QStringLiteral("LAUNCHED"));
        QVERIFY(!original.findApp(built.stoppedAppId)->keptAmis.empty());
        QVERIFY(original.findApp(built.stoppedAppId)->keptReplicationTime);
        QVERIFY(original.apps.size() > 3);
        QVERIFY(!original.importedFolders.empty());
        QVERIFY(std::any_of(original.estate.servers.begin(), original.estate.servers.end(),
                            [](const EstateServer &server) { return !server.replicable; }));
        const JobRecord &job = *original.findJob(built.jobId);
        QVERIFY(job.runs.size() >= 2);
        QVERIFY(job.runs.front().failsAt);
        QVERIFY(!job.onDemandStarts.empty());

        const QString path = m_dir.filePath(QStringLiteral("state.json"));
        const auto saved = saveState(original, path);
        QVERIFY2(saved.ok(), describe(saved));
        auto loaded = loadState(path);
        QVERIFY2(loaded.ok(), describe(loaded));
        SandboxState &state = loaded.value();

        const std::string text = stateToText(original);
        QVERIFY(text == stateToText(state));
        QVERIFY(readBytes(path).toStdString() == text);
        const auto fromText = stateFromText(text, QStringLiteral("(text)"));
        QVERIFY2(fromText.ok(), describe(fromText));
        QVERIFY(stateToText(fromText.value()) == text);

        // Spot checks, member by member.
        QCOMPARE(state.seed, original.seed);
        QCOMPARE(state.idCounter, original.idCounter);
        QCOMPARE(state.tokenSecret, original.tokenSecret);
        QCOMPARE(state.simulatedNow, original.simulatedNow);
        QVERIFY(state.catalogStatus == original.catalogStatus);
        QCOMPARE(state.estate.servers.size(), original.estate.servers.size());
        for (std::size_t i = 0; i < state.estate.servers.size(); ++i) {
            QVERIFY(state.estate.servers[i].server == original.estate.servers[i].server);
            QCOMPARE(state.estate.servers[i].replicable, original.estate.servers[i].replicable);
        }
        QVERIFY(state.estate.connectors == original.estate.connectors);
        QVERIFY(state.importedFolders == original.importedFolders);
        QCOMPARE(state.jobs.size(), original.jobs.size());
        const JobRecord &loadedJob = *state.findJob(built.jobId);
        QVERIFY(loadedJob.settings == job.settings);
        QCOMPARE(loadedJob.randomKey, job.randomKey);
        QVERIFY(loadedJob.onDemandStarts == job.onDemandStarts);
        QCOMPARE(loadedJob.consecutiveFailures, job.consecutiveFailures);
        QCOMPARE(loadedJob.paused, job.paused);
        QCOMPARE(loadedJob.runs.size(), job.runs.size());
        for (std::size_t i = 0; i < job.runs.size(); ++i) {
            const RunRecord &a = job.runs[i], &b = loadedJob.runs[i];
            QCOMPARE(qs(b.id), qs(a.id));
            QVERIFY(a.type == b.type);
            QVERIFY(a.description == b.description);
            QCOMPARE(b.start, a.start);
            QCOMPARE(b.duration, a.duration);
            QVERIFY(a.failsAt == b.failsAt);
            QCOMPARE(qs(b.failure), qs(a.failure));
            QCOMPARE(qs(b.amiId), qs(a.amiId));
            QCOMPARE(b.settled, a.settled);
            QVERIFY(a.encrypted == b.encrypted);
            QVERIFY(a.kmsKeyId == b.kmsKeyId);
        }
        QVERIFY(std::any_of(loadedJob.runs.begin(), loadedJob.runs.end(), [](const RunRecord &run) {
            return run.description == std::optional<std::string>("before the cut-over");
        }));
        // Jobs an application's replication made remember it; the stand-alone one does not.
        QVERIFY(!loadedJob.appId);
        for (std::size_t i = 0; i < state.jobs.size(); ++i)
            QVERIFY(state.jobs[i].appId == original.jobs[i].appId);
        QVERIFY(std::any_of(state.jobs.begin(), state.jobs.end(), [&](const JobRecord &loadedAppJob) {
            return loadedAppJob.appId == std::optional<std::string>(built.launchedAppId);
        }));

        QCOMPARE(state.apps.size(), original.apps.size());
        for (const std::string &id : {built.launchedAppId, built.stoppedAppId, built.plainAppId}) {
            const AppRecord &a = *original.findApp(id);
            const AppRecord *b = state.findApp(id);
            QVERIFY(b);
            QCOMPARE(qs(b->name), qs(a.name));
            QCOMPARE(qs(b->description), qs(a.description));
            QCOMPARE(qs(b->roleName), qs(a.roleName));
            QVERIFY(b->clientToken == a.clientToken);
            QCOMPARE(b->creationTime, a.creationTime);
            QCOMPARE(b->lastModified, a.lastModified);
            QCOMPARE(b->groups.size(), a.groups.size());
            for (std::size_t g = 0; g < a.groups.size(); ++g) {
                QCOMPARE(qs(b->groups[g].id), qs(a.groups[g].id));
                QCOMPARE(qs(b->groups[g].name), qs(a.groups[g].name));
                QVERIFY(b->groups[g].serverIds == a.groups[g].serverIds);
            }
            QVERIFY(b->tags == a.tags);
            QVERIFY(b->replication == a.replication);
            QVERIFY(b->launch == a.launch);
            QVERIFY(b->validation == a.validation);
            QCOMPARE(b->validationNotices.size(), a.validationNotices.size());
            QCOMPARE(b->replicationStarted, a.replicationStarted);
            QCOMPARE(b->replicationStopped, a.replicationStopped);
            QCOMPARE(b->replicationStartedAt, a.replicationStartedAt);
            QVERIFY(b->keptAmis == a.keptAmis);
            QVERIFY(b->keptReplicationTime == a.keptReplicationTime);
            QVERIFY(b->launchedAt == a.launchedAt);
            QVERIFY(b->terminatedAt == a.terminatedAt);
            QCOMPARE(b->templatesWritten, a.templatesWritten);
        }
        const AppRecord &launched = *state.findApp(built.launchedAppId);
        QVERIFY(launched.launchedAt);
        QCOMPARE(launched.templatesWritten, 1);
        QVERIFY(launched.clientToken == std::optional<std::string>("shop-token"));
        const auto notice = launched.validationNotices.find(built.validationId);
        QVERIFY(notice != launched.validationNotices.end());
        QVERIFY(notice->second.context.status == api::ValidationStatus::Succeeded);
        QVERIFY(notice->second.context.statusMessage == std::optional<std::string>("health check passed"));
        QCOMPARE(notice->second.at,
                 original.findApp(built.launchedAppId)->validationNotices.at(built.validationId).at);
        QVERIFY(std::any_of(state.apps.begin(), state.apps.end(),
                            [](const AppRecord &app) { return app.importedAppId.has_value(); }));

        // Saving what was loaded writes the same bytes again.
        const QString again = m_dir.filePath(QStringLiteral("again.json"));
        QVERIFY(saveState(state, again).ok());
        QCOMPARE(readBytes(again), readBytes(path));
    }

    void restartedEngineAnswersTheSame()
    {
        Sandbox sandbox(m_dir.filePath(QStringLiteral("s3")));
        Built built;
        QVERIFY(buildRichState(sandbox, built));
        const QString path = m_dir.filePath(QStringLiteral("state.json"));
        QVERIFY(saveState(sandbox.state, path).ok());
        auto loaded = loadState(path);
        QVERIFY2(loaded.ok(), describe(loaded));

        // Both engines stand still at the saved time.
        const auto engineOptions = [&] {
            EngineOptions options;
            options.start = api::Timestamp{sandbox.now()};
            options.s3Dir = m_dir.filePath(QStringLiteral("s3"));
            options.wallClock = [] { return std::chrono::milliseconds(0); };
            return options;
        };
        SandboxState before = sandbox.state;
        SandboxState after = std::move(loaded).value();
        after.failureRate = before.failureRate;  // options, not state: sms-local sets them on start
        after.limits = before.limits;
        SandboxEngine original(std::move(before), engineOptions());
        SandboxEngine restarted(std::move(after), engineOptions());
        SandboxServer originalServer(std::nullopt);
        SandboxServer restartedServer(std::nullopt);
        original.registerWith(originalServer);
        restarted.registerWith(restartedServer);
        const quint16 originalPort = originalServer.listenOn(QHostAddress::LocalHost, 0);
        const quint16 restartedPort = restartedServer.listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(originalPort && restartedPort);

        const std::vector<std::pair<QByteArray, Json>> questions = {
            {"GetApp", {{"appId", built.launchedAppId}}},
            {"GetApp", {{"appId", built.stoppedAppId}}},
            {"GetApp", {{"appId", built.plainAppId}}},
            {"ListApps", Json::object()},
            {"GetReplicationJobs", Json::object()},
            {"GetReplicationJobs", {{"replicationJobId", built.jobId}}},
            {"GetReplicationRuns", {{"replicationJobId", built.jobId}}},
            {"GetAppReplicationConfiguration", {{"appId", built.launchedAppId}}},
            {"GetAppLaunchConfiguration", {{"appId", built.launchedAppId}}},
            {"GetAppValidationConfiguration", {{"appId", built.launchedAppId}}},
            {"GetAppValidationOutput", {{"appId", built.launchedAppId}}},
            {"GetServers", {{"maxResults", 7}}},  // its nextToken is signed with the kept secret
            {"GetConnectors", Json::object()},
        };
        for (const auto &[operation, body] : questions) {
            const Answer a = post(originalPort, operation, body);
            const Answer b = post(restartedPort, operation, body);
            QVERIFY2(a.status == 200, (operation + ": " + QByteArray::fromStdString(a.body.dump())).constData());
            QCOMPARE(b.status, a.status);
            QVERIFY2(a.body == b.body, (operation + " differs: " + QByteArray::fromStdString(a.body.dump()) + " vs "
                                        + QByteArray::fromStdString(b.body.dump()))
                                           .constData());
        }
        // A page token of the original is good on the restarted engine.
        const Answer page = post(originalPort, "GetServers", {{"maxResults", 7}});
        QVERIFY(page.body.contains("nextToken"));
        const Answer next = post(restartedPort, "GetServers",
                                 {{"maxResults", 7}, {"nextToken", page.body["nextToken"]}});
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body["serverList"].size(), size_t(7));
    }

    void jobKeepsItsApplication()
    {
        Sandbox sandbox(m_dir.filePath(QStringLiteral("s3")), 30, 5);
        const auto good = sandbox.servers(Kind::Replicable);
        const std::string appId = sandbox.create("billing", {{good[1]}});
        QVERIFY(!appId.empty());
        api::CreateReplicationJobRequest request;
        request.serverId = good[0];
        request.frequency = 12;
        const auto created = sandbox.replication.createReplicationJob(request);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;
        sandbox.state.findJob(jobId)->appId = appId;

        const std::string text = stateToText(sandbox.state);
        auto loaded = stateFromText(text, QStringLiteral("(text)"));
        QVERIFY2(loaded.ok(), describe(loaded));
        QVERIFY(loaded->findJob(jobId)->appId == std::optional<std::string>(appId));
        QVERIFY(stateToText(loaded.value()) == text);

        // A file saved before jobs recorded their application loads with none.
        Json head = Json::parse(text.substr(0, text.find('\n')));
        for (Json &job : head["jobs"])
            job.erase("appId");
        loaded = stateFromText(head.dump() + text.substr(text.find('\n')), QStringLiteral("(older)"));
        QVERIFY2(loaded.ok(), describe(loaded));
        QVERIFY(!loaded->findJob(jobId)->appId);
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");  // written to the file; a null array: no file at all
        QTest::addColumn<QString>("problem");

        Sandbox sandbox(m_dir.filePath(QStringLiteral("s3")), 30, 5);
        const auto replicable = sandbox.servers(Kind::Replicable);
        api::CreateReplicationJobRequest job;
        job.serverId = replicable.front();
        job.frequency = 12;
        QVERIFY(sandbox.replication.createReplicationJob(job).ok());
        QVERIFY(!sandbox.create("shop", {{replicable[1], replicable[2]}}).empty());
        const std::string good = stateToText(sandbox.state);
        // The file is the head's line, then a line per server: damage one part, keep the other.
        const std::string head = good.substr(0, good.find('\n'));
        const std::string catalog = good.substr(good.find('\n'));
        const auto withCatalog = [&](const Json &damaged) { return QByteArray::fromStdString(damaged.dump() + catalog); };
        // The head with the servers, after `damage` changed them.
        const auto withServers = [&](const auto &damage) {
            std::vector<Json> servers;
            for (std::size_t start = 1; start < catalog.size();) {
                const std::size_t end = catalog.find('\n', start);
                servers.push_back(Json::parse(catalog.substr(start, end - start)));
                start = end + 1;
            }
            damage(servers);
            std::string text = head + '\n';
            for (const Json &server : servers)
                text += server.dump() + '\n';
            return QByteArray::fromStdString(text);
        };
        // A copy of the head or catalog, changed by `damage`.
        const auto damaged = [](const std::string &line, const auto &damage) {
            Json json = Json::parse(line);
            damage(json);
            return json;
        };
        Json withoutSettings = Json::parse(head);
        withoutSettings["jobs"][0].erase("settings");
        Json newer = Json::parse(head);
        newer["version"] = 99;
        Json badCounter = Json::parse(head);
        badCounter["idCounter"] = "many";
        Json badRun = Json::parse(head);
        badRun["jobs"][0]["settings"].erase("replicationJobId");

        QTest::addRow("missing file") << QByteArray() << "could not be read";
        QTest::addRow("empty file") << QByteArray("") << "corrupt or truncated";
        QTest::addRow("truncated") << QByteArray::fromStdString(good.substr(0, good.size() / 2))
                                   << "corrupt or truncated";
        QTest::addRow("not JSON") << QByteArray("sms-local state, honest") << "corrupt or truncated";
        QTest::addRow("another format") << QByteArray("{\"format\":\"other\"}") << "is not an sms-local state file";
        QTest::addRow("a JSON array") << QByteArray("[1,2,3]") << "is not an sms-local state file";
        QTest::addRow("newer version") << withCatalog(newer) << "newer";
        QTest::addRow("job without settings") << withCatalog(withoutSettings) << "is damaged";
        QTest::addRow("job without id") << withCatalog(badRun) << "is damaged";
        QTest::addRow("counter not a number") << withCatalog(badCounter) << "is damaged";
        QTest::addRow("only a head") << QByteArray("{\"format\":\"sms-local state\",\"version\":1}") << "is damaged";
        QTest::addRow("head without its catalog") << QByteArray::fromStdString(head) << "lists 0 of its 30 servers";
        QTest::addRow("catalog without its last lines")
            << withServers([](std::vector<Json> &servers) { servers.resize(20); }) << "lists 20 of its 30 servers";
        QTest::addRow("catalog cut short") << QByteArray::fromStdString(good.substr(0, good.size() - 40))
                                           << "server line 30 is cut short";
        QTest::addRow("server line not a server")
            << withServers([](std::vector<Json> &servers) { servers[2] = Json::array(); }) << "server line 3:";

        // Mistyped head members nlohmann would throw for.
        QTest::addRow("format not a string")
            << withCatalog(damaged(head, [](Json &json) { json["format"] = 7; })) << "is not an sms-local state file";
        QTest::addRow("version a string")
            << withCatalog(damaged(head, [](Json &json) { json["version"] = "1"; })) << "version is not";
        QTest::addRow("version missing")
            << withCatalog(damaged(head, [](Json &json) { json.erase("version"); })) << "version is not";

        // Decoded, yet unfit to run.
        QTest::addRow("server without id")
            << withServers([](std::vector<Json> &servers) { servers[3].erase("serverId"); })
            << "is damaged: server 4 of the catalog has no serverId";
        QTest::addRow("duplicate server ids")
            << withServers([](std::vector<Json> &servers) { servers[5]["serverId"] = servers[4]["serverId"]; })
            << "appears more than once in the catalog";
        QTest::addRow("server without manager id")
            << withServers([](std::vector<Json> &servers) {
                   servers[0]["vmServer"]["vmServerAddress"].erase("vmManagerId");
               })
            << "has no vmServer.vmServerAddress.vmManagerId";
        QTest::addRow("connector without id")
            << withCatalog(damaged(head, [](Json &json) { json["connectors"][0].erase("connectorId"); }))
            << "connector 1 has no connectorId";
        QTest::addRow("job naming an unknown server")
            << withCatalog(damaged(head, [](Json &json) { json["jobs"][0]["settings"]["serverId"] = "s-nojob"; }))
            << "names server \"s-nojob\", which is not in the catalog";
        QTest::addRow("duplicate job ids")
            << withCatalog(damaged(head, [](Json &json) { json["jobs"].push_back(json["jobs"][0]); }))
            << "appears more than once";
        QTest::addRow("job id with a slash")
            << withCatalog(damaged(head, [](Json &json) { json["jobs"][0]["settings"]["replicationJobId"] = "sms-job-/x"; }))
            << "replication job id \"sms-job-/x\" is not an id sms-local issues";
        QTest::addRow("app id with ../")
            << withCatalog(damaged(head, [](Json &json) { json["apps"][0]["id"] = "../app-0123456789abcdef0"; }))
            << "application id \"../app-0123456789abcdef0\" is not an id sms-local issues (app-<17 hex digits>)";
        QTest::addRow("group id with /")
            << withCatalog(damaged(head, [](Json &json) { json["apps"][0]["groups"][0]["id"] = "sg-0123456789abcdef/"; }))
            << "server group id \"sg-0123456789abcdef/\" of application";
        QTest::addRow("unknown server in an app group")
            << withCatalog(damaged(head, [](Json &json) { json["apps"][0]["groups"][0]["serverIds"][1] = "s-nogroup"; }))
            << "names server \"s-nogroup\", which is not in the catalog";
        QTest::addRow("job application id with ../")
            << withCatalog(damaged(head, [](Json &json) { json["jobs"][0]["appId"] = "app-../../etc"; }))
            << "application id \"app-../../etc\" of replication job";
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, problem);
        const QString path = m_dir.filePath(QStringLiteral("state-under-test.json"));
        QFile::remove(path);
        if (!content.isNull())
            QVERIFY(writeBytes(path, content));
        const auto loaded = loadState(path);
        QVERIFY(!loaded.ok());
        const QString message = qs(loaded.error().message);
        QVERIFY2(message.contains(problem), qPrintable(message));
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY(loaded.error().errorCode() == ErrorCode::InvalidConfiguration);
        // Refused, never touched.
        if (!content.isNull())
            QCOMPARE(readBytes(path), content);
        else
            QVERIFY(!QFile::exists(path));
        if (problem == QLatin1String("newer"))
            QVERIFY2(message.contains(QLatin1String("99")), qPrintable(message));
    }

    void saveFailsCleanlyWhereItCannotWrite()
    {
        Sandbox sandbox(m_dir.filePath(QStringLiteral("s3")), 30, 5);
        // A folder that cannot exist: its parent is a file.
        const QString file = m_dir.filePath(QStringLiteral("plain-file"));
        QVERIFY(writeBytes(file, "not a folder"));
        const QString path = file + QStringLiteral("/state.json");
        const auto saved = saveState(sandbox.state, path);
        QVERIFY(!saved.ok());
        QVERIFY2(qs(saved.error().message).contains(path), saved.error().message.c_str());
        QVERIFY(qs(saved.error().message).startsWith(QLatin1String("Could not save")));
        QCOMPARE(readBytes(file), QByteArray("not a folder"));
    }

    void failedSaveLeavesThePreviousStateWhole()
    {
#ifdef Q_OS_UNIX
        // Root may write anywhere, so the write is made to fail with a file size limit.
        Sandbox sandbox(m_dir.filePath(QStringLiteral("s3")), 200, 5);
        const QString path = m_dir.filePath(QStringLiteral("kept.json"));
        Sandbox small(m_dir.filePath(QStringLiteral("s3")), 1, 6);
        QVERIFY(saveState(small.state, path).ok());
        const QByteArray previous = readBytes(path);
        QVERIFY(previous.size() < 4000);
        QVERIFY(stateToText(sandbox.state).size() > 20'000);

        rlimit old{};
        QVERIFY(getrlimit(RLIMIT_FSIZE, &old) == 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limited = old;
        limited.rlim_cur = 8192;
        QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
        const auto saved = saveState(sandbox.state, path);
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);

        QVERIFY(!saved.ok());
        QVERIFY2(qs(saved.error().message).contains(path), saved.error().message.c_str());
        QCOMPARE(readBytes(path), previous);
        QVERIFY(loadState(path).ok());
        // No half-written temporary file is left behind.
        const QStringList left = QDir(m_dir.path()).entryList({QStringLiteral("kept.json*")}, QDir::Files);
        QCOMPARE(left, QStringList{QStringLiteral("kept.json")});
#else
        QSKIP("needs RLIMIT_FSIZE");
#endif
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestStateFile)
#include "tst_statefile.moc"
