#include "models/JobWatch.h"

#include "models/RunProgress.h"

namespace sms::models {

void JobWatch::startRun(double at, const RunSighting &run)
{
    m_run = run;
    m_movedAt = at;
    m_stillPasses = 0;
    m_firstAt = at;
    m_firstFraction = runFraction(run.stage, run.percent);
    m_stalled = false;
    m_eta.reset();
}

void JobWatch::observe(double at, const RunSighting *active, const StallRule &rule)
{
    if (!active) {
        m_run.reset();
        m_stalled = false;
        m_eta.reset();
        return;
    }
    if (!m_run || m_run->runId != active->runId) {
        startRun(at, *active);
        return;
    }
    if (m_run->stage == active->stage && m_run->percent == active->percent) {
        ++m_stillPasses;
    } else {
        m_run->stage = active->stage;
        m_run->percent = active->percent;
        m_movedAt = at;
        m_stillPasses = 0;
    }
    m_stalled = m_stillPasses >= rule.passes && at - m_movedAt >= rule.seconds;

    const std::optional<double> fraction = runFraction(active->stage, active->percent);
    m_eta.reset();
    if (!fraction)
        return;
    if (!m_firstFraction || *fraction < *m_firstFraction) {
        // The first figure we can use, or a run that went back: measure from here.
        m_firstAt = at;
        m_firstFraction = fraction;
        return;
    }
    const double done = *fraction - *m_firstFraction;
    const double elapsed = at - m_firstAt;
    if (done > 0 && elapsed > 0)
        m_eta = at + (1.0 - *fraction) * elapsed / done;
}

void JobWatch::noteCompleted(double completedTime)
{
    if (!m_lastCompleted || completedTime > *m_lastCompleted)
        m_lastCompleted = completedTime;
}

bool isOverdue(const api::ReplicationJob &job, std::optional<double> lastCompleted, bool runsKnown, double now)
{
    if (!job.frequency || *job.frequency <= 0 || job.runOnce.value_or(false))
        return false;
    if (job.state && (*job.state == api::ReplicationJobState::Deleting
                      || *job.state == api::ReplicationJobState::Deleted))
        return false;
    std::optional<double> since = lastCompleted;
    if (!since && (runsKnown || !job.latestAmiId) && job.seedReplicationTime)
        since = job.seedReplicationTime->epochSeconds;
    return since && now - *since > 2.0 * *job.frequency * 3600.0;
}

} // namespace sms::models
