// Plan applications to and from an in-process sandbox: new applications come
// back with their ids, updates keep and add group ids, deletions go, and a
// refresh reads back what was pushed; one bad application fails alone, with
// the service's words.

#include "services/AppSync.h"

#include "client/SmsClient.h"
#include "services/PlainWords.h"
#include "services/SandboxHost.h"

#include <QPointer>
#include <QTest>

#include <map>
#include <optional>

using namespace sms;
using namespace sms::services;
using models::PlanApplication;
using models::PlanServerGroup;

namespace {

struct Progress
{
    int done;
    int total;
    QString current;

    bool operator==(const Progress &) const = default;
};

struct PushRun
{
    std::vector<Progress> progress;
    std::vector<models::PlanKey> pushedSignals;
    std::vector<std::string> deletedSignals;
    std::optional<AppPushReport> report;
};

PushRun push(client::SmsClient &client, std::vector<PlanApplication> apps, std::vector<std::string> deletions,
             std::function<void(AppPush *, const Progress &)> onProgress = {})
{
    PushRun run;
    QObject context;
    auto *pusher = new AppPush(client, std::move(apps), std::move(deletions), &context);
    QObject::connect(pusher, &AppPush::progress, pusher,
                     [&run, pusher, onProgress](int done, int total, const QString &current) {
                         run.progress.push_back({done, total, current});
                         if (onProgress)
                             onProgress(pusher, run.progress.back());
                     });
    QObject::connect(pusher, &AppPush::appPushed, pusher,
                     [&run](const AppPushOutcome &outcome) { run.pushedSignals.push_back(outcome.appKey); });
    QObject::connect(pusher, &AppPush::appDeleted, pusher,
                     [&run](const AppDeletionOutcome &outcome) { run.deletedSignals.push_back(outcome.appId); });
    QObject::connect(pusher, &AppPush::finished, pusher, [&run](const AppPushReport &report) { run.report = report; });
    pusher->start();
    if (!QTest::qWaitFor([&] { return run.report.has_value(); }, 20'000))
        qWarning("the push did not finish");
    return run;
}

struct RefreshRun
{
    std::vector<std::pair<int, int>> progress;
    std::optional<Result<std::vector<PlanApplication>>> result;
};

RefreshRun refresh(client::SmsClient &client)
{
    RefreshRun run;
    QObject context;
    auto *refresher = new AppRefresh(client, &context);
    QObject::connect(refresher, &AppRefresh::progress, refresher,
                     [&run](int done, int total) { run.progress.emplace_back(done, total); });
    QObject::connect(refresher, &AppRefresh::finished, refresher,
                     [&run](const Result<std::vector<PlanApplication>> &result) { run.result = result; });
    refresher->start();
    if (!QTest::qWaitFor([&] { return run.result.has_value(); }, 20'000))
        qWarning("the refresh did not finish");
    return run;
}

PlanServerGroup group(models::PlanKey key, std::string name, std::vector<std::string> serverIds)
{
    PlanServerGroup g;
    g.key = key;
    g.name = std::move(name);
    g.serverIds = std::move(serverIds);
    return g;
}

PlanApplication application(models::PlanKey key, std::string name, std::vector<PlanServerGroup> groups)
{
    PlanApplication app;
    app.key = key;
    app.name = std::move(name);
    app.description = "The " + app.name + " service";
    app.roleName = "sms-migration";
    app.serverGroups = std::move(groups);
    return app;
}

// What the endpoint holds of an application: everything but the plan's keys.
bool sameOnEndpoint(const PlanApplication &a, const PlanApplication &b)
{
    if (a.appId != b.appId || a.name != b.name || a.description != b.description || a.roleName != b.roleName
        || a.tags != b.tags || a.serverGroups.size() != b.serverGroups.size())
        return false;
    for (std::size_t i = 0; i < a.serverGroups.size(); ++i) {
        const PlanServerGroup &x = a.serverGroups[i];
        const PlanServerGroup &y = b.serverGroups[i];
        if (x.serverGroupId != y.serverGroupId || x.name != y.name || x.serverIds != y.serverIds)
            return false;
    }
    return true;
}

// Writes the ids a push handed back into the plan, as the GUI will.
void adoptIds(std::vector<PlanApplication> &plan, const AppPushReport &report)
{
    for (const AppPushOutcome &outcome : report.pushed) {
        if (!outcome.ids)
            continue;
        for (PlanApplication &app : plan) {
            if (app.key != outcome.appKey)
                continue;
            app.appId = outcome.ids->appId;
            for (const auto &[key, id] : outcome.ids->serverGroupIds) {
                for (PlanServerGroup &g : app.serverGroups) {
                    if (g.key == key)
                        g.serverGroupId = id;
                }
            }
        }
    }
}

api::Server serverWithId(std::string id)
{
    api::Server server;
    server.serverId = std::move(id);
    return server;
}

const char *describe(const Result<EndpointIds> &ids)
{
    static std::string text;
    text = ids ? "ok" : ids.error().describe();
    return text.c_str();
}

} // namespace

class TestAppSync : public QObject
{
    Q_OBJECT

private:
    std::vector<std::string> serverIds(SandboxHost &host, std::size_t count)
    {
        std::vector<std::string> ids;
        for (std::size_t i = 0; i < count; ++i)
            ids.push_back(*host.engine().state().estate.servers[i].server.serverId);
        return ids;
    }

private Q_SLOTS:
    void pushesUpdatesDeletesAndReadsBack()
    {
        SandboxHost host({.servers = 200, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const auto s = serverIds(host, 8);

        // Two new applications.
        std::vector<PlanApplication> plan{
            application(1, "Payroll", {group(11, "web", {s[0], s[1]}), group(12, "db", {s[2]})}),
            application(2, "CRM", {group(21, "all", {s[3], s[4], s[5]})}),
        };
        plan[0].tags = {api::Tag{"env", "prod"}, api::Tag{"owner", "hr"}};
        PushRun created = push(client, plan, {});
        QVERIFY(created.report.has_value());
        QVERIFY(created.report->allSucceeded());
        QVERIFY(created.progress
                == (std::vector<Progress>{{0, 2, QStringLiteral("Payroll")}, {1, 2, QStringLiteral("CRM")},
                                          {2, 2, QString()}}));
        QVERIFY(created.pushedSignals == (std::vector<models::PlanKey>{1, 2}));
        const EndpointIds &payroll = created.report->pushed[0].ids.value();
        const EndpointIds &crm = created.report->pushed[1].ids.value();
        QVERIFY(payroll.appId.starts_with("app-"));
        QVERIFY(crm.appId.starts_with("app-"));
        QVERIFY(payroll.appId != crm.appId);
        QCOMPARE(payroll.serverGroupIds.size(), size_t(2));
        QCOMPARE(payroll.serverGroupIds[0].first, models::PlanKey(11));
        QCOMPARE(payroll.serverGroupIds[1].first, models::PlanKey(12));
        QVERIFY(payroll.serverGroupIds[0].second.starts_with("sg-"));
        QVERIFY(payroll.serverGroupIds[0].second != payroll.serverGroupIds[1].second);
        adoptIds(plan, *created.report);

        // Payroll changes: a new name, the db group gets other servers, a new
        // group takes s2; CRM goes.
        PlanApplication &app = plan[0];
        app.name = "Payroll 2";
        app.description.clear();
        app.serverGroups[1].serverIds = {s[6]};
        app.serverGroups.push_back(group(13, "cache", {s[2], s[7]}));
        app.tags = {api::Tag{"env", "test"}};
        const std::string webId = app.serverGroups[0].serverGroupId;
        const std::string dbId = app.serverGroups[1].serverGroupId;
        PushRun updated = push(client, {app}, {plan[1].appId});
        QVERIFY(updated.report && updated.report->allSucceeded());
        QVERIFY(updated.deletedSignals == std::vector<std::string>{plan[1].appId});
        // Deletions go first.
        QVERIFY(updated.progress.front() == (Progress{0, 2, QString::fromStdString(plan[1].appId)}));
        const EndpointIds &ids = updated.report->pushed[0].ids.value();
        QCOMPARE(ids.appId, app.appId);
        QCOMPARE(ids.serverGroupIds.size(), size_t(3));
        QVERIFY(ids.serverGroupIds[0] == std::make_pair(models::PlanKey(11), webId));
        QVERIFY(ids.serverGroupIds[1] == std::make_pair(models::PlanKey(12), dbId));
        QCOMPARE(ids.serverGroupIds[2].first, models::PlanKey(13));
        QVERIFY(ids.serverGroupIds[2].second.starts_with("sg-"));
        plan.pop_back();
        adoptIds(plan, *updated.report);

        // The endpoint now holds exactly the plan.
        RefreshRun read = refresh(client);
        QVERIFY(read.result.has_value());
        QVERIFY2(read.result->ok(), read.result->ok() ? "" : read.result->error().describe().c_str());
        const auto &apps = read.result->value();
        QCOMPARE(apps.size(), size_t(1));
        QVERIFY(sameOnEndpoint(apps[0], plan[0]));
        QCOMPARE(apps[0].key, models::kNoKey);
        QCOMPARE(apps[0].serverGroups[0].key, models::kNoKey);
        QVERIFY(read.progress.back() == std::make_pair(1, 1));
    }

    void oneBadApplicationFailsAlone()
    {
        SandboxHost host({.servers = 200, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const auto s = serverIds(host, 4);

        std::vector<PlanApplication> plan{
            application(1, "First", {group(11, "g", {s[0]})}),
            application(2, "Broken", {group(21, "g", {s[1], "s-0123456789abcdef0"})}),
            application(3, "Third", {group(31, "g", {s[2], s[3]})}),
        };
        PushRun run = push(client, plan, {"app-00000000000000000"});
        QVERIFY(run.report.has_value());
        QVERIFY(!run.report->allSucceeded());
        QVERIFY2(run.report->pushed[0].ids.ok(), describe(run.report->pushed[0].ids));
        QVERIFY2(run.report->pushed[2].ids.ok(), describe(run.report->pushed[2].ids));
        const Result<EndpointIds> &broken = run.report->pushed[1].ids;
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().errorCode() == ErrorCode::InvalidParameterException);
        QCOMPARE(QString::fromStdString(broken.error().message),
                 QStringLiteral("Server s-0123456789abcdef0 is not in the server catalog."));
        QVERIFY(plainWords(broken.error())
                    .contains(QStringLiteral("s-0123456789abcdef0 is not in the server catalog")));
        QCOMPARE(run.report->pushed[1].appKey, models::PlanKey(2));
        QVERIFY(!run.report->deleted[0].result.ok());  // an app that does not exist
        QVERIFY(run.report->deleted[0].result.error().errorCode() == ErrorCode::InvalidParameterException);

        RefreshRun read = refresh(client);
        QVERIFY(read.result && read.result->ok());
        QCOMPARE(read.result->value().size(), size_t(2));
        QCOMPARE(read.result->value()[0].name, std::string("First"));
        QCOMPARE(read.result->value()[1].name, std::string("Third"));
    }

    void refreshesManyApplicationsInOrder()
    {
        SandboxHost host({.servers = 200, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const auto s = serverIds(host, 11);
        std::vector<PlanApplication> plan;
        for (int i = 0; i < 11; ++i)
            plan.push_back(application(models::PlanKey(i + 1), "App " + std::to_string(i),
                                       {group(models::PlanKey(100 + i), "g", {s[std::size_t(i)]})}));
        PushRun created = push(client, plan, {});
        QVERIFY(created.report && created.report->allSucceeded());
        adoptIds(plan, *created.report);

        RefreshRun read = refresh(client);
        QVERIFY(read.result && read.result->ok());
        const auto &apps = read.result->value();
        QCOMPARE(apps.size(), plan.size());
        for (std::size_t i = 0; i < apps.size(); ++i)
            QVERIFY2(sameOnEndpoint(apps[i], plan[i]), apps[i].name.c_str());
        QVERIFY(read.progress.front() == std::make_pair(0, 11));
        QVERIFY(read.progress.back() == std::make_pair(11, 11));
        QCOMPARE(read.progress.size(), size_t(12));
    }

    void refreshesTheDemoApplications()
    {
        SandboxHost host;  // the GUI's default sandbox, with its four demo applications
        QVERIFY(host.demoReady().ok());
        client::SmsClient client(host.start().value());
        RefreshRun read = refresh(client);
        QVERIFY(read.result && read.result->ok());
        std::map<std::string, PlanApplication> byName;
        for (const PlanApplication &app : read.result->value())
            byName[app.name] = app;
        QCOMPARE(byName.size(), size_t(4));
        QCOMPARE(byName["CRM"].serverGroups.empty(), false);
        std::size_t servers = 0;
        for (const PlanServerGroup &g : byName["CRM"].serverGroups)
            servers += g.serverIds.size();
        QCOMPARE(servers, size_t(5));
    }

    void cancelLeavesTheRestUndone()
    {
        SandboxHost host({.servers = 200, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const auto s = serverIds(host, 5);
        std::vector<PlanApplication> plan;
        for (int i = 0; i < 5; ++i)
            plan.push_back(application(models::PlanKey(i + 1), "App " + std::to_string(i),
                                       {group(models::PlanKey(100 + i), "g", {s[std::size_t(i)]})}));
        PushRun run = push(client, plan, {}, [](AppPush *pusher, const Progress &p) {
            if (p.done == 2)
                pusher->cancel();  // the third is on its way
        });
        QVERIFY(run.report.has_value());
        const auto &pushed = run.report->pushed;
        QVERIFY(pushed[0].ids.ok() && pushed[1].ids.ok());
        for (std::size_t i = 2; i < 5; ++i)
            QVERIFY(!pushed[i].ids.ok() && pushed[i].ids.error().errorCode() == ErrorCode::Canceled);
        QCOMPARE(pushed[4].appKey, models::PlanKey(5));
        QCOMPARE(run.pushedSignals.size(), size_t(3));  // the third reports its cancel too
        QVERIFY(run.progress.back() == (Progress{2, 5, QStringLiteral("App 2")}));

        // The third call was stopped before it left this process, nothing after it was sent.
        RefreshRun read = refresh(client);
        QVERIFY(read.result && read.result->ok());
        QCOMPARE(read.result->value().size(), size_t(2));
    }

    void buildsRequests()
    {
        PlanApplication app = application(7, "Web", {group(71, "front", {"s-1", "s-2"}), group(72, "", {})});
        app.serverGroups[0].serverGroupId = "sg-stale";
        app.description.clear();

        const api::CreateAppRequest create = createAppRequest(app);
        QVERIFY(create.name == std::optional<std::string>("Web"));
        QVERIFY(!create.description.has_value());  // nothing to say
        QVERIFY(!create.tags.has_value());
        QCOMPARE(create.serverGroups->size(), size_t(2));
        QVERIFY(!(*create.serverGroups)[0].serverGroupId.has_value());  // a new app has no groups yet
        QVERIFY((*create.serverGroups)[0].serverList
                == (std::vector<api::Server>{serverWithId("s-1"), serverWithId("s-2")}));
        QVERIFY(!(*create.serverGroups)[1].name.has_value());

        app.appId = "app-1";
        const api::UpdateAppRequest update = updateAppRequest(app);
        QVERIFY(update.appId == std::optional<std::string>("app-1"));
        QVERIFY(update.description == std::optional<std::string>(""));  // clears it at the endpoint
        QVERIFY(update.tags == std::optional<std::vector<api::Tag>>(std::vector<api::Tag>{}));
        QVERIFY((*update.serverGroups)[0].serverGroupId == std::optional<std::string>("sg-stale"));
        QVERIFY(!(*update.serverGroups)[1].serverGroupId.has_value());

        const api::DeleteAppRequest deletion = deleteAppRequest("app-1");
        QVERIFY(deletion.forceStopAppReplication == std::optional<bool>(false));
        QVERIFY(deletion.forceTerminateApp == std::optional<bool>(false));
    }

    void matchesServerGroups_data()
    {
        QTest::addColumn<QStringList>("plan");    // id:name per group (id may be empty), keys 1, 2, ...
        QTest::addColumn<QStringList>("answer");  // id:name per group
        QTest::addColumn<QStringList>("expected");  // key=id

        QTest::addRow("by position") << QStringList{QStringLiteral(":a"), QStringLiteral(":b")}
                                     << QStringList{QStringLiteral("sg-1:a"), QStringLiteral("sg-2:b")}
                                     << QStringList{QStringLiteral("1=sg-1"), QStringLiteral("2=sg-2")};
        QTest::addRow("by id, reordered") << QStringList{QStringLiteral("sg-2:b"), QStringLiteral("sg-1:a")}
                                          << QStringList{QStringLiteral("sg-1:a"), QStringLiteral("sg-2:b")}
                                          << QStringList{QStringLiteral("1=sg-2"), QStringLiteral("2=sg-1")};
        QTest::addRow("by name, reordered") << QStringList{QStringLiteral(":b"), QStringLiteral(":a")}
                                            << QStringList{QStringLiteral("sg-1:a"), QStringLiteral("sg-2:b")}
                                            << QStringList{QStringLiteral("1=sg-2"), QStringLiteral("2=sg-1")};
        QTest::addRow("a name the endpoint gave")
            << QStringList{QStringLiteral(":")} << QStringList{QStringLiteral("sg-1:Server group 1")}
            << QStringList{QStringLiteral("1=sg-1")};
        QTest::addRow("the answer has fewer") << QStringList{QStringLiteral(":a"), QStringLiteral(":b")}
                                              << QStringList{QStringLiteral("sg-2:b")}
                                              << QStringList{QStringLiteral("2=sg-2")};
    }

    void matchesServerGroups()
    {
        QFETCH(QStringList, plan);
        QFETCH(QStringList, answer);
        QFETCH(QStringList, expected);
        std::vector<PlanServerGroup> planGroups;
        for (const QString &entry : plan) {
            PlanServerGroup g;
            g.key = models::PlanKey(planGroups.size() + 1);
            g.serverGroupId = entry.section(QLatin1Char(':'), 0, 0).toStdString();
            g.name = entry.section(QLatin1Char(':'), 1).toStdString();
            planGroups.push_back(g);
        }
        std::vector<api::ServerGroup> answerGroups;
        for (const QString &entry : answer) {
            api::ServerGroup g;
            g.serverGroupId = entry.section(QLatin1Char(':'), 0, 0).toStdString();
            g.name = entry.section(QLatin1Char(':'), 1).toStdString();
            answerGroups.push_back(g);
        }
        QStringList matched;
        for (const auto &[key, id] : matchServerGroups(planGroups, answerGroups))
            matched << QStringLiteral("%1=%2").arg(key).arg(QString::fromStdString(id));
        QCOMPARE(matched, expected);
    }
};

QTEST_GUILESS_MAIN(TestAppSync)
#include "tst_appsync.moc"
