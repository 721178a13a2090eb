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

    static Timestamp fromSystemTime(std::chrono::system_clock::time_point t)
    {
        using namespace std::chrono;
        return {duration_cast<duration<double>>(t.time_since_epoch()).count()};
    }
    std::chrono::system_clock::time_point toSystemTime() const
    {
        using namespace std::chrono;
        return system_clock::time_point(
            duration_cast<system_clock::duration>(duration<double>(epochSeconds)));
    }
    bool isWholeSecond() const { return std::floor(epochSeconds) == epochSeconds; }
};

} // namespace sms::api
