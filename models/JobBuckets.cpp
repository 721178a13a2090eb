#include "models/JobBuckets.h"

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

} // namespace sms::models
