// sms-plan's plan commands as a user runs them, against a real sms-local:
// validate and diff exit codes, apply and then "No changes", and the
// resilience the issue asks for: 20 applications applied through throttling,
// 5xx answers and dropped connections, with the CLI killed halfway and run
// again, end with the endpoint matching the plan exactly; an application's
// launch graph drawn as dot, SVG and PNG for a runbook; and issue 14's whole
// journey through sms-plan: a three-tier plan with dependencies checked,
// drawn, its template built offline, applied, replicated, launched and
// terminated.

#include "LocalEndpoint.h"
#include "RunProcess.h"

#include "api/JsonCodec.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <set>

using sms::api::Json;
using sms::testing::Run;

namespace {

Json parsed(const QByteArray &text)
{
    return Json::parse(text.toStdString(), nullptr, false);
}

} // namespace

class TestSmsPlanPlans : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_env = sms::testing::cliEnvironment(m_dir.path());
        m_state = m_dir.filePath(QStringLiteral("state.json"));
        QFile::remove(m_state);
        QFile::remove(planPath());
    }

    void cleanup() { stopEndpoint(); }

    void validatesDiffsAndApplies()
    {
        QVERIFY(startEndpoint({}));
        QVERIFY(writePlan(3));

        Run run = plan({QStringLiteral("validate"), planPath()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(parsed(run.out).at("valid") == true);

        run = plan({QStringLiteral("diff"), planPath(), QStringLiteral("--output"), QStringLiteral("table")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.contains("1. CreateApp \u201Capp 1\u201D: \u201Capp 1\u201D is not on the endpoint yet."), run.out.constData());
        QVERIFY(run.out.contains("9 change(s)."));

        // Not on a terminal, apply asks for --yes and changes nothing.
        run = plan({QStringLiteral("apply"), planPath()});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("give --yes to apply without asking"));

        run = plan({QStringLiteral("apply"), planPath(), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("Applied 9 changes; a fresh read shows the endpoint matches the plan."));
        run = plan({QStringLiteral("diff"), planPath(), QStringLiteral("--output"), QStringLiteral("table")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("No changes.\n"));
        // The ids were saved into the file.
        QFile file(planPath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const Json saved = parsed(file.readAll());
        QVERIFY(saved.at("applications").at(2).contains("appId"));
        QVERIFY(saved.contains("planId"));

        // The endpoint as a plan: the same applications and settings, no change.
        const QString exported = m_dir.filePath(QStringLiteral("exported.smsplan"));
        run = plan({QStringLiteral("export-template"), QStringLiteral("-o"), exported});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(parsed(run.out).at("applications") == 3);
        run = plan({QStringLiteral("diff"), exported, QStringLiteral("--output"), QStringLiteral("table")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QByteArray("No changes.\n"));
        QFile exportedFile(exported);
        QVERIFY(exportedFile.open(QIODevice::ReadOnly));
        const Json template_ = parsed(exportedFile.readAll());
        QVERIFY(template_.at("applications").at(0).at("replication").at("frequency") == 12);
        QVERIFY(template_.at("applications").at(0).at("serverGroups").at(1).at("launchOrder") == 1);
    }

    void refusesAnInvalidPlan()
    {
        QVERIFY(startEndpoint({}));
        QVERIFY(writePlan(1, {"s-not-there"}));
        Run run = plan({QStringLiteral("validate"), planPath(), QStringLiteral("--output"), QStringLiteral("table")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains("error  unknown-server"), run.out.constData());
        run = plan({QStringLiteral("apply"), planPath(), QStringLiteral("--yes")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains("The plan has errors; nothing was applied"));
        QCOMPARE(appCount(), 0);
    }

    void convergesThroughFaultsAndAKill()
    {
        const QStringList faults{QStringLiteral("--fault-throttle"), QStringLiteral("0.2"), QStringLiteral("--fault-5xx"),
                                 QStringLiteral("0.1"), QStringLiteral("--fault-drop"), QStringLiteral("0.1")};
        QVERIFY(startEndpoint(faults));
        QVERIFY(writePlan(20));

        // The first run is killed once it has made a few changes.
        QProcess first;
        first.setProcessEnvironment(m_env);
        first.start(QStringLiteral(SMS_PLAN_BINARY), arguments({QStringLiteral("apply"), planPath(), QStringLiteral("--yes")}));
        QByteArray progress;
        QVERIFY(QTest::qWaitFor([&] {
            progress += first.readAllStandardError();
            return progress.contains("[8/") || first.state() == QProcess::NotRunning;
        }, 60'000));
        QVERIFY2(first.state() == QProcess::Running, progress.constData());
        first.kill();
        QVERIFY(first.waitForFinished(10'000));

        // Run again until it says the endpoint matches (a change whose retries
        // all fail stops a run, which is then run again, as a user would).
        int exitCode = -1;
        QByteArray errors;
        for (int attempt = 0; attempt < 4 && exitCode != 0; ++attempt) {
            const Run run = sms::testing::runToEnd(
                QStringLiteral(SMS_PLAN_BINARY), arguments({QStringLiteral("apply"), planPath(), QStringLiteral("--yes")}),
                m_env, 120'000);
            exitCode = run.exitCode;
            errors += run.err;
        }
        QVERIFY2(exitCode == 0, errors.constData());

        // Checked without faults: sms-local saves its state on SIGTERM.
        stopEndpoint();
        QVERIFY(startEndpoint({}));
        const Run diff = plan({QStringLiteral("diff"), planPath(), QStringLiteral("--output"), QStringLiteral("table")});
        QCOMPARE(diff.exitCode, 0);
        QCOMPARE(diff.out, QByteArray("No changes.\n"));
        QCOMPARE(appCount(), 20);  // no duplicates
    }

    void drawsTheLaunchGraph()
    {
        QVERIFY(startEndpoint({}));
        QVERIFY(writePlan(2));  // "web" launches 2nd, "db" 1st: orders without dependencies
        const QStringList app{QStringLiteral("graph"), planPath(), QStringLiteral("--app"), QStringLiteral("app 2")};

        // dot to standard output: the order the planner reads from bare launch orders, dashed.
        Run run = plan(app);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.out.startsWith("digraph \"app 2\" {"), run.out.constData());
        QVERIFY2(run.out.contains("g0 [label=\"web\\n2 servers \u00B7 launch 2\""), run.out.constData());
        QVERIFY(run.out.contains("g1 [label=\"db\\n2 servers \u00B7 launch 1\""));
        // The plan checks' warnings as in the editor's badges: no subnet or security group.
        QVERIFY(run.out.contains("color=orange, tooltip=\"Server "));
        QVERIFY(run.out.contains("g1 -> g0 [style=dashed];"));
        QVERIFY(run.out.contains("{ rank=same; g1; }"));

        const QString svg = m_dir.filePath(QStringLiteral("graph.svg"));
        run = plan(app + QStringList{QStringLiteral("--format"), QStringLiteral("svg"), QStringLiteral("-o"), svg});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray drawn = svgFile.readAll();
        QVERIFY(drawn.contains("<svg"));
        QVERIFY(drawn.contains("Launch order of app 2"));
        QVERIFY(drawn.contains(">web<") && drawn.contains(">db<"));  // the boxes' names, as text

        const QString png = m_dir.filePath(QStringLiteral("graph.png"));
        run = plan(app + QStringList{QStringLiteral("--format"), QStringLiteral("png"), QStringLiteral("-o"), png});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QFile pngFile(png);
        QVERIFY(pngFile.open(QIODevice::ReadOnly));
        const QByteArray image = pngFile.readAll();
        QVERIFY(image.startsWith("\x89PNG\r\n\x1a\n"));
        const auto bigEndian = [&](int at) {
            return (uchar(image[at]) << 24) | (uchar(image[at + 1]) << 16) | (uchar(image[at + 2]) << 8) | uchar(image[at + 3]);
        };
        QVERIFY(bigEndian(16) > 200 && bigEndian(20) > 200);  // IHDR's width and height: two boxes at 2x

        // Mistakes are named.
        run = plan({QStringLiteral("graph"), planPath()});
        QCOMPARE(run.exitCode, 252);
        QVERIFY(run.err.contains("plan graph needs --app APP"));
        run = plan(app + QStringList{QStringLiteral("--format"), QStringLiteral("gif")});
        QCOMPARE(run.exitCode, 252);
        QVERIFY(run.err.contains("--format must be dot, svg or png, not \"gif\""));
        run = plan(app + QStringList{QStringLiteral("--format"), QStringLiteral("png")});
        QCOMPARE(run.exitCode, 252);
        QVERIFY(run.err.contains("plan graph --format png needs -o FILE"));
        run = plan({QStringLiteral("graph"), planPath(), QStringLiteral("--app"), QStringLiteral("App 2")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("differs only in case"), run.err.constData());
    }

    void launchJourney()
    {
        QVERIFY(startEndpoint({QStringLiteral("--time-scale"), QStringLiteral("3600"), QStringLiteral("--failure-rate"),
                               QStringLiteral("0")}));
        // Three tiers by dependency, not by number: db, then app, then web.
        const Json servers = healthyServers(6);
        QCOMPARE(servers.size(), std::size_t(6));
        Json groups = Json::array();
        const char *names[] = {"db", "app", "web"};
        for (int g = 0; g < 3; ++g) {
            groups.push_back({{"key", g + 2},
                              {"name", names[g]},
                              {"serverIds", {servers.at(2 * g).at("serverId"), servers.at(2 * g + 1).at("serverId")}}});
            if (g > 0)
                groups.back()["launchAfter"] = {g + 1};
        }
        const Json written = {{"formatVersion", 1},
                              {"kind", "sms-migration-plan"},
                              {"catalog", {{"servers", servers}}},
                              {"applications",
                               {{{"key", 1},
                                 {"name", "shop"},
                                 {"roleName", "sms-role"},
                                 {"replication", {{"frequency", 12}}},
                                 {"launch", {{"instanceType", "m5.large"}, {"subnet", "subnet-0a1b2c3d"}}},
                                 {"serverGroups", groups}}}}};
        QFile file(planPath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray::fromStdString(written.dump(1)));
        file.close();

        Run run = plan({QStringLiteral("validate"), planPath(), QStringLiteral("--output"), QStringLiteral("table")});
        QVERIFY2(run.exitCode == 0, run.out.constData());
        const QStringList shop{QStringLiteral("--app"), QStringLiteral("shop")};
        run = plan(QStringList{QStringLiteral("graph"), planPath()} + shop);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.contains("db\\n2 servers \u00B7 launch 1"));
        QVERIFY(run.out.contains("app\\n2 servers \u00B7 launch 2"));
        QVERIFY(run.out.contains("web\\n2 servers \u00B7 launch 3"));
        // Offline: no AMI yet, so each server's is a parameter; the tiers wait on each other.
        run = plan(QStringList{QStringLiteral("template"), planPath()} + shop);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Json offline = parsed(run.out);
        QVERIFY2(offline.contains("Resources") && offline.contains("Parameters"), run.out.constData());
        QVERIFY(run.out.contains("DependsOn") && run.out.contains("m5.large"));

        run = plan({QStringLiteral("apply"), planPath(), QStringLiteral("--yes")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const auto apps = [&](const QStringList &words) {
            return sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY),
                                          QStringList{QStringLiteral("--endpoint-url"), m_endpoint, QStringLiteral("apps")}
                                              + words,
                                          m_env, 60'000);
        };
        const QStringList wait{QStringLiteral("--interval"), QStringLiteral("0.1"), QStringLiteral("--timeout"),
                               QStringLiteral("60")};
        run = apps({QStringLiteral("replication"), QStringLiteral("start"), QStringLiteral("shop")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = apps(QStringList{QStringLiteral("wait"), QStringLiteral("shop"), QStringLiteral("--until"),
                               QStringLiteral("replicated")} + wait);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = apps({QStringLiteral("launch"), QStringLiteral("shop")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = apps(QStringList{QStringLiteral("wait"), QStringLiteral("shop"), QStringLiteral("--until"),
                               QStringLiteral("launched")} + wait);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("LAUNCHED"));
        run = apps({QStringLiteral("terminate"), QStringLiteral("shop")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = apps(QStringList{QStringLiteral("wait"), QStringLiteral("shop"), QStringLiteral("--until"),
                               QStringLiteral("terminated")} + wait);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("TERMINATED"));
    }

private:
    QString planPath() const { return m_dir.filePath(QStringLiteral("plan.smsplan")); }

    QStringList arguments(QStringList words) const
    {
        return QStringList{QStringLiteral("--endpoint-url"), m_endpoint, QStringLiteral("plan")} + words;
    }

    Run plan(const QStringList &words)
    {
        return sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY), arguments(words), m_env, 60'000);
    }

    int appCount()
    {
        const Run run = sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY),
                                               {QStringLiteral("--endpoint-url"), m_endpoint, QStringLiteral("apps"),
                                                QStringLiteral("list"), QStringLiteral("--all")},
                                               m_env);
        const Json list = parsed(run.out);
        return run.exitCode == 0 && list.contains("apps") ? int(list.at("apps").size()) : -1;
    }

    // `count` servers of the endpoint's catalog whose connector is healthy, so that they replicate.
    Json healthyServers(std::size_t count)
    {
        const auto list = [&](const char *what) {
            return parsed(sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY),
                                                 {QStringLiteral("--endpoint-url"), m_endpoint, QString::fromLatin1(what),
                                                  QStringLiteral("list"), QStringLiteral("--all")},
                                                 m_env)
                              .out);
        };
        std::set<Json> healthy;
        for (const Json &connector : list("connectors").value("connectorList", Json::array()))
            if (connector.value("status", "") == "HEALTHY")
                healthy.insert(connector.at("vmManagerId"));
        Json servers = Json::array();
        for (const Json &server : list("servers").value("serverList", Json::array()))
            if (servers.size() < count && healthy.count(server.at("vmServer").at("vmServerAddress").at("vmManagerId")))
                servers.push_back(server);
        return servers;
    }

    // A plan of `apps` applications over the endpoint's catalog, two groups of
    // two servers each, with replication and launch settings.
    bool writePlan(int apps, const std::vector<std::string> &extraServers = {})
    {
        const Run run = sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY),
                                               {QStringLiteral("--endpoint-url"), m_endpoint, QStringLiteral("servers"),
                                                QStringLiteral("list"), QStringLiteral("--all")},
                                               m_env);
        const Json servers = parsed(run.out);
        if (run.exitCode != 0 || !servers.contains("serverList"))
            return false;
        Json plan = {{"formatVersion", 1}, {"kind", "sms-migration-plan"}, {"catalog", {{"servers", servers.at("serverList")}}}};
        Json list = Json::array();
        int key = 0;
        std::size_t next = 0;
        for (int a = 0; a < apps; ++a) {
            Json app = {{"key", ++key}, {"name", "app " + std::to_string(a + 1)}, {"roleName", "sms-role"},
                        {"replication", {{"frequency", 12}}}, {"launch", {{"instanceType", "m5.large"}}}};
            for (int g = 0; g < 2; ++g) {
                Json ids = Json::array();
                for (int s = 0; s < 2; ++s)
                    ids.push_back(servers.at("serverList").at(next++).at("serverId"));
                if (a == 0 && g == 0)
                    for (const std::string &extra : extraServers)
                        ids.push_back(extra);
                app["serverGroups"].push_back({{"key", ++key}, {"name", g ? "db" : "web"}, {"serverIds", ids},
                                               {"launchOrder", 2 - g}});
            }
            list.push_back(app);
        }
        plan["applications"] = list;
        QFile file(planPath());
        return file.open(QIODevice::WriteOnly) && file.write(QByteArray::fromStdString(plan.dump(1))) > 0;
    }

    bool startEndpoint(const QStringList &extra)
    {
        const bool started = m_local.start(QStringLiteral(SMS_LOCAL_BINARY),
                                           QStringList{QStringLiteral("--servers"), QStringLiteral("200"),
                                                       QStringLiteral("--state"), m_state, QStringLiteral("--s3-dir"),
                                                       m_dir.filePath(QStringLiteral("s3"))}
                                               + extra,
                                           m_env);
        m_endpoint = m_local.url();
        return started;
    }

    void stopEndpoint() { m_local.stop(); }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    QString m_state;
    QString m_endpoint;
    sms::testing::LocalEndpoint m_local;
};

QTEST_GUILESS_MAIN(TestSmsPlanPlans)
#include "tst_smsplan_plans.moc"
