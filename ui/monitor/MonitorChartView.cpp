#include "ui/monitor/MonitorChartView.h"

#include "ui/monitor/ChartExport.h"
#include "ui/monitor/StateColors.h"

#include <QAbstractAxis>
#include <QEvent>
#include <QLegend>
#include <QPainter>
#include <QValueAxis>

#include <cmath>

namespace sms::ui {

MonitorChartView::MonitorChartView(const QString &exportName, QWidget *parent)
    : QChartView(new QChart, parent)
    , m_export(addExportPngAction(this, exportName))
{
    setRenderHint(QPainter::Antialiasing);
    chart()->setAnimationOptions(QChart::NoAnimation);
    chart()->setBackgroundRoundness(0);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(Qt::AlignBottom);
}

void MonitorChartView::setPlaceholderText(const QString &text)
{
    if (text == m_placeholder)
        return;
    m_placeholder = text;
    viewport()->update();
}

QString MonitorChartView::exportPng(const QString &path)
{
    return ui::exportPng(this, path);
}

void MonitorChartView::applyPalette()
{
    const QPalette &colours = palette();
    const QColor text = colours.color(QPalette::WindowText);
    chart()->setBackgroundBrush(colours.brush(QPalette::Base));
    chart()->setTitleBrush(text);
    chart()->legend()->setLabelColor(text);
    QColor grid = text;
    grid.setAlphaF(0.15f);
    for (QAbstractAxis *axis : chart()->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(colours.color(QPalette::Mid));
        axis->setGridLineColor(grid);
    }
    applyColors(StateColors(colours));
}

void MonitorChartView::setCountRange(QValueAxis *axis, double max)
{
    // Steps of 1, 2 or 5 times a power of ten, at most five of them.
    const double rough = std::max(1.0, max / 5.0);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * power;
        if (step >= rough)
            break;
    }
    const double top = std::max(step, std::ceil(max / step) * step);
    axis->setRange(0, top);
    axis->setTickCount(int(std::lround(top / step)) + 1);
}

void MonitorChartView::fitLegend(const QStringList &labels, std::initializer_list<Qt::Alignment> alignments)
{
    // As QLegend lays its markers out (Qt 6.4, checked against grabs at the
    // threshold): a marker a font line high and 8 px, a row with the square
    // and spacing beside each label; and room around the legend, more above
    // and below a column.
    QLegend *legend = chart()->legend();
    const QFontMetrics metrics(legend->font());
    const QMargins margins = chart()->margins();
    int row = 16;
    int column = 40;
    for (const QString &label : labels) {
        row += metrics.horizontalAdvance(label) + metrics.height() + 16;
        column += metrics.height() + 8;
    }
    const int across = width() - margins.left() - margins.right();
    const int down = height() - margins.top() - margins.bottom();
    for (Qt::Alignment alignment : alignments) {
        const bool inRow = alignment & (Qt::AlignTop | Qt::AlignBottom);
        if (inRow ? row <= across : column <= down) {
            if (legend->alignment() != alignment)
                legend->setAlignment(alignment);
            legend->setVisible(true);
            return;
        }
    }
    legend->setVisible(false);
}

void MonitorChartView::paintEvent(QPaintEvent *event)
{
    if (m_placeholder.isEmpty()) {
        QChartView::paintEvent(event);
        return;
    }
    QPainter painter(viewport());
    painter.fillRect(viewport()->rect(), palette().brush(QPalette::Base));
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect room = viewport()->rect().adjusted(16, 16, -16, -16);
    painter.drawText(room, Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

void MonitorChartView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QChartView::changeEvent(event);
}

} // namespace sms::ui
