#pragma once
// SimulationClock: the sandbox's time. It runs `timeScale` times faster than
// the wall clock (sms-local --time-scale), so that a catalog import or a
// replication run that takes minutes at AWS can be watched in seconds. Tests
// give it a wall clock of their own to step through time exactly.

#include "api/Timestamp.h"

#include <QElapsedTimer>

#include <chrono>
#include <functional>

namespace sms::sandbox {

class SimulationClock
{
public:
    using WallClock = std::function<std::chrono::milliseconds()>;

    // Simulated time starts at `start` and advances timeScale seconds per wall second.
    SimulationClock(api::Timestamp start, double timeScale, WallClock wall = {});

    api::Timestamp now() const;
    double timeScale() const { return m_timeScale; }
    // Jumps simulated time forward (to give a demo estate its history).
    void skip(double seconds) { m_start.epochSeconds += seconds; }

private:
    api::Timestamp m_start;
    double m_timeScale;
    WallClock m_wall;
};

} // namespace sms::sandbox
