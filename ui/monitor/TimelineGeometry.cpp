#include "ui/monitor/TimelineGeometry.h"

#include <QDateTime>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace sms::ui {
namespace {

constexpr double kMinute = 60;
constexpr double kHour = 3600;
constexpr double kDay = 86400;

double startOf(const api::ReplicationRun &run)
{
    return run.scheduledStartTime->epochSeconds;
}

double endOf(const api::ReplicationRun &run, RunOutcome outcome, double now)
{
    if (run.completedTime)
        return std::max(startOf(run), run.completedTime->epochSeconds);
    if (outcome == RunOutcome::Active || outcome == RunOutcome::Pending)
        return std::max(startOf(run), now);
    return startOf(run);
}

} // namespace

std::vector<std::size_t> rowOrder(const std::vector<api::ReplicationRun> &runs)
{
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].scheduledStartTime)
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return startOf(runs[a]) > startOf(runs[b]); });
    return order;
}

TimeSpan timelineSpan(const std::vector<api::ReplicationRun> &runs, const std::vector<std::size_t> &rows,
                      double now, bool untilNow)
{
    double from = untilNow || rows.empty() ? now : startOf(runs[rows.front()]);
    double to = untilNow || rows.empty() ? now : from;
    for (std::size_t row : rows) {
        const api::ReplicationRun &run = runs[row];
        from = std::min(from, startOf(run));
        to = std::max(to, endOf(run, outcomeOf(run), now));
    }
    const double length = std::max(kMinute, to - from);
    const double room = length * 0.03;
    return {from - room, from + length + room};
}

TimeSpan timelineSpan(const std::vector<api::ReplicationRun> &runs, double now)
{
    return timelineSpan(runs, rowOrder(runs), now, true);
}

std::vector<TimelineBar> layoutRuns(const std::vector<api::ReplicationRun> &runs,
                                    const std::vector<std::size_t> &rows, double now, const TimeSpan &span,
                                    const QRectF &plot, double rowHeight, double minWidth)
{
    std::vector<TimelineBar> bars;
    bars.reserve(rows.size());
    const double barHeight = rowHeight * 0.7;
    for (std::size_t row = 0; row < rows.size(); ++row) {
        const api::ReplicationRun &run = runs[rows[row]];
        const RunOutcome outcome = outcomeOf(run);
        const double left = span.xOf(startOf(run), plot);
        const double right = std::max(left + minWidth, span.xOf(endOf(run, outcome, now), plot));
        const double top = plot.top() + double(row) * rowHeight + (rowHeight - barHeight) / 2;
        bars.push_back({rows[row], QRectF(QPointF(left, top), QPointF(right, top + barHeight)), outcome});
    }
    return bars;
}

std::vector<TimelineBar> layoutRuns(const std::vector<api::ReplicationRun> &runs, double now,
                                    const TimeSpan &span, const QRectF &plot, double rowHeight, double minWidth)
{
    return layoutRuns(runs, rowOrder(runs), now, span, plot, rowHeight, minWidth);
}

std::vector<double> timeTicks(const TimeSpan &span, int maxTicks)
{
    constexpr std::array<double, 14> kSteps{kMinute,   2 * kMinute, 5 * kMinute, 10 * kMinute, 15 * kMinute,
                                            30 * kMinute, kHour,   2 * kHour,   3 * kHour,    6 * kHour,
                                            12 * kHour, kDay,      2 * kDay,    7 * kDay};
    const double length = span.to - span.from;
    double step = kSteps.back();
    for (double candidate : kSteps) {
        if (length / candidate <= maxTicks) {
            step = candidate;
            break;
        }
    }
    // Round in local time, so ticks fall on the hour or midnight the user sees.
    const double offset = QDateTime::fromSecsSinceEpoch(qint64(span.from)).offsetFromUtc();
    std::vector<double> ticks;
    for (double local = std::ceil((span.from + offset) / step) * step; local - offset <= span.to; local += step)
        ticks.push_back(local - offset);
    return ticks;
}

} // namespace sms::ui
