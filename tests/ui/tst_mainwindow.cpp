// The planner's window end to end on an in-process sandbox: the catalog
// fills, two applications are built by drag and drop (through the models'
// drag-and-drop interface, as a view's drop calls it), the plan is saved and
// reopened, and the applications are created on the endpoint.

#include "models/ApplicationCommands.h"
#include "models/PlanMimeTypes.h"
#include "models/RecoveryStore.h"
#include "ui/ApplicationsPane.h"
#include "ui/CatalogPane.h"
#include "ui/EndpointActions.h"
#include "ui/MainWindow.h"
#include "ui/PlanFiles.h"
#include "ui/ReviewChangesDialog.h"
#include "ui/problems/ProblemsPane.h"
#include "ui/WindowPlacement.h"
#include "ui/launch/GroupNodeItem.h"
#include "ui/launch/LaunchGraphPane.h"
#include "ui/launch/LaunchGraphScene.h"
#include "ui/launch/LaunchGraphView.h"

#include <QAction>
#include <QCheckBox>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QMenuBar>
#include <QItemSelectionModel>
#include <QScreen>
#include <QSettings>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <functional>
#include <memory>

using namespace sms;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void catalogFills();
    void buildSaveReopenPush();
    void badPlanFileChangesNothing_data();
    void badPlanFileChangesNothing();
    void offersRecoveryAfterCrash();
    void oneEndpointJobAtATime();
    void reviewAndApplyThePlan();
    void refreshKeepsSettings();
    void pushResolvesInventoryServers();
    void problemsFollowThePlan();
    void launchGraphJourney();
    void untouchedSessionIsClean_data();
    void untouchedSessionIsClean();
    void placementFitsTheScreen_data();
    void placementFitsTheScreen();
    void windowFitsTheScreen_data();
    void windowFitsTheScreen();
    void resetLayoutRestoresTheDocks();
    void aLayoutSavedBeforeTheGraphTabsIt();
    void tabMovesBetweenPanes_data();
    void tabMovesBetweenPanes();
    void quitsQuietlyAfterApplying();
    void pasteFollowsTheClipboard_data();
    void pasteFollowsTheClipboard();

private:
    std::unique_ptr<ui::MainWindow> makeWindow();
    // A window whose catalog has been read, with the first application made of catalog rows first..last.
    std::unique_ptr<ui::MainWindow> windowWithApplication(int first, int last);
    static std::unique_ptr<QMimeData> catalogRows(ui::MainWindow &window, int first, int last);
    // The first column of each change Review Changes lists (it is closed unapplied).
    static QStringList reviewedChanges(ui::MainWindow &window);
    static void refreshAndWait(ui::MainWindow &window);

    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // Test mode's folders outlive a run: start without an earlier run's recovery copies.
    QDir(QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery")))
        .removeRecursively();
}

std::unique_ptr<ui::MainWindow> TestMainWindow::makeWindow()
{
    ui::StartOptions options;
    options.sandbox = true;
    options.sandboxOptions.servers = 400;
    options.sandboxOptions.demoApplications = false;
    auto window = std::make_unique<ui::MainWindow>(options);
    window->show();
    return window;
}

std::unique_ptr<ui::MainWindow> TestMainWindow::windowWithApplication(int first, int last)
{
    auto window = makeWindow();
    if (!QTest::qWaitFor([&] { return window->catalogPane()->view()->model()->rowCount() == 400; }, 30000)
        || !QTest::qWaitFor([&] { return !window->endpoint()->isLoadingCatalog(); }))
        return nullptr;
    auto rows = catalogRows(*window, first, last);
    if (!window->applicationsPane()->model().dropMimeData(rows.get(), Qt::CopyAction, -1, 0, {}))
        return nullptr;
    return window;
}

std::unique_ptr<QMimeData> TestMainWindow::catalogRows(ui::MainWindow &window, int first, int last)
{
    QTableView *table = window.catalogPane()->view();
    QModelIndexList rows;
    for (int row = first; row <= last; ++row)
        rows << table->model()->index(row, 0);
    return std::unique_ptr<QMimeData>(table->model()->mimeData(rows));
}

void TestMainWindow::catalogFills()
{
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    QCOMPARE(window->document().catalog().servers.size(), std::size_t(400));
    QVERIFY(!window->document().catalog().connectors.empty());
    QVERIFY(window->document().catalog().source.status.has_value());
}

