#include "models/LiveStatusText.h"

#include <QCoreApplication>
#include <QPalette>

namespace sms::models {
namespace {

using api::AppLaunchStatus;
using api::AppReplicationStatus;
using api::ReplicationJobState;

template <typename E>
QString wordsOf(const api::OpenEnum<E> &value)
{
    return value.toString().empty() ? QString() : statusWords(value.toString());
}

template <typename E>
Tone toneOfOpen(const api::OpenEnum<E> &value)
{
    return value.isKnown() ? toneOf(value.value()) : Tone::Neutral;
}

} // namespace

QString statusWords(std::string_view wireName)
{
    QString words = QString::fromUtf8(wireName.data(), qsizetype(wireName.size())).toLower();
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    const QByteArray key = words.toUtf8();
    return QCoreApplication::translate("sms::models::Status", key.constData());
}

Tone toneOf(AppReplicationStatus status)
{
    switch (status) {
    case AppReplicationStatus::Replicated:
    case AppReplicationStatus::DeltaReplicated:
        return Tone::Good;
    case AppReplicationStatus::ConfigurationInProgress:
    case AppReplicationStatus::ValidationInProgress:
    case AppReplicationStatus::ReplicationPending:
    case AppReplicationStatus::ReplicationInProgress:
    case AppReplicationStatus::DeltaReplicationInProgress:
    case AppReplicationStatus::ReplicationStopping:
        return Tone::Busy;
    case AppReplicationStatus::PartiallyReplicated:
    case AppReplicationStatus::ReplicationStopped:
        return Tone::Warning;
    case AppReplicationStatus::ConfigurationInvalid:
    case AppReplicationStatus::DeltaReplicationFailed:
    case AppReplicationStatus::ReplicationFailed:
    case AppReplicationStatus::ReplicationStopFailed:
        return Tone::Bad;
    case AppReplicationStatus::ReadyForConfiguration:
    case AppReplicationStatus::ReadyForReplication:
    case AppReplicationStatus::Unknown:
        break;
    }
    return Tone::Neutral;
}

Tone toneOf(AppLaunchStatus status)
{
    switch (status) {
    case AppLaunchStatus::Launched:
        return Tone::Good;
    case AppLaunchStatus::ConfigurationInProgress:
    case AppLaunchStatus::ValidationInProgress:
    case AppLaunchStatus::LaunchPending:
    case AppLaunchStatus::LaunchInProgress:
    case AppLaunchStatus::DeltaLaunchInProgress:
    case AppLaunchStatus::TerminateInProgress:
        return Tone::Busy;
    case AppLaunchStatus::PartiallyLaunched:
        return Tone::Warning;
    case AppLaunchStatus::ConfigurationInvalid:
    case AppLaunchStatus::DeltaLaunchFailed:
    case AppLaunchStatus::LaunchFailed:
    case AppLaunchStatus::TerminateFailed:
        return Tone::Bad;
    case AppLaunchStatus::ReadyForConfiguration:
    case AppLaunchStatus::ReadyForLaunch:
    case AppLaunchStatus::Terminated:
    case AppLaunchStatus::Unknown:
        break;
    }
    return Tone::Neutral;
}

Tone toneOf(ReplicationJobState state)
{
    switch (state) {
    case ReplicationJobState::Active:
    case ReplicationJobState::Completed:
        return Tone::Good;
    case ReplicationJobState::Failing:
        return Tone::Warning;
    case ReplicationJobState::Failed:
    case ReplicationJobState::PausedOnFailure:
        return Tone::Bad;
    case ReplicationJobState::Pending:
    case ReplicationJobState::Deleting:
    case ReplicationJobState::Deleted:
    case ReplicationJobState::Unknown:
        break;
    }
    return Tone::Neutral;
}

StatusCell applicationReplicationCell(const ApplicationLiveStatus &status)
{
    return {wordsOf(status.replication), toneOfOpen(status.replication),
            QString::fromStdString(status.replicationMessage)};
}

StatusCell applicationLaunchCell(const ApplicationLiveStatus &status)
{
    return {wordsOf(status.launch), toneOfOpen(status.launch), QString::fromStdString(status.launchMessage)};
}

StatusCell serverReplicationCell(const ServerLiveStatus &status)
{
    StatusCell cell{wordsOf(status.jobState), toneOfOpen(status.jobState), QString::fromStdString(status.message)};
    if (!status.stage.empty()) {
        cell.text = QString::fromStdString(status.stage);
        if (status.percent)
            cell.text += QStringLiteral(" %1%").arg(*status.percent);
        cell.tone = Tone::Busy;
    }
    if (status.stalled) {
        cell.text = QCoreApplication::translate("sms::models::Status", "%1 (stalled)").arg(cell.text);
        cell.tone = Tone::Warning;
    }
    return cell;
}

QColor toneColor(Tone tone, const QPalette &palette)
{
    // Hues that read on white and on near-black alike; lighter on a dark base.
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (tone) {
    case Tone::Busy: return dark ? QColor(0x64, 0xb5, 0xf6) : QColor(0x1e, 0x6f, 0xc8);
    case Tone::Good: return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x2e, 0x7d, 0x32);
    case Tone::Warning: return dark ? QColor(0xff, 0xc1, 0x07) : QColor(0xc7, 0x7c, 0x02);
    case Tone::Bad: return dark ? QColor(0xef, 0x73, 0x73) : QColor(0xc6, 0x28, 0x28);
    case Tone::Neutral: break;
    }
    return palette.color(QPalette::Disabled, QPalette::Text);
}

} // namespace sms::models
