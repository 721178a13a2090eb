#include "ui/wizard/GroupArrangement.h"

#include "api/QtText.h"
#include "models/ApplicationCommands.h"
#include "models/PlanMimeTypes.h"
#include "ui/settings/RangeSpinBox.h"

#include <QDrag>
#include <QDropEvent>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QSpinBox>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace sms::ui {
namespace {

constexpr int kServerIdRole = Qt::UserRole;    // a server row's id
constexpr int kGroupNameRole = Qt::UserRole + 1;  // a group row's committed name
// A group row's launch order. The spin box edits it; the item keeps it, so
// that the arrangement reads right even while a view is releasing its
// widgets (a row being removed has lost its spin box before it is gone).
constexpr int kLaunchOrderRole = Qt::UserRole + 2;

std::string serverIdOf(const QTreeWidgetItem *item)
{
    return item->data(GroupArrangement::NameColumn, kServerIdRole).toString().toStdString();
}

} // namespace

GroupArrangement::GroupArrangement(const models::PlanDocument &document, QWidget *parent)
    : QTreeWidget(parent)
    , m_document(document)
{
    setColumnCount(ColumnCount);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setUniformRowHeights(true);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setDropIndicatorShown(true);
    // Servers drop into groups only: never between groups or beside them.
    invisibleRootItem()->setFlags(Qt::ItemIsEnabled);
    header()->setStretchLastSection(true);
    connect(this, &QTreeWidget::itemChanged, this, &GroupArrangement::onItemChanged);
    retranslate();
}

void GroupArrangement::retranslate()
{
    setHeaderLabels({tr("Group / server"), tr("Launch order"), tr("Server ID"), tr("Path")});
    // Widths for what the columns hold: names, a spin box under its header,
    // ids as SMS makes them ("s-" and 17 hex digits).
    const QFontMetrics metrics = fontMetrics();
    const int em = metrics.horizontalAdvance(QLatin1Char('M'));
    const int headerText = header()->fontMetrics().horizontalAdvance(headerItem()->text(LaunchOrderColumn));
    header()->resizeSection(NameColumn, 18 * em);
    header()->resizeSection(LaunchOrderColumn, std::max(headerText + 2 * em, 7 * em));
    header()->resizeSection(IdColumn, metrics.horizontalAdvance(QStringLiteral("s-0123456789abcdef0")) + 2 * em);
    setAccessibleName(tr("Server groups"));
    refreshGroups();
}

QTreeWidgetItem *GroupArrangement::newGroupItem(const QString &name, int launchOrder)
{
    const QSignalBlocker quiet(this);
    auto *item = new QTreeWidgetItem(this);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable | Qt::ItemIsDropEnabled);
    item->setText(NameColumn, name);
    item->setData(NameColumn, kGroupNameRole, name);
    QFont bold = font();
    bold.setBold(true);
    item->setFont(NameColumn, bold);
    item->setData(LaunchOrderColumn, kLaunchOrderRole, launchOrder);
    auto *order = new RangeSpinBox;
    order->setRange(1, std::max(launchOrder, groupCount()));
    order->setValue(launchOrder);
    order->setToolTip(tr("Groups with a lower number launch first; groups with the same number launch together."));
    setItemWidget(item, LaunchOrderColumn, order);
    const QPersistentModelIndex index = indexFromItem(item, LaunchOrderColumn);
    connect(order, &QSpinBox::valueChanged, this, [this, index](int value) {
        if (!index.isValid())
            return;
        {
            const QSignalBlocker quiet(this);
            itemFromIndex(index)->setData(LaunchOrderColumn, kLaunchOrderRole, value);
        }
        Q_EMIT arrangementChanged();
    });
    item->setExpanded(true);
    return item;
}

QTreeWidgetItem *GroupArrangement::newServerItem(const std::string &serverId) const
{
    auto *item = new QTreeWidgetItem;
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren);
    item->setData(NameColumn, kServerIdRole, api::toQString(serverId));
    item->setText(NameColumn, api::toQString(serverId));
    item->setText(IdColumn, api::toQString(serverId));
    if (const int row = m_document.catalogRow(serverId); row >= 0) {
        if (const auto &vm = m_document.catalog().servers[std::size_t(row)].vmServer) {
            if (vm->vmName && !vm->vmName->empty())
                item->setText(NameColumn, api::toQString(vm->vmName));
            item->setText(PathColumn, api::toQString(vm->vmPath));
        }
    }
    return item;
}