void TestMainWindow::buildSaveReopenPush()
{
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    models::ApplicationsTreeModel &tree = window->applicationsPane()->model();

    // Two applications, each dropped onto empty space; then more servers onto the first one's group.
    auto first = catalogRows(*window, 0, 9);
    QVERIFY(tree.dropMimeData(first.get(), Qt::CopyAction, -1, 0, {}));
    auto second = catalogRows(*window, 10, 14);
    QVERIFY(tree.dropMimeData(second.get(), Qt::CopyAction, -1, 0, {}));
    const QModelIndex firstGroup = tree.index(0, 0, tree.index(0, 0));
    auto more = catalogRows(*window, 20, 22);
    QVERIFY(tree.dropMimeData(more.get(), Qt::CopyAction, -1, 0, firstGroup));
    const auto &apps = window->document().applications();
    QCOMPARE(apps.size(), std::size_t(2));
    QCOMPARE(apps[0].serverGroups[0].serverIds.size(), std::size_t(13));
    QCOMPARE(apps[1].serverGroups[0].serverIds.size(), std::size_t(5));
    QVERIFY(window->document().isModified());

    // Save, change, reopen: the saved plan comes back.
    const QString path = m_dir.filePath(QStringLiteral("two-apps.smsplan"));
    QVERIFY(window->files()->saveTo(path));
    QVERIFY(!window->document().isModified());
    const models::PlanData saved = window->document().data();
    window->document().undoStack().undo();  // the third drop
    QVERIFY(window->document().isModified());
    window->document().markSaved();  // no prompt: this test drives the window
    QVERIFY(window->files()->openFile(path));
    QCOMPARE(window->document().applications().size(), std::size_t(2));
    QCOMPARE(window->document().applications()[0].serverGroups[0].serverIds, saved.applications[0].serverGroups[0].serverIds);
    QCOMPARE(window->files()->filePath(), path);

    // Push both: each gets the endpoint's ids back.
    window->endpoint()->pushApplications({window->document().applications()[0].key,
                                          window->document().applications()[1].key});
    QTRY_VERIFY_WITH_TIMEOUT(!window->document().applications()[1].appId.empty(), 20000);
    QTRY_VERIFY(window->endpoint()->activity().isEmpty());
    for (const models::PlanApplication &app : window->document().applications()) {
        QVERIFY(app.appId.rfind("app-", 0) == 0);
        QVERIFY(!app.serverGroups[0].serverGroupId.empty());
    }
    // Read back from the endpoint: the same two applications, replaced in place.
    const auto pushed = window->document().applications();
    window->endpoint()->refreshApplications();
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 20000);
    QCOMPARE(window->document().applications().size(), std::size_t(2));
    for (std::size_t i = 0; i < pushed.size(); ++i) {
        QCOMPARE(window->document().applications()[i].appId, pushed[i].appId);
        QCOMPARE(window->document().applications()[i].serverGroups[0].serverIds, pushed[i].serverGroups[0].serverIds);
    }
    window->document().markSaved();
}

// A small plan on screen is kept while the file is read beside it; a big one
// only while the file is checked (PlanFiles::kCheckFirstFrom). Either way a
// bad file leaves it as it was.
void TestMainWindow::badPlanFileChangesNothing_data()
{
    QTest::addColumn<int>("moreServers");
    QTest::addRow("small plan on screen") << 0;
    QTest::addRow("big plan on screen") << int(ui::PlanFiles::kCheckFirstFrom);
}

