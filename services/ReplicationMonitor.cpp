#include "services/ReplicationMonitor.h"

#include "client/SmsClient.h"
#include "services/ReplicationPass.h"

#include <QDateTime>

#include <algorithm>

namespace sms::services {

ReplicationMonitor::ReplicationMonitor(MonitorTimings timings, QObject *parent)
    : QObject(parent)
    , m_schedule(timings)
    , m_wallClock([] { return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0; })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReplicationMonitor::startPass);
}

ReplicationMonitor::~ReplicationMonitor()
{
    cancelPass();
}

void ReplicationMonitor::setClient(client::SmsClient *client)
{
    if (client && client == m_client)
        return;
    stop();
    if (!client)
        return;
    m_client = client;
    // Stops before the client's calls would answer into a pass that outlives it.
    m_clientGone = connect(client, &QObject::destroyed, this, &ReplicationMonitor::stop);
    // Another endpoint: nothing of the last one's snapshot, backoff or run lists applies.
    m_last.reset();
    m_jobsPerPage = kFirstJobsPerPage;
    m_schedule = MonitorSchedule(m_schedule.timings(), m_random);
    m_sinceLastPass.invalidate();
    if (m_active)
        startPass();
}

void ReplicationMonitor::stop()
{
    cancelPass();
    m_timer.stop();
    // Whether there was a client, from the connection: while the client's
    // destroyed() runs, m_client already reads null.
    const bool hadClient = disconnect(m_clientGone);
    m_client.clear();
    m_refreshAfterPass = false;
    if (hadClient)
        Q_EMIT scheduleChanged(-1, MonitorReason::Paused);
}

void ReplicationMonitor::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (!active) {
        m_timer.stop();
        Q_EMIT scheduleChanged(-1, MonitorReason::Paused);
        return;
    }
    if (m_pass || !m_client)
        return;  // the pass in flight schedules the next; without a client there is nothing to do
    const qint64 interval = m_schedule.nextInterval().count();
    const qint64 age = m_sinceLastPass.isValid() ? m_sinceLastPass.elapsed() : interval;
    if (m_refreshAfterPass || age >= interval)
        startPass();
    else
        scheduleIn(interval - age);
}

void ReplicationMonitor::refreshNow()
{
    if (m_pass || !m_active || !m_client)
        m_refreshAfterPass = true;  // after the pass in flight, or when shown again
    else
        startPass();
}

void ReplicationMonitor::setWatchedJobs(std::vector<std::string> jobIds)
{
    const bool added = std::any_of(jobIds.begin(), jobIds.end(), [this](const std::string &id) {
        return std::find(m_watchedJobs.begin(), m_watchedJobs.end(), id) == m_watchedJobs.end();
    });
    m_watchedJobs = std::move(jobIds);
    if (added)
        refreshNow();  // its runs should not wait a minute to show
}

void ReplicationMonitor::setWallClock(WallClock clock)
{
    m_wallClock = std::move(clock);
}

void ReplicationMonitor::setRandomSource(Random01 random)
{
    m_random = std::move(random);
    m_schedule = MonitorSchedule(m_schedule.timings(), m_random);
}

void ReplicationMonitor::startPass()
{
    if (!m_client || !m_active)
        return;
    if (m_pass) {
        m_refreshAfterPass = true;
        return;
    }
    m_timer.stop();
    m_refreshAfterPass = false;
    PassInput input;
    input.takenAt = m_wallClock();
    input.watchedJobs = m_watchedJobs;
    input.runsPerJob = m_runsPerJob;
    input.jobsPerPage = m_jobsPerPage;
    input.previous = m_last;
    auto *pass = new ReplicationPass(*m_client, std::move(input), this);
    m_pass = pass;
    connect(pass, &ReplicationPass::finished, this, &ReplicationMonitor::onPassFinished);
    Q_EMIT passStarted();
    if (m_pass == pass)  // a receiver may have stopped us
        pass->start();
}

void ReplicationMonitor::onPassFinished(const Result<models::SnapshotPtr> &result)
{
    if (result && m_pass)
        m_jobsPerPage = jobsPerPageFor(m_pass->longestRunList());
    m_pass.clear();  // it deletes itself
    m_sinceLastPass.start();
    if (!result) {
        const SmsError &error = result.error();
        if (error.errorCode() == ErrorCode::Canceled)
            return;  // stopped: stop() said so already
        if (isThrottled(error)) {
            m_schedule.passThrottled();
        } else {
            m_schedule.passFailed();
            Q_EMIT passFailed(error);
        }
    } else {
        m_last = result.value();
        m_schedule.passSucceeded(workInProgress(*m_last));
        Q_EMIT passFinished(m_last);
    }
    // A receiver may have stopped, paused or refreshed us meanwhile.
    if (m_pass || !m_client || !m_active)
        return;
    if (m_refreshAfterPass)
        startPass();
    else
        scheduleIn(m_schedule.nextInterval().count());
}

void ReplicationMonitor::scheduleIn(qint64 ms)
{
    m_timer.start(std::chrono::milliseconds(ms));
    Q_EMIT scheduleChanged(ms, m_schedule.reason());
}

void ReplicationMonitor::cancelPass()
{
    if (ReplicationPass *pass = m_pass.data()) {
        m_pass.clear();
        pass->disconnect(this);
        pass->cancel();  // cancels its calls now; it deletes itself later
    }
}

} // namespace sms::services
