#include "models/ReplicationWords.h"

#include "api/QtText.h"

#include <QCoreApplication>

namespace sms::models {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::models::ReplicationWords)
};

// Absent: no words; unknown: the text as sent; known: the words `known` gives.
template <typename E, typename Known>
QString wordsFor(const std::optional<api::OpenEnum<E>> &value, Known known)
{
    if (!value)
        return {};
    if (!value->isKnown())
        return api::toQString(*value);
    return known(value->value());
}

template <typename E, typename Known>
Tone toneFor(const std::optional<api::OpenEnum<E>> &value, Known known)
{
    return value && value->isKnown() ? known(value->value()) : Tone::Neutral;
}

} // namespace

QString appStatusText(const std::optional<api::OpenEnum<api::AppStatus>> &status)
{
    using S = api::AppStatus;
    return wordsFor(status, [](S s) -> QString {
        switch (s) {
        case S::Creating: return Text::tr("Creating");
        case S::Active: return Text::tr("Active");
        case S::Updating: return Text::tr("Updating");
        case S::Deleting: return Text::tr("Deleting");
        case S::Deleted: return Text::tr("Deleted");
        case S::DeleteFailed: return Text::tr("Delete failed");
        case S::Unknown: break;
        }
        return {};
    });
}

QString appReplicationText(const std::optional<api::OpenEnum<api::AppReplicationStatus>> &status)
{
    using S = api::AppReplicationStatus;
    return wordsFor(status, [](S s) -> QString {
        switch (s) {
        case S::ReadyForConfiguration: return Text::tr("Ready for configuration");
        case S::ConfigurationInProgress: return Text::tr("Configuration in progress");
        case S::ConfigurationInvalid: return Text::tr("Configuration invalid");
        case S::ReadyForReplication: return Text::tr("Ready for replication");
        case S::ValidationInProgress: return Text::tr("Validation in progress");
        case S::ReplicationPending: return Text::tr("Replication pending");
        case S::ReplicationInProgress: return Text::tr("Replication in progress");
        case S::Replicated: return Text::tr("Replicated");
        case S::PartiallyReplicated: return Text::tr("Partially replicated");
        case S::DeltaReplicationInProgress: return Text::tr("Delta replication in progress");
        case S::DeltaReplicated: return Text::tr("Delta replicated");
        case S::DeltaReplicationFailed: return Text::tr("Delta replication failed");
        case S::ReplicationFailed: return Text::tr("Replication failed");
        case S::ReplicationStopping: return Text::tr("Replication stopping");
        case S::ReplicationStopFailed: return Text::tr("Replication stop failed");
        case S::ReplicationStopped: return Text::tr("Replication stopped");
        case S::Unknown: break;
        }
        return {};
    });
}

QString appLaunchText(const std::optional<api::OpenEnum<api::AppLaunchStatus>> &status)
{
    using S = api::AppLaunchStatus;
    return wordsFor(status, [](S s) -> QString {
        switch (s) {
        case S::ReadyForConfiguration: return Text::tr("Ready for configuration");
        case S::ConfigurationInProgress: return Text::tr("Configuration in progress");
        case S::ConfigurationInvalid: return Text::tr("Configuration invalid");
        case S::ReadyForLaunch: return Text::tr("Ready for launch");
        case S::ValidationInProgress: return Text::tr("Validation in progress");
        case S::LaunchPending: return Text::tr("Launch pending");
        case S::LaunchInProgress: return Text::tr("Launch in progress");
        case S::Launched: return Text::tr("Launched");
        case S::PartiallyLaunched: return Text::tr("Partially launched");
        case S::DeltaLaunchInProgress: return Text::tr("Delta launch in progress");
        case S::DeltaLaunchFailed: return Text::tr("Delta launch failed");
        case S::LaunchFailed: return Text::tr("Launch failed");
        case S::TerminateInProgress: return Text::tr("Terminate in progress");
        case S::TerminateFailed: return Text::tr("Terminate failed");
        case S::Terminated: return Text::tr("Terminated");
        case S::Unknown: break;
        }
        return {};
    });
}