void TestMainWindow::badPlanFileChangesNothing()
{
    QFETCH(int, moreServers);
    auto window = makeWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->isConnected(), 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    std::vector<api::Server> page(static_cast<std::size_t>(moreServers));
    for (int i = 0; i < moreServers; ++i)
        page[std::size_t(i)].serverId = "s-offline-" + std::to_string(i);
    window->document().appendServers(std::move(page));
    QVERIFY(window->document().catalog().servers.size() >= std::size_t(moreServers));
    window->document().markSaved();
    const std::size_t servers = window->document().catalog().servers.size();
    const QString path = m_dir.filePath(QStringLiteral("broken.smsplan"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"formatVersion\": 1, \"kind\": \"sms-migration-plan\", \"applications\": [");
    file.close();
    // The error dialog would wait for a click: close it as soon as it shows.
    QTimer::singleShot(0, this, [] {
        QTRY_VERIFY(QApplication::activeModalWidget());
        QApplication::activeModalWidget()->close();
    });
    QVERIFY(!window->files()->openFile(path));
    QCOMPARE(window->document().catalog().servers.size(), servers);
    QVERIFY(window->files()->filePath().isEmpty());
}

void TestMainWindow::offersRecoveryAfterCrash()
{
    // What a crashed session leaves behind: a recovery copy whose lock nobody holds.
    const QString dir =
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("recovery"));
    models::PlanData plan;
    models::PlanApplication recovered;
    recovered.key = 7;
    recovered.name = "Recovered app";
    recovered.serverGroups.resize(1);
    recovered.serverGroups[0].key = 8;
    recovered.serverGroups[0].name = "Web tier";
    recovered.serverGroups[0].serverIds = {"s-1", "s-2"};
    plan.applications.push_back(std::move(recovered));
    const QString original = m_dir.filePath(QStringLiteral("lost.smsplan"));
    {
        models::RecoveryStore crashed(dir);
        QVERIFY(crashed.save(original, plan).ok());
    }  // gone without discard(): its copy stays, its lock is free

    auto window = makeWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->isConnected(), 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    window->document().markSaved();
    QTimer::singleShot(0, this, [] {
        QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box->text().contains(QStringLiteral("lost.smsplan")));
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == QStringLiteral("Restore"))
                button->click();
        }
    });
    window->files()->offerRecovery();
    QCOMPARE(window->document().applications().size(), std::size_t(1));
    QCOMPARE(window->document().applications()[0].name, std::string("Recovered app"));
    QCOMPARE(window->document().applications()[0].serverGroups[0].serverIds, (std::vector<std::string>{"s-1", "s-2"}));
    QVERIFY(window->document().isModified());  // recovered work is still unsaved
    QCOMPARE(window->files()->filePath(), original);
    // Taken: a second look offers nothing (no dialog would open).
    QVERIFY(models::RecoveryStore(dir).orphans().empty());
    window->document().markSaved();
}

void TestMainWindow::oneEndpointJobAtATime()
{
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    models::ApplicationsTreeModel &tree = window->applicationsPane()->model();
    auto rows = catalogRows(*window, 0, 3);
    QVERIFY(tree.dropMimeData(rows.get(), Qt::CopyAction, -1, 0, {}));
    const models::PlanKey app = window->document().applications()[0].key;

    // A second push while the first runs would create the application twice.
    window->endpoint()->pushApplications({app});
    QVERIFY(window->endpoint()->isSyncingApplications());
    window->endpoint()->pushApplications({app});
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);
    const std::string appId = window->document().applications()[0].appId;
    QVERIFY(!appId.empty());
    window->endpoint()->refreshApplications();
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);
    QCOMPARE(window->document().applications().size(), std::size_t(1));
    QCOMPARE(window->document().applications()[0].appId, appId);

    // A catalog read cut short by another plan leaves a catalog marked
    // incomplete, not one that looks whole.
    window->endpoint()->loadCatalog();
    QVERIFY(window->endpoint()->isLoadingCatalog());
    window->document().reset({});  // as opening another plan does
    QVERIFY(!window->endpoint()->isLoadingCatalog());
    QVERIFY(window->document().catalog().servers.empty());
    QVERIFY(window->endpoint()->activity().isEmpty());
    window->document().markSaved();
}

// Calls `act` with the review dialog once it shows (polled from the dialog's
// own event loop: a wait inside a callback would sit under its exec()).
void whenReviewShows(const std::function<void(ui::ReviewChangesDialog *)> &act)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (auto *dialog = qobject_cast<ui::ReviewChangesDialog *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            act(dialog);
        }
    });
    poll->start(20);
}

// Review Changes lists what applying would do; Apply in it makes the endpoint
// match, the endpoint's ids come into the plan, and a second review finds nothing.
void TestMainWindow::reviewAndApplyThePlan()
{
    auto window = windowWithApplication(0, 5);
    QVERIFY(window);

    // The review: one CreateApp, Apply enabled; pressing it applies.
    QStringList seen;
    whenReviewShows([&](ui::ReviewChangesDialog *dialog) {
        for (int i = 0; i < dialog->tree()->topLevelItemCount(); ++i)
            seen << dialog->tree()->topLevelItem(i)->text(0);
        QVERIFY(dialog->applyButton()->isEnabled());
        dialog->applyButton()->click();
    });
    window->endpoint()->reviewChanges();
    QTRY_VERIFY_WITH_TIMEOUT(!window->document().applications()[0].appId.empty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);
    QCOMPARE(seen, QStringList{QStringLiteral("1. CreateApp")});
    QVERIFY(!window->document().applications()[0].serverGroups[0].serverGroupId.empty());
    QVERIFY(!window->document().data().planId.empty());

    // Refresh Apps: the plan's application stays, and is not retired (Apply once deleted it here).
    refreshAndWait(*window);
    QCOMPARE(window->document().applications().size(), std::size_t(1));
    QVERIFY(window->document().data().retiredAppIds.empty());
    QCOMPARE(reviewedChanges(*window), QStringList());

    // Edit, undo, apply again: still nothing to delete, and the application is still there.
    const models::PlanKey key = window->document().applications()[0].key;
    window->editor().renameApplication(key, "Renamed");
    window->document().undoStack().undo();
    refreshAndWait(*window);
    QCOMPARE(reviewedChanges(*window), QStringList());
    window->endpoint()->applyPlan();
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("matches the plan")));
    QCOMPARE(window->document().applications().size(), std::size_t(1));
    QVERIFY(!window->document().applications()[0].appId.empty());
    QCOMPARE(reviewedChanges(*window), QStringList());
}

