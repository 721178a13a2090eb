#include "ui/monitor/RunTimeline.h"

#include "api/QtText.h"
#include "models/ReplicationRunsModel.h"
#include "ui/monitor/ChartExport.h"
#include "ui/monitor/MonitorWords.h"
#include "ui/monitor/StateColors.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <set>

namespace sms::ui {
namespace {

using Runs = models::ReplicationRunsModel;

constexpr int kMargin = 6;
constexpr int kMaxRowsHinted = 8;
constexpr int kMinRowsHinted = 3;

int lineHeight(const QFontMetrics &metrics)
{
    return metrics.height() + 6;
}

// What a bar says: the stage and progress of a run in flight, else its state.
QString barText(const api::ReplicationRun &run)
{
    const QString stage = Runs::stageText(run);
    return stage.isEmpty() ? Runs::stateText(run.state) : stage;
}

QString tickText(double at, double length)
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(qint64(at));
    const QString time = QLocale().toString(when.time(), QLocale::ShortFormat);
    if (length <= 86400)
        return time;
    return QLocale().toString(when.date(), QStringLiteral("d MMM")) + QLatin1Char(' ') + time;
}

} // namespace

RunTimeline::RunTimeline(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_export(addExportPngAction(this, QStringLiteral("replication-runs")))
{
    setObjectName(QStringLiteral("runTimeline"));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void RunTimeline::setRuns(std::vector<api::ReplicationRun> runs, double now)
{
    m_runs = std::move(runs);
    m_rows = rowOrder(m_runs);
    m_now = now;
    updateScrollBar();
    updateGeometry();
    viewport()->update();
}

void RunTimeline::scrollToNewest()
{
    verticalScrollBar()->setValue(0);
}

void RunTimeline::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    updateScrollBar();
    viewport()->update();
}

QString RunTimeline::placeholderText() const
{
    if (!m_placeholder.isEmpty())
        return m_placeholder;
    return m_rows.empty() ? tr("No scheduled replication runs to show.") : QString();
}

double RunTimeline::rowHeight() const
{
    return lineHeight(fontMetrics()) + 4;
}

int RunTimeline::rowsInView() const
{
    return std::max(1, int(plotRect().height() / rowHeight()));
}

void RunTimeline::updateScrollBar()
{
    // One step a row: the axis fits the rows in view, so half a row scrolled
    // in would stretch it for nothing.
    const int rows = placeholderText().isEmpty() ? rowCount() : 0;
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, std::max(0, rows - rowsInView()));
    bar->setPageStep(rowsInView());
    bar->setSingleStep(1);
}

std::vector<std::size_t> RunTimeline::rowsShown() const
{
    const auto first = std::min(m_rows.size(), std::size_t(verticalScrollBar()->value()));
    const auto last = std::min(m_rows.size(), first + std::size_t(rowsInView()));
    return {m_rows.begin() + qsizetype(first), m_rows.begin() + qsizetype(last)};
}

TimeSpan RunTimeline::spanInView() const
{
    // Until now only from the top: further down, now would squeeze the old runs.
    return timelineSpan(m_runs, rowsShown(), m_now, verticalScrollBar()->value() == 0);
}

QRectF RunTimeline::plotRect() const
{
    const int line = lineHeight(fontMetrics());
    return QRectF(viewport()->rect()).adjusted(kMargin, kMargin + line, -kMargin, -(kMargin + line));
}

std::vector<TimelineBar> RunTimeline::bars() const
{
    return layoutRuns(m_runs, rowsShown(), m_now, spanInView(), plotRect(), rowHeight());
}

QString RunTimeline::exportPng(const QString &path)
{
    return ui::exportPng(viewport(), path);
}

QSize RunTimeline::sizeHint() const
{
    const int line = lineHeight(fontMetrics());
    const int rows = std::clamp(rowCount(), kMinRowsHinted, kMaxRowsHinted);
    return {520, 2 * kMargin + 2 * line + rows * int(rowHeight())};
}

QSize RunTimeline::minimumSizeHint() const
{
    const int line = lineHeight(fontMetrics());
    return {240, 2 * kMargin + 2 * line + int(rowHeight())};
}

void RunTimeline::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBar();
}

void RunTimeline::scrollContentsBy(int, int)
{
    viewport()->update();
}

