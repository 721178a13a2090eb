#include "ui/MainWindow.h"

#include "api/QtText.h"
#include "models/PlanMimeTypes.h"
#include "models/PlanSettings.h"
#include "services/PlainWords.h"
#include "ui/ActivityPane.h"
#include "ui/monitor/ReplicationMonitorPane.h"
#include "ui/replication/EndpointAppsPane.h"
#include "ui/replication/ReplicationWorkspace.h"
#include "ui/ApplicationSettingsDialog.h"
#include "ui/validation/ValidationResultsDialog.h"
#include "ui/ApplicationsPane.h"
#include "ui/CatalogPane.h"
#include "ui/ConnectionDialog.h"
#include "ui/ConnectorsPane.h"
#include "ui/CsvExport.h"
#include "ui/EndpointActions.h"
#include "ui/InventoryImportDialog.h"
#include "ui/launch/LaunchGraphPane.h"
#include "ui/NewApplicationWizard.h"
#include "ui/PlanFiles.h"
#include "ui/problems/ProblemsPane.h"
#include "ui/templates/PlanTemplatePreview.h"
#include "ui/PropertiesPane.h"
#include "ui/WindowPlacement.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QScreen>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>

#include <algorithm>

namespace sms::ui {

// Where a first start puts each dock, in the order they are placed. Shown
// first: showing a tabbed dock brings its tab to the front. The endpoint's
// applications in front: a new user sees the sandbox's demo applications
// replicating without looking for them. The graph is a tab of the large left
// area, not of the Applications column: it needs the room, and the tree
// beside it shows what it selects.
const MainWindow::DockPlace MainWindow::kDockPlaces[] = {
    {"CatalogDock", Qt::LeftDockWidgetArea, nullptr},
    {"MonitorDock", Qt::LeftDockWidgetArea, "CatalogDock"},
    {"LaunchGraphDock", Qt::LeftDockWidgetArea, "MonitorDock"},
    {"ApplicationsDock", Qt::RightDockWidgetArea, nullptr},
    {"PropertiesDock", Qt::RightDockWidgetArea, nullptr},
    {"EndpointAppsDock", Qt::BottomDockWidgetArea, nullptr},
    {"ConnectorsDock", Qt::BottomDockWidgetArea, "EndpointAppsDock"},
    {"ActivityDock", Qt::BottomDockWidgetArea, "ConnectorsDock"},
    {"ProblemsDock", Qt::BottomDockWidgetArea, "ActivityDock"},
};

const QStringList MainWindow::kDocksBeforeTheLaunchGraph{
    QStringLiteral("CatalogDock"),      QStringLiteral("MonitorDock"),   QStringLiteral("ApplicationsDock"),
    QStringLiteral("PropertiesDock"),   QStringLiteral("EndpointAppsDock"), QStringLiteral("ConnectorsDock"),
    QStringLiteral("ActivityDock"),     QStringLiteral("ProblemsDock")};

using Kind = models::ApplicationsTreeModel::Kind;

struct MainWindow::Actions
{
    QAction *newPlan, *open, *save, *saveAs, *quit, *importInventory, *exportCatalog, *exportApplications;
    QAction *undo, *redo, *cut, *copy, *paste, *remove, *rename;
    QAction *newApplication, *newGroup, *newFromSelection, *addToGroup, *wizard, *appSettings;
    QAction *appValidationResults;
    QAction *connect, *resetSandbox, *refreshCatalog, *importCatalog, *deleteCatalog;
    QAction *refreshApps, *pushApps, *deleteOnEndpoint;
    QAction *reviewChanges, *applyPlan;
    QAction *resetLayout;
    QAction *previewTemplate;
    QAction *about;
};

MainWindow::MainWindow(StartOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(std::move(options))
    , m_document(this)
    , m_editor(m_document, this)
    , m_catalogModel(m_document, this)
    , m_treeModel(m_editor, this)
    , m_session(m_options.sandboxOptions, this)
    , m_files(new PlanFiles(m_document, this))
    , m_endpoint(new EndpointActions(m_session, m_editor, this))
    , m_replication(new ReplicationWorkspace(m_session, *m_endpoint, {m_treeModel, m_catalogModel}, this))
    , m_catalogPane(new CatalogPane(m_catalogModel, this))
    , m_applicationsPane(new ApplicationsPane(m_treeModel, this))
    , m_propertiesPane(new PropertiesPane(m_editor, this))
    , m_connectorsPane(new ConnectorsPane(this))
    , m_activityPane(new ActivityPane(this))
    , m_problemsPane(new ProblemsPane(m_document, this))
    , m_launchGraphPane(new LaunchGraphPane(m_editor, this))
    , m_connectionLabel(new QLabel(this))
    , m_requestsLabel(new QLabel(this))
    , m_catalogLabel(new QLabel(this))
    , m_actions(std::make_unique<Actions>())
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    setWindowIcon(QIcon::fromTheme(QStringLiteral("network-server")));

    addPane(m_catalogPane, QStringLiteral("CatalogDock"));
    addPane(m_applicationsPane, QStringLiteral("ApplicationsDock"));
    addPane(m_propertiesPane, QStringLiteral("PropertiesDock"));
    addPane(m_connectorsPane, QStringLiteral("ConnectorsDock"));
    addPane(m_activityPane, QStringLiteral("ActivityDock"));
    addPane(m_problemsPane, QStringLiteral("ProblemsDock"));
    addPane(m_replication->applicationsPane(), QStringLiteral("EndpointAppsDock"));
    addPane(m_replication->monitorPane(), QStringLiteral("MonitorDock"));
    addPane(m_launchGraphPane, QStringLiteral("LaunchGraphDock"));

    createActions();
    createMenus();
    createStatusBar();
    retranslate();
    restoreLayout();
    m_replication->watchDocks(findChild<QDockWidget *>(QStringLiteral("EndpointAppsDock")),
                              findChild<QDockWidget *>(QStringLiteral("MonitorDock")));
    connect(m_replication, &ReplicationWorkspace::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 8000); });

    connect(&m_document, &models::PlanDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_files, &PlanFiles::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_files, &PlanFiles::recentFilesChanged, this, &MainWindow::updateRecentMenu);
    connect(m_files, &PlanFiles::message, this, [this](const QString &text) { statusBar()->showMessage(text, 6000); });
    connect(&m_editor, &models::PlanEditor::notice, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_endpoint, &EndpointActions::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_endpoint, &EndpointActions::activityChanged, this, [this](const QString &what) {
        m_requestsLabel->setText(what);
        updateActions();
    });
    connect(m_endpoint, &EndpointActions::catalogProgress, m_catalogPane, &CatalogPane::showLoading);
    connect(m_endpoint, &EndpointActions::catalogLoaded, m_catalogPane, [this] { m_catalogPane->showLoaded(); });
    connect(m_catalogPane, &CatalogPane::cancelLoadRequested, m_endpoint, &EndpointActions::cancelCatalogLoad);
    connect(m_connectorsPane, &ConnectorsPane::disassociateRequested, m_endpoint, &EndpointActions::disassociateConnector);
    connect(m_connectorsPane, &ConnectorsPane::refreshRequested, m_endpoint, &EndpointActions::loadConnectors);
    connect(&m_document, &models::PlanDocument::connectorsChanged, this,
            [this] { m_connectorsPane->setConnectors(m_document.catalog().connectors); });
    connect(&m_document, &models::PlanDocument::catalogSourceChanged, this, [this] {
        const auto &catalog = m_document.catalog();
        const QString count = QLocale().toString(qulonglong(catalog.servers.size()));
        if (!catalog.source.readAt && !catalog.servers.empty())
            m_catalogLabel->setText(tr("Catalog incomplete \u00B7 %1 servers read").arg(count));
        else
            m_catalogLabel->setText(tr("Catalog %1 \u00B7 %2 servers")
                                        .arg(catalog.source.status ? api::toQString(*catalog.source.status)
                                                                   : tr("not read"),
                                             count));
    });
    connect(&m_session, &services::EndpointSession::callFinished, m_activityPane, &ActivityPane::record);
    connect(&m_session, &services::EndpointSession::opening, this, [this](const QString &what) {
        m_connectionLabel->setText(what);
        updateActions();
    });
    connect(&m_session, &services::EndpointSession::opened, this, [this] {
        m_connectionLabel->setText(m_session.description());
        updateActions();
        // A plan opened from a file keeps its own catalog until asked to
        // refresh; an empty or half-read one is read now.
        const auto &catalog = m_document.catalog();
        if (catalog.servers.empty() || !catalog.source.readAt)
            m_endpoint->loadCatalog();
    });
    connect(&m_session, &services::EndpointSession::failed, this, [this](const SmsError &error) {
        m_connectionLabel->setText(tr("Not connected"));
        updateActions();
        QMessageBox::warning(this, tr("Could not connect"), services::plainWords(error, services::PlainLength::Whole));
    });
    connect(&m_session, &services::EndpointSession::switchFailed, this, [this] {
        if (!m_session.client())  // the start had not connected either
            m_connectionLabel->setText(tr("Not connected"));
        updateActions();
    });
    connect(&m_session, &services::EndpointSession::notice, this, [this](const QString &text) {
        statusBar()->showMessage(text, 15000);
        // Not modal: a sandbox state that could not be read must not hold up the start.
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Local sandbox"), text, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(m_catalogPane, &CatalogPane::selectionChanged, this, [this] {
        m_catalogHasFocus = true;
        const QModelIndexList rows = m_catalogPane->view()->selectionModel()->selectedRows(models::CatalogTableModel::VmName);
        const bool one = rows.size() == 1;
        m_replication->catalogJobActions()->setServer(
            one ? rows.first().data(models::CatalogTableModel::ServerIdRole).toString().toStdString() : std::string(),
            one ? rows.first().data().toString() : QString());
        updateActions();
        updateProperties();
    });
    connect(m_applicationsPane, &ApplicationsPane::selectionChanged, this, [this] {
        m_catalogHasFocus = false;
        updateActions();
        updateProperties();
        m_launchGraphPane->showSelection(m_applicationsPane->currentApplication(), m_applicationsPane->currentGroup());
    });
    // The graph's selection back into the tree (which shows it in Properties).
    connect(m_launchGraphPane, &LaunchGraphPane::groupSelected, m_applicationsPane, &ApplicationsPane::selectKey);
    connect(m_launchGraphPane, &LaunchGraphPane::groupActivated, this, [this](models::PlanKey group) {
        m_applicationsPane->selectKey(group);
        auto *dock = findChild<QDockWidget *>(QStringLiteral("ApplicationsDock"));
        dock->show();
        dock->raise();
        m_applicationsPane->view()->setFocus();
    });
    connect(m_launchGraphPane, &LaunchGraphPane::message, this, [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(&m_problemsPane->checker(), &models::PlanChecker::checked, m_launchGraphPane, &LaunchGraphPane::setIssues);
    connect(&m_document.undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateActions);
    connect(m_problemsPane, &ProblemsPane::countsChanged, this, &MainWindow::updateProblemsTitle);
    connect(m_problemsPane, &ProblemsPane::showRequested, this, &MainWindow::showProblemSubject);
    // Paste follows the clipboard, whoever changes it.
    connect(QApplication::clipboard(), &QClipboard::dataChanged, this, &MainWindow::updateActions);

    updateTitle();
    updateActions();
    updateRecentMenu();
    m_connectionLabel->setText(tr("Not connected"));

    if (!m_options.planFile.isEmpty())
        m_files->openFile(m_options.planFile);
    m_session.open(m_options.connection,
                   m_options.sandbox ? services::SandboxReason::CommandLine : services::SandboxReason::NotAsked);
}

MainWindow::~MainWindow()
{
    // The panes and helpers use the document, models and session, which as
    // members go before QWidget's destructor would delete the children.
    m_document.undoStack().disconnect(this);
    m_document.disconnect(this);
    m_session.disconnect(this);
    delete m_endpoint;
    delete m_files;
    qDeleteAll(findChildren<QDockWidget *>(Qt::FindDirectChildrenOnly));
}

void MainWindow::addPane(QWidget *pane, const QString &objectName)
{
    auto *dock = new QDockWidget(this);
    dock->setObjectName(objectName);
    dock->setWidget(pane);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    // Put in its place by restoreLayout: the saved layout, or resetLayout().
    addDockWidget(Qt::LeftDockWidgetArea, dock);
}

void MainWindow::createActions()
{
    Actions &a = *m_actions;
    const auto make = [this](const char *icon, QKeySequence::StandardKey key, auto slot) {
        auto *action = new QAction(QIcon::fromTheme(QString::fromLatin1(icon)), QString(), this);
        if (key != QKeySequence::UnknownKey)
            action->setShortcuts(key);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    a.newPlan = make("document-new", QKeySequence::New, [this] { m_files->newPlan(); });
    a.open = make("document-open", QKeySequence::Open, [this] { m_files->open(); });
    a.importInventory = make("document-import", QKeySequence::UnknownKey, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import Inventory"), QString(),
                                                          tr("CSV inventories (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            importInventoryFile(this, m_editor, path,
                                [this](const QString &summary) { statusBar()->showMessage(summary, 15000); });
    });
    const auto exportTo = [this](CsvExport what) {
        if (const QString message = exportCsv(this, m_document, what); !message.isEmpty())
            statusBar()->showMessage(message, 15000);
    };
    a.exportCatalog = make("document-export", QKeySequence::UnknownKey, [exportTo] { exportTo(CsvExport::Catalog); });
    a.exportApplications
        = make("document-export", QKeySequence::UnknownKey, [exportTo] { exportTo(CsvExport::Applications); });
    a.save = make("document-save", QKeySequence::Save, [this] { m_files->save(); });
    a.saveAs = make("document-save-as", QKeySequence::SaveAs, [this] { m_files->saveAs(); });
    a.quit = make("application-exit", QKeySequence::Quit, [this] { close(); });
    a.undo = m_document.undoStack().createUndoAction(this);
    a.undo->setShortcuts(QKeySequence::Undo);
    a.undo->setIcon(QIcon::fromTheme(QStringLiteral("edit-undo")));
    a.redo = m_document.undoStack().createRedoAction(this);
    a.redo->setShortcuts(QKeySequence::Redo);
    a.redo->setIcon(QIcon::fromTheme(QStringLiteral("edit-redo")));
    a.cut = make("edit-cut", QKeySequence::Cut, [this] { copySelection(true); });
    a.copy = make("edit-copy", QKeySequence::Copy, [this] { copySelection(false); });
    a.paste = make("edit-paste", QKeySequence::Paste, [this] { paste(); });
    a.paste->setObjectName(QStringLiteral("pasteAction"));
    a.remove = make("edit-delete", QKeySequence::Delete, [this] { deleteSelection(); });
    a.rename = make("edit-rename", QKeySequence::UnknownKey, [this] { renameCurrent(); });
    a.rename->setShortcut(Qt::Key_F2);
    a.newApplication = make("folder-new", QKeySequence::UnknownKey, [this] { newApplication(); });
    a.newApplication->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    a.newGroup = make("list-add", QKeySequence::UnknownKey, [this] { newGroup(); });
    a.newGroup->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    a.wizard = make("tools-wizard", QKeySequence::UnknownKey, [this] { runNewApplicationWizard(); });
    a.wizard->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_N));
    a.wizard->setObjectName(QStringLiteral("newApplicationWizardAction"));
    a.appSettings = make("document-properties", QKeySequence::UnknownKey, [this] { editApplicationSettings(); });
    a.appSettings->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    a.appValidationResults = make("dialog-information", QKeySequence::UnknownKey, [this] { showValidationResults(); });
    a.newFromSelection = make("go-next", QKeySequence::UnknownKey, [this] { newApplicationFromSelection(); });
    a.newFromSelection->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    a.addToGroup = make("list-add", QKeySequence::UnknownKey, [this] { addSelectionToGroup(); });
    a.addToGroup->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    a.previewTemplate = make("text-x-script", QKeySequence::UnknownKey, [this] {
        previewCloudFormation(this, m_document.data(), m_applicationsPane->currentApplication());
    });
    a.previewTemplate->setObjectName(QStringLiteral("previewTemplateAction"));
    a.connect = make("network-connect", QKeySequence::UnknownKey, [this] { showConnectionDialog(); });
    a.resetLayout = make("view-restore", QKeySequence::UnknownKey, [this] { resetLayout(); });
    a.resetLayout->setObjectName(QStringLiteral("resetLayoutAction"));
    a.resetSandbox = make("edit-clear-history", QKeySequence::UnknownKey, [this] { m_endpoint->resetSandbox(); });
    a.refreshCatalog = make("view-refresh", QKeySequence::Refresh, [this] { m_endpoint->loadCatalog(); });
    a.importCatalog = make("document-import", QKeySequence::UnknownKey, [this] { m_endpoint->importCatalog(); });
    a.deleteCatalog = make("edit-delete", QKeySequence::UnknownKey, [this] { m_endpoint->deleteCatalog(); });
    a.refreshApps = make("view-refresh", QKeySequence::UnknownKey, [this] { m_endpoint->refreshApplications(); });
    a.pushApps = make("go-up", QKeySequence::UnknownKey, [this] {
        std::vector<models::PlanKey> apps;
        for (models::PlanKey key : m_applicationsPane->selectedKeys()) {
            const models::PlanPosition position = m_document.positionOf(key);
            const models::PlanKey app = m_document.application(position.application).key;
            if (std::find(apps.begin(), apps.end(), app) == apps.end())
                apps.push_back(app);
        }
        m_endpoint->pushApplications(apps);
    });
    a.deleteOnEndpoint = make("edit-delete", QKeySequence::UnknownKey, [this] {
        std::vector<models::PlanKey> apps;
        for (models::PlanKey key : m_applicationsPane->selectedKeys()) {
            if (!m_document.positionOf(key).isGroup())
                apps.push_back(key);
        }
        m_endpoint->deleteApplicationsOnEndpoint(apps);
    });
    a.reviewChanges = make("document-preview", QKeySequence::UnknownKey, [this] { m_endpoint->reviewChanges(); });
    a.reviewChanges->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    // Apply goes through the review too: nothing is sent before the user has seen it.
    a.applyPlan = make("system-run", QKeySequence::UnknownKey, [this] { m_endpoint->reviewChanges(); });
    a.applyPlan->setObjectName(QStringLiteral("applyPlanAction"));
    a.about = make("help-about", QKeySequence::UnknownKey, [this] {
        QMessageBox::about(this, tr("About SMS Migration Planner"),
                           tr("<b>SMS Migration Planner %1</b><p>Plan and run server migrations with the AWS Server "
                              "Migration Service API, against AWS or the built-in local sandbox.</p>")
                               .arg(QStringLiteral(SMS_VERSION)));
    });

    // The context menus offer the same actions as the menus.
    QTreeView *tree = m_applicationsPane->view();
    tree->addActions({a.newApplication, a.newGroup, a.appSettings, a.appValidationResults, a.rename, a.cut, a.copy,
                      a.paste, a.remove});
    tree->addAction(a.previewTemplate);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    tree->addAction(separator);
    tree->addActions({a.pushApps, a.deleteOnEndpoint});
    QTableView *table = m_catalogPane->view();
    table->setContextMenuPolicy(Qt::ActionsContextMenu);
    table->addActions({a.newFromSelection, a.addToGroup, a.copy});
    auto *jobsSeparator = new QAction(this);
    jobsSeparator->setSeparator(true);
    table->addAction(jobsSeparator);
    table->addActions(m_replication->catalogJobActions()->actions());
    // A job made for a server alone starts from what the plan gives it.
    m_replication->setPlannedSettings([this](const std::string &serverId, std::string *roleName) {
        return models::plannedReplication(m_document.data(), serverId, roleName);
    });
}

