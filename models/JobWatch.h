#pragma once
// JobWatch: what the replication monitor learns of one replication job by
// watching it pass after pass, which the API does not say: whether its run in
// progress has stalled, when that run should end, and when a run last
// completed. The store keeps one per job and drops it with the job.

#include "api/SmsTypes.h"

#include <optional>
#include <string>

namespace sms::models {

// A run has stalled when its stage and progress have not moved over `passes`
// passes and at least `seconds` of wall time: both, so that neither a fast
// poll nor one slow pass calls a run stalled.
struct StallRule
{
    int passes = 3;
    double seconds = 300;
};

// What one pass saw of a job's run in progress.
struct RunSighting
{
    std::string runId;
    std::string stage;
    std::optional<int> percent;
};

class JobWatch
{
public:
    // Once per pass (at: the pass's takenAt) with the job's run in progress, if any.
    void observe(double at, const RunSighting *active, const StallRule &rule);
    // A run completed at `completedTime` (epoch seconds); the latest is kept.
    void noteCompleted(double completedTime);

    bool stalled() const { return m_stalled; }
    // When the run in progress should end (epoch seconds): from the rate its
    // estimated overall fraction rose at since first seen; none while the
    // stage is unknown or nothing has moved yet.
    std::optional<double> eta() const { return m_eta; }
    std::optional<double> lastCompleted() const { return m_lastCompleted; }

private:
    void startRun(double at, const RunSighting &run);

    std::optional<RunSighting> m_run;
    double m_movedAt = 0;       // when its stage or progress last changed
    int m_stillPasses = 0;      // passes since then
    double m_firstAt = 0;       // the first pass that gave a fraction, and that fraction
    std::optional<double> m_firstFraction;
    bool m_stalled = false;
    std::optional<double> m_eta;
    std::optional<double> m_lastCompleted;
};

// A job is overdue when no run has completed within twice its frequency
// (hours): since its last completed run, or since its seed replication time
// when none has completed. Run-once and deleting jobs are never overdue. When
// no run list was ever seen and the job has an AMI, the last completion is
// unknown and no verdict is given.
bool isOverdue(const api::ReplicationJob &job, std::optional<double> lastCompleted, bool runsKnown, double now);

} // namespace sms::models
