// sms-local's replication jobs on a stepped simulation clock: runs move
// through their stages to an AMI, follow the job's schedule, fail at the
// seeded share and pause the job, prune old AMIs, respect the on-demand quota,
// page with tokens, and answer SMS's modeled errors.

#include "SandboxFixture.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>
#include <set>

using namespace sms;
using namespace sms::sandbox;
using namespace sms::sandbox::testing;

namespace {

// The fixture with the replication requests these tests make.
class Sandbox : public SandboxFixture
{
public:
    explicit Sandbox(double failureRate = 0.0, std::uint64_t seed = 7, std::size_t servers = 200)
        : SandboxFixture(servers, seed, failureRate)
    {
    }

    Result<api::CreateReplicationJobResponse> create(const std::string &serverId, std::optional<int> frequency,
                                                     bool runOnce = false, double seedAfter = 0)
    {
        api::CreateReplicationJobRequest request;
        request.serverId = serverId;
        request.seedReplicationTime = api::Timestamp{now() + seedAfter};
        request.frequency = frequency;
        if (runOnce)
            request.runOnce = true;
        return replication.createReplicationJob(request);
    }

    Result<api::GetReplicationRunsResponse> runs(const std::string &jobId, std::optional<int> maxResults = {},
                                                 std::optional<std::string> nextToken = {})
    {
        api::GetReplicationRunsRequest request;
        request.replicationJobId = jobId;
        request.maxResults = maxResults;
        request.nextToken = std::move(nextToken);
        return replication.getReplicationRuns(request);
    }

    api::ReplicationJob job(const std::string &jobId)
    {
        api::GetReplicationJobsRequest request;
        request.replicationJobId = jobId;
        auto found = replication.getReplicationJobs(request);
        if (!found || found->replicationJobList->size() != 1)
            return {};
        return found->replicationJobList->front();
    }

    Result<api::StartOnDemandReplicationRunResponse> onDemand(const std::string &jobId,
                                                              std::optional<std::string> description = {})
    {
        api::StartOnDemandReplicationRunRequest request;
        request.replicationJobId = jobId;
        request.description = std::move(description);
        return replication.startOnDemandReplicationRun(request);
    }
};

bool isAmiId(const std::optional<std::string> &id)
{
    static const QRegularExpression pattern(QStringLiteral("^ami-[0-9a-f]{17}$"));
    return id && pattern.match(qs(*id)).hasMatch();
}

// Every run of every job, one line each, with all a client can see of it.
std::vector<std::string> describeRuns(Sandbox &sandbox)
{
    std::vector<std::string> lines;
    for (const JobRecord &record : sandbox.state.jobs) {
        const api::ReplicationJob job = sandbox.job(record.id());
        lines.push_back(*job.replicationJobId + ' ' + std::string(job.state->toString()) + ' '
                        + job.latestAmiId.value_or("-") + ' ' + job.statusMessage.value_or("-"));
        for (const api::ReplicationRun &run : job.replicationRunList.value_or(std::vector<api::ReplicationRun>{}))
            lines.push_back("  " + *run.replicationRunId + ' ' + std::string(run.state->toString()) + ' '
                            + std::string(run.type->toString()) + ' ' + run.amiId.value_or("-") + ' '
                            + std::to_string(run.scheduledStartTime->epochSeconds) + ' '
                            + std::to_string(run.completedTime.value_or(api::Timestamp{}).epochSeconds) + ' '
                            + run.statusMessage.value_or("-"));
    }
    return lines;
}

// Four jobs over 30 simulated hours at a 25% failure rate, with an on-demand
// run at hour 5; a client looks every `pollEvery` seconds (0: only at the end).
std::vector<std::string> scenario(std::uint64_t seed, double pollEvery)
{
    Sandbox sandbox(0.25, seed);
    const auto servers = sandbox.servers(Kind::Replicable);
    const std::string first = *sandbox.create(servers.at(0), 1)->replicationJobId;
    (void)sandbox.create(servers.at(1), 2);
    (void)sandbox.create(servers.at(2), 3);
    (void)sandbox.create(servers.at(3), std::nullopt, true);
    for (double t = pollEvery; pollEvery > 0 && t < 5 * kHour; t += pollEvery)
        sandbox.at(t);
    sandbox.at(5 * kHour);
    (void)sandbox.onDemand(first, "hour five");
    for (double t = 5 * kHour + pollEvery; pollEvery > 0 && t < 30 * kHour; t += pollEvery)
        sandbox.at(t);
    sandbox.at(30 * kHour);
    return describeRuns(sandbox);
}

// Five hourly jobs at this failure rate as a client sees them after three
// simulated days; none if one of them could not be created.
std::vector<api::ReplicationJob> hourlyJobsAfterThreeDays(double failureRate)
{
    Sandbox sandbox(failureRate);
    const auto servers = sandbox.servers(Kind::Replicable);
    for (std::size_t i = 0; i < 5; ++i)
        if (!sandbox.create(servers.at(i), 1).ok())
            return {};
    sandbox.at(3 * kDay);
    std::vector<api::ReplicationJob> jobs;
    for (const JobRecord &record : sandbox.state.jobs)
        jobs.push_back(sandbox.job(record.id()));
    return jobs;
}

} // namespace

class TestReplicationOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runMovesThroughStagesToAnAmi()
    {
        Sandbox sandbox;
        const std::string server = sandbox.servers(Kind::Replicable).at(0);
        const auto created = sandbox.create(server, 12);
        QVERIFY2(created.ok(), created ? "" : created.error().describe().c_str());
        const std::string jobId = *created->replicationJobId;
        QVERIFY(jobId.rfind("sms-job-", 0) == 0);
        QCOMPARE(qs(sandbox.state.findServer(server)->server.replicationJobId.value_or("")), qs(jobId));

        // The seed time is now, so the first run starts at once.
        auto listed = sandbox.runs(jobId);
        QVERIFY(listed.ok());
        QCOMPARE(listed->replicationRunList->size(), size_t(1));
        const api::ReplicationRun first = listed->replicationRunList->front();
        QVERIFY(first.replicationRunId->rfind("sms-run-", 0) == 0);
        QVERIFY(first.state == api::ReplicationRunState::Active);
        QVERIFY(first.type == api::ReplicationRunType::Automatic);
        QCOMPARE(first.scheduledStartTime->epochSeconds, kStart);
        QCOMPARE(qs(*first.stageDetails->stage), QStringLiteral("Preparing"));
        QCOMPARE(qs(*first.stageDetails->stageProgress), QStringLiteral("0%"));
        QVERIFY(listed->replicationJob->state == api::ReplicationJobState::Active);
        QVERIFY(!listed->replicationJob->replicationRunList);
        QVERIFY(!listed->replicationJob->latestAmiId);
        QCOMPARE(listed->replicationJob->nextReplicationRunStartTime->epochSeconds, kStart + 12 * kHour);

        // Second by second: the four stages in order, progress as a percentage rising within each.
        static const QRegularExpression progressPattern(QStringLiteral("^(\\d{1,3})%$"));
        QStringList stages;
        int lastProgress = -1;
        double completedAt = 0;
        for (int t = 1; t <= int(kLongestRun); ++t) {
            sandbox.at(t);
            const api::ReplicationRun run = sandbox.runs(jobId)->replicationRunList->front();
            if (run.state == api::ReplicationRunState::Completed) {
                completedAt = t;
                break;
            }
            QVERIFY2(run.state == api::ReplicationRunState::Active, run.state->toString().data());
            const QString stage = qs(*run.stageDetails->stage);
            const auto match = progressPattern.match(qs(*run.stageDetails->stageProgress));
            QVERIFY2(match.hasMatch(), qPrintable(qs(*run.stageDetails->stageProgress)));
            const int progress = match.captured(1).toInt();
            QVERIFY(progress >= 0 && progress <= 100);
            if (stages.isEmpty() || stages.back() != stage) {
                stages.push_back(stage);
                lastProgress = -1;
            }
            QVERIFY2(progress >= lastProgress, qPrintable(stage));
            lastProgress = progress;
            QVERIFY(sandbox.job(jobId).state == api::ReplicationJobState::Active);
        }
        QCOMPARE(stages, (QStringList{QStringLiteral("Preparing"), QStringLiteral("Uploading"),
                                      QStringLiteral("Converting"), QStringLiteral("Creating AMI")}));
        QVERIFY2(completedAt >= 60 && completedAt <= kLongestRun, qPrintable(QString::number(completedAt)));

        const api::ReplicationRun done = sandbox.runs(jobId)->replicationRunList->front();
        QVERIFY(done.state == api::ReplicationRunState::Completed);
        QVERIFY2(isAmiId(done.amiId), done.amiId.value_or("(none)").c_str());
        const double duration = done.completedTime->epochSeconds - done.scheduledStartTime->epochSeconds;
        QVERIFY2(duration >= 60 && duration <= 120, qPrintable(QString::number(duration)));
        QVERIFY(!done.statusMessage);

        const api::ReplicationJob job = sandbox.job(jobId);
        QVERIFY(job.state == api::ReplicationJobState::Active);  // a scheduled job stays active
        QCOMPARE(qs(job.latestAmiId.value_or("")), qs(*done.amiId));
        QCOMPARE(job.replicationRunList->size(), size_t(1));
        QVERIFY(job.replicationRunList->front() == done);
        QCOMPARE(qs(*job.serverId), qs(server));
        QVERIFY(job.vmServer == sandbox.state.findServer(server)->server.vmServer);
    }

    void futureSeedTimeKeepsTheJobPending()
    {
        Sandbox sandbox;
        const auto created = sandbox.create(sandbox.servers(Kind::Replicable).at(0), 6, false, 2 * kHour);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;
        sandbox.at(2 * kHour - 1);
        QVERIFY(sandbox.job(jobId).state == api::ReplicationJobState::Pending);
        QCOMPARE(sandbox.job(jobId).nextReplicationRunStartTime->epochSeconds, kStart + 2 * kHour);
        QVERIFY(sandbox.runs(jobId)->replicationRunList->empty());
        sandbox.at(2 * kHour);
        QCOMPARE(sandbox.runs(jobId)->replicationRunList->size(), size_t(1));
        QVERIFY(sandbox.job(jobId).state == api::ReplicationJobState::Active);
        QCOMPARE(sandbox.job(jobId).nextReplicationRunStartTime->epochSeconds, kStart + 8 * kHour);
    }

    void frequencySchedulesTheNextRuns()
    {
        Sandbox sandbox;
        const auto created = sandbox.create(sandbox.servers(Kind::Replicable).at(0), 2);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;
        sandbox.at(2 * kHour - 1);
        QCOMPARE(sandbox.runs(jobId)->replicationRunList->size(), size_t(1));
        sandbox.at(2 * kHour + 1);
        auto runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[1].scheduledStartTime->epochSeconds, kStart + 2 * kHour);
        QVERIFY(runs[1].type == api::ReplicationRunType::Automatic);
        QVERIFY(runs[1].state == api::ReplicationRunState::Active);
        QCOMPARE(sandbox.job(jobId).nextReplicationRunStartTime->epochSeconds, kStart + 4 * kHour);

        // Time jumps: every run due on the way is there, none twice, each with its own AMI.
        sandbox.at(10 * kHour + kLongestRun);
        runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(6));
        std::set<std::string> ids, amis;
        for (std::size_t i = 0; i < runs.size(); ++i) {
            QCOMPARE(runs[i].scheduledStartTime->epochSeconds, kStart + double(i) * 2 * kHour);
            QVERIFY(runs[i].state == api::ReplicationRunState::Completed);
            ids.insert(*runs[i].replicationRunId);
            amis.insert(*runs[i].amiId);
        }
        QCOMPARE(ids.size(), runs.size());
        QCOMPARE(amis.size(), runs.size());
        QCOMPARE(qs(*sandbox.job(jobId).latestAmiId), qs(*runs.back().amiId));
    }

    void runOnceCompletesTheJob()
    {
        Sandbox sandbox;
        const auto created = sandbox.create(sandbox.servers(Kind::Replicable).at(0), std::nullopt, true);
        QVERIFY2(created.ok(), created ? "" : created.error().describe().c_str());
        const std::string jobId = *created->replicationJobId;
        QVERIFY(sandbox.job(jobId).state == api::ReplicationJobState::Active);
        QVERIFY(!sandbox.job(jobId).nextReplicationRunStartTime);
        sandbox.at(kLongestRun);
        const api::ReplicationJob job = sandbox.job(jobId);
        QVERIFY2(job.state == api::ReplicationJobState::Completed, job.state->toString().data());
        QVERIFY(isAmiId(job.latestAmiId));
        sandbox.at(3 * kDay);
        QCOMPARE(sandbox.runs(jobId)->replicationRunList->size(), size_t(1));
        QVERIFY(sandbox.job(jobId).state == api::ReplicationJobState::Completed);
    }

    void runOnceFailureFailsTheJob()
    {
        Sandbox sandbox(1.0);
        const auto created = sandbox.create(sandbox.servers(Kind::Replicable).at(0), std::nullopt, true);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;
        sandbox.at(kLongestRun);
        const api::ReplicationJob job = sandbox.job(jobId);
        QVERIFY2(job.state == api::ReplicationJobState::Failed, job.state->toString().data());
        QVERIFY(!job.latestAmiId);
        QVERIFY(job.statusMessage && !job.statusMessage->empty());
    }

    void failuresPauseTheJob()
    {
        Sandbox sandbox(1.0);
        const auto created = sandbox.create(sandbox.servers(Kind::Replicable).at(0), 1);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;

        sandbox.at(kLongestRun);
        auto runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(1));
        QVERIFY(runs[0].state == api::ReplicationRunState::Failed);
        QVERIFY(runs[0].statusMessage && !runs[0].statusMessage->empty());
        QVERIFY(runs[0].stageDetails && runs[0].stageDetails->stage);
        QVERIFY(!runs[0].amiId);
        // It fails between 15% and 85% of the way, so before the two minutes are up.
        QVERIFY(runs[0].completedTime->epochSeconds < kStart + 120 * 0.85 + 1);
        api::ReplicationJob job = sandbox.job(jobId);
        QVERIFY2(job.state == api::ReplicationJobState::Failing, job.state->toString().data());
        QCOMPARE(qs(job.statusMessage.value_or("")), qs(*runs[0].statusMessage));
        QVERIFY(!job.latestAmiId);

        sandbox.at(kHour + kLongestRun);
        runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(2));
        QVERIFY(runs[1].state == api::ReplicationRunState::Failed);
        job = sandbox.job(jobId);
        QVERIFY2(job.state == api::ReplicationJobState::PausedOnFailure, job.state->toString().data());
        QVERIFY2(job.statusMessage && job.statusMessage->find(*runs[1].statusMessage) != std::string::npos,
                 job.statusMessage.value_or("(none)").c_str());

        // Paused: no more automatic runs, however long it waits.
        sandbox.at(10 * kHour);
        QCOMPARE(sandbox.runs(jobId)->replicationRunList->size(), size_t(2));
        QVERIFY(sandbox.job(jobId).state == api::ReplicationJobState::PausedOnFailure);
    }

    // A paused job resumes from now on; the automatic runs it skipped while
    // paused are not replayed into the past.
    void resumingDoesNotReplayThePause_data()
    {
        QTest::addColumn<bool>("byOnDemandRun");
        QTest::addRow("on-demand run") << true;
        QTest::addRow("update") << false;
    }

    void resumingDoesNotReplayThePause()
    {
        QFETCH(bool, byOnDemandRun);
        Sandbox sandbox(1.0);
        const auto created = sandbox.create(sandbox.servers(Kind::Replicable).at(0), 1);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;
        sandbox.at(kHour + kLongestRun);
        QVERIFY(sandbox.job(jobId).state == api::ReplicationJobState::PausedOnFailure);

        const double resumedAt = 10 * kHour + 30;
        sandbox.at(resumedAt);
        sandbox.state.failureRate = 0;  // the cause is fixed
        if (byOnDemandRun) {
            const auto started = sandbox.onDemand(jobId, "after the fix");
            QVERIFY2(started.ok(), started ? "" : started.error().describe().c_str());
        } else {
            api::UpdateReplicationJobRequest update;
            update.replicationJobId = jobId;
            update.description = "after the fix";
            const auto updated = sandbox.replication.updateReplicationJob(update);
            QVERIFY2(updated.ok(), updated ? "" : updated.error().describe().c_str());
        }
        sandbox.at(resumedAt);  // the client's next request

        const auto runs = *sandbox.runs(jobId)->replicationRunList;
        const api::ReplicationJob job = sandbox.job(jobId);
        QVERIFY2(job.state != api::ReplicationJobState::PausedOnFailure, job.state->toString().data());
        for (std::size_t i = 2; i < runs.size(); ++i)
            QVERIFY2(runs[i].scheduledStartTime->epochSeconds >= kStart + resumedAt,
                     qPrintable(QStringLiteral("run %1 of %2 is scheduled at +%3 s, during the pause (resumed at +%4 s)")
                                    .arg(i + 1)
                                    .arg(runs.size())
                                    .arg(runs[i].scheduledStartTime->epochSeconds - kStart)
                                    .arg(resumedAt)));
        QVERIFY(!job.nextReplicationRunStartTime || job.nextReplicationRunStartTime->epochSeconds >= kStart + resumedAt);
        if (byOnDemandRun) {
            QCOMPARE(runs.size(), size_t(3));
            QVERIFY(runs[2].type == api::ReplicationRunType::OnDemand);
            QCOMPARE(qs(runs[2].description.value_or("")), QStringLiteral("after the fix"));
            QVERIFY(job.state == api::ReplicationJobState::Active);
            sandbox.at(resumedAt + kLongestRun);
            const api::ReplicationJob after = sandbox.job(jobId);
            QVERIFY(after.state == api::ReplicationJobState::Active);
            QVERIFY(isAmiId(after.latestAmiId));
        }
    }

    void automaticRunDueDuringAnotherIsMissed()
    {
        Sandbox sandbox;
        const std::string jobId = *sandbox.create(sandbox.servers(Kind::Replicable).at(0), 1)->replicationJobId;
        sandbox.at(kHour - 30);
        QVERIFY(sandbox.onDemand(jobId).ok());  // still running when the hourly run falls due
        sandbox.at(kHour + kLongestRun);
        const auto runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(3));
        QVERIFY(runs[1].type == api::ReplicationRunType::OnDemand);
        QVERIFY(runs[1].state == api::ReplicationRunState::Completed);
        QVERIFY2(runs[2].state == api::ReplicationRunState::Missed, runs[2].state->toString().data());
        QCOMPARE(runs[2].scheduledStartTime->epochSeconds, kStart + kHour);
        QVERIFY(!runs[2].amiId);
        QVERIFY(runs[2].statusMessage);
        const api::ReplicationJob job = sandbox.job(jobId);
        QVERIFY(job.state == api::ReplicationJobState::Active);
        QCOMPARE(qs(*job.latestAmiId), qs(*runs[1].amiId));
        QCOMPARE(job.nextReplicationRunStartTime->epochSeconds, kStart + 2 * kHour);
    }

    void failureRateZeroNeverFails()
    {
        const auto jobs = hourlyJobsAfterThreeDays(0.0);
        QCOMPARE(jobs.size(), size_t(5));
        std::size_t total = 0;
        for (const api::ReplicationJob &job : jobs) {
            QVERIFY(job.state == api::ReplicationJobState::Active);
            QVERIFY(!job.statusMessage);
            for (const api::ReplicationRun &run : *job.replicationRunList) {
                QVERIFY2(run.state == api::ReplicationRunState::Completed
                             || run.state == api::ReplicationRunState::Active,
                         run.state->toString().data());
                ++total;
            }
        }
        QCOMPARE(total, size_t(5 * 73));
    }

    void failureRateOneAlwaysFails()
    {
        const auto jobs = hourlyJobsAfterThreeDays(1.0);
        QCOMPARE(jobs.size(), size_t(5));
        for (const api::ReplicationJob &job : jobs) {
            QVERIFY(job.state == api::ReplicationJobState::PausedOnFailure);
            QCOMPARE(job.replicationRunList->size(), size_t(2));
            for (const api::ReplicationRun &run : *job.replicationRunList)
                QVERIFY(run.state == api::ReplicationRunState::Failed);
        }
    }

    void sameSeedGivesTheSameRuns()
    {
        const auto first = scenario(7, 0);
        QVERIFY(first.size() > 20);
        QVERIFY(scenario(7, 0) == first);
        const auto polled = scenario(7, 600);
        QVERIFY(scenario(7, 600) == polled);

        // Both fates occur at a 25% failure rate.
        const auto has = [&](const char *text) {
            return std::any_of(first.begin(), first.end(),
                               [&](const std::string &line) { return line.find(text) != std::string::npos; });
        };
        QVERIFY(has(" COMPLETED AUTOMATIC ami-"));
        QVERIFY(has(" FAILED AUTOMATIC "));
        QVERIFY(has(" ON_DEMAND "));

        // Another seed: other ids and images.
        const auto other = scenario(8, 0);
        std::set<std::string> amis;
        for (const std::string &line : first)
            if (const auto at = line.find("ami-"); at != std::string::npos)
                amis.insert(line.substr(at, 21));
        for (const std::string &line : other)
            if (const auto at = line.find("ami-"); at != std::string::npos)
                QVERIFY(!amis.count(line.substr(at, 21)));
        QVERIFY(other.front().substr(0, 25) != first.front().substr(0, 25));
    }

    // Every read brings the simulation up to now, so a client that looks
    // every ten minutes sees the same runs as one that looks once at the end.
    void runsDoNotDependOnWhenTheClientLooks()
    {
        const auto polled = scenario(7, 600);
        const auto unpolled = scenario(7, 0);
        QCOMPARE(polled.size(), unpolled.size());
        // The runs' fates: states, images, times and messages.
        static const QRegularExpression runId(QStringLiteral("sms-run-[0-9a-f]{17}"));
        for (std::size_t i = 0; i < polled.size(); ++i)
            QCOMPARE(qs(polled[i]).replace(runId, QStringLiteral("sms-run-*")),
                     qs(unpolled[i]).replace(runId, QStringLiteral("sms-run-*")));
        // And their ids.
        for (std::size_t i = 0; i < polled.size(); ++i)
            QCOMPARE(qs(polled[i]), qs(unpolled[i]));
    }

    void prunesOlderAmis()
    {
        Sandbox sandbox;
        api::CreateReplicationJobRequest request;
        request.serverId = sandbox.servers(Kind::Replicable).at(0);
        request.seedReplicationTime = api::Timestamp{sandbox.now()};
        request.frequency = 1;
        request.numberOfRecentAmisToKeep = 2;
        const auto created = sandbox.replication.createReplicationJob(request);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;

        sandbox.at(kHour + kLongestRun);
        auto runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(2));
        QVERIFY(runs[0].state == api::ReplicationRunState::Completed);
        QVERIFY(runs[1].state == api::ReplicationRunState::Completed);

        sandbox.at(4 * kHour + kLongestRun);
        runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(5));
        for (std::size_t i = 0; i < 3; ++i)
            QVERIFY2(runs[i].state == api::ReplicationRunState::Deleted, runs[i].state->toString().data());
        QVERIFY(runs[3].state == api::ReplicationRunState::Completed);
        QVERIFY(runs[4].state == api::ReplicationRunState::Completed);
        QCOMPARE(qs(*sandbox.job(jobId).latestAmiId), qs(*runs[4].amiId));
    }

    void onDemandRunsAreLimitedPerDay()
    {
        Sandbox sandbox;
        const auto created = sandbox.create(sandbox.servers(Kind::Replicable).at(0), 12);
        QVERIFY(created.ok());
        const std::string jobId = *created->replicationJobId;

        const auto first = sandbox.onDemand(jobId, "first");
        QVERIFY2(first.ok(), first ? "" : first.error().describe().c_str());
        QVERIFY(first->replicationRunId->rfind("sms-run-", 0) == 0);
        const auto second = sandbox.onDemand(jobId, "second");
        QVERIFY(second.ok());
        const auto third = sandbox.onDemand(jobId);
        QVERIFY(!third.ok());
        QCOMPARE(qs(third.error().code), QStringLiteral("ReplicationRunLimitExceededException"));
        QCOMPARE(third.error().httpStatus, 400);

        // The on-demand runs queue behind the run in progress rather than overlap it.
        auto runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(3));
        QCOMPARE(qs(*runs[1].replicationRunId), qs(*first->replicationRunId));
        QCOMPARE(qs(*runs[2].replicationRunId), qs(*second->replicationRunId));
        QVERIFY(runs[1].type == api::ReplicationRunType::OnDemand);
        QCOMPARE(qs(*runs[1].description), QStringLiteral("first"));
        QVERIFY(runs[0].state == api::ReplicationRunState::Active);
        QVERIFY(runs[1].state == api::ReplicationRunState::Pending);
        QVERIFY(runs[2].state == api::ReplicationRunState::Pending);
        sandbox.at(3 * kLongestRun);
        runs = *sandbox.runs(jobId)->replicationRunList;
        for (const auto &run : runs)
            QVERIFY(run.state == api::ReplicationRunState::Completed);
        QCOMPARE(runs[1].scheduledStartTime->epochSeconds, runs[0].completedTime->epochSeconds);
        QCOMPARE(runs[2].scheduledStartTime->epochSeconds, runs[1].completedTime->epochSeconds);
        QCOMPARE(qs(*sandbox.job(jobId).latestAmiId), qs(*runs[2].amiId));

        // The quota is per 24 simulated hours from the starts.
        sandbox.at(kDay - 1);
        const auto tooSoon = sandbox.onDemand(jobId);
        QVERIFY(!tooSoon.ok());
        QCOMPARE(qs(tooSoon.error().code), QStringLiteral("ReplicationRunLimitExceededException"));
        sandbox.at(kDay);
        QVERIFY(sandbox.onDemand(jobId).ok());
        QVERIFY(sandbox.onDemand(jobId).ok());
        QVERIFY(!sandbox.onDemand(jobId).ok());
    }

    void createRefused_data()
    {
        QTest::addColumn<int>("kind");  // -1: a server that already has a job, -2: an unknown server
        QTest::addColumn<int>("frequency");  // 0: none
        QTest::addColumn<bool>("runOnce");
        QTest::addColumn<QString>("code");
        QTest::addRow("job exists") << -1 << 12 << false << "ReplicationJobAlreadyExistsException";
        QTest::addRow("not replicable") << int(Kind::NotReplicable) << 12 << false
                                        << "ServerCannotBeReplicatedException";
        QTest::addRow("unhealthy connector") << int(Kind::UnhealthyConnector) << 12 << false
                                             << "NoConnectorsAvailableException";
        QTest::addRow("unknown server") << -2 << 12 << false << "InvalidParameterException";
        QTest::addRow("no frequency, not runOnce") << int(Kind::Replicable) << 0 << false
                                                   << "InvalidParameterException";
        QTest::addRow("frequency below 1") << int(Kind::Replicable) << -1 << false << "InvalidParameterException";
        QTest::addRow("frequency above 24") << int(Kind::Replicable) << 25 << false << "InvalidParameterException";
    }

    void createRefused()
    {
        QFETCH(int, kind);
        QFETCH(int, frequency);
        QFETCH(bool, runOnce);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto replicable = sandbox.servers(Kind::Replicable);
        QVERIFY(sandbox.create(replicable.at(0), 12).ok());
        std::string server;
        if (kind == -1)
            server = replicable.at(0);
        else if (kind == -2)
            server = "s-0000000000000000f";
        else if (kind == int(Kind::Replicable))
            server = replicable.at(1);
        else {
            const auto candidates = sandbox.servers(Kind(kind));
            QVERIFY2(!candidates.empty(), "the estate has no such server; pick another seed");
            server = candidates.front();
        }
        const auto jobsBefore = sandbox.state.jobs.size();
        const auto refused = sandbox.create(server, frequency == 0 ? std::nullopt : std::optional(frequency), runOnce);
        QVERIFY(!refused.ok());
        QCOMPARE(qs(refused.error().code), code);
        QCOMPARE(refused.error().httpStatus, 400);
        QVERIFY(!refused.error().message.empty());
        QCOMPARE(sandbox.state.jobs.size(), jobsBefore);
    }

    void jobOperationRefused_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("code");
        QTest::addRow("update unknown job") << "update-unknown" << "ReplicationJobNotFoundException";
        QTest::addRow("delete unknown job") << "delete-unknown" << "ReplicationJobNotFoundException";
        QTest::addRow("update next run into the past") << "update-past" << "InvalidParameterException";
        QTest::addRow("update frequency out of range") << "update-frequency" << "InvalidParameterException";
        QTest::addRow("runs of unknown job") << "runs-unknown" << "InvalidParameterException";
        QTest::addRow("on-demand run of unknown job") << "on-demand-unknown" << "InvalidParameterException";
        QTest::addRow("jobs filtered by unknown id") << "jobs-unknown" << "InvalidParameterException";
        QTest::addRow("forged runs token") << "runs-forged-token" << "InvalidParameterException";
        QTest::addRow("runs token of another job") << "runs-other-token" << "InvalidParameterException";
        QTest::addRow("runs page size zero") << "runs-max-zero" << "InvalidParameterException";
        QTest::addRow("jobs token replayed on runs") << "jobs-token-on-runs" << "InvalidParameterException";
    }

    void jobOperationRefused()
    {
        QFETCH(QString, operation);
        QFETCH(QString, code);
        Sandbox sandbox;
        const auto servers = sandbox.servers(Kind::Replicable);
        const std::string jobA = *sandbox.create(servers.at(0), 1)->replicationJobId;
        const std::string jobB = *sandbox.create(servers.at(1), 1)->replicationJobId;
        (void)sandbox.create(servers.at(2), 1);
        sandbox.at(5 * kHour);  // six runs each: enough for pages of two
        const std::string unknown = "sms-job-00000000000000000";
        const std::string tokenOfB = *sandbox.runs(jobB, 2)->nextToken;

        SmsError error;
        const auto failed = [&error](const auto &result) {
            if (result.ok())
                return false;
            error = result.error();
            return true;
        };
        bool refused = false;
        if (operation == QLatin1String("update-unknown") || operation == QLatin1String("update-past")
            || operation == QLatin1String("update-frequency")) {
            api::UpdateReplicationJobRequest request;
            request.replicationJobId = operation == QLatin1String("update-unknown") ? unknown : jobA;
            if (operation == QLatin1String("update-past"))
                request.nextReplicationRunStartTime = api::Timestamp{sandbox.now() - 60};
            if (operation == QLatin1String("update-frequency"))
                request.frequency = 30;
            refused = failed(sandbox.replication.updateReplicationJob(request));
        } else if (operation == QLatin1String("delete-unknown")) {
            api::DeleteReplicationJobRequest request;
            request.replicationJobId = unknown;
            refused = failed(sandbox.replication.deleteReplicationJob(request));
        } else if (operation == QLatin1String("runs-unknown")) {
            refused = failed(sandbox.runs(unknown));
        } else if (operation == QLatin1String("on-demand-unknown")) {
            refused = failed(sandbox.onDemand(unknown));
        } else if (operation == QLatin1String("jobs-unknown")) {
            api::GetReplicationJobsRequest request;
            request.replicationJobId = unknown;
            refused = failed(sandbox.replication.getReplicationJobs(request));
        } else if (operation == QLatin1String("runs-forged-token")) {
            refused = failed(sandbox.runs(jobA, 2, "bm90LWEtdG9rZW4"));
        } else if (operation == QLatin1String("runs-other-token")) {
            refused = failed(sandbox.runs(jobA, 2, tokenOfB));
        } else if (operation == QLatin1String("runs-max-zero")) {
            refused = failed(sandbox.runs(jobA, 0));
        } else if (operation == QLatin1String("jobs-token-on-runs")) {
            api::GetReplicationJobsRequest request;
            request.maxResults = 1;
            const auto jobs = sandbox.replication.getReplicationJobs(request);
            QVERIFY(jobs.ok() && jobs->nextToken);
            refused = failed(sandbox.runs(jobA, 1, *jobs->nextToken));
        } else {
            QFAIL("unknown operation");
        }
        QVERIFY2(refused, qPrintable(operation));
        QCOMPARE(qs(error.code), code);
        QCOMPARE(error.httpStatus, 400);
        QVERIFY(!error.message.empty());
        // Nothing changed.
        QCOMPARE(sandbox.state.jobs.size(), size_t(3));
        QCOMPARE(sandbox.job(jobA).frequency.value_or(0), 1);
        QCOMPARE(sandbox.runs(jobA)->replicationRunList->size(), size_t(6));
    }

    void pagesRunsWithTokens()
    {
        Sandbox sandbox;
        const auto servers = sandbox.servers(Kind::Replicable);
        const std::string jobId = *sandbox.create(servers.at(0), 1)->replicationJobId;
        (void)sandbox.create(servers.at(1), 1);
        (void)sandbox.create(servers.at(2), 1);
        sandbox.at(11 * kHour + kLongestRun);

        const auto all = sandbox.runs(jobId);
        QVERIFY(all.ok());
        QCOMPARE(all->replicationRunList->size(), size_t(12));
        QVERIFY(!all->nextToken);

        std::vector<std::string> paged;
        std::vector<std::size_t> sizes;
        std::optional<std::string> token;
        do {
            const auto page = sandbox.runs(jobId, 5, token);
            QVERIFY2(page.ok(), page ? "" : page.error().describe().c_str());
            QCOMPARE(qs(*page->replicationJob->replicationJobId), qs(jobId));
            sizes.push_back(page->replicationRunList->size());
            for (const auto &run : *page->replicationRunList)
                paged.push_back(*run.replicationRunId);
            token = page->nextToken;
        } while (token && sizes.size() < 10);
        QVERIFY(sizes == (std::vector<std::size_t>{5, 5, 2}));
        QCOMPARE(paged.size(), all->replicationRunList->size());
        for (std::size_t i = 0; i < paged.size(); ++i)
            QCOMPARE(qs(paged[i]), qs(*all->replicationRunList->at(i).replicationRunId));

        // GetReplicationJobs pages the jobs the same way, each with its runs.
        api::GetReplicationJobsRequest request;
        request.maxResults = 2;
        const auto firstJobs = sandbox.replication.getReplicationJobs(request);
        QVERIFY(firstJobs.ok());
        QCOMPARE(firstJobs->replicationJobList->size(), size_t(2));
        QVERIFY(firstJobs->nextToken);
        QCOMPARE(firstJobs->replicationJobList->front().replicationRunList->size(), size_t(12));
        request.nextToken = firstJobs->nextToken;
        const auto lastJobs = sandbox.replication.getReplicationJobs(request);
        QVERIFY(lastJobs.ok());
        QCOMPARE(lastJobs->replicationJobList->size(), size_t(1));
        QVERIFY(!lastJobs->nextToken);
        QCOMPARE(qs(*lastJobs->replicationJobList->front().replicationJobId), qs(sandbox.state.jobs.back().id()));
    }

    void updateChangesTheJob()
    {
        Sandbox sandbox;
        const std::string jobId = *sandbox.create(sandbox.servers(Kind::Replicable).at(0), 12)->replicationJobId;
        sandbox.at(kLongestRun);
        api::UpdateReplicationJobRequest request;
        request.replicationJobId = jobId;
        request.frequency = 6;
        request.nextReplicationRunStartTime = api::Timestamp{sandbox.now() + kHour};
        request.description = "nightly";
        request.licenseType = api::LicenseType::Byol;
        request.encrypted = true;
        request.kmsKeyId = "alias/sms";
        QVERIFY(sandbox.replication.updateReplicationJob(request).ok());
        api::ReplicationJob job = sandbox.job(jobId);
        QCOMPARE(job.frequency.value_or(0), 6);
        QCOMPARE(job.nextReplicationRunStartTime->epochSeconds, kStart + kLongestRun + kHour);
        QCOMPARE(qs(job.description.value_or("")), QStringLiteral("nightly"));
        QVERIFY(job.licenseType == api::LicenseType::Byol);

        sandbox.at(kLongestRun + kHour + 7 * kHour);
        const auto runs = *sandbox.runs(jobId)->replicationRunList;
        QCOMPARE(runs.size(), size_t(3));
        QCOMPARE(runs[1].scheduledStartTime->epochSeconds, kStart + kLongestRun + kHour);
        QCOMPARE(runs[2].scheduledStartTime->epochSeconds, kStart + kLongestRun + 7 * kHour);
        QVERIFY(runs[1].encrypted.value_or(false));
        QCOMPARE(qs(runs[1].kmsKeyId.value_or("")), QStringLiteral("alias/sms"));
    }

    void deleteThenRecreate()
    {
        Sandbox sandbox;
        const std::string server = sandbox.servers(Kind::Replicable).at(0);
        const std::string first = *sandbox.create(server, 1)->replicationJobId;
        sandbox.at(3 * kHour);
        QCOMPARE(sandbox.runs(first)->replicationRunList->size(), size_t(4));

        api::DeleteReplicationJobRequest remove;
        remove.replicationJobId = first;
        QVERIFY(sandbox.replication.deleteReplicationJob(remove).ok());
        const auto twice = sandbox.replication.deleteReplicationJob(remove);
        QVERIFY(!twice.ok());
        QCOMPARE(qs(twice.error().code), QStringLiteral("ReplicationJobNotFoundException"));
        QVERIFY(sandbox.replication.getReplicationJobs({})->replicationJobList->empty());
        QVERIFY(!sandbox.runs(first).ok());
        QVERIFY(sandbox.state.findServer(server)->server.replicationJobTerminated.value_or(false));

        sandbox.at(4 * kHour);
        const auto again = sandbox.create(server, 1);
        QVERIFY2(again.ok(), again ? "" : again.error().describe().c_str());
        const std::string second = *again->replicationJobId;
        QVERIFY(second != first);
        const auto runs = *sandbox.runs(second)->replicationRunList;
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].scheduledStartTime->epochSeconds, kStart + 4 * kHour);
        const api::Server &catalogServer = sandbox.state.findServer(server)->server;
        QCOMPARE(qs(catalogServer.replicationJobId.value_or("")), qs(second));
        QVERIFY(!catalogServer.replicationJobTerminated.value_or(true));
        QCOMPARE(sandbox.replication.getReplicationJobs({})->replicationJobList->size(), size_t(1));
    }
};

QTEST_APPLESS_MAIN(TestReplicationOperations)
#include "tst_replicationoperations.moc"
