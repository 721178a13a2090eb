#pragma once
// StateColors: the one place the monitor's colours come from, for the charts,
// the timeline and their legends. Each colour has a light and a dark variant
// picked by the palette's window lightness (Qt 6.4 has no colour-scheme hint),
// chosen for at least 3:1 contrast against that window, the WCAG minimum for
// graphics. Outcomes reuse the bucket colours, so "failed" is one red
// everywhere.

#include "models/ReplicationHistory.h"
#include "ui/monitor/RunOutcome.h"

#include <QColor>
#include <QPalette>

namespace sms::ui {

class StateColors
{
public:
    explicit StateColors(const QPalette &palette);

    static bool isDark(const QPalette &palette);
    bool isDark() const { return m_dark; }

    QColor bucket(models::JobBucket bucket) const;
    QColor outcome(RunOutcome outcome) const;
    // Black or white, whichever reads better on `fill`.
    static QColor textOn(const QColor &fill);

private:
    bool m_dark;
};

} // namespace sms::ui
