#pragma once
// Where RunTimeline draws: pure functions of the runs, the time and a
// rectangle, so that the mapping can be tested without painting. One row per
// run, newest at the top; a bar spans scheduledStartTime to completedTime, or
// to now while the run is active or pending (an unscheduled run has no bar).
// The functions taking `rows` work on those rows only (the ones in view).

#include "api/SmsTypes.h"
#include "ui/monitor/RunOutcome.h"

#include <QRectF>

#include <vector>

namespace sms::ui {

struct TimeSpan
{
    double from = 0;  // epoch seconds at the plot's left edge
    double to = 0;    // and at its right edge

    double xOf(double at, const QRectF &plot) const
    {
        return plot.left() + (at - from) / (to - from) * plot.width();
    }
};

struct TimelineBar
{
    std::size_t run = 0;  // index into the runs given
    QRectF rect;
    RunOutcome outcome = RunOutcome::Other;
};

// The rows: the indices of the scheduled runs, newest first whatever order
// the endpoint listed them in (ties keep it).
std::vector<std::size_t> rowOrder(const std::vector<api::ReplicationRun> &runs);

// From the earliest start to the latest end (to now as well with `untilNow`),
// a minute at least, with a little room on both sides.
TimeSpan timelineSpan(const std::vector<api::ReplicationRun> &runs, const std::vector<std::size_t> &rows,
                      double now, bool untilNow);
// Of every row, until now.
TimeSpan timelineSpan(const std::vector<api::ReplicationRun> &runs, double now);

// The bars of `rows` within `plot`, one row of `rowHeight` each from its top
// (the bar is the row's middle 70 %), in row order. A bar is at least
// `minWidth` wide, so an instant (a missed run) still shows.
std::vector<TimelineBar> layoutRuns(const std::vector<api::ReplicationRun> &runs,
                                    const std::vector<std::size_t> &rows, double now, const TimeSpan &span,
                                    const QRectF &plot, double rowHeight, double minWidth = 3);
// Of every row.
std::vector<TimelineBar> layoutRuns(const std::vector<api::ReplicationRun> &runs, double now,
                                    const TimeSpan &span, const QRectF &plot, double rowHeight,
                                    double minWidth = 3);

// Tick times on a round step (a minute up to a week, in local time) with at
// most `maxTicks` of them within `span`.
std::vector<double> timeTicks(const TimeSpan &span, int maxTicks);

} // namespace sms::ui
