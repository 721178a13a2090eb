// sms-plan's plan commands as a user runs them, against a real sms-local:
// validate and diff exit codes, apply and then "No changes", and the
// resilience the issue asks for: 20 applications applied through throttling,
// 5xx answers and dropped connections, with the CLI killed halfway and run
// again, end with the endpoint matching the plan exactly.

#include "LocalEndpoint.h"
#include "RunProcess.h"

#include "api/JsonCodec.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
