#pragma once
// The bucket (ReplicationHistory.h) a replication job's state counts in:
//   PENDING                -> Pending     (no run yet)
//   ACTIVE                 -> Replicating (replicating on its schedule, between runs too)
//   COMPLETED              -> Completed   (a run-once job that finished)
//   FAILING                -> Failing     (its last run failed; it will try again)
//   PAUSED_ON_FAILURE      -> Paused
//   FAILED                 -> Failed
//   DELETING, DELETED      -> NoJob       (the job is going away)
//   no state, or a state this build does not know -> Pending (a job whose
//   state we cannot read is not yet anything we can vouch for)

#include "api/OpenEnum.h"
#include "api/SmsEnums.h"
#include "models/ReplicationHistory.h"

#include <optional>

namespace sms::models {

JobBucket bucketOf(const std::optional<api::OpenEnum<api::ReplicationJobState>> &state);

} // namespace sms::models
