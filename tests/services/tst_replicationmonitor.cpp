// The replication monitor, its schedule row by row and against an in-process
// sandbox: a pass reads the applications, jobs, application servers and the
// watched jobs' runs; GetApp goes out again only for an application that is
// new or changed; passes never overlap; the interval follows replication
// (active or idle); throttling backs off with jitter up to the cap and comes
// back gradually; other failures are reported and retried; hidden, it
// neither passes nor schedules, and shown again it passes at once when due;
// refreshNow() during a pass runs one more right after it; a client that goes
// away mid-pass leaves nothing behind; jobs with long run lists are read in
// pages sized to them, and only the newest runs are kept, page by page.

#include "services/ReplicationMonitor.h"

#include "ReplicationSandbox.h"
#include "services/JobsPageSize.h"
#include "services/ReplicationPass.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <set>

using namespace sms;
using namespace sms::services;
using namespace sms::testing;
using std::chrono::milliseconds;

namespace {

// Long enough that no timer fires while a test runs, unless it means one to.
MonitorTimings slowTimings()
{
    return {.active = milliseconds(40'000), .idle = milliseconds(90'000), .failing = milliseconds(50'000),
            .maxBackoff = milliseconds(300'000), .jitter = 0.1};
}

using Schedule = std::pair<qint64, MonitorReason>;

// What a monitor reported, signal by signal.
struct Recorder
{
    explicit Recorder(ReplicationMonitor &monitor)
    {
        QObject::connect(&monitor, &ReplicationMonitor::passStarted, &context, [this] { ++started; });
        QObject::connect(&monitor, &ReplicationMonitor::passFinished, &context,
                         [this](const models::SnapshotPtr &snapshot) { snapshots.push_back(snapshot); });
        QObject::connect(&monitor, &ReplicationMonitor::passFailed, &context,
                         [this](const SmsError &error) { failures.push_back(error); });
        QObject::connect(&monitor, &ReplicationMonitor::scheduleChanged, &context,
                         [this](qint64 ms, MonitorReason reason) { schedules.emplace_back(ms, reason); });
    }

    bool waitForPasses(std::size_t count)
    {
        return QTest::qWaitFor([&] { return snapshots.size() >= count; }, 30'000);
    }

    QObject context;
    int started = 0;
    std::vector<models::SnapshotPtr> snapshots;
    std::vector<SmsError> failures;
    std::vector<Schedule> schedules;
};

// A monitor polling `client`, shown, with a fixed wall clock and jitter.
void startMonitor(ReplicationMonitor &monitor, client::SmsClient &client, double random = 0.5)
{
    monitor.setWallClock([] { return 1'700'000'000.5; });
    monitor.setRandomSource([random] { return random; });
    monitor.setClient(&client);
    monitor.setActive(true);
}

// How many calls of `operation` the client has finished.
class CallCounter
{
public:
    CallCounter(client::SmsClient &client, const char *operation)
    {
        QObject::connect(&client, &client::SmsClient::callFinished, &m_context,
                         [this, name = QLatin1String(operation)](const client::CallRecord &record) {
                             if (record.operation == name)
                                 ++m_count;
                         });
    }
    int count() const { return m_count; }

private:
    QObject m_context;
    int m_count = 0;
};

std::set<std::string> idsOf(const std::vector<api::AppSummary> &apps)
{
    std::set<std::string> ids;
    for (const api::AppSummary &app : apps)
        ids.insert(app.appId.value_or(""));
    return ids;
}

// `count` standalone jobs that have replicated every 12 hours for `days`
// days without a failure; their ids.
std::vector<std::string> agedJobs(ReplicationSandbox &sandbox, int count, int days)
{
    sandbox.host.engine().state().failureRate = 0;  // failed runs in a row would pause the jobs
    std::vector<std::string> jobs;
    for (int i = 0; i < count; ++i)
        jobs.push_back(sandbox.createJob(sandbox.freeServer()));
    for (int day = 0; day < days; ++day)
        sandbox.host.engine().fastForward(24 * 3600);
    return jobs;
}

const api::ReplicationJob *listedJob(const models::ReplicationSnapshot &snapshot, const std::string &jobId)
{
    const auto it = std::find_if(snapshot.jobs.begin(), snapshot.jobs.end(),
                                 [&jobId](const api::ReplicationJob &job) { return job.replicationJobId == jobId; });
    return it == snapshot.jobs.end() ? nullptr : &*it;
}

char letterOf(MonitorReason reason)
{
    switch (reason) {
    case MonitorReason::Active: return 'A';
    case MonitorReason::Idle: return 'I';
    case MonitorReason::Throttled: return 'T';
    case MonitorReason::Failing: return 'F';
    case MonitorReason::Paused: return 'P';
    }
    return '?';
}

} // namespace

class TestReplicationMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // --- the schedule, event by event -------------------------------------

    void scheduleFollowsOutcomes_data()
    {
        QTest::addColumn<QString>("events");  // A: good pass, busy; S: good pass, idle; T: throttled; F: failed
        QTest::addColumn<double>("random");
        QTest::addColumn<QList<qint64>>("intervals");
        QTest::addColumn<QString>("reasons");

        // active 250, idle 1000, failing 3000, cap 8000, jitter 10%
        QTest::addRow("throttling doubles to the cap, good passes halve it back")
            << "TTTTSSSS" << 0.5 << QList<qint64>{2000, 4000, 8000, 8000, 4000, 2000, 1000, 1000} << "TTTTTTII";
        QTest::addRow("lowest jitter: 10%% shorter") << "TTTTS" << 0.0 << QList<qint64>{1800, 3600, 7200, 7200, 3600}
                                                    << "TTTTT";
        QTest::addRow("highest jitter never passes the cap") << "TTTT" << 1.0 << QList<qint64>{2200, 4400, 8000, 8000}
                                                             << "TTTT";
        QTest::addRow("busy or idle") << "ASA" << 0.5 << QList<qint64>{250, 1000, 250} << "AIA";
        QTest::addRow("throttled while busy starts from the active interval")
            << "ATTAA" << 0.5 << QList<qint64>{250, 500, 1000, 500, 250} << "ATTTA";
        QTest::addRow("failures double to the cap and end at the first good pass")
            << "FFFFS" << 0.5 << QList<qint64>{3000, 6000, 8000, 8000, 1000} << "FFFFI";
        QTest::addRow("a failure while backing off waits out the backoff")
            << "TTTF" << 0.5 << QList<qint64>{2000, 4000, 8000, 8000} << "TTTF";
        QTest::addRow("a failure keeps the throttling backoff for later")
            << "TTFS" << 0.5 << QList<qint64>{2000, 4000, 4000, 2000} << "TTFT";
    }

    void scheduleFollowsOutcomes()
    {
        QFETCH(QString, events);
        QFETCH(double, random);
        QFETCH(QList<qint64>, intervals);
        QFETCH(QString, reasons);
        MonitorSchedule schedule({.active = milliseconds(250), .idle = milliseconds(1000),
                                  .failing = milliseconds(3000), .maxBackoff = milliseconds(8000), .jitter = 0.1},
                                 [random] { return random; });
        QList<qint64> gotIntervals;
        QString gotReasons;
        for (QChar event : events) {
            switch (event.toLatin1()) {
            case 'A': schedule.passSucceeded(true); break;
            case 'S': schedule.passSucceeded(false); break;
            case 'T': schedule.passThrottled(); break;
            default: schedule.passFailed(); break;
            }
            gotIntervals << schedule.nextInterval().count();
            gotReasons += QLatin1Char(letterOf(schedule.reason()));
        }
        QCOMPARE(gotIntervals, intervals);
        QCOMPARE(gotReasons, reasons);
    }

    // --- against the sandbox ------------------------------------------------

    void passReadsTheReplicationState()
    {
        ReplicationSandbox sandbox;
        const auto apps = sandbox.makeApps(2);
        QVERIFY(sandbox.startReplication(apps[0]).ok());
        const std::string standalone = sandbox.createJob(sandbox.freeServer());
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        monitor.setWatchedJobs({standalone});
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));

        const models::ReplicationSnapshot &snapshot = *recorder.snapshots[0];
        QCOMPARE(snapshot.takenAt, 1'700'000'000.5);
        QCOMPARE(idsOf(snapshot.apps), std::set<std::string>(apps.begin(), apps.end()));
        QCOMPARE(snapshot.jobs.size(), std::size_t(5));  // four of the replicating application, one of its own
        std::unordered_map<std::string, std::string> jobOfServer;
        for (const api::ReplicationJob &job : snapshot.jobs)
            jobOfServer[job.serverId.value_or("")] = job.replicationJobId.value_or("");
        for (const std::string &appId : apps) {
            QVERIFY(snapshot.appServers.count(appId));
            const auto &servers = snapshot.appServers.at(appId);
            QCOMPARE(servers.size(), std::size_t(4));
            for (const models::MonitoredServer &server : servers) {
                QVERIFY(server.serverGroupName == "web" || server.serverGroupName == "db");
                QVERIFY(!server.vmName.empty());
                // Only the replicating application's servers have jobs, and they are the listed ones.
                const std::string expected = appId == apps[0] ? jobOfServer.at(server.serverId) : std::string();
                QCOMPARE(server.replicationJobId, expected);
                QCOMPARE(server.replicationJobId.empty(), appId != apps[0]);
            }
        }
        QCOMPARE(snapshot.runs.size(), std::size_t(1));
        const auto &runs = snapshot.runs.at(standalone);
        QCOMPARE(runs.size(), std::size_t(1));
        QVERIFY(runs.front().state && *runs.front().state == api::ReplicationRunState::Active);
        QVERIFY(workInProgress(snapshot));
        QVERIFY(recorder.failures.empty());
    }

    void readsAnApplicationAgainOnlyWhenItChanged()
    {
        ReplicationSandbox sandbox;
        const auto apps = sandbox.makeApps(3);
        CallCounter getApp(*sandbox.client, "GetApp");
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));
        QCOMPARE(getApp.count(), 3);

        // Nothing changed: every application's servers are carried over.
        monitor.refreshNow();
        QVERIFY(recorder.waitForPasses(2));
        QCOMPARE(getApp.count(), 3);
        QCOMPARE(recorder.snapshots[1]->appServers, recorder.snapshots[0]->appServers);

        // A job made outside the application shows at once, though the application is not read again.
        const std::string serverId = recorder.snapshots[0]->appServers.at(apps[1]).front().serverId;
        const std::string jobId = sandbox.createJob(serverId);
        monitor.refreshNow();
        QVERIFY(recorder.waitForPasses(3));
        QCOMPARE(getApp.count(), 3);
        QCOMPARE(recorder.snapshots[2]->appServers.at(apps[1]).front().replicationJobId, jobId);

        // UpdateApp changes lastModified: that application alone is read again.
        api::UpdateAppRequest update;
        update.appId = apps[1];
        update.name = "renamed";
        QVERIFY(callSms(*sandbox.client, &client::SmsClient::updateApp, update).ok());
        monitor.refreshNow();
        QVERIFY(recorder.waitForPasses(4));
        QCOMPARE(getApp.count(), 4);
        QCOMPARE(recorder.snapshots[3]->appServers.at(apps[1]).front().replicationJobId, jobId);

        // An application that went is dropped, servers and all.
        api::DeleteAppRequest deletion;
        deletion.appId = apps[2];
        QVERIFY(callSms(*sandbox.client, &client::SmsClient::deleteApp, deletion).ok());
        monitor.refreshNow();
        QVERIFY(recorder.waitForPasses(5));
        QCOMPARE(getApp.count(), 4);
        QCOMPARE(idsOf(recorder.snapshots[4]->apps), (std::set<std::string>{apps[0], apps[1]}));
        QCOMPARE(recorder.snapshots[4]->appServers.count(apps[2]), std::size_t(0));
    }

    void passesNeverOverlap()
    {
        ReplicationSandbox sandbox;
        const auto apps = sandbox.makeApps(3);
        QVERIFY(sandbox.startReplication(apps[0]).ok());
        ReplicationMonitor monitor({.active = milliseconds(1), .idle = milliseconds(1), .failing = milliseconds(1),
                                    .maxBackoff = milliseconds(1), .jitter = 0});
        monitor.setWatchedJobs({sandbox.createJob(sandbox.freeServer())});
        Recorder recorder(monitor);
        int running = 0, most = 0, callsOutsidePasses = 0;
        QObject context;
        connect(&monitor, &ReplicationMonitor::passStarted, &context, [&] {
            most = std::max(most, ++running);
            monitor.refreshNow();  // asks for another pass while this one runs
        });
        connect(&monitor, &ReplicationMonitor::passFinished, &context, [&] { --running; });
        connect(&monitor, &ReplicationMonitor::passFailed, &context, [&] { --running; });
        connect(sandbox.client.get(), &client::SmsClient::callFinished, &context, [&] {
            if (running == 0)
                ++callsOutsidePasses;
        });
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(20));
        monitor.stop();
        QCOMPARE(most, 1);
        QCOMPARE(callsOutsidePasses, 0);
        QVERIFY(recorder.failures.empty());
    }

    void intervalFollowsReplicationAndLaunches_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<qint64>("interval");
        QTest::addColumn<int>("reason");

        QTest::addRow("nothing replicates") << "none" << qint64(90'000) << int(MonitorReason::Idle);
        QTest::addRow("an application replicates") << "app" << qint64(40'000) << int(MonitorReason::Active);
        QTest::addRow("a job of its own runs") << "job" << qint64(40'000) << int(MonitorReason::Active);
        QTest::addRow("the runs have ended") << "ended" << qint64(90'000) << int(MonitorReason::Idle);
        QTest::addRow("an application launches") << "launching" << qint64(40'000) << int(MonitorReason::Active);
        QTest::addRow("it has launched") << "launched" << qint64(90'000) << int(MonitorReason::Idle);
        QTest::addRow("it is being terminated") << "terminating" << qint64(40'000) << int(MonitorReason::Active);
    }

    void intervalFollowsReplicationAndLaunches()
    {
        QFETCH(QString, state);
        QFETCH(qint64, interval);
        QFETCH(int, reason);
        ReplicationSandbox sandbox;
        const auto apps = sandbox.makeApps(1);
        const bool launches = state.startsWith(QLatin1String("launch")) || state == QLatin1String("terminating");
        if (state == QLatin1String("app") || state == QLatin1String("ended") || launches)
            QVERIFY(sandbox.startReplication(apps[0]).ok());
        if (state == QLatin1String("job"))
            sandbox.createJob(sandbox.freeServer());
        if (state == QLatin1String("ended") || launches)
            sandbox.endRuns();
        if (launches) {
            api::LaunchAppRequest launch;
            launch.appId = apps[0];
            QVERIFY(callSms(*sandbox.client, &client::SmsClient::launchApp, launch).ok());
        }
        if (state != QLatin1String("launching") && launches)
            sandbox.endRuns();  // the stack is up
        if (state == QLatin1String("terminating")) {
            api::TerminateAppRequest terminate;
            terminate.appId = apps[0];
            QVERIFY(callSms(*sandbox.client, &client::SmsClient::terminateApp, terminate).ok());
        }
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));
        QCOMPARE(recorder.schedules.size(), std::size_t(1));
        QCOMPARE(recorder.schedules[0], Schedule(interval, MonitorReason(reason)));
    }

    void throttlingBacksOffAndRecoversGradually()
    {
        ReplicationSandbox sandbox;
        client::ClientConfig config = sandbox.config;
        config.retry.maxAttempts = 2;
        client::SmsClient client(config);
        sandbox.host.setFaults({.throttle = 1.0});
        ReplicationMonitor monitor({.active = milliseconds(20), .idle = milliseconds(20),
                                    .failing = milliseconds(60'000), .maxBackoff = milliseconds(160), .jitter = 0.1});
        Recorder recorder(monitor);
        QObject context;
        connect(&monitor, &ReplicationMonitor::scheduleChanged, &context, [&] {
            if (recorder.schedules.size() == 4)
                sandbox.host.setFaults({});  // the endpoint recovers
        });
        startMonitor(monitor, client, 0.75);  // jitter +5%
        QVERIFY(QTest::qWaitFor([&] { return recorder.schedules.size() >= 7; }, 30'000));
        monitor.stop();
        const std::vector<Schedule> expected{
            {42, MonitorReason::Throttled},  {84, MonitorReason::Throttled}, {160, MonitorReason::Throttled},
            {160, MonitorReason::Throttled}, {84, MonitorReason::Throttled}, {42, MonitorReason::Throttled},
            {20, MonitorReason::Idle}};
        QCOMPARE(std::vector<Schedule>(recorder.schedules.begin(), recorder.schedules.begin() + 7), expected);
        QVERIFY(recorder.failures.empty());  // throttling is a schedule, not a failure
        QVERIFY(recorder.snapshots.size() >= 3);
    }

    void failuresAreReportedAndRetried_data()
    {
        QTest::addColumn<bool>("wrongKey");
        QTest::addRow("the endpoint fails") << false;
        QTest::addRow("the key is refused") << true;
    }

    void failuresAreReportedAndRetried()
    {
        QFETCH(bool, wrongKey);
        ReplicationSandbox sandbox;
        client::ClientConfig config = sandbox.config;
        config.retry.maxAttempts = 1;
        if (wrongKey)
            config.credentials.secretAccessKey = QStringLiteral("not-the-sandbox-secret");
        else
            sandbox.host.setFaults({.serverError = 1.0});
        client::SmsClient failing(config);
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        startMonitor(monitor, failing);
        QVERIFY(QTest::qWaitFor([&] { return recorder.failures.size() == 1; }, 30'000));
        QVERIFY(!isThrottled(recorder.failures[0]));
        QCOMPARE(recorder.schedules.back(), Schedule(50'000, MonitorReason::Failing));
        monitor.refreshNow();
        QVERIFY(QTest::qWaitFor([&] { return recorder.failures.size() == 2; }, 30'000));
        QCOMPARE(recorder.schedules.back(), Schedule(100'000, MonitorReason::Failing));

        // Mended (the endpoint, or the client for the right key): back to the normal interval at once.
        sandbox.host.setFaults({});
        if (wrongKey)
            monitor.setClient(sandbox.client.get());  // passes at once
        else
            monitor.refreshNow();
        QVERIFY(recorder.waitForPasses(1));
        QCOMPARE(recorder.schedules.back(), Schedule(90'000, MonitorReason::Idle));
        QCOMPARE(recorder.failures.size(), std::size_t(2));
    }

    void hiddenItNeitherPassesNorSchedules()
    {
        ReplicationSandbox sandbox;
        ReplicationMonitor monitor({.active = milliseconds(30), .idle = milliseconds(30), .failing = milliseconds(30),
                                    .maxBackoff = milliseconds(30), .jitter = 0});
        Recorder recorder(monitor);
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(2));
        monitor.setActive(false);
        QCOMPARE(recorder.schedules.back(), Schedule(-1, MonitorReason::Paused));
        // A pass already under way still reports; none starts after it.
        QVERIFY(QTest::qWaitFor([&] { return !monitor.isPassRunning(); }, 30'000));
        QVERIFY(!monitor.isScheduled());
        QCOMPARE(recorder.schedules.back(), Schedule(-1, MonitorReason::Paused));
        const int started = recorder.started;
        QTest::qWait(90);  // three intervals: nothing starts meanwhile, and the last pass is older than one
        QCOMPARE(recorder.started, started);
        // Shown again with the last pass older than the interval: it passes at once.
        monitor.setActive(true);
        QCOMPARE(recorder.started, started + 1);
        QVERIFY(monitor.isPassRunning());
    }

    void shownAgainSoonItWaitsOutTheInterval()
    {
        ReplicationSandbox sandbox;
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));
        monitor.setActive(false);
        monitor.setActive(true);
        QCOMPARE(recorder.started, 1);
        const Schedule last = recorder.schedules.back();
        QCOMPARE(last.second, MonitorReason::Idle);
        QVERIFY(last.first > 0 && last.first <= 90'000);
    }

    void refreshDuringAPassRunsOneMoreRightAfter()
    {
        ReplicationSandbox sandbox;
        sandbox.makeApps(2);
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        QObject context;
        connect(&monitor, &ReplicationMonitor::passStarted, &context, [&] {
            if (recorder.started == 1) {
                monitor.refreshNow();
                monitor.refreshNow();  // twice still makes one more pass
            }
        });
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(2));
        QCOMPARE(recorder.started, 2);
        // The second began as the first ended, not after an interval.
        QCOMPARE(recorder.schedules.size(), std::size_t(1));
        QCOMPARE(recorder.schedules[0], Schedule(90'000, MonitorReason::Idle));

        // Between passes, it passes at once.
        monitor.refreshNow();
        QCOMPARE(recorder.started, 3);
        QVERIFY(recorder.waitForPasses(3));
    }

    void aNewlyWatchedJobPassesPromptly()
    {
        ReplicationSandbox sandbox;
        const std::string job = sandbox.createJob(sandbox.freeServer());
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));
        QVERIFY(recorder.snapshots[0]->runs.empty());
        monitor.setWatchedJobs({job});
        QCOMPARE(recorder.started, 2);
        QVERIFY(recorder.waitForPasses(2));
        QCOMPARE(recorder.snapshots[1]->runs.count(job), std::size_t(1));
        // Watching the same jobs, or fewer, waits for the schedule.
        monitor.setWatchedJobs({job});
        monitor.setWatchedJobs({});
        QCOMPARE(recorder.started, 2);
    }

    void aWatchedJobThatWentIsLeftOut()
    {
        ReplicationSandbox sandbox;
        const std::string kept = sandbox.createJob(sandbox.freeServer());
        const std::string gone = sandbox.createJob(sandbox.freeServer());
        api::DeleteReplicationJobRequest deletion;
        deletion.replicationJobId = gone;
        QVERIFY(callSms(*sandbox.client, &client::SmsClient::deleteReplicationJob, deletion).ok());
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        monitor.setWatchedJobs({kept, gone});
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));
        QCOMPARE(recorder.snapshots[0]->runs.count(kept), std::size_t(1));
        QCOMPARE(recorder.snapshots[0]->runs.count(gone), std::size_t(0));
        QVERIFY(recorder.failures.empty());
    }

    void keepsTheMostRecentRunsNewestFirst_data()
    {
        QTest::addColumn<int>("days");
        QTest::addRow("one page of runs") << 3;  // a run every 12 hours: 7 runs
        QTest::addRow("two pages: the newest on the last") << 60;  // 121 runs
    }

    void keepsTheMostRecentRunsNewestFirst()
    {
        QFETCH(int, days);
        ReplicationSandbox sandbox;
        const std::string job = agedJobs(sandbox, 1, days).front();
        const std::optional<api::ReplicationJob> read = sandbox.job(job);
        QVERIFY(read && read->replicationRunList && read->replicationRunList->size() > 5);
        const std::vector<api::ReplicationRun> &listed = *read->replicationRunList;  // the oldest first
        ReplicationMonitor monitor(slowTimings());
        monitor.setRunsPerJob(4);
        monitor.setWatchedJobs({job});
        Recorder recorder(monitor);
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));
        const auto &runs = recorder.snapshots[0]->runs.at(job);
        QCOMPARE(runs.size(), std::size_t(4));
        for (std::size_t i = 0; i < runs.size(); ++i) {  // the newest (just begun) first
            QCOMPARE(runs[i].replicationRunId, listed[listed.size() - 1 - i].replicationRunId);
            if (i > 0)
                QVERIFY(runs[i - 1].scheduledStartTime->epochSeconds > runs[i].scheduledStartTime->epochSeconds);
        }
        // The job list's runs (sms-local lists them all) are cut to the newest 5 too.
        const api::ReplicationJob *inList = listedJob(*recorder.snapshots[0], job);
        QVERIFY(inList && inList->replicationRunList);
        QCOMPARE(inList->replicationRunList->size(), std::size_t(5));
        QCOMPARE(inList->replicationRunList->front().replicationRunId, runs.front().replicationRunId);
    }

    void pageSizeFollowsTheLongestRunList_data()
    {
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("jobsPerPage");
        QTest::addRow("no runs yet") << 0 << kMaxJobsPerPage;
        QTest::addRow("a few: SMS's largest page") << 5 << kMaxJobsPerPage;
        QTest::addRow("just a full page") << 10 << 100;
        QTest::addRow("a little more: fewer jobs") << 11 << 90;
        QTest::addRow("40 hourly runs") << 40 << 25;
        QTest::addRow("a page's worth") << int(kRunsPerPage) << 1;
        QTest::addRow("more than a page's worth: still one job") << 5 * int(kRunsPerPage) << 1;
    }

    void pageSizeFollowsTheLongestRunList()
    {
        QFETCH(int, runs);
        QFETCH(int, jobsPerPage);
        QCOMPARE(jobsPerPageFor(std::size_t(runs)), jobsPerPage);
    }

    void longRunListsAreReadInSmallerPages()
    {
        ReplicationSandbox sandbox;
        const auto jobs = agedJobs(sandbox, 3, 200);  // about 400 runs each
        const std::size_t longest = sandbox.job(jobs.back())->replicationRunList->size();
        const int perPage = jobsPerPageFor(longest);
        QVERIFY2(perPage < 3, "the jobs should not fit one page");
        CallCounter pages(*sandbox.client, "GetReplicationJobs");
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        startMonitor(monitor, *sandbox.client);
        QVERIFY(recorder.waitForPasses(1));
        QCOMPARE(pages.count(), 1);  // the first pass knows nothing of the run lists: kFirstJobsPerPage
        QVERIFY(monitor.jobsPerPage() <= perPage);

        monitor.refreshNow();
        QVERIFY(recorder.waitForPasses(2));
        QCOMPARE(pages.count() - 1, (3 + monitor.jobsPerPage() - 1) / monitor.jobsPerPage());
        const models::ReplicationSnapshot &snapshot = *recorder.snapshots[1];
        QCOMPARE(snapshot.jobs.size(), std::size_t(3));
        for (const std::string &jobId : jobs) {
            const api::ReplicationJob *job = listedJob(snapshot, jobId);
            QVERIFY(job && job->replicationRunList);
            QCOMPARE(job->replicationRunList->size(), std::size_t(5));
            // Nothing held for the runs left out (libstdc++ honours shrink_to_fit).
            QCOMPARE(job->replicationRunList->capacity(), std::size_t(5));
        }

        // Another endpoint: its run lists are not known yet.
        ReplicationSandbox other;
        monitor.setClient(other.client.get());
        QCOMPARE(monitor.jobsPerPage(), kFirstJobsPerPage);
        monitor.stop();
    }

    void clientGoingAwayMidPassIsSafe_data()
    {
        QTest::addColumn<bool>("stopFirst");
        QTest::addRow("stopped, then deleted (as EndpointSession does)") << true;
        QTest::addRow("deleted without a word") << false;
    }

    void clientGoingAwayMidPassIsSafe()
    {
        QFETCH(bool, stopFirst);
        ReplicationSandbox sandbox;
        sandbox.makeApps(4);
        sandbox.host.setFaults({.latencyMs = 20});  // the pass's other calls are still out after the first answer
        auto doomed = std::make_unique<client::SmsClient>(sandbox.config);
        ReplicationMonitor monitor(slowTimings());
        Recorder recorder(monitor);
        QObject context;
        bool wasRunning = false;
        bool gone = false;
        connect(doomed.get(), &client::SmsClient::callFinished, &context, [&] {
            // Not from inside the client's own signal: from the event loop, right after.
            QMetaObject::invokeMethod(
                &context,
                [&] {
                    if (!doomed)
                        return;
                    wasRunning = monitor.isPassRunning();
                    if (stopFirst)
                        monitor.stop();
                    doomed.reset();
                    gone = true;
                },
                Qt::QueuedConnection);
        });
        startMonitor(monitor, *doomed);
        QVERIFY(QTest::qWaitFor([&] { return gone; }, 30'000));
        QVERIFY(wasRunning);
        QVERIFY(!monitor.isPassRunning());
        QTest::qWait(100);  // whatever was still due arrives now, and must find nothing
        QVERIFY(recorder.snapshots.empty());
        QVERIFY(recorder.failures.empty());
        QCOMPARE(recorder.schedules.back(), Schedule(-1, MonitorReason::Paused));

        // The next client carries on.
        sandbox.host.setFaults({});
        monitor.setClient(sandbox.client.get());
        QVERIFY(recorder.waitForPasses(1));
        QCOMPARE(recorder.snapshots[0]->apps.size(), std::size_t(4));
    }
};

QTEST_GUILESS_MAIN(TestReplicationMonitor)
#include "tst_replicationmonitor.moc"
