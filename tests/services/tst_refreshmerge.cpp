// Refresh Apps against an in-process sandbox: endpoint applications come in
// with their settings, the plan's edits the endpoint does not have yet are
// kept and listed, settings the plan leaves to the endpoint are taken, and
// applications deleted from the plan stay out. After a refresh the plan
// still diffs as it did: a refresh never asks for a deletion.

#include "services/RefreshMerge.h"

#include "client/SmsClient.h"
#include "services/PlanDiff.h"
#include "PlanRuns.h"

#include <QTest>

using namespace sms;
using namespace sms::models;
using namespace sms::services;
using namespace sms::testing;

namespace {

// The plan a first apply leaves: `count` applications with ids and settings.
PlanData applied(client::SmsClient &client, SandboxHost &host, int count)
{
    const ApplyRun run = apply(client, planOf(host, count));
    if (!run.result || !run.result->ok())
        qWarning("the first apply failed: %s", whyNot(run.result));
    return run.plan;
}

EndpointSnapshot read(client::SmsClient &client)
{
    auto snap = snapshot(client);
    return snap && snap->ok() ? snap->value() : EndpointSnapshot{};
}

// The plan after a refresh, as the GUI makes it (PlanEditor, one undo step).
PlanData refreshed(const PlanData &plan, const RefreshMerge &merge)
{
    PlanDocument document;
    document.reset(plan);
    PlanEditor editor(document);
    editor.refreshApplications(merge.applications);
    return document.data();
}

} // namespace

class TestRefreshMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bringsNewApplicationsWithSettings()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const PlanData endpointPlan = applied(client, host, 2);
        PlanData plan;
        plan.catalog = endpointPlan.catalog;
        const RefreshMerge merge = mergeRefresh(plan, read(client));
        QCOMPARE(merge.read, 2);
        QCOMPARE(merge.added, 2);
        QVERIFY(merge.kept.empty());
        const PlanData after = refreshed(plan, merge);
        QCOMPARE(after.applications.size(), std::size_t(2));
        const PlanApplication &first = after.applications[0];
        QVERIFY(first.settings.replication && first.settings.replication->frequency == 12);
        QVERIFY(first.settings.launch && first.settings.launch->instanceType == std::optional<std::string>("m5.large"));
        QCOMPARE(first.serverGroups[1].launchOrder, std::optional<int>(1));
        QCOMPARE(after.serverSettings.size(), std::size_t(1));  // the server with its own instance type
        QVERIFY2(!diffPlan(after, read(client)).hasChanges(), qPrintable(describe(diffPlan(after, read(client)))));
    }

    // A server the plan put in an application of its own is the plan's edit:
    // an endpoint application new to the plan comes in without it.
    void serversThePlanPlacedStay()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const PlanData endpointPlan = applied(client, host, 1);
        PlanData plan;
        plan.catalog = endpointPlan.catalog;
        PlanApplication mine;
        mine.key = 1;
        mine.name = "Mine";
        mine.serverGroups.resize(1);
        mine.serverGroups[0].key = 2;
        mine.serverGroups[0].serverIds = {endpointPlan.applications[0].serverGroups[0].serverIds[0]};
        plan.applications.push_back(mine);
        const RefreshMerge merge = mergeRefresh(plan, read(client));
        QCOMPARE(merge.added, 1);
        QCOMPARE(merge.kept.size(), std::size_t(1));
        QVERIFY2(merge.kept[0].find("stays in \u201CMine\u201D") != std::string::npos, merge.kept[0].c_str());
        const PlanData after = refreshed(plan, merge);
        QCOMPARE(after.applications[0].serverGroups[0].serverIds, mine.serverGroups[0].serverIds);
        QCOMPARE(after.applications[1].serverGroups[0].serverIds.size(), std::size_t(1));
    }

    void keepsThePlansEditsAndSaysSo()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        PlanData plan = applied(client, host, 2);
        plan.applications[0].name = "Payroll";
        plan.applications[1].settings.replication->frequency = 6;
        const RefreshMerge merge = mergeRefresh(plan, read(client));
        QVERIFY(merge.applications.empty());
        QCOMPARE(merge.kept.size(), std::size_t(2));
        QVERIFY2(QString::fromStdString(merge.kept[0]).startsWith(QStringLiteral("\u201CPayroll\u201D: its name")),
                 merge.kept[0].c_str());
        QVERIFY2(merge.kept[1].find("its replication settings") != std::string::npos, merge.kept[1].c_str());
        QCOMPARE(refreshed(plan, merge), plan);
    }

    void takesSettingsThePlanLeaves()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        PlanData plan = applied(client, host, 1);
        plan.applications[0].settings = {};
        for (PlanServerGroup &group : plan.applications[0].serverGroups)
            group.launchOrder.reset();
        plan.serverSettings.clear();
        const RefreshMerge merge = mergeRefresh(plan, read(client));
        QCOMPARE(merge.applications.size(), std::size_t(1));
        QCOMPARE(merge.added, 0);
        QVERIFY(merge.kept.empty());
        const PlanData after = refreshed(plan, merge);
        QCOMPARE(after.applications.size(), std::size_t(1));
        QVERIFY(after.applications[0].settings.replication);
        QVERIFY(after.applications[0].settings.launch);
        QCOMPARE(after.serverSettings.size(), std::size_t(1));
        QCOMPARE(after.applications[0].key, plan.applications[0].key);
        QVERIFY(!diffPlan(after, read(client)).hasChanges());
    }

    void leavesDeletedApplicationsOut()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        PlanData plan = applied(client, host, 2);
        const std::string deleted = plan.applications[0].appId;
        plan.retiredAppIds = {deleted};
        plan.applications.erase(plan.applications.begin());
        const RefreshMerge merge = mergeRefresh(plan, read(client));
        QVERIFY(merge.applications.empty());
        QCOMPARE(merge.retired.size(), std::size_t(1));
        QVERIFY(merge.retired[0].find(deleted) != std::string::npos);
        const PlanData after = refreshed(plan, merge);
        QCOMPARE(after.retiredAppIds, std::vector<std::string>{deleted});
        QCOMPARE(after.applications.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestRefreshMerge)
#include "tst_refreshmerge.moc"
