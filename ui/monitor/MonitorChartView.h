#pragma once
// MonitorChartView: what the monitor's QtCharts views share. A chart without
// data says what to do instead of drawing empty axes; colours follow the
// palette (QtCharts' themes do not); nothing animates, since a pass every
// few seconds would restart the animation before it ends; and the context
// menu exports a PNG.

#include <QChartView>
#include <QStringList>

#include <initializer_list>

class QAction;
class QValueAxis;

namespace sms::ui {

class StateColors;

class MonitorChartView : public QChartView
{
    Q_OBJECT

public:
    // Shown instead of the chart while not empty.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

    // exportPng() of ChartExport.h on this view.
    QString exportPng(const QString &path);
    QAction *exportAction() const { return m_export; }

protected:
    MonitorChartView(const QString &exportName, QWidget *parent);

    // Subclasses colour their series; called at construction and on a palette change.
    virtual void applyColors(const StateColors &colors) = 0;
    void applyPalette();
    // 0..a round number at or above `max`, with whole-number ticks.
    static void setCountRange(QValueAxis *axis, double max);
    // Puts the legend, showing `labels`, at the first of `alignments` where
    // they fit whole, or hides it: QLegend elides a row ("Pe…") and cuts a
    // column short, and either names nothing. The labels are the caller's to
    // give: QLegendMarker::isVisible() is false until the chart is first laid out.
    void fitLegend(const QStringList &labels, std::initializer_list<Qt::Alignment> alignments);

    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QString m_placeholder;
    QAction *m_export;
};

} // namespace sms::ui