// The wizard's kind of application, with replication and launch settings,
// keeps them through Apply and Refresh Apps (a refresh once dropped both).
void TestMainWindow::refreshKeepsSettings()
{
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    const models::PlanKey key = window->editor().newApplicationFromServers(
        {window->document().catalog().servers[0].serverId.value(), window->document().catalog().servers[1].serverId.value()},
        "Payroll");
    models::ApplicationSettings settings;
    settings.replication.emplace();
    settings.replication->frequency = 12;
    settings.replication->numberOfRecentAmisToKeep = 3;
    settings.launch.emplace();
    settings.launch->subnet = "subnet-0123456789abcdef0";
    settings.launch->securityGroup = "sg-0123456789abcdef0";
    settings.launch->instanceType = "m5.large";
    window->editor().editApplicationSettings(key, settings, {std::optional<int>(1)});
    window->endpoint()->applyPlan();
    QTRY_VERIFY_WITH_TIMEOUT(!window->document().applications()[0].appId.empty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);

    refreshAndWait(*window);
    const models::PlanApplication &app = window->document().applications()[0];
    QVERIFY(app.settings.replication == settings.replication);
    QVERIFY(app.settings.launch == settings.launch);
    QCOMPARE(app.serverGroups[0].launchOrder, std::optional<int>(1));
    QCOMPARE(reviewedChanges(*window), QStringList());
}

// Send to Endpoint resolves servers as Review and Apply do: a server from a
// CSV inventory (an offline id) is matched with the endpoint's by VM name.
void TestMainWindow::pushResolvesInventoryServers()
{
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    const api::Server endpointServer = window->document().catalog().servers[7];
    QVERIFY(endpointServer.vmServer && endpointServer.vmServer->vmName);
    api::Server offline;
    offline.serverId = "offline-0001";
    offline.serverType = endpointServer.serverType;
    offline.vmServer.emplace();
    offline.vmServer->vmName = endpointServer.vmServer->vmName;
    window->document().appendServers({offline});
    const models::PlanKey key = window->editor().newApplicationFromServers({"offline-0001"}, "Inventory app");

    window->endpoint()->pushApplications({key});
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);
    QVERIFY2(!window->document().applications()[0].appId.empty(),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(reviewedChanges(*window), QStringList());
}

QStringList TestMainWindow::reviewedChanges(ui::MainWindow &window)
{
    QStringList seen;
    whenReviewShows([&](ui::ReviewChangesDialog *dialog) {
        for (int i = 0; i < dialog->tree()->topLevelItemCount(); ++i)
            seen << dialog->tree()->topLevelItem(i)->text(0);
        dialog->reject();
    });
    window.endpoint()->reviewChanges();
    [&] { QTRY_VERIFY_WITH_TIMEOUT(!window.endpoint()->isSyncingApplications(), 20000); }();
    return seen;
}

void TestMainWindow::refreshAndWait(ui::MainWindow &window)
{
    window.endpoint()->refreshApplications();
    QTRY_VERIFY_WITH_TIMEOUT(!window.endpoint()->isSyncingApplications(), 20000);
}

