#include "services/ReplicationActionRules.h"

#include <QCoreApplication>

#include <algorithm>

namespace sms::services {
namespace {

// One translation context for the services module.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::services)
};

QString nameOf(const api::AppSummary &app)
{
    return QString::fromStdString(app.name.value_or(app.appId.value_or("this application")));
}

// Where an application's replication stands, as far as starting and stopping go.
enum class Phase { NotStarted, Started, Stopping, Unknown };

Phase phaseOf(const api::AppSummary &app)
{
    if (!app.replicationStatus || !app.replicationStatus->isKnown())
        return Phase::Unknown;
    using S = api::AppReplicationStatus;
    switch (app.replicationStatus->value()) {
    case S::ReadyForConfiguration:
    case S::ConfigurationInProgress:
    case S::ConfigurationInvalid:
    case S::ReadyForReplication:
    case S::ValidationInProgress:
    case S::ReplicationStopped:
        return Phase::NotStarted;
    case S::ReplicationStopping:
        return Phase::Stopping;
    case S::Unknown:
        return Phase::Unknown;
    default:  // pending, in progress, replicated, failed, stop failed: its jobs exist
        return Phase::Started;
    }
}

// An application being made, changed or deleted takes no replication action.
std::optional<ActionCheck> refusedForStatus(const api::AppSummary &app)
{
    if (!app.status || !app.status->isKnown())
        return std::nullopt;
    switch (app.status->value()) {
    case api::AppStatus::Creating:
    case api::AppStatus::Updating:
        return ActionCheck::refused(Text::tr("%1 is being saved; try again in a moment.").arg(nameOf(app)));
    case api::AppStatus::Deleting:
    case api::AppStatus::Deleted:
        return ActionCheck::refused(Text::tr("%1 is being deleted.").arg(nameOf(app)));
    default:
        return std::nullopt;
    }
}

bool hasState(const api::ReplicationJob &job, api::ReplicationJobState state)
{
    return job.state && *job.state == state;
}

bool isGone(const std::optional<api::ReplicationJob> &job)
{
    return !job || hasState(*job, api::ReplicationJobState::Deleted);
}

// The refusal every action on an existing job shares, if any.
std::optional<ActionCheck> refusedForJob(const std::optional<api::ReplicationJob> &job)
{
    if (isGone(job))
        return ActionCheck::refused(Text::tr("The server has no replication job."));
    if (hasState(*job, api::ReplicationJobState::Deleting))
        return ActionCheck::refused(Text::tr("The replication job is being deleted."));
    return std::nullopt;
}

bool hasRunInProgress(const api::ReplicationJob &job)
{
    const auto &runs = job.replicationRunList;
    return runs && std::any_of(runs->begin(), runs->end(), [](const api::ReplicationRun &run) {
               return run.state && *run.state == api::ReplicationRunState::Active;
           });
}

// Whether the application's replication has made an AMI of every server, as
// far as its status tells: no for the statuses before the first replica of
// every server is made, yes (or unknown: the endpoint decides) otherwise.
bool hasReplicaOfEveryServer(const api::AppSummary &app)
{
    if (!app.replicationStatus || !app.replicationStatus->isKnown())
        return true;
    using S = api::AppReplicationStatus;
    switch (app.replicationStatus->value()) {
    case S::ReadyForConfiguration:
    case S::ConfigurationInProgress:
    case S::ConfigurationInvalid:
    case S::ReadyForReplication:
    case S::ValidationInProgress:
    case S::ReplicationPending:
    case S::ReplicationInProgress:
    case S::PartiallyReplicated:
    case S::ReplicationFailed:
        return false;
    default:
        return true;
    }
}

} // namespace

ActionCheck canStartAppReplication(const api::AppSummary &app)
{
    if (auto refused = refusedForStatus(app))
        return *refused;
    switch (phaseOf(app)) {
    case Phase::Started:
        return ActionCheck::refused(Text::tr("%1 is already replicating.").arg(nameOf(app)));
    case Phase::Stopping:
        return ActionCheck::refused(
            Text::tr("%1 is still stopping its replication; start it again once it has stopped.").arg(nameOf(app)));
    default:
        break;
    }
    if (app.replicationConfigurationStatus
        && *app.replicationConfigurationStatus == api::AppReplicationConfigurationStatus::NotConfigured)
        return ActionCheck::refused(
            Text::tr("%1 has no replication settings yet; set them in Application Settings.").arg(nameOf(app)));
    if (app.totalServers && *app.totalServers == 0)
        return ActionCheck::refused(Text::tr("%1 has no servers to replicate.").arg(nameOf(app)));
    return ActionCheck::yes();
}

ActionCheck canStopAppReplication(const api::AppSummary &app)
{
    if (auto refused = refusedForStatus(app))
        return *refused;
    switch (phaseOf(app)) {
    case Phase::NotStarted:
        return ActionCheck::refused(Text::tr("%1 is not replicating.").arg(nameOf(app)));
    case Phase::Stopping:
        return ActionCheck::refused(Text::tr("%1 is already stopping its replication.").arg(nameOf(app)));
    default:
        return ActionCheck::yes();
    }
}

