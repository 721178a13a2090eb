#pragma once
// SMS's limit on on-demand replication runs, and when the next one is allowed.
//
// SMS starts at most 2 on-demand runs per replication job in any 24 hours
// (ReplicationRunLimitExceededException; sms-local enforces the same in
// sandbox/ReplicationOperations.cpp). An application's on-demand replication
// starts one run on every server's job and is refused while any one of them is
// at its limit (sandbox/AppLifecycleOperations.cpp), so the application may
// run again when the last of its jobs allows it.
//
// SMS does not say when the limit lifts, so it is worked out from the job's
// ON_DEMAND runs: the run started 2 runs ago plus 24 hours. A run SMS queued
// behind one in progress is scheduled later than it was asked for, so the
// time given is never earlier than SMS allows, at worst a run's length later.
// The CLI and the GUI word the refusal with these same functions.

#include "api/Result.h"
#include "api/SmsTypes.h"

#include <QString>
#include <QTimeZone>

#include <functional>
#include <string>
#include <vector>

class QObject;

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

inline constexpr int kOnDemandRunsPerWindow = 2;
inline constexpr double kOnDemandWindowSeconds = 24 * 3600.0;

// One replication job's runs, with the server they replicate.
struct JobRuns
{
    std::string replicationJobId;
    std::string serverName;  // the VM's name, else the server id
    std::vector<api::ReplicationRun> runs;
};

// When the job allows its next on-demand run, in epoch seconds: `now` when it
// does already.
double nextOnDemandRunAllowed(const std::vector<api::ReplicationRun> &runs, double now);

// When the next on-demand run is allowed, and for which server.
struct OnDemandAllowance
{
    std::string serverName;
    double allowedAt = 0;  // epoch seconds; `now` when allowed already
};

// For an application: the last of its jobs to allow a run (the first of
// those that allow it at the same time); `now` and no name for no jobs.
OnDemandAllowance nextOnDemandRunAllowed(const std::vector<JobRuns> &jobs, double now);

// The endpoint's now as far as its answers tell: never before `wallNow`, nor
// before a run they report as started or completed. sms-local's clock runs
// --time-scale times faster than the wall clock; for SMS this is `wallNow`.
double endpointNow(const std::vector<JobRuns> &jobs, double wallNow);

// "SMS allows 2 on-demand runs per server in 24 hours; the next one for
// web-01 is allowed at 14:05 UTC (in 3 h 12 min)." Times are shown in `zone`
// and rounded up to the minute, so that it is never said too early.
QString onDemandLimitWords(const OnDemandAllowance &allowance, double now,
                           const QTimeZone &zone = QTimeZone::utc());

// Reads every page of each job's runs (GetReplicationRuns), the jobs side by
// side a window at a time (client/RequestWindow.h), and hands them over in the order of `jobIds`. `done` runs once,
// unless `context` is destroyed first; the first error ends the read.
using JobRunsCallback = std::function<void(Result<std::vector<JobRuns>>)>;
void readJobRuns(client::SmsClient &client, const std::vector<std::string> &jobIds, QObject *context,
                 JobRunsCallback done);

} // namespace sms::services
