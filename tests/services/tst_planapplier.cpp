// A plan applied to an in-process sandbox: it converges (a diff afterwards
// finds nothing), records the endpoint's ids, resumes after a cancel without
// duplicates, survives throttling, errors and dropped connections, deletes
// retired applications, and stops at a change SMS refuses.

#include "services/PlanApplier.h"

#include "client/SmsClient.h"
#include "services/SandboxHost.h"
#include "PlanRuns.h"

#include <QSignalSpy>
#include <QTest>

#include <map>

#include <optional>

using namespace sms;
using namespace sms::models;
using namespace sms::services;
using namespace sms::testing;


namespace {

// Two applications applied, then the first retired: taken out of the plan,
// or (`keep`) left in it too, as a refresh once did.
PlanData firstRetired(client::SmsClient &client, SandboxHost &host, bool keep)
{
    const ApplyRun run = apply(client, planOf(host, 2));
    if (!run.result || !run.result->ok())
        qWarning("the first apply failed: %s", whyNot(run.result));
    PlanData plan = run.plan;
    plan.retiredAppIds = {plan.applications[0].appId};
    if (!keep)
        plan.applications.erase(plan.applications.begin());
    return plan;
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
        const PlanData plan = firstRetired(client, host, false);
        const ApplyRun deletion = apply(client, plan);
        QVERIFY2(deletion.result && deletion.result->ok(), whyNot(deletion.result));
        QCOMPARE(deletion.operations, std::vector<std::string>{"DeleteApp"});
        QVERIFY(deletion.plan.retiredAppIds.empty());
        verifyConverged(client, deletion.plan);
    }

    // Whatever a plan's data says, an application it holds is never deleted
    // (a refresh once left its id in retiredAppIds too, and Apply deleted it).
    void neverDeletesWhatThePlanHolds()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const ApplyRun again = apply(client, firstRetired(client, host, true));
        QVERIFY2(again.result && again.result->ok(), whyNot(again.result));
        QVERIFY(again.operations.empty());
        verifyConverged(client, again.plan);
    }

    // "The endpoint matches the plan" only after a fresh read says so: a
    // change made behind the applier's back shows in remaining().
    void startsFromTheReviewedSnapshot()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const ApplyRun first = apply(client, planOf(host, 3));
        QVERIFY2(first.result && first.result->ok(), whyNot(first.result));
        PlanData plan = first.plan;
        plan.applications[1].name = "Renamed in the plan";
        const auto reviewed = snapshot(client);  // what Review Changes read and showed
        QVERIFY(reviewed && reviewed->ok());

        QSignalSpy calls(&client, &client::SmsClient::callFinished);
        const ApplyRun run = apply(client, plan, {}, &reviewed->value());
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        QCOMPARE(run.operations, std::vector<std::string>{"UpdateApp"});
        QVERIFY(!run.remaining.hasChanges());
        std::map<QString, int> count;
        for (const QList<QVariant> &call : calls)
            ++count[call.first().value<client::CallRecord>().operation];
        // Nothing listed again; only the renamed application read before and
        // after its change, then each once in the final check.
        QCOMPARE(count[QStringLiteral("ListApps")], 0);
        QCOMPARE(count[QStringLiteral("GetServers")], 0);
        QCOMPARE(count[QStringLiteral("GetApp")], 2 + 3);
        verifyConverged(client, run.plan);
    }

    void verifiesWithAFreshRead()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const PlanData plan = firstRetired(client, host, false);
        // The deletion is the run's last change: someone renames the other application meanwhile.
        const ApplyRun run = apply(client, plan, [&](PlanApplier *, int) {
            for (sandbox::AppRecord &app : host.engine().state().apps)
                if (app.id == plan.applications[0].appId)
                    app.name = "Renamed elsewhere";
        });
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        QCOMPARE(run.remaining.changes.size(), std::size_t(1));
        const std::string summary = appliedSummary(run.result->value(), run.remaining);
        QVERIFY2(summary.find("still differs") != std::string::npos && summary.find("UpdateApp") != std::string::npos,
                 summary.c_str());

        const ApplyRun again = apply(client, run.plan);  // puts the name back
        QVERIFY2(again.result && again.result->ok(), whyNot(again.result));
        QCOMPARE(again.operations, std::vector<std::string>{"UpdateApp"});
        QVERIFY(!again.remaining.hasChanges());
        QVERIFY(appliedSummary(again.result->value(), again.remaining).find("a fresh read shows the endpoint matches the plan")
                != std::string::npos);
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
