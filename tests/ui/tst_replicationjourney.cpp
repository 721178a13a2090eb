// Replication from the window, end to end, on an in-process sandbox whose
// clock runs 600 times fast: what a new user sees on first start, an
// application started, watched to REPLICATED, brought into the plan and
// stopped; a new application made with the wizard's defaults, applied and
// replicated; a launched application terminated and launched again; and
// issue 14's whole journey: a three-tier application's launch order drawn,
// its servers' launch settings filled in one bulk edit, its CloudFormation
// previewed offline, applied, replicated, launched and terminated; a server's own job created, edited and deleted from the
// Catalog; and a failed run flagged, notified and run again on demand. Each
// step goes through the actions the user clicks and the views they read.

#include "models/ApplicationsTreeModel.h"
#include "models/CatalogTableModel.h"
#include "models/PlanDocument.h"
#include "models/PlanSettings.h"
#include "sandbox/SandboxState.h"
#include "services/EndpointSession.h"
#include "models/EndpointAppsModel.h"
#include "models/ReplicationJobsModel.h"
#include "ui/ApplicationsPane.h"
#include "ui/CatalogPane.h"
#include "ui/EndpointActions.h"
#include "ui/MainWindow.h"
#include "ui/NewApplicationWizard.h"
#include "ui/ReviewChangesDialog.h"
#include "ui/monitor/ReplicationMonitorPane.h"
#include "ui/monitor/StateSummaryChart.h"
#include "ui/notify/Notifier.h"
#include "ui/replication/EndpointAppsPane.h"
#include "ui/replication/ReplicationJobDialog.h"
#include "ui/replication/ReplicationWorkspace.h"
#include "ui/replication/ServerJobActions.h"
#include "ui/PropertiesPane.h"
#include "ui/launch/GroupNodeItem.h"
#include "ui/launch/LaunchGraphPane.h"
#include "ui/launch/LaunchGraphScene.h"
#include "ui/settings/SettingFieldRow.h"
#include "ui/settings/SettingsEditor.h"
#include "ui/templates/TemplateViewer.h"
#include "ui/settings/RangeSpinBox.h"
#include "ui/wizard/ApplicationDetailsPage.h"
#include "ui/wizard/ApplicationReviewPage.h"
#include "tests/support/SelectServers.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QTreeView>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <memory>
#include <set>

using namespace sms;
using services::ReplicationAction;

namespace {

// A Notifier that keeps what it was told, as a desktop would show it.
class RecordingNotifier : public ui::Notifier
{
public:
    void notify(const ui::Notice &notice) override { notices.push_back(notice); }
    std::vector<ui::Notice> notices;
};

// Calls `act` with the modal widget of type T once it shows (polled from
// its own event loop: a wait inside a callback would sit under its exec()).
// Deleting the poll returned gives up waiting.
template <typename T>
QPointer<QTimer> whenShown(std::function<void(T *)> act)
{
    auto *poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act] {
        if (auto *widget = qobject_cast<T *>(QApplication::activeModalWidget())) {
            poll->stop();
            poll->deleteLater();
            act(widget);
        }
    });
    poll->start(20);
    return poll;
}

struct Session
{
    std::unique_ptr<ui::MainWindow> window;
    RecordingNotifier *notifier = nullptr;

    ui::EndpointAppsPane &pane() const { return *window->replication()->applicationsPane(); }
    models::ReplicationStore &store() const { return window->replication()->store(); }
    QAction &action(ReplicationAction which) const { return *pane().action(which); }

