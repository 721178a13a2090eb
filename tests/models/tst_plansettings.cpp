// A server's settings as they will be put: its application's, with the
// server's own laid over them member by member.

#include "models/PlanSettings.h"

#include <QTest>

using namespace sms;
using namespace sms::models;

class TestPlanSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void overlaidTakesEverySetMember()
    {
        api::ServerLaunchConfiguration base;
        base.vpc = "vpc-app";
        base.subnet = "subnet-app";
        base.instanceType = "m5.large";
        base.userData = api::UserData{api::S3Location{"bucket", "app.sh"}};
        api::ServerLaunchConfiguration over;
        over.instanceType = "r5.xlarge";
        over.associatePublicIpAddress = false;
        over.userData = api::UserData{api::S3Location{std::nullopt, "db.sh"}};

        const api::ServerLaunchConfiguration result = overlaid(base, over);
        QVERIFY(result.vpc == "vpc-app");         // not set over: the base's
        QVERIFY(result.subnet == "subnet-app");
        QVERIFY(result.instanceType == "r5.xlarge");  // set over: replaced
        QVERIFY(result.associatePublicIpAddress == false);
        // A structured member is replaced whole, not merged.
        QVERIFY(result.userData == over.userData);
        QVERIFY(!result.ec2KeyName);
        QVERIFY(overlaid(base, api::ServerLaunchConfiguration{}) == base);
    }

    void effectiveSettings()
    {
        PlanApplication app;
        app.settings.replication = api::ServerReplicationParameters{};
        app.settings.replication->frequency = 12;
        app.settings.replication->encrypted = true;

        PlanServerSettings once;
        once.serverId = "s-2";
        once.replication = api::ServerReplicationParameters{};
        once.replication->runOnce = true;
        once.replication->frequency = 24;
        PlanServerSettings launchOnly;
        launchOnly.serverId = "s-3";
        launchOnly.launch = api::ServerLaunchConfiguration{};
        launchOnly.launch->instanceType = "t3.small";
        const std::vector<PlanServerSettings> all{once, launchOnly};

        QVERIFY(findServerSettings(all, "s-1") == nullptr);
        QVERIFY(findServerSettings(all, "s-3") == &all[1]);

        const auto plain = effectiveReplication(app, findServerSettings(all, "s-1"));
        QVERIFY(plain == *app.settings.replication);
        const auto own = effectiveReplication(app, findServerSettings(all, "s-2"));
        QVERIFY(own.frequency == 24 && own.runOnce == true && own.encrypted == true);
        // Own launch settings leave replication as the application's.
        QVERIFY(effectiveReplication(app, &all[1]) == *app.settings.replication);
        QVERIFY(effectiveLaunch(app, &all[1]).instanceType == "t3.small");
        // An application without settings gives empty ones.
        QVERIFY(effectiveLaunch(app, nullptr) == api::ServerLaunchConfiguration{});
    }

    void plannedReplicationFindsTheServersApplication()
    {
        PlanData plan;
        PlanApplication &crm = plan.applications.emplace_back();
        crm.name = "crm";
        crm.roleName = "crm-role";
        crm.settings.replication = api::ServerReplicationParameters{};
        crm.settings.replication->frequency = 6;
        crm.serverGroups.push_back(PlanServerGroup{1, {}, "web", {"s-1"}, std::nullopt, {}, {}});
        crm.serverGroups.push_back(PlanServerGroup{2, {}, "db", {"s-2"}, std::nullopt, {}, {}});
        PlanServerSettings own;
        own.serverId = "s-2";
        own.replication = api::ServerReplicationParameters{};
        own.replication->encrypted = true;
        plan.serverSettings.push_back(own);

        std::string role;
        const auto db = plannedReplication(plan, "s-2", &role);
        QVERIFY(db.has_value());
        QCOMPARE(db->frequency, std::optional<int>(6));   // the application's
        QCOMPARE(db->encrypted, std::optional<bool>(true));  // the server's own
        QCOMPARE(role, std::string("crm-role"));
        QCOMPARE(plannedReplication(plan, "s-1")->frequency, std::optional<int>(6));
        QVERIFY(!plannedReplication(plan, "s-9"));  // in no application
    }
};

QTEST_GUILESS_MAIN(TestPlanSettings)
#include "tst_plansettings.moc"
