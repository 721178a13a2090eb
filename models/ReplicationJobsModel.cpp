#include "models/ReplicationJobsModel.h"

#include "api/QtText.h"
#include "models/EpochText.h"
#include "models/ReplicationWords.h"

namespace sms::models {

using api::toQString;

ReplicationJobsModel::ReplicationJobsModel(QObject *parent)
    : KeyedTableModel(parent)
{
}

int ReplicationJobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ReplicationJobsModel::rowOfServer(const std::string &serverId) const
{
    // A scan: asked when the user picks a server, not per pass.
    const auto &all = rows();
    for (std::size_t r = 0; r < all.size(); ++r)
        if (all[r].serverId == serverId)
            return int(r);
    return -1;
}

std::vector<int> ReplicationJobsModel::rowsOfApplication(const std::string &appId) const
{
    std::vector<int> found;
    const auto &all = rows();
    for (std::size_t r = 0; r < all.size(); ++r)
        if (all[r].appId == appId)
            found.push_back(int(r));
    return found;
}

Tone ReplicationJobsModel::toneOf(const ReplicationJobRow &row)
{
    Tone tone = jobStateTone(row.state);
    // An active job is good once it has made an AMI; before that nothing is replicated yet.
    if (tone == Tone::Good && row.latestAmiId.empty() && row.state == api::ReplicationJobState::Active)
        tone = Tone::Neutral;
    if (!row.runId.empty())
        tone = worseTone(tone, Tone::Busy);
    if (row.stalled || row.overdue)
        tone = worseTone(tone, Tone::Warning);
    return tone;
}

QString ReplicationJobsModel::text(const ReplicationJobRow &row, int column) const
{
    switch (column) {
    case Server: return toQString(row.vmName.empty() ? row.serverId : row.vmName);
    case ServerId: return toQString(row.serverId);
    case Application: return toQString(row.appName.empty() ? row.appId : row.appName);
    case Group: return toQString(row.groupName);
    case JobState: return jobStateText(row.state);
    case CurrentRun: {
        if (row.runId.empty())
            return {};
        const QString run = runProgressText(row.stage, row.stagePercent);
        return row.stalled ? stalledText(run) : run;
    }
    case Eta: return localDateTimeText(row.eta);
    case LatestAmi: return toQString(row.latestAmiId);
    case NextRun: return localDateTimeText(row.nextRun);
    case LastCompleted: {
        const QString when = localDateTimeText(row.lastCompleted);
        if (!row.overdue)
            return when;
        return when.isEmpty() ? tr("None (overdue)") : tr("%1 (overdue)").arg(when);
    }
    case Message: return toQString(row.message);
    }
    return {};
}

QVariant ReplicationJobsModel::raw(const ReplicationJobRow &row, int column) const
{
    switch (column) {
    case JobState: return toQString(row.state);
    case CurrentRun: return row.stagePercent ? QVariant(*row.stagePercent) : QVariant();
    case Eta: return localDateTime(row.eta);
    case NextRun: return localDateTime(row.nextRun);
    case LastCompleted: return localDateTime(row.lastCompleted);
    default: return text(row, column);
    }
}

QString ReplicationJobsModel::toolTip(const ReplicationJobRow &row, int column) const
{
    switch (column) {
    case CurrentRun:
        if (row.stalled)
            return tr("Run %1 has made no progress for several passes.").arg(toQString(row.runId));
        return row.runId.empty() ? QString() : tr("Run %1").arg(toQString(row.runId));
    case Eta:
        return row.eta ? tr("Estimated from the run's progress so far: %1")
                             .arg(localDateTimeText(row.eta, QLocale::LongFormat))
                       : QString();
    case LastCompleted:
        return row.overdue ? tr("No run has completed within twice the job's frequency.") : QString();
    case Message: return toQString(row.message);
    default: return {};
    }
}

QVariant ReplicationJobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ReplicationJobRow &r = row(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole: return text(r, column);
    case Qt::ToolTipRole: {
        const QString tip = toolTip(r, column);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    case RawRole: return raw(r, column);
    case JobIdRole: return toQString(r.jobId);
    case ServerIdRole: return toQString(r.serverId);
    case AppIdRole: return toQString(r.appId);
    case ToneRole: return int(toneOf(r));
    case StalledRole: return r.stalled;
    case OverdueRole: return r.overdue;
    default: return {};
    }
}

QVariant ReplicationJobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Server: return tr("Server");
    case ServerId: return tr("Server id");
    case Application: return tr("Application");
    case Group: return tr("Group");
    case JobState: return tr("Job state");
    case CurrentRun: return tr("Current run");
    case Eta: return tr("ETA");
    case LatestAmi: return tr("Latest AMI");
    case NextRun: return tr("Next run");
    case LastCompleted: return tr("Last completed");
    case Message: return tr("Message");
    }
    return {};
}

} // namespace sms::models