    QModelIndex appRow(const QString &name, int column = models::EndpointAppsModel::Name) const
    {
        QAbstractItemModel *model = pane().applicationsView()->model();
        const QModelIndexList found = model->match(model->index(0, models::EndpointAppsModel::Name), Qt::DisplayRole,
                                                   name, 1, Qt::MatchExactly);
        return found.isEmpty() ? QModelIndex() : found.first().siblingAtColumn(column);
    }
    QString replicationOf(const QString &name) const
    {
        return appRow(name, models::EndpointAppsModel::ReplicationStatus).data().toString();
    }
    void selectApplication(const QString &name) const
    {
        pane().applicationsView()->selectionModel()->select(appRow(name), QItemSelectionModel::ClearAndSelect
                                                                             | QItemSelectionModel::Rows);
    }
    // Waits for `reached`, asking for a fresh read as the Refresh button does.
    bool refreshUntil(const std::function<bool()> &reached) const
    {
        return QTest::qWaitFor(
            [&] {
                if (reached())
                    return true;
                pane().refreshAction()->trigger();
                QTest::qWait(50);
                return reached();
            },
            60000);
    }
    bool run(ReplicationAction which) const
    {
        QSignalSpy finished(window->replication(), &ui::ReplicationWorkspace::actionFinished);
        if (!action(which).isEnabled()) {
            qWarning("%s", qPrintable(action(which).toolTip()));
            return false;
        }
        // A refusal is shown in a message box: say what it said, and close it.
        QPointer<QTimer> refusal = whenShown<QMessageBox>([](QMessageBox *box) {
            qWarning("%s", qPrintable(box->text()));
            box->close();
        });
        action(which).trigger();
        const bool done = finished.wait(20000) && finished.first().at(1).toBool();
        delete refusal.data();
        return done;
    }
};

Session openSandbox(double failureRate)
{
    ui::StartOptions options;
    options.sandbox = true;
    options.sandboxOptions.servers = 200;
    options.sandboxOptions.timeScale = 600;
    options.sandboxOptions.failureRate = failureRate;
    Session session{std::make_unique<ui::MainWindow>(options)};
    auto notifier = std::make_unique<RecordingNotifier>();
    session.notifier = notifier.get();
    session.window->replication()->setNotifier(std::move(notifier));
    session.window->show();
    return session;
}

// Servers of the catalog in no endpoint application, with no job and a
// healthy connector for their VM manager: free to be put in a new
// application or replicated alone. The sandbox's estate also has a few
// servers SMS refuses to replicate, which GetServers does not tell: left out too.
std::vector<std::string> freeServers(const Session &s, std::size_t count)
{
    std::set<std::string> healthyManagers;
    for (const api::Connector &connector : s.window->document().catalog().connectors)
        if (connector.status == api::ConnectorStatus::Healthy && connector.vmManagerId)
            healthyManagers.insert(*connector.vmManagerId);
    sandbox::SandboxState &sandbox = s.window->session().sandbox()->engine().state();
    const auto replicable = [&](const api::Server &server) {
        const sandbox::EstateServer *known = sandbox.catalogServer(server.serverId.value_or(std::string()));
        return known && known->replicable && server.vmServer && server.vmServer->vmServerAddress
               && healthyManagers.count(server.vmServer->vmServerAddress->vmManagerId.value_or(std::string()));
    };
    std::set<std::string> taken;
    for (const auto &[appId, servers] : s.store().lastSnapshot()->appServers)
        for (const models::MonitoredServer &server : servers)
            taken.insert(server.serverId);
    for (const api::ReplicationJob &job : s.store().lastSnapshot()->jobs)
        taken.insert(job.serverId.value_or(std::string()));
    std::vector<std::string> free;
    for (const api::Server &server : s.window->document().catalog().servers)
        if (free.size() < count && !taken.count(server.serverId.value_or(std::string())) && !server.replicationJobId
            && replicable(server))
            free.push_back(*server.serverId);
    return free;
}

// Types `text` into a settings field and commits it with Return, as a user does.
void typeInto(ui::SettingFieldRow *row, const QString &text)
{
    QLineEdit *edit = row->findChild<QLineEdit *>();
    if (auto *box = row->findChild<QComboBox *>(); box && box->isEditable())
        edit = box->lineEdit();
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
    QTest::keyClick(edit, Qt::Key_Return);
    QCoreApplication::processEvents();
}

// Answers the next message box's question with `button`.
void answerNextQuestion(QMessageBox::StandardButton button)
{
    QTimer::singleShot(0, [button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box)
            box->button(button)->click();
    });
}

} // namespace

class TestReplicationJourney : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void demoApplicationsOnFirstStart();
    void startWatchBringIntoPlanStop();
    void failedRunFlaggedNotifiedAndRunAgain();
    void wizardDefaultsReplicateToTheEnd();
    void serverJobFromTheCatalog();
    void terminateAndLaunchAgain();
    void threeTiersDrawnSetPreviewedAppliedLaunched();
};

