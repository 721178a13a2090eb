#include "ui/monitor/RunsTable.h"

#include "ui/monitor/StageProgressDelegate.h"

#include <QCheckBox>
#include <QEvent>
#include <QHeaderView>
#include <QTableView>
#include <QVBoxLayout>

namespace sms::ui {
namespace {

using Model = models::ReplicationRunsModel;

} // namespace

RunsTable::RunsTable(QWidget *parent)
    : QWidget(parent)
    , m_failuresOnly(new QCheckBox(this))
    , m_view(new QTableView(this))
{
    m_failuresOnly->setObjectName(QStringLiteral("failuresOnly"));
    m_view->setObjectName(QStringLiteral("runsView"));
    m_filter.setSourceModel(&m_model);

    m_view->setModel(&m_filter);
    m_view->setItemDelegateForColumn(Model::Stage, new StageProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setTabKeyNavigation(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Model::ScheduledStart, Qt::DescendingOrder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_failuresOnly);
    layout->addWidget(m_view, 1);

    connect(m_failuresOnly, &QCheckBox::toggled, this, [this](bool only) { m_filter.setFailuresOnly(only); });
    retranslate();
    // Until runs arrive, room for the headers and their sort arrow
    // ("Scheduled start" was clipped at the default width).
    m_view->resizeColumnsToContents();
}

void RunsTable::setRuns(std::vector<api::ReplicationRun> runs)
{
    m_model.setRuns(std::move(runs));
    if (!m_sized && m_model.rowCount() > 0) {
        // A server has few runs, so measuring them is cheap; after this, widths are the user's.
        m_view->resizeColumnsToContents();
        m_view->setColumnWidth(Model::Stage, std::max(m_view->columnWidth(Model::Stage), 140));
        m_view->setColumnWidth(Model::StatusMessage, std::min(m_view->columnWidth(Model::StatusMessage), 320));
        m_sized = true;
    }
}

void RunsTable::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RunsTable::retranslate()
{
    m_failuresOnly->setText(tr("Failures only"));
    m_failuresOnly->setToolTip(tr("Show only the runs that failed"));
}

} // namespace sms::ui
