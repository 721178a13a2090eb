// Many servers' own settings edited as one: what they own in common and
// where they differ (mixed), an edit that sets, clears and keeps members,
// and PlanEditor's one undo step for 5,000 servers.

#include "PlanFixtures.h"

#include "models/BulkSettings.h"
#include "models/PlanEditor.h"
#include "models/PlanSettings.h"

#include <QSignalSpy>
#include <QTest>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;

namespace {

// s1..s3 in one group; s1 and s2 own launch settings, s3 none.
PlanData threeServers()
{
    PlanData plan = planFrom(QStringLiteral("Shop{web:s1,s2,s3}"), servers(1, 3));
    PlanServerSettings one{"s1", std::nullopt, api::ServerLaunchConfiguration{}};
    one.launch->instanceType = "m5.large";
    one.launch->subnet = "subnet-1";
    PlanServerSettings two{"s2", std::nullopt, api::ServerLaunchConfiguration{}};
    two.launch->instanceType = "m5.large";
    two.launch->subnet = "subnet-2";
    plan.serverSettings = {one, two};
    return plan;
}

} // namespace

class TestBulkSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commonAndMixed()
    {
        const PlanData plan = threeServers();
        const auto both = launchAcross(plan, {"s1", "s2"});
        QCOMPARE(both.common.instanceType, std::optional<std::string>("m5.large"));  // alike
        QVERIFY(!both.common.subnet);                                                // differ
        QCOMPARE(both.mixed, (std::set<std::string>{"subnet"}));
        // s3 owns none: every member s1 owns is mixed with it.
        const auto all = launchAcross(plan, {"s1", "s2", "s3"});
        QCOMPARE(all.mixed, (std::set<std::string>{"instanceType", "subnet"}));
        const auto one = launchAcross(plan, {"s1"});
        QVERIFY(one.mixed.empty());
        QCOMPARE(one.common.subnet, std::optional<std::string>("subnet-1"));
        QVERIFY(replicationAcross(plan, {"s1", "s2"}).common == api::ServerReplicationParameters{});
    }

    // Set one member, clear another, keep the mixed one as each server has it.
    void setClearKeep()
    {
        const PlanData plan = threeServers();
        BulkSettingsEdit edit;
        edit.launch.set.securityGroup = "sg-1";
        edit.launch.cleared = {"instanceType"};
        const auto changed = bulkEdited(plan, {"s1", "s2", "s3"}, edit);
        QCOMPARE(changed.size(), std::size_t(3));
        QCOMPARE(changed[0].launch->subnet, std::optional<std::string>("subnet-1"));  // kept, mixed
        QCOMPARE(changed[1].launch->subnet, std::optional<std::string>("subnet-2"));
        QVERIFY(!changed[0].launch->instanceType);  // cleared: the application's applies
        QCOMPARE(changed[2].launch->securityGroup, std::optional<std::string>("sg-1"));
        QVERIFY(!changed[2].replication);

        // Clearing all a server owned leaves it nothing of its own.
        BulkSettingsEdit clearAll;
        clearAll.launch.cleared = {"instanceType", "subnet"};
        const auto cleared = bulkEdited(plan, {"s1"}, clearAll);
        QCOMPARE(cleared.size(), std::size_t(1));
        QVERIFY(!cleared[0].launch);
        QVERIFY(bulkEdited(plan, {"s1", "s2"}, BulkSettingsEdit{}).empty());  // nothing to do
    }

    // 5,000 servers, one undo step; undo gives every server back what it owned.
    void fiveThousandServersOneStep()
    {
        PlanDocument document;
        document.reset(planFrom(QStringLiteral("Big{all:") + [] {
            QStringList ids;
            for (int i = 1; i <= 5000; ++i)
                ids << QStringLiteral("s%1").arg(i);
            return ids.join(QLatin1Char(','));
        }() + QLatin1Char('}'), servers(1, 5000)));
        PlanEditor editor(document);
        std::vector<std::string> ids;
        for (int i = 1; i <= 5000; ++i)
            ids.push_back("s" + std::to_string(i));
        // s1 owns a frequency of its own, which a launch edit keeps.
        PlanServerSettings own{"s1", api::ServerReplicationParameters{}, std::nullopt};
        own.replication->frequency = 6;
        editor.editServerSettings({"s1"}, [&] {
            BulkSettingsEdit edit;
            edit.replication.set = *own.replication;
            return edit;
        }());
        QCOMPARE(document.undoStack().count(), 1);

        BulkSettingsEdit edit;
        edit.launch.set.instanceType = "t3.medium";
        QCOMPARE(editor.editServerSettings(ids, edit), 5000);
        QCOMPARE(document.undoStack().count(), 2);
        QCOMPARE(document.data().serverSettings.size(), std::size_t(5000));
        const PlanServerSettings *first = findServerSettings(document.data().serverSettings, "s1");
        QVERIFY(first && first->replication && first->replication->frequency == 6);
        QCOMPARE(first->launch->instanceType, std::optional<std::string>("t3.medium"));
        QCOMPARE(document.undoStack().undoText(), QStringLiteral("Change the settings of 5000 server(s)"));

        document.undoStack().undo();
        QCOMPARE(document.data().serverSettings.size(), std::size_t(1));
        QVERIFY(!findServerSettings(document.data().serverSettings, "s1")->launch);
        document.undoStack().redo();
        QCOMPARE(document.data().serverSettings.size(), std::size_t(5000));
        QCOMPARE(editor.editServerSettings(ids, edit), 0);  // already so: no step
        QCOMPARE(document.undoStack().count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestBulkSettings)
#include "tst_bulksettings.moc"
