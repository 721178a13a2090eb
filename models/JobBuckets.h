#pragma once
// The bucket (ReplicationHistory.h) a replication job's state counts in:
//   PENDING                -> Pending     (no run yet)
//   ACTIVE                 -> Replicating (replicating on its schedule; see the job overload)
//   COMPLETED              -> Completed   (a run-once job that finished)
//   FAILING                -> Failing     (its last run failed; it will try again)
//   PAUSED_ON_FAILURE      -> Paused
//   FAILED                 -> Failed
//   DELETING, DELETED      -> NoJob       (the job is going away)
//   no state, or a state this build does not know -> Pending (a job whose
//   state we cannot read is not yet anything we can vouch for)

#include "api/OpenEnum.h"
#include "api/SmsEnums.h"
#include "api/SmsTypes.h"
#include "models/ReplicationHistory.h"

#include <optional>

namespace sms::models {

JobBucket bucketOf(const std::optional<api::OpenEnum<api::ReplicationJobState>> &state);
// As its state says, but an ACTIVE job that has made an AMI and has no run in
// progress counts as Completed: its server is replicated and waits for its
// next scheduled run, which is what an engineer watching it wants to see.
JobBucket bucketOf(const api::ReplicationJob &job);

} // namespace sms::models
