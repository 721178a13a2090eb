#include "ui/monitor/ApplicationStateChart.h"

#include "api/QtText.h"
#include "ui/monitor/MonitorWords.h"
#include "ui/monitor/StateColors.h"

#include <QAreaSeries>
#include <QEvent>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

namespace sms::ui {
namespace {

constexpr double kMinMinutes = 60;  // the axis never shows less than an hour

} // namespace

ApplicationStateChart::ApplicationStateChart(QWidget *parent)
    : MonitorChartView(QStringLiteral("application-history"), parent)
    , m_minutes(new QValueAxis(this))
    , m_servers(new QValueAxis(this))
{
    setObjectName(QStringLiteral("applicationStateChart"));
    // Now at the right, as time is read.
    m_minutes->setReverse(true);
    m_minutes->setLabelFormat(QStringLiteral("%.0f"));
    m_servers->setLabelFormat(QStringLiteral("%.0f"));
    chart()->addAxis(m_minutes, Qt::AlignBottom);
    chart()->addAxis(m_servers, Qt::AlignLeft);
    m_minutes->setRange(0, kMinMinutes);
    m_minutes->setTickCount(7);
    setCountRange(m_servers, 1);
    // Top to bottom as the areas stack: Failed on top.
    chart()->legend()->setReverseMarkers(true);
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        // The line series are the chart's children, made once and refilled on every pass.
        auto *area = new QAreaSeries(new QLineSeries(chart()), new QLineSeries(chart()));
        area->setName(bucketText(models::JobBucket(bucket)));
        chart()->addSeries(area);
        area->attachAxis(m_minutes);
        area->attachAxis(m_servers);
        m_areas[std::size_t(bucket)] = area;
    }
    m_inLegend.fill(true);
    retranslate();
    applyPalette();
}

void ApplicationStateChart::setHistory(const models::ApplicationHistory &history, double now)
{
    m_shownName = api::toQString(history.name);
    if (m_shownName.isEmpty())
        m_shownName = api::toQString(history.appId);
    m_hasSamples = !history.samples.empty();

    const qsizetype count = qsizetype(history.samples.size());
    std::array<QList<QPointF>, models::kJobBucketCount> tops;
    for (auto &points : tops)
        points.reserve(count);
    QList<QPointF> floor;
    floor.reserve(count);
    double oldest = 0;
    double highest = 0;
    std::array<bool, models::kJobBucketCount> present{};
    for (const models::StateSample &sample : history.samples) {
        const double minutesAgo = std::max(0.0, (now - sample.at) / 60.0);
        oldest = std::max(oldest, minutesAgo);
        floor.append(QPointF(minutesAgo, 0));
        double total = 0;
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
            total += double(sample.servers[std::size_t(bucket)]);
            present[std::size_t(bucket)] = present[std::size_t(bucket)] || sample.servers[std::size_t(bucket)] > 0;
            tops[std::size_t(bucket)].append(QPointF(minutesAgo, total));
        }
        highest = std::max(highest, total);
    }
    // Each bucket lies on the one below it: its lower line is that one's
    // upper line (the same list, shared, not copied).
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        QAreaSeries *area = m_areas[std::size_t(bucket)];
        area->lowerSeries()->replace(bucket == 0 ? floor : tops[std::size_t(bucket - 1)]);
        area->upperSeries()->replace(tops[std::size_t(bucket)]);
    }
    // Whole hours past the first, so a growing history moves the axis rarely.
    m_minutes->setRange(0, std::max(kMinMinutes, std::ceil(oldest / 60.0) * 60.0));
    setCountRange(m_servers, highest);
    showInLegend(present);
    showPlaceholder();
}

void ApplicationStateChart::showInLegend(const std::array<bool, models::kJobBucketCount> &present)
{
    // Only on a change: each marker shown or hidden lays the legend out again.
    if (present == m_inLegend)
        return;
    m_inLegend = present;
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        for (QLegendMarker *marker : chart()->legend()->markers(m_areas[std::size_t(bucket)]))
            marker->setVisible(present[std::size_t(bucket)]);
    }
    fitLegend();
}

void ApplicationStateChart::resizeEvent(QResizeEvent *event)
{
    MonitorChartView::resizeEvent(event);
    fitLegend();
}

void ApplicationStateChart::fitLegend()
{
    // A column on the right reads best beside stacked areas; a row below when
    // the chart is too short for one.
    QStringList labels;
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        if (m_inLegend[std::size_t(bucket)])
            labels << m_areas[std::size_t(bucket)]->name();
    }
    MonitorChartView::fitLegend(labels, {Qt::AlignRight, Qt::AlignBottom});
}

void ApplicationStateChart::clear()
{
    setHistory({}, 0);
}

void ApplicationStateChart::applyColors(const StateColors &colors)
{
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        QAreaSeries *area = m_areas[std::size_t(bucket)];
        const QColor colour = colors.bucket(models::JobBucket(bucket));
        area->setColor(colour);
        area->setBorderColor(colour.darker(colors.isDark() ? 80 : 120));
    }
}

void ApplicationStateChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    MonitorChartView::changeEvent(event);
}

void ApplicationStateChart::retranslate()
{
    m_minutes->setTitleText(tr("Minutes ago"));
    m_servers->setTitleText(tr("Servers"));
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket)
        m_areas[std::size_t(bucket)]->setName(bucketText(models::JobBucket(bucket)));
    fitLegend();
    showPlaceholder();
}

void ApplicationStateChart::showPlaceholder()
{
    if (m_shownName.isEmpty())
        setPlaceholderText(tr("Select an application in Endpoint Applications to see its history."));
    else if (!m_hasSamples)
        setPlaceholderText(tr("No history for %1 yet: the monitor records its servers' states on each pass.")
                               .arg(m_shownName));
    else
        setPlaceholderText({});
}

} // namespace sms::ui
