#include "ui/replication/EndpointAppsPane.h"

#include "models/EndpointAppsModel.h"
#include "models/ReplicationJobsModel.h"
#include "models/ReplicationStore.h"
#include "services/ReplicationActionRules.h"
#include "ui/replication/CheckedAction.h"
#include "ui/replication/ServerJobActions.h"

#include <QAction>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sms::ui {
namespace {

using services::ReplicationAction;

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setModel(model);
    view->setSortingEnabled(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    return view;
}

// Sorted on the raw values (times as epoch seconds, not text).
QSortFilterProxyModel *sortedOnRaw(QAbstractItemModel *source, int rawRole, QObject *parent)
{
    auto *proxy = new QSortFilterProxyModel(parent);
    proxy->setSourceModel(source);
    proxy->setSortRole(rawRole);
    proxy->setDynamicSortFilter(true);
    return proxy;
}

} // namespace

EndpointAppsPane::EndpointAppsPane(models::ReplicationStore &store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_notice(new QLabel(this))
    , m_appsSorted(sortedOnRaw(&store.applications(), models::EndpointAppsModel::RawRole, this))
    , m_jobsOfApp(sortedOnRaw(&store.jobs(), models::ReplicationJobsModel::RawRole, this))
    , m_jobActions(new ServerJobActions(store, this))
{
    m_jobsOfApp->setFilterRole(models::ReplicationJobsModel::AppIdRole);
    m_jobsOfApp->setFilterRegularExpression(QRegularExpression(QStringLiteral("^$")));
    m_apps = makeTable(m_appsSorted, this);
    m_jobs = makeTable(m_jobsOfApp, this);
    m_apps->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_jobs->setSelectionMode(QAbstractItemView::SingleSelection);
    m_apps->setObjectName(QStringLiteral("EndpointApplications"));
    m_jobs->setObjectName(QStringLiteral("EndpointReplicationJobs"));
    m_apps->sortByColumn(models::EndpointAppsModel::Name, Qt::AscendingOrder);
    m_jobs->sortByColumn(models::ReplicationJobsModel::Server, Qt::AscendingOrder);
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_apps->horizontalHeader()->setDefaultSectionSize(em * 10);
    m_apps->horizontalHeader()->resizeSection(models::EndpointAppsModel::Name, em * 12);
    m_apps->horizontalHeader()->resizeSection(models::EndpointAppsModel::Status, em * 6);
    m_apps->horizontalHeader()->resizeSection(models::EndpointAppsModel::ReplicationStatus, em * 15);
    m_apps->horizontalHeader()->resizeSection(models::EndpointAppsModel::LaunchStatus, em * 13);
    m_apps->horizontalHeader()->resizeSection(models::EndpointAppsModel::Servers, em * 6);
    m_apps->horizontalHeader()->resizeSection(models::EndpointAppsModel::LastReplicated, em * 12);
    m_apps->horizontalHeader()->resizeSection(models::EndpointAppsModel::LastLaunched, em * 12);
    m_jobs->horizontalHeader()->setDefaultSectionSize(em * 9);
    m_jobs->horizontalHeader()->resizeSection(models::ReplicationJobsModel::Server, em * 11);
    m_jobs->horizontalHeader()->resizeSection(models::ReplicationJobsModel::JobState, em * 11);
    m_jobs->horizontalHeader()->resizeSection(models::ReplicationJobsModel::Eta, em * 11);
    m_jobs->horizontalHeader()->resizeSection(models::ReplicationJobsModel::CurrentRun, em * 10);
    m_jobs->horizontalHeader()->resizeSection(models::ReplicationJobsModel::NextRun, em * 12);
    m_jobs->horizontalHeader()->resizeSection(models::ReplicationJobsModel::LastCompleted, em * 14);

    m_notice->setWordWrap(true);
    m_notice->hide();

    createActions();
    auto *toolBar = new QToolBar(this);
    toolBar->setIconSize(QSize(16, 16));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (QAction *a : {action(ReplicationAction::StartApplication), action(ReplicationAction::StopApplication),
                       action(ReplicationAction::ReplicateApplication), m_bringIntoPlan})
        toolBar->addAction(a);
    toolBar->addSeparator();
    for (QAction *a : {action(ReplicationAction::LaunchApplication), action(ReplicationAction::TerminateApplication)})
        toolBar->addAction(a);
    toolBar->addSeparator();
    for (QAction *a : {action(ReplicationAction::UpdateJob), action(ReplicationAction::RunJob),
                       action(ReplicationAction::DeleteJob)})
        toolBar->addAction(a);
    toolBar->addSeparator();
    toolBar->addAction(m_refresh);
    m_toolBar = toolBar;

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_apps);
    splitter->addWidget(m_jobs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolBar);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);

    connect(m_apps->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QString appId = selectedAppId();
        m_jobsOfApp->setFilterRegularExpression(
            QRegularExpression(QLatin1Char('^') + QRegularExpression::escape(appId) + QLatin1Char('$')));
        m_jobs->clearSelection();
        if (m_jobsOfApp->rowCount() > 0)
            m_jobs->selectRow(0);  // its first server's runs, rather than an empty timeline
        updateActions();
        Q_EMIT applicationSelected(appId);
    });
    connect(m_jobs->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_jobs->selectionModel()->selectedRows(models::ReplicationJobsModel::Server);
        m_jobActions->setServer(
            rows.isEmpty() ? std::string()
                           : rows.first().data(models::ReplicationJobsModel::ServerIdRole).toString().toStdString(),
            rows.isEmpty() ? QString() : rows.first().data().toString());
        updateActions();
        Q_EMIT jobSelected(selectedJobId());
    });
    connect(&m_store, &models::ReplicationStore::passApplied, this, [this] {
        // Something to look at from the first pass: the first application's jobs and history.
        if (!m_apps->selectionModel()->hasSelection() && m_appsSorted->rowCount() > 0)
            m_apps->selectRow(0);
        updateActions();
    });
    updateActions();
}

