#include "models/ApplicationsTreeModel.h"

#include "models/LiveStatusText.h"
#include "models/PlanMimeTypes.h"

#include <QColor>
#include <QFont>

#include <algorithm>
#include <set>

namespace sms::models {

ApplicationsTreeModel::ApplicationsTreeModel(PlanEditor &editor, QObject *parent)
    : QAbstractItemModel(parent)
    , m_editor(editor)
{
    connectDocument();
}

void ApplicationsTreeModel::connectDocument()
{
    const PlanDocument *doc = &document();
    connect(doc, &PlanDocument::aboutToReset, this, &ApplicationsTreeModel::beginResetModel);
    connect(doc, &PlanDocument::resetDone, this, &ApplicationsTreeModel::endResetModel);
    connect(doc, &PlanDocument::applicationAboutToBeInserted, this, [this](int row) { beginInsertRows({}, row, row); });
    connect(doc, &PlanDocument::applicationInserted, this, &ApplicationsTreeModel::endInsertRows);
    connect(doc, &PlanDocument::applicationAboutToBeRemoved, this, [this](int row) { beginRemoveRows({}, row, row); });
    connect(doc, &PlanDocument::applicationRemoved, this, &ApplicationsTreeModel::endRemoveRows);
    connect(doc, &PlanDocument::applicationChanged, this,
            [this](int row) { Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1)); });
    connect(doc, &PlanDocument::groupAboutToBeInserted, this,
            [this](int app, int row) { beginInsertRows(index(app, 0), row, row); });
    connect(doc, &PlanDocument::groupInserted, this, &ApplicationsTreeModel::endInsertRows);
    connect(doc, &PlanDocument::groupAboutToBeRemoved, this,
            [this](int app, int row) { beginRemoveRows(index(app, 0), row, row); });
    connect(doc, &PlanDocument::groupRemoved, this, &ApplicationsTreeModel::endRemoveRows);
    connect(doc, &PlanDocument::groupChanged, this, [this](int app, int row) {
        Q_EMIT dataChanged(groupIndexAt(app, row), groupIndexAt(app, row, ColumnCount - 1));
    });
    connect(doc, &PlanDocument::serversAboutToBeInserted, this,
            [this](int app, int group, int first, int last) { beginInsertRows(groupIndexAt(app, group), first, last); });
    connect(doc, &PlanDocument::serversInserted, this, &ApplicationsTreeModel::endInsertRows);
    connect(doc, &PlanDocument::serversAboutToBeRemoved, this,
            [this](int app, int group, int first, int last) { beginRemoveRows(groupIndexAt(app, group), first, last); });
    connect(doc, &PlanDocument::serversRemoved, this, &ApplicationsTreeModel::endRemoveRows);
    // Server rows show catalog names: a catalog read anew renames them, and
    // each page that arrives (or an import, or its undo) brings names back. One range per group; no
    // layout change, so views keep their expanded rows and selection.
    const auto renameServers = [this] {
        const auto &apps = document().applications();
        for (int a = 0; a < int(apps.size()); ++a) {
            for (int g = 0; g < int(apps[std::size_t(a)].serverGroups.size()); ++g) {
                const int servers = int(apps[std::size_t(a)].serverGroups[std::size_t(g)].serverIds.size());
                if (servers > 0) {
                    const QModelIndex group = groupIndexAt(a, g);
                    Q_EMIT dataChanged(index(0, Name, group), index(servers - 1, ColumnCount - 1, group));
                }
            }
        }
    };
    connect(doc, &PlanDocument::catalogCleared, this, renameServers);
    connect(doc, &PlanDocument::serversAppended, this, renameServers);
    connect(doc, &PlanDocument::serversChanged, this, renameServers);
    connect(doc, &PlanDocument::catalogRowsRemoved, this, renameServers);
}

ApplicationsTreeModel::Kind ApplicationsTreeModel::kindOf(const QModelIndex &index)
{
    return Kind(index.data(KindRole).toInt());
}

QModelIndex ApplicationsTreeModel::groupIndexAt(int app, int group, int column) const
{
    return createIndex(group, column, quintptr(document().application(app).key));
}

