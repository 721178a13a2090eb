// A plan applied to an in-process sandbox: it converges (a diff afterwards
// finds nothing), records the endpoint's ids, resumes after a cancel without
// duplicates, survives throttling, errors and dropped connections, deletes
// retired applications, and stops at a change SMS refuses.

#include "services/PlanApplier.h"

#include "client/SmsClient.h"
#include "services/SandboxHost.h"

#include <QTest>

#include <optional>

using namespace sms;
using namespace sms::models;
using namespace sms::services;

namespace {

struct ApplyRun
{
    std::optional<Result<int>> result;
    PlanData plan;  // with the ids the applier recorded
    std::vector<std::string> operations;
};

// Applies `plan`; `afterChange` may cancel (it gets the applier and the number of changes so far).
ApplyRun apply(client::SmsClient &client, const PlanData &plan,
               const std::function<void(PlanApplier *, int)> &afterChange = {})
{
    ApplyRun run;
    QObject context;
    auto *applier = new PlanApplier(client, plan, &context);
    QObject::connect(applier, &PlanApplier::changeApplied, applier, [&](const Change &change) {
        run.operations.push_back(change.operation());
        if (afterChange)
            afterChange(applier, int(run.operations.size()));
    });
    QObject::connect(applier, &PlanApplier::finished, applier, [&](const Result<int> &result) {
        run.result = result;
        run.plan = applier->plan();
    });
    applier->start();
    if (!QTest::qWaitFor([&] { return run.result.has_value(); }, 120'000))
        qWarning("the apply did not finish");
    return run;
}

std::optional<Result<EndpointSnapshot>> snapshot(client::SmsClient &client)
{
    std::optional<Result<EndpointSnapshot>> result;
    QObject context;
    auto *reader = new SnapshotReader(client, SnapshotScope::Everything, &context);
    QObject::connect(reader, &SnapshotReader::finished, &context,
                     [&](const Result<EndpointSnapshot> &read) { result = read; });
    reader->start();
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 60'000))
        qWarning("the snapshot was not read");
    return result;
}

// `count` applications of two groups over the estate's first servers, with
// replication and launch settings, one server with its own instance type.
PlanData planOf(SandboxHost &host, int count, int serversPerGroup = 2)
{
    PlanData plan;
    plan.planId = "4d1c6a0e-7f7b-4a52-9a8f-0c3a1d2e3f40";
    for (const auto &entry : host.engine().state().estate.servers)
        plan.catalog.servers.push_back(entry.server);
    std::size_t next = 0;
    PlanKey key = 0;
    for (int a = 0; a < count; ++a) {
        PlanApplication app;
        app.key = ++key;
        app.name = "app " + std::to_string(a + 1);
        app.roleName = "sms-role";
        for (const char *name : {"web", "db"}) {
            PlanServerGroup &group = app.serverGroups.emplace_back();
            group.key = ++key;
            group.name = name;
            group.launchOrder = name[0] == 'd' ? 1 : 2;
            for (int s = 0; s < serversPerGroup; ++s)
                group.serverIds.push_back(*plan.catalog.servers[next++].serverId);
        }
        app.settings.replication = api::ServerReplicationParameters{};
        app.settings.replication->frequency = 12;
        app.settings.replication->licenseType = api::LicenseType::Aws;
        app.settings.launch = api::ServerLaunchConfiguration{};
        app.settings.launch->instanceType = "m5.large";
        app.settings.autoLaunch = false;
        plan.applications.push_back(std::move(app));
    }
    PlanServerSettings own;
    own.serverId = plan.applications[0].serverGroups[1].serverIds[0];
    own.launch = api::ServerLaunchConfiguration{};
    own.launch->instanceType = "r5.xlarge";
    plan.serverSettings.push_back(own);
    return plan;
}

// The failure, for a message; "" for a success.
const char *whyNot(const std::optional<Result<int>> &result)
{
    static std::string text;
    text = !result ? "no result" : result->ok() ? "" : result->error().describe();
    return text.c_str();
}

QString describe(const ChangeSet &set)
{
    QStringList lines;
    for (const Change &change : set.changes)
        lines << QStringLiteral("%1 %2: %3").arg(QLatin1String(change.operation()), QString::fromStdString(change.appName),
                                                 QString::fromStdString(change.why));
    for (const std::string &blocker : set.blockers)
        lines << QString::fromStdString(blocker);
    return lines.join(QLatin1Char('\n'));
}

// The endpoint matches `plan` exactly: nothing to change, one application per
// plan application (no duplicates), and none the plan does not know.
void verifyConverged(client::SmsClient &client, const PlanData &plan)
{
    const auto read = snapshot(client);
    QVERIFY(read && read->ok());
    const ChangeSet set = diffPlan(plan, read->value());
    QVERIFY2(!set.hasChanges() && set.blockers.empty(), qPrintable(describe(set)));
    QCOMPARE(read->value().applications.size(), plan.applications.size());
    for (const PlanApplication &app : plan.applications)
        QVERIFY(!app.appId.empty());
}

} // namespace

class TestPlanApplier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliesAndConverges()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const ApplyRun run = apply(client, planOf(host, 3));
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        QCOMPARE(run.result->value(), 9);  // per application: create, replication, launch
        QCOMPARE(run.operations.front(), std::string("CreateApp"));
        verifyConverged(client, run.plan);
        // The ids were recorded, groups included.
        QVERIFY(!run.plan.applications[2].serverGroups[1].serverGroupId.empty());
        // Applying again changes nothing.
        const ApplyRun again = apply(client, run.plan);
        QVERIFY(again.result && again.result->ok());
        QCOMPARE(again.result->value(), 0);
    }

