#pragma once
// ServerJobActions: what a user does with one server's replication job
// (create, edit, run now, delete) from any view of servers: the Catalog and
// the Endpoint Applications pane's jobs. It finds the server's job in the
// replication store, enables each action from services/ReplicationActionRules
// with the reason as tooltip, and asks for the settings of a job to create
// or edit in a ReplicationJobDialog; the workspace runs what it asks for.

#include "services/ReplicationControl.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>
#include <string>

class QAction;
class QWidget;

namespace sms::models {
class ReplicationStore;
}

namespace sms::ui {

class ServerJobActions : public QObject
{
    Q_OBJECT

public:
    // The settings the plan gives the server (nullopt: it is in no plan
    // application), and the role of its application in `roleName`.
    using PlannedSettings =
        std::function<std::optional<api::ServerReplicationParameters>(const std::string &serverId, std::string *roleName)>;

    // `dialogParent`: the window the job dialog opens over.
    ServerJobActions(models::ReplicationStore &store, QWidget *dialogParent);

    void setPlannedSettings(PlannedSettings planned);
    // The server the actions are for, and its name for dialogs and messages;
    // an empty id when none, or more than one, is selected.
    void setServer(const std::string &serverId, const QString &name);

    // CreateJob, UpdateJob, RunJob or DeleteJob.
    QAction *action(services::ReplicationAction which) const;
    // The four, in menu order.
    QList<QAction *> actions() const;

protected:
    // The window's LanguageChange: the actions' texts again.
    bool eventFilter(QObject *watched, QEvent *event) override;

Q_SIGNALS:
    void actionRequested(sms::services::ReplicationAction action, const sms::services::ReplicationTarget &target,
                         const QString &subject);

private:
    void retranslate();
    void update();
    void request(services::ReplicationAction which);
    std::optional<services::ReplicationTarget> askSettings(services::ReplicationAction which,
                                                           const std::optional<api::ReplicationJob> &job);
    std::optional<api::ReplicationJob> job() const;

    models::ReplicationStore &m_store;
    QWidget *m_dialogParent;
    PlannedSettings m_planned;
    std::string m_serverId;
    QString m_name;
    QAction *m_create;
    QAction *m_edit;
    QAction *m_run;
    QAction *m_delete;
};

} // namespace sms::ui