bool RunTimeline::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString tip = toolTipAt(help->pos());
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString RunTimeline::toolTipAt(const QPoint &position) const
{
    if (!placeholderText().isEmpty())
        return {};
    const QRectF plot = plotRect();
    for (const TimelineBar &bar : bars()) {
        // The whole row answers, not only the bar: a short bar is hard to hit.
        if (position.y() < bar.rect.top() - 2 || position.y() > bar.rect.bottom() + 2
            || position.x() < plot.left() || position.x() > plot.right())
            continue;
        const api::ReplicationRun &run = m_runs[bar.run];
        QStringList lines;
        lines << tr("Run %1").arg(api::toQString(run.replicationRunId));
        lines << tr("State: %1").arg(Runs::stateText(run.state));
        if (const QString stage = Runs::stageText(run); !stage.isEmpty())
            lines << tr("Stage: %1").arg(stage);
        lines << tr("Scheduled start: %1").arg(Runs::timeText(run.scheduledStartTime));
        lines << tr("Completed: %1").arg(run.completedTime ? Runs::timeText(run.completedTime) : tr("not yet"));
        if (run.statusMessage)
            lines << tr("Message: %1").arg(api::toQString(run.statusMessage));
        if (run.amiId)
            lines << tr("AMI: %1").arg(api::toQString(run.amiId));
        return lines.join(QLatin1Char('\n'));
    }
    return {};
}

void RunTimeline::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    const QRect area = viewport()->rect();
    painter.fillRect(area, palette().brush(QPalette::Base));
    if (const QString placeholder = placeholderText(); !placeholder.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(area.adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, placeholder);
        return;
    }
    const QRectF plot = plotRect();
    paintLegend(painter);
    paintAxis(painter, plot, spanInView());
    painter.save();
    painter.setClipRect(plot.adjusted(0, 0, 1, 1));
    painter.setRenderHint(QPainter::Antialiasing);
    for (const TimelineBar &bar : bars())
        paintBar(painter, bar, plot);
    painter.restore();
}

void RunTimeline::paintLegend(QPainter &painter) const
{
    // Only the outcomes on show, in a row along the top.
    std::set<RunOutcome> shown;
    for (const auto &run : m_runs)
        shown.insert(outcomeOf(run));
    const StateColors colors(palette());
    const QFontMetrics metrics = fontMetrics();
    const int swatch = metrics.height() * 2 / 3;
    int x = kMargin;
    const int y = kMargin;
    for (RunOutcome outcome : shown) {
        const QString text = outcomeText(outcome);
        painter.fillRect(QRect(x, y + (metrics.height() - swatch) / 2, swatch, swatch), colors.outcome(outcome));
        x += swatch + 4;
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QPoint(x, y + metrics.ascent()), text);
        x += metrics.horizontalAdvance(text) + 12;
    }
}

void RunTimeline::paintAxis(QPainter &painter, const QRectF &plot, const TimeSpan &span) const
{
    const QFontMetrics metrics = fontMetrics();
    const QColor text = palette().color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(0.15f);
    const int widest = metrics.horizontalAdvance(tickText(span.to, span.to - span.from)) + 16;
    const int maxTicks = std::max(2, int(plot.width()) / widest);
    for (double at : timeTicks(span, maxTicks)) {
        const double x = span.xOf(at, plot);
        painter.setPen(grid);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
        const QString label = tickText(at, span.to - span.from);
        const double width = metrics.horizontalAdvance(label);
        const double left = std::clamp(x - width / 2, plot.left(), plot.right() - width);
        painter.setPen(text);
        painter.drawText(QPointF(left, plot.bottom() + 4 + metrics.ascent()), label);
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    // Now, where the open bars end, while the rows in view reach it.
    if (m_now >= span.from && m_now <= span.to) {
        painter.setPen(QPen(palette().color(QPalette::Highlight), 1, Qt::DashLine));
        const double x = span.xOf(m_now, plot);
        painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()));
    }
}

void RunTimeline::paintBar(QPainter &painter, const TimelineBar &bar, const QRectF &plot) const
{
    const QColor fill = StateColors(palette()).outcome(bar.outcome);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(bar.rect, 2, 2);

    const QFontMetricsF metrics(fontMetrics());
    if (bar.rect.height() < metrics.height() - 2)
        return; // rows squeezed: the tooltip tells
    const QString text = barText(m_runs[bar.run]);
    const double width = metrics.horizontalAdvance(text) + 8;
    QRectF room;
    QColor ink = palette().color(QPalette::Text);
    if (width <= bar.rect.width()) {
        room = bar.rect;
        ink = StateColors::textOn(fill);
    } else if (bar.rect.right() + width <= plot.right()) {
        room = QRectF(bar.rect.right(), bar.rect.top(), width, bar.rect.height());
    } else if (bar.rect.left() - width >= plot.left()) {
        room = QRectF(bar.rect.left() - width, bar.rect.top(), width, bar.rect.height());
    } else {
        return;
    }
    painter.setPen(ink);
    painter.drawText(room, Qt::AlignCenter, text);
}

} // namespace sms::ui
