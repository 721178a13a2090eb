#include "sandbox/SimulationClock.h"

#include <memory>

namespace sms::sandbox {

SimulationClock::SimulationClock(api::Timestamp start, double timeScale, WallClock wall)
    : m_start(start)
    , m_timeScale(timeScale)
    , m_wall(std::move(wall))
{
    if (!m_wall) {
        auto timer = std::make_shared<QElapsedTimer>();
        timer->start();
        m_wall = [timer] { return std::chrono::milliseconds(timer->elapsed()); };
    }
}

api::Timestamp SimulationClock::now() const
{
    return {m_start.epochSeconds + double(m_wall().count()) / 1000.0 * m_timeScale};
}

} // namespace sms::sandbox
