#pragma once
// ReplicationSnapshot: what one pass of the replication monitor read from the
// endpoint (services/ReplicationMonitor.h polls, models/ReplicationStore.h
// holds, ui/monitor/ draws). A pass's snapshot is immutable once made and is
// shared as SnapshotPtr, so the store can keep the last one to diff the next
// against without copying 1,000 jobs.

#include "api/SmsTypes.h"

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace sms::models {

// One server of an endpoint application, as GetApp names it.
struct MonitoredServer
{
    std::string serverId;
    std::string vmName;           // empty when GetApp gave no vmServer
    std::string serverGroupName;
    std::string replicationJobId; // empty: no job (yet)

    bool operator==(const MonitoredServer &) const = default;
};

struct ReplicationSnapshot
{
    // When the pass began, in epoch seconds of the client's wall clock:
    // history and derived figures (ETA, stalls) are measured on it.
    double takenAt = 0;
    // ListApps, every page, in its order.
    std::vector<api::AppSummary> apps;
    // Every listed application's servers, by appId, as GetApp last named them.
    // Membership changes only with the application's lastModified, so the
    // monitor reads GetApp again only for applications new or modified since
    // its last read and carries the rest over; an application it could not
    // read yet is missing here.
    std::unordered_map<std::string, std::vector<MonitoredServer>> appServers;
    // GetReplicationJobs, every page. The endpoint may include each job's
    // recent runs (replicationRunList); the store does not rely on it.
    std::vector<api::ReplicationJob> jobs;
    // GetReplicationRuns of the jobs the user is looking at, by job id,
    // newest first as SMS gives them.
    std::unordered_map<std::string, std::vector<api::ReplicationRun>> runs;
};

using SnapshotPtr = std::shared_ptr<const ReplicationSnapshot>;

} // namespace sms::models
