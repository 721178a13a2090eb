// sms-plan as a user runs it: a real process against a scripted endpoint,
// checking what it sends, what it prints and how it exits.

#include "FakeSmsServer.h"
#include "RunProcess.h"

#include "api/JsonCodec.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using Status = QHttpServerResponder::StatusCode;
using sms::testing::Run;

namespace {

Run runPlan(const QStringList &arguments, const QProcessEnvironment &env)
{
    return sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY), arguments, env);
}

QByteArray serversPage(int first, int count, const char *nextToken)
{
    sms::api::Json page{{"serverCatalogStatus", "AVAILABLE"}, {"serverList", sms::api::Json::array()}};
    for (int i = first; i < first + count; ++i)
        page["serverList"].push_back({{"serverId", "s-" + std::to_string(i)},
                                      {"vmServer", {{"vmName", "web-" + std::to_string(i)}}}});
    if (nextToken)
        page["nextToken"] = nextToken;
    return QByteArray::fromStdString(page.dump());
}

sms::api::Json json(const QByteArray &text)
{
    return sms::api::Json::parse(text.toStdString());
}

} // namespace

class TestSmsPlan : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_home.isValid());
        m_env = sms::testing::cliEnvironment(m_home.path());
    }

    void listsEveryServerWithAll()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(serversPage(0, 3, "next-1")));
        server.enqueue(FakeSmsServer::json(serversPage(3, 2, nullptr)));
        const Run run = runPlan({QStringLiteral("--endpoint-url"), server.url().toString(), QStringLiteral("servers"),
                                 QStringLiteral("list"), QStringLiteral("--all"), QStringLiteral("--page-size"),
                                 QStringLiteral("3")},
                                m_env);
        QCOMPARE(run.exitCode, 0);
        const auto output = json(run.out);
        QCOMPARE(output["serverList"].size(), size_t(5));
        QVERIFY(output["serverList"][4]["serverId"] == "s-4");
        QVERIFY(!output.contains("nextToken"));
        const auto sent = server.requests();
        QCOMPARE(sent.size(), 2);
        QVERIFY(json(sent[0].body) == sms::api::Json({{"maxResults", 3}}));
        QVERIFY(json(sent[1].body)["nextToken"] == "next-1");
        QVERIFY(sent[0].header("Authorization").contains("/eu-west-1/sms/aws4_request"));
    }

    // --all without --page-size asks for the largest pages; without --all,
    // for the service's default, as the AWS CLI does.
    void allAsksForTheLargestPages_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<int>("maxResults");  // 0: none sent

        QTest::addRow("servers") << QStringList{QStringLiteral("servers"), QStringLiteral("list"), QStringLiteral("--all")}
                                 << QByteArray("{\"serverList\":[]}") << 1000;
        QTest::addRow("connectors") << QStringList{QStringLiteral("connectors"), QStringLiteral("list"), QStringLiteral("--all")}
                                    << QByteArray("{\"connectorList\":[]}") << 1000;
        QTest::addRow("apps") << QStringList{QStringLiteral("apps"), QStringLiteral("list"), QStringLiteral("--all")}
                              << QByteArray("{\"apps\":[]}") << 1000;
        QTest::addRow("jobs") << QStringList{QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--all")}
                              << QByteArray("{\"replicationJobList\":[]}") << 100;
        QTest::addRow("one page") << QStringList{QStringLiteral("servers"), QStringLiteral("list")}
                                  << QByteArray("{\"serverList\":[]}") << 0;
    }

    void allAsksForTheLargestPages()
    {
        QFETCH(QStringList, words);
        QFETCH(QByteArray, answer);
        QFETCH(int, maxResults);

        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(answer));
        const Run run = runPlan(QStringList{QStringLiteral("--endpoint-url"), server.url().toString()} + words, m_env);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto sent = server.requests();
        QCOMPARE(sent.size(), 1);
        const auto body = json(sent[0].body);
        if (maxResults == 0)
            QVERIFY(!body.contains("maxResults"));
        else
            QCOMPARE(body.value("maxResults", 0), maxResults);
    }

    void listsAnEmptyCatalog()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json("{\"serverCatalogStatus\":\"NOT_IMPORTED\",\"serverList\":[]}"));
        const Run run = runPlan({QStringLiteral("--endpoint-url"), server.url().toString(), QStringLiteral("servers"),
                                 QStringLiteral("list"), QStringLiteral("--all")},
                                m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(json(run.out) == sms::api::Json({{"serverList", sms::api::Json::array()},
                                                 {"serverCatalogStatus", "NOT_IMPORTED"}}));
    }

    void listsEveryPageAsATable()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(serversPage(0, 1, "next-1")));
        server.enqueue(FakeSmsServer::json(serversPage(1, 1, nullptr)));
        const Run run = runPlan({QStringLiteral("--endpoint-url"), server.url().toString(), QStringLiteral("servers"),
                                 QStringLiteral("list"), QStringLiteral("--all"), QStringLiteral("--output=table")},
                                m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("| s-0      |"));
        QVERIFY(run.out.contains("| s-1      |"));
    }

    void listsOnePageByDefault()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(serversPage(10, 2, "more")));
        const Run run = runPlan({QStringLiteral("servers"), QStringLiteral("list"), QStringLiteral("--starting-token"),
                                 QStringLiteral("resume-here"), QStringLiteral("--endpoint-url=") + server.url().toString()},
                                m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(json(run.out)["nextToken"] == "more");
        QCOMPARE(server.requests().size(), 1);
        QVERIFY(json(server.requests()[0].body)["nextToken"] == "resume-here");
    }

    void printsTables()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(serversPage(0, 2, nullptr)));
        const Run run = runPlan({QStringLiteral("--output"), QStringLiteral("table"), QStringLiteral("--endpoint-url"),
                                 server.url().toString(), QStringLiteral("servers"), QStringLiteral("list")},
                                m_env);
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        QVERIFY(text.contains(QStringLiteral("GetServers")));
        QVERIFY(text.contains(QStringLiteral("| serverCatalogStatus | AVAILABLE")));
        QVERIFY(text.contains(QStringLiteral("| serverId | vmServer.vmName |")));
        QVERIFY(text.contains(QStringLiteral("| s-1      | web-1           |")));
    }

    // As the AWS CLI v2 prints them: timestamps in ISO 8601 in the local time
    // zone (not epoch seconds), and nothing at all for an empty list.
    void printsTablesAsTheAwsCliDoes_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QByteArray>("answer");
        QTest::addColumn<QString>("timeZone");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QStringList>("absent");
        const QStringList servers{QStringLiteral("servers"), QStringLiteral("list")};
        const QStringList connectors{QStringLiteral("connectors"), QStringLiteral("list")};
        QTest::addRow("a timestamp in UTC, an empty list")
            << servers
            << QByteArray("{\"serverCatalogStatus\":\"AVAILABLE\",\"lastModifiedOn\":1796619167,\"serverList\":[]}")
            << "UTC" << QStringList{QStringLiteral("| lastModifiedOn      | 2026-12-07T04:52:47+00:00 |")}
            << QStringList{QStringLiteral("1796619167"), QStringLiteral("serverList")};
        QTest::addRow("a fraction, in Berlin, in a list")
            << connectors
            << QByteArray("{\"connectorList\":[{\"connectorId\":\"c-1\",\"associatedOn\":1796619167.5}]}")
            << "Europe/Berlin" << QStringList{QStringLiteral("| 2026-12-07T05:52:47.500000+01:00 |")}
            << QStringList{QStringLiteral("1796619167")};
        QTest::addRow("nothing but an empty list")
            << connectors << QByteArray("{\"connectorList\":[]}") << "UTC"
            << QStringList{QStringLiteral("---------------\n|GetConnectors|\n+-------------+\n")}
            << QStringList{QStringLiteral("connectorList"), QStringLiteral("| ")};
    }

    void printsTablesAsTheAwsCliDoes()
    {
        QFETCH(QStringList, command);
        QFETCH(QByteArray, answer);
        QFETCH(QString, timeZone);
        QFETCH(QStringList, expected);
        QFETCH(QStringList, absent);
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(answer));
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("TZ"), timeZone);
        const Run run = runPlan(QStringList{QStringLiteral("--output"), QStringLiteral("table"),
                                            QStringLiteral("--endpoint-url"), server.url().toString()}
                                    + command,
                                env);
        QCOMPARE(run.exitCode, 0);
        const QString text = QString::fromUtf8(run.out);
        for (const QString &part : expected)
            QVERIFY2(text.contains(part), qPrintable(text));
        for (const QString &part : absent)
            QVERIFY2(!text.contains(part), qPrintable(text));
    }

    void callsAnyOperationWithRawJson()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json("{\"connectorList\":[{\"connectorId\":\"c-1\",\"newMember\":true}]}"));
        const Run run = runPlan({QStringLiteral("--endpoint-url"), server.url().toString(), QStringLiteral("call"),
                                 QStringLiteral("get-connectors"), QStringLiteral("--input"),
                                 QStringLiteral("{\"maxResults\": 5}")},
                                m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(json(run.out)["connectorList"][0]["newMember"] == true);
        QCOMPARE(server.requests()[0].header("X-Amz-Target"),
                 QByteArray("AWSServerMigrationService_V2016_10_24.GetConnectors"));
        QVERIFY(json(server.requests()[0].body) == sms::api::Json({{"maxResults", 5}}));
    }

    void readsInputFromAFile()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json("{}"));
        QFile input(m_home.filePath(QStringLiteral("input.json")));
        QVERIFY(input.open(QIODevice::WriteOnly));
        input.write("{\"appId\": \"app-0123456789abcdef0\"}");
        input.close();
        const Run run = runPlan({QStringLiteral("--endpoint-url"), server.url().toString(), QStringLiteral("call"),
                                 QStringLiteral("DeleteApp"), QStringLiteral("--input"),
                                 QStringLiteral("file://") + input.fileName()},
                                m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(json(server.requests()[0].body)["appId"] == "app-0123456789abcdef0");
    }

    void failsClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("unsetVariable");  // comma-separated names
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QStringList list{QStringLiteral("servers"), QStringLiteral("list")};
        QTest::addRow("service error") << list << QString() << 254
            << "An error occurred (InvalidParameterException) when calling the GetServers operation: bad token";
        QTest::addRow("unknown operation")
            << QStringList{QStringLiteral("call"), QStringLiteral("ListBuckets"), QStringLiteral("--input"), QStringLiteral("{}")}
            << QString() << 252 << "SMS has no operation \"ListBuckets\"";
        QTest::addRow("input is not JSON")
            << QStringList{QStringLiteral("call"), QStringLiteral("GetApp"), QStringLiteral("--input"), QStringLiteral("{app")}
            << QString() << 252 << "--input must be a JSON object";
        QTest::addRow("no input") << QStringList{QStringLiteral("call"), QStringLiteral("GetApp")} << QString() << 252
                                  << "call needs --input JSON";
        QTest::addRow("bad output") << (list + QStringList{QStringLiteral("--output"), QStringLiteral("yaml")})
                                    << QString() << 252 << "--output must be json or table, not \"yaml\"";
        QTest::addRow("bad page size") << (list + QStringList{QStringLiteral("--page-size"), QStringLiteral("0")})
                                       << QString() << 252 << "--page-size must be a whole number of at least 1";
        QTest::addRow("unknown command") << QStringList{QStringLiteral("servers"), QStringLiteral("delete")} << QString()
                                         << 252 << "unknown command \"servers delete\"";
        QTest::addRow("no credentials") << list << QStringLiteral("AWS_ACCESS_KEY_ID,AWS_SECRET_ACCESS_KEY") << 253 << "No AWS credentials found";
        QTest::addRow("no region") << list << QStringLiteral("AWS_REGION") << 253 << "region";
        QTest::addRow("plain http to another host")
            << (list + QStringList{QStringLiteral("--endpoint-url"), QStringLiteral("http://192.0.2.1:8080")})
            << QString() << 253 << "Plain HTTP is only allowed for loopback hosts";
    }

    void failsClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, unsetVariable);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::awsError("InvalidParameterException", "bad token", Status::BadRequest));
        for (const QString &name : unsetVariable.split(QLatin1Char(','), Qt::SkipEmptyParts))
            m_env.remove(name);
        if (!arguments.contains(QStringLiteral("--endpoint-url")))
            arguments << QStringLiteral("--endpoint-url") << server.url().toString();
        const Run run = runPlan(arguments, m_env);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message.toUtf8()), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.contains("cli-test-secret"));
    }

    void reportsUnreachableEndpoints()
    {
        quint16 port = 0;
        {
            FakeSmsServer probe;
            port = quint16(probe.url().port());
        }
        const Run run = runPlan({QStringLiteral("--endpoint-url"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                                 QStringLiteral("servers"), QStringLiteral("list")},
                                m_env);
        QCOMPARE(run.exitCode, 255);
        QVERIFY2(run.err.contains("could not reach http://127.0.0.1:"), run.err.constData());
    }

    void printsHelp()
    {
        const Run run = runPlan({QStringLiteral("--help")}, m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("usage: sms-plan"));
        QVERIFY(run.out.contains("servers list"));
    }

private:
    QTemporaryDir m_home;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestSmsPlan)
#include "tst_smsplan.moc"
