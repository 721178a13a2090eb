// bench-replication-store: what one pass of the replication monitor costs the
// GUI thread, and whether the store's memory stays flat over hours of passes.
//
//   bench-replication-store [--apps 100] [--jobs 1000] [--passes 2400]
//                           [--interval 15] [--seed 1]
//
// A made-up endpoint of `--jobs` replication jobs spread over `--apps`
// applications goes through `--passes` monitor passes `--interval` seconds
// apart: jobs start, their runs move through sms-local's four stages, some
// stall for a while, fail, pause on failure, complete and start again. Each
// pass is a fresh immutable snapshot (built outside the timing) that goes
// through ReplicationStore::apply(), with both tables behind a sorting
// QSortFilterProxyModel and the jobs behind one application's filter too, as
// the monitor's window has them. It prints p50/p95/max of apply() over the
// first 200 passes and over all of them, in wall time and in this thread's CPU
// time, and VmRSS at pass 200 and every 400 passes.

#include "models/ReplicationStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSortFilterProxyModel>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <random>
#include <string>
#include <vector>

using namespace sms;
using namespace sms::models;

namespace {

// sms-local's stages, in order (models/RunProgress.h weighs them).
constexpr const char *kStages[] = {"Preparing", "Uploading", "Converting", "Creating AMI"};
constexpr int kStageCount = 4;
constexpr std::size_t kRunsKept = 5;  // GetReplicationRuns' newest runs per job

struct SimJob
{
    std::string jobId;
    std::string serverId;
    std::string vmName;
    int app = 0;
    api::ReplicationJobState state = api::ReplicationJobState::Pending;
    int waitPasses = 0;  // until the next run starts
    int stage = -1;      // the run in progress, -1: none
    int percent = 0;
    int stallPasses = 0; // a stalled run does not move for this many passes
    int runNumber = 0;
    std::string latestAmi;
    std::vector<api::ReplicationRun> runs;  // newest first
};

class Simulation
{
public:
    Simulation(int apps, int jobs, unsigned seed)
        : m_random(seed)
    {
        static const char *kRoles[] = {"web", "app", "db", "cache", "batch", "ad"};
        for (int a = 0; a < apps; ++a) {
            char id[32];
            std::snprintf(id, sizeof id, "app-%08x", 0x9e3779b1u * unsigned(a + 1));
            m_appIds.push_back(id);
            m_appNames.push_back("wave-" + std::to_string(a / 10) + "-app-" + std::to_string(a));
        }
        for (int j = 0; j < jobs; ++j) {
            SimJob job;
            char id[32];
            std::snprintf(id, sizeof id, "%017x", 0x1234567u * unsigned(j + 1));
            job.jobId = std::string("sms-job-") + id;
            job.serverId = std::string("s-") + id;
            job.vmName = std::string(kRoles[j % 6]) + "-prod-" + std::to_string(j);
            job.app = j % apps;
            job.waitPasses = between(0, 20);
            m_jobs.push_back(std::move(job));
        }
    }

    // Moves every job on by one pass and returns what the monitor would read.
    SnapshotPtr nextPass(double takenAt)
    {
        for (SimJob &job : m_jobs)
            step(job, takenAt);
        return snapshot(takenAt);
    }

private:
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }

    void step(SimJob &job, double now)
    {
        using S = api::ReplicationJobState;
        if (job.stage < 0) {
            if (job.state == S::PausedOnFailure && !chance(0.05))
                return;  // paused until someone resumes it
            if (--job.waitPasses > 0)
                return;
            startRun(job, now);
            return;
        }
        if (job.stallPasses > 0) {
            --job.stallPasses;
            return;
        }
        if (chance(0.002)) {
            finishRun(job, now, api::ReplicationRunState::Failed);
            job.state = chance(0.2) ? S::PausedOnFailure : S::Failing;
            return;
        }
        if (chance(0.003))
            job.stallPasses = between(5, 40);  // long enough to be called stalled
        job.percent += between(4, 30);
        if (job.percent < 100) {
            setProgress(job);
            return;
        }
        job.percent = 0;
        if (++job.stage < kStageCount) {
            setProgress(job);
            return;
        }
        job.latestAmi = "ami-" + job.jobId.substr(8, 8) + std::to_string(job.runNumber);
        finishRun(job, now, api::ReplicationRunState::Completed);
        job.state = S::Active;
    }