// The Problems dock is in the View menu, counts the plan's issues in its
// title as the plan changes, and a double-click selects what one is about.
void TestMainWindow::problemsFollowThePlan()
{
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("ProblemsDock"));
    QVERIFY(dock);
    bool inViewMenu = false;
    for (QMenu *menu : window->menuBar()->findChildren<QMenu *>())
        inViewMenu = inViewMenu || menu->actions().contains(dock->toggleViewAction());
    QVERIFY(inViewMenu);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Problems"));

    // Two applications of one name: a duplicate-name warning, about the second.
    models::ApplicationsTreeModel &tree = window->applicationsPane()->model();
    for (int first : {0, 5}) {
        auto rows = catalogRows(*window, first, first + 4);
        QVERIFY(tree.dropMimeData(rows.get(), Qt::CopyAction, -1, 0, {}));
    }
    models::PlanDocument &document = window->document();
    models::ApplicationFields fields = models::fieldsOf(document.application(1));
    fields.name = document.application(0).name;
    document.undoStack().push(new models::EditApplicationCommand(document, document.application(1).key, fields));
    QTRY_COMPARE(dock->windowTitle(), QStringLiteral("Problems (1)"));

    auto *pane = qobject_cast<ui::ProblemsPane *>(dock->widget());
    QVERIFY(pane);
    Q_EMIT pane->view()->activated(pane->view()->model()->index(0, 0));
    QCOMPARE(window->applicationsPane()->currentApplication(), document.application(1).key);

    document.undoStack().undo();
    QTRY_COMPARE(dock->windowTitle(), QStringLiteral("Problems"));
    window->document().markSaved();
}

// Three groups, db -> app -> web drawn in the Launch Graph dock: the plan's
// launch orders follow, selection goes both ways, undo and redo take the edges.
void TestMainWindow::launchGraphJourney()
{
    auto window = windowWithApplication(0, 2);
    QVERIFY(window);
    models::PlanDocument &document = window->document();
    const models::PlanKey app = document.application(0).key;
    const models::PlanKey first = document.application(0).serverGroups.front().key;
    window->editor().renameGroup(first, "db");
    const models::PlanKey mid = window->editor().newGroup(app, "app");
    const models::PlanKey last = window->editor().newGroup(app, "web");
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("LaunchGraphDock"));
    QVERIFY(dock);
    QCOMPARE(dock->windowTitle(), QStringLiteral("Launch Graph"));
    dock->show();
    dock->raise();
    auto *pane = qobject_cast<ui::LaunchGraphPane *>(dock->widget());
    QVERIFY(pane);

    // The tree's selection picks the application and the group's box.
    window->applicationsPane()->selectKey(mid);
    pane->scene()->refreshNow();
    QCOMPARE(pane->scene()->application(), app);
    QCOMPARE(pane->scene()->selectedGroups(), std::vector<models::PlanKey>{mid});

    const int steps = document.undoStack().count();
    QVERIFY(pane->scene()->connectGroups(first, mid).isEmpty());
    QVERIFY(pane->scene()->connectGroups(mid, last).isEmpty());
    const auto orders = [&] {
        QStringList texts;
        for (const models::PlanServerGroup &group : document.application(0).serverGroups)
            texts << QString::number(group.launchOrder.value_or(0));
        return texts.join(QLatin1Char(','));
    };
    QCOMPARE(orders(), QStringLiteral("1,2,3"));
    pane->scene()->refreshNow();
    QCOMPARE(pane->scene()->node(last)->facts().launchOrder, 3);

    // A cycle is refused in the status bar, in words.
    QVERIFY(!pane->scene()->connectGroups(last, first).isEmpty());
    QVERIFY(window->statusBar()->currentMessage().contains(QStringLiteral("cycle")));

    // The graph's selection back in the tree.
    pane->scene()->clearSelection();
    pane->scene()->node(last)->setSelected(true);
    QCOMPARE(window->applicationsPane()->currentGroup(), last);

    document.undoStack().undo();
    QCOMPARE(orders(), QStringLiteral("1,2,1"));
    document.undoStack().undo();
    QCOMPARE(document.undoStack().count(), steps + 2);
    document.undoStack().redo();
    document.undoStack().redo();
    QCOMPARE(orders(), QStringLiteral("1,2,3"));
    document.markSaved();
}

void TestMainWindow::untouchedSessionIsClean_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<bool>("modified");
    QTest::addRow("untouched") << QString() << false;
    QTest::addRow("catalog read again") << QStringLiteral("refresh") << false;
    QTest::addRow("new application") << QStringLiteral("drop") << true;
    QTest::addRow("new application undone") << QStringLiteral("drop undo") << false;
    QTest::addRow("catalog read beside an application") << QStringLiteral("drop refresh") << true;
}

