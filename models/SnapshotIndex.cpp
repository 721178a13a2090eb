#include "models/SnapshotIndex.h"

namespace sms::models {
namespace {

template <typename Map>
auto find(const Map &map, std::string_view key) -> typename Map::mapped_type
{
    const auto it = map.find(key);
    return it == map.end() ? typename Map::mapped_type{} : it->second;
}

} // namespace

SnapshotIndex::SnapshotIndex(const ReplicationSnapshot &snapshot)
    : m_snapshot(&snapshot)
{
    m_apps.reserve(snapshot.apps.size());
    for (const api::AppSummary &app : snapshot.apps)
        if (app.appId)
            m_apps.try_emplace(*app.appId, &app);

    m_jobs.reserve(snapshot.jobs.size());
    m_jobOfServer.reserve(snapshot.jobs.size());
    for (const api::ReplicationJob &job : snapshot.jobs) {
        if (job.replicationJobId)
            m_jobs.try_emplace(*job.replicationJobId, &job);
        if (job.serverId)
            m_jobOfServer.try_emplace(*job.serverId, &job);
    }

    for (const auto &[appId, servers] : snapshot.appServers) {
        const api::AppSummary *app = find(m_apps, appId);
        if (!app)
            continue; // GetApp of an application ListApps no longer lists
        for (const MonitoredServer &server : servers) {
            const Placement placement{app, &server};
            m_placementOfServer.try_emplace(server.serverId, placement);
            if (!server.replicationJobId.empty())
                m_placementOfJob.try_emplace(server.replicationJobId, placement);
        }
    }
}

const api::AppSummary *SnapshotIndex::app(std::string_view appId) const
{
    return find(m_apps, appId);
}

const api::ReplicationJob *SnapshotIndex::job(std::string_view jobId) const
{
    return find(m_jobs, jobId);
}

const api::ReplicationJob *SnapshotIndex::jobOf(const MonitoredServer &server) const
{
    if (!server.replicationJobId.empty())
        if (const api::ReplicationJob *named = job(server.replicationJobId))
            return named;
    return find(m_jobOfServer, server.serverId);
}

SnapshotIndex::Placement SnapshotIndex::placementOf(const api::ReplicationJob &job) const
{
    if (job.replicationJobId) {
        const Placement named = find(m_placementOfJob, *job.replicationJobId);
        if (named.app)
            return named;
    }
    return job.serverId ? find(m_placementOfServer, *job.serverId) : Placement{};
}

const std::vector<api::ReplicationRun> *SnapshotIndex::runsOf(const api::ReplicationJob &job) const
{
    if (m_snapshot && job.replicationJobId) {
        const auto it = m_snapshot->runs.find(*job.replicationJobId);
        if (it != m_snapshot->runs.end())
            return &it->second;
    }
    return job.replicationRunList ? &*job.replicationRunList : nullptr;
}

} // namespace sms::models
