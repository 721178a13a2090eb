#include "ui/replication/ServerJobActions.h"

#include "models/EndpointAppsModel.h"
#include "models/ReplicationJobsModel.h"
#include "models/ReplicationStore.h"
#include "services/ReplicationActionRules.h"
#include "ui/replication/CheckedAction.h"
#include "ui/replication/ReplicationJobDialog.h"

#include <QAction>
#include <QEvent>
#include <QWidget>

namespace sms::ui {

using services::ReplicationAction;

ServerJobActions::ServerJobActions(models::ReplicationStore &store, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_store(store)
    , m_dialogParent(dialogParent)
    , m_create(new QAction(this))
    , m_edit(new QAction(this))
    , m_run(new QAction(this))
    , m_delete(new QAction(this))
{
    const auto wire = [this](QAction *action, ReplicationAction which) {
        connect(action, &QAction::triggered, this, [this, which] { request(which); });
    };
    wire(m_create, ReplicationAction::CreateJob);
    wire(m_edit, ReplicationAction::UpdateJob);
    wire(m_run, ReplicationAction::RunJob);
    wire(m_delete, ReplicationAction::DeleteJob);
    // Each pass may have made, changed or ended the server's job.
    connect(&m_store, &models::ReplicationStore::passApplied, this, &ServerJobActions::update);
    dialogParent->installEventFilter(this);
    retranslate();
}

void ServerJobActions::retranslate()
{
    m_create->setText(tr("Create Replication Job…"));
    m_edit->setText(tr("Edit Replication Job…"));
    m_run->setText(tr("Run Job Now"));
    m_delete->setText(tr("Delete Job…"));
    update();
}

bool ServerJobActions::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_dialogParent && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void ServerJobActions::setPlannedSettings(PlannedSettings planned)
{
    m_planned = std::move(planned);
}

void ServerJobActions::setServer(const std::string &serverId, const QString &name)
{
    m_serverId = serverId;
    m_name = name;
    update();
}

QAction *ServerJobActions::action(ReplicationAction which) const
{
    switch (which) {
    case ReplicationAction::CreateJob:
        return m_create;
    case ReplicationAction::UpdateJob:
        return m_edit;
    case ReplicationAction::RunJob:
        return m_run;
    case ReplicationAction::DeleteJob:
        return m_delete;
    default:
        return nullptr;
    }
}

QList<QAction *> ServerJobActions::actions() const
{
    return {m_create, m_edit, m_run, m_delete};
}

std::optional<api::ReplicationJob> ServerJobActions::job() const
{
    const int row = m_store.jobs().rowOfServer(m_serverId);
    if (!m_store.lastSnapshot() || row < 0)
        return std::nullopt;
    const api::ReplicationJob *job = m_store.lastIndex().job(m_store.jobs().row(row).jobId);
    return job ? std::optional<api::ReplicationJob>(*job) : std::nullopt;
}

void ServerJobActions::update()
{
    const QList<QAction *> all = actions();
    if (m_serverId.empty() || !m_store.lastSnapshot()) {
        const QString why = m_serverId.empty() ? tr("Select one server")
                                               : tr("The endpoint's replication jobs have not been read yet");
        for (QAction *action : all)
            applyCheck(action, services::ActionCheck::refused(why), QString());
        return;
    }
    const std::optional<api::ReplicationJob> job = this->job();
    const api::AppSummary *owner = nullptr;
    if (const int row = m_store.jobs().rowOfServer(m_serverId); row >= 0) {
        const int appRow = m_store.applications().rowOf(m_store.jobs().row(row).appId);
        owner = appRow < 0 ? nullptr : &m_store.applications().row(appRow).app;
    }
    applyCheck(m_create, services::canCreateReplicationJob(job),
               tr("Replicate this server on its own (CreateReplicationJob)"));
    applyCheck(m_edit, services::canUpdateReplicationJob(job),
               tr("Change the job's frequency, licence, AMIs kept or encryption (UpdateReplicationJob)"));
    applyCheck(m_run, services::canStartOnDemandReplicationRun(job),
               tr("Start a replication run of this server now (StartOnDemandReplicationRun)"));
    applyCheck(m_delete, services::canDeleteReplicationJob(job, owner),
               tr("Delete the server's replication job (DeleteReplicationJob)"));
}

void ServerJobActions::request(ReplicationAction which)
{
    const std::optional<api::ReplicationJob> job = this->job();
    services::ReplicationTarget target;
    if (which == ReplicationAction::CreateJob || which == ReplicationAction::UpdateJob) {
        std::optional<services::ReplicationTarget> asked = askSettings(which, job);
        if (!asked)
            return;
        target = std::move(*asked);
    }
    target.serverId = m_serverId;
    target.jobId = job ? job->replicationJobId.value_or(std::string()) : std::string();
    Q_EMIT actionRequested(which, target, m_name);
}

std::optional<services::ReplicationTarget> ServerJobActions::askSettings(ReplicationAction which,
                                                                         const std::optional<api::ReplicationJob> &job)
{
    const bool create = which == ReplicationAction::CreateJob;
    ReplicationJobDialog dialog(create ? ReplicationJobDialog::Purpose::Create : ReplicationJobDialog::Purpose::Update,
                                m_name, m_dialogParent);
    if (!create && job) {
        dialog.setSettings(services::settingsOf(*job), tr("The job's settings at the endpoint now."));
        dialog.setRoleName(QString::fromStdString(job->roleName.value_or(std::string())));
        dialog.setDescription(QString::fromStdString(job->description.value_or(std::string())));
    } else {
        std::string role;
        const auto planned = m_planned ? m_planned(m_serverId, &role) : std::nullopt;
        dialog.setSettings(planned.value_or(api::ServerReplicationParameters{}),
                           planned ? tr("From the plan: the settings its application gives this server.")
                                   : tr("The server is in no application of the plan: the planner's defaults."));
        dialog.setRoleName(QString::fromStdString(role));
    }
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.target();
}

} // namespace sms::ui
