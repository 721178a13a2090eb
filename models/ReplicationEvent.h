#pragma once
// ReplicationEvent: something the replication monitor noticed between two
// passes that is worth a desktop notification. ReplicationStore emits each
// pass's events together, once; none on the first pass, since what happened
// before the planner started watching is not news.

#include <string>
#include <vector>

namespace sms::models {

struct ReplicationEvent
{
    enum class Kind {
        RunFailed,      // a run is FAILED that was not at the last pass
        JobStalled,     // a job's run in progress became stalled
        AppReplicated,  // an application's replication status became REPLICATED
    };

    Kind kind = Kind::RunFailed;
    std::string appId;      // empty when the job's server is in no listed application
    std::string appName;
    std::string serverId;   // empty for AppReplicated
    std::string vmName;
    std::string jobId;
    std::string runId;
    std::string message;    // the run's or the application's status message

    bool operator==(const ReplicationEvent &) const = default;
};

using ReplicationEvents = std::vector<ReplicationEvent>;

} // namespace sms::models
