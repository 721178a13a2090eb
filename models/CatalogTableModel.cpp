#include "models/CatalogTableModel.h"

#include "api/QtText.h"
#include "models/PlanMimeTypes.h"
#include "models/ReplicationWords.h"

#include <QBrush>
#include <QPalette>

#include <set>

namespace sms::models {
namespace {

using api::toQString;

} // namespace

CatalogTableModel::CatalogTableModel(PlanDocument &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
{
    connect(&document, &PlanDocument::aboutToReset, this, &CatalogTableModel::beginResetModel);
    connect(&document, &PlanDocument::resetDone, this, &CatalogTableModel::endResetModel);
    connect(&document, &PlanDocument::catalogAboutToBeCleared, this, &CatalogTableModel::beginResetModel);
    connect(&document, &PlanDocument::catalogCleared, this, &CatalogTableModel::endResetModel);
    connect(&document, &PlanDocument::serversAboutToBeAppended, this,
            [this](int first, int last) { beginInsertRows({}, first, last); });
    connect(&document, &PlanDocument::serversAppended, this, &CatalogTableModel::endInsertRows);
    connect(&document, &PlanDocument::catalogRowsAboutToBeRemoved, this,
            [this](int first, int last) { beginRemoveRows({}, first, last); });
    connect(&document, &PlanDocument::catalogRowsRemoved, this, &CatalogTableModel::endRemoveRows);
    connect(&document, &PlanDocument::serversChanged, this, [this](int first, int last) {
        Q_EMIT dataChanged(index(first, 0), index(last, ColumnCount - 1));
    });
    connect(&document, &PlanDocument::placementsChanged, this, [this](int first, int last) {
        Q_EMIT dataChanged(index(first, Application), index(last, Application));
    });
    connect(&document, &PlanDocument::replicationJobsChanged, this, &CatalogTableModel::emitAllJobStatesChanged);
    // A renamed application renames its cells; which rows is not worth working out.
    connect(&document, &PlanDocument::applicationChanged, this, [this] {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0, Application), index(rowCount() - 1, Application), {Qt::DisplayRole});
    });
}

int CatalogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_document.catalog().servers.size());
}

int CatalogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

StatusCell CatalogTableModel::jobStateCell(const api::Server &server) const
{
    if (!server.replicationJobId)
        return {};
    if (server.replicationJobTerminated.value_or(false))
        return {tr("Terminated"), Tone::Neutral, {}};
    if (m_live && server.serverId) {
        const auto it = m_live->servers.find(*server.serverId);
        if (it != m_live->servers.end() && it->second.replicationJobId == *server.replicationJobId)
            return serverReplicationCell(it->second);
    }
    const ReplicationJobSummary *job = m_document.replicationJob(*server.replicationJobId);
    if (!job)
        return {};
    return {jobStateText(job->state), jobStateTone(job->state), QString::fromStdString(job->statusMessage)};
}

void CatalogTableModel::setLiveStatus(const LiveStatus *status)
{
    m_live = status;
    emitAllJobStatesChanged();
}

void CatalogTableModel::liveStatusChanged(const std::vector<std::string> &serverIds)
{
    if (serverIds.size() > kLiveRowsOneByOne)
        return emitAllJobStatesChanged();
    for (const std::string &serverId : serverIds)
        if (const int row = m_document.catalogRow(serverId); row >= 0)
            Q_EMIT dataChanged(index(row, JobState), index(row, JobState));
}

void CatalogTableModel::emitAllJobStatesChanged()
{
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, JobState), index(rowCount() - 1, JobState));
}

QString CatalogTableModel::applicationText(const PlanDocument &document, const api::Server &server)
{
    if (!server.serverId)
        return {};
    const Placement placement = document.placementOf(*server.serverId);
    if (!placement.isPlanned())
        return {};
    const PlanPosition position = document.positionOf(placement.application);
    return position.isValid() ? QString::fromStdString(document.application(position.application).name) : QString();
}

QString CatalogTableModel::text(const api::Server &server, int column) const
{
    const auto &vm = server.vmServer;
    switch (column) {
    case VmName: return vm ? toQString(vm->vmName) : QString();
    case Manager: return vm ? toQString(vm->vmManagerName) : QString();
    case ManagerType: return vm ? toQString(vm->vmManagerType) : QString();
    case Path: return vm ? toQString(vm->vmPath) : QString();
    case ServerId: return toQString(server.serverId);
    case ReplicationJob: return toQString(server.replicationJobId);
    case JobState: return jobStateCell(server).text;
    case Application: return applicationText(m_document, server);
    }
    return {};
}

QVariant CatalogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Server &server = m_document.catalog().servers[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return text(server, index.column());
    case Qt::ToolTipRole:
        if (index.column() == JobState) {
            const StatusCell cell = jobStateCell(server);
            return cell.toolTip.isEmpty() ? cell.text : cell.toolTip;
        }
        return text(server, index.column());
    case Qt::DecorationRole:
        return index.column() == JobState ? toneSwatch(jobStateCell(server)) : QVariant();
    case ServerIdRole:
        return toQString(server.serverId);
    case PlacementRole:
        return server.serverId ? quint64(m_document.placementOf(*server.serverId).application) : quint64(0);
    case Qt::ForegroundRole:
        // A terminated job is history, not state: shown muted.
        if (index.column() == JobState && server.replicationJobTerminated.value_or(false))
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    default:
        return {};
    }
}

QVariant CatalogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case VmName: return tr("VM name");
    case Manager: return tr("Manager");
    case ManagerType: return tr("Manager type");
    case Path: return tr("Path");
    case ServerId: return tr("Server id");
    case ReplicationJob: return tr("Replication job");
    case JobState: return tr("Job state");
    case Application: return tr("Application");
    }
    return {};
}

Qt::ItemFlags CatalogTableModel::flags(const QModelIndex &index) const
{
    const Qt::ItemFlags base = QAbstractTableModel::flags(index);
    return index.isValid() ? base | Qt::ItemIsDragEnabled : base;
}

QStringList CatalogTableModel::mimeTypes() const
{
    return {QString::fromLatin1(kServerIdsMimeType)};
}

std::vector<std::string> CatalogTableModel::serverIds(const QModelIndexList &indexes) const
{
    std::set<int> rows;
    for (const QModelIndex &index : indexes) {
        if (index.isValid() && index.model() == this)
            rows.insert(index.row());
    }
    std::vector<std::string> ids;
    ids.reserve(rows.size());
    const auto &servers = m_document.catalog().servers;
    for (int row : rows) {
        if (servers[std::size_t(row)].serverId)
            ids.push_back(*servers[std::size_t(row)].serverId);
    }
    return ids;
}

QMimeData *CatalogTableModel::mimeData(const QModelIndexList &indexes) const
{
    const std::vector<std::string> ids = serverIds(indexes);
    return ids.empty() ? nullptr : serverIdsMimeData(ids).release();
}

Qt::DropActions CatalogTableModel::supportedDragActions() const
{
    // Copy: the catalog keeps its rows; the plan decides where servers go.
    return Qt::CopyAction;
}

} // namespace sms::models
