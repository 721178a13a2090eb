#include "ui/monitor/ReplicationMonitorPane.h"

#include "api/QtText.h"
#include "ui/monitor/ApplicationStateChart.h"
#include "ui/monitor/RunTimeline.h"
#include "ui/monitor/RunsTable.h"
#include "ui/monitor/StateSummaryChart.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace sms::ui {

ReplicationMonitorPane::ReplicationMonitorPane(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_export(new QToolButton(this))
    , m_history(new ApplicationStateChart(this))
    , m_summary(new StateSummaryChart(this))
    , m_runViews(new QTabWidget(this))
    , m_timeline(new RunTimeline(this))
    , m_runs(new RunsTable(this))
{
    m_header->setObjectName(QStringLiteral("monitorHeader"));
    m_header->setTextFormat(Qt::PlainText);
    m_header->setWordWrap(true);
    m_export->setObjectName(QStringLiteral("exportCharts"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // The menu's own entries name the chart; each chart's context menu keeps
    // its plain "Export PNG…".
    auto *exports = new QMenu(m_export);
    m_exportHistory = exports->addAction(QString(), m_history->exportAction(), &QAction::trigger);
    m_exportSummary = exports->addAction(QString(), m_summary->exportAction(), &QAction::trigger);
    m_exportTimeline = exports->addAction(QString(), m_timeline->exportAction(), &QAction::trigger);
    m_export->setMenu(exports);

    auto *charts = new QSplitter(Qt::Horizontal, this);
    charts->setObjectName(QStringLiteral("chartsSplitter"));
    charts->addWidget(m_history);
    charts->addWidget(m_summary);
    charts->setStretchFactor(0, 3);
    charts->setStretchFactor(1, 2);
    // Sizes are proportions until shown; without them the splitter starts from
    // the size hints and the history chart gets the least.
    charts->setSizes({550, 450});
    charts->setChildrenCollapsible(false);
    // Below about thirteen lines a chart drops its axis labels for "…": the
    // window gives the other docks the room first on a small screen. (A
    // column of all seven legend entries wants 15; more would make the
    // window taller than a 1366x768 desktop, so the legend goes below or
    // steps aside then.)
    charts->setMinimumHeight(fontMetrics().height() * 13);

    m_runViews->setObjectName(QStringLiteral("runViews"));
    m_runViews->setDocumentMode(true);
    m_runViews->addTab(m_timeline, QString());
    m_runViews->addTab(m_runs, QString());

    auto *rows = new QSplitter(Qt::Vertical, this);
    rows->setObjectName(QStringLiteral("monitorSplitter"));
    rows->addWidget(charts);
    rows->addWidget(m_runViews);
    rows->setStretchFactor(0, 3);
    rows->setStretchFactor(1, 2);
    rows->setSizes({600, 400});
    rows->setChildrenCollapsible(false);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_header, 1);
    top->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(rows, 1);

    connect(m_summary, &StateSummaryChart::applicationClicked, this, &ReplicationMonitorPane::applicationPicked);
    retranslate();
}

void ReplicationMonitorPane::setHistory(const models::ApplicationHistory &history, double now)
{
    m_history->setHistory(history, now);
    m_applicationName = api::toQString(history.name);
    if (m_applicationName.isEmpty())
        m_applicationName = api::toQString(history.appId);
    retranslate();
}

void ReplicationMonitorPane::clearHistory()
{
    m_history->clear();
    m_applicationName.clear();
    retranslate();
}

void ReplicationMonitorPane::setCounts(const std::vector<models::ApplicationCounts> &counts)
{
    m_summary->setCounts(counts);
}

void ReplicationMonitorPane::setRuns(const QString &serverLabel, std::vector<api::ReplicationRun> runs, double now)
{
    const bool otherServer = serverLabel != m_serverLabel;
    m_serverLabel = serverLabel;
    m_runs->setRuns(runs);
    m_timeline->setRuns(std::move(runs), now);
    if (otherServer)
        m_timeline->scrollToNewest();
    retranslate();
}

void ReplicationMonitorPane::clearRuns()
{
    m_serverLabel.clear();
    m_runs->setRuns({});
    m_timeline->setRuns({}, 0);
    retranslate();
}

QString ReplicationMonitorPane::headerText() const
{
    return m_header->text();
}

void ReplicationMonitorPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReplicationMonitorPane::retranslate()
{
    m_export->setText(tr("Export PNG"));
    m_export->setToolTip(tr("Save one of the charts as a PNG image"));
    m_exportHistory->setText(tr("Application History\u2026"));
    m_exportSummary->setText(tr("All Applications\u2026"));
    m_exportTimeline->setText(tr("Server's Runs\u2026"));
    m_runViews->setTabText(m_runViews->indexOf(m_timeline), tr("Timeline"));
    m_runViews->setTabText(m_runViews->indexOf(m_runs), tr("Runs Table"));

    const QString application = m_applicationName.isEmpty() ? tr("none selected") : m_applicationName;
    const QString server = m_serverLabel.isEmpty() ? tr("none selected") : m_serverLabel;
    m_header->setText(tr("Application: %1    Server: %2").arg(application, server));

    if (m_serverLabel.isEmpty())
        m_timeline->setPlaceholderText(tr("Select a server of the application to see its replication runs."));
    else if (m_timeline->runs().empty())
        m_timeline->setPlaceholderText(
            tr("No replication runs for %1 yet. Runs appear once its replication job starts one.").arg(m_serverLabel));
    else
        m_timeline->setPlaceholderText({});
}

} // namespace sms::ui
