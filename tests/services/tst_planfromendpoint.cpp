// The endpoint as a plan: whatever settings its servers have, the plan made
// from it diffs against it with no change, and shares what most servers have.

#include "services/PlanDiff.h"
#include "services/PlanFromEndpoint.h"

#include <QTest>

using namespace sms;
using namespace sms::services;

namespace {

api::Server server(const std::string &id)
{
    api::Server s;
    s.serverId = id;
    s.serverType = api::OpenEnum<api::ServerType>(api::ServerType::VirtualMachine);
    auto &vm = s.vmServer.emplace();
    vm.vmName = "vm-" + id;
    vm.vmServerAddress = api::VmServerAddress{"vc-1", "vm-" + id};
    return s;
}

api::ServerReplicationParameters every(int hours)
{
    api::ServerReplicationParameters p;
    p.frequency = hours;
    p.licenseType = api::LicenseType::Aws;
    return p;
}

api::ServerLaunchConfiguration launchAs(const std::string &type)
{
    api::ServerLaunchConfiguration l;
    l.instanceType = type;
    l.subnet = "subnet-1";
    return l;
}

// "app-1": group sg-a (s1, s2, s3) launching second, sg-b (s4) first; each
// server replicated and launched as `replication(i)` and `launch(i)` say
// (nullopt: no entry), with SMS's own logicalIds.
template <typename Replication, typename Launch>
EndpointSnapshot endpointWith(Replication replication, Launch launch)
{
    EndpointSnapshot snapshot;
    for (int i = 1; i <= 5; ++i)
        snapshot.servers.push_back(server("s" + std::to_string(i)));
    EndpointApplication &app = snapshot.applications.emplace_back();
    app.summary.appId = "app-1";
    app.summary.name = "Payroll";
    app.summary.roleName = "sms-role";
    app.tags = {{"env", "prod"}};
    const std::vector<std::pair<std::string, std::vector<int>>> groups{{"sg-a", {1, 2, 3}}, {"sg-b", {4}}};
    auto &replicated = app.replication.emplace();
    auto &launched = app.launch.emplace();
    launched.appId = "app-1";
    launched.roleName = "launch-role";
    launched.autoLaunch = false;
    auto &launchGroups = launched.serverGroupLaunchConfigurations.emplace();
    for (const auto &[groupId, members] : groups) {
        api::ServerGroup &group = app.serverGroups.emplace_back();
        group.serverGroupId = groupId;
        group.name = groupId.substr(3);
        auto &list = group.serverList.emplace();
        auto &replicationGroup = replicated.emplace_back();
        replicationGroup.serverGroupId = groupId;
        auto &replicationEntries = replicationGroup.serverReplicationConfigurations.emplace();
        auto &launchGroup = launchGroups.emplace_back();
        launchGroup.serverGroupId = groupId;
        launchGroup.launchOrder = groupId == "sg-a" ? 2 : 1;
        auto &launchEntries = launchGroup.serverLaunchConfigurations.emplace();
        for (const int i : members) {
            list.push_back(server("s" + std::to_string(i)));
            if (const std::optional<api::ServerReplicationParameters> params = replication(i)) {
                auto &entry = replicationEntries.emplace_back();
                entry.server = list.back();
                entry.serverReplicationParameters = params;
            }
            if (std::optional<api::ServerLaunchConfiguration> entry = launch(i)) {
                entry->server = list.back();
                entry->logicalId = "Server" + std::to_string(i);
                launchEntries.push_back(*entry);
            }
        }
    }
    return snapshot;
}

QString describe(const ChangeSet &set)
{
    QStringList lines;
    for (const Change &change : set.changes) {
        lines << QStringLiteral("%1: %2").arg(QLatin1String(change.operation()), QString::fromStdString(change.why));
        for (const std::string &line : change.details)
            lines << QStringLiteral("  ") + QString::fromStdString(line);
    }
    for (const std::string &blocker : set.blockers)
        lines << QString::fromStdString(blocker);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestPlanFromEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sharedSettingsGoToTheApplication()
    {
        const EndpointSnapshot endpoint = endpointWith(
            [](int i) { return std::optional(every(i == 3 ? 24 : 12)); },
            [](int i) { return std::optional(launchAs(i == 4 ? "r5.xlarge" : "m5.large")); });
        const models::PlanData plan = planFromEndpoint(endpoint);
        QCOMPARE(plan.applications.size(), std::size_t(1));
        const models::PlanApplication &app = plan.applications[0];
        QVERIFY(app.appId == "app-1" && app.name == "Payroll" && app.roleName == "sms-role");
        QCOMPARE(app.settings.replication->frequency, std::optional<int>(12));
        QVERIFY(app.settings.launch->instanceType == "m5.large");
        QVERIFY(!app.settings.launch->logicalId);  // SMS's, left to it
        QVERIFY(app.settings.launchRoleName == "launch-role");
        QCOMPARE(app.serverGroups[0].launchOrder, std::optional<int>(2));
        QCOMPARE(app.serverGroups[1].launchOrder, std::optional<int>(1));
        QCOMPARE(plan.serverSettings.size(), std::size_t(2));  // s3's frequency, s4's instance type
        QVERIFY(app.key != models::kNoKey && app.serverGroups[1].key != app.key);
        QCOMPARE(plan.catalog.servers.size(), std::size_t(5));

        const ChangeSet set = diffPlan(plan, endpoint);
        QVERIFY2(!set.hasChanges() && set.blockers.empty(), qPrintable(describe(set)));
    }

    // Shapes the factoring must not get wrong: a server lacking a member the
    // others share, every server different.
    void diffsWithNoChange_data()
    {
        QTest::addColumn<int>("shape");
        QTest::addRow("a server without the shared licence") << 0;
        QTest::addRow("every server different") << 2;
    }

    void diffsWithNoChange()
    {
        QFETCH(int, shape);
        const auto replication = [shape](int i) -> std::optional<api::ServerReplicationParameters> {
            api::ServerReplicationParameters p = every(shape == 2 ? i : 6);
            if (shape == 0 && i == 2)
                p.licenseType.reset();
            if (shape == 1 && i == 4)
                return std::nullopt;
            return p;
        };
        const auto launch = [shape](int i) -> std::optional<api::ServerLaunchConfiguration> {
            if (shape == 1 && i == 1)
                return std::nullopt;
            api::ServerLaunchConfiguration l = launchAs("m5.large");
            if (shape == 0 && i == 3)
                l.subnet.reset();
            if (shape == 2)
                l.instanceType = "c5." + std::to_string(i) + "xlarge";
            return l;
        };
        const EndpointSnapshot endpoint = endpointWith(replication, launch);
        const ChangeSet set = diffPlan(planFromEndpoint(endpoint), endpoint);
        QVERIFY2(!set.hasChanges() && set.blockers.empty(), qPrintable(describe(set)));
    }

    // A plan gives settings to every server of an application that has any;
    // a server the endpoint left out gets the application's, and the first
    // diff says so.
    void aServerWithoutSettingsGetsTheApplications()
    {
        const EndpointSnapshot endpoint = endpointWith(
            [](int i) { return i == 4 ? std::nullopt : std::optional(every(12)); },
            [](int) { return std::optional(launchAs("m5.large")); });
        const ChangeSet set = diffPlan(planFromEndpoint(endpoint), endpoint);
        QCOMPARE(set.changes.size(), std::size_t(1));
        QCOMPARE(QLatin1String(set.changes[0].operation()), QLatin1String("PutAppReplicationConfiguration"));
        QCOMPARE(set.changes[0].details.size(), std::size_t(1));
        QVERIFY2(set.changes[0].details[0].starts_with("s4: none yet"), set.changes[0].details[0].c_str());
    }

    void applicationsWithoutConfigurationsManageNone()
    {
        EndpointSnapshot endpoint = endpointWith([](int) { return std::optional(every(12)); },
                                                 [](int) { return std::optional(launchAs("m5.large")); });
        endpoint.applications[0].replication.reset();
        endpoint.applications[0].launch.reset();
        const models::PlanData plan = planFromEndpoint(endpoint);
        const models::ApplicationSettings &settings = plan.applications[0].settings;
        QVERIFY(!settings.replication && !settings.launch && settings.launchRoleName.empty());
        QVERIFY(plan.serverSettings.empty());
        QVERIFY(!diffPlan(plan, endpoint).hasChanges());
    }
};

QTEST_GUILESS_MAIN(TestPlanFromEndpoint)
#include "tst_planfromendpoint.moc"