QString jobStateText(const std::optional<api::OpenEnum<api::ReplicationJobState>> &state)
{
    using S = api::ReplicationJobState;
    return wordsFor(state, [](S s) -> QString {
        switch (s) {
        case S::Pending: return Text::tr("Pending");
        case S::Active: return Text::tr("Active");
        case S::Failed: return Text::tr("Failed");
        case S::Deleting: return Text::tr("Deleting");
        case S::Deleted: return Text::tr("Deleted");
        case S::Completed: return Text::tr("Completed");
        case S::PausedOnFailure: return Text::tr("Paused on failure");
        case S::Failing: return Text::tr("Failing");
        case S::Unknown: break;
        }
        return {};
    });
}

Tone appStatusTone(const std::optional<api::OpenEnum<api::AppStatus>> &status)
{
    using S = api::AppStatus;
    return toneFor(status, [](S s) {
        switch (s) {
        case S::Creating:
        case S::Updating:
        case S::Deleting: return Tone::Busy;
        case S::DeleteFailed: return Tone::Bad;
        default: return Tone::Neutral;
        }
    });
}

Tone appReplicationTone(const std::optional<api::OpenEnum<api::AppReplicationStatus>> &status)
{
    using S = api::AppReplicationStatus;
    return toneFor(status, [](S s) {
        switch (s) {
        case S::ConfigurationInProgress:
        case S::ValidationInProgress:
        case S::ReplicationPending:
        case S::ReplicationInProgress:
        case S::DeltaReplicationInProgress:
        case S::ReplicationStopping: return Tone::Busy;
        case S::Replicated:
        case S::DeltaReplicated: return Tone::Good;
        case S::PartiallyReplicated: return Tone::Warning;
        case S::ConfigurationInvalid:
        case S::DeltaReplicationFailed:
        case S::ReplicationFailed:
        case S::ReplicationStopFailed: return Tone::Bad;
        default: return Tone::Neutral;
        }
    });
}

Tone appLaunchTone(const std::optional<api::OpenEnum<api::AppLaunchStatus>> &status)
{
    using S = api::AppLaunchStatus;
    return toneFor(status, [](S s) {
        switch (s) {
        case S::ConfigurationInProgress:
        case S::ValidationInProgress:
        case S::LaunchPending:
        case S::LaunchInProgress:
        case S::DeltaLaunchInProgress:
        case S::TerminateInProgress: return Tone::Busy;
        case S::Launched: return Tone::Good;
        case S::PartiallyLaunched: return Tone::Warning;
        case S::ConfigurationInvalid:
        case S::DeltaLaunchFailed:
        case S::LaunchFailed:
        case S::TerminateFailed: return Tone::Bad;
        default: return Tone::Neutral;
        }
    });
}

Tone jobStateTone(const std::optional<api::OpenEnum<api::ReplicationJobState>> &state)
{
    using S = api::ReplicationJobState;
    return toneFor(state, [](S s) {
        switch (s) {
        case S::Deleting: return Tone::Busy;
        case S::Active:
        case S::Completed: return Tone::Good;
        case S::Failing: return Tone::Warning;
        case S::Failed:
        case S::PausedOnFailure: return Tone::Bad;
        default: return Tone::Neutral;
        }
    });
}

QString runProgressText(const std::string &stage, std::optional<int> percent)
{
    const QString run = stage.empty() ? Text::tr("Running") : QString::fromStdString(stage);
    return percent ? Text::tr("%1 %2%").arg(run).arg(*percent) : run;
}

QString stalledText(const QString &text)
{
    return Text::tr("%1 (stalled)").arg(text);
}

QString validationStatusText(const std::optional<api::OpenEnum<api::ValidationStatus>> &status)
{
    using S = api::ValidationStatus;
    return wordsFor(status, [](S s) -> QString {
        switch (s) {
        case S::ReadyForValidation: return Text::tr("Ready for validation");
        case S::Pending: return Text::tr("Pending");
        case S::InProgress: return Text::tr("In progress");
        case S::Succeeded: return Text::tr("Succeeded");
        case S::Failed: return Text::tr("Failed");
        case S::Unknown: break;
        }
        return {};
    });
}

Tone validationStatusTone(const std::optional<api::OpenEnum<api::ValidationStatus>> &status)
{
    using S = api::ValidationStatus;
    return toneFor(status, [](S s) {
        switch (s) {
        case S::Pending:
        case S::InProgress: return Tone::Busy;
        case S::Succeeded: return Tone::Good;
        case S::Failed: return Tone::Bad;
        default: return Tone::Neutral;
        }
    });
}

} // namespace sms::models
