#pragma once
// ReplicationStore: what the replication monitor knows, pass after pass.
// services/ReplicationMonitor polls the endpoint and hands each pass's
// immutable snapshot to apply(); the store diffs it against the last one into
// - the applications and jobs tables (EndpointAppsModel, ReplicationJobsModel),
//   row signals only, never a reset;
// - each application's history of servers by JobBucket (StateHistory) and the
//   latest counts, for the charts;
// - figures the API does not give, from watching jobs (JobWatch): stalled runs,
//   ETAs, overdue jobs;
// - LiveStatus for the plan's views, with the ids that changed;
// - the pass's events for desktop notifications.
// It does no I/O; everything is measured on the snapshots' takenAt.

#include "models/EndpointAppsModel.h"
#include "models/JobWatch.h"
#include "models/LiveStatus.h"
#include "models/ReplicationEvent.h"
#include "models/ReplicationHistory.h"
#include "models/ReplicationJobsModel.h"
#include "models/ReplicationSnapshot.h"
#include "models/SnapshotIndex.h"
#include "models/StateHistory.h"

#include <QObject>

#include <string>
#include <unordered_map>
#include <vector>

namespace sms::models {

class ReplicationStore : public QObject
{
    Q_OBJECT

public:
    explicit ReplicationStore(QObject *parent = nullptr);
    // historyCapacity: samples kept per application (StateHistory).
    explicit ReplicationStore(std::size_t historyCapacity, QObject *parent = nullptr);

    // One pass of the monitor. A null snapshot is ignored.
    void apply(SnapshotPtr snapshot);

    void setStallRule(StallRule rule) { m_stallRule = rule; }
    StallRule stallRule() const { return m_stallRule; }

    EndpointAppsModel &applications() { return m_apps; }
    ReplicationJobsModel &jobs() { return m_jobs; }
    const LiveStatus &liveStatus() const { return m_live; }
    // The last pass applied; null before the first.
    const SnapshotPtr &lastSnapshot() const { return m_last; }
    // The look-ups into lastSnapshot() (a job by id, a server's job).
    const SnapshotIndex &lastIndex() const { return m_lastIndex; }

    // One application's history, oldest first; no samples for an unknown id.
    ApplicationHistory history(const std::string &appId) const;
    // The latest counts of every listed application, in ListApps' order. An
    // application whose servers the monitor has not read yet counts none.
    const std::vector<ApplicationCounts> &counts() const { return m_counts; }

Q_SIGNALS:
    // After each pass, once the models, history and counts hold it.
    void passApplied();
    // The applications and servers whose LiveStatus entry changed, appeared
    // or went (then absent from liveStatus()); not emitted when none did.
    void liveStatusChanged(const std::vector<std::string> &appIds, const std::vector<std::string> &serverIds);
    // The pass's events, once per pass that has any; never on the first pass.
    void eventsOccurred(const sms::models::ReplicationEvents &events);

private:
    struct AppHistory
    {
        std::string name;
        StateHistory samples;
    };

    struct LiveChanges
    {
        std::vector<std::string> apps;
        std::vector<std::string> servers;
    };

    std::vector<ReplicationJobRow> watchJobs(const ReplicationSnapshot &snapshot, const SnapshotIndex &index,
                                             ReplicationEvents &events);
    std::vector<EndpointAppRow> appRows(const ReplicationSnapshot &snapshot) const;
    void recordCounts(const ReplicationSnapshot &snapshot, const SnapshotIndex &index);
    // Replaces liveStatus() and says which entries changed.
    LiveChanges updateLiveStatus(const ReplicationSnapshot &snapshot, const SnapshotIndex &index,
                                 const std::vector<ReplicationJobRow> &jobRows);

    EndpointAppsModel m_apps;
    ReplicationJobsModel m_jobs;
    StallRule m_stallRule;
    std::size_t m_historyCapacity;
    std::unordered_map<std::string, JobWatch> m_watches;      // by job id
    std::unordered_map<std::string, AppHistory> m_histories;  // by app id
    std::vector<ApplicationCounts> m_counts;
    LiveStatus m_live;
    SnapshotPtr m_last;
    SnapshotIndex m_lastIndex;  // of m_last, whose strings its keys view
};

} // namespace sms::models
