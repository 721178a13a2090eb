#pragma once
// MainWindow: the planner's workspace. It owns the plan document, the item
// models over it and the endpoint session, puts each pane in a dock (layout
// saved and restored), and wires actions to PlanEditor (plan edits),
// PlanFiles (files) and EndpointActions (the endpoint). It holds no logic of
// its own beyond that wiring.

#include "models/ApplicationsTreeModel.h"
#include "models/CatalogTableModel.h"
#include "models/PlanDocument.h"
#include "models/PlanEditor.h"
#include "models/PlanValidation.h"
#include "services/EndpointSession.h"

#include <QMainWindow>

class QDockWidget;
class QLabel;
class QMenu;

namespace sms::ui {

class ActivityPane;
class ApplicationsPane;
class CatalogPane;
class ConnectorsPane;
class EndpointActions;
class LaunchGraphPane;
class PlanFiles;
class ProblemsPane;
class ReplicationWorkspace;
class PropertiesPane;

struct StartOptions
{
    QString planFile;
    services::ConnectionRequest connection;
    bool sandbox = false;
    services::SandboxOptions sandboxOptions;
};

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(StartOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    models::PlanDocument &document() { return m_document; }
    models::PlanEditor &editor() { return m_editor; }
    CatalogPane *catalogPane() const { return m_catalogPane; }
    ApplicationsPane *applicationsPane() const { return m_applicationsPane; }
    EndpointActions *endpoint() const { return m_endpoint; }
    services::EndpointSession &session() { return m_session; }
    PlanFiles *files() const { return m_files; }
    ReplicationWorkspace *replication() const { return m_replication; }

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addPane(QWidget *pane, const QString &objectName);
    void createActions();
    void createMenus();
    void createStatusBar();
    void retranslate();
    struct DockPlace
    {
        const char *name;              // the dock's object name
        Qt::DockWidgetArea area;
        const char *tabbedWith;        // the dock whose tab it joins; nullptr: a place of its own
    };
    static const DockPlace kDockPlaces[];
    static const QStringList kDocksBeforeTheLaunchGraph;

    void restoreLayout();
    // Puts the dock where a first start has it, shown.
    void placeDock(const DockPlace &place);
    // View > Reset Layout: the docks where and as large as a first start has them.
    void resetLayout();
    void saveLayout();
    void updateTitle();
    void updateActions();
    void updateRecentMenu();
    void updateProperties();
    void updateProblemsTitle();
    void showProblemSubject(const models::PlanSubject &subject);
    void showConnectionDialog();

    // Edits from the selection
    void newApplication();
    void runNewApplicationWizard();
    void editApplicationSettings();
    void showValidationResults();
    void newGroup();
    void newApplicationFromSelection();
    void addSelectionToGroup();
    void deleteSelection();
    void renameCurrent();
    void copySelection(bool cut);
    void paste();
    std::vector<std::string> selectedServersAnywhere() const;

    StartOptions m_options;
    models::PlanDocument m_document;
    models::PlanEditor m_editor;
    models::CatalogTableModel m_catalogModel;
    models::ApplicationsTreeModel m_treeModel;
    services::EndpointSession m_session;

    PlanFiles *m_files;
    EndpointActions *m_endpoint;
    ReplicationWorkspace *m_replication;
    // The panes, made in reading order: the order Tab goes through them.
    CatalogPane *m_catalogPane;
    ApplicationsPane *m_applicationsPane;
    PropertiesPane *m_propertiesPane;
    ConnectorsPane *m_connectorsPane;
    ActivityPane *m_activityPane;
    ProblemsPane *m_problemsPane;
    LaunchGraphPane *m_launchGraphPane;
    QLabel *m_connectionLabel;
    QLabel *m_requestsLabel;
    QLabel *m_catalogLabel;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    bool m_catalogHasFocus = true;  // which pane the Edit actions act on

    struct Actions;
    std::unique_ptr<Actions> m_actions;
};

} // namespace sms::ui