void GroupArrangement::refreshGroups()
{
    const QSignalBlocker quiet(this);
    for (int row = 0; row < groupCount(); ++row) {
        QTreeWidgetItem *group = topLevelItem(row);
        group->setText(IdColumn, tr("%n server(s)", nullptr, group->childCount()));
        if (QSpinBox *order = launchOrderBox(row)) {
            order->setMaximum(groupCount());  // clamping updates the item through valueChanged
            order->setAccessibleName(tr("Launch order of %1").arg(group->text(NameColumn)));
        }
    }
}

QSpinBox *GroupArrangement::launchOrderBox(int groupRow) const
{
    return qobject_cast<QSpinBox *>(itemWidget(topLevelItem(groupRow), LaunchOrderColumn));
}

std::vector<models::PlanServerGroup> GroupArrangement::groups() const
{
    std::vector<models::PlanServerGroup> groups;
    for (int row = 0; row < groupCount(); ++row) {
        const QTreeWidgetItem *item = topLevelItem(row);
        models::PlanServerGroup group;
        group.name = item->data(NameColumn, kGroupNameRole).toString().toStdString();
        group.launchOrder = item->data(LaunchOrderColumn, kLaunchOrderRole).toInt();
        for (int child = 0; child < item->childCount(); ++child)
            group.serverIds.push_back(serverIdOf(item->child(child)));
        groups.push_back(std::move(group));
    }
    return groups;
}

void GroupArrangement::setGroups(const std::vector<models::PlanServerGroup> &groups)
{
    clear();
    for (const models::PlanServerGroup &group : groups) {
        QTreeWidgetItem *item = newGroupItem(api::toQString(group.name), group.launchOrder.value_or(groupCount() + 1));
        for (const std::string &id : group.serverIds)
            item->addChild(newServerItem(id));
    }
    refreshGroups();
    Q_EMIT arrangementChanged();
}

QString GroupArrangement::syncServers(const std::vector<std::string> &serverIds)
{
    const std::unordered_set<std::string> wanted(serverIds.begin(), serverIds.end());
    std::unordered_set<std::string> arranged;
    for (int row = 0; row < groupCount(); ++row) {
        QTreeWidgetItem *group = topLevelItem(row);
        for (int child = group->childCount() - 1; child >= 0; --child) {
            const std::string id = serverIdOf(group->child(child));
            if (wanted.contains(id))
                arranged.insert(id);
            else
                delete group->takeChild(child);
        }
    }
    std::vector<std::string> fresh;
    std::copy_if(serverIds.begin(), serverIds.end(), std::back_inserter(fresh),
                 [&](const std::string &id) { return !arranged.contains(id); });
    QString freshGroup;
    if (!fresh.empty()) {
        QTreeWidgetItem *group = topLevelItem(addGroup());
        freshGroup = group->text(NameColumn);
        for (const std::string &id : fresh)
            group->addChild(newServerItem(id));
    }
    refreshGroups();
    Q_EMIT arrangementChanged();
    return freshGroup;
}

int GroupArrangement::addGroup(const QString &name)
{
    QString groupName = name;
    if (groupName.isEmpty()) {
        models::PlanApplication named;  // what unusedGroupName looks at: the names in use
        named.serverGroups = groups();
        groupName = api::toQString(models::unusedGroupName(named));
    }
    newGroupItem(groupName, groupCount() + 1);
    refreshGroups();
    Q_EMIT arrangementChanged();
    return groupCount() - 1;
}

QString GroupArrangement::removeGroups(std::vector<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::erase_if(rows, [this](int row) { return row < 0 || row >= groupCount(); });
    if (rows.empty())
        return {};
    std::vector<QTreeWidgetItem *> orphans;
    for (int row : rows) {
        QTreeWidgetItem *group = topLevelItem(row);
        for (QTreeWidgetItem *server : group->takeChildren())
            orphans.push_back(server);
    }
    for (auto row = rows.rbegin(); row != rows.rend(); ++row)
        delete takeTopLevelItem(*row);
    QString home;
    if (!orphans.empty()) {
        QTreeWidgetItem *target = topLevelItem(groupCount() > 0 ? 0 : addGroup());
        for (QTreeWidgetItem *server : orphans)
            target->addChild(server);
        home = target->text(NameColumn);
    }
    refreshGroups();
    Q_EMIT arrangementChanged();
    return home;
}