QModelIndex ApplicationsTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, quintptr(0));
    const QModelIndex parent0 = parent.siblingAtColumn(0);
    if (parent.internalId() == 0)
        return createIndex(row, column, quintptr(document().application(parent.row()).key));
    const PlanPosition position = document().positionOf(PlanKey(parent0.internalId()));
    return createIndex(row, column, quintptr(document().group(position.application, parent.row()).key));
}

QModelIndex ApplicationsTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const PlanPosition position = document().positionOf(PlanKey(child.internalId()));
    if (!position.isValid())
        return {};
    if (!position.isGroup())
        return createIndex(position.application, 0, quintptr(0));
    return groupIndexAt(position.application, position.group);
}

int ApplicationsTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(document().applications().size());
    if (parent.column() != 0)
        return 0;
    switch (kindOf(parent)) {
    case Kind::Application:
        return int(document().application(parent.row()).serverGroups.size());
    case Kind::Group: {
        const PlanPosition app = document().positionOf(PlanKey(parent.internalId()));
        return int(document().group(app.application, parent.row()).serverIds.size());
    }
    case Kind::Server:
        break;
    }
    return 0;
}

int ApplicationsTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString ApplicationsTreeModel::serverName(const std::string &serverId) const
{
    const int row = document().catalogRow(serverId);
    if (row >= 0) {
        const api::Server &server = document().catalog().servers[std::size_t(row)];
        if (server.vmServer && server.vmServer->vmName && !server.vmServer->vmName->empty())
            return QString::fromStdString(*server.vmServer->vmName);
    }
    return QString::fromStdString(serverId);
}

QVariant ApplicationsTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool liveColumn = index.column() == Replication || index.column() == Launch;
    if (liveColumn && (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == Qt::DecorationRole))
        return liveData(index, role);
    const PlanDocument &doc = document();
    if (index.internalId() == 0) {
        const PlanApplication &app = doc.application(index.row());
        int servers = 0;
        for (const PlanServerGroup &group : app.serverGroups)
            servers += int(group.serverIds.size());
        switch (role) {
        case KindRole: return int(Kind::Application);
        case KeyRole: return quint64(app.key);
        case Qt::DisplayRole:
        case Qt::EditRole:
            if (index.column() == Name)
                return QString::fromStdString(app.name);
            if (index.column() == Servers && role == Qt::DisplayRole)
                return tr("%n server(s) in %1", nullptr, servers).arg(tr("%n group(s)", nullptr, int(app.serverGroups.size())));
            if (index.column() == Id && role == Qt::DisplayRole)
                return app.appId.empty() ? tr("not on the endpoint yet") : QString::fromStdString(app.appId);
            return {};
        case Qt::FontRole:
            if (index.column() == Name) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::ToolTipRole:
            return app.description.empty() ? QVariant() : QString::fromStdString(app.description);
        default:
            return {};
        }
    }
    const PlanPosition position = doc.positionOf(PlanKey(index.internalId()));
    if (!position.isValid())
        return {};
    if (!position.isGroup()) {
        const PlanServerGroup &group = doc.group(position.application, index.row());
        switch (role) {
        case KindRole: return int(Kind::Group);
        case KeyRole: return quint64(group.key);
        case Qt::DisplayRole:
        case Qt::EditRole:
            if (index.column() == Name)
                return QString::fromStdString(group.name);
            if (index.column() == Servers && role == Qt::DisplayRole)
                return tr("%n server(s)", nullptr, int(group.serverIds.size()));
            if (index.column() == Id && role == Qt::DisplayRole)
                return QString::fromStdString(group.serverGroupId);
            return {};
        default:
            return {};
        }
    }
    const PlanServerGroup &group = doc.group(position.application, position.group);
    const std::string &serverId = group.serverIds[std::size_t(index.row())];
    switch (role) {
    case KindRole: return int(Kind::Server);
    case KeyRole: return quint64(group.key);
    case ServerIdRole: return QString::fromStdString(serverId);
    case Qt::DisplayRole:
        if (index.column() == Name)
            return serverName(serverId);
        if (index.column() == Id)
            return QString::fromStdString(serverId);
        return {};
    case Qt::ToolTipRole:
        return doc.catalogRow(serverId) < 0 ? tr("This server is not in the catalog that was read last.") : QVariant();
    case Qt::ForegroundRole:
        return doc.catalogRow(serverId) < 0 ? QVariant(QColor(Qt::darkRed)) : QVariant();
    default:
        return {};
    }
}

