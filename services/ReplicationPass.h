#pragma once
// ReplicationPass: one read of the replication state for the monitor
// (ReplicationMonitor.h), made into a models::ReplicationSnapshot. At once,
// side by side: ListApps (every page), GetReplicationJobs (every page) and
// GetReplicationRuns (every page) of each watched job, a window of jobs at a
// time. As ListApps' pages arrive, GetApp goes out, a window at a time
// (client/RequestWindow.h), for the applications the
// previous snapshot lacks or whose lastModified changed; the others' servers
// are carried over. A server's replicationJobId is taken from this pass's
// job list (by serverId), so a job made or deleted outside its application
// shows without the application changing.
//
// One-shot, as SnapshotReader: it reports once through finished(), then
// deletes itself. An application or watched job deleted while it is read is
// left out, not an error; any other error ends the pass and cancels the rest.

#include "api/Result.h"
#include "client/RequestWindow.h"
#include "client/SmsCall.h"
#include "models/ReplicationSnapshot.h"
#include "services/JobsPageSize.h"

#include <QMetaType>
#include <QObject>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

struct PassInput
{
    double takenAt = 0;                     // when the pass began, epoch seconds
    std::vector<std::string> watchedJobs;   // GetReplicationRuns for these
    std::size_t runsPerJob = 50;            // the most recent runs kept per watched job
    int jobsPerPage = kFirstJobsPerPage;    // GetReplicationJobs' maxResults (JobsPageSize.h)
    models::SnapshotPtr previous;           // servers carried over from it; may be null
};

// Whether the snapshot shows replication or a launch going on, which is when
// the monitor polls at its active rate: a run in progress (state ACTIVE) in a
// job's run list or a watched job's runs, an application whose replication is
// pending, in progress (delta too) or stopping, or one being launched or
// terminated. A job that is merely ACTIVE (scheduled, between runs) is not:
// its next run may be hours away.
bool workInProgress(const models::ReplicationSnapshot &snapshot);

// Whether a read of `jobId` failed because the job no longer exists: the
// sandbox answers InvalidParameterException naming it, SMS may answer
// ReplicationJobNotFoundException.
bool isReplicationJobGone(const SmsError &error, std::string_view jobId);

// Throttling that outlasted the client's retries: a throttling code, or 429.
bool isThrottled(const SmsError &error);

class ReplicationPass : public QObject
{
    Q_OBJECT

public:
    // `client` must outlive the pass; `parent` is the context object.
    ReplicationPass(client::SmsClient &client, PassInput input, QObject *parent = nullptr);
    ~ReplicationPass() override;

    void start();
    // What is in flight is canceled; finished() reports Canceled.
    void cancel();

    // GetApp calls this pass made (for tests and the benchmark's figures).
    int appsRead() const { return m_appsRead; }
    // The most runs a job's replicationRunList held in GetReplicationJobs'
    // answers, before the snapshot kept the newest few: what the next pass's
    // page size follows (jobsPerPageFor()).
    std::size_t longestRunList() const { return m_longestRunList; }

Q_SIGNALS:
    void finished(const sms::Result<sms::models::SnapshotPtr> &result);

private:
    template <typename T>
    bool endsOn(const Result<T> &result);
    void onAppsPage(std::vector<api::AppSummary> &apps);
    void onJobsPage(std::vector<api::ReplicationJob> &jobs);
    void onRunsPage(const std::string &jobId, std::vector<api::ReplicationRun> &page);
    void readApp(const std::string &appId);
    void readRuns(const std::string &jobId);
    void onAppRead(const std::string &appId, Result<api::GetAppResponse> read);
    void onRunsRead(const std::string &jobId, Result<api::GetReplicationRunsResponse> read);
    void finishIfDone();
    void finish(Result<models::SnapshotPtr> result);

    client::SmsClient &m_client;
    PassInput m_input;
    std::unordered_map<std::string, double> m_previousModified;  // appId -> lastModified of the previous pass
    models::ReplicationSnapshot m_snapshot;
    std::unordered_map<std::string, std::vector<api::ServerGroup>> m_groups;  // appId -> as GetApp gave them
    std::vector<client::CallHandle> m_calls;  // GetApp; the pagers are children
    client::RequestWindow m_apps;  // GetApp
    client::RequestWindow m_runs;  // GetReplicationRuns, a pager each
    std::size_t m_longestRunList = 0;
    int m_appsRead = 0;
    bool m_listed = false;
    bool m_jobsRead = false;
    bool m_finished = false;
};

} // namespace sms::services

Q_DECLARE_METATYPE(sms::Result<sms::models::SnapshotPtr>)