    void startRun(SimJob &job, double now)
    {
        api::ReplicationRun run;
        run.replicationRunId = "sms-run-" + job.jobId.substr(8) + "-" + std::to_string(++job.runNumber);
        run.state = api::ReplicationRunState::Active;
        run.type = api::ReplicationRunType::Automatic;
        run.scheduledStartTime = api::Timestamp{now};
        job.runs.insert(job.runs.begin(), std::move(run));
        if (job.runs.size() > kRunsKept)
            job.runs.pop_back();
        job.stage = 0;
        job.percent = 0;
        if (job.state == api::ReplicationJobState::Pending || job.state == api::ReplicationJobState::PausedOnFailure)
            job.state = api::ReplicationJobState::Active;
        setProgress(job);
    }

    void setProgress(SimJob &job)
    {
        api::ReplicationRunStageDetails details;
        details.stage = kStages[job.stage];
        details.stageProgress = std::to_string(job.percent) + "%";
        job.runs.front().stageDetails = std::move(details);
    }

    void finishRun(SimJob &job, double now, api::ReplicationRunState state)
    {
        api::ReplicationRun &run = job.runs.front();
        run.state = state;
        run.stageDetails.reset();
        run.completedTime = api::Timestamp{now};
        if (state == api::ReplicationRunState::Failed)
            run.statusMessage = "Failed to upload disk 1 of " + job.vmName + ": connection reset";
        else
            run.amiId = job.latestAmi;
        job.stage = -1;
        job.waitPasses = between(10, 120);
    }

    SnapshotPtr snapshot(double takenAt) const
    {
        auto snapshot = std::make_shared<ReplicationSnapshot>();
        snapshot->takenAt = takenAt;
        snapshot->jobs.reserve(m_jobs.size());
        std::vector<int> running(m_appIds.size()), replicated(m_appIds.size()), total(m_appIds.size());
        for (const SimJob &sim : m_jobs) {
            api::ReplicationJob job;
            job.replicationJobId = sim.jobId;
            job.serverId = sim.serverId;
            job.serverType = api::ServerType::VirtualMachine;
            job.seedReplicationTime = api::Timestamp{1.8e9};
            job.frequency = 12;
            job.runOnce = false;
            job.nextReplicationRunStartTime = api::Timestamp{takenAt + 60.0 * sim.waitPasses};
            job.state = sim.state;
            if (!sim.latestAmi.empty())
                job.latestAmiId = sim.latestAmi;
            if (sim.state == api::ReplicationJobState::Failing || sim.state == api::ReplicationJobState::PausedOnFailure)
                job.statusMessage = "The last replication run failed";
            snapshot->jobs.push_back(std::move(job));
            snapshot->runs.emplace(sim.jobId, sim.runs);
            snapshot->appServers[m_appIds[std::size_t(sim.app)]].push_back(
                MonitoredServer{sim.serverId, sim.vmName, "group-" + std::to_string(sim.app % 3), sim.jobId});
            ++total[std::size_t(sim.app)];
            running[std::size_t(sim.app)] += sim.stage >= 0;
            replicated[std::size_t(sim.app)] += !sim.latestAmi.empty();
        }
        snapshot->apps.reserve(m_appIds.size());
        for (std::size_t a = 0; a < m_appIds.size(); ++a) {
            api::AppSummary app;
            app.appId = m_appIds[a];
            app.name = m_appNames[a];
            app.status = api::AppStatus::Active;
            using R = api::AppReplicationStatus;
            app.replicationStatus = running[a] ? R::ReplicationInProgress
                                  : replicated[a] == total[a] ? R::Replicated
                                  : replicated[a] ? R::PartiallyReplicated
                                                  : R::ReadyForReplication;
            app.launchStatus = api::AppLaunchStatus::ReadyForLaunch;
            app.totalServers = total[a];
            app.totalServerGroups = 3;
            app.creationTime = api::Timestamp{1.8e9};
            app.lastModified = api::Timestamp{1.8e9};
            snapshot->apps.push_back(std::move(app));
        }
        return snapshot;
    }

