#pragma once
// ReplicationMonitor: polls the endpoint's replication state while the
// monitor is on screen and hands each pass's snapshot out (passFinished).
// It owns no models: models/ReplicationStore keeps and diffs the snapshots.
//
// - One pass at a time (ReplicationPass.h); the next is scheduled only when
//   the last has ended, after the interval MonitorSchedule.h gives: active,
//   idle, backing off from throttling, or retrying after a failure.
// - Paused while hidden (setActive(false): the dock hidden, the window
//   minimised): no pass starts and no timer runs; a pass in flight still
//   reports. Shown again, it passes at once if the last pass ended longer
//   ago than the interval, else it waits out the rest of it.
// - refreshNow() (after a replication action) passes at once, or right after
//   the pass in flight. A newly watched job does the same, so its runs show.
// - stop() cancels everything and forgets the client; EndpointSession's
//   aboutToClose() calls it, and setClient() with the new client goes on.
//   A client destroyed without it stops the monitor too.
// - GetReplicationJobs is read in pages sized to the run lists the last pass
//   saw (JobsPageSize.h), so that a page stays small as the jobs age.
// It starts inactive: nothing runs before setActive(true) and setClient().

#include "api/Result.h"
#include "models/ReplicationSnapshot.h"
#include "services/JobsPageSize.h"
#include "services/MonitorSchedule.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <string>
#include <vector>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

class ReplicationPass;

class ReplicationMonitor : public QObject
{
    Q_OBJECT

public:
    // Epoch seconds, for a snapshot's takenAt. Default: the system clock.
    using WallClock = std::function<double()>;

    explicit ReplicationMonitor(MonitorTimings timings = {}, QObject *parent = nullptr);
    ~ReplicationMonitor() override;

    // The client to poll; nullptr is stop(). A new client passes at once when active.
    void setClient(client::SmsClient *client);
    // Cancels the pass in flight and the timer, and forgets the client.
    void stop();
    void setActive(bool active);
    void refreshNow();
    // The jobs whose runs each pass reads (GetReplicationRuns).
    void setWatchedJobs(std::vector<std::string> jobIds);
    // The most recent runs kept per watched job.
    void setRunsPerJob(std::size_t runs) { m_runsPerJob = runs; }
    // For tests: a wall clock and a jitter source of their own.
    void setWallClock(WallClock clock);
    void setRandomSource(Random01 random);

    bool isActive() const { return m_active; }
    bool isPassRunning() const { return !m_pass.isNull(); }
    // A next pass is on the timer.
    bool isScheduled() const { return m_timer.isActive(); }
    models::SnapshotPtr lastSnapshot() const { return m_last; }
    // The next pass's GetReplicationJobs page size, from the run lists the
    // last one saw (JobsPageSize.h).
    int jobsPerPage() const { return m_jobsPerPage; }
    const MonitorSchedule &schedule() const { return m_schedule; }

Q_SIGNALS:
    void passStarted();
    void passFinished(const sms::models::SnapshotPtr &snapshot);
    // Not throttling (that is scheduleChanged's Throttled) and not a cancel.
    void passFailed(const sms::SmsError &error);
    // The next pass is due in `nextPassInMs`; -1 when none is scheduled
    // (Paused, or stopped: no client).
    void scheduleChanged(qint64 nextPassInMs, sms::services::MonitorReason reason);

private:
    void startPass();
    void onPassFinished(const Result<models::SnapshotPtr> &result);
    void scheduleIn(qint64 ms);
    void cancelPass();

    MonitorSchedule m_schedule;
    QTimer m_timer;
    QElapsedTimer m_sinceLastPass;  // monotonic: a clock change must not skip or bunch passes
    QPointer<client::SmsClient> m_client;
    QPointer<ReplicationPass> m_pass;
    QMetaObject::Connection m_clientGone;
    WallClock m_wallClock;
    Random01 m_random;  // empty: MonitorSchedule's default
    models::SnapshotPtr m_last;
    std::vector<std::string> m_watchedJobs;
    std::size_t m_runsPerJob = 50;
    int m_jobsPerPage = kFirstJobsPerPage;
    bool m_active = false;
    bool m_refreshAfterPass = false;
};

} // namespace sms::services

Q_DECLARE_METATYPE(sms::services::MonitorReason)
