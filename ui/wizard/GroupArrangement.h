#pragma once
// GroupArrangement: the chosen servers arranged into server groups, as a tree
// (group, then its servers) with a launch-order spin box on each group.
// Servers are dragged from group to group (or moved with moveServers());
// groups are added, renamed in place (a blank name is refused) and removed.
// It holds the arrangement itself, so the page and Back/Next keep it.

#include "models/PlanDocument.h"

#include <QTreeWidget>

class QSpinBox;

namespace sms::ui {

class GroupArrangement : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, LaunchOrderColumn, IdColumn, PathColumn, ColumnCount };

    explicit GroupArrangement(const models::PlanDocument &document, QWidget *parent = nullptr);

    // The groups in the order shown: name, launch order and servers (no keys).
    std::vector<models::PlanServerGroup> groups() const;
    void setGroups(const std::vector<models::PlanServerGroup> &groups);
    // Makes `serverIds` the servers arranged: the others leave their groups
    // (which stay, even when emptied) and the new ones go into a new group,
    // whose name is returned (empty when no server was new).
    QString syncServers(const std::vector<std::string> &serverIds);

    // Appends a group without servers, named `name` or an unused "Group N"; returns its row.
    int addGroup(const QString &name = {});
    // Removes the groups of `rows`. Their servers go to the first group that
    // stays, or to a new group when none does; returns that group's name.
    QString removeGroups(std::vector<int> rows);
    // Moves servers, in the order given, into the group of `groupRow` before
    // its server at row `at` (-1: at the end). Servers not arranged are passed over.
    void moveServers(const std::vector<std::string> &serverIds, int groupRow, int at = -1);

    int groupCount() const { return topLevelItemCount(); }
    QSpinBox *launchOrderBox(int groupRow) const;
    std::vector<std::string> selectedServerIds() const;
    // Rows of the selected groups, ascending.
    std::vector<int> selectedGroupRows() const;
    void retranslate();

Q_SIGNALS:
    // Any change of groups, names, servers or launch orders.
    void arrangementChanged();

protected:
    QStringList mimeTypes() const override;
    Qt::DropActions supportedDropActions() const override;
    void startDrag(Qt::DropActions supportedActions) override;
    void dropEvent(QDropEvent *event) override;

private:
    QTreeWidgetItem *newGroupItem(const QString &name, int launchOrder);
    QTreeWidgetItem *newServerItem(const std::string &serverId) const;
    // After groups come or go: spin box ranges (1..N) and the server counts.
    void refreshGroups();
    void onItemChanged(QTreeWidgetItem *item, int column);

    const models::PlanDocument &m_document;
};

} // namespace sms::ui
