#pragma once
// MonitorSchedule: when the replication monitor (ReplicationMonitor.h) runs
// its next pass, decided from how the last one ended. Pure arithmetic, no
// timer, so that the backoff can be tested row by row.
//
// - A good pass: `active` (15 s) while replication or a launch is going on (see
//   workInProgress() in ReplicationPass.h), `idle` (60 s) otherwise.
// - Throttled beyond the client's retries: the interval doubles from the
//   normal one up to `maxBackoff` (5 min); each good pass after it halves it
//   again, so the endpoint that just throttled us is not hit at full rate at
//   once. While backing off the interval gets +-`jitter`, so that planners
//   throttled together do not come back together, but never exceeds
//   `maxBackoff`: the user is promised an update at least that often.
// - Any other failure (network down, credentials refused): retried after
//   `failing` (30 s), doubling per failure in a row up to `maxBackoff`, with
//   the same jitter. The first good pass ends it at once: nothing was
//   overloaded, so there is nothing to come back from gradually.

#include <chrono>
#include <functional>

namespace sms::services {

struct MonitorTimings
{
    std::chrono::milliseconds active{15'000};
    std::chrono::milliseconds idle{60'000};
    std::chrono::milliseconds failing{30'000};
    std::chrono::milliseconds maxBackoff{300'000};
    double jitter = 0.10;  // a share of the interval, either way
};

// What the monitor is doing, for the status bar.
enum class MonitorReason { Active, Idle, Throttled, Failing, Paused };

// A number in [0, 1). The default draws from QRandomGenerator::global().
using Random01 = std::function<double()>;

class MonitorSchedule
{
public:
    explicit MonitorSchedule(MonitorTimings timings = {}, Random01 random = {});

    // `busy`: the pass saw replication going on.
    void passSucceeded(bool busy);
    // The pass ended on throttling the client's retries could not ride out.
    void passThrottled();
    void passFailed();

    // The wait before the next pass, jittered once per event (asking again
    // gives the same value), and why.
    std::chrono::milliseconds nextInterval() const { return m_next; }
    MonitorReason reason() const { return m_reason; }
    // The throttling backoff before jitter; 0 when not backing off.
    std::chrono::milliseconds backoff() const { return m_backoff; }
    const MonitorTimings &timings() const { return m_timings; }

private:
    std::chrono::milliseconds normal() const { return m_busy ? m_timings.active : m_timings.idle; }
    std::chrono::milliseconds jittered(std::chrono::milliseconds base) const;

    MonitorTimings m_timings;
    Random01 m_random;
    std::chrono::milliseconds m_backoff{0};
    std::chrono::milliseconds m_next;
    MonitorReason m_reason = MonitorReason::Idle;
    int m_failures = 0;  // in a row
    bool m_busy = false;
};

} // namespace sms::services
