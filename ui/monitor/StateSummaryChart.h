#pragma once
// StateSummaryChart: the applications' servers by job bucket, one horizontal
// stacked bar per application, those in most trouble on top (SummaryRows.h),
// as many as the chart's height gives a readable row; the title says how
// many more there are. One QBarSet per bucket. When the bars are the same
// applications as last pass, a set with one or two changed values has them
// replaced in place; otherwise the set is refilled (cheaper than many
// replace() calls), but never made again. Clicking a bar names its
// application, so the pane can show its history.

#include "models/ReplicationHistory.h"
#include "ui/monitor/MonitorChartView.h"

#include <QStringList>

#include <array>
#include <vector>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalStackedBarSeries;
class QValueAxis;

namespace sms::ui {

class StateSummaryChart : public MonitorChartView
{
    Q_OBJECT

public:
    explicit StateSummaryChart(QWidget *parent = nullptr);

    void setCounts(const std::vector<models::ApplicationCounts> &counts);

    QBarSet *barSet(models::JobBucket bucket) const { return m_sets[std::size_t(bucket)]; }
    // The category labels, one per bar in the sets' order, bottom first (the
    // worst application is the last): the name, or the id when the name is
    // empty or another application has it too.
    QStringList categories() const { return m_categories; }
    QStringList appIds() const { return m_appIds; }
    QValueAxis *serversAxis() const { return m_servers; }
    // How many bars the chart's height has room for.
    int maxBars() const { return m_maxBars; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void applicationClicked(const QString &appId);

protected:
    void applyColors(const StateColors &colors) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void showBars();
    // The legend names only the states some bar shows, so that it fits more often.
    void showInLegend(const std::array<bool, models::kJobBucketCount> &present);
    void fitLegend();
    // A readable row per bar, as many as `height` has room for.
    int barsThatFit(int height) const;
    int barHeight() const;
    int heightAroundBars() const;
    void retranslate();
    // Per pass: only the placeholder and title (QBarSet::setLabel relayouts the legend).
    void showTexts();
    void showToolTip(bool shown, int index, models::JobBucket bucket);

    QHorizontalStackedBarSeries *m_series;
    std::array<QBarSet *, models::kJobBucketCount> m_sets{};
    std::array<bool, models::kJobBucketCount> m_inLegend{};
    QBarCategoryAxis *m_applications;
    QValueAxis *m_servers;
    std::vector<models::ApplicationCounts> m_all; // as last given
    int m_maxBars;
    int m_hidden = 0; // applications without a bar
    QStringList m_categories;
    QStringList m_appIds;
};

} // namespace sms::ui
