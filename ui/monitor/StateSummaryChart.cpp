#include "ui/monitor/StateSummaryChart.h"

#include "api/QtText.h"
#include "ui/monitor/MonitorWords.h"
#include "ui/monitor/StateColors.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCursor>
#include <QEvent>
#include <QHorizontalStackedBarSeries>
#include <QSet>
#include <QToolTip>
#include <QValueAxis>

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

} // namespace

StateSummaryChart::StateSummaryChart(QWidget *parent)
    : MonitorChartView(QStringLiteral("application-states"), parent)
    , m_series(new QHorizontalStackedBarSeries(this))
    , m_applications(new QBarCategoryAxis(this))
    , m_servers(new QValueAxis(this))
{
    setObjectName(QStringLiteral("stateSummaryChart"));
    m_servers->setLabelFormat(QStringLiteral("%.0f"));
    // The first application on top, as a list reads.
    m_applications->setReverse(true);
    m_applications->setTruncateLabels(false);
    // On top: the chart is taller than its scroll area once there are many applications.
    chart()->legend()->setAlignment(Qt::AlignTop);
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
    retranslate();
    applyPalette();
}

void StateSummaryChart::setCounts(const std::vector<models::ApplicationCounts> &counts)
{
    const QStringList labels = labelsOf(counts);
    double highest = 0;
    for (const auto &app : counts) {
        int total = 0;
        for (int servers : app.servers)
            total += servers;
        highest = std::max(highest, double(total));
    }
    const bool sameApplications = labels == m_categories;
    for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket) {
        QBarSet *set = m_sets[std::size_t(bucket)];
        QList<qreal> values;
        values.reserve(qsizetype(counts.size()));
        for (const auto &app : counts)
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
        updateGeometry();
    }
    m_appIds.clear();
    for (const auto &app : counts)
        m_appIds << api::toQString(app.appId);
    setCountRange(m_servers, highest);
    showPlaceholder();
}

QSize StateSummaryChart::sizeHint() const
{
    // A readable row per application, so a scroll area can show many.
    const int row = fontMetrics().height() + 6;
    return {360, std::max(200, 110 + row * int(m_categories.size()))};
}

void StateSummaryChart::resizeEvent(QResizeEvent *event)
{
    MonitorChartView::resizeEvent(event);
    fitLegend();
}

void StateSummaryChart::fitLegend()
{
    // QLegend lays a top legend out in one row and elides what does not fit
    // ("Pe…", "Re…"), which names nothing. Without room, it goes; the bars'
    // tooltips and the history chart's legend beside it name the colours.
    const QFontMetrics metrics(chart()->legend()->font());
    int needed = 0;
    for (const QBarSet *set : m_sets)
        needed += metrics.horizontalAdvance(set->label()) + metrics.height() + 16;
    chart()->legend()->setVisible(needed <= width() - 16);
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
    showPlaceholder();
}

void StateSummaryChart::showPlaceholder()
{
    setPlaceholderText(m_categories.isEmpty()
                           ? tr("No applications to show. Connect to an endpoint with applications, and the "
                                "monitor counts their servers by state here.")
                           : QString());
}

} // namespace sms::ui
