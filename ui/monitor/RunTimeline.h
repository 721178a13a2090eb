#pragma once
// RunTimeline: one server's replication runs on a time axis, a bar per run
// coloured by outcome, its stage and progress written in the bar or beside
// it when there is room, and the whole run in a tooltip. QtCharts has no
// range bars, so it paints itself; where things go is TimelineGeometry's.

#include "api/SmsTypes.h"
#include "ui/monitor/TimelineGeometry.h"

#include <QWidget>

#include <vector>

class QAction;

namespace sms::ui {

class RunTimeline : public QWidget
{
    Q_OBJECT

public:
    explicit RunTimeline(QWidget *parent = nullptr);

    // `now` (epoch seconds) ends the bars of runs still going.
    void setRuns(std::vector<api::ReplicationRun> runs, double now);
    const std::vector<api::ReplicationRun> &runs() const { return m_runs; }

    // Shown instead of the timeline while not empty. Without one, a timeline
    // with no bars still says so rather than drawing empty axes.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const;

    // The bars as painted at the widget's current size.
    std::vector<TimelineBar> bars() const;
    QRectF plotRect() const;
    // The tooltip of the run drawn in the row at `position`; empty between rows.
    QString toolTipAt(const QPoint &position) const;

    QString exportPng(const QString &path);
    QAction *exportAction() const { return m_export; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;

private:
    double rowHeight() const;
    void paintLegend(QPainter &painter) const;
    void paintAxis(QPainter &painter, const QRectF &plot) const;
    void paintBar(QPainter &painter, const TimelineBar &bar, const QRectF &plot) const;

    std::vector<api::ReplicationRun> m_runs;
    double m_now = 0;
    TimeSpan m_span;
    QString m_placeholder;
    QAction *m_export;
};

} // namespace sms::ui