void TestReplicationJourney::demoApplicationsOnFirstStart()
{
    const Session s = openSandbox(0.0);
    // Nothing clicked: the Endpoint Applications dock is in front and reads at once.
    QTRY_COMPARE_WITH_TIMEOUT(s.store().applications().rowCount(), 4, 30000);
    for (const char *name : {"Payroll", "Intranet", "CRM", "Billing"}) {
        QVERIFY2(s.appRow(QString::fromLatin1(name)).isValid(), name);
        QVERIFY(!s.replicationOf(QString::fromLatin1(name)).isEmpty());
    }
    QCOMPARE(s.replicationOf(QStringLiteral("CRM")), QStringLiteral("Ready for replication"));
    QCOMPARE(s.appRow(QStringLiteral("Payroll"), models::EndpointAppsModel::LaunchStatus).data().toString(),
             QStringLiteral("Launched"));
    // The first application is picked for the user, with its servers' jobs below it.
    QVERIFY(!s.pane().selectedAppId().isEmpty());
    QTRY_VERIFY(s.window->replication()->statusLabel()->text().startsWith(QStringLiteral("Replication read again")));
    QVERIFY(s.notifier->notices.empty());  // what happened before the planner watched is not news
}

void TestReplicationJourney::startWatchBringIntoPlanStop()
{
    const Session s = openSandbox(0.0);
    QTRY_COMPARE_WITH_TIMEOUT(s.store().applications().rowCount(), 4, 30000);
    s.selectApplication(QStringLiteral("CRM"));
    QVERIFY(!s.action(ReplicationAction::StopApplication).isEnabled());
    QVERIFY(!s.action(ReplicationAction::StopApplication).toolTip().isEmpty());  // says why not
    QVERIFY(s.run(ReplicationAction::StartApplication));

    QVERIFY(s.refreshUntil([&] { return s.replicationOf(QStringLiteral("CRM")) == QStringLiteral("Replicated"); }));
    // Every server replicated, in the summary chart too; the user was told.
    const QString crmId = s.pane().selectedAppId();
    QVERIFY(s.refreshUntil([&] {
        for (const models::ApplicationCounts &counts : s.store().counts())
            if (counts.appId == crmId.toStdString())
                return counts.servers[std::size_t(models::JobBucket::Completed)] == 5;
        return false;
    }));
    ui::StateSummaryChart *summary = s.window->replication()->monitorPane()->summaryChart();
    const qsizetype crmBar = summary->appIds().indexOf(crmId);
    QVERIFY(crmBar >= 0);
    // The charts follow the store a turn later (ReplicationWorkspace::passFinished).
    QTRY_COMPARE(summary->barSet(models::JobBucket::Completed)->at(crmBar), 5.0);
    QVERIFY(std::any_of(s.notifier->notices.begin(), s.notifier->notices.end(),
                        [](const ui::Notice &n) { return n.body.contains(QStringLiteral("CRM is replicated")); }));
    QVERIFY(s.action(ReplicationAction::StopApplication).isEnabled());
    QVERIFY(!s.action(ReplicationAction::StartApplication).isEnabled());

    // Into the plan, where the Applications tree shows the same live status.
    s.pane().bringIntoPlanAction()->trigger();
    models::ApplicationsTreeModel &tree = s.window->applicationsPane()->model();
    const auto crmInTree = [&] {
        for (int row = 0; row < tree.rowCount(); ++row)
            if (tree.index(row, 0).data().toString() == QStringLiteral("CRM"))
                return tree.index(row, models::ApplicationsTreeModel::Replication);
        return QModelIndex();
    };
    QTRY_VERIFY_WITH_TIMEOUT(crmInTree().isValid(), 20000);
    QCOMPARE(crmInTree().data().toString(), QStringLiteral("Replicated"));

    // Stopping asks first; the answer Cancel leaves it replicating.
    answerNextQuestion(QMessageBox::Cancel);
    QSignalSpy finished(s.window->replication(), &ui::ReplicationWorkspace::actionFinished);
    s.action(ReplicationAction::StopApplication).trigger();
    QVERIFY(!finished.wait(500));
    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(s.run(ReplicationAction::StopApplication));
    QVERIFY(s.refreshUntil([&] { return s.replicationOf(QStringLiteral("CRM")) == QStringLiteral("Replication stopped"); }));
    QTRY_COMPARE(crmInTree().data().toString(), QStringLiteral("Replication stopped"));
    QVERIFY(s.action(ReplicationAction::StartApplication).isEnabled());  // and it may start again
}

