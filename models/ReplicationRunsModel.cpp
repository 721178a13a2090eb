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
    : QAbstractTableModel(parent)
{
}

int ReplicationRunsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
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
    const api::ReplicationRun &run = m_rows[std::size_t(index.row())];
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
    // Where each id sits in the new list; a repeated id keeps its first.
    QHash<QString, std::size_t> incoming;
    incoming.reserve(qsizetype(runs.size()));
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].replicationRunId && !incoming.contains(idOf(runs[i])))
            incoming.insert(idOf(runs[i]), i);
    }

    removeGone(incoming);
    std::vector<bool> placed(runs.size(), false);
    updateKept(runs, incoming, placed);

    // New ids, in the order the endpoint listed them, in one insertion.
    std::vector<std::size_t> added;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (!placed[i] && runs[i].replicationRunId && incoming.value(idOf(runs[i])) == i)
            added.push_back(i);
    }
    if (added.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(added.size()) - 1);
    m_rows.reserve(m_rows.size() + added.size());
    for (std::size_t i : added)
        m_rows.push_back(std::move(runs[i]));
    reindex();
    endInsertRows();
}

void ReplicationRunsModel::updateKept(std::vector<api::ReplicationRun> &incoming,
                                      const QHash<QString, std::size_t> &rowOfId, std::vector<bool> &placed)
{
    std::vector<int> changed;
    for (int row = 0; row < int(m_rows.size()); ++row) {
        const std::size_t from = rowOfId.value(idOf(m_rows[std::size_t(row)]));
        placed[from] = true;
        if (m_rows[std::size_t(row)] == incoming[from])
            continue;
        m_rows[std::size_t(row)] = std::move(incoming[from]);
        changed.push_back(row);
    }
    if (changed.empty())
        return;
    // While runs progress most rows change on every pass: then one range is
    // cheaper for the view than many small ones, and repaints the same rows.
    if (changed.size() * 2 > m_rows.size()) {
        Q_EMIT dataChanged(index(changed.front(), 0), index(changed.back(), ColumnCount - 1));
        return;
    }
    // Otherwise one signal per run of adjacent changed rows.
    std::size_t start = 0;
    for (std::size_t i = 1; i <= changed.size(); ++i) {
        if (i < changed.size() && changed[i] == changed[i - 1] + 1)
            continue;
        Q_EMIT dataChanged(index(changed[start], 0), index(changed[i - 1], ColumnCount - 1));
        start = i;
    }
}

void ReplicationRunsModel::removeGone(const QHash<QString, std::size_t> &incoming)
{
    // Bottom up, one removal per run of gone rows, so the rows above keep their numbers.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(idOf(m_rows[std::size_t(row)])))
            continue;
        const int last = row;
        while (row > 0 && !incoming.contains(idOf(m_rows[std::size_t(row - 1)])))
            --row;
        beginRemoveRows({}, row, last);
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + last + 1);
        reindex();
        endRemoveRows();
    }
}

void ReplicationRunsModel::reindex()
{
    m_rowOf.clear();
    for (int row = 0; row < int(m_rows.size()); ++row)
        m_rowOf.insert(idOf(m_rows[std::size_t(row)]), row);
}

} // namespace sms::models