ActionCheck canStartOnDemandAppReplication(const api::AppSummary &app)
{
    if (auto refused = refusedForStatus(app))
        return *refused;
    switch (phaseOf(app)) {
    case Phase::NotStarted:
        return ActionCheck::refused(
            Text::tr("%1 is not replicating; start its replication first.").arg(nameOf(app)));
    case Phase::Stopping:
        return ActionCheck::refused(Text::tr("%1 is stopping its replication.").arg(nameOf(app)));
    default:
        return ActionCheck::yes();
    }
}

ActionCheck canLaunchApp(const api::AppSummary &app)
{
    if (auto refused = refusedForStatus(app))
        return *refused;
    if (app.launchConfigurationStatus
        && *app.launchConfigurationStatus == api::AppLaunchConfigurationStatus::NotConfigured)
        return ActionCheck::refused(
            Text::tr("%1 has no launch settings yet; set them in Application Settings and apply.").arg(nameOf(app)));
    if (app.launchStatus && app.launchStatus->isKnown()) {
        using L = api::AppLaunchStatus;
        switch (app.launchStatus->value()) {
        case L::ConfigurationInvalid:
            return ActionCheck::refused(
                Text::tr("The endpoint found %1's launch settings invalid; correct them and apply.").arg(nameOf(app)));
        case L::LaunchPending:
        case L::LaunchInProgress:
        case L::DeltaLaunchInProgress:
            return ActionCheck::refused(Text::tr("%1 is being launched.").arg(nameOf(app)));
        case L::Launched:
        case L::PartiallyLaunched:
        case L::DeltaLaunchFailed:
        case L::TerminateFailed:
            return ActionCheck::refused(
                Text::tr("%1 is launched; terminate it before launching it again.").arg(nameOf(app)));
        case L::TerminateInProgress:
            return ActionCheck::refused(
                Text::tr("%1 is being terminated; launch it again once it is terminated.").arg(nameOf(app)));
        default:
            break;
        }
    }
    if (app.totalServers && *app.totalServers == 0)
        return ActionCheck::refused(Text::tr("%1 has no servers to launch.").arg(nameOf(app)));
    if (!hasReplicaOfEveryServer(app))
        return ActionCheck::refused(
            Text::tr("%1 cannot be launched before every server has been replicated.").arg(nameOf(app)));
    return ActionCheck::yes();
}

ActionCheck canTerminateApp(const api::AppSummary &app)
{
    if (auto refused = refusedForStatus(app))
        return *refused;
    if (!app.launchStatus || !app.launchStatus->isKnown())
        return ActionCheck::yes();
    using L = api::AppLaunchStatus;
    switch (app.launchStatus->value()) {
    case L::LaunchPending:
    case L::LaunchInProgress:
    case L::Launched:
    case L::PartiallyLaunched:
    case L::DeltaLaunchInProgress:
    case L::DeltaLaunchFailed:
    case L::LaunchFailed:
    case L::TerminateFailed:
        return ActionCheck::yes();
    case L::TerminateInProgress:
        return ActionCheck::refused(Text::tr("%1 is already being terminated.").arg(nameOf(app)));
    default:
        return ActionCheck::refused(Text::tr("%1 is not launched.").arg(nameOf(app)));
    }
}

ActionCheck canCreateReplicationJob(const std::optional<api::ReplicationJob> &job)
{
    if (isGone(job))
        return ActionCheck::yes();
    if (hasState(*job, api::ReplicationJobState::Deleting))
        return ActionCheck::refused(
            Text::tr("The server's replication job is being deleted; create a new one once it is gone."));
    return ActionCheck::refused(Text::tr("The server already has replication job %1.")
                                    .arg(QString::fromStdString(job->replicationJobId.value_or(""))));
}

ActionCheck canUpdateReplicationJob(const std::optional<api::ReplicationJob> &job)
{
    if (auto refused = refusedForJob(job))
        return *refused;
    return ActionCheck::yes();
}

ActionCheck canDeleteReplicationJob(const std::optional<api::ReplicationJob> &job, const api::AppSummary *owner)
{
    if (auto refused = refusedForJob(job))
        return *refused;
    if (owner) {
        const Phase phase = phaseOf(*owner);
        if (phase == Phase::Started || phase == Phase::Stopping)
            return ActionCheck::refused(
                Text::tr("The job belongs to %1 while it replicates; stop the application's replication instead.")
                    .arg(nameOf(*owner)));
    }
    return ActionCheck::yes();
}

ActionCheck canStartOnDemandReplicationRun(const std::optional<api::ReplicationJob> &job)
{
    if (auto refused = refusedForJob(job))
        return *refused;
    if (hasRunInProgress(*job))
        return ActionCheck::heldBack(
            Text::tr("A replication run is in progress; a new one would only wait behind it."));
    return ActionCheck::yes();
}

} // namespace sms::services