void TestReplicationJourney::failedRunFlaggedNotifiedAndRunAgain()
{
    const Session s = openSandbox(1.0);  // every run fails
    QTRY_COMPARE_WITH_TIMEOUT(s.store().applications().rowCount(), 4, 30000);
    s.selectApplication(QStringLiteral("CRM"));
    QVERIFY(s.run(ReplicationAction::StartApplication));

    // Flagged in the jobs table (a bad tone) and notified, one notice a pass.
    QTableView *jobs = s.pane().jobsView();
    QVERIFY(s.refreshUntil([&] { return !s.notifier->notices.empty(); }));
    const ui::Notice &notice = s.notifier->notices.front();
    QCOMPARE(notice.urgency, ui::Notice::Urgency::Warning);
    QVERIFY2(notice.title.contains(QStringLiteral("failed")), qPrintable(notice.title));
    QVERIFY(s.refreshUntil([&] {
        return jobs->model()->rowCount() == 5
               && jobs->model()->index(0, 0).data(models::ReplicationJobsModel::ToneRole).toInt()
                      >= int(models::Tone::Warning);
    }));

    // The first server's job runs again on demand, as soon as no run is in progress.
    jobs->selectRow(0);
    const QString jobId = s.pane().selectedJobId();
    QVERIFY(!jobId.isEmpty());
    QVERIFY(s.refreshUntil([&] { return s.action(ReplicationAction::RunJob).isEnabled(); }));
    QVERIFY(s.run(ReplicationAction::RunJob));
    QVERIFY(s.refreshUntil([&] {
        const models::SnapshotPtr &last = s.store().lastSnapshot();
        const auto runs = last ? last->runs.find(jobId.toStdString()) : decltype(last->runs)::const_iterator();
        return last && runs != last->runs.end()
               && std::any_of(runs->second.begin(), runs->second.end(), [](const api::ReplicationRun &run) {
                      return run.type && *run.type == api::ReplicationRunType::OnDemand;
                  });
    }));
    // Shown in the monitor's runs table for that server.
    QTRY_VERIFY(s.window->replication()->monitorPane()->headerText().contains(
        jobs->model()->index(0, models::ReplicationJobsModel::Server).data().toString()));
}

// The "done when": a new application with nothing but the wizard's
// defaults (a name and two servers), applied, started and watched to REPLICATED.
void TestReplicationJourney::wizardDefaultsReplicateToTheEnd()
{
    const Session s = openSandbox(0.0);
    QTRY_COMPARE_WITH_TIMEOUT(s.store().applications().rowCount(), 4, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!s.window->document().catalog().servers.empty(), 30000);
    const std::vector<std::string> servers = freeServers(s, 2);
    QCOMPARE(servers.size(), std::size_t(2));
    selectServers(s.window->catalogPane()->view(), servers);

    whenShown<ui::NewApplicationWizard>([](ui::NewApplicationWizard *wizard) {
        QTest::keyClicks(wizard->detailsPage()->nameEdit(), QStringLiteral("Shop"));
        while (wizard->currentId() != ui::NewApplicationWizard::ReviewPageId) {
            const int before = wizard->currentId();
            wizard->next();
            if (wizard->currentId() == before)
                return wizard->reject();  // a page refused its defaults: the checks below fail
        }
        wizard->reviewPage()->applyNowCheck()->setChecked(true);
        whenShown<ui::ReviewChangesDialog>([](ui::ReviewChangesDialog *review) { review->applyButton()->click(); });
        wizard->accept();
    });
    s.window->findChild<QAction *>(QStringLiteral("newApplicationWizardAction"))->trigger();
    QCOMPARE(s.window->document().applications().size(), std::size_t(1));
    QTRY_VERIFY_WITH_TIMEOUT(!s.window->document().applications()[0].appId.empty(), 30000);

    // At the endpoint with the defaults; started there from the Endpoint Applications pane.
    QVERIFY(s.refreshUntil([&] { return s.appRow(QStringLiteral("Shop")).isValid(); }));
    s.selectApplication(QStringLiteral("Shop"));
    // Its replication configuration is put after CreateApp, in the same apply.
    QVERIFY(s.refreshUntil([&] { return s.action(ReplicationAction::StartApplication).isEnabled(); }));
    QVERIFY(s.run(ReplicationAction::StartApplication));
    QVERIFY(s.refreshUntil([&] { return s.replicationOf(QStringLiteral("Shop")) == QStringLiteral("Replicated"); }));

    // The runs moved: the history chart's samples saw a run in progress, and both jobs completed.
    const std::string shopId = s.pane().selectedAppId().toStdString();
    const models::ApplicationHistory history = s.store().history(shopId);
    QVERIFY(std::any_of(history.samples.begin(), history.samples.end(), [](const models::StateSample &sample) {
        return sample.servers[std::size_t(models::JobBucket::Replicating)] > 0;
    }));
    QVERIFY(s.refreshUntil([&] {
        for (const models::ApplicationCounts &counts : s.store().counts())
            if (counts.appId == shopId)
                return counts.servers[std::size_t(models::JobBucket::Completed)] == 2;
        return false;
    }));
    QCOMPARE(s.pane().jobsView()->model()->rowCount(), 2);
}