void MainWindow::createMenus()
{
    Actions &a = *m_actions;
    QMenu *file = menuBar()->addMenu(QString());
    file->setObjectName(QStringLiteral("FileMenu"));
    file->addActions({a.newPlan, a.open});
    m_recentMenu = file->addMenu(QString());
    file->addActions({a.save, a.saveAs});
    file->addSeparator();
    file->addActions({a.importInventory, a.exportCatalog, a.exportApplications});
    file->addSeparator();
    file->addAction(a.quit);

    QMenu *edit = menuBar()->addMenu(QString());
    edit->setObjectName(QStringLiteral("EditMenu"));
    edit->addActions({a.undo, a.redo});
    edit->addSeparator();
    edit->addActions({a.cut, a.copy, a.paste, a.remove, a.rename});

    QMenu *plan = menuBar()->addMenu(QString());
    plan->setObjectName(QStringLiteral("PlanMenu"));
    plan->addActions({a.wizard, a.newApplication, a.newGroup});
    plan->addSeparator();
    plan->addAction(a.appSettings);
    plan->addAction(a.previewTemplate);
    plan->addSeparator();
    plan->addActions({a.newFromSelection, a.addToGroup});

    QMenu *endpoint = menuBar()->addMenu(QString());
    endpoint->setObjectName(QStringLiteral("EndpointMenu"));
    endpoint->addActions({a.connect, a.resetSandbox});
    endpoint->addSeparator();
    endpoint->addActions({a.refreshCatalog, a.importCatalog, a.deleteCatalog});
    endpoint->addSeparator();
    endpoint->addActions({a.refreshApps, a.pushApps, a.deleteOnEndpoint});
    endpoint->addSeparator();
    endpoint->addActions({a.reviewChanges, a.applyPlan});

    m_viewMenu = menuBar()->addMenu(QString());
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(a.resetLayout);

    QMenu *help = menuBar()->addMenu(QString());
    help->setObjectName(QStringLiteral("HelpMenu"));
    help->addAction(a.about);

    QToolBar *toolbar = addToolBar(QString());
    toolbar->setObjectName(QStringLiteral("MainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addActions({a.connect, a.refreshCatalog});
    toolbar->addSeparator();
    toolbar->addActions({a.open, a.save, a.undo, a.redo});
    toolbar->addSeparator();
    toolbar->addActions({a.wizard, a.newFromSelection, a.refreshApps, a.pushApps});
    toolbar->addSeparator();
    toolbar->addActions({a.reviewChanges, a.applyPlan});
}

void MainWindow::createStatusBar()
{
    statusBar()->addPermanentWidget(m_requestsLabel);
    statusBar()->addPermanentWidget(m_replication->statusLabel());
    statusBar()->addPermanentWidget(m_catalogLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
}

void MainWindow::retranslate()
{
    Actions &a = *m_actions;
    a.newPlan->setText(tr("&New Plan"));
    a.open->setText(tr("&Open\u2026"));
    a.importInventory->setText(tr("&Import Inventory (CSV)\u2026"));
    a.importInventory->setToolTip(tr("Servers from an RVTools vInfo export or any CSV with a header row, into the plan's catalog"));
    a.exportCatalog->setText(tr("Export &Catalog (CSV)\u2026"));
    a.exportCatalog->setToolTip(tr("Every catalog server with its application, group and inventory details, for a spreadsheet"));
    a.exportApplications->setText(tr("Export A&pplications (CSV)\u2026"));
    a.exportApplications->setToolTip(
        tr("A row per planned server: application, group, launch order and the settings it will be given"));
    a.save->setText(tr("&Save"));
    a.saveAs->setText(tr("Save &As\u2026"));
    a.quit->setText(tr("&Quit"));
    // The menu names what is undone; the toolbar buttons stay short.
    a.undo->setIconText(tr("Undo"));
    a.redo->setIconText(tr("Redo"));
    a.cut->setText(tr("Cu&t"));
    a.copy->setText(tr("&Copy"));
    a.paste->setText(tr("&Paste"));
    a.remove->setText(tr("&Delete"));
    a.rename->setText(tr("&Rename"));
    a.newApplication->setText(tr("New &Application"));
    a.wizard->setText(tr("New Application &Wizard\u2026"));
    a.wizard->setIconText(tr("Wizard"));
    a.wizard->setToolTip(tr("Create an application step by step: servers, groups, replication and launch"));
    a.newGroup->setText(tr("New Server &Group"));
    a.appSettings->setText(tr("Application &Settings…"));
    a.appSettings->setToolTip(tr("Replication and launch settings and launch order of the selected application"));
    a.appValidationResults->setText(tr("Validation Results…"));
    a.appValidationResults->setToolTip(tr("What the endpoint reports of the selected application's validations"));
    a.newFromSelection->setText(tr("New Application from &Selection"));
    a.newFromSelection->setIconText(tr("New Application"));
    a.addToGroup->setText(tr("Add to &Group\u2026"));
    a.previewTemplate->setText(tr("Preview &CloudFormation\u2026"));
    a.previewTemplate->setToolTip(tr("The CloudFormation template of the selected application, built from the plan alone"));
    a.connect->setText(tr("&Connect\u2026"));
    a.resetSandbox->setText(tr("Re&set Sandbox\u2026"));
    a.resetSandbox->setToolTip(tr("Start the local sandbox over from its demo estate"));
    a.refreshCatalog->setText(tr("&Refresh Catalog"));
    a.importCatalog->setText(tr("&Import Catalog\u2026"));
    a.deleteCatalog->setText(tr("&Delete Catalog\u2026"));
    a.refreshApps->setText(tr("Refresh &Applications from Endpoint"));
    a.refreshApps->setIconText(tr("Refresh Apps"));
    a.pushApps->setText(tr("Create/&Update on Endpoint"));
    a.pushApps->setIconText(tr("Push"));
    a.deleteOnEndpoint->setText(tr("Delete from &Endpoint\u2026"));
    a.reviewChanges->setText(tr("Re&view Changes\u2026"));
    a.reviewChanges->setIconText(tr("Review"));
    a.reviewChanges->setToolTip(tr("What applying the plan would change at the endpoint, and why"));
    a.applyPlan->setText(tr("A&pply Plan\u2026"));
    a.applyPlan->setIconText(tr("Apply"));
    a.applyPlan->setToolTip(tr("Review the changes, then make the endpoint match the plan"));
    a.resetLayout->setText(tr("&Reset Layout"));
    a.resetLayout->setToolTip(tr("Every pane back in its place and size, as on a first start"));
    a.about->setText(tr("&About"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    const QList<QMenu *> menus = menuBar()->findChildren<QMenu *>(Qt::FindDirectChildrenOnly);
    const QStringList titles{tr("&File"), tr("&Edit"), tr("&Plan"), tr("E&ndpoint"), tr("&View"), tr("&Help")};
    const QList<QAction *> menuActions = menuBar()->actions();
    for (int i = 0; i < menuActions.size() && i < titles.size(); ++i)
        menuActions[i]->setText(titles[i]);
    findChild<QToolBar *>(QStringLiteral("MainToolBar"))->setWindowTitle(tr("Main toolbar"));
    const std::pair<const char *, QString> docks[] = {
        {"CatalogDock", tr("Catalog")},         {"ApplicationsDock", tr("Applications")},
        {"PropertiesDock", tr("Properties")},   {"ConnectorsDock", tr("Connectors")},
        {"ActivityDock", tr("Activity")},       {"EndpointAppsDock", tr("Endpoint Applications")},
        {"MonitorDock", tr("Replication Monitor")}, {"LaunchGraphDock", tr("Launch Graph")},
    };
    for (const auto &[name, title] : docks)
        findChild<QDockWidget *>(QString::fromLatin1(name))->setWindowTitle(title);
    updateProblemsTitle();
}

// "Problems (3)": the count is in view even when the dock is a tab behind another.
void MainWindow::updateProblemsTitle()
{
    const int count = m_problemsPane->model().rowCount();
    auto *dock = findChild<QDockWidget *>(QStringLiteral("ProblemsDock"));
    dock->setWindowTitle(count == 0 ? tr("Problems") : tr("Problems (%1)").arg(QLocale().toString(count)));
}

void MainWindow::showProblemSubject(const models::PlanSubject &subject)
{
    if (!m_applicationsPane->selectSubject(subject)) {
        statusBar()->showMessage(tr("What this problem was about is no longer in the plan."), 6000);
        return;
    }
    auto *dock = findChild<QDockWidget *>(QStringLiteral("ApplicationsDock"));
    dock->show();
    dock->raise();
    m_applicationsPane->view()->setFocus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::WindowStateChange)
        m_replication->setWindowMinimized(isMinimized());  // no polling for a window nobody sees
    QMainWindow::changeEvent(event);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) {
        // Saved on a larger screen, or one that is gone: fitted to this one.
        QScreen *on = QGuiApplication::screenAt(geometry().center());
        if (!isMaximized() && !isFullScreen())
            setGeometry(fittedWindowGeometry(geometry(), (on ? on : screen())->availableGeometry()));
    } else {
        const QRect available = screen()->availableGeometry();
        resize(defaultWindowSize(available));
        move(available.center() - rect().center());
    }
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray())) {
        resetLayout();
        return;
    }
    // A dock the saved layout does not know (it came with a newer version)
    // goes where a first start puts it, rather than wherever it was made.
    // Layouts saved before the docks were listed knew all but the launch graph.
    const QStringList known = settings.value(QStringLiteral("window/docks"), kDocksBeforeTheLaunchGraph).toStringList();
    for (const DockPlace &place : kDockPlaces)
        if (!known.contains(QLatin1String(place.name)))
            placeDock(place);
}

void MainWindow::placeDock(const DockPlace &place)
{
    QDockWidget *pane = findChild<QDockWidget *>(QLatin1String(place.name));
    QDockWidget *neighbour = place.tabbedWith ? findChild<QDockWidget *>(QLatin1String(place.tabbedWith)) : nullptr;
    pane->setFloating(false);
    if (neighbour && !neighbour->isFloating() && dockWidgetArea(neighbour) != Qt::NoDockWidgetArea)
        tabifyDockWidget(neighbour, pane);
    else
        addDockWidget(place.area, pane);
    pane->show();
}

void MainWindow::resetLayout()
{
    // Docked again where a first start puts them, each shown.
    for (const DockPlace &place : kDockPlaces) {
        QDockWidget *pane = findChild<QDockWidget *>(QLatin1String(place.name));
        pane->setFloating(false);
        removeDockWidget(pane);
    }
    for (const DockPlace &place : kDockPlaces)
        placeDock(place);
    const auto dock = [this](const char *name) { return findChild<QDockWidget *>(QString::fromLatin1(name)); };
    QDockWidget *catalog = dock("CatalogDock");
    QDockWidget *applications = dock("ApplicationsDock");
    QDockWidget *properties = dock("PropertiesDock");
    QDockWidget *activity = dock("ActivityDock");
    catalog->raise();
    dock("EndpointAppsDock")->raise();
    for (QToolBar *toolbar : findChildren<QToolBar *>())
        toolbar->show();
    // The catalog gets most of the room, the log a strip below, whatever the window's size.
    const QSize room = size();
    resizeDocks({catalog, applications}, {room.width() * 61 / 100, room.width() * 39 / 100}, Qt::Horizontal);
    resizeDocks({catalog, activity}, {room.height() * 62 / 100, room.height() * 38 / 100}, Qt::Vertical);
    resizeDocks({applications, properties}, {room.height() * 40 / 100, room.height() * 25 / 100}, Qt::Vertical);
}

void MainWindow::saveLayout()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    QStringList docks;
    for (const DockPlace &place : kDockPlaces)
        docks << QLatin1String(place.name);
    settings.setValue(QStringLiteral("window/docks"), docks);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // A push cut off now may leave applications at SMS whose ids the plan never gets.
    if (!m_endpoint->activity().isEmpty()
        && QMessageBox::question(this, tr("Work in progress"),
                                 tr("%1 is still running. Quit anyway? What was sent may have happened at the "
                                    "endpoint without the plan hearing of it.")
                                     .arg(m_endpoint->activity()),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    if (!m_files->maybeSave()) {
        event->ignore();
        return;
    }
    saveLayout();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile()
        && urls.front().toLocalFile().endsWith(QStringLiteral(".smsplan"), Qt::CaseInsensitive))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().front().toLocalFile();
    event->acceptProposedAction();
    // After the drop returns: a dialog inside a drop handler upsets some platforms.
    QMetaObject::invokeMethod(this, [this, path] {
        if (m_files->maybeSave())
            m_files->openFile(path);
    }, Qt::QueuedConnection);
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] \u2014 SMS Migration Planner").arg(m_files->displayName()));
    setWindowModified(m_document.isModified());
}

