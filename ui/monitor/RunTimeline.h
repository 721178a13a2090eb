#pragma once
// RunTimeline: one server's replication runs on a time axis, a bar per run
// coloured by outcome, its stage and progress written in the bar or beside
// it when there is room, and the whole run in a tooltip. QtCharts has no
// range bars, so it paints itself; where things go is TimelineGeometry's.
//
// Every row keeps a readable height and the rows scroll, newest on top; the
// legend and the time axis stay put. The axis spans the rows in view, not the
// whole history: a server's runs spread over weeks but last minutes each, so
// one axis for all of them would draw slivers.

#include "api/SmsTypes.h"
#include "ui/monitor/TimelineGeometry.h"

#include <QAbstractScrollArea>

#include <vector>

class QAction;

namespace sms::ui {

class RunTimeline : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit RunTimeline(QWidget *parent = nullptr);

    // `now` (epoch seconds) ends the bars of runs still going. The rows in
    // view stay where they are, as far as there are still rows there.
    void setRuns(std::vector<api::ReplicationRun> runs, double now);
    const std::vector<api::ReplicationRun> &runs() const { return m_runs; }
    // Back to the top row: the newest run.
    void scrollToNewest();

    // Shown instead of the timeline while not empty. Without one, a timeline
    // with no bars still says so rather than drawing empty axes.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const;

    // The rows (scheduled runs), and how many of them the view shows at once.
    int rowCount() const { return int(m_rows.size()); }
    int rowsInView() const;
    // The bars of the rows in view as painted at the current size, and the
    // time they span, in the viewport's coordinates.
    std::vector<TimelineBar> bars() const;
    TimeSpan spanInView() const;
    QRectF plotRect() const;
    // The tooltip of the run drawn in the row at `position` (in the
    // viewport); empty between rows.
    QString toolTipAt(const QPoint &position) const;

    // A PNG of the viewport: the rows in view, without the scroll bar.
    QString exportPng(const QString &path);
    QAction *exportAction() const { return m_export; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    double rowHeight() const;
    std::vector<std::size_t> rowsShown() const;
    void updateScrollBar();
    void paintLegend(QPainter &painter) const;
    void paintAxis(QPainter &painter, const QRectF &plot, const TimeSpan &span) const;
    void paintBar(QPainter &painter, const TimelineBar &bar, const QRectF &plot) const;

    std::vector<api::ReplicationRun> m_runs;
    std::vector<std::size_t> m_rows; // rowOrder(m_runs)
    double m_now = 0;
    QString m_placeholder;
    QAction *m_export;
};

} // namespace sms::ui
