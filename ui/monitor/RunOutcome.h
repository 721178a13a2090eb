#pragma once
// RunOutcome: a replication run's state folded to what the timeline colours
// and its legend names. DELETING and DELETED read alike to an engineer, and a
// state this build does not know gets a neutral colour of its own.

#include "api/SmsTypes.h"

namespace sms::ui {

enum class RunOutcome { Completed, Failed, Active, Missed, Pending, Deleted, Other, Count };
inline constexpr int kRunOutcomeCount = int(RunOutcome::Count);

RunOutcome outcomeOf(const api::ReplicationRun &run);

} // namespace sms::ui