void MainWindow::updateActions()
{
    Actions &a = *m_actions;
    const bool connected = m_endpoint->isConnected();
    const bool catalogSelection = m_catalogPane->view()->selectionModel()->hasSelection();
    const auto treeKeys = m_applicationsPane->selectedKeys();
    const auto treeServers = m_applicationsPane->selectedServerIds();
    const bool treeSelection = !treeKeys.empty() || !treeServers.empty();
    const bool anyServers = m_catalogHasFocus ? catalogSelection : !treeServers.empty();
    a.cut->setEnabled(!m_catalogHasFocus && !treeServers.empty());
    a.copy->setEnabled(anyServers);
    a.paste->setEnabled(models::holdsServerIds(QApplication::clipboard()->mimeData()));
    a.remove->setEnabled(!m_catalogHasFocus && treeSelection);
    a.rename->setEnabled(!m_catalogHasFocus && !treeKeys.empty());
    a.newGroup->setEnabled(m_applicationsPane->currentApplication() != models::kNoKey);
    a.appSettings->setEnabled(m_applicationsPane->currentApplication() != models::kNoKey);
    const models::PlanPosition app = m_document.positionOf(m_applicationsPane->currentApplication());
    a.appValidationResults->setEnabled(connected && app.isValid() && !m_document.application(app.application).appId.empty());
    a.newFromSelection->setEnabled(anyServers);
    a.previewTemplate->setEnabled(m_applicationsPane->currentApplication() != models::kNoKey);
    a.addToGroup->setEnabled(anyServers);
    a.refreshCatalog->setEnabled(connected && !m_endpoint->isLoadingCatalog());
    const bool catalogFree = connected && !m_endpoint->isChangingCatalog();
    a.importCatalog->setEnabled(catalogFree);
    a.deleteCatalog->setEnabled(catalogFree);
    a.resetSandbox->setEnabled(m_session.isSandbox() && m_endpoint->activity().isEmpty());
    const bool appsFree = connected && !m_endpoint->isSyncingApplications();
    a.refreshApps->setEnabled(appsFree);
    a.pushApps->setEnabled(appsFree && !treeKeys.empty());
    a.deleteOnEndpoint->setEnabled(appsFree && !treeKeys.empty());
    a.reviewChanges->setEnabled(appsFree);
    a.applyPlan->setEnabled(appsFree);
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_files->recentFiles();
    for (const QString &path : files) {
        QAction *action = m_recentMenu->addAction(QFileInfo(path).fileName());
        action->setToolTip(path);
        connect(action, &QAction::triggered, this, [this, path] {
            if (m_files->maybeSave())
                m_files->openFile(path);
        });
    }
    if (!files.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Recent Files"), this, [this] { m_files->clearRecentFiles(); });
    }
    m_recentMenu->setEnabled(!files.isEmpty());
}

