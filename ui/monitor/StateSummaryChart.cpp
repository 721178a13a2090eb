#include "ui/monitor/StateSummaryChart.h"

#include "api/QtText.h"
#include "ui/monitor/MonitorWords.h"
#include "ui/monitor/StateColors.h"
#include "ui/monitor/SummaryRows.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QLegendMarker>
#include <QCursor>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace sms::ui {
namespace {

// Category labels must be unique (QBarCategoryAxis drops repeats), so a
// repeated or empty name gives way to the id.
QStringList labelsOf(const std::vector<models::ApplicationCounts> &counts)
{
    QHash<QString, int> uses;
    for (const auto &app : counts)
        ++uses[api::toQString(app.name)];
    QStringList labels;
    labels.reserve(qsizetype(counts.size()));
    for (const auto &app : counts) {
        const QString name = api::toQString(app.name);
        const QString id = api::toQString(app.appId);
        if (name.isEmpty())
            labels << id;
        else if (uses.value(name) > 1)
            labels << QStringLiteral("%1 (%2)").arg(name, id);
        else
            labels << name;
    }
    return labels;
}

constexpr int kMostReplacedInPlace = 2;
// However tall the chart: past this many a bar list is not read but scanned,
// and the troubled applications are on top anyway.
constexpr int kMostBars = 20;
constexpr int kFewestBars = 3;

} // namespace

StateSummaryChart::StateSummaryChart(QWidget *parent)
    : MonitorChartView(QStringLiteral("application-states"), parent)
    , m_series(new QHorizontalStackedBarSeries(this))
    , m_applications(new QBarCategoryAxis(this))
    , m_servers(new QValueAxis(this))
    , m_maxBars(barsThatFit(height()))
{
    setObjectName(QStringLiteral("stateSummaryChart"));
    m_inLegend.fill(true);  // as QLegend starts: every marker shown
    m_servers->setLabelFormat(QStringLiteral("%.0f"));
    m_applications->setTruncateLabels(false);
    chart()->addAxis(m_servers, Qt::AlignBottom);
    chart()->addAxis(m_applications, Qt::AlignLeft);
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        auto *set = new QBarSet(bucketText(models::JobBucket(bucket)), m_series);
        m_series->append(set);
        m_sets[std::size_t(bucket)] = set;
        const auto which = models::JobBucket(bucket);
        connect(set, &QBarSet::clicked, this, [this](int index) {
            if (index >= 0 && index < m_appIds.size())
                Q_EMIT applicationClicked(m_appIds.at(index));
        });
        connect(set, &QBarSet::hovered, this,
                [this, which](bool shown, int index) { showToolTip(shown, index, which); });
    }
    m_series->setBarWidth(0.7);
    chart()->addSeries(m_series);
    m_series->attachAxis(m_servers);
    m_series->attachAxis(m_applications);
    setCountRange(m_servers, 1);
    // No bigger than the axis labels: it is a caption, not a headline.
    chart()->setTitleFont(font());
    retranslate();
    applyPalette();
}

void StateSummaryChart::setCounts(const std::vector<models::ApplicationCounts> &counts)
{
    m_all = counts;
    showBars();
}

void StateSummaryChart::showBars()
{
    m_maxBars = barsThatFit(height());
    SummaryRows rows = summaryRows(m_all, m_maxBars);
    // The worst on top. QtCharts puts the first category at the bottom, and
    // QBarCategoryAxis::setReverse() did not turn this series over (Qt 6.4.2:
    // the first application still drew at the bottom), so bottom goes first.
    std::reverse(rows.shown.begin(), rows.shown.end());
    const QStringList labels = labelsOf(rows.shown);
    double highest = 0;
    for (const auto &app : rows.shown) {
        int total = 0;
        for (int servers : app.servers)
            total += servers;
        highest = std::max(highest, double(total));
    }
    const bool sameApplications = labels == m_categories;
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        QBarSet *set = m_sets[std::size_t(bucket)];
        QList<qreal> values;
        values.reserve(qsizetype(rows.shown.size()));
        for (const auto &app : rows.shown)
            values.append(app.servers[std::size_t(bucket)]);
        QList<int> changed;
        if (sameApplications) {
            for (int i = 0; i < values.size(); ++i) {
                if (set->at(i) != values[i])
                    changed.append(i);
            }
        }
        // Every replace() lays the whole series out again (100 applications,
        // 140 changed values: 12.8 ms a pass), so past a few changes one
        // refill (remove + append: two layouts) is cheaper.
        if (sameApplications && changed.size() <= kMostReplacedInPlace) {
            for (int i : changed)
                set->replace(i, values[i]);
        } else {
            set->remove(0, set->count());
            set->append(values);
        }
    }
    if (!sameApplications) {
        m_applications->setCategories(labels);
        m_categories = labels;
    }
    m_appIds.clear();
    for (const auto &app : rows.shown)
        m_appIds << api::toQString(app.appId);
    m_hidden = rows.hidden;
    setCountRange(m_servers, highest);
    std::array<bool, models::kJobBucketCount> present{};
    for (const auto &app : rows.shown)
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket)
            present[std::size_t(bucket)] = present[std::size_t(bucket)] || app.servers[std::size_t(bucket)] > 0;
    showInLegend(present);
    showTexts();
}

