#pragma once
// ApplicationsPane: the plan's applications as a tree (application, server
// group, server). Catalog rows dropped here become plan edits (see
// ApplicationsTreeModel::dropMimeData); groups and servers drag between
// applications; names are edited in place (F2 or double-click).

#include "models/ApplicationsTreeModel.h"
#include "models/PlanValidation.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace sms::ui {

class ApplicationsPane : public QWidget
{
    Q_OBJECT

public:
    ApplicationsPane(models::ApplicationsTreeModel &model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    models::ApplicationsTreeModel &model() { return m_model; }

    QModelIndexList selectedRows() const;
    std::vector<models::PlanKey> selectedKeys() const { return m_model.selectedKeys(selectedRows()); }
    std::vector<std::string> selectedServerIds() const { return m_model.selectedServerIds(selectedRows()); }
    // The group the current item is or lies in; kNoKey for an application or nothing.
    models::PlanKey currentGroup() const;
    // The application the current item is or lies in.
    models::PlanKey currentApplication() const;
    void selectKey(models::PlanKey key);
    // Selects what a plan issue is about: its server if it is still in the
    // group, else the group, else the application. False when none is left.
    bool selectSubject(const models::PlanSubject &subject);

Q_SIGNALS:
    void selectionChanged();

private:
    void updateHint();
    void select(const QModelIndex &index);

    models::ApplicationsTreeModel &m_model;
    QTreeView *m_view;
    QLabel *m_hint;
};

} // namespace sms::ui
