// The replication monitor's figures on their own: history buffers, run
// progress estimates and the overdue rule (the store's use of them is in
// tst_replicationstore).

#include "models/JobBuckets.h"
#include "models/JobWatch.h"
#include "models/RunProgress.h"
#include "models/StateHistory.h"

#include <QTest>

#include <numeric>

using namespace sms;
using namespace sms::models;

class TestReplicationFigures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // An ACTIVE job between runs with an AMI made is counted as replicated.
    void activeJobBucket_data()
    {
        QTest::addColumn<QString>("ami");
        QTest::addColumn<QString>("runState");  // of its one run; empty: no runs listed
        QTest::addColumn<int>("bucket");
        QTest::addRow("no AMI yet") << QString() << "ACTIVE" << int(JobBucket::Replicating);
        QTest::addRow("AMI, a run in progress") << "ami-1" << "ACTIVE" << int(JobBucket::Replicating);
        QTest::addRow("AMI, last run completed") << "ami-1" << "COMPLETED" << int(JobBucket::Completed);
        QTest::addRow("AMI, no runs listed") << "ami-1" << QString() << int(JobBucket::Completed);
    }

    void activeJobBucket()
    {
        QFETCH(QString, ami);
        QFETCH(QString, runState);
        QFETCH(int, bucket);
        api::ReplicationJob job;
        job.state = api::OpenEnum<api::ReplicationJobState>(api::ReplicationJobState::Active);
        if (!ami.isEmpty())
            job.latestAmiId = ami.toStdString();
        if (!runState.isEmpty()) {
            api::ReplicationRun run;
            run.state = api::OpenEnum<api::ReplicationRunState>::fromString(runState.toStdString());
            job.replicationRunList = std::vector<api::ReplicationRun>{run};
        }
        QCOMPARE(int(bucketOf(job)), bucket);
        job.state = api::OpenEnum<api::ReplicationJobState>(api::ReplicationJobState::Failing);
        QCOMPARE(bucketOf(job), JobBucket::Failing);  // only ACTIVE is looked at more closely
    }

    void historyAveraging_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("passes");
        QTest::addColumn<int>("samples"); // held afterwards

        QTest::addRow("not yet full") << 300 << 120 << 120;
        QTest::addRow("exactly full") << 300 << 300 << 300;
        QTest::addRow("one over: the oldest half merged") << 300 << 301 << 226;
        // Full again every 75 passes after that: 225 + 1 + (passes - 301) % 75.
        QTest::addRow("an hour of 2 s passes") << 300 << 1800 << 300;
        QTest::addRow("a day of 10 s passes") << 300 << 8640 << 240;
        QTest::addRow("capacity rounded up to 12") << 10 << 100 << 10;
        QTest::addRow("at least 4") << 1 << 50 << 4;
    }

    void historyAveraging()
    {
        QFETCH(int, capacity);
        QFETCH(int, passes);
        QFETCH(int, samples);

        StateHistory history{std::size_t(capacity)};
        const auto *storage = history.samples().data();
        // Bucket k of pass i holds a value that differs pass to pass, so an
        // averaging that loses or double-counts a pass changes the mean.
        std::array<double, kJobBucketCount> sums{};
        double atSum = 0;
        for (int i = 0; i < passes; ++i) {
            StateSample sample;
            sample.at = 1000.0 + 10.0 * i;
            for (int k = 0; k < kJobBucketCount; ++k)
                sample.servers[std::size_t(k)] = float((i * (k + 1)) % 17);
            for (int k = 0; k < kJobBucketCount; ++k)
                sums[std::size_t(k)] += sample.servers[std::size_t(k)];
            atSum += sample.at;
            history.add(sample);
        }
        QVERIFY(history.samples().size() <= history.capacity());
        QCOMPARE(int(history.samples().size()), samples);
        QCOMPARE(history.samples().data(), storage); // reserved once, never reallocated

        // The passes are all accounted for, and the mean over passes is kept.
        std::uint64_t counted = 0;
        std::array<double, kJobBucketCount> weighted{};
        double atWeighted = 0;
        for (std::size_t i = 0; i < history.samples().size(); ++i) {
            const double w = history.passes(i);
            counted += history.passes(i);
            for (int k = 0; k < kJobBucketCount; ++k)
                weighted[std::size_t(k)] += w * history.samples()[i].servers[std::size_t(k)];
            atWeighted += w * history.samples()[i].at;
            if (i > 0)
                QVERIFY(history.samples()[i - 1].at < history.samples()[i].at);
        }
        QCOMPARE(counted, std::uint64_t(passes));
        for (int k = 0; k < kJobBucketCount; ++k)
            QVERIFY2(qAbs(weighted[std::size_t(k)] / passes - sums[std::size_t(k)] / passes) < 1e-3,
                     qPrintable(QStringLiteral("bucket %1: %2 != %3")
                                    .arg(k)
                                    .arg(weighted[std::size_t(k)] / passes)
                                    .arg(sums[std::size_t(k)] / passes)));
        QVERIFY(qAbs(atWeighted / passes - atSum / passes) < 1e-3);
        // The newest pass is still on its own; the oldest stands for the most.
        QCOMPARE(history.samples().back().at, 1000.0 + 10.0 * (passes - 1));
        QCOMPARE(history.passes(history.samples().size() - 1), std::uint32_t(1));
    }

    void stagePercent_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("percent"); // -1: none

        QTest::addRow("sandbox's") << "45%" << 45;
        QTest::addRow("spaced") << " 7 %" << 7;
        QTest::addRow("bare") << "100" << 100;
        QTest::addRow("over 100 clamped") << "250%" << 100;
        QTest::addRow("words") << "almost done" << -1;
        QTest::addRow("empty") << "" << -1;
    }

    void stagePercent()
    {
        QFETCH(QString, text);
        QFETCH(int, percent);
        const std::optional<int> parsed = models::stagePercent(text.toStdString());
        QCOMPARE(parsed.value_or(-1), percent);
    }

    void runFraction_data()
    {
        QTest::addColumn<QString>("stage");
        QTest::addColumn<int>("percent"); // -1: none
        QTest::addColumn<double>("fraction"); // -1: none

        QTest::addRow("preparing starts the run") << "Preparing" << 0 << 0.0;
        QTest::addRow("half way uploading") << "Uploading" << 50 << 0.35;
        QTest::addRow("converting done") << "Converting" << 100 << 0.85;
        QTest::addRow("creating the AMI, any case") << "creating ami" << 50 << 0.925;
        QTest::addRow("no percent: the stage's start") << "Converting" << -1 << 0.60;
        QTest::addRow("a stage real SMS may name") << "Snapshotting" << 50 << -1.0;
    }

    void runFraction()
    {
        QFETCH(QString, stage);
        QFETCH(int, percent);
        QFETCH(double, fraction);
        const std::optional<double> estimated =
            models::runFraction(stage.toStdString(), percent < 0 ? std::nullopt : std::optional<int>(percent));
        QCOMPARE(estimated.has_value(), fraction >= 0);
        if (estimated)
            QCOMPARE(*estimated, fraction);
    }

    void overdueWithoutRuns_data()
    {
        QTest::addColumn<bool>("runsKnown");
        QTest::addColumn<bool>("hasAmi");
        QTest::addColumn<bool>("overdue");

        // Seeded three days ago, every 12 hours, no completion seen.
        QTest::addRow("runs read, none completed") << true << true << true;
        QTest::addRow("runs not read, no AMI: none completed") << false << false << true;
        QTest::addRow("runs not read, an AMI: unknown, no verdict") << false << true << false;
    }

    void overdueWithoutRuns()
    {
        QFETCH(bool, runsKnown);
        QFETCH(bool, hasAmi);
        QFETCH(bool, overdue);

        api::ReplicationJob job;
        job.frequency = 12;
        job.state = api::ReplicationJobState::Active;
        job.seedReplicationTime = api::Timestamp{1'700'000'000 - 3 * 86400.0};
        if (hasAmi)
            job.latestAmiId = "ami-1";
        QCOMPARE(isOverdue(job, std::nullopt, runsKnown, 1'700'000'000), overdue);
        // Deleting jobs are never overdue.
        job.state = api::ReplicationJobState::Deleting;
        QVERIFY(!isOverdue(job, std::nullopt, runsKnown, 1'700'000'000));
    }
};

QTEST_GUILESS_MAIN(TestReplicationFigures)
#include "tst_replicationfigures.moc"