bool ApplicationsTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Name)
        return false;
    const std::string name = value.toString().trimmed().toStdString();
    if (name.empty())
        return false;  // a name is required; the old one stays
    const PlanKey key = PlanKey(index.data(KeyRole).toULongLong());
    switch (kindOf(index)) {
    case Kind::Application: m_editor.renameApplication(key, name); return true;
    case Kind::Group: m_editor.renameGroup(key, name); return true;
    case Kind::Server: break;
    }
    return false;
}

QVariant ApplicationsTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Name");
    case Servers: return tr("Servers");
    case Replication: return tr("Replication");
    case Launch: return tr("Launch");
    case Id: return tr("Endpoint id / server id");
    }
    return {};
}

Qt::ItemFlags ApplicationsTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index) | Qt::ItemIsDropEnabled;
    if (!index.isValid())
        return flags;
    switch (kindOf(index)) {
    case Kind::Application:
        return index.column() == Name ? flags | Qt::ItemIsEditable : flags;
    case Kind::Group:
        flags |= Qt::ItemIsDragEnabled;
        return index.column() == Name ? flags | Qt::ItemIsEditable : flags;
    case Kind::Server:
        return flags | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
    }
    return flags;
}

QStringList ApplicationsTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(kServerIdsMimeType), QString::fromLatin1(kGroupKeysMimeType)};
}

std::vector<PlanKey> ApplicationsTreeModel::selectedKeys(const QModelIndexList &indexes) const
{
    std::vector<PlanKey> keys;
    std::set<PlanKey> seen;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || kindOf(index) == Kind::Server)
            continue;
        const PlanKey key = PlanKey(index.data(KeyRole).toULongLong());
        if (seen.insert(key).second)
            keys.push_back(key);
    }
    return keys;
}

std::vector<std::string> ApplicationsTreeModel::selectedServerIds(const QModelIndexList &indexes) const
{
    std::vector<std::string> ids;
    std::set<std::string> seen;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || kindOf(index) != Kind::Server)
            continue;
        std::string id = index.data(ServerIdRole).toString().toStdString();
        if (seen.insert(id).second)
            ids.push_back(std::move(id));
    }
    return ids;
}

QMimeData *ApplicationsTreeModel::mimeData(const QModelIndexList &indexes) const
{
    std::vector<PlanKey> groups;
    for (PlanKey key : selectedKeys(indexes)) {
        if (document().positionOf(key).isGroup())
            groups.push_back(key);
    }
    const std::vector<std::string> servers = selectedServerIds(indexes);
    if (!groups.empty()) {
        // Dragging groups moves them whole; servers picked alongside go with their own group.
        return groupKeysMimeData(groups).release();
    }
    return servers.empty() ? nullptr : serverIdsMimeData(servers).release();
}

bool ApplicationsTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                            const QModelIndex &) const
{
    if (!data || (action != Qt::MoveAction && action != Qt::CopyAction))
        return false;
    return data->hasFormat(QString::fromLatin1(kServerIdsMimeType))
        || data->hasFormat(QString::fromLatin1(kGroupKeysMimeType));
}

bool ApplicationsTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                         const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QModelIndex target = parent.siblingAtColumn(0);
    const Kind kind = target.isValid() ? kindOf(target) : Kind::Application;

    if (const std::vector<PlanKey> groups = groupKeysFrom(*data); !groups.empty()) {
        if (!target.isValid()) {
            m_editor.newApplicationFromGroups(groups);
        } else if (kind == Kind::Application) {
            m_editor.moveGroups(groups, PlanKey(target.data(KeyRole).toULongLong()), row);
        } else {
            // Onto a group or a server: beside that group, in its application.
            const QModelIndex group = kind == Kind::Group ? target : target.parent();
            m_editor.moveGroups(groups, PlanKey(group.parent().data(KeyRole).toULongLong()), group.row() + 1);
        }
        return true;
    }

    std::vector<std::string> servers = serverIdsFrom(*data);
    if (servers.empty())
        return false;
    if (!target.isValid()) {
        m_editor.newApplicationFromServers(std::move(servers));
    } else if (kind == Kind::Application) {
        m_editor.newGroupFromServers(std::move(servers), PlanKey(target.data(KeyRole).toULongLong()));
    } else if (kind == Kind::Group) {
        m_editor.addServersToGroup(std::move(servers), PlanKey(target.data(KeyRole).toULongLong()), row);
    } else {
        m_editor.addServersToGroup(std::move(servers), PlanKey(target.data(KeyRole).toULongLong()), target.row() + 1);
    }
    // The edit is done; the source view must not remove rows on its own.
    return true;
}

