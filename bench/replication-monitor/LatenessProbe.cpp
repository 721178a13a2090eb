#include "LatenessProbe.h"

#include <time.h>

namespace sms::bench {
namespace {

qint64 threadCpuNs()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

} // namespace

LatenessProbe::LatenessProbe(int periodMs, QObject *parent)
    : QObject(parent)
    , m_periodMs(periodMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LatenessProbe::tick);
    // No reallocation inside the measurement for runs up to ~3 h.
    m_latenessMs.reserve(1 << 20);
    m_cpuMs.reserve(1 << 20);
}

void LatenessProbe::start()
{
    m_clock.start();
    arm();
}

void LatenessProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_latenessMs.push_back(double(now - m_dueNs) / 1e6);
    m_cpuMs.push_back(double(threadCpuNs() - m_armedCpuNs) / 1e6);
    arm();
}

void LatenessProbe::arm()
{
    m_armedCpuNs = threadCpuNs();
    m_dueNs = m_clock.nsecsElapsed() + qint64(m_periodMs) * 1'000'000;
    m_timer.start(m_periodMs);
}

} // namespace sms::bench
