// Plan applications as requests, and answers' groups matched with the plan's.
// (The apply engine that sends them is tested in tst_planapplier; refresh in tst_refreshmerge.)

#include "services/AppSync.h"

#include <QTest>

using namespace sms;
using namespace sms::services;
using models::PlanApplication;
using models::PlanServerGroup;

namespace {

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

api::Server serverWithId(std::string id)
{
    api::Server server;
    server.serverId = std::move(id);
    return server;
}

} // namespace

class TestAppSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
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