Qt::DropActions ApplicationsTreeModel::supportedDropActions() const
{
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions ApplicationsTreeModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

QModelIndex ApplicationsTreeModel::applicationIndex(PlanKey key) const
{
    const PlanPosition position = document().positionOf(key);
    return position.isValid() && !position.isGroup() ? index(position.application, 0) : QModelIndex();
}

QModelIndex ApplicationsTreeModel::groupIndex(PlanKey key) const
{
    const PlanPosition position = document().positionOf(key);
    return position.isGroup() ? groupIndexAt(position.application, position.group) : QModelIndex();
}

void ApplicationsTreeModel::setLiveStatus(const LiveStatus *status)
{
    m_live = status;
    emitAllLiveChanged();
}

QVariant ApplicationsTreeModel::liveData(const QModelIndex &index, int role) const
{
    if (!m_live)
        return {};
    StatusCell cell;
    if (index.internalId() == 0) {
        const std::string &appId = document().application(index.row()).appId;
        const auto it = appId.empty() ? m_live->applications.end() : m_live->applications.find(appId);
        if (it == m_live->applications.end())
            return {};
        cell = index.column() == Replication ? applicationReplicationCell(it->second) : applicationLaunchCell(it->second);
    } else if (kindOf(index) == Kind::Server && index.column() == Replication) {
        const auto it = m_live->servers.find(index.data(ServerIdRole).toString().toStdString());
        if (it == m_live->servers.end())
            return {};
        cell = serverReplicationCell(it->second);
    } else {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole: return cell.text;
    case Qt::ToolTipRole: return cell.toolTip.isEmpty() ? QVariant() : cell.toolTip;
    case Qt::DecorationRole: return toneSwatch(cell);
    }
    return {};
}

void ApplicationsTreeModel::liveStatusChanged(const std::vector<std::string> &appIds,
                                              const std::vector<std::string> &serverIds)
{
    if (appIds.size() + serverIds.size() > kLiveRowsOneByOne)
        return emitAllLiveChanged();
    if (!appIds.empty()) {
        const std::set<std::string_view> changed(appIds.begin(), appIds.end());
        for (int a = 0; a < rowCount(); ++a)
            if (changed.count(document().application(a).appId))
                Q_EMIT dataChanged(index(a, Replication), index(a, Launch));
    }
    for (const std::string &serverId : serverIds)
        if (const QModelIndex row = serverIndex(serverId); row.isValid())
            Q_EMIT dataChanged(row.siblingAtColumn(Replication), row.siblingAtColumn(Replication));
}

void ApplicationsTreeModel::emitAllLiveChanged()
{
    const int apps = rowCount();
    if (apps == 0)
        return;
    Q_EMIT dataChanged(index(0, Replication), index(apps - 1, Launch));
    for (int a = 0; a < apps; ++a) {
        const QModelIndex app = index(a, 0);
        for (int g = 0; g < rowCount(app); ++g) {
            const QModelIndex group = index(g, 0, app);
            if (const int servers = rowCount(group); servers > 0)
                Q_EMIT dataChanged(index(0, Replication, group), index(servers - 1, Replication, group));
        }
    }
}

QModelIndex ApplicationsTreeModel::serverIndex(std::string_view serverId) const
{
    const PlanPosition position = document().positionOf(document().placementOf(serverId).group);
    if (!position.isGroup())
        return {};
    const auto &ids = document().group(position.application, position.group).serverIds;
    const auto it = std::find(ids.begin(), ids.end(), serverId);
    return it == ids.end() ? QModelIndex() : index(int(it - ids.begin()), 0, groupIndexAt(position.application, position.group));
}

} // namespace sms::models
