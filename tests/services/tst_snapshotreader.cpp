// Reading the endpoint as one snapshot against an in-process sandbox on a
// loopback port: applications with their groups, tags and configurations in
// ListApps' order, nullopt for what is not configured, the whole catalog over
// many pages (or none when not asked for), one application on its own; an
// application deleted while the read runs is left out, any other failure
// ends the read with its error, cancel ends it with Canceled, and throttling
// is ridden out by the client's retries.

#include "services/SnapshotReader.h"

#include "AwaitResult.h"

#include "client/SmsClient.h"
#include "sandbox/RequestAuthenticator.h"
#include "sandbox/SandboxDefaults.h"
#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

using namespace sms;
using namespace sms::services;

namespace {

// An engine behind an authenticating server on a loopback port; the test
// holds both, to inject faults and to change the state between calls.
struct Sandbox
{
    explicit Sandbox(std::size_t servers)
        : engine(sandbox::SandboxState::fromEstate(sandbox::generateEstate(servers, 1), 1), {})
        , server(sandbox::defaultAuthSettings())
    {
        engine.registerWith(server);
        port = server.listenOn(QHostAddress::LocalHost, 0);
    }

    client::ClientConfig config(int maxAttempts = 10) const
    {
        client::ClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        config.region = QString::fromLatin1(sandbox::kDefaultRegion);
        config.credentials.accessKeyId = QString::fromLatin1(sandbox::kDefaultAccessKeyId);
        config.credentials.secretAccessKey = QString::fromLatin1(sandbox::kDefaultSecretAccessKey);
        config.retry.maxAttempts = maxAttempts;
        config.retry.baseDelay = std::chrono::milliseconds(1);
        config.retry.maxBackoff = std::chrono::milliseconds(5);
        return config;
    }

    const api::Server &catalogServer(std::size_t index) { return engine.state().estate.servers[index].server; }
    std::string serverId(std::size_t index) { return *catalogServer(index).serverId; }

