#pragma once
// ReplicationMonitorPane: the live replication monitor's dock. The chosen
// application's history (ApplicationStateChart) beside the applications'
// current counts (StateSummaryChart), then the chosen server's runs as a
// timeline or a table, in tabs: they show the same runs, and on a 1366x768
// screen three rows left the charts too short to read. It only shows what it is given: the integrator feeds
// it from the store and switches the application when the user picks one in
// the summary chart (applicationPicked).

#include "api/SmsTypes.h"
#include "models/ReplicationHistory.h"

#include <QWidget>

#include <vector>

class QAction;
class QLabel;
class QSplitter;
class QTabWidget;
class QToolButton;

namespace sms::ui {

class ApplicationStateChart;
class RunTimeline;
class RunsTable;
class StateSummaryChart;

class ReplicationMonitorPane : public QWidget
{
    Q_OBJECT

public:
    explicit ReplicationMonitorPane(QWidget *parent = nullptr);

    // The application whose history the left chart shows, at `now` (epoch seconds).
    void setHistory(const models::ApplicationHistory &history, double now);
    void clearHistory();
    // Every application's latest counts, for the summary chart.
    void setCounts(const std::vector<models::ApplicationCounts> &counts);
    // The server whose runs the timeline and table show, named as the header says it.
    void setRuns(const QString &serverLabel, std::vector<api::ReplicationRun> runs, double now);
    void clearRuns();

    ApplicationStateChart *applicationChart() const { return m_history; }
    StateSummaryChart *summaryChart() const { return m_summary; }
    RunTimeline *timeline() const { return m_timeline; }
    RunsTable *runsTable() const { return m_runs; }
    QString headerText() const;

Q_SIGNALS:
    // The user clicked an application's bar in the summary chart.
    void applicationPicked(const QString &appId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_header;
    QToolButton *m_export;
    QAction *m_exportHistory;
    QAction *m_exportSummary;
    QAction *m_exportTimeline;
    ApplicationStateChart *m_history;
    StateSummaryChart *m_summary;
    QTabWidget *m_runViews;
    RunTimeline *m_timeline;
    RunsTable *m_runs;
    QString m_applicationName; // empty: none chosen
    QString m_serverLabel;     // empty: none chosen
};

} // namespace sms::ui
