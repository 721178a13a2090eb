#include "ui/monitor/RunOutcome.h"

namespace sms::ui {

RunOutcome outcomeOf(const api::ReplicationRun &run)
{
    if (!run.state || !run.state->isKnown())
        return RunOutcome::Other;
    switch (run.state->value()) {
    case api::ReplicationRunState::Completed: return RunOutcome::Completed;
    case api::ReplicationRunState::Failed: return RunOutcome::Failed;
    case api::ReplicationRunState::Active: return RunOutcome::Active;
    case api::ReplicationRunState::Missed: return RunOutcome::Missed;
    case api::ReplicationRunState::Pending: return RunOutcome::Pending;
    case api::ReplicationRunState::Deleting:
    case api::ReplicationRunState::Deleted: return RunOutcome::Deleted;
    case api::ReplicationRunState::Unknown: break;
    }
    return RunOutcome::Other;
}

} // namespace sms::ui
