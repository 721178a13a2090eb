// The plan against a live snapshot: which changes, in which order, with which
// request and why; and which endpoint server each plan server is.

#include "services/PlanDiff.h"

#include "api/JsonCodec.h"

#include <QTest>

using namespace sms;
using namespace sms::models;
using namespace sms::services;

namespace {

api::Server server(const std::string &id, const std::string &vmName, const std::string &vmId = {})
{
    api::Server s;
    s.serverId = id;
    s.serverType = api::ServerType::VirtualMachine;
    s.vmServer.emplace().vmName = vmName;
    if (!vmId.empty())
        s.vmServer->vmServerAddress = api::VmServerAddress{"vc-1", vmId};
    return s;
}

// Six servers s-1 .. s-6, VMs web-1 .. web-6 with ids vm-1 .. vm-6.
std::vector<api::Server> catalog()
{
    std::vector<api::Server> servers;
    for (int i = 1; i <= 6; ++i)
        servers.push_back(server("s-" + std::to_string(i), "web-" + std::to_string(i), "vm-" + std::to_string(i)));
    return servers;
}

PlanServerGroup group(PlanKey key, const std::string &name, std::vector<std::string> ids, std::string groupId = {})
{
    PlanServerGroup g;
    g.key = key;
    g.name = name;
    g.serverIds = std::move(ids);
    g.serverGroupId = std::move(groupId);
    return g;
}

// Payroll (web: s-1, s-2; db: s-3), replicated every 12 h, launched into a VPC.
PlanData payrollPlan(const std::string &appId = {})
{
    PlanData plan;
    plan.planId = "11111111-2222-3333-4444-555555555555";
    plan.catalog.servers = catalog();
    PlanApplication app;
    app.key = 1;
    app.appId = appId;
    app.name = "Payroll";
    app.description = "pay";
    app.roleName = "sms-role";
    app.tags = {{"env", "prod"}};
    app.serverGroups = {group(2, "web", {"s-1", "s-2"}, appId.empty() ? "" : "sg-web"),
                        group(3, "db", {"s-3"}, appId.empty() ? "" : "sg-db")};
    app.serverGroups[0].launchOrder = 2;
    app.serverGroups[1].launchOrder = 1;
    app.settings.replication = api::ServerReplicationParameters{};
    app.settings.replication->frequency = 12;
    app.settings.launch = api::ServerLaunchConfiguration{};
    app.settings.launch->vpc = "vpc-1";
    app.settings.launch->instanceType = "m5.large";
    app.settings.launchRoleName = "launch-role";
    app.settings.autoLaunch = true;
    plan.applications.push_back(app);
    PlanServerSettings db;
    db.serverId = "s-3";
    db.launch = api::ServerLaunchConfiguration{};
    db.launch->instanceType = "r5.xlarge";
    plan.serverSettings.push_back(db);
    return plan;
}

api::ServerGroup liveGroup(const std::string &id, const std::string &name, const std::vector<std::string> &servers)
{
    api::ServerGroup g;
    g.serverGroupId = id;
    g.name = name;
    auto &list = g.serverList.emplace();
    for (const std::string &s : servers)
        list.push_back(server(s, "ignored"));  // answers carry catalog details
    return g;
}

// The endpoint as an apply of payrollPlan() leaves it (SMS adds logicalIds).
EndpointApplication livePayroll()
{
    EndpointApplication live;
    live.summary.appId = "app-1";
    live.summary.name = "Payroll";
    live.summary.description = "pay";
    live.summary.roleName = "sms-role";
    live.tags = {{"env", "prod"}};
    live.serverGroups = {liveGroup("sg-web", "web", {"s-2", "s-1"}), liveGroup("sg-db", "db", {"s-3"})};

    auto &replication = live.replication.emplace();
    for (const auto &[groupId, ids] : std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"sg-db", {"s-3"}}, {"sg-web", {"s-1", "s-2"}}}) {
        auto &g = replication.emplace_back();
        g.serverGroupId = groupId;
        auto &entries = g.serverReplicationConfigurations.emplace();
        for (const std::string &id : ids) {
            auto &entry = entries.emplace_back();
            entry.server = server(id, "x");
            entry.serverReplicationParameters.emplace().frequency = 12;
        }
    }
    auto &launch = live.launch.emplace();
    launch.appId = "app-1";
    launch.roleName = "launch-role";
    launch.autoLaunch = true;
    auto &groups = launch.serverGroupLaunchConfigurations.emplace();
    int logical = 0;
    for (const auto &[groupId, order, ids] : std::vector<std::tuple<std::string, int, std::vector<std::string>>>{
             {"sg-web", 2, {"s-1", "s-2"}}, {"sg-db", 1, {"s-3"}}}) {
        auto &g = groups.emplace_back();
        g.serverGroupId = groupId;
        g.launchOrder = order;
        auto &entries = g.serverLaunchConfigurations.emplace();
        for (const std::string &id : ids) {
            auto &entry = entries.emplace_back();
            entry.server = server(id, "x");
            entry.logicalId = "Server" + std::to_string(++logical);
            entry.vpc = "vpc-1";
            entry.instanceType = id == "s-3" ? "r5.xlarge" : "m5.large";
        }
    }
    return live;
}