void MainWindow::updateProperties()
{
    if (m_catalogHasFocus) {
        const QModelIndexList rows = m_catalogPane->view()->selectionModel()->selectedRows();
        if (rows.size() == 1)
            m_propertiesPane->showServer(rows.front().data(models::CatalogTableModel::ServerIdRole).toString());
        else if (rows.isEmpty())
            m_propertiesPane->clear();
        else {
            // The settings editor below the summary edits them as one.
            std::vector<std::string> ids;
            for (const QModelIndex &row : rows)
                ids.push_back(row.data(models::CatalogTableModel::ServerIdRole).toString().toStdString());
            m_propertiesPane->showSelectionSummary(0, 0, int(rows.size()), std::move(ids));
        }
        return;
    }
    const QModelIndexList rows = m_applicationsPane->selectedRows();
    if (rows.size() != 1) {
        int apps = 0, groups = 0, servers = 0;
        std::vector<std::string> ids;  // the servers selected and those of the groups selected
        for (const QModelIndex &row : rows) {
            const Kind kind = models::ApplicationsTreeModel::kindOf(row);
            (kind == Kind::Application ? apps : kind == Kind::Group ? groups : servers) += 1;
            if (kind == Kind::Server)
                ids.push_back(row.data(models::ApplicationsTreeModel::ServerIdRole).toString().toStdString());
            const models::PlanPosition position
                = m_document.positionOf(models::PlanKey(row.data(models::ApplicationsTreeModel::KeyRole).toULongLong()));
            if (kind == Kind::Group && position.isGroup()) {
                const auto &members = m_document.group(position.application, position.group).serverIds;
                ids.insert(ids.end(), members.begin(), members.end());
            }
        }
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        if (rows.isEmpty())
            m_propertiesPane->clear();
        else
            m_propertiesPane->showSelectionSummary(apps, groups, servers, std::move(ids));
        return;
    }
    const QModelIndex row = rows.front();
    switch (models::ApplicationsTreeModel::kindOf(row)) {
    case Kind::Application:
        m_propertiesPane->showApplication(models::PlanKey(row.data(models::ApplicationsTreeModel::KeyRole).toULongLong()));
        break;
    case Kind::Group:
        m_propertiesPane->showGroup(models::PlanKey(row.data(models::ApplicationsTreeModel::KeyRole).toULongLong()));
        break;
    case Kind::Server:
        m_propertiesPane->showServer(row.data(models::ApplicationsTreeModel::ServerIdRole).toString());
        break;
    }
}