// The catalog, connectors and jobs read at start are the endpoint's, not the
// user's: a session nobody touched is "Untitled" and quits without asking.
void TestMainWindow::untouchedSessionIsClean()
{
    QFETCH(QString, action);
    QFETCH(bool, modified);
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 20000);  // the jobs too
    for (const QString &step : action.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (step == QLatin1String("refresh")) {
            window->endpoint()->loadCatalog();
            QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 20000);
        } else if (step == QLatin1String("drop")) {
            auto rows = catalogRows(*window, 0, 3);
            QVERIFY(window->applicationsPane()->model().dropMimeData(rows.get(), Qt::CopyAction, -1, 0, {}));
        } else if (step == QLatin1String("undo")) {
            window->document().undoStack().undo();
        }
    }
    QCOMPARE(window->document().isModified(), modified);
    QCOMPARE(window->isWindowModified(), modified);
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("Untitled[*]")));

    // Quitting asks only when there is something to lose; Cancel keeps the window.
    QString asked;
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, poll, [poll, &asked] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            asked = box->text();
            poll->deleteLater();
            box->button(QMessageBox::Cancel)->click();
        }
    });
    poll->start(20);
    QCOMPARE(window->close(), !modified);
    QCOMPARE(!asked.isEmpty(), modified);
    if (!asked.isEmpty())
        QVERIFY(asked.contains(QStringLiteral("Untitled")));
    else
        delete poll;
    window->document().markSaved();
}

void TestMainWindow::placementFitsTheScreen_data()
{
    QTest::addColumn<QRect>("available");
    QTest::addColumn<QRect>("geometry");  // a saved one; empty for a first start
    QTest::addRow("first start, 1366x768 laptop") << QRect(0, 0, 1366, 740) << QRect();
    QTest::addRow("first start, 1024x768") << QRect(0, 0, 1024, 728) << QRect();
    QTest::addRow("first start, large screen") << QRect(0, 0, 2560, 1400) << QRect();
    QTest::addRow("first start, second screen") << QRect(1920, 0, 1366, 768) << QRect();
    QTest::addRow("saved on a large monitor") << QRect(0, 0, 1366, 740) << QRect(100, 80, 1800, 1100);
    QTest::addRow("saved off to the right") << QRect(0, 0, 1366, 740) << QRect(1200, 300, 900, 600);
    QTest::addRow("saved on a screen now gone") << QRect(0, 0, 1366, 740) << QRect(-2000, -500, 1000, 700);
    QTest::addRow("saved and still fits") << QRect(0, 0, 1366, 740) << QRect(50, 60, 1000, 600);
}

// A first start's size and a restored geometry both fit in the screen's
// available room, frame allowance included; a geometry that fits stays.
void TestMainWindow::placementFitsTheScreen()
{
    QFETCH(QRect, available);
    QFETCH(QRect, geometry);
    const QSize size = ui::defaultWindowSize(available);
    QVERIFY(size.width() <= available.width() - 16 && size.height() <= available.height() - 40);
    QVERIFY(size.width() <= 1500 && size.height() <= 900);
    if (available.width() >= 1600 && available.height() >= 1000)
        QCOMPARE(size, QSize(1500, 900));
    if (geometry.isEmpty())
        return;
    const QRect fitted = ui::fittedWindowGeometry(geometry, available);
    QVERIFY2(available.contains(fitted.adjusted(-8, -32, 8, 8)),
             qPrintable(QStringLiteral("%1,%2 %3x%4").arg(fitted.x()).arg(fitted.y()).arg(fitted.width()).arg(fitted.height())));
    if (available.adjusted(8, 32, -8, -8).contains(geometry))
        QCOMPARE(fitted, geometry);
    else
        QCOMPARE(fitted.size(), geometry.size().boundedTo(available.size() - QSize(16, 40)));
}

void TestMainWindow::windowFitsTheScreen_data()
{
    QTest::addColumn<QRect>("saved");  // empty: a first start
    QTest::addRow("first start") << QRect();
    QTest::addRow("saved on a larger screen") << QRect(-100, -50, 2400, 1500);
}

// The offscreen test screen is smaller than the window's old fixed 1500x900.
void TestMainWindow::windowFitsTheScreen()
{
    QFETCH(QRect, saved);
    QSettings().remove(QStringLiteral("window"));
    if (!saved.isEmpty()) {
        QWidget large;
        large.setGeometry(saved);
        QSettings().setValue(QStringLiteral("window/geometry"), large.saveGeometry());
    }
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const QRect available = window->screen()->availableGeometry();
    const QRect frame = window->frameGeometry();
    QVERIFY2(available.contains(frame), qPrintable(QStringLiteral("%1,%2 %3x%4 in %5x%6")
                                                       .arg(frame.x()).arg(frame.y()).arg(frame.width())
                                                       .arg(frame.height()).arg(available.width())
                                                       .arg(available.height())));
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 30000);
    window->document().markSaved();
    QSettings().remove(QStringLiteral("window"));
}