EndpointSnapshot snapshotWith(std::vector<EndpointApplication> apps)
{
    EndpointSnapshot snapshot;
    snapshot.applications = std::move(apps);
    snapshot.servers = catalog();
    return snapshot;
}

QStringList operations(const ChangeSet &set)
{
    QStringList names;
    for (const Change &change : set.changes)
        names << QString::fromLatin1(change.operation()) + (change.provisional ? QStringLiteral("*") : QString());
    return names;
}

QString joined(const std::vector<std::string> &lines)
{
    QStringList list;
    for (const std::string &line : lines)
        list << QString::fromStdString(line);
    return list.join(QLatin1Char('\n'));
}

} // namespace

class TestPlanDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newApplicationIsCreatedThenConfigured()
    {
        const ChangeSet set = diffPlan(payrollPlan(), snapshotWith({}));
        QCOMPARE(operations(set), (QStringList{QStringLiteral("CreateApp"), QStringLiteral("PutAppReplicationConfiguration*"),
                                               QStringLiteral("PutAppLaunchConfiguration*")}));
        QVERIFY(set.blockers.empty());
        const Change &create = set.changes[0];
        QCOMPARE(QString::fromStdString(create.why), QStringLiteral("\u201CPayroll\u201D is not on the endpoint yet."));
        const auto &request = std::get<api::CreateAppRequest>(create.request);
        QVERIFY(request.clientToken == "smsplan-11111111-2222-3333-4444-555555555555-1");
        QCOMPARE(request.serverGroups->size(), std::size_t(2));
        QVERIFY(!request.serverGroups->at(0).serverGroupId);
        QVERIFY(create.requestJson().find("\"name\":\"Payroll\"") != std::string::npos);
        // The server's own instance type is laid over the application's.
        const auto &launch = std::get<api::PutAppLaunchConfigurationRequest>(set.changes[2].request);
        QVERIFY(launch.serverGroupLaunchConfigurations->at(1).serverLaunchConfigurations->at(0).instanceType == "r5.xlarge");
        QVERIFY(launch.serverGroupLaunchConfigurations->at(0).serverLaunchConfigurations->at(0).instanceType == "m5.large");
        QVERIFY(launch.serverGroupLaunchConfigurations->at(1).launchOrder == 1);
    }

    void matchingEndpointHasNoChanges()
    {
        const ChangeSet set = diffPlan(payrollPlan("app-1"), snapshotWith({livePayroll()}));
        QVERIFY2(!set.hasChanges(), qPrintable(operations(set).join(QLatin1Char(' '))
                                                + QLatin1Char('\n') + joined(set.hasChanges() ? set.changes[0].details : std::vector<std::string>{})));
        QVERIFY(set.untouched.empty());
    }

    void applicationDifferencesMakeOneUpdate()
    {
        PlanData plan = payrollPlan("app-1");
        PlanApplication &app = plan.applications[0];
        app.description = "payroll and HR";
        app.tags = {{"env", "prod"}, {"owner", "hr"}};
        app.serverGroups[0].name = "front";
        app.serverGroups[0].serverIds = {"s-1", "s-4"};  // s-2 out, s-4 in
        app.serverGroups.pop_back();                        // db goes
        app.serverGroups.push_back(group(9, "cache", {"s-5"}));
        const ChangeSet set = diffPlan(plan, snapshotWith({livePayroll()}));
        QCOMPARE(operations(set).first(), QStringLiteral("UpdateApp"));
        const QString details = joined(set.changes[0].details);
        for (const char *line : {"description: \"pay\" \u2192 \"payroll and HR\"", "tags: env=prod \u2192 env=prod, owner=hr",
                                 "server group sg-web renamed \"web\" \u2192 \"front\"",
                                 "server group \u201Cfront\u201D gains s-4", "server group \u201Cfront\u201D loses s-2",
                                 "new server group \u201Ccache\u201D with 1 server",
                                 "server group \u201Cdb\u201D (sg-db) is not in the plan: it is removed with its 1 server"})
            QVERIFY2(details.contains(QString::fromUtf8(line)), qPrintable(details));
        const auto &update = std::get<api::UpdateAppRequest>(set.changes[0].request);
        QVERIFY(update.appId == "app-1");
        QVERIFY(update.serverGroups->at(0).serverGroupId == "sg-web");
        QVERIFY(!update.serverGroups->at(1).serverGroupId);  // the new group
        // The settings follow once the new group has an id.
        QCOMPARE(operations(set).mid(1), (QStringList{QStringLiteral("PutAppReplicationConfiguration*"),
                                                      QStringLiteral("PutAppLaunchConfiguration*")}));
    }

    void settingsDifferencesNameTheServers()
    {
        PlanData plan = payrollPlan("app-1");
        PlanServerSettings once;
        once.serverId = "s-2";
        once.replication = api::ServerReplicationParameters{};
        once.replication->frequency = 24;
        plan.serverSettings.push_back(once);
        plan.applications[0].serverGroups[0].launchOrder = 3;
        plan.applications[0].settings.autoLaunch = false;
        const ChangeSet set = diffPlan(plan, snapshotWith({livePayroll()}));
        QCOMPARE(operations(set), (QStringList{QStringLiteral("PutAppReplicationConfiguration"),
                                               QStringLiteral("PutAppLaunchConfiguration")}));
        QCOMPARE(joined(set.changes[0].details), QStringLiteral("s-2: frequency 12 \u2192 24"));
        QCOMPARE(QString::fromStdString(set.changes[0].why),
                 QStringLiteral("The replication settings of \u201CPayroll\u201D differ."));
        const QString launch = joined(set.changes[1].details);
        QVERIFY2(launch.contains(QStringLiteral("autoLaunch true \u2192 false")), qPrintable(launch));
        QVERIFY2(launch.contains(QStringLiteral("server group sg-web launchOrder 2 \u2192 3")), qPrintable(launch));
    }

    void unmanagedSettingsAreLeftAlone()
    {
        PlanData plan = payrollPlan("app-1");
        plan.applications[0].settings = {};
        plan.applications[0].serverGroups[0].launchOrder.reset();
        plan.applications[0].serverGroups[1].launchOrder.reset();
        plan.serverSettings.clear();
        QVERIFY(!diffPlan(plan, snapshotWith({livePayroll()})).hasChanges());
    }

    void removedSettingsAreDeletedWhereTheyExist()
    {
        PlanData plan = payrollPlan("app-1");
        plan.applications[0].settings = {};
        plan.applications[0].settings.removeReplication = true;
        plan.applications[0].settings.removeLaunch = true;
        for (PlanServerGroup &g : plan.applications[0].serverGroups)
            g.launchOrder.reset();
        plan.serverSettings.clear();
        const ChangeSet set = diffPlan(plan, snapshotWith({livePayroll()}));
        QCOMPARE(operations(set), (QStringList{QStringLiteral("DeleteAppReplicationConfiguration"),
                                               QStringLiteral("DeleteAppLaunchConfiguration")}));
        QVERIFY(std::get<api::DeleteAppReplicationConfigurationRequest>(set.changes[0].request).appId == "app-1");
        QCOMPARE(QString::fromStdString(set.changes[0].why),
                 QStringLiteral("The plan removes the replication settings of \u201CPayroll\u201D from the endpoint."));
        QCOMPARE(joined(set.changes[1].details), QStringLiteral("the endpoint has launch settings for 3 servers"));
        QCOMPARE(QString::fromStdString(set.changes[1].requestJson()), QStringLiteral("{\"appId\":\"app-1\"}"));

        // Once they are gone, and for an application still to be made, there is nothing to delete.
        EndpointApplication bare = livePayroll();
        bare.replication.reset();
        bare.launch.reset();
        QVERIFY(!diffPlan(plan, snapshotWith({bare})).hasChanges());
        plan.applications[0].appId.clear();
        QCOMPARE(operations(diffPlan(plan, snapshotWith({}))), QStringList{QStringLiteral("CreateApp")});
    }

    void goneApplicationIsCreatedAgain()
    {
        const ChangeSet set = diffPlan(payrollPlan("app-9"), snapshotWith({livePayroll()}));
        QCOMPARE(operations(set).first(), QStringLiteral("CreateApp"));
        QCOMPARE(QString::fromStdString(set.changes[0].why),
                 QStringLiteral("\u201CPayroll\u201D was app-9, which the endpoint no longer has: it is created again."));
        // The live app-1 is not the plan's: it is left alone, and said so.
        QCOMPARE(joined(set.untouched), QStringLiteral("\u201CPayroll\u201D (app-1)"));
    }

    void retiredApplicationsAreDeleted()
    {
        PlanData plan = payrollPlan();
        plan.applications.clear();
        plan.retiredAppIds = {"app-1", "app-gone"};
        const ChangeSet set = diffPlan(plan, snapshotWith({livePayroll()}));
        QCOMPARE(operations(set), QStringList{QStringLiteral("DeleteApp")});
        QVERIFY(std::get<api::DeleteAppRequest>(set.changes[0].request).appId == "app-1");
        QCOMPARE(QString::fromStdString(set.changes[0].why),
                 QStringLiteral("\u201CPayroll\u201D (app-1) was deleted from the plan."));
        QVERIFY(set.untouched.empty());
    }

    void serversResolveByIdAddressOrName_data()
    {
        QTest::addColumn<QString>("planServer");  // id, VM name, VM id of the plan's catalog entry
        QTest::addColumn<QString>("expected");    // the endpoint id, or the blocker's text
        QTest::addRow("same id") << QStringLiteral("s-1,anything,") << QStringLiteral("s-1");
        QTest::addRow("by VM id") << QStringLiteral("offline-1,renamed,vm-4") << QStringLiteral("s-4");
        QTest::addRow("by VM name") << QStringLiteral("offline-2,web-5,") << QStringLiteral("s-5");
        QTest::addRow("VM id before name") << QStringLiteral("offline-3,web-5,vm-6") << QStringLiteral("s-6");
        QTest::addRow("ambiguous name")
            << QStringLiteral("offline-4,twin,")
            << QStringLiteral("server offline-4 matches several endpoint servers (s-7, s-8); give it its endpoint serverId in the plan");
        QTest::addRow("unknown")
            << QStringLiteral("offline-5,nowhere,vm-99")
            << QStringLiteral("server offline-5 is not in the endpoint's catalog, and no server there has its VM id or VM name");
    }

    void serversResolveByIdAddressOrName()
    {
        QFETCH(QString, planServer);
        QFETCH(QString, expected);
        const QStringList parts = planServer.split(QLatin1Char(','));
        PlanData plan;
        plan.catalog.servers = {server(parts[0].toStdString(), parts[1].toStdString(), parts[2].toStdString())};
        PlanApplication app;
        app.key = 1;
        app.name = "A";
        app.serverGroups = {group(2, "g", {parts[0].toStdString()})};
        plan.applications = {app};
        EndpointSnapshot endpoint = snapshotWith({});
        endpoint.servers.push_back(server("s-7", "twin"));
        endpoint.servers.push_back(server("s-8", "twin"));

        const ChangeSet set = diffPlan(plan, endpoint);
        if (expected.startsWith(QLatin1String("s-"))) {
            QVERIFY(set.blockers.empty());
            const auto &create = std::get<api::CreateAppRequest>(set.changes.at(0).request);
            QCOMPARE(QString::fromStdString(*create.serverGroups->at(0).serverList->at(0).serverId), expected);
        } else {
            QCOMPARE(set.blockers.size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(set.blockers[0]),
                     QStringLiteral("\u201CA\u201D, server group \u201Cg\u201D: %1.").arg(expected));
        }
    }

    void manyServersAreSummarised()
    {
        PlanData plan = payrollPlan("app-1");
        plan.applications[0].settings.replication->frequency = 6;  // every server differs
        const ChangeSet set = diffPlan(plan, snapshotWith({livePayroll()}));
        QCOMPARE(operations(set).first(), QStringLiteral("PutAppReplicationConfiguration"));
        QCOMPARE(set.changes[0].details.size(), std::size_t(3));
        QCOMPARE(QString::fromStdString(set.changes[0].details[0]), QStringLiteral("s-1: frequency 12 \u2192 6"));
    }
};

QTEST_GUILESS_MAIN(TestPlanDiff)
#include "tst_plandiff.moc"