// The dialog stays open while the new endpoint is tried; the one in use
// stays until the new one has answered.
void MainWindow::showConnectionDialog()
{
    ConnectionDialog dialog(this);
    dialog.setTriesFirst(true);
    connect(&dialog, &ConnectionDialog::connectRequested, this, [this, &dialog] {
        m_session.switchTo(dialog.request(), dialog.sandboxChosen() ? services::SandboxReason::ConnectDialog
                                                                    : services::SandboxReason::NotAsked);
    });
    connect(&m_session, &services::EndpointSession::opened, &dialog, &ConnectionDialog::connected);
    connect(&m_session, &services::EndpointSession::switchFailed, &dialog, [&dialog](const SmsError &error) {
        dialog.connectFailed(services::plainWords(error, services::PlainLength::Whole));
    });
    if (dialog.exec() != QDialog::Accepted)
        m_session.cancelSwitch();
}

std::vector<std::string> MainWindow::selectedServersAnywhere() const
{
    return m_catalogHasFocus ? m_catalogPane->selectedServerIds() : m_applicationsPane->selectedServerIds();
}

void MainWindow::runNewApplicationWizard()
{
    NewApplicationWizard wizard(m_document, this);
    wizard.chooseServers(m_catalogPane->selectedServerIds());
    if (wizard.exec() != QDialog::Accepted || wizard.createdApplication() == models::kNoKey)
        return;
    m_applicationsPane->selectKey(wizard.createdApplication());
    if (!wizard.applyRequested())
        return;
    if (m_endpoint->isConnected())
        m_endpoint->reviewChanges();
    else
        statusBar()->showMessage(tr("Not connected: connect to an endpoint, then apply the plan."));
}

