#pragma once
// StateSummaryChart: every application's servers by job bucket, one
// horizontal stacked bar per application (first on top), one QBarSet per
// bucket. When the applications are the same as last pass, a set with one
// or two changed values has them replaced in place; otherwise the set is
// refilled (cheaper than many replace() calls), but never made again.
// Clicking a bar names its application, so the pane can show its history.

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
    // The category labels, one per application in the order given: the name,
    // or the id when the name is empty or another application has it too.
    QStringList categories() const { return m_categories; }
    QStringList appIds() const { return m_appIds; }
    QValueAxis *serversAxis() const { return m_servers; }

    QSize sizeHint() const override;

Q_SIGNALS:
    void applicationClicked(const QString &appId);

protected:
    void applyColors(const StateColors &colors) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void retranslate();
    // Per pass: only the placeholder (QBarSet::setLabel relayouts the legend).
    void showPlaceholder();
    void fitLegend();
    void showToolTip(bool shown, int index, models::JobBucket bucket);

    QHorizontalStackedBarSeries *m_series;
    std::array<QBarSet *, models::kJobBucketCount> m_sets{};
    QBarCategoryAxis *m_applications;
    QValueAxis *m_servers;
    QStringList m_categories;
    QStringList m_appIds;
};

} // namespace sms::ui
