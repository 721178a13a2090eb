#include "models/JobBuckets.h"

#include <algorithm>

namespace sms::models {

JobBucket bucketOf(const std::optional<api::OpenEnum<api::ReplicationJobState>> &state)
{
    using S = api::ReplicationJobState;
    if (!state || !state->isKnown())
        return JobBucket::Pending;
    switch (state->value()) {
    case S::Pending: return JobBucket::Pending;
    case S::Active: return JobBucket::Replicating;
    case S::Completed: return JobBucket::Completed;
    case S::Failing: return JobBucket::Failing;
    case S::PausedOnFailure: return JobBucket::Paused;
    case S::Failed: return JobBucket::Failed;
    case S::Deleting:
    case S::Deleted: return JobBucket::NoJob;
    case S::Unknown: break;
    }
    return JobBucket::Pending;
}

JobBucket bucketOf(const api::ReplicationJob &job)
{
    const JobBucket bucket = bucketOf(job.state);
    if (bucket != JobBucket::Replicating || !job.latestAmiId || job.latestAmiId->empty())
        return bucket;
    const auto &runs = job.replicationRunList;
    const bool running = runs && std::any_of(runs->begin(), runs->end(), [](const api::ReplicationRun &run) {
        return run.state && *run.state == api::ReplicationRunState::Active;
    });
    return running ? JobBucket::Replicating : JobBucket::Completed;
}

} // namespace sms::models