// A server replicated on its own: its job made from the Catalog with the
// plan's settings for it, changed, and deleted after a confirmation.
void TestReplicationJourney::serverJobFromTheCatalog()
{
    const Session s = openSandbox(0.0);
    QTRY_VERIFY_WITH_TIMEOUT(s.store().lastSnapshot() != nullptr, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!s.window->document().catalog().servers.empty(), 30000);
    const std::vector<std::string> servers = freeServers(s, 1);
    QCOMPARE(servers.size(), std::size_t(1));
    const std::string serverId = servers.front();
    // In a plan application that replicates every 4 hours with BYOL licences.
    const models::PlanKey key = s.window->editor().newApplicationFromServers({serverId}, "Web");
    models::ApplicationSettings settings;
    settings.replication = api::ServerReplicationParameters{};
    settings.replication->frequency = 4;
    settings.replication->licenseType = api::LicenseType::Byol;
    s.window->editor().editApplicationSettings(key, settings, {std::nullopt});

    ui::ServerJobActions &jobs = *s.window->replication()->catalogJobActions();
    selectServers(s.window->catalogPane()->view(), {serverId});
    QAction &create = *jobs.action(ReplicationAction::CreateJob);
    QVERIFY(create.isEnabled());
    QVERIFY(!jobs.action(ReplicationAction::DeleteJob)->isEnabled());
    QVERIFY(s.window->catalogPane()->view()->actions().contains(&create));  // in its context menu

    // The dialog starts from the plan's settings; OK creates the job.
    int shownFrequency = 0;
    whenShown<ui::ReplicationJobDialog>([&](ui::ReplicationJobDialog *dialog) {
        shownFrequency = dialog->findChild<ui::RangeSpinBox *>(QStringLiteral("frequencyBox"))->value();
        dialog->findChild<QLineEdit *>(QStringLiteral("descriptionEdit"))->setText(QStringLiteral("alone"));
        dialog->accept();
    });
    QSignalSpy finished(s.window->replication(), &ui::ReplicationWorkspace::actionFinished);
    create.trigger();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.takeFirst().at(1).toBool());
    QCOMPARE(shownFrequency, 4);
    const auto jobOfServer = [&]() -> std::optional<api::ReplicationJob> {
        for (const api::ReplicationJob &job : s.store().lastSnapshot()->jobs)
            if (job.serverId == serverId)
                return job;
        return std::nullopt;
    };
    QVERIFY(s.refreshUntil([&] { return jobOfServer().has_value(); }));
    QCOMPARE(jobOfServer()->frequency, std::optional(4));
    QVERIFY(jobOfServer()->licenseType == api::LicenseType::Byol);
    QVERIFY(jobOfServer()->description == std::optional<std::string>("alone"));
    // The Catalog shows its state, and the actions follow it.
    QVERIFY(!create.isEnabled());
    QVERIFY(!create.toolTip().isEmpty());
    QVERIFY(jobs.action(ReplicationAction::UpdateJob)->isEnabled());

    // Edit: every 8 hours from now on.
    whenShown<ui::ReplicationJobDialog>([](ui::ReplicationJobDialog *dialog) {
        dialog->findChild<ui::RangeSpinBox *>(QStringLiteral("frequencyBox"))->setValue(8);
        QVERIFY(!dialog->findChild<QWidget *>(QStringLiteral("onceButton"))->isEnabled());
        dialog->accept();
    });
    jobs.action(ReplicationAction::UpdateJob)->trigger();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.takeFirst().at(1).toBool());
    QVERIFY(s.refreshUntil([&] { return jobOfServer() && jobOfServer()->frequency == std::optional(8); }));

    // Delete asks first.
    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(jobs.action(ReplicationAction::DeleteJob)->isEnabled());
    jobs.action(ReplicationAction::DeleteJob)->trigger();
    QVERIFY(finished.wait(20000));
    QVERIFY(finished.takeFirst().at(1).toBool());
    QVERIFY(s.refreshUntil([&] {
        const auto job = jobOfServer();
        return !job || job->state == api::ReplicationJobState::Deleted
               || job->state == api::ReplicationJobState::Deleting;
    }));
}

