#include "models/ReplicationRunsModel.h"

#include "api/QtText.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace sms::models {
namespace {

using api::toQString;

QString idOf(const api::ReplicationRun &run)
{
    return toQString(run.replicationRunId);
}

bool isFailed(const api::ReplicationRun &run)
{
    return run.state && *run.state == api::ReplicationRunState::Failed;
}

} // namespace

ReplicationRunsModel::ReplicationRunsModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

int ReplicationRunsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ReplicationRunsModel::stateText(const std::optional<api::OpenEnum<api::ReplicationRunState>> &state)
{
    if (!state)
        return {};
    if (!state->isKnown())
        return toQString(*state); // a state this build does not know, as sent
    switch (state->value()) {
    case api::ReplicationRunState::Pending: return tr("Pending");
    case api::ReplicationRunState::Missed: return tr("Missed");
    case api::ReplicationRunState::Active: return tr("Active");
    case api::ReplicationRunState::Failed: return tr("Failed");
    case api::ReplicationRunState::Completed: return tr("Completed");
    case api::ReplicationRunState::Deleting: return tr("Deleting");
    case api::ReplicationRunState::Deleted: return tr("Deleted");
    case api::ReplicationRunState::Unknown: break;
    }
    return {};
}

QString ReplicationRunsModel::typeText(const std::optional<api::OpenEnum<api::ReplicationRunType>> &type)
{
    if (!type)
        return {};
    if (!type->isKnown())
        return toQString(*type);
    switch (type->value()) {
    case api::ReplicationRunType::OnDemand: return tr("On demand");
    case api::ReplicationRunType::Automatic: return tr("Automatic");
    case api::ReplicationRunType::Unknown: break;
    }
    return {};
}

QString ReplicationRunsModel::timeText(const std::optional<api::Timestamp> &time)
{
    if (!time)
        return {};
    const auto when = QDateTime::fromMSecsSinceEpoch(qint64(time->epochSeconds * 1000.0), Qt::UTC);
    return QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
}

std::optional<double> ReplicationRunsModel::progressOf(const api::ReplicationRun &run)
{
    if (!run.stageDetails || !run.stageDetails->stageProgress)
        return std::nullopt;
    QString text = toQString(run.stageDetails->stageProgress).trimmed();
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double percent = text.toDouble(&ok);
    if (!ok)
        return std::nullopt;
    return std::clamp(percent / 100.0, 0.0, 1.0);
}

QString ReplicationRunsModel::stageText(const api::ReplicationRun &run)
{
    if (!run.stageDetails)
        return {};
    const QString stage = toQString(run.stageDetails->stage);
    const std::optional<double> progress = progressOf(run);
    if (!progress)
        return stage;
    const QString percent = tr("%1%").arg(qRound(*progress * 100));
    return stage.isEmpty() ? percent : tr("%1 %2").arg(stage, percent);
}

QString ReplicationRunsModel::text(const api::ReplicationRun &run, int column) const
{
    switch (column) {
    case RunId: return idOf(run);
    case Type: return typeText(run.type);
    case State: return stateText(run.state);
    case Stage: return stageText(run);
    case StatusMessage: return toQString(run.statusMessage);
    case AmiId: return toQString(run.amiId);
    case ScheduledStart: return timeText(run.scheduledStartTime);
    case Completed: return timeText(run.completedTime);
    }
    return {};
}

QVariant ReplicationRunsModel::raw(const api::ReplicationRun &run, int column) const
{
    switch (column) {
    case Type: return toQString(run.type);
    case State: return toQString(run.state);
    case Stage: return progressOf(run).value_or(-1.0);
    case ScheduledStart: return run.scheduledStartTime ? run.scheduledStartTime->epochSeconds : 0.0;
    case Completed:
        return run.completedTime ? run.completedTime->epochSeconds : std::numeric_limits<double>::max();
    default: return text(run, column);
    }
}

QVariant ReplicationRunsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::ReplicationRun &run = row(index.row()).run;
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(run, column);
    case Qt::ToolTipRole: {
        // Status messages are long sentences a column cuts off.
        const QString tip = column == StatusMessage ? toQString(run.statusMessage) : QString();
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case RawRole: return raw(run, column);
    case RunIdRole: return idOf(run);
    case FailedRole: return isFailed(run);
    case ProgressRole: {
        const std::optional<double> progress = progressOf(run);
        return progress ? QVariant(*progress) : QVariant();
    }
    default: return {};
    }
}

QVariant ReplicationRunsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RunId: return tr("Run id");
    case Type: return tr("Type");
    case State: return tr("State");
    case Stage: return tr("Stage");
    case StatusMessage: return tr("Status message");
    case AmiId: return tr("AMI id");
    case ScheduledStart: return tr("Scheduled start");
    case Completed: return tr("Completed");
    }
    return {};
}

void ReplicationRunsModel::setRuns(std::vector<api::ReplicationRun> runs)
{
    std::vector<ReplicationRunRow> rows;
    rows.reserve(runs.size());
    for (api::ReplicationRun &run : runs) {
        if (run.replicationRunId)
            rows.push_back({*run.replicationRunId, std::move(run)});
    }
    setRows(std::move(rows));
}

} // namespace sms::models
