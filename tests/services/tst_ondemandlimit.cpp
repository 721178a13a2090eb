// When SMS allows the next on-demand run: 2 per job in any 24 hours, counted
// from the ON_DEMAND runs' scheduled starts; for an application the last of
// its jobs decides; the endpoint's now is never before what it reports as
// past; the sentence says when, rounded up to the minute, in the zone given.
// readJobRuns reads every page of each job against a scripted endpoint.

#include "services/OnDemandLimit.h"

#include "AwaitResult.h"
#include "FakeServerConfig.h"
#include "FakeSmsServer.h"

#include "client/SmsClient.h"

#include <QTest>

using namespace sms;
using namespace sms::services;

namespace {

constexpr double kNow = 1796619167;  // 2026-12-07T04:52:47Z
constexpr double kHour = 3600;

api::ReplicationRun run(api::ReplicationRunType type, std::optional<double> start,
                        api::ReplicationRunState state = api::ReplicationRunState::Completed)
{
    api::ReplicationRun r;
    r.type = type;
    r.state = state;
    if (start)
        r.scheduledStartTime = api::Timestamp{*start};
    return r;
}

api::ReplicationRun onDemand(double start)
{
    return run(api::ReplicationRunType::OnDemand, start);
}

api::ReplicationRun automatic(double start)
{
    return run(api::ReplicationRunType::Automatic, start);
}

using Runs = std::vector<api::ReplicationRun>;

} // namespace

Q_DECLARE_METATYPE(Runs)
Q_DECLARE_METATYPE(std::vector<sms::services::JobRuns>)