QTEST_MAIN(TestReplicationJourney)
#include "tst_replicationjourney.moc"

void TestReplicationJourney::terminateAndLaunchAgain()
{
    const Session s = openSandbox(0.0);
    QTRY_COMPARE_WITH_TIMEOUT(s.store().applications().rowCount(), 4, 30000);
    const auto launchOf = [&] {
        return s.appRow(QStringLiteral("Payroll"), models::EndpointAppsModel::LaunchStatus).data().toString();
    };
    s.selectApplication(QStringLiteral("Payroll"));
    QCOMPARE(launchOf(), QStringLiteral("Launched"));
    QVERIFY(!s.action(ReplicationAction::LaunchApplication).isEnabled());
    QVERIFY2(s.action(ReplicationAction::LaunchApplication).toolTip().contains(QStringLiteral("terminate it")),
             qPrintable(s.action(ReplicationAction::LaunchApplication).toolTip()));

    // Terminating asks first; Cancel leaves it launched.
    answerNextQuestion(QMessageBox::Cancel);
    QSignalSpy finished(s.window->replication(), &ui::ReplicationWorkspace::actionFinished);
    s.action(ReplicationAction::TerminateApplication).trigger();
    QVERIFY(!finished.wait(500));
    QCOMPARE(launchOf(), QStringLiteral("Launched"));

    // Yes: the status follows the termination to its end (the sandbox's
    // clock is so fast that the minutes in between pass between two reads).
    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(s.run(ReplicationAction::TerminateApplication));
    QVERIFY(s.refreshUntil([&] { return launchOf() == QStringLiteral("Terminated"); }));
    QVERIFY(!s.action(ReplicationAction::TerminateApplication).isEnabled());

    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(s.run(ReplicationAction::LaunchApplication));
    QVERIFY(s.refreshUntil([&] { return launchOf() == QStringLiteral("Launched"); }));
    QVERIFY(s.action(ReplicationAction::TerminateApplication).isEnabled());
}

