#include "LatenessProbe.h"

namespace sms::bench {

LatenessProbe::LatenessProbe(int periodMs, QObject *parent)
    : QObject(parent)
    , m_periodMs(periodMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &LatenessProbe::tick);
    m_latenessMs.reserve(1 << 20);  // no reallocation inside the measurement for runs up to ~3 h
}

void LatenessProbe::start()
{
    m_clock.start();
    m_dueNs = m_clock.nsecsElapsed() + qint64(m_periodMs) * 1'000'000;
    m_timer.start(m_periodMs);
}

void LatenessProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    m_latenessMs.push_back(double(now - m_dueNs) / 1e6);
    m_dueNs = m_clock.nsecsElapsed() + qint64(m_periodMs) * 1'000'000;
    m_timer.start(m_periodMs);
}

} // namespace sms::bench
