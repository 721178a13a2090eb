#include "models/LiveStatusText.h"

#include "models/ReplicationWords.h"

#include <QGuiApplication>
#include <QPalette>

namespace sms::models {
namespace {

// LiveStatus holds an empty OpenEnum for "not reported"; ReplicationWords an empty optional.
template <typename E>
std::optional<api::OpenEnum<E>> reported(const api::OpenEnum<E> &value)
{
    if (value.toString().empty())
        return std::nullopt;
    return value;
}

} // namespace

StatusCell applicationReplicationCell(const ApplicationLiveStatus &status)
{
    const auto replication = reported(status.replication);
    return {appReplicationText(replication), appReplicationTone(replication),
            QString::fromStdString(status.replicationMessage)};
}

StatusCell applicationLaunchCell(const ApplicationLiveStatus &status)
{
    const auto launch = reported(status.launch);
    return {appLaunchText(launch), appLaunchTone(launch), QString::fromStdString(status.launchMessage)};
}

StatusCell serverReplicationCell(const ServerLiveStatus &status)
{
    const auto state = reported(status.jobState);
    StatusCell cell{jobStateText(state), jobStateTone(state), QString::fromStdString(status.message)};
    if (!status.stage.empty()) {
        cell.text = runProgressText(status.stage, status.percent);
        cell.tone = Tone::Busy;
    }
    if (status.stalled) {
        cell.text = stalledText(cell.text);
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

QVariant toneSwatch(const StatusCell &cell)
{
    return cell.text.isEmpty() ? QVariant() : QVariant(toneColor(cell.tone, QGuiApplication::palette()));
}

} // namespace sms::models