void TestReplicationJourney::threeTiersDrawnSetPreviewedAppliedLaunched()
{
    const Session s = openSandbox(0.0);
    QTRY_COMPARE_WITH_TIMEOUT(s.store().applications().rowCount(), 4, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!s.window->document().catalog().servers.empty(), 30000);
    const std::vector<std::string> free = freeServers(s, 6);
    QCOMPARE(free.size(), std::size_t(6));
    models::PlanEditor &editor = s.window->editor();
    models::PlanDocument &document = s.window->document();

    // Three tiers of two servers each; the first group made with the application.
    const models::PlanKey app = editor.newApplicationFromServers({free[0], free[1]}, "Shop");
    const models::PlanKey db = document.application(0).serverGroups.front().key;
    editor.renameGroup(db, "db");
    const models::PlanKey tier = editor.newGroupFromServers({free[2], free[3]}, app, "app");
    const models::PlanKey web = editor.newGroupFromServers({free[4], free[5]}, app, "web");

    // The dependencies drawn in the graph; the launch order follows.
    auto *graphDock = s.window->findChild<QDockWidget *>(QStringLiteral("LaunchGraphDock"));
    graphDock->show();
    graphDock->raise();
    auto *graph = qobject_cast<ui::LaunchGraphPane *>(graphDock->widget());
    s.window->applicationsPane()->selectKey(app);
    graph->scene()->refreshNow();
    QVERIFY(graph->scene()->connectGroups(db, tier).isEmpty());
    QVERIFY(graph->scene()->connectGroups(tier, web).isEmpty());
    graph->scene()->refreshNow();
    QCOMPARE(graph->scene()->node(db)->facts().launchOrder, 1);
    QCOMPARE(graph->scene()->node(tier)->facts().launchOrder, 2);
    QCOMPARE(graph->scene()->node(web)->facts().launchOrder, 3);

    // The three groups selected in the tree: the Properties pane edits their six servers as one.
    QTreeView *tree = s.window->applicationsPane()->view();
    QModelIndexList groups;
    for (const models::PlanKey key : {db, tier, web}) {
        s.window->applicationsPane()->selectKey(key);
        groups << tree->currentIndex();
    }
    for (const QModelIndex &group : groups)
        tree->selectionModel()->select(group, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    auto *settings = s.window->findChild<ui::PropertiesPane *>()->settingsEditor();
    QTRY_COMPARE(settings->servers().size(), std::size_t(6));
    const int steps = document.undoStack().count();
    typeInto(settings->row(ui::SettingKind::Launch, "instanceType"), QStringLiteral("m5.large"));
    typeInto(settings->row(ui::SettingKind::Launch, "subnet"), QStringLiteral("subnet-0a1b2c3d"));
    typeInto(settings->row(ui::SettingKind::Replication, "frequency"), QStringLiteral("12"));
    QCOMPARE(document.undoStack().count(), steps + 3);  // a step a field, for all six servers
    for (const std::string &id : free) {
        const models::PlanServerSettings *own = models::findServerSettings(document.data().serverSettings, id);
        QVERIFY(own && own->launch && own->launch->instanceType == "m5.large");
        QVERIFY(own->launch->subnet == "subnet-0a1b2c3d");
        QVERIFY(own->replication && own->replication->frequency == 12);
    }

    // The template previewed from the plan alone: the tiers launch in order.
    s.window->applicationsPane()->selectKey(app);
    s.window->findChild<QAction *>(QStringLiteral("previewTemplateAction"))->trigger();
    ui::TemplateViewer *viewer = nullptr;
    QTRY_VERIFY((viewer = s.window->findChild<ui::TemplateViewer *>()) != nullptr);
    QVERIFY2(viewer->text().contains(QStringLiteral("DependsOn")), qPrintable(viewer->text()));
    QVERIFY(viewer->text().contains(QStringLiteral("m5.large")));
    viewer->close();

    // Applied through Review Changes.
    whenShown<ui::ReviewChangesDialog>([](ui::ReviewChangesDialog *review) { review->applyButton()->click(); });
    s.window->findChild<QAction *>(QStringLiteral("applyPlanAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!document.application(0).appId.empty(), 30000);
    QVERIFY(s.refreshUntil([&] { return s.appRow(QStringLiteral("Shop")).isValid(); }));
    s.selectApplication(QStringLiteral("Shop"));
    QVERIFY(!s.action(ReplicationAction::LaunchApplication).isEnabled());  // nothing replicated yet
    QVERIFY(s.refreshUntil([&] { return s.action(ReplicationAction::StartApplication).isEnabled(); }));
    QVERIFY(s.run(ReplicationAction::StartApplication));
    QVERIFY(s.refreshUntil([&] { return s.replicationOf(QStringLiteral("Shop")) == QStringLiteral("Replicated"); }));

    // Launched, watched to LAUNCHED; terminated.
    const auto launchOf = [&] {
        return s.appRow(QStringLiteral("Shop"), models::EndpointAppsModel::LaunchStatus).data().toString();
    };
    QVERIFY(s.refreshUntil([&] { return s.action(ReplicationAction::LaunchApplication).isEnabled(); }));
    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(s.run(ReplicationAction::LaunchApplication));
    QVERIFY(s.refreshUntil([&] { return launchOf() == QStringLiteral("Launched"); }));
    answerNextQuestion(QMessageBox::Yes);
    QVERIFY(s.run(ReplicationAction::TerminateApplication));
    QVERIFY(s.refreshUntil([&] { return launchOf() == QStringLiteral("Terminated"); }));
    document.markSaved();
}
