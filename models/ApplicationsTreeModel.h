#pragma once
// ApplicationsTreeModel: the plan's applications as a tree of application,
// server group and server. It follows the document's fine-grained signals
// (an edit inserts or removes just the rows it touched) and takes drops of
// catalog servers and of groups, turning them into PlanEditor edits.
//
// Index identity: an application row has internal id 0, a group row its
// application's PlanKey, a server row its group's PlanKey; parent() looks
// the key up, so indexes need no pointers into vectors that move.

#include "models/LiveStatus.h"
#include "models/PlanEditor.h"

#include <QAbstractItemModel>

namespace sms::models {

class ApplicationsTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Name, Servers, Replication, Launch, Id, ColumnCount };
    enum class Kind { Application, Group, Server };
    enum Role {
        KindRole = Qt::UserRole,  // int(Kind)
        KeyRole,                  // quint64: the application's or group's PlanKey (a server's group)
        ServerIdRole,             // QString, server rows only
    };

    ApplicationsTreeModel(PlanEditor &editor, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

    // The endpoint's live status for the Replication and Launch columns (not
    // owned; nullptr: none shown), and the rows to repaint when it changes.
    void setLiveStatus(const LiveStatus *status);
    void liveStatusChanged(const std::vector<std::string> &appIds, const std::vector<std::string> &serverIds);

    static Kind kindOf(const QModelIndex &index);
    QModelIndex applicationIndex(PlanKey key) const;
    QModelIndex groupIndex(PlanKey key) const;
    // The server's row in the group it is planned in; invalid when it is in none.
    QModelIndex serverIndex(std::string_view serverId) const;
    // What a selection holds: the applications and groups it names, and its servers.
    std::vector<PlanKey> selectedKeys(const QModelIndexList &indexes) const;
    std::vector<std::string> selectedServerIds(const QModelIndexList &indexes) const;

private:
    const PlanDocument &document() const { return m_editor.document(); }
    QString serverName(const std::string &serverId) const;
    QModelIndex groupIndexAt(int app, int group, int column = 0) const;
    void connectDocument();
    QVariant liveData(const QModelIndex &index, int role) const;
    void emitAllLiveChanged();

    PlanEditor &m_editor;
    const LiveStatus *m_live = nullptr;
};

} // namespace sms::models
