#pragma once
// ReplicationWorkspace: the running side of the planner, wired together. The
// monitor (services/) polls while its panes are shown, the store (models/)
// turns each pass into tables, history and LiveStatus, and this class hands
// them to the Endpoint Applications pane, the monitor's charts, the plan's
// own views and the notifier. It also runs the replication actions the user
// asks for: confirmed when destructive, then a fresh pass so that the result
// shows without a manual refresh. Kept out of MainWindow, which only docks
// the two panes and says when the window is minimised.

#include "services/ReplicationControl.h"
#include "services/ReplicationMonitor.h"
#include "models/ReplicationStore.h"
#include "ui/replication/ServerJobActions.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QDockWidget;
class QLabel;
class QMainWindow;

namespace sms::models {
class ApplicationsTreeModel;
class CatalogTableModel;
}
namespace sms::services {
class EndpointSession;
}

namespace sms::ui {

class EndpointActions;
class EndpointAppsPane;
class Notifier;
class ReplicationMonitorPane;

class ReplicationWorkspace : public QObject
{
    Q_OBJECT

public:
    struct PlanViews
    {
        models::ApplicationsTreeModel &tree;
        models::CatalogTableModel &catalog;
    };

    ReplicationWorkspace(services::EndpointSession &session, EndpointActions &endpoint, PlanViews views,
                         QMainWindow *window, services::MonitorTimings timings = {});
    // The plan's views keep a pointer to the store's LiveStatus: they are the
    // window's members and go before the workspace, a child of the window.

    EndpointAppsPane *applicationsPane() const { return m_appsPane; }
    // The server job actions for the window's Catalog (the pane has its own).
    ServerJobActions *catalogJobActions() const { return m_catalogJobs; }
    // Where a new job's settings come from: the plan, which the window holds.
    void setPlannedSettings(const ServerJobActions::PlannedSettings &planned);
    ReplicationMonitorPane *monitorPane() const { return m_monitorPane; }
    QLabel *statusLabel() const { return m_statusLabel; }
    services::ReplicationMonitor &monitor() { return m_monitor; }
    models::ReplicationStore &store() { return m_store; }
    void setNotifier(std::unique_ptr<Notifier> notifier);

    // The docks that hold the two panes: the monitor polls while either is shown.
    void watchDocks(QDockWidget *applications, QDockWidget *monitor);
    void setWindowMinimized(bool minimized);

Q_SIGNALS:
    void message(const QString &text);
    // An action's call has been answered (for tests and the window's busy state).
    void actionFinished(sms::services::ReplicationAction action, bool ok);

private:
    void passFinished(const models::SnapshotPtr &snapshot);
    void refreshMonitorPane();
    void showSelectedApplication();
    void showWatchedRuns();
    void updateActive();
    void showSchedule(qint64 nextPassInMs, services::MonitorReason reason);
    void run(services::ReplicationAction action, const services::ReplicationTarget &target, const QString &subject);
    bool confirm(services::ReplicationAction action, const QString &subject) const;
    // The status-bar words for an action the endpoint took; `answer` is its reply (a created job's id).
    QString doneText(services::ReplicationAction action, const QString &subject, const QString &answer) const;
    void explainRunLimit(const services::ReplicationTarget &target, const QString &subject);

    services::EndpointSession &m_session;
    EndpointActions &m_endpoint;
    PlanViews m_views;
    QMainWindow *m_window;
    services::ReplicationMonitor m_monitor;
    models::ReplicationStore m_store;
    EndpointAppsPane *m_appsPane;
    ReplicationMonitorPane *m_monitorPane;
    ServerJobActions *m_catalogJobs;
    QLabel *m_statusLabel;
    QTimer m_paneRefresh;  // the monitor pane, a turn after the pass's tables
    std::unique_ptr<Notifier> m_notifier;
    QDockWidget *m_appsDock = nullptr;
    QDockWidget *m_monitorDock = nullptr;
    bool m_minimized = false;
    QString m_selectedApp;
    QString m_watchedJob;
};

} // namespace sms::ui
