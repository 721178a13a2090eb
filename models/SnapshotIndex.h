#pragma once
// SnapshotIndex: the look-ups a ReplicationSnapshot needs to be read by job,
// server and application, made once per pass. Its keys are views into the
// snapshot, which is immutable: keep the index only beside the SnapshotPtr it
// was made from (ReplicationStore keeps the last pass's pair to diff against).

#include "models/ReplicationSnapshot.h"

#include <string_view>
#include <unordered_map>
#include <vector>

namespace sms::models {

class SnapshotIndex
{
public:
    SnapshotIndex() = default;
    explicit SnapshotIndex(const ReplicationSnapshot &snapshot);

    // Where a job's server sits: its application and GetApp's entry for it.
    struct Placement
    {
        const api::AppSummary *app = nullptr;
        const MonitoredServer *server = nullptr;
    };

    const api::AppSummary *app(std::string_view appId) const;
    const api::ReplicationJob *job(std::string_view jobId) const;
    // The job of an application's server: through the job id GetApp named,
    // else through the job's serverId; null when it has none.
    const api::ReplicationJob *jobOf(const MonitoredServer &server) const;
    // The application server a job replicates: the server that names the job,
    // else the server with the job's serverId; empty when in no listed application.
    Placement placementOf(const api::ReplicationJob &job) const;
    // The job's runs: GetReplicationRuns' when the pass read them, else those
    // GetReplicationJobs included; null when the pass has neither.
    const std::vector<api::ReplicationRun> *runsOf(const api::ReplicationJob &job) const;

private:
    const ReplicationSnapshot *m_snapshot = nullptr;
    std::unordered_map<std::string_view, const api::AppSummary *> m_apps;
    std::unordered_map<std::string_view, const api::ReplicationJob *> m_jobs;
    std::unordered_map<std::string_view, const api::ReplicationJob *> m_jobOfServer;
    std::unordered_map<std::string_view, Placement> m_placementOfJob;     // by the job id GetApp named
    std::unordered_map<std::string_view, Placement> m_placementOfServer;  // by server id
};

} // namespace sms::models