class TestOnDemandLimit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nextRunOfAJob_data()
    {
        QTest::addColumn<Runs>("runs");
        QTest::addColumn<double>("expected");
        QTest::addRow("no runs") << Runs{} << kNow;
        QTest::addRow("one on-demand run") << Runs{onDemand(kNow - kHour)} << kNow;
        QTest::addRow("two in the window: the older one leaves it")
            << Runs{onDemand(kNow - 2 * kHour), onDemand(kNow - kHour)} << kNow + 22 * kHour;
        QTest::addRow("newest first") << Runs{onDemand(kNow - kHour), onDemand(kNow - 2 * kHour)}
                                      << kNow + 22 * kHour;
        QTest::addRow("the older one has left the window")
            << Runs{onDemand(kNow - 25 * kHour), onDemand(kNow - kHour)} << kNow;
        QTest::addRow("leaves the window exactly now")
            << Runs{onDemand(kNow - 24 * kHour), onDemand(kNow - kHour)} << kNow;
        QTest::addRow("three: the two newest decide")
            << Runs{onDemand(kNow - 3 * kHour), onDemand(kNow - 2 * kHour), onDemand(kNow - kHour)}
            << kNow + 22 * kHour;
        QTest::addRow("automatic runs do not count")
            << Runs{automatic(kNow - 3 * kHour), onDemand(kNow - 2 * kHour), automatic(kNow - kHour)} << kNow;
        QTest::addRow("a run queued behind another counts from its start")
            << Runs{onDemand(kNow - kHour), run(api::ReplicationRunType::OnDemand, kNow + 600,
                                                api::ReplicationRunState::Pending)}
            << kNow + 23 * kHour;
        QTest::addRow("a run without a start or type is not counted")
            << Runs{onDemand(kNow - kHour), run(api::ReplicationRunType::OnDemand, std::nullopt), api::ReplicationRun{}}
            << kNow;
    }

    void nextRunOfAJob()
    {
        QFETCH(Runs, runs);
        QFETCH(double, expected);
        QCOMPARE(nextOnDemandRunAllowed(runs, kNow), expected);
    }

    void nextRunOfAnApplication_data()
    {
        QTest::addColumn<std::vector<JobRuns>>("jobs");
        QTest::addColumn<QString>("server");
        QTest::addColumn<double>("expected");
        const Runs full{onDemand(kNow - 3 * kHour), onDemand(kNow - kHour)};
        const Runs fuller{onDemand(kNow - 2 * kHour), onDemand(kNow - kHour)};
        QTest::addRow("no jobs") << std::vector<JobRuns>{} << QString() << kNow;
        QTest::addRow("every job allows one: the first is named")
            << std::vector<JobRuns>{{"sms-job-1", "web-01", {}}, {"sms-job-2", "db-01", {onDemand(kNow - kHour)}}}
            << "web-01" << kNow;
        QTest::addRow("one job at its limit")
            << std::vector<JobRuns>{{"sms-job-1", "web-01", {}}, {"sms-job-2", "db-01", full}} << "db-01"
            << kNow + 21 * kHour;
        QTest::addRow("the last of them decides")
            << std::vector<JobRuns>{{"sms-job-1", "web-01", fuller}, {"sms-job-2", "db-01", full}} << "web-01"
            << kNow + 22 * kHour;
    }

    void nextRunOfAnApplication()
    {
        QFETCH(std::vector<JobRuns>, jobs);
        QFETCH(QString, server);
        QFETCH(double, expected);
        const OnDemandAllowance allowance = nextOnDemandRunAllowed(jobs, kNow);
        QCOMPARE(QString::fromStdString(allowance.serverName), server);
        QCOMPARE(allowance.allowedAt, expected);
    }

    void endpointNowIsNeverBeforeItsAnswers_data()
    {
        QTest::addColumn<Runs>("runs");
        QTest::addColumn<double>("expected");
        api::ReplicationRun completed = onDemand(kNow + 100);
        completed.completedTime = api::Timestamp{kNow + 200};
        QTest::addRow("nothing after the wall clock") << Runs{onDemand(kNow - kHour)} << kNow;
        QTest::addRow("a run completed ahead of the wall clock") << Runs{completed} << kNow + 200;
        QTest::addRow("a run started ahead of it") << Runs{onDemand(kNow + 50)} << kNow + 50;
        QTest::addRow("a pending run is in the future")
            << Runs{run(api::ReplicationRunType::OnDemand, kNow + 900, api::ReplicationRunState::Pending)} << kNow;
    }

    void endpointNowIsNeverBeforeItsAnswers()
    {
        QFETCH(Runs, runs);
        QFETCH(double, expected);
        QCOMPARE(endpointNow({{"sms-job-1", "web-01", runs}}, kNow), expected);
    }

    void words_data()
    {
        QTest::addColumn<QString>("server");
        QTest::addColumn<double>("allowedAt");
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QString>("expected");
        const QString limit = QStringLiteral("SMS allows 2 on-demand runs per server in 24 hours; ");
        // kNow is 04:52:47 UTC.
        QTest::addRow("later today")
            << "web-01" << kNow + 3 * kHour + 12 * 60 << QByteArray("UTC")
            << limit + QStringLiteral("the next one for web-01 is allowed at 08:05 UTC (in 3 h 12 min).");
        QTest::addRow("rounded up to the minute")
            << "web-01" << kNow + 30 << QByteArray("UTC")
            << limit + QStringLiteral("the next one for web-01 is allowed at 04:54 UTC (in 1 min).");
        QTest::addRow("whole hours") << "db-01" << kNow + 2 * kHour - 47 << QByteArray("UTC")
                                     << limit + QStringLiteral("the next one for db-01 is allowed at 06:52 UTC (in 2 h).");
        QTest::addRow("tomorrow") << "web-01" << kNow + 22 * kHour << QByteArray("UTC")
                                  << limit + QStringLiteral("the next one for web-01 is allowed at 02:53 UTC tomorrow (in 22 h).");
        QTest::addRow("later than tomorrow")
            << "web-01" << kNow + 47 * kHour << QByteArray("UTC")
            << limit + QStringLiteral("the next one for web-01 is allowed at 03:53 UTC on 2026-12-09 (in 47 h).");
        QTest::addRow("in another zone") << "web-01" << kNow + kHour << QByteArray("Europe/Berlin")
                                         << limit + QStringLiteral("the next one for web-01 is allowed at 06:53 CET (in 1 h).");
        QTest::addRow("allowed now") << "web-01" << kNow << QByteArray("UTC")
                                     << limit + QStringLiteral("the next one for web-01 is allowed now.");
        QTest::addRow("no server named") << QString() << kNow + 10 * 60 << QByteArray("UTC")
                                         << limit + QStringLiteral("the next one is allowed at 05:03 UTC (in 10 min).");
    }

    void words()
    {
        QFETCH(QString, server);
        QFETCH(double, allowedAt);
        QFETCH(QByteArray, zone);
        QFETCH(QString, expected);
        const QTimeZone timeZone(zone);
        QVERIFY(timeZone.isValid());
        QCOMPARE(onDemandLimitWords({server.toStdString(), allowedAt}, kNow, timeZone), expected);
    }

    void readsEveryPageOfEachJob()
    {
        FakeSmsServer server;
        // Job 1 in two pages, then job 2; answered in the order asked.
        server.setFallback([](const ReceivedRequest &request, QHttpServerResponder &responder) {
            const api::Json body = api::Json::parse(request.body.toStdString());
            api::Json answer;
            const std::string job = body.at("replicationJobId");
            answer["replicationJob"] = {{"replicationJobId", job}, {"serverId", "s-" + job}};
            if (job == "sms-job-1")
                answer["replicationJob"]["vmServer"] = {{"vmName", "web-01"}};
            const bool secondPage = body.contains("nextToken");
            answer["replicationRunList"] = api::Json::array(
                {{{"replicationRunId", job + (secondPage ? "-b" : "-a")}, {"type", "ON_DEMAND"}}});
            if (job == "sms-job-1" && !secondPage)
                answer["nextToken"] = "more";
            FakeSmsServer::json(QByteArray::fromStdString(answer.dump()))(request, responder);
        });
        client::SmsClient client(sms::testing::configFor(server));
        const auto read = awaitResult<std::vector<JobRuns>>([&](QObject *context, auto done) {
            readJobRuns(client, {"sms-job-1", "sms-job-2"}, context, done);
        });
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().describe().c_str());
        QCOMPARE(read->size(), std::size_t(2));
        QCOMPARE(read->at(0).serverName, std::string("web-01"));
        QCOMPARE(read->at(0).runs.size(), std::size_t(2));
        QCOMPARE(read->at(0).runs.at(1).replicationRunId, std::optional<std::string>("sms-job-1-b"));
        QCOMPARE(read->at(1).serverName, std::string("s-sms-job-2"));  // no VM name: the server id
        QCOMPARE(read->at(1).runs.size(), std::size_t(1));
    }

    void aFailedReadEndsIt()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::awsError("InvalidParameterException", "Replication job sms-job-9 does "
                                                   "not exist.", QHttpServerResponder::StatusCode::BadRequest));
        client::SmsClient client(sms::testing::configFor(server));
        const auto read = awaitResult<std::vector<JobRuns>>([&](QObject *context, auto done) {
            readJobRuns(client, {"sms-job-9", "sms-job-8"}, context, done);
        });
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, std::string("InvalidParameterException"));
    }

    void noJobsIsNoRuns()
    {
        FakeSmsServer server;
        client::SmsClient client(sms::testing::configFor(server));
        const auto read = awaitResult<std::vector<JobRuns>>(
            [&](QObject *context, auto done) { readJobRuns(client, {}, context, done); });
        QVERIFY(read.ok());
        QVERIFY(read->empty());
        QVERIFY(server.requests().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestOnDemandLimit)
#include "tst_ondemandlimit.moc"
