#pragma once
// The events (ReplicationEvent.h) found by comparing one pass with the one
// before it. Both passes come with their SnapshotIndex; the store calls these
// from the second pass on.

#include "models/ReplicationEvent.h"
#include "models/SnapshotIndex.h"

namespace sms::models {

// An event about a job, with its server and application filled in.
ReplicationEvent jobEvent(ReplicationEvent::Kind kind, const api::ReplicationJob &job,
                          const SnapshotIndex::Placement &placement);

// Runs FAILED now that were not at the last pass. Where both passes have the
// job's runs, run by run (a run unseen before and already failed counts: it
// failed in between); a job new since the last pass has all its failed runs
// counted. Where either pass lacks the runs, the job entering FAILING, FAILED
// or PAUSED_ON_FAILURE counts as one failure (with its newest failed run when
// known), so a failure is not missed, nor an old one repeated.
void findRunFailures(const ReplicationSnapshot &now, const SnapshotIndex &nowIndex, const SnapshotIndex &before,
                     ReplicationEvents &events);

// Applications whose replication status became REPLICATED since the last pass.
void findAppsReplicated(const ReplicationSnapshot &now, const SnapshotIndex &before, ReplicationEvents &events);

} // namespace sms::models
