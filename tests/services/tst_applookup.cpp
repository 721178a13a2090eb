// An APP argument to the application it names: an exact id wins, a name must
// match exactly and be unique; otherwise the error says what was looked for,
// which ids share the name, or which name differs only in case. lookUpApp
// reads every page of ListApps first; findPlanApp looks among a plan's.

#include "services/AppLookup.h"

#include "AwaitResult.h"
#include "FakeServerConfig.h"
#include "FakeSmsServer.h"

#include "api/JsonCodec.h"
#include "client/SmsClient.h"

#include <QTest>

using namespace sms;
using namespace sms::services;

namespace {

api::AppSummary app(const char *id, const char *name)
{
    api::AppSummary summary;
    summary.appId = id;
    summary.name = name;
    return summary;
}

using Apps = std::vector<api::AppSummary>;

} // namespace

Q_DECLARE_METATYPE(Apps)

class TestAppLookup : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void finds_data()
    {
        QTest::addColumn<Apps>("apps");
        QTest::addColumn<QString>("nameOrId");
        QTest::addColumn<QString>("expectedId");  // empty: an error
        QTest::addColumn<QStringList>("message");  // each must appear in the error
        const Apps apps{app("app-1", "shop"), app("app-2", "web"), app("app-3", "shop"), app("app-4", "Billing"),
                        app("app-5", "app-2")};
        QTest::addRow("by id") << apps << "app-1" << "app-1" << QStringList{};
        QTest::addRow("a unique name") << apps << "web" << "app-2" << QStringList{};
        QTest::addRow("an id wins over a name that looks like it") << apps << "app-2" << "app-2" << QStringList{};
        QTest::addRow("a name that looks like an id") << Apps{app("app-9", "app-2")} << "app-2" << "app-9"
                                                      << QStringList{};
        QTest::addRow("a shared name") << apps << "shop" << QString()
                                       << QStringList{QStringLiteral("Several applications are named \u201Cshop\u201D"),
                                                      QStringLiteral("(app-1, app-3)"),
                                                      QStringLiteral("give the id")};
        QTest::addRow("nothing of that name")
            << apps << "mail" << QString()
            << QStringList{QStringLiteral("No application has the id or the name \u201Cmail\u201D.")};
        QTest::addRow("a name in another case")
            << apps << "billing" << QString()
            << QStringList{QStringLiteral("\u201Cbilling\u201D"),
                           QStringLiteral("\u201CBilling\u201D (app-4) differs only in case")};
        QTest::addRow("part of a name") << apps << "sho" << QString() << QStringList{QStringLiteral("\u201Csho\u201D")};
        QTest::addRow("no applications") << Apps{} << "app-1" << QString()
                                         << QStringList{QStringLiteral("\u201Capp-1\u201D")};
    }

    void finds()
    {
        QFETCH(Apps, apps);
        QFETCH(QString, nameOrId);
        QFETCH(QString, expectedId);
        QFETCH(QStringList, message);
        const auto found = findApp(apps, nameOrId);
        if (!expectedId.isEmpty()) {
            QVERIFY2(found.ok(), found.ok() ? "" : found.error().message.c_str());
            QCOMPARE(QString::fromStdString(found->appId.value_or("")), expectedId);
            return;
        }
        QVERIFY(!found.ok());
        QVERIFY(found.error().errorCode() == ErrorCode::InvalidRequest);
        const QString text = QString::fromStdString(found.error().message);
        for (const QString &part : message)
            QVERIFY2(text.contains(part), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("app-2")));
    }

    void findsInThePlan_data()
    {
        QTest::addColumn<QString>("nameOrId");
        QTest::addColumn<int>("row");  // -1: an error
        QTest::addRow("a name") << "web" << 1;
        QTest::addRow("an id") << "app-3" << 2;
        QTest::addRow("an application not applied yet, by name") << "new" << 3;
        QTest::addRow("a shared name") << "shop" << -1;
        QTest::addRow("a name in another case") << "WEB" << -1;
        QTest::addRow("an empty name is no application's id") << "" << -1;
    }

    // The plan's applications by the same rules; one not at the endpoint yet has only its name.
    void findsInThePlan()
    {
        QFETCH(QString, nameOrId);
        QFETCH(int, row);
        std::vector<models::PlanApplication> apps(4);
        const char *names[] = {"shop", "web", "shop", "new"};
        const char *ids[] = {"app-1", "app-2", "app-3", ""};
        for (std::size_t i = 0; i < apps.size(); ++i) {
            apps[i].key = models::PlanKey(i + 1);
            apps[i].name = names[i];
            apps[i].appId = ids[i];
        }
        const auto found = findPlanApp(apps, nameOrId);
        QCOMPARE(found.ok() ? int(found.value()) : -1, row);
        if (!found.ok())
            QVERIFY2(found.error().message.find("\u201C" + nameOrId.toStdString() + "\u201D") != std::string::npos,
                     found.error().message.c_str());
    }

    // The match may be on any page, and a name shared across pages is found shared.
    void readsEveryPage_data()
    {
        QTest::addColumn<QString>("nameOrId");
        QTest::addColumn<QString>("expectedId");
        QTest::addRow("on the second page") << "db" << "app-3";
        QTest::addRow("shared across pages") << "shop" << QString();
    }

    void readsEveryPage()
    {
        QFETCH(QString, nameOrId);
        QFETCH(QString, expectedId);
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(
            R"({"apps":[{"appId":"app-1","name":"shop"},{"appId":"app-2","name":"web"}],"nextToken":"p2"})"));
        server.enqueue(FakeSmsServer::json(R"({"apps":[{"appId":"app-3","name":"db"},{"appId":"app-4","name":"shop"}]})"));
        client::SmsClient client(sms::testing::configFor(server));
        const auto found = awaitResult<api::AppSummary>(
            [&](QObject *context, auto done) { lookUpApp(client, nameOrId, context, done); });
        QCOMPARE(server.requests().size(), 2);
        if (expectedId.isEmpty()) {
            QVERIFY(!found.ok());
            QVERIFY2(found.error().message.find("(app-1, app-4)") != std::string::npos, found.error().message.c_str());
        } else {
            QVERIFY(found.ok());
            QCOMPARE(QString::fromStdString(found->appId.value_or("")), expectedId);
        }
    }

    void listsTheJobsOfItsServers()
    {
        const auto reply = sms::api::parse<api::GetAppResponse>(
            R"({"serverGroups":[{"serverList":[{"serverId":"s-1","replicationJobId":"sms-job-1"},{"serverId":"s-2"}]},)"
            R"({"serverList":[{"serverId":"s-3","replicationJobId":"sms-job-3"}]},{"name":"empty"}]})");
        QVERIFY(reply.ok());
        QCOMPARE(replicationJobIdsOf(reply.value()), (std::vector<std::string>{"sms-job-1", "sms-job-3"}));
        QVERIFY(replicationJobIdsOf(api::GetAppResponse{}).empty());
    }

    void passesOnAServiceError()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::awsError("AccessDeniedException", "not allowed",
                                                   QHttpServerResponder::StatusCode::Forbidden));
        client::SmsClient client(sms::testing::configFor(server));
        const auto found = awaitResult<api::AppSummary>(
            [&](QObject *context, auto done) { lookUpApp(client, QStringLiteral("shop"), context, done); });
        QVERIFY(!found.ok());
        QCOMPARE(found.error().code, std::string("AccessDeniedException"));
    }
};

QTEST_GUILESS_MAIN(TestAppLookup)
#include "tst_applookup.moc"
