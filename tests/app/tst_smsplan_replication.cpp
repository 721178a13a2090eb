// sms-plan's replication and launch commands as a user runs them (issues 13
// and 14), against a real sms-local whose clock runs an hour per second, so
// runs complete at once: start, wait, launch and terminate, jobs and runs,
// the on-demand limit, stop, and the APP argument's look-up. The functions on the shared endpoint run in order, each
// from the state the one before left. Waits through transient errors are
// checked against a scripted endpoint, which can answer GetApp with them.

#include "FakeSmsServer.h"
#include "LocalEndpoint.h"
#include "RunProcess.h"
#include "Strings.h"

#include "api/JsonCodec.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <set>

using sms::api::Json;
using sms::testing::Run;
using Status = QHttpServerResponder::StatusCode;

namespace {

Json parsed(const QByteArray &text)
{
    return Json::parse(text.toStdString(), nullptr, false);
}

QString text(const Json &value)
{
    return QString::fromStdString(value.get<std::string>());
}

int count(const QByteArray &text, const QByteArray &part)
{
    return int(text.count(part));
}

} // namespace

class TestSmsPlanReplication : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_env = sms::testing::cliEnvironment(m_dir.path());
        QVERIFY(startEndpoint(m_local, QStringLiteral("0")));
        const Json servers = replicableServers(m_local, 3);
        QCOMPARE(servers.size(), size_t(3));
        for (const Json &server : servers) {
            m_serverIds << text(server.at("serverId"));
            m_vmNames << text(server.at("vmServer").at("vmName"));
        }
        m_shopId = createApp(m_local, QStringLiteral("shop"), m_serverIds.mid(0, 2));
        m_otherId = createApp(m_local, QStringLiteral("other"), m_serverIds.mid(2, 1));
        m_twinIds << createApp(m_local, QStringLiteral("twin"), {}) << createApp(m_local, QStringLiteral("twin"), {});
        QVERIFY(!m_shopId.isEmpty() && !m_otherId.isEmpty() && !m_twinIds.contains(QString()));
    }

    void cleanupTestCase() { m_local.stop(); }

    void startsAndWaitsUntilReplicated()
    {
        Run run = plan(m_local, strings({"apps", "replication", "start", "shop"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.isEmpty());  // as the AWS CLI, nothing for an empty answer
        QVERIFY(run.err.contains("Started the replication of shop (" + m_shopId.toUtf8() + ")."));
        // By id, as a script that keeps ids would.
        run = plan(m_local, QStringList{QStringLiteral("apps"), QStringLiteral("replication"), QStringLiteral("start"), m_otherId});
        QVERIFY2(run.exitCode == 0, run.err.constData());

        run = plan(m_local, strings({"apps", "wait", "shop", "--until", "replicated", "--interval", "0.1", "--timeout", "30"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("shop (" + m_shopId.toUtf8() + "): REPLICATED"), run.err.constData());
        QCOMPARE(count(run.err, ": REPLICATED"), 1);  // one line per change of status
        run = plan(m_local, strings({"apps", "wait", "other", "--until", "replicated", "--interval", "0.1", "--timeout", "30"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }

    // Once replicated, GenerateTemplate writes the template into sms-local's
    // --s3-dir folder; apps template prints where (the answer, or its URL),
    // and with -o reads it back from sms-local's bucket as from S3.
    void generatesATemplate_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("extension");
        QTest::addColumn<bool>("table");
        QTest::addColumn<bool>("saved");

        QTest::addRow("json") << QStringList{} << ".json" << false << false;
        QTest::addRow("yaml, as a URL") << strings({"--format", "yaml", "--output", "table"}) << ".yaml" << true << false;
        QTest::addRow("yaml, saved") << strings({"--format", "yaml", "-o"}) << ".yaml" << false << true;
    }

    void generatesATemplate()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, extension);
        QFETCH(bool, table);
        QFETCH(bool, saved);

        const QString savedFile = m_dir.filePath(QStringLiteral("saved/shop") + extension);
        QVERIFY(QDir().mkpath(QFileInfo(savedFile).absolutePath()));
        if (saved)
            options << savedFile;
        const Run run = plan(m_local, strings({"apps", "template", "shop"}) + options);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        std::string bucket, key;
        if (table) {
            const QString url = QString::fromUtf8(run.out).trimmed();
            QVERIFY2(url.startsWith(QLatin1String("s3://sms-local-templates/")), run.out.constData());
            bucket = "sms-local-templates";
            key = url.mid(QStringLiteral("s3://sms-local-templates/").size()).toStdString();
        } else {
            const Json answer = parsed(run.out);
            bucket = answer.at("s3Location").at("bucket").get<std::string>();
            key = answer.at("s3Location").at("key").get<std::string>();
        }
        QVERIFY2(QString::fromStdString(key).endsWith(extension), key.c_str());
        QVERIFY(run.err.contains("Generated the CloudFormation template of shop (" + m_shopId.toUtf8() + ") at s3://"));
        QFile document(m_dir.filePath(QStringLiteral("s3/%1/%2").arg(QString::fromStdString(bucket), QString::fromStdString(key))));
        QVERIFY2(document.open(QIODevice::ReadOnly), qPrintable(document.fileName()));
        const QByteArray written = document.readAll();
        QVERIFY(written.contains("AWS::EC2::Instance"));
        QFile copy(savedFile);
        QCOMPARE(copy.exists(), saved);
        if (saved) {
            QVERIFY(run.err.contains((QStringLiteral("to ") + savedFile + QLatin1Char('.')).toUtf8()));
            QVERIFY(copy.open(QIODevice::ReadOnly));
            QCOMPARE(copy.readAll(), written);
        }
    }

    void templateRefusesWhatItCannotDo_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");

        QTest::addRow("other format") << strings({"apps", "template", "shop", "--format", "xml"}) << 252
                                      << "apps template --format takes json or yaml, not xml";
        QTest::addRow("-o into a missing folder")
            << strings({"apps", "template", "shop", "-o", "/nonexistent-sms-folder/shop.json"}) << 255
            << "Could not write /nonexistent-sms-folder/shop.json";
        QTest::addRow("a name two share") << strings({"apps", "template", "twin"}) << 255 << "twin";
    }

    void templateRefusesWhatItCannotDo()
    {
        QFETCH(QStringList, words);
        QFETCH(int, exitCode);
        QFETCH(QString, says);

        const Run run = plan(m_local, words);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(says.toUtf8()), run.err.constData());
    }

    // Nothing launches an application without a launch configuration.
    void timesOutWithExitCode2()
    {
        const Run run = plan(m_local, strings({"apps", "wait", "shop", "--until", "launched", "--interval", "0.1",
                                               "--timeout", "0.5"}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("timed out waiting for shop (" + m_shopId.toUtf8()
                                  + ") to be launched; it is READY_FOR_CONFIGURATION"),
                 run.err.constData());
    }

    // Launched, waited for, terminated and waited for again, as a runbook does.
    void launchesAndTerminates()
    {
        Run run = plan(m_local, strings({"apps", "launch", "shop"}));
        QCOMPARE(run.exitCode, 254);  // nothing to launch with yet
        QVERIFY2(run.err.contains("(OperationNotPermittedException) when calling the LaunchApp operation"), run.err.constData());
        const Json configuration = {{"appId", m_shopId.toStdString()}, {"roleName", "sms-launch"}};
        run = plan(m_local, {QStringLiteral("call"), QStringLiteral("PutAppLaunchConfiguration"), QStringLiteral("--input"),
                             QString::fromStdString(configuration.dump())});
        QVERIFY2(run.exitCode == 0, run.err.constData());

        run = plan(m_local, strings({"apps", "launch", "shop"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY2(run.err.contains("Started the launch of shop (" + m_shopId.toUtf8() + ")."), run.err.constData());
        run = plan(m_local, strings({"apps", "wait", "shop", "--until", "launched", "--interval", "0.1", "--timeout", "30"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("shop (" + m_shopId.toUtf8() + "): LAUNCHED"), run.err.constData());

        run = plan(m_local, QStringList{QStringLiteral("apps"), QStringLiteral("terminate"), m_shopId});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("Started terminating the instances of shop"), run.err.constData());
        run = plan(m_local, strings({"apps", "wait", "shop", "--until", "terminated", "--interval", "0.1", "--timeout", "30"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY2(run.err.contains("): TERMINATED"), run.err.constData());
        // Once terminated, waiting for it to be launched ends at once: it will not be.
        run = plan(m_local, strings({"apps", "wait", "shop", "--until", "launched", "--interval", "0.1"}));
        QCOMPARE(run.exitCode, 1);
        run = plan(m_local, strings({"apps", "terminate", "shop"}));
        QCOMPARE(run.exitCode, 254);
        QVERIFY2(run.err.contains("is not launched"), run.err.constData());
    }

    void listsTheJobsOfOneApplication()
    {
        Run run = plan(m_local, strings({"jobs", "list", "--all"}));
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parsed(run.out).at("replicationJobList").size(), size_t(3));

        run = plan(m_local, strings({"jobs", "list", "--app", "shop", "--page-size", "1"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Json jobs = parsed(run.out).at("replicationJobList");
        QStringList servers;
        for (const Json &job : jobs)
            servers << text(job.at("serverId"));
        servers.sort();
        QStringList expected = m_serverIds.mid(0, 2);
        expected.sort();
        QCOMPARE(servers, expected);

        run = plan(m_local, strings({"jobs", "list", "--app", "shop", "--output", "table"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains("| replicationJobId "), run.out.constData());
        QVERIFY(run.out.contains(" | nextReplicationRunStartTime "));
        for (int i = 0; i < 2; ++i)
            QVERIFY(QString::fromUtf8(run.out).contains(
                QRegularExpression(QStringLiteral("\\| %1 +\\| %2 +\\| ACTIVE +\\| 12 h +\\| \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d")
                                       .arg(m_serverIds[i], QRegularExpression::escape(m_vmNames[i])))));
        QVERIFY(!run.out.contains(m_serverIds[2].toUtf8()));
    }

    void listsTheRunsOfAJob()
    {
        const QString job = jobOf(m_serverIds[0]);
        QVERIFY(!job.isEmpty());
        Run run = plan(m_local, QStringList{QStringLiteral("runs"), QStringLiteral("list"), job, QStringLiteral("--all")});
        QVERIFY2(run.exitCode == 0, run.err.constData());
        const Json runs = parsed(run.out).at("replicationRunList");
        QVERIFY(!runs.empty());
        QVERIFY(runs.at(0).at("type") == "AUTOMATIC" && runs.at(0).at("state") == "COMPLETED");

        run = plan(m_local, QStringList{QStringLiteral("runs"), QStringLiteral("list"), job, QStringLiteral("--output"),
                                        QStringLiteral("table")});
        QCOMPARE(run.exitCode, 0);
        const QRegularExpression row(QStringLiteral(
            "\\| %1 +\\| AUTOMATIC +\\| COMPLETED +\\| \\d{4}-\\d\\d-\\d\\dT[\\d:.]+\\+00:00 +\\| \\d{4}-\\d\\d-\\d\\dT[\\d:.]+\\+00:00 +\\| COMPLETED +\\| ami-")
                                         .arg(text(runs.at(0).at("replicationRunId"))));
        QVERIFY2(QString::fromUtf8(run.out).contains(row), run.out.constData());
    }

    // SMS allows 2 on-demand runs per job in 24 hours; the refusal says when
    // the next is allowed: 24 hours after the older of the two, the latest of
    // the application's jobs, rounded up to the minute.
    void refusesTheThirdOnDemandRunAndSaysWhen()
    {
        for (int i = 1; i <= 2; ++i) {
            const Run run = plan(m_local, strings({"apps", "replication", "run", "shop", "--description", "before the cut-over"}));
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QVERIFY(run.err.contains("Started an on-demand replication run of shop (" + m_shopId.toUtf8() + ")."));
        }
        const Run refused = plan(m_local, strings({"apps", "replication", "run", "shop"}));
        QCOMPARE(refused.exitCode, 254);
        QVERIFY2(refused.err.contains("An error occurred (ReplicationRunLimitExceededException) when calling the "
                                      "StartOnDemandAppReplication operation: "),
                 refused.err.constData());

        double allowedAt = 0;
        QString server;
        for (int i = 0; i < 2; ++i) {
            const Run runs = plan(m_local, QStringList{QStringLiteral("runs"), QStringLiteral("list"),
                                                       jobOf(m_serverIds[i]), QStringLiteral("--all")});
            std::vector<double> onDemand;
            const Json list = parsed(runs.out).at("replicationRunList");
            for (const Json &run : list) {
                if (run.at("type") == "ON_DEMAND") {
                    QVERIFY(run.at("description") == "before the cut-over");
                    onDemand.push_back(run.at("scheduledStartTime").get<double>());
                }
            }
            QCOMPARE(onDemand.size(), size_t(2));
            const double jobAllows = *std::min_element(onDemand.begin(), onDemand.end()) + 24 * 3600;
            if (jobAllows > allowedAt) {
                allowedAt = jobAllows;
                server = m_vmNames[i];
            }
        }
        const QDateTime at = QDateTime::fromSecsSinceEpoch(qint64(std::ceil(allowedAt / 60)) * 60, QTimeZone::utc());
        const QString expected = QStringLiteral("SMS allows 2 on-demand runs per server in 24 hours; the next one for %1 "
                                                "is allowed at %2 UTC")
                                     .arg(server, at.toString(QStringLiteral("HH:mm")));
        QVERIFY2(QString::fromUtf8(refused.err).contains(expected), refused.err.constData());
    }

    void stopsAndTheWaitEndsWithExitCode1()
    {
        Run run = plan(m_local, strings({"apps", "replication", "stop", "shop"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        QVERIFY(run.err.contains("Stopped the replication of shop (" + m_shopId.toUtf8() + ")."));
        run = plan(m_local, strings({"apps", "replication", "stop", "shop"}));
        QCOMPARE(run.exitCode, 254);
        QVERIFY(run.err.contains("An error occurred (OperationNotPermittedException) when calling the "
                                 "StopAppReplication operation"));
        run = plan(m_local, strings({"apps", "wait", "shop", "--until", "replicated", "--interval", "0.1"}));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("will not be replicated: it is REPLICATION_STOPPED"), run.err.constData());
    }

    void failedRunsEndTheWaitWithExitCode1()
    {
        sms::testing::LocalEndpoint failing;
        QVERIFY(startEndpoint(failing, QStringLiteral("1")));
        QStringList ids;
        for (const Json &server : replicableServers(failing, 2))
            ids << text(server.at("serverId"));
        QVERIFY(!createApp(failing, QStringLiteral("doomed"), ids).isEmpty());
        Run run = plan(failing, strings({"apps", "replication", "start", "doomed"}));
        QVERIFY2(run.exitCode == 0, run.err.constData());
        run = plan(failing, strings({"apps", "wait", "doomed", "--until", "replicated", "--interval", "0.1", "--timeout", "30"}));
        QCOMPARE(run.exitCode, 1);
        // With SMS's status message, which names the server and what went wrong.
        QVERIFY2(QString::fromUtf8(run.err).contains(QRegularExpression(
                     QStringLiteral("will not be replicated: it is REPLICATION_FAILED: Server s-[0-9a-f]+: \\w"))),
                 run.err.constData());
        // A failed run's row shows the stage it stopped in, with its percentage.
        run = plan(failing, strings({"jobs", "list", "--app", "doomed", "--output", "table"}));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QString::fromUtf8(run.out).contains(QRegularExpression(QStringLiteral("\\| FAILING +\\|.*\\| [A-Z][a-z]+ \\d{1,3}% +\\|"))),
                 run.out.constData());
    }

    void namesTheApplicationExactly_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("said");
        QTest::addRow("unknown name") << strings({"apps", "replication", "start", "nope"}) << 255
                                      << strings({"sms-plan: No application has the id or the name “nope”."});
        QTest::addRow("names are case-sensitive") << strings({"jobs", "list", "--app", "SHOP"}) << 255
                                                  << strings({"No application has the id or the name “SHOP”"});
        QTest::addRow("a shared name") << strings({"apps", "wait", "twin", "--until", "launched"}) << 255
                                       << QStringList{QStringLiteral("Several applications are named “twin”"),
                                                      m_twinIds[0], m_twinIds[1],
                                                      QStringLiteral("give the id of the one you mean")};
        QTest::addRow("an id") << QStringList{QStringLiteral("jobs"), QStringLiteral("list"), QStringLiteral("--app"), m_twinIds[1]}
                               << 0 << QStringList();
    }

    void namesTheApplicationExactly()
    {
        QFETCH(QStringList, command);
        QFETCH(int, exitCode);
        QFETCH(QStringList, said);
        const Run run = plan(m_local, command);
        QCOMPARE(run.exitCode, exitCode);
        for (const QString &part : said)
            QVERIFY2(QString::fromUtf8(run.err).contains(part), run.err.constData());
    }

    void refusesBadCommandLines_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("message");
        QTest::addRow("no verb") << strings({"apps", "replication", "shop"}) << "apps replication needs start, stop or run";
        QTest::addRow("no APP") << strings({"apps", "replication", "run"}) << "apps replication run needs one APP";
        QTest::addRow("description of a start") << strings({"apps", "replication", "start", "shop", "--description", "x"})
                                                << "--description goes with apps replication run only";
        QTest::addRow("no --until") << strings({"apps", "wait", "shop"}) << "apps wait needs --until replicated";
        QTest::addRow("bad --until") << strings({"apps", "wait", "shop", "--until", "done"})
                                     << "--until must be replicated, launched or terminated, not \"done\"";
        QTest::addRow("launch without APP") << strings({"apps", "launch"}) << "apps launch needs one APP";
        QTest::addRow("terminate of two") << strings({"apps", "terminate", "a", "b"}) << "apps terminate needs one APP";
        QTest::addRow("negative timeout") << strings({"apps", "wait", "shop", "--until", "launched", "--timeout", "-1"})
                                          << "--timeout must be a number of seconds of at least 0";
        QTest::addRow("interval of 0") << strings({"apps", "wait", "shop", "--until", "launched", "--interval", "0"})
                                       << "--interval must be a number of seconds of at least 0.1";
        QTest::addRow("runs without JOB") << strings({"runs", "list"}) << "runs list needs one JOB";
        QTest::addRow("a page of one application's jobs") << strings({"jobs", "list", "--app", "shop", "--starting-token", "t"})
                                                          << "it takes no --starting-token";
    }

    void refusesBadCommandLines()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, message);
        const Run run = plan(m_local, command);
        QCOMPARE(run.exitCode, 252);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
    }

    void documentsTheCommands_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addRow("start and stop") << "apps replication start|stop APP";
        QTest::addRow("on demand") << "apps replication run APP [--description TEXT]";
        QTest::addRow("launch and terminate") << "apps launch|terminate APP";
        QTest::addRow("wait") << "apps wait APP --until replicated|launched|terminated [--timeout SECONDS] [--interval SECONDS]";
        QTest::addRow("the wait's exit codes") << "apps wait: 0 reached, 1 a failed state, 2 timed out";
        QTest::addRow("jobs") << "jobs list [--all] [--starting-token TOKEN] [--app APP]";
        QTest::addRow("runs") << "runs list JOB [--all] [--starting-token TOKEN]";
    }

    void documentsTheCommands()
    {
        QFETCH(QString, line);
        const Run run = sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY), {QStringLiteral("--help")}, m_env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(QString::fromUtf8(run.out).contains(line), run.out.constData());
    }

    // ListApps answers `lookupError` (if any), then the application; GetApp
    // answers `firstError` (if any), then each status in turn.
    void waitsThroughTransientErrors_data()
    {
        QTest::addColumn<QString>("lookupError");
        QTest::addColumn<QString>("firstError");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QStringList>("statuses");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("said");
        const QStringList replicating = strings({"REPLICATION_IN_PROGRESS", "REPLICATION_IN_PROGRESS", "REPLICATED"});
        QTest::addRow("throttled") << QString() << "ThrottlingException" << int(Status::BadRequest) << replicating << 0
                                   << "GetApp failed (ThrottlingException: not now); still waiting";
        QTest::addRow("a 5xx answer") << QString() << "InternalError" << int(Status::InternalServerError) << replicating << 0
                                      << "GetApp failed (InternalError: not now); still waiting";
        QTest::addRow("access denied ends it") << QString() << "AccessDeniedException" << int(Status::BadRequest) << QStringList() << 254
                                               << "An error occurred (AccessDeniedException) when calling the GetApp operation: not now";
        QTest::addRow("the look-up throttled") << "ThrottlingException" << QString() << 0 << strings({"REPLICATED"})
                                               << 0 << "ListApps failed (ThrottlingException: not now); still waiting";
        QTest::addRow("no error") << QString() << QString() << 0 << strings({"REPLICATION_PENDING", "DELTA_REPLICATION_IN_PROGRESS",
                                                                "DELTA_REPLICATION_IN_PROGRESS", "DELTA_REPLICATED"})
                                  << 0 << "shop (app-1): DELTA_REPLICATED";
    }

    void waitsThroughTransientErrors()
    {
        QFETCH(QString, lookupError);
        QFETCH(QString, firstError);
        QFETCH(int, httpStatus);
        QFETCH(QStringList, statuses);
        QFETCH(int, exitCode);
        QFETCH(QString, said);
        FakeSmsServer server;
        if (!lookupError.isEmpty())
            server.enqueue(FakeSmsServer::awsError(lookupError.toLatin1().constData(), "not now", Status::BadRequest));
        server.enqueue(FakeSmsServer::json(R"({"apps":[{"appId":"app-1","name":"shop"}]})"));
        if (!firstError.isEmpty())
            server.enqueue(FakeSmsServer::awsError(firstError.toLatin1().constData(), "not now", Status(httpStatus)));
        for (const QString &status : statuses)
            server.enqueue(FakeSmsServer::json(R"({"appSummary":{"appId":"app-1","name":"shop","replicationStatus":")"
                                               + status.toLatin1() + R"("}})"));
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("AWS_MAX_ATTEMPTS"), QStringLiteral("1"));  // the error reaches the wait at once
        const Run run = sms::testing::runToEnd(
            QStringLiteral(SMS_PLAN_BINARY),
            strings({"apps", "wait", "shop", "--until", "replicated", "--interval", "0.1", "--timeout", "20",
                     "--endpoint-url"})
                << server.url().toString(),
            env);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QString::fromUtf8(run.err).contains(said), run.err.constData());
        // One line per change of status, however often it is read.
        for (const QString &status : statuses)
            QCOMPARE(count(run.err, "shop (app-1): " + status.toLatin1() + "\n"), 1);
        QCOMPARE(server.requests().size(),
                 int(!lookupError.isEmpty()) + 1 + int(!firstError.isEmpty()) + int(statuses.size()));
    }

private:
    bool startEndpoint(sms::testing::LocalEndpoint &endpoint, const QString &failureRate)
    {
        return endpoint.start(QStringLiteral(SMS_LOCAL_BINARY),
                              {QStringLiteral("--servers"), QStringLiteral("20"), QStringLiteral("--time-scale"),
                               QStringLiteral("3600"), QStringLiteral("--failure-rate"), failureRate,
                               QStringLiteral("--s3-dir"), m_dir.filePath(QStringLiteral("s3"))},
                              m_env);
    }

    // `size` servers of the catalog that a healthy connector can replicate,
    // once sms-local has imported it.
    Json replicableServers(const sms::testing::LocalEndpoint &endpoint, std::size_t size)
    {
        Json catalog = Json::array();
        const bool imported = QTest::qWaitFor([&] {
            catalog = parsed(plan(endpoint, strings({"servers", "list", "--page-size", "40"})).out)
                          .value("serverList", Json::array());
            return !catalog.empty();
        }, 20'000);
        std::set<Json> healthy;
        for (const Json &connector :
             parsed(plan(endpoint, strings({"connectors", "list"})).out).value("connectorList", Json::array()))
            if (connector.value("status", "") == "HEALTHY")
                healthy.insert(connector.at("vmManagerId"));
        Json servers = Json::array();
        for (const Json &server : catalog)
            if (servers.size() < size && healthy.count(server.at("vmServer").at("vmServerAddress").at("vmManagerId")))
                servers.push_back(server);
        return imported ? servers : Json::array();
    }

    Run plan(const sms::testing::LocalEndpoint &endpoint, const QStringList &words)
    {
        return sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY),
                                      QStringList{QStringLiteral("--endpoint-url"), endpoint.url()} + words, m_env);
    }

    // An application of one group over `serverIds`, configured to replicate
    // with the defaults; its id, or "" when it could not be made.
    QString createApp(const sms::testing::LocalEndpoint &endpoint, const QString &name, const QStringList &serverIds)
    {
        Json servers = Json::array();
        for (const QString &id : serverIds)
            servers.push_back({{"serverId", id.toStdString()}});
        const Json app = {{"name", name.toStdString()},
                          {"roleName", "sms-role"},
                          {"serverGroups", Json::array({{{"name", "web"}, {"serverList", servers}}})}};
        const Run created = plan(endpoint, {QStringLiteral("call"), QStringLiteral("CreateApp"), QStringLiteral("--input"),
                                            QString::fromStdString(app.dump())});
        const Json answer = parsed(created.out);
        if (created.exitCode != 0 || !answer.contains("appSummary"))
            return {};
        const QString id = text(answer.at("appSummary").at("appId"));
        const Json configuration = {{"appId", id.toStdString()}, {"serverGroupReplicationConfigurations", Json::array()}};
        const Run configured = plan(endpoint, {QStringLiteral("call"), QStringLiteral("PutAppReplicationConfiguration"),
                                               QStringLiteral("--input"), QString::fromStdString(configuration.dump())});
        return configured.exitCode == 0 ? id : QString();
    }

    // The replication job of a server of the shared endpoint.
    QString jobOf(const QString &serverId)
    {
        const Run run = plan(m_local, strings({"jobs", "list", "--all"}));
        const Json jobs = parsed(run.out).value("replicationJobList", Json::array());
        for (const Json &job : jobs)
            if (job.at("serverId") == serverId.toStdString())
                return text(job.at("replicationJobId"));
        return {};
    }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    sms::testing::LocalEndpoint m_local;
    QStringList m_serverIds;  // 3 servers a connector can replicate
    QStringList m_vmNames;    // their VMs' names
    QString m_shopId;         // servers 0 and 1
    QString m_otherId;        // server 2
    QStringList m_twinIds;    // two applications named "twin", without servers
};

QTEST_GUILESS_MAIN(TestSmsPlanReplication)
#include "tst_smsplan_replication.moc"