void MainWindow::editApplicationSettings()
{
    const models::PlanKey key = m_applicationsPane->currentApplication();
    const models::PlanPosition position = m_document.positionOf(key);
    if (!position.isValid())
        return;
    ApplicationSettingsDialog dialog(m_document.application(position.application), m_document.data().serverSettings,
                                     this);
    dialog.readEndpointSettings(m_session.client());
    if (dialog.exec() == QDialog::Accepted)
        m_editor.editApplicationSettings(key, dialog.settings(), dialog.launchOrders());
}

void MainWindow::showValidationResults()
{
    const models::PlanPosition position = m_document.positionOf(m_applicationsPane->currentApplication());
    if (!position.isValid() || m_document.application(position.application).appId.empty())
        return;
    const models::PlanApplication &app = m_document.application(position.application);
    auto *dialog = new ValidationResultsDialog(m_session, app.appId, QString::fromStdString(app.name), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::newApplication()
{
    m_applicationsPane->selectKey(m_editor.newApplication());
}

void MainWindow::newGroup()
{
    const models::PlanKey app = m_applicationsPane->currentApplication();
    if (app != models::kNoKey)
        m_applicationsPane->selectKey(m_editor.newGroup(app));
}

void MainWindow::newApplicationFromSelection()
{
    auto servers = selectedServersAnywhere();
    if (!servers.empty())
        m_applicationsPane->selectKey(m_editor.newApplicationFromServers(std::move(servers)));
}

void MainWindow::addSelectionToGroup()
{
    auto servers = selectedServersAnywhere();
    if (servers.empty())
        return;
    // Every group of the plan, by "Application / Group".
    QStringList names;
    std::vector<models::PlanKey> keys;
    for (const models::PlanApplication &app : m_document.applications()) {
        for (const models::PlanServerGroup &group : app.serverGroups) {
            names << QStringLiteral("%1 / %2").arg(QString::fromStdString(app.name), QString::fromStdString(group.name));
            keys.push_back(group.key);
        }
    }
    if (keys.empty()) {
        QMessageBox::information(this, tr("Add to group"),
                                 tr("The plan has no server group yet. Use \u201CNew Application from Selection\u201D "
                                    "to make one with these servers."));
        return;
    }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(this, tr("Add to group"),
                                                 tr("Add %n server(s) to:", nullptr, int(servers.size())), names, 0,
                                                 false, &ok);
    if (ok)
        m_editor.addServersToGroup(std::move(servers), keys[std::size_t(names.indexOf(chosen))]);
}

void MainWindow::deleteSelection()
{
    if (!m_catalogHasFocus)
        m_editor.deleteItems(m_applicationsPane->selectedKeys(), m_applicationsPane->selectedServerIds());
}

void MainWindow::renameCurrent()
{
    QTreeView *tree = m_applicationsPane->view();
    tree->edit(tree->currentIndex().siblingAtColumn(models::ApplicationsTreeModel::Name));
}

void MainWindow::copySelection(bool cut)
{
    auto servers = selectedServersAnywhere();
    if (servers.empty())
        return;
    QApplication::clipboard()->setMimeData(models::serverIdsMimeData(servers).release());
    if (cut) {
        const int count = int(servers.size());
        m_editor.removeServers(std::move(servers));
        statusBar()->showMessage(tr("Cut %n server(s): paste them onto a server group.", nullptr, count), 6000);
    }
}

void MainWindow::paste()
{
    const QMimeData *data = QApplication::clipboard()->mimeData();
    auto servers = data ? models::serverIdsFrom(*data) : std::vector<std::string>();
    if (servers.empty()) {
        statusBar()->showMessage(tr("The clipboard holds no servers."), 4000);
        return;
    }
    const models::PlanKey group = m_applicationsPane->currentGroup();
    const models::PlanKey app = m_applicationsPane->currentApplication();
    if (group != models::kNoKey)
        m_editor.addServersToGroup(std::move(servers), group);
    else if (app != models::kNoKey)
        m_applicationsPane->selectKey(m_editor.newGroupFromServers(std::move(servers), app));
    else
        m_applicationsPane->selectKey(m_editor.newApplicationFromServers(std::move(servers)));
}

} // namespace sms::ui