void StateSummaryChart::showInLegend(const std::array<bool, models::kJobBucketCount> &present)
{
    // Only on a change: each marker shown or hidden lays the legend out again.
    if (present == m_inLegend)
        return;
    m_inLegend = present;
    const QList<QLegendMarker *> markers = chart()->legend()->markers(m_series);  // one a bar set, in their order
    for (qsizetype bucket = 0; bucket < markers.size() && bucket < models::kJobBucketCount; ++bucket)
        markers[bucket]->setVisible(present[std::size_t(bucket)]);
    fitLegend();
}

QSize StateSummaryChart::sizeHint() const
{
    return {360, heightAroundBars() + 8 * barHeight()};
}

QSize StateSummaryChart::minimumSizeHint() const
{
    return {240, heightAroundBars() + kFewestBars * barHeight()};
}

int StateSummaryChart::barHeight() const
{
    return fontMetrics().height() + 6;
}

int StateSummaryChart::heightAroundBars() const
{
    // The title, the legend, the axis labels and the axis title, a line each.
    return 4 * (fontMetrics().height() + 8) + 16;
}

int StateSummaryChart::barsThatFit(int height) const
{
    return std::clamp((height - heightAroundBars()) / barHeight(), kFewestBars, kMostBars);
}

void StateSummaryChart::resizeEvent(QResizeEvent *event)
{
    MonitorChartView::resizeEvent(event);
    fitLegend();
    if (barsThatFit(height()) != m_maxBars)
        showBars();
}

void StateSummaryChart::fitLegend()
{
    // Above the bars or not at all: the bars' tooltips and the history
    // chart's legend beside it name the colours too.
    QStringList labels;
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket)
        if (m_inLegend[std::size_t(bucket)])
            labels << m_sets[std::size_t(bucket)]->label();
    MonitorChartView::fitLegend(labels, {Qt::AlignTop});
}

void StateSummaryChart::applyColors(const StateColors &colors)
{
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        const QColor colour = colors.bucket(models::JobBucket(bucket));
        m_sets[std::size_t(bucket)]->setColor(colour);
        m_sets[std::size_t(bucket)]->setBorderColor(colour);
    }
}

void StateSummaryChart::showToolTip(bool shown, int index, models::JobBucket bucket)
{
    if (!shown || index < 0 || index >= m_categories.size()) {
        QToolTip::hideText();
        return;
    }
    const int servers = qRound(m_sets[std::size_t(bucket)]->at(index));
    QToolTip::showText(QCursor::pos(),
                       tr("%1\n%2: %n server(s)", nullptr, servers).arg(m_categories.at(index), bucketText(bucket)),
                       this);
}

void StateSummaryChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    MonitorChartView::changeEvent(event);
}

void StateSummaryChart::retranslate()
{
    m_servers->setTitleText(tr("Servers"));
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket)
        m_sets[std::size_t(bucket)]->setLabel(bucketText(models::JobBucket(bucket)));
    fitLegend();
    showTexts();
}

void StateSummaryChart::showTexts()
{
    setPlaceholderText(m_categories.isEmpty()
                           ? tr("No applications to show. Connect to an endpoint with applications, and the "
                                "monitor counts their servers by state here.")
                           : QString());
    const int all = int(m_categories.size()) + m_hidden;
    const QString title = m_hidden > 0
                              ? tr("%1 of %n applications, worst first", nullptr, all).arg(m_categories.size())
                              : tr("Applications, worst first");
    // setTitle() lays the chart out again, even for the same text.
    if (chart()->title() != title)
        chart()->setTitle(title);
}

} // namespace sms::ui