void GroupArrangement::moveServers(const std::vector<std::string> &serverIds, int groupRow, int at)
{
    QTreeWidgetItem *target = topLevelItem(groupRow);
    if (!target)
        return;
    std::unordered_map<std::string, QTreeWidgetItem *> byId;
    for (int row = 0; row < groupCount(); ++row) {
        const QTreeWidgetItem *group = topLevelItem(row);
        for (int child = 0; child < group->childCount(); ++child)
            byId.emplace(serverIdOf(group->child(child)), group->child(child));
    }
    QList<QTreeWidgetItem *> moving;
    for (const std::string &id : serverIds) {
        if (const auto it = byId.find(id); it != byId.end()) {
            moving.append(it->second);
            byId.erase(it);  // a server named twice moves once
        }
    }
    if (moving.isEmpty())
        return;
    // Where to insert once the moving servers are out: before the first
    // server at or after `at` that stays.
    const std::unordered_set<QTreeWidgetItem *> leaving(moving.begin(), moving.end());
    int insertAt = 0;
    const int end = at < 0 ? target->childCount() : std::min(at, target->childCount());
    for (int child = 0; child < end; ++child)
        insertAt += leaving.contains(target->child(child)) ? 0 : 1;
    for (QTreeWidgetItem *server : moving)
        server->parent()->removeChild(server);
    target->insertChildren(insertAt, moving);
    clearSelection();
    for (QTreeWidgetItem *server : moving)
        server->setSelected(true);
    refreshGroups();
    Q_EMIT arrangementChanged();
}

std::vector<std::string> GroupArrangement::selectedServerIds() const
{
    std::vector<std::string> ids;
    for (int row = 0; row < groupCount(); ++row) {
        const QTreeWidgetItem *group = topLevelItem(row);
        for (int child = 0; child < group->childCount(); ++child) {
            if (group->child(child)->isSelected())
                ids.push_back(serverIdOf(group->child(child)));
        }
    }
    return ids;
}

std::vector<int> GroupArrangement::selectedGroupRows() const
{
    std::vector<int> rows;
    for (int row = 0; row < groupCount(); ++row) {
        if (topLevelItem(row)->isSelected())
            rows.push_back(row);
    }
    return rows;
}

void GroupArrangement::onItemChanged(QTreeWidgetItem *item, int column)
{
    if (item->parent() || column != NameColumn)
        return;
    const QString committed = item->data(NameColumn, kGroupNameRole).toString();
    const QString typed = item->text(NameColumn).trimmed();
    const QSignalBlocker quiet(this);
    item->setText(NameColumn, typed.isEmpty() ? committed : typed);  // a group keeps a name
    if (typed.isEmpty() || typed == committed)
        return;
    item->setData(NameColumn, kGroupNameRole, typed);
    refreshGroups();
    Q_EMIT arrangementChanged();
}

QStringList GroupArrangement::mimeTypes() const
{
    return {QLatin1String(models::kServerIdsMimeType)};
}

Qt::DropActions GroupArrangement::supportedDropActions() const
{
    return Qt::MoveAction;
}

void GroupArrangement::startDrag(Qt::DropActions)
{
    const std::vector<std::string> ids = selectedServerIds();
    if (ids.empty())
        return;
    // The drop moves the servers (dropEvent); nothing is left to remove here,
    // which QAbstractItemView's own drag would try after a move.
    auto *drag = new QDrag(this);
    drag->setMimeData(models::serverIdsMimeData(ids).release());
    drag->exec(Qt::MoveAction);
}

void GroupArrangement::dropEvent(QDropEvent *event)
{
    stopAutoScroll();
    setState(NoState);
    viewport()->update();
    const QPoint position = event->position().toPoint();
    QTreeWidgetItem *target = itemAt(position);
    const std::vector<std::string> ids =
        event->mimeData() ? models::serverIdsFrom(*event->mimeData()) : std::vector<std::string>();
    if (!target || ids.empty()) {
        event->ignore();
        return;
    }
    // On a group: to its end. On a server: before it, or after it in its lower half.
    QTreeWidgetItem *group = target->parent() ? target->parent() : target;
    int at = -1;
    if (target != group)
        at = group->indexOfChild(target) + (position.y() > visualItemRect(target).center().y() ? 1 : 0);
    moveServers(ids, indexOfTopLevelItem(group), at);
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

} // namespace sms::ui