void EndpointAppsPane::createActions()
{
    const auto make = [this](ReplicationAction which, const QString &text, QTableView *view) {
        auto *a = new QAction(text, this);
        connect(a, &QAction::triggered, this, [this, which] { request(which); });
        view->addAction(a);
        m_actions[int(which)] = a;
    };
    make(ReplicationAction::StartApplication, tr("Start Replication"), m_apps);
    make(ReplicationAction::StopApplication, tr("Stop Replication…"), m_apps);
    make(ReplicationAction::ReplicateApplication, tr("Replicate Now"), m_apps);
    make(ReplicationAction::LaunchApplication, tr("Launch…"), m_apps);
    make(ReplicationAction::TerminateApplication, tr("Terminate…"), m_apps);
    m_jobs->addActions(m_jobActions->actions());
    connect(m_jobActions, &ServerJobActions::actionRequested, this, &EndpointAppsPane::actionRequested);

    m_bringIntoPlan = new QAction(tr("Bring into Plan"), this);
    m_bringIntoPlan->setToolTip(tr("Add the selected applications to the plan with their settings"));
    m_apps->addAction(m_bringIntoPlan);
    connect(m_bringIntoPlan, &QAction::triggered, this, [this] {
        std::vector<std::string> ids;
        for (const QModelIndex &row : m_apps->selectionModel()->selectedRows())
            ids.push_back(row.data(models::EndpointAppsModel::AppIdRole).toString().toStdString());
        if (!ids.empty())
            Q_EMIT bringIntoPlanRequested(ids);
    });
    auto *validation = new QAction(tr("Validation Results…"), this);
    m_apps->addAction(validation);
    connect(validation, &QAction::triggered, this, [this] {
        if (const api::AppSummary *app = selectedApp())
            Q_EMIT validationResultsRequested(selectedAppId(), QString::fromStdString(app->name.value_or("")));
    });
    m_refresh = new QAction(tr("Refresh"), this);
    m_refresh->setToolTip(tr("Read the endpoint's replication state now"));
    connect(m_refresh, &QAction::triggered, this, &EndpointAppsPane::refreshRequested);
}

QAction *EndpointAppsPane::action(ReplicationAction which) const
{
    if (QAction *forJob = m_jobActions->action(which))
        return forJob;
    return m_actions[int(which)];
}

void EndpointAppsPane::addApplicationAction(QAction *action)
{
    m_toolBar->insertAction(m_toolBar->actions().value(m_toolBar->actions().indexOf(m_bringIntoPlan) + 1), action);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action)); button && action->menu())
        button->setPopupMode(QToolButton::InstantPopup);
    m_apps->addAction(action);
}

void EndpointAppsPane::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString EndpointAppsPane::selectedAppId() const
{
    const QModelIndexList rows = m_apps->selectionModel()->selectedRows();
    return rows.size() == 1 ? rows.first().data(models::EndpointAppsModel::AppIdRole).toString() : QString();
}

QString EndpointAppsPane::selectedJobId() const
{
    const QModelIndexList rows = m_jobs->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(models::ReplicationJobsModel::JobIdRole).toString();
}

const api::AppSummary *EndpointAppsPane::selectedApp() const
{
    const int row = m_store.applications().rowOf(selectedAppId().toStdString());
    return row < 0 ? nullptr : &m_store.applications().row(row).app;
}

void EndpointAppsPane::updateActions()
{
    const QString pickOne = tr("Select one application");
    const api::AppSummary *app = selectedApp();
    const auto forApp = [&](ReplicationAction which, services::ActionCheck (*rule)(const api::AppSummary &),
                            const QString &whatItDoes) {
        applyCheck(action(which), app ? rule(*app) : services::ActionCheck::refused(pickOne), whatItDoes);
    };
    forApp(ReplicationAction::StartApplication, services::canStartAppReplication,
           tr("Start replicating the application's servers (StartAppReplication)"));
    forApp(ReplicationAction::StopApplication, services::canStopAppReplication,
           tr("Stop the application's replication and delete its jobs (StopAppReplication)"));
    forApp(ReplicationAction::ReplicateApplication, services::canStartOnDemandAppReplication,
           tr("Start a replication run of every server now (StartOnDemandAppReplication)"));
    forApp(ReplicationAction::LaunchApplication, services::canLaunchApp,
           tr("Launch the application's servers on EC2 from their latest replicas (LaunchApp)"));
    forApp(ReplicationAction::TerminateApplication, services::canTerminateApp,
           tr("Delete the launched application's stack and instances (TerminateApp)"));
    m_bringIntoPlan->setEnabled(m_apps->selectionModel()->hasSelection());
}

void EndpointAppsPane::request(ReplicationAction which)
{
    const api::AppSummary *app = selectedApp();
    if (!app)
        return;
    services::ReplicationTarget target;
    target.appId = selectedAppId().toStdString();
    Q_EMIT actionRequested(which, target, QString::fromStdString(app->name.value_or(target.appId)));
}

} // namespace sms::ui
