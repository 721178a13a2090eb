// The planner's window end to end on an in-process sandbox: the catalog
// fills, two applications are built by drag and drop (through the models'
// drag-and-drop interface, as a view's drop calls it), the plan is saved and
// reopened, and the applications are created on the endpoint.

#include "models/PlanMimeTypes.h"
#include "models/RecoveryStore.h"
#include "ui/ApplicationsPane.h"
#include "ui/CatalogPane.h"
#include "ui/EndpointActions.h"
#include "ui/MainWindow.h"
#include "ui/PlanFiles.h"
#include "ui/ReviewChangesDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
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
    void badPlanFileChangesNothing();
    void offersRecoveryAfterCrash();
    void oneEndpointJobAtATime();
    void reviewAndApplyThePlan();
    void pasteFollowsTheClipboard_data();
    void pasteFollowsTheClipboard();

private:
    std::unique_ptr<ui::MainWindow> makeWindow();
    static std::unique_ptr<QMimeData> catalogRows(ui::MainWindow &window, int first, int last);

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

void TestMainWindow::badPlanFileChangesNothing()
{
    auto window = makeWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->endpoint()->isConnected(), 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
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
    auto window = makeWindow();
    QTRY_COMPARE_WITH_TIMEOUT(window->catalogPane()->view()->model()->rowCount(), 400, 30000);
    QTRY_VERIFY(!window->endpoint()->isLoadingCatalog());
    models::ApplicationsTreeModel &tree = window->applicationsPane()->model();
    auto rows = catalogRows(*window, 0, 5);
    QVERIFY(tree.dropMimeData(rows.get(), Qt::CopyAction, -1, 0, {}));

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

    // Nothing left to change: Apply is disabled.
    bool applyEnabled = true;
    whenReviewShows([&](ui::ReviewChangesDialog *dialog) {
        applyEnabled = dialog->applyButton()->isEnabled() || dialog->tree()->topLevelItemCount() != 0;
        dialog->reject();
    });
    window->endpoint()->reviewChanges();
    QTRY_VERIFY_WITH_TIMEOUT(!window->endpoint()->isSyncingApplications(), 20000);
    QVERIFY(!applyEnabled);
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