    sandbox::SandboxEngine engine;
    sandbox::SandboxServer server;
    quint16 port = 0;
};

api::Server withId(const std::string &id)
{
    api::Server server;
    server.serverId = id;
    return server;
}

// Creates an application of groups "g1", "g2", … holding the given servers.
Result<api::CreateAppResponse> createApp(client::SmsClient &client, const std::string &name,
                                         const std::vector<std::vector<std::string>> &groups,
                                         std::vector<api::Tag> tags = {})
{
    api::CreateAppRequest request;
    request.name = name;
    request.description = "The " + name + " service";
    request.roleName = "sms-migration";
    request.tags = std::move(tags);
    auto &serverGroups = request.serverGroups.emplace();
    for (const std::vector<std::string> &ids : groups) {
        api::ServerGroup &group = serverGroups.emplace_back();
        group.name = "g" + std::to_string(serverGroups.size());
        auto &list = group.serverList.emplace();
        for (const std::string &id : ids)
            list.push_back(withId(id));
    }
    return awaitResult<api::CreateAppResponse>([&](QObject *ctx, auto done) { client.createApp(request, ctx, done); });
}

// One entry per server of every group of `app`, completed by `fill`.
template <typename Group, typename Entry, typename Fill>
std::vector<Group> everyServer(const api::CreateAppResponse &app, std::optional<std::vector<Entry>> Group::*entries,
                               Fill fill)
{
    std::vector<Group> groups;
    for (const api::ServerGroup &serverGroup : *app.serverGroups) {
        Group &group = groups.emplace_back();
        group.serverGroupId = serverGroup.serverGroupId;
        auto &list = (group.*entries).emplace();
        for (const api::Server &server : *serverGroup.serverList) {
            Entry &entry = list.emplace_back();
            entry.server = withId(*server.serverId);
            fill(entry, groups.size());
        }
    }
    return groups;
}

Result<api::PutAppReplicationConfigurationResponse> putReplication(client::SmsClient &client,
                                                                   const api::CreateAppResponse &app)
{
    api::PutAppReplicationConfigurationRequest request;
    request.appId = app.appSummary->appId;
    request.serverGroupReplicationConfigurations
        = everyServer(app, &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations,
                      [](api::ServerReplicationConfiguration &entry, std::size_t group) {
                          auto &params = entry.serverReplicationParameters.emplace();
                          params.frequency = int(6 * group);
                          params.licenseType = api::LicenseType::Byol;
                          params.numberOfRecentAmisToKeep = 3;
                          params.encrypted = true;
                      });
    return awaitResult<api::PutAppReplicationConfigurationResponse>(
        [&](QObject *ctx, auto done) { client.putAppReplicationConfiguration(request, ctx, done); });
}

Result<api::PutAppLaunchConfigurationResponse> putLaunch(client::SmsClient &client, const api::CreateAppResponse &app)
{
    api::PutAppLaunchConfigurationRequest request;
    request.appId = app.appSummary->appId;
    request.roleName = "launch-role";
    request.autoLaunch = true;
    int n = 0;
    request.serverGroupLaunchConfigurations
        = everyServer(app, &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations,
                      [&n](api::ServerLaunchConfiguration &entry, std::size_t group) {
                          entry.logicalId = "Server" + std::to_string(++n);
                          entry.instanceType = group == 1 ? "t3.small" : "m5.large";
                          entry.vpc = "vpc-0123456789abcdef0";
                          entry.associatePublicIpAddress = group == 1;
                      });
    int order = 0;
    for (api::ServerGroupLaunchConfiguration &group : *request.serverGroupLaunchConfigurations)
        group.launchOrder = ++order;
    return awaitResult<api::PutAppLaunchConfigurationResponse>(
        [&](QObject *ctx, auto done) { client.putAppLaunchConfiguration(request, ctx, done); });
}

// What one snapshot read reported, signal by signal.
struct ReadRun
{
    std::vector<std::pair<int, int>> progress;
    int finishedSignals = 0;
    std::optional<Result<EndpointSnapshot>> result;
    QPointer<SnapshotReader> reader;
};

ReadRun readSnapshot(client::SmsClient &client, SnapshotScope scope,
                     std::function<void(SnapshotReader *, int done, int total)> onProgress = {},
                     std::optional<std::vector<std::string>> only = std::nullopt,
                     std::optional<std::vector<std::string>> validationOnlyFor = std::nullopt)
{
    ReadRun run;
    QObject context;
    auto *reader = new SnapshotReader(client, scope, &context);
    if (only)
        reader->setApplications(*only);
    if (validationOnlyFor)
        reader->setValidationOnlyFor(*validationOnlyFor);
    run.reader = reader;
    reader->setCatalogPageSize(40);
    reader->setWindow(4);
    QObject::connect(reader, &SnapshotReader::progress, reader, [&run, reader, onProgress](int done, int total) {
        run.progress.emplace_back(done, total);
        if (onProgress)
            onProgress(reader, done, total);
    });
    QObject::connect(reader, &SnapshotReader::finished, reader, [&run](const Result<EndpointSnapshot> &result) {
        ++run.finishedSignals;
        run.result = result;
    });
    reader->start();
    if (!QTest::qWaitFor([&] { return run.result.has_value(); }, 30'000))
        qWarning("the snapshot read did not finish");
    // It deletes itself once the event loop runs again.
    if (!QTest::qWaitFor([&] { return run.reader.isNull(); }, 1000))
        qWarning("the snapshot reader did not delete itself");
    return run;
}

const char *describe(const std::optional<Result<EndpointSnapshot>> &result)
{
    static std::string text;
    text = !result ? "no result" : result->ok() ? "ok" : result->error().describe();
    return text.c_str();
}

std::vector<std::string> appIdsOf(const EndpointSnapshot &snapshot)
{
    std::vector<std::string> ids;
    for (const EndpointApplication &app : snapshot.applications)
        ids.push_back(app.appId());
    return ids;
}

bool sameApplication(const EndpointApplication &a, const EndpointApplication &b)
{
    return a.summary == b.summary && a.serverGroups == b.serverGroups && a.tags == b.tags
        && a.replication == b.replication && a.launch == b.launch;
}

// A catalog server as configuration answers are decoded: its identity, no catalog details.
api::Server identityOf(api::Server server)
{
    server.vmServer.reset();
    return server;
}

// How many calls of `operation` the spy saw.
int callsOf(const QSignalSpy &calls, QLatin1String operation)
{
    return int(std::count_if(calls.begin(), calls.end(), [&](const QList<QVariant> &call) {
        return call.first().value<client::CallRecord>().operation == operation;
    }));
}

std::string appIdOf(const Result<api::CreateAppResponse> &created)
{
    return created ? created->appSummary->appId.value_or("") : std::string();
}

} // namespace

class TestSnapshotReader : public QObject
{
    Q_OBJECT

private:
    // `count` applications of one server each, made through `client`.
    static std::vector<std::string> createApps(Sandbox &sandbox, client::SmsClient &client, int count)
    {
        std::vector<std::string> ids;
        for (int i = 0; i < count; ++i)
            ids.push_back(appIdOf(createApp(client, "App " + std::to_string(i), {{sandbox.serverId(std::size_t(i))}})));
        return ids;
    }

private Q_SLOTS:
    void readsApplicationsAndTheCatalog()
    {
        Sandbox sandbox(300);
        client::SmsClient client(sandbox.config());
        const std::vector<api::Tag> tags{{"env", "prod"}, {"owner", "hr"}};
        const auto payroll = createApp(client, "Payroll",
                                       {{sandbox.serverId(0), sandbox.serverId(1), sandbox.serverId(2)},
                                        {sandbox.serverId(3), sandbox.serverId(4)}},
                                       tags);
        QVERIFY(payroll.ok());
        QVERIFY(putReplication(client, payroll.value()).ok());
        QVERIFY(putLaunch(client, payroll.value()).ok());
        const auto bare = createApp(client, "Bare", {{sandbox.serverId(5)}});
        QVERIFY(bare.ok());
        const auto replicated = createApp(client, "Replicated", {{sandbox.serverId(6), sandbox.serverId(7)}});
        QVERIFY(replicated.ok());
        QVERIFY(putReplication(client, replicated.value()).ok());

        QSignalSpy calls(&client, &client::SmsClient::callFinished);
        ReadRun run = readSnapshot(client, SnapshotScope::Everything);
        QVERIFY2(run.result && run.result->ok(), describe(run.result));
        QCOMPARE(run.finishedSignals, 1);
        QVERIFY(run.reader.isNull());  // it deleted itself
        QVERIFY(run.progress.back() == std::make_pair(3, 3));
        const EndpointSnapshot &snapshot = run.result->value();

        // ListApps' order, which is the order of creation.
        QVERIFY(appIdsOf(snapshot)
                == (std::vector<std::string>{appIdOf(payroll), appIdOf(bare), appIdOf(replicated)}));

        // GetApp's summary, groups with their servers as the catalog has them, and tags.
        const EndpointApplication &app = snapshot.applications[0];
        QVERIFY(app.summary.name == std::optional<std::string>("Payroll"));
        QVERIFY(app.summary.description == std::optional<std::string>("The Payroll service"));
        QVERIFY(app.summary.roleName == std::optional<std::string>("sms-migration"));
        QVERIFY(app.summary.totalServers == std::optional<int>(5));
        QVERIFY(app.tags == tags);
        QCOMPARE(app.serverGroups.size(), size_t(2));
        QVERIFY(app.serverGroups == *payroll->serverGroups);
        QVERIFY((*app.serverGroups[1].serverList)[1] == sandbox.catalogServer(4));

        // The replication configuration, group by group, server by server.
        QVERIFY(app.replication.has_value());
        QCOMPARE(app.replication->size(), size_t(2));
        const auto &web = (*app.replication)[0];
        QVERIFY(web.serverGroupId == app.serverGroups[0].serverGroupId);
        QCOMPARE(web.serverReplicationConfigurations->size(), size_t(3));
        const auto &first = (*web.serverReplicationConfigurations)[0];
        QVERIFY(first.server == identityOf(sandbox.catalogServer(0)));
        QVERIFY(first.serverReplicationParameters->frequency == std::optional<int>(6));
        QVERIFY(first.serverReplicationParameters->licenseType == api::OpenEnum(api::LicenseType::Byol));
        QVERIFY(first.serverReplicationParameters->numberOfRecentAmisToKeep == std::optional<int>(3));
        QVERIFY(first.serverReplicationParameters->encrypted == std::optional<bool>(true));
        QVERIFY((*(*app.replication)[1].serverReplicationConfigurations)[0].serverReplicationParameters->frequency
                == std::optional<int>(12));

        // The launch configuration.
        QVERIFY(app.launch.has_value());
        QVERIFY(app.launch->appId == payroll->appSummary->appId);
        QVERIFY(app.launch->roleName == std::optional<std::string>("launch-role"));
        QVERIFY(app.launch->autoLaunch == std::optional<bool>(true));
        const auto &launchGroups = *app.launch->serverGroupLaunchConfigurations;
        QCOMPARE(launchGroups.size(), size_t(2));
        QVERIFY(launchGroups[1].serverGroupId == app.serverGroups[1].serverGroupId);
        QVERIFY(launchGroups[1].launchOrder == std::optional<int>(2));
        const auto &db = (*launchGroups[1].serverLaunchConfigurations)[1];
        QVERIFY(db.server == identityOf(sandbox.catalogServer(4)));
        QVERIFY(db.logicalId == std::optional<std::string>("Server5"));
        QVERIFY(db.instanceType == std::optional<std::string>("m5.large"));
        QVERIFY(db.vpc == std::optional<std::string>("vpc-0123456789abcdef0"));
        QVERIFY(db.associatePublicIpAddress == std::optional<bool>(false));

        // Nothing configured is nullopt, not an empty configuration.
        QVERIFY(!snapshot.applications[1].replication.has_value());
        QVERIFY(!snapshot.applications[1].launch.has_value());
        QCOMPARE(snapshot.applications[1].serverGroups.size(), size_t(1));
        QVERIFY(snapshot.applications[2].replication.has_value());
        QVERIFY(!snapshot.applications[2].launch.has_value());
        // Only what ListApps says is configured was asked for: both for
        // Payroll, replication for Replicated, neither for Bare.
        QCOMPARE(callsOf(calls, QLatin1String("GetAppReplicationConfiguration")), 2);
        QCOMPARE(callsOf(calls, QLatin1String("GetAppLaunchConfiguration")), 1);
        QCOMPARE(callsOf(calls, QLatin1String("GetApp")), 3);
        QCOMPARE(callsOf(calls, QLatin1String("GetAppValidationConfiguration")), 3);

        // The whole catalog, in its order, over pages of 40.
        const auto &estate = sandbox.engine.state().estate.servers;
        QCOMPARE(snapshot.servers.size(), estate.size());
        for (std::size_t i = 0; i < estate.size(); ++i)
            QVERIFY(snapshot.servers[i] == estate[i].server);
        QCOMPARE(callsOf(calls, QLatin1String("GetServers")), 8);
    }

    void readsApplicationsWithoutTheCatalog()
    {
        Sandbox sandbox(300);
        client::SmsClient client(sandbox.config());
        const auto ids = createApps(sandbox, client, 3);
        QSignalSpy calls(&client, &client::SmsClient::callFinished);
        ReadRun run = readSnapshot(client, SnapshotScope::ApplicationsOnly);
        QVERIFY2(run.result && run.result->ok(), describe(run.result));
        QVERIFY(appIdsOf(run.result->value()) == ids);
        QVERIFY(run.result->value().servers.empty());
        // ListApps, then GetApp and GetAppValidationConfiguration for each:
        // ListApps says none has replication or launch settings.
        QCOMPARE(calls.size(), 1 + 3 * 2);
        for (const QList<QVariant> &call : calls)
            QVERIFY(call.first().value<client::CallRecord>().operation != QLatin1String("GetServers"));
    }

    void readsOnlyTheChosenApplications()
    {
        Sandbox sandbox(300);
        client::SmsClient client(sandbox.config());
        const auto ids = createApps(sandbox, client, 3);
        const std::string gone = "app-0123456789abcdef0";
        QSignalSpy calls(&client, &client::SmsClient::callFinished);
        ReadRun run = readSnapshot(client, SnapshotScope::ApplicationsOnly, {}, std::vector{ids[2], gone, ids[0]});
        QVERIFY2(run.result && run.result->ok(), describe(run.result));
        // In the order given, without the one the endpoint does not have.
        QVERIFY(appIdsOf(run.result->value()) == (std::vector{ids[2], ids[0]}));
        QCOMPARE(run.finishedSignals, 1);
        for (const QList<QVariant> &call : calls)
            QVERIFY(call.first().value<client::CallRecord>().operation != QLatin1String("ListApps"));

        ReadRun none = readSnapshot(client, SnapshotScope::ApplicationsOnly, {}, std::vector<std::string>{});
        QVERIFY2(none.result && none.result->ok(), describe(none.result));
        QVERIFY(none.result->value().applications.empty());
    }

    // A diff looks at validation only where the plan manages it, and so
    // reads it only there, listed or chosen.
    void readsValidationOnlyWhereAsked()
    {
        Sandbox sandbox(300);
        client::SmsClient client(sandbox.config());
        const auto ids = createApps(sandbox, client, 3);
        QSignalSpy calls(&client, &client::SmsClient::callFinished);
        ReadRun listed = readSnapshot(client, SnapshotScope::ApplicationsOnly, {}, std::nullopt, std::vector{ids[1]});
        QVERIFY2(listed.result && listed.result->ok(), describe(listed.result));
        QVERIFY(appIdsOf(listed.result->value()) == ids);
        QCOMPARE(callsOf(calls, QLatin1String("GetAppValidationConfiguration")), 1);
        QCOMPARE(callsOf(calls, QLatin1String("GetApp")), 3);

        calls.clear();
        ReadRun chosen = readSnapshot(client, SnapshotScope::ApplicationsOnly, {}, std::vector{ids[0], ids[2]},
                                      std::vector<std::string>{});
        QVERIFY2(chosen.result && chosen.result->ok(), describe(chosen.result));
        QCOMPARE(callsOf(calls, QLatin1String("GetAppValidationConfiguration")), 0);
        QCOMPARE(callsOf(calls, QLatin1String("GetApp")), 2);
    }

    void readsTheCatalogAlone()
    {
        Sandbox sandbox(300);
        client::SmsClient client(sandbox.config());
        createApps(sandbox, client, 2);
        ReadRun run = readSnapshot(client, SnapshotScope::CatalogOnly);
        QVERIFY2(run.result && run.result->ok(), describe(run.result));
        QVERIFY(run.result->value().applications.empty());
        QCOMPARE(run.result->value().servers.size(), size_t(300));
        QVERIFY(run.progress.empty());
    }

    void readsAnEmptyEndpoint()
    {
        Sandbox sandbox(10);
        client::SmsClient client(sandbox.config());
        ReadRun run = readSnapshot(client, SnapshotScope::ApplicationsOnly);
        QVERIFY2(run.result && run.result->ok(), describe(run.result));
        QVERIFY(run.result->value().applications.empty());
        QCOMPARE(run.finishedSignals, 1);
    }

    void readsOneApplication()
    {
        Sandbox sandbox(50);
        client::SmsClient client(sandbox.config());
        const auto created = createApp(client, "One", {{sandbox.serverId(0)}, {sandbox.serverId(1)}});
        QVERIFY(created.ok());
        QVERIFY(putLaunch(client, created.value()).ok());

        const auto read = awaitResult<std::optional<EndpointApplication>>(
            [&](QObject *ctx, auto done) { readApplication(client, appIdOf(created), ctx, done); });
        QVERIFY2(read.ok(), read ? "" : read.error().describe().c_str());
        QVERIFY(read->has_value());
        const EndpointApplication &one = *read.value();
        QCOMPARE(one.appId(), appIdOf(created));
        QVERIFY(one.serverGroups == *created->serverGroups);
        QVERIFY(!one.replication.has_value());
        QVERIFY(one.launch.has_value());

        // The snapshot's entry is the same read.
        ReadRun run = readSnapshot(client, SnapshotScope::ApplicationsOnly);
        QVERIFY(run.result && run.result->ok());
        QCOMPARE(run.result->value().applications.size(), size_t(1));
        QVERIFY(run.result->value().applications[0].serverGroups == one.serverGroups);
        QVERIFY(run.result->value().applications[0].launch == one.launch);

        // An application that does not exist is gone, not an error.
        const auto gone = awaitResult<std::optional<EndpointApplication>>(
            [&](QObject *ctx, auto done) { readApplication(client, "app-0123456789abcdef0", ctx, done); });
        QVERIFY2(gone.ok(), gone ? "" : gone.error().describe().c_str());
        QVERIFY(!gone->has_value());
    }

    void cancelingOneApplicationReportsCanceled()
    {
        Sandbox sandbox(50);
        client::SmsClient client(sandbox.config());
        const auto ids = createApps(sandbox, client, 1);
        std::optional<ApplicationRead> outcome;
        QObject context;
        ApplicationReadHandle reader
            = readApplication(client, ids[0], &context, [&outcome](ApplicationRead read) { outcome = std::move(read); });
        reader->cancel();
        QVERIFY(outcome.has_value());  // at once
        QVERIFY(!outcome->ok() && outcome->error().errorCode() == ErrorCode::Canceled);
        QVERIFY(QTest::qWaitFor([&] { return reader.isNull(); }, 1000));
    }

    void dropsAnApplicationDeletedWhileRead()
    {
        Sandbox sandbox(50);
        client::SmsClient client(sandbox.config());
        const auto ids = createApps(sandbox, client, 6);
        // The sandbox answers on this thread, so when the first progress()
        // comes the first window's requests are sent but not yet answered:
        // an application deleted now is gone when its GetApp is served.
        ReadRun run = readSnapshot(client, SnapshotScope::ApplicationsOnly, [&](SnapshotReader *, int done, int) {
            if (done != 0)
                return;
            for (const std::size_t index : {std::size_t(1), std::size_t(5)}) {
                api::DeleteAppRequest request;
                request.appId = ids[index];
                QVERIFY(sandbox.server.invoke("DeleteApp", api::serialize(request)).ok());
            }
        });
        QVERIFY2(run.result && run.result->ok(), describe(run.result));
        QVERIFY(appIdsOf(run.result->value()) == (std::vector<std::string>{ids[0], ids[2], ids[3], ids[4]}));
        QVERIFY(run.progress.back() == std::make_pair(6, 6));  // a gone application is done too
    }

    void aFailureEndsTheRead()
    {
        Sandbox sandbox(50);
        client::SmsClient client(sandbox.config(1));  // no retries
        createApps(sandbox, client, 8);
        int progressAfterFailure = 0;
        ReadRun run = readSnapshot(client, SnapshotScope::Everything, [&](SnapshotReader *, int done, int) {
            if (done == 0)
                sandbox.server.setFaults({.serverError = 1.0});  // every call from now on fails
            else
                ++progressAfterFailure;
        });
        QVERIFY(run.result.has_value());
        QVERIFY(!run.result->ok());
        QVERIFY2(run.result->error().errorCode() == ErrorCode::InternalError, describe(run.result));
        QCOMPARE(run.result->error().httpStatus, 500);
        QCOMPARE(run.finishedSignals, 1);
        QCOMPARE(progressAfterFailure, 0);
        QVERIFY(run.reader.isNull());
    }

    void cancelMidReadReportsCanceled()
    {
        Sandbox sandbox(100);
        client::SmsClient client(sandbox.config());
        createApps(sandbox, client, 30);
        ReadRun run = readSnapshot(client, SnapshotScope::Everything, [](SnapshotReader *reader, int done, int) {
            if (done == 5)
                reader->cancel();
        });
        QVERIFY(run.result.has_value());
        QVERIFY(!run.result->ok());
        QVERIFY2(run.result->error().errorCode() == ErrorCode::Canceled, describe(run.result));
        QCOMPARE(run.finishedSignals, 1);
        QVERIFY(run.progress.back().first == 5);
        QVERIFY(run.reader.isNull());

        // The client is fine afterwards, and what was canceled changed nothing.
        ReadRun again = readSnapshot(client, SnapshotScope::ApplicationsOnly);
        QVERIFY2(again.result && again.result->ok(), describe(again.result));
        QCOMPARE(again.result->value().applications.size(), size_t(30));
    }

    void destroyingTheContextStopsTheRead()
    {
        Sandbox sandbox(100);
        client::SmsClient client(sandbox.config());
        createApps(sandbox, client, 10);
        QSignalSpy calls(&client, &client::SmsClient::callFinished);
        bool finished = false;
        QPointer<QObject> context = new QObject;
        auto *reader = new SnapshotReader(client, SnapshotScope::ApplicationsOnly, context);
        QObject::connect(reader, &SnapshotReader::finished, reader, [&finished] { finished = true; });
        QObject::connect(reader, &SnapshotReader::progress, reader, [&context](int done, int) {
            if (done == 2)
                delete context.data();  // a window closed mid-read, from the reader's own signal
        });
        reader->start();
        QVERIFY(QTest::qWaitFor([&] { return context.isNull(); }, 10'000));

        // The eight applications still in flight had their calls canceled; nothing reports.
        QVERIFY(!finished);
        const auto canceled = std::count_if(calls.begin(), calls.end(), [](const QList<QVariant> &call) {
            return call.first().value<client::CallRecord>().errorCode == QLatin1String("Canceled");
        });
        QVERIFY(canceled >= 8);
        ReadRun again = readSnapshot(client, SnapshotScope::ApplicationsOnly);
        QVERIFY2(again.result && again.result->ok(), describe(again.result));
        QCOMPARE(again.result->value().applications.size(), size_t(10));
    }

    void ridesOutThrottling()
    {
        Sandbox sandbox(300);
        client::SmsClient client(sandbox.config(20));
        const auto ids = createApps(sandbox, client, 12);
        ReadRun calm = readSnapshot(client, SnapshotScope::Everything);
        QVERIFY2(calm.result && calm.result->ok(), describe(calm.result));

        sandbox.server.setFaults({.throttle = 0.3, .seed = 5});
        QSignalSpy calls(&client, &client::SmsClient::callFinished);
        ReadRun throttled = readSnapshot(client, SnapshotScope::Everything);
        QVERIFY2(throttled.result && throttled.result->ok(), describe(throttled.result));
        QVERIFY(appIdsOf(throttled.result->value()) == ids);
        for (std::size_t i = 0; i < ids.size(); ++i)
            QVERIFY(sameApplication(throttled.result->value().applications[i], calm.result->value().applications[i]));
        QVERIFY(throttled.result->value().servers == calm.result->value().servers);
        int attempts = 0;
        for (const QList<QVariant> &call : calls)
            attempts += call.first().value<client::CallRecord>().attempts;
        QVERIFY2(attempts > calls.size(), "no call was throttled: the retries went untested");
    }

    // --- reading answers ---------------------------------------------------

    void mapsAnswers()
    {
        api::GetAppResponse app;  // no appSummary at all
        app.serverGroups = std::vector<api::ServerGroup>{api::ServerGroup{}};
        api::GetAppReplicationConfigurationResponse replication;
        replication.serverGroupReplicationConfigurations.emplace();  // an empty list
        api::GetAppLaunchConfigurationResponse launch;
        launch.appId = "app-1";
        launch.roleName = "role";  // but no groups
        EndpointApplication entry = endpointApplicationFrom("app-1", app, replication, launch);
        QCOMPARE(entry.appId(), std::string("app-1"));
        QCOMPARE(entry.serverGroups.size(), size_t(1));
        QVERIFY(entry.tags.empty());
        QVERIFY(!entry.replication.has_value());
        QVERIFY(!entry.launch.has_value());

        replication.serverGroupReplicationConfigurations->emplace_back().serverGroupId = "sg-1";
        launch.serverGroupLaunchConfigurations.emplace().emplace_back().serverGroupId = "sg-1";
        entry = endpointApplicationFrom("app-1", app, replication, launch);
        QVERIFY(entry.replication == replication.serverGroupReplicationConfigurations);
        QVERIFY(entry.launch == launch);
        QVERIFY(!entry.validation.has_value());

        // A validation configuration counts when it validates anything, the application or a server.
        api::GetAppValidationConfigurationResponse validation;
        validation.appValidationConfigurations.emplace();  // an empty list
        QVERIFY(!endpointApplicationFrom("app-1", app, replication, launch, validation).validation);
        validation.appValidationConfigurations->emplace_back().name = "smoke-test";
        QVERIFY(endpointApplicationFrom("app-1", app, replication, launch, validation).validation == validation);
    }

    void recognizesAGoneApplication_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("gone");
        QTest::addRow("the sandbox's words") << QStringLiteral("InvalidParameterException")
                                             << QStringLiteral("Application app-7 does not exist.") << true;
        QTest::addRow("not found") << QStringLiteral("ResourceNotFoundException") << QStringLiteral("no") << true;
        QTest::addRow("another parameter") << QStringLiteral("InvalidParameterException")
                                           << QStringLiteral("Server group sg-1 is configured more than once.")
                                           << false;
        QTest::addRow("another application") << QStringLiteral("InvalidParameterException")
                                              << QStringLiteral("Application app-8 does not exist.") << false;
        QTest::addRow("throttled") << QStringLiteral("ThrottlingException")
                                   << QStringLiteral("Rate exceeded for app-7") << false;
        QTest::addRow("not permitted") << QStringLiteral("OperationNotPermittedException")
                                       << QStringLiteral("Application app-7 is replicating.") << false;
    }

    void recognizesAGoneApplication()
    {
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(bool, gone);
        SmsError error;
        error.code = code.toStdString();
        error.message = message.toStdString();
        QCOMPARE(isApplicationGone(error, "app-7"), gone);
    }
};

QTEST_GUILESS_MAIN(TestSnapshotReader)
#include "tst_snapshotreader.moc"