// View > Reset Layout puts every dock back where a first start has it,
// shown, with the catalog given most of the width again.
void TestMainWindow::resetLayoutRestoresTheDocks()
{
    QSettings().remove(QStringLiteral("window"));
    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    const auto dock = [&](const char *name) { return window->findChild<QDockWidget *>(QString::fromLatin1(name)); };
    QDockWidget *catalog = dock("CatalogDock");
    QDockWidget *applications = dock("ApplicationsDock");
    QDockWidget *properties = dock("PropertiesDock");
    QDockWidget *connectors = dock("ConnectorsDock");
    QDockWidget *activity = dock("ActivityDock");
    QVERIFY(catalog && applications && properties && connectors && activity);
    QTRY_VERIFY(catalog->width() > applications->width());

    // A layout gone wrong: the catalog squeezed, panes moved, closed and floating.
    window->resizeDocks({catalog, applications}, {60, 2000}, Qt::Horizontal);
    window->addDockWidget(Qt::LeftDockWidgetArea, activity);
    window->addDockWidget(Qt::TopDockWidgetArea, properties);
    connectors->close();
    applications->setFloating(true);
    QCoreApplication::processEvents();

    QAction *reset = window->findChild<QAction *>(QStringLiteral("resetLayoutAction"));
    QVERIFY(reset);
    reset->trigger();
    QCOMPARE(window->dockWidgetArea(catalog), Qt::LeftDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(applications), Qt::RightDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(properties), Qt::RightDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(connectors), Qt::BottomDockWidgetArea);
    QCOMPARE(window->dockWidgetArea(activity), Qt::BottomDockWidgetArea);
    QVERIFY(window->tabifiedDockWidgets(connectors).contains(activity));
    for (QDockWidget *pane : {catalog, applications, properties, connectors, activity}) {
        QVERIFY2(!pane->isFloating(), qPrintable(pane->objectName()));
        QVERIFY2(pane->toggleViewAction()->isChecked(), qPrintable(pane->objectName()));
    }
    QTRY_VERIFY(catalog->width() > applications->width());
    QTRY_VERIFY(catalog->height() > activity->height());
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 30000);
    window->document().markSaved();
}

// A layout saved by a version without the launch graph: the graph joins the
// left area's tabs, as on a first start, instead of a strip of its own.
void TestMainWindow::aLayoutSavedBeforeTheGraphTabsIt()
{
    QSettings().remove(QStringLiteral("window"));
    QByteArray oldState;
    {
        auto window = makeWindow();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        window->removeDockWidget(window->findChild<QDockWidget *>(QStringLiteral("LaunchGraphDock")));
        oldState = window->saveState();
        QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 30000);
        window->document().markSaved();
    }
    QSettings settings;
    settings.remove(QStringLiteral("window"));
    settings.setValue(QStringLiteral("window/state"), oldState);

    auto window = makeWindow();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    auto *graph = window->findChild<QDockWidget *>(QStringLiteral("LaunchGraphDock"));
    auto *monitor = window->findChild<QDockWidget *>(QStringLiteral("MonitorDock"));
    QVERIFY(window->tabifiedDockWidgets(monitor).contains(graph));
    QCOMPARE(window->dockWidgetArea(graph), Qt::LeftDockWidgetArea);
    QVERIFY(graph->toggleViewAction()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 30000);
    window->document().markSaved();
    QVERIFY(window->close());
    // Saved again, the layout lists every dock, so a dock the user moves stays moved.
    QVERIFY(QSettings().value(QStringLiteral("window/docks")).toStringList().contains(QStringLiteral("LaunchGraphDock")));
    QSettings().remove(QStringLiteral("window"));
}

void TestMainWindow::tabMovesBetweenPanes_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<bool>("backwards");
    QTest::addColumn<QString>("to");
    QTest::addRow("Tab from the catalog") << QStringLiteral("catalog") << false << QStringLiteral("applications");
    QTest::addRow("Shift+Tab from the catalog") << QStringLiteral("catalog") << true << QStringLiteral("catalog filters");
    QTest::addRow("Shift+Tab from the applications") << QStringLiteral("applications") << true
                                                    << QStringLiteral("catalog");
    QTest::addRow("Tab from an application") << QStringLiteral("application") << false << QStringLiteral("properties");
}

