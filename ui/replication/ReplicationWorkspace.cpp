#include "ui/replication/ReplicationWorkspace.h"

#include "models/ApplicationsTreeModel.h"
#include "models/CatalogTableModel.h"
#include "models/EndpointAppsModel.h"
#include "models/ReplicationJobsModel.h"
#include "services/EndpointSession.h"
#include "services/OnDemandLimit.h"
#include "services/PlainWords.h"
#include "ui/EndpointActions.h"
#include "ui/monitor/ReplicationMonitorPane.h"
#include "ui/notify/ReplicationNotice.h"
#include "ui/notify/TrayNotifier.h"
#include "ui/replication/EndpointAppsPane.h"
#include "ui/templates/EndpointTemplateActions.h"
#include "ui/validation/ValidationResultsDialog.h"

#include <QDateTime>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMainWindow>
#include <QMessageBox>
#include <QTableView>
#include <QTimeZone>

namespace sms::ui {
namespace {

using services::ReplicationAction;

double wallNow()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

} // namespace

ReplicationWorkspace::ReplicationWorkspace(services::EndpointSession &session, EndpointActions &endpoint,
                                           PlanViews views, QMainWindow *window, services::MonitorTimings timings)
    : QObject(window)
    , m_session(session)
    , m_endpoint(endpoint)
    , m_views(views)
    , m_window(window)
    , m_monitor(timings, this)
    , m_store(this)
    , m_appsPane(new EndpointAppsPane(m_store, window))
    , m_monitorPane(new ReplicationMonitorPane(window))
    , m_catalogJobs(new ServerJobActions(m_store, window))
    , m_statusLabel(new QLabel(window))
    , m_notifier(std::make_unique<TrayNotifier>(window))
{
    m_appsPane->setObjectName(QStringLiteral("EndpointAppsPane"));
    m_monitorPane->setObjectName(QStringLiteral("ReplicationMonitorPane"));
    m_appsPane->setNotice(tr("Reading the endpoint's applications…"));
    m_views.tree.setLiveStatus(&m_store.liveStatus());
    m_views.catalog.setLiveStatus(&m_store.liveStatus());

    // The monitor must not outlive the client it calls.
    connect(&m_session, &services::EndpointSession::aboutToClose, this, [this] { m_monitor.stop(); });
    connect(&m_session, &services::EndpointSession::opened, this, [this] {
        m_monitor.setClient(m_session.client());
        updateActive();
    });
    if (m_session.client())
        m_monitor.setClient(m_session.client());

    connect(&m_monitor, &services::ReplicationMonitor::passFinished, this, &ReplicationWorkspace::passFinished);
    m_paneRefresh.setSingleShot(true);
    m_paneRefresh.setInterval(0);
    connect(&m_paneRefresh, &QTimer::timeout, this, &ReplicationWorkspace::refreshMonitorPane);
    connect(&m_monitor, &services::ReplicationMonitor::passFailed, this, [this](const SmsError &error) {
        m_appsPane->setNotice(tr("Could not read the endpoint's replication state: %1")
                                  .arg(services::plainWords(error)));
    });
    connect(&m_monitor, &services::ReplicationMonitor::scheduleChanged, this, &ReplicationWorkspace::showSchedule);
    connect(&m_store, &models::ReplicationStore::liveStatusChanged, this,
            [this](const std::vector<std::string> &appIds, const std::vector<std::string> &serverIds) {
                m_views.tree.liveStatusChanged(appIds, serverIds);
                m_views.catalog.liveStatusChanged(serverIds);
            });
    connect(&m_store, &models::ReplicationStore::eventsOccurred, this, [this](const models::ReplicationEvents &events) {
        // One notice a pass, however many events it brought.
        if (const Notice notice = replicationNotice(events); !notice.title.isEmpty() && m_notifier)
            m_notifier->notify(notice);
    });

    connect(m_appsPane, &EndpointAppsPane::actionRequested, this, &ReplicationWorkspace::run);
    connect(m_catalogJobs, &ServerJobActions::actionRequested, this, &ReplicationWorkspace::run);
    connect(m_appsPane, &EndpointAppsPane::bringIntoPlanRequested, &m_endpoint, &EndpointActions::bringIntoPlan);
    connect(m_appsPane, &EndpointAppsPane::refreshRequested, &m_monitor, &services::ReplicationMonitor::refreshNow);
    connect(m_appsPane, &EndpointAppsPane::validationResultsRequested, this, [this](const QString &appId, const QString &name) {
        auto *dialog = new ValidationResultsDialog(m_session, appId.toStdString(), name, m_appsPane->window());
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    // GenerateTemplate and GenerateChangeSet of the selected application (ui/templates/).
    auto *templates = new EndpointTemplateActions(m_session, window);
    m_appsPane->addApplicationAction(templates->menuAction());
    connect(m_appsPane, &EndpointAppsPane::applicationSelected, templates, [this, templates](const QString &appId) {
        const int row = m_store.applications().rowOf(appId.toStdString());
        templates->setApplication(
            appId, row < 0 ? QString() : QString::fromStdString(m_store.applications().row(row).app.name.value_or("")));
    });
    connect(templates, &EndpointTemplateActions::message, this, &ReplicationWorkspace::message);
    connect(m_appsPane, &EndpointAppsPane::applicationSelected, this, [this](const QString &appId) {
        m_selectedApp = appId;
        showSelectedApplication();
    });
    connect(m_appsPane, &EndpointAppsPane::jobSelected, this, [this](const QString &jobId) {
        m_watchedJob = jobId;
        m_monitor.setWatchedJobs(jobId.isEmpty() ? std::vector<std::string>{}
                                                 : std::vector<std::string>{jobId.toStdString()});
        showWatchedRuns();
    });
    // A bar picked in the summary chart selects its application, which shows its history.
    connect(m_monitorPane, &ReplicationMonitorPane::applicationPicked, this, [this](const QString &appId) {
        QTableView *view = m_appsPane->applicationsView();
        const QModelIndexList found = view->model()->match(view->model()->index(0, 0),
                                                           models::EndpointAppsModel::AppIdRole, appId, 1,
                                                           Qt::MatchExactly);
        if (!found.isEmpty())
            view->selectionModel()->select(found.first(), QItemSelectionModel::ClearAndSelect
                                                              | QItemSelectionModel::Rows);
    });
}

void ReplicationWorkspace::setPlannedSettings(const ServerJobActions::PlannedSettings &planned)
{
    m_catalogJobs->setPlannedSettings(planned);
    m_appsPane->jobActions()->setPlannedSettings(planned);
}

void ReplicationWorkspace::setNotifier(std::unique_ptr<Notifier> notifier)
{
    m_notifier = std::move(notifier);
}

void ReplicationWorkspace::watchDocks(QDockWidget *applications, QDockWidget *monitor)
{
    m_appsDock = applications;
    m_monitorDock = monitor;
    for (QDockWidget *dock : {applications, monitor})
        connect(dock, &QDockWidget::visibilityChanged, this, &ReplicationWorkspace::updateActive);
    updateActive();
}

void ReplicationWorkspace::setWindowMinimized(bool minimized)
{
    m_minimized = minimized;
    updateActive();
}

void ReplicationWorkspace::updateActive()
{
    // The monitor's panes are what asks for polling; the plan's status columns
    // are refreshed along with them, and wait while neither is shown.
    const auto shown = [](QDockWidget *dock) { return dock && dock->isVisible(); };
    m_monitor.setActive(!m_minimized && (shown(m_appsDock) || shown(m_monitorDock)));
}

void ReplicationWorkspace::passFinished(const models::SnapshotPtr &snapshot)
{
    m_store.apply(snapshot);
    m_appsPane->setNotice(m_store.applications().rowCount() == 0
                              ? tr("The endpoint has no applications yet. Make one with New Application and "
                                   "apply the plan, or bring servers into a plan from the catalog.")
                              : QString());
    // The charts in an event-loop turn of their own, after the tables: the
    // first pass, every row new and every chart laid out, did both in one
    // turn and held the GUI thread for about 70 ms (bench/replication-monitor:
    // apply() 4 ms, the summary chart's first 100 applications 36 ms, the
    // pane's paint 14 ms), past the 50 ms it may be late.
    m_paneRefresh.start();
}

void ReplicationWorkspace::refreshMonitorPane()
{
    m_monitorPane->setCounts(m_store.counts());
    showSelectedApplication();
    showWatchedRuns();
}

void ReplicationWorkspace::showSelectedApplication()
{
    if (m_selectedApp.isEmpty() || m_store.applications().rowOf(m_selectedApp.toStdString()) < 0) {
        m_monitorPane->clearHistory();
        return;
    }
    const models::SnapshotPtr &last = m_store.lastSnapshot();
    m_monitorPane->setHistory(m_store.history(m_selectedApp.toStdString()), last ? last->takenAt : wallNow());
}

void ReplicationWorkspace::showWatchedRuns()
{
    const models::SnapshotPtr &last = m_store.lastSnapshot();
    const int row = m_store.jobs().rowOf(m_watchedJob.toStdString());
    if (m_watchedJob.isEmpty() || row < 0 || !last) {
        m_monitorPane->clearRuns();
        return;
    }
    const auto runs = last->runs.find(m_watchedJob.toStdString());
    if (runs == last->runs.end())
        return;  // the monitor reads them at its next pass, which setWatchedJobs brings forward
    const models::ReplicationJobRow &job = m_store.jobs().row(row);
    m_monitorPane->setRuns(QString::fromStdString(job.vmName.empty() ? job.serverId : job.vmName), runs->second,
                           last->takenAt);
}

void ReplicationWorkspace::showSchedule(qint64 nextPassInMs, services::MonitorReason reason)
{
    const QString in = nextPassInMs < 60'000 ? tr("%1 s").arg((nextPassInMs + 999) / 1000)
                                              : tr("%1 min").arg((nextPassInMs + 59'999) / 60'000);
    switch (reason) {
    case services::MonitorReason::Paused:
        m_statusLabel->setText(tr("Replication monitor paused"));
        break;
    case services::MonitorReason::Throttled:
        m_statusLabel->setText(tr("Endpoint busy: replication read again in %1").arg(in));
        break;
    case services::MonitorReason::Failing:
        m_statusLabel->setText(tr("Replication read failed: again in %1").arg(in));
        break;
    case services::MonitorReason::Active:
    case services::MonitorReason::Idle:
        m_statusLabel->setText(tr("Replication read again in %1").arg(in));
        break;
    }
}

bool ReplicationWorkspace::confirm(ReplicationAction action, const QString &subject) const
{
    QString question;
    if (action == ReplicationAction::StopApplication)
        question = tr("Stop replicating %1?\n\nSMS deletes the replication jobs of its servers; AMIs already "
                      "made are kept. Starting again replicates every server from the start.")
                       .arg(subject);
    else if (action == ReplicationAction::LaunchApplication)
        question = tr("Launch %1?\n\nSMS creates a CloudFormation stack with an EC2 instance for each of its "
                      "servers, made from the server's latest replica, in the launch order of its server groups. "
                      "The instances run, and are billed, until the application is terminated.")
                       .arg(subject);
    else if (action == ReplicationAction::TerminateApplication)
        question = tr("Terminate %1?\n\nSMS deletes the application's CloudFormation stack and the EC2 "
                      "instances it launched, with whatever changed on them. The replicas are kept, so the "
                      "application can be launched again.")
                       .arg(subject);
    else if (action == ReplicationAction::DeleteJob)
        question = tr("Delete the replication job of %1?\n\nIts runs stop and no new AMI is made; AMIs already "
                      "made are kept.")
                       .arg(subject);
    else
        return true;
    return QMessageBox::question(m_window, tr("Confirm"), question, QMessageBox::Yes | QMessageBox::Cancel,
                                 QMessageBox::Cancel)
           == QMessageBox::Yes;
}

QString ReplicationWorkspace::doneText(ReplicationAction action, const QString &subject, const QString &answer) const
{
    switch (action) {
    case ReplicationAction::CreateJob:
        return tr("%1: replication job %2 created").arg(subject, answer);
    case ReplicationAction::LaunchApplication:
        return tr("%1: launch started; Launch Status follows it until it settles").arg(subject);
    case ReplicationAction::TerminateApplication:
        return tr("%1: termination started; Launch Status follows it until it settles").arg(subject);
    default:
        return tr("%1: done").arg(subject);
    }
}

void ReplicationWorkspace::run(ReplicationAction action, const services::ReplicationTarget &target,
                               const QString &subject)
{
    client::SmsClient *client = m_session.client();
    if (!client || !confirm(action, subject))
        return;
    services::runReplicationAction(*client, action, target, this, [=, this](Result<std::string> result) {
        m_monitor.refreshNow();
        Q_EMIT actionFinished(action, result.ok());
        if (result) {
            Q_EMIT message(doneText(action, subject, QString::fromStdString(result.value())));
            return;
        }
        const bool onDemand = action == ReplicationAction::RunJob || action == ReplicationAction::ReplicateApplication;
        if (onDemand && result.error().errorCode() == ErrorCode::ReplicationRunLimitExceededException)
            return explainRunLimit(target, subject);
        QMessageBox::warning(m_window, tr("Replication"),
                             tr("%1 was refused.\n\n%2")
                                 .arg(subject, services::plainWords(result.error(), services::PlainLength::Whole)));
    });
}

// SMS only says the limit is hit; when the next run is allowed comes from the runs.
void ReplicationWorkspace::explainRunLimit(const services::ReplicationTarget &target, const QString &subject)
{
    std::vector<std::string> jobIds;
    if (!target.jobId.empty())
        jobIds.push_back(target.jobId);
    else
        for (const int row : m_store.jobs().rowsOfApplication(target.appId))
            jobIds.push_back(m_store.jobs().row(row).jobId);
    client::SmsClient *client = m_session.client();
    if (!client || jobIds.empty())
        return;
    services::readJobRuns(*client, jobIds, this, [this, subject](Result<std::vector<services::JobRuns>> jobs) {
        QString words = tr("SMS allows %1 on-demand runs per server in 24 hours.").arg(services::kOnDemandRunsPerWindow);
        if (jobs) {
            const double now = services::endpointNow(jobs.value(), wallNow());
            words = services::onDemandLimitWords(services::nextOnDemandRunAllowed(jobs.value(), now), now,
                                                 QTimeZone::systemTimeZone());
        }
        QMessageBox::information(m_window, tr("Replication"), tr("%1 cannot run again yet.\n\n%2").arg(subject, words));
    });
}

} // namespace sms::ui
