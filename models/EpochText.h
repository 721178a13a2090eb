#pragma once
// Epoch seconds (as the SMS API and the monitor's passes carry them) as a
// local date-time, for the replication monitor's tables: a QDateTime for
// sorting on a raw role, short text for the cell, long for its tooltip.

#include "api/Timestamp.h"

#include <QDateTime>
#include <QLocale>
#include <QString>

#include <cmath>
#include <optional>

namespace sms::models {

inline std::optional<double> epochSecondsOf(const std::optional<api::Timestamp> &time)
{
    return time ? std::optional<double>(time->epochSeconds) : std::nullopt;
}

inline QDateTime localDateTime(std::optional<double> epochSeconds)
{
    if (!epochSeconds)
        return {};
    return QDateTime::fromMSecsSinceEpoch(std::llround(*epochSeconds * 1000.0)).toLocalTime();
}

inline QString localDateTimeText(std::optional<double> epochSeconds, QLocale::FormatType format = QLocale::ShortFormat)
{
    const QDateTime when = localDateTime(epochSeconds);
    return when.isValid() ? QLocale().toString(when, format) : QString();
}

} // namespace sms::models