    std::mt19937 m_random;
    std::vector<std::string> m_appIds;
    std::vector<std::string> m_appNames;
    std::vector<SimJob> m_jobs;
};

// This thread's CPU time: on a shared VM, wall time also counts waiting for a core.
double threadCpuMs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

double residentMB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

// p50 / p95 / max of the milliseconds in `ms`.
void printPercentiles(const char *label, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&ms](double q) { return ms[std::size_t(std::ceil(q * double(ms.size()))) - 1]; };
    std::printf("%-34s p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  (%zu passes)\n", label, at(0.5), at(0.95), ms.back(),
                ms.size());
}

int argValue(const QStringList &args, const char *name, int fallback)
{
    const auto i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    const QStringList args = application.arguments();
    const int apps = std::max(1, argValue(args, "--apps", 100));
    const int jobs = std::max(1, argValue(args, "--jobs", 1000));
    const int passes = std::max(1, argValue(args, "--passes", 2400));
    const int interval = std::max(1, argValue(args, "--interval", 15));
    const unsigned seed = unsigned(argValue(args, "--seed", 1));

    ReplicationStore store;
    QSortFilterProxyModel appsSorted;
    appsSorted.setSourceModel(&store.applications());
    appsSorted.setSortRole(EndpointAppsModel::RawRole);
    appsSorted.sort(EndpointAppsModel::ReplicationStatus);
    QSortFilterProxyModel jobsSorted;
    jobsSorted.setSourceModel(&store.jobs());
    jobsSorted.setSortRole(ReplicationJobsModel::RawRole);
    jobsSorted.sort(ReplicationJobsModel::CurrentRun);  // moves every pass: the proxy's worst case
    QSortFilterProxyModel oneAppsJobs;
    oneAppsJobs.setSourceModel(&store.jobs());
    oneAppsJobs.setFilterRole(ReplicationJobsModel::AppIdRole);
    oneAppsJobs.setSortRole(ReplicationJobsModel::RawRole);
    oneAppsJobs.sort(ReplicationJobsModel::Server);

    int events = 0;
    QObject::connect(&store, &ReplicationStore::eventsOccurred,
                     [&events](const ReplicationEvents &pass) { events += int(pass.size()); });

    Simulation simulation(apps, jobs, seed);
    std::vector<double> ms, cpuMs;
    ms.reserve(std::size_t(passes));
    cpuMs.reserve(std::size_t(passes));
    double takenAt = 1.8e9 + 86400;
    std::printf("%d jobs in %d applications, %d passes %d s apart (%.1f h)\n", jobs, apps, passes, interval,
                passes * interval / 3600.0);
    for (int pass = 1; pass <= passes; ++pass) {
        SnapshotPtr snapshot = simulation.nextPass(takenAt);
        QElapsedTimer clock;
        const double cpuBefore = threadCpuMs();
        clock.start();
        store.apply(std::move(snapshot));
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
        cpuMs.push_back(threadCpuMs() - cpuBefore);
        if (pass == 1)
            oneAppsJobs.setFilterFixedString(store.applications().data(store.applications().index(0, 0),
                                                                       EndpointAppsModel::AppIdRole).toString());
        if (pass == 200) {
            printPercentiles("apply() wall, passes 1-200:", ms);
            printPercentiles("apply() CPU, passes 1-200:", cpuMs);
        }
        if (pass % 400 == 0 || pass == 200 || pass == passes)
            std::printf("  pass %5d (%5.1f h): VmRSS %6.1f MB\n", pass, pass * interval / 3600.0, residentMB());
        takenAt += interval;
    }
    printPercentiles("apply() wall, all passes:", ms);
    printPercentiles("apply() CPU, all passes:", cpuMs);

    int stalled = 0, running = 0;
    for (const ReplicationJobRow &row : store.jobs().rows()) {
        stalled += row.stalled;
        running += !row.runId.empty();
    }
    std::printf("at the end: %d rows, %d runs in progress, %d stalled; %d events over all passes; "
                "%zu history samples of the first application\n",
                store.jobs().rowCount(), running, stalled, events,
                store.history(store.counts().front().appId).samples.size());
    return 0;
}