    void resumesAfterCancelWithoutDuplicates()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const PlanData plan = planOf(host, 4);
        const ApplyRun first = apply(client, plan, [](PlanApplier *applier, int changes) {
            if (changes == 4)
                applier->cancel();
        });
        QVERIFY(first.result && !first.result->ok());
        QVERIFY(first.result->error().errorCode() == ErrorCode::Canceled);
        // Run again from the plan as it was, without the ids the first run
        // recorded (a crash before they were saved): client tokens find the
        // applications already made.
        const ApplyRun second = apply(client, plan);
        QVERIFY2(second.result && second.result->ok(), whyNot(second.result));
        verifyConverged(client, second.plan);
    }

    void survivesThrottlingErrorsAndDrops()
    {
        SandboxHost host({.servers = 200, .demoApplications = false});
        client::ClientConfig config = host.start().value();
        config.retry.baseDelay = std::chrono::milliseconds(5);
        client::SmsClient client(config);
        host.setFaults({.throttle = 0.2, .serverError = 0.1, .drop = 0.1, .latencyMs = 0, .seed = 7});
        const PlanData plan = planOf(host, 20);
        ApplyRun run = apply(client, plan);
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        host.setFaults({});
        verifyConverged(client, run.plan);
    }

    void deletesRetiredApplications()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        ApplyRun run = apply(client, planOf(host, 2));
        QVERIFY(run.result && run.result->ok());
        PlanData plan = run.plan;
        plan.retiredAppIds = {plan.applications[0].appId};
        plan.applications.erase(plan.applications.begin());
        const ApplyRun deletion = apply(client, plan);
        QVERIFY2(deletion.result && deletion.result->ok(), whyNot(deletion.result));
        QCOMPARE(deletion.operations, std::vector<std::string>{"DeleteApp"});
        QVERIFY(deletion.plan.retiredAppIds.empty());
        verifyConverged(client, deletion.plan);
    }

    void removesSettingsThePlanRemoves()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        ApplyRun run = apply(client, planOf(host, 2));
        QVERIFY(run.result && run.result->ok());
        PlanData plan = run.plan;
        ApplicationSettings &settings = plan.applications[1].settings;
        settings = {};
        settings.removeReplication = true;
        settings.removeLaunch = true;
        for (PlanServerGroup &group : plan.applications[1].serverGroups)
            group.launchOrder.reset();
        const ApplyRun removal = apply(client, plan);
        QVERIFY2(removal.result && removal.result->ok(), whyNot(removal.result));
        QCOMPARE(removal.operations,
                 (std::vector<std::string>{"DeleteAppReplicationConfiguration", "DeleteAppLaunchConfiguration"}));
        verifyConverged(client, removal.plan);
        const auto read = snapshot(client);
        QVERIFY(read && read->ok());
        const EndpointApplication &live = read->value().applications[1];
        QCOMPARE(live.appId(), plan.applications[1].appId);
        QVERIFY(!live.replication && !live.launch);
        QVERIFY(read->value().applications[0].replication);  // the other application keeps its own
    }

    void stopsAtARefusedChange()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        PlanData plan = planOf(host, 3);
        plan.applications[1].settings.replication->frequency = 99;  // SMS takes 1 to 24 hours
        const ApplyRun run = apply(client, plan);
        QVERIFY(run.result && !run.result->ok());
        const QString message = QString::fromStdString(run.result->error().message);
        QVERIFY2(message.startsWith(QStringLiteral("PutAppReplicationConfiguration for \u201Capp 2\u201D failed: ")),
                 qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral("The changes after it were not made; apply again to resume.")),
                 qPrintable(message));
        // app 1 is done, app 2 created, app 3 untouched.
        const auto read = snapshot(client);
        QVERIFY(read && read->ok());
        QCOMPARE(read->value().applications.size(), std::size_t(2));
    }

    void refusesUnresolvableServers()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        PlanData plan = planOf(host, 1);
        plan.applications[0].serverGroups[0].serverIds.push_back("s-not-there");
        const ApplyRun run = apply(client, plan);
        QVERIFY(run.result && !run.result->ok());
        QVERIFY2(run.result->error().message.find("s-not-there is not in the endpoint's catalog") != std::string::npos,
                 run.result->error().message.c_str());
        QVERIFY(run.operations.empty());
        const auto read = snapshot(client);
        QVERIFY(read && read->ok() && read->value().applications.empty());
    }
};

QTEST_GUILESS_MAIN(TestPlanApplier)
#include "tst_planapplier.moc"
