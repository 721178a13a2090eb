#include "services/MonitorSchedule.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace sms::services {

using std::chrono::milliseconds;

MonitorSchedule::MonitorSchedule(MonitorTimings timings, Random01 random)
    : m_timings(timings)
    , m_random(random ? std::move(random) : Random01([] { return QRandomGenerator::global()->generateDouble(); }))
    , m_next(m_timings.idle)
{
}

void MonitorSchedule::passSucceeded(bool busy)
{
    m_busy = busy;
    m_failures = 0;
    if (m_backoff > milliseconds(0)) {
        m_backoff /= 2;
        if (m_backoff <= normal())
            m_backoff = milliseconds(0);
    }
    if (m_backoff > milliseconds(0)) {
        m_reason = MonitorReason::Throttled;  // still coming back
        m_next = jittered(m_backoff);
    } else {
        m_reason = busy ? MonitorReason::Active : MonitorReason::Idle;
        m_next = normal();
    }
}

void MonitorSchedule::passThrottled()
{
    m_backoff = std::min(std::max(m_backoff, normal()) * 2, m_timings.maxBackoff);
    m_reason = MonitorReason::Throttled;
    m_next = jittered(m_backoff);
}

void MonitorSchedule::passFailed()
{
    ++m_failures;
    const double doubled = double(m_timings.failing.count()) * std::pow(2.0, std::min(m_failures - 1, 30));
    const milliseconds wait(std::llround(std::min(doubled, double(m_timings.maxBackoff.count()))));
    m_reason = MonitorReason::Failing;
    m_next = jittered(std::max(wait, m_backoff));
}

milliseconds MonitorSchedule::jittered(milliseconds base) const
{
    const double factor = 1.0 + m_timings.jitter * (2.0 * std::clamp(m_random(), 0.0, 1.0) - 1.0);
    const milliseconds wait(std::llround(double(base.count()) * factor));
    return std::clamp(wait, milliseconds(1), std::max(m_timings.maxBackoff, milliseconds(1)));
}

} // namespace sms::services
