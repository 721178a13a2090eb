#pragma once
// Timestamp: a point in time as the SMS JSON protocol sends it, epoch seconds
// with an optional fraction.

#include <chrono>
#include <compare>
#include <cmath>

namespace sms::api {

struct Timestamp
{
    double epochSeconds = 0;

    auto operator<=>(const Timestamp &) const = default;

    using Clock = std::chrono::system_clock;
    using Seconds = std::chrono::duration<double>;

    static Timestamp fromSystemTime(Clock::time_point t)
    {
        return {std::chrono::duration_cast<Seconds>(t.time_since_epoch()).count()};
    }
    Clock::time_point toSystemTime() const
    {
        return Clock::time_point(std::chrono::duration_cast<Clock::duration>(Seconds(epochSeconds)));
    }
    bool isWholeSecond() const { return std::floor(epochSeconds) == epochSeconds; }
};

} // namespace sms::api
