#include "models/ReplicationStore.h"

#include "models/EpochText.h"
#include "models/JobBuckets.h"
#include "models/PassEvents.h"
#include "models/ReplicationWords.h"
#include "models/RunProgress.h"

#include <algorithm>

namespace sms::models {
namespace {

bool hasState(const api::ReplicationRun &run, api::ReplicationRunState state)
{
    return run.state && *run.state == state;
}

// What a pass says of a job's runs: the one in progress and the latest completion.
struct RunsSeen
{
    const api::ReplicationRun *active = nullptr;
    std::optional<double> lastCompleted;
};

RunsSeen runsSeen(const std::vector<api::ReplicationRun> *runs)
{
    RunsSeen seen;
    if (!runs)
        return seen;
    for (const api::ReplicationRun &run : *runs) {
        if (!seen.active && hasState(run, api::ReplicationRunState::Active))
            seen.active = &run;
        if (hasState(run, api::ReplicationRunState::Completed) && run.completedTime
            && (!seen.lastCompleted || run.completedTime->epochSeconds > *seen.lastCompleted))
            seen.lastCompleted = run.completedTime->epochSeconds;
    }
    return seen;
}

RunSighting sightingOf(const api::ReplicationRun &run)
{
    RunSighting sighting;
    sighting.runId = run.replicationRunId.value_or(std::string());
    if (run.stageDetails) {
        sighting.stage = run.stageDetails->stage.value_or(std::string());
        if (run.stageDetails->stageProgress)
            sighting.percent = stagePercent(*run.stageDetails->stageProgress);
    }
    return sighting;
}

ServerLiveStatus serverStatusOf(const ReplicationJobRow &row)
{
    ServerLiveStatus status;
    status.replicationJobId = row.jobId;
    status.jobState = row.state.value_or(api::OpenEnum<api::ReplicationJobState>());
    status.stage = row.stage;
    status.percent = row.stagePercent;
    status.stalled = row.stalled;
    status.message = row.message;
    return status;
}

// The keys whose entry differs between the two maps, or is in only one; sorted.
template <typename Map>
std::vector<std::string> changedKeys(const Map &before, const Map &now)
{
    std::vector<std::string> keys;
    for (const auto &[key, value] : now) {
        const auto it = before.find(key);
        if (it == before.end() || !(it->second == value))
            keys.push_back(key);
    }
    for (const auto &entry : before)
        if (!now.count(entry.first))
            keys.push_back(entry.first);
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

ReplicationStore::ReplicationStore(QObject *parent)
    : ReplicationStore(StateHistory::kDefaultCapacity, parent)
{
}

ReplicationStore::ReplicationStore(std::size_t historyCapacity, QObject *parent)
    : QObject(parent)
    , m_apps(this)
    , m_jobs(this)
    , m_historyCapacity(historyCapacity)
{
}

void ReplicationStore::apply(SnapshotPtr snapshot)
{
    if (!snapshot)
        return;
    const ReplicationSnapshot &now = *snapshot;
    SnapshotIndex index(now);
    const bool firstPass = !m_last;

    ReplicationEvents events;
    std::vector<ReplicationJobRow> jobRows = watchJobs(now, index, events);
    if (!firstPass) {
        findRunFailures(now, index, m_lastIndex, events);
        findAppsReplicated(now, m_lastIndex, events);
    }
    const LiveChanges changed = updateLiveStatus(now, index, jobRows);

    m_apps.setRows(appRows(now));
    m_jobs.setRows(std::move(jobRows));
    recordCounts(now, index);

    // The index views the snapshot's strings: the two are kept together.
    m_last = std::move(snapshot);
    m_lastIndex = std::move(index);

    Q_EMIT passApplied();
    if (!changed.apps.empty() || !changed.servers.empty())
        Q_EMIT liveStatusChanged(changed.apps, changed.servers);
    if (!firstPass && !events.empty())
        Q_EMIT eventsOccurred(events);
}

std::vector<ReplicationJobRow> ReplicationStore::watchJobs(const ReplicationSnapshot &snapshot,
                                                           const SnapshotIndex &index, ReplicationEvents &events)
{
    std::vector<ReplicationJobRow> rows;
    rows.reserve(snapshot.jobs.size());
    for (const api::ReplicationJob &job : snapshot.jobs) {
        if (!job.replicationJobId || index.job(*job.replicationJobId) != &job)
            continue; // no id, or listed twice: watched once
        const SnapshotIndex::Placement placement = index.placementOf(job);
        const std::vector<api::ReplicationRun> *runs = index.runsOf(job);
        const RunsSeen seen = runsSeen(runs);

        JobWatch &watch = m_watches[*job.replicationJobId];
        const bool wasStalled = watch.stalled();
        const std::optional<RunSighting> sighting =
            seen.active ? std::optional<RunSighting>(sightingOf(*seen.active)) : std::nullopt;
        watch.observe(snapshot.takenAt, sighting ? &*sighting : nullptr, m_stallRule);
        if (seen.lastCompleted)
            watch.noteCompleted(*seen.lastCompleted);

        ReplicationJobRow row;
        row.jobId = *job.replicationJobId;
        // The row names the server and application as its events do; built
        // as the stall event it becomes if the run has just stalled.
        const ReplicationEvent names = jobEvent(ReplicationEvent::Kind::JobStalled, job, placement);
        row.serverId = names.serverId;
        row.vmName = names.vmName;
        row.appId = names.appId;
        row.appName = names.appName;
        if (placement.server)
            row.groupName = placement.server->serverGroupName;
        row.state = job.state;
        if (sighting) {
            row.runId = sighting->runId;
            row.stage = sighting->stage;
            row.stagePercent = sighting->percent;
        }
        row.eta = watch.eta();
        row.latestAmiId = job.latestAmiId.value_or(std::string());
        row.nextRun = epochSecondsOf(job.nextReplicationRunStartTime);
        row.lastCompleted = watch.lastCompleted();
        row.message = job.statusMessage.value_or(std::string());
        if (row.message.empty() && seen.active)
            row.message = seen.active->statusMessage.value_or(std::string());
        row.stalled = watch.stalled();
        row.overdue = isOverdue(job, watch.lastCompleted(), runs != nullptr, snapshot.takenAt);

        if (row.stalled && !wasStalled) {
            ReplicationEvent stalled = names;
            stalled.runId = row.runId;
            stalled.message = row.message;
            events.push_back(std::move(stalled));
        }
        rows.push_back(std::move(row));
    }
    // A job gone from the endpoint is forgotten with what was learnt of it.
    std::erase_if(m_watches, [&index](const auto &entry) { return !index.job(entry.first); });
    return rows;
}

std::vector<EndpointAppRow> ReplicationStore::appRows(const ReplicationSnapshot &snapshot) const
{
    std::vector<EndpointAppRow> rows;
    rows.reserve(snapshot.apps.size());
    for (const api::AppSummary &app : snapshot.apps) {
        if (!app.appId)
            continue;
        EndpointAppRow row;
        row.appId = *app.appId;
        row.app = app;
        const auto servers = snapshot.appServers.find(*app.appId);
        row.servers = servers != snapshot.appServers.end() ? std::optional<int>(int(servers->second.size()))
                                                           : app.totalServers;
        rows.push_back(std::move(row));
    }
    return rows;
}

void ReplicationStore::recordCounts(const ReplicationSnapshot &snapshot, const SnapshotIndex &index)
{
    std::vector<ApplicationCounts> counts;
    counts.reserve(snapshot.apps.size());
    for (const api::AppSummary &app : snapshot.apps) {
        if (!app.appId || index.app(*app.appId) != &app)
            continue;
        ApplicationCounts count;
        count.appId = *app.appId;
        count.name = app.name.value_or(std::string());
        const auto servers = snapshot.appServers.find(*app.appId);
        if (servers != snapshot.appServers.end()) {
            for (const MonitoredServer &server : servers->second) {
                const api::ReplicationJob *job = index.jobOf(server);
                ++count.servers[std::size_t(job ? bucketOf(*job) : JobBucket::NoJob)];
            }
            auto history = m_histories.find(count.appId);
            if (history == m_histories.end())
                history = m_histories.emplace(count.appId, AppHistory{count.name, StateHistory(m_historyCapacity)}).first;
            history->second.name = count.name;
            StateSample sample;
            sample.at = snapshot.takenAt;
            std::copy(count.servers.begin(), count.servers.end(), sample.servers.begin());
            history->second.samples.add(sample);
        }
        counts.push_back(std::move(count));
    }
    std::erase_if(m_histories, [&index](const auto &entry) { return !index.app(entry.first); });
    m_counts = std::move(counts);
}

ReplicationStore::LiveChanges ReplicationStore::updateLiveStatus(const ReplicationSnapshot &snapshot,
                                                                 const SnapshotIndex &index,
                                                                 const std::vector<ReplicationJobRow> &jobRows)
{
    LiveStatus live;
    live.applications.reserve(snapshot.apps.size());
    for (const api::AppSummary &app : snapshot.apps) {
        if (!app.appId)
            continue;
        ApplicationLiveStatus status;
        status.status = app.status.value_or(api::OpenEnum<api::AppStatus>());
        status.replication = app.replicationStatus.value_or(api::OpenEnum<api::AppReplicationStatus>());
        status.launch = app.launchStatus.value_or(api::OpenEnum<api::AppLaunchStatus>());
        status.replicationMessage = app.replicationStatusMessage.value_or(std::string());
        status.launchMessage = app.launchStatusMessage.value_or(std::string());
        live.applications.try_emplace(*app.appId, std::move(status));
    }

    live.servers.reserve(jobRows.size());
    for (const ReplicationJobRow &row : jobRows) {
        if (!row.serverId.empty())
            live.servers.try_emplace(row.serverId, serverStatusOf(row));
    }
    // Servers of an application without a job are shown as such.
    for (const auto &[appId, servers] : snapshot.appServers) {
        if (!index.app(appId))
            continue;
        for (const MonitoredServer &server : servers)
            if (!index.jobOf(server))
                live.servers.try_emplace(server.serverId);
    }

    LiveChanges changes{changedKeys(m_live.applications, live.applications), changedKeys(m_live.servers, live.servers)};
    m_live = std::move(live);
    return changes;
}

ApplicationHistory ReplicationStore::history(const std::string &appId) const
{
    ApplicationHistory history;
    history.appId = appId;
    const auto it = m_histories.find(appId);
    if (it != m_histories.end()) {
        history.name = it->second.name;
        history.samples = it->second.samples.samples();
    }
    return history;
}

} // namespace sms::models
