#pragma once
// EndpointAppsPane: the endpoint's applications (ListApps) with their live
// status, and below them the replication jobs of the one selected, as the
// replication monitor's store last saw them. Its actions (start, stop and
// replicate an application now; launch and terminate it; bring applications
// into the plan; and a server's job edited, run or deleted, from
// ServerJobActions) are enabled from services/ReplicationActionRules with the
// reason as tooltip; the pane only asks for them, the workspace runs them.

#include "services/ReplicationControl.h"

#include <QWidget>

#include <string>
#include <vector>

class QAction;
class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace sms::models {
class ReplicationStore;
}

namespace sms::ui {

class ServerJobActions;

class EndpointAppsPane : public QWidget
{
    Q_OBJECT

public:
    explicit EndpointAppsPane(models::ReplicationStore &store, QWidget *parent = nullptr);

    QString selectedAppId() const;
    QString selectedJobId() const;
    QTableView *applicationsView() const { return m_apps; }
    QTableView *jobsView() const { return m_jobs; }
    QAction *action(services::ReplicationAction action) const;
    ServerJobActions *jobActions() const { return m_jobActions; }
    QAction *bringIntoPlanAction() const { return m_bringIntoPlan; }
    QAction *refreshAction() const { return m_refresh; }
    // An action for the selected application from elsewhere (ui/templates/):
    // on the toolbar (its menu, if any, opening at a click) and the context menu.
    void addApplicationAction(QAction *action);
    // Shown above the tables until the first pass has been read, and when a pass fails.
    void setNotice(const QString &text);

Q_SIGNALS:
    void actionRequested(sms::services::ReplicationAction action, const sms::services::ReplicationTarget &target,
                         const QString &subject);
    void bringIntoPlanRequested(const std::vector<std::string> &appIds);
    void validationResultsRequested(const QString &appId, const QString &name);
    void applicationSelected(const QString &appId);
    void jobSelected(const QString &jobId);
    void refreshRequested();

private:
    void createActions();
    void updateActions();
    void request(services::ReplicationAction action);
    const api::AppSummary *selectedApp() const;

    models::ReplicationStore &m_store;
    QLabel *m_notice;
    QTableView *m_apps;
    QTableView *m_jobs;
    QSortFilterProxyModel *m_appsSorted;
    QSortFilterProxyModel *m_jobsOfApp;
    ServerJobActions *m_jobActions;
    // The application's, by ReplicationAction (the job's are m_jobActions').
    QAction *m_actions[int(services::ReplicationAction::TerminateApplication) + 1] = {};
    QAction *m_bringIntoPlan = nullptr;
    QAction *m_refresh = nullptr;
    QToolBar *m_toolBar = nullptr;
};

} // namespace sms::ui
