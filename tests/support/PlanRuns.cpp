// Plans against an in-process sandbox; see the header.

#include "PlanRuns.h"

#include "client/SmsClient.h"

#include <QTest>

namespace sms::testing {

using namespace sms::models;
using namespace sms::services;

ApplyRun apply(client::SmsClient &client, const PlanData &plan,
               const std::function<void(PlanApplier *, int)> &afterChange, const EndpointSnapshot *from)
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
        run.remaining = applier->remaining();
    });
    if (from)
        applier->startFrom(*from);
    else
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
PlanData planOf(SandboxHost &host, int count, int serversPerGroup)
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


} // namespace sms::testing