// Tab and Shift+Tab move between panes; in the catalog table they used to
// move the current cell and replace the selection instead.
void TestMainWindow::tabMovesBetweenPanes()
{
    QFETCH(QString, from);
    QFETCH(bool, backwards);
    QFETCH(QString, to);
    auto window = makeWindow();
    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTableView *table = window->catalogPane()->view();
    QTreeView *tree = window->applicationsPane()->view();
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 400, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->activity().isEmpty(), 20000);

    // Rows 2 to 4 chosen, row 3 current.
    QAbstractItemModel *model = table->model();
    table->selectionModel()->select(QItemSelection(model->index(2, 0), model->index(4, model->columnCount() - 1)),
                                    QItemSelectionModel::ClearAndSelect);
    table->selectionModel()->setCurrentIndex(model->index(3, 0), QItemSelectionModel::NoUpdate);
    const QModelIndexList selected = table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 3);

    if (from == QLatin1String("application")) {  // its fields in Properties come next
        auto rows = catalogRows(*window, 10, 11);
        QVERIFY(window->applicationsPane()->model().dropMimeData(rows.get(), Qt::CopyAction, -1, 0, {}));
        window->applicationsPane()->selectKey(window->document().applications()[0].key);
    }
    QWidget *start = from == QLatin1String("catalog") ? static_cast<QWidget *>(table) : tree;
    start->setFocus(Qt::OtherFocusReason);
    QTRY_VERIFY(start->hasFocus());
    QTest::keyClick(start, Qt::Key_Tab, backwards ? Qt::ShiftModifier : Qt::NoModifier);

    QWidget *focus = QApplication::focusWidget();
    QVERIFY(focus);
    const QString name = QString::fromLatin1(focus->metaObject()->className()) + QLatin1Char(' ') + focus->objectName();
    if (to == QLatin1String("applications"))
        QVERIFY2(focus == tree, qPrintable(name));
    else if (to == QLatin1String("catalog"))
        QVERIFY2(focus == table, qPrintable(name));
    else if (to == QLatin1String("properties"))
        QVERIFY2(window->findChild<QDockWidget *>(QStringLiteral("PropertiesDock"))->isAncestorOf(focus), qPrintable(name));
    else  // the filters above the table, the nearest first
        QVERIFY2(focus != table && window->catalogPane()->isAncestorOf(focus) && qobject_cast<QCheckBox *>(focus),
                 qPrintable(name));
    QCOMPARE(table->selectionModel()->selectedRows(), selected);
    QCOMPARE(table->currentIndex().row(), 3);
    window->document().markSaved();
}

// Quitting right after an apply, as a user does: Qt says nothing about the
// replies the window's calls leave behind (no "QNetworkReplyImplPrivate::error
// ... must only be called once").
void TestMainWindow::quitsQuietlyAfterApplying()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral("QNetworkReply")));
    auto window = windowWithApplication(10, 15);
    QVERIFY(window);
    whenReviewShows([](ui::ReviewChangesDialog *dialog) { dialog->applyButton()->click(); });
    window->endpoint()->reviewChanges();
    QTRY_VERIFY_WITH_TIMEOUT(!window->document().applications()[0].appId.empty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);
    window->document().markSaved();
    window->close();
    window.reset();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
}

void TestMainWindow::pasteFollowsTheClipboard_data()
{
    QTest::addColumn<QString>("held");  // what the clipboard holds
    QTest::addColumn<bool>("enabled");
    QTest::addRow("nothing") << "" << false;
    QTest::addRow("plain text") << "text" << false;
    QTest::addRow("servers") << "servers" << true;
    QTest::addRow("servers, then text") << "servers text" << false;
    QTest::addRow("text, then servers") << "text servers" << true;
}

// Paste is offered only while the clipboard holds servers, whoever put what there.
void TestMainWindow::pasteFollowsTheClipboard()
{
    QFETCH(QString, held);
    QFETCH(bool, enabled);
    QApplication::clipboard()->clear();
    auto window = makeWindow();
    auto *paste = window->findChild<QAction *>(QStringLiteral("pasteAction"));
    QVERIFY(paste);
    QVERIFY(!paste->isEnabled());
    for (const QString &what : held.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (what == QLatin1String("servers"))
            QApplication::clipboard()->setMimeData(models::serverIdsMimeData({"s-1", "s-2"}).release());
        else
            QApplication::clipboard()->setText(QStringLiteral("just text"));
    }
    QTRY_COMPARE(paste->isEnabled(), enabled);
    QApplication::clipboard()->clear();
    QTRY_VERIFY(!paste->isEnabled());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
