// Replication from the window, end to end, on an in-process sandbox whose
// clock runs 600 times fast: what a new user sees on first start, an
// application started, watched to REPLICATED, brought into the plan and
// stopped; and a failed run flagged, notified and run again on demand. Each
// step goes through the actions the user clicks and the views they read.

#include "models/ApplicationsTreeModel.h"
#include "models/EndpointAppsModel.h"
#include "models/ReplicationJobsModel.h"
#include "ui/ApplicationsPane.h"
#include "ui/MainWindow.h"
#include "ui/monitor/ReplicationMonitorPane.h"
#include "ui/monitor/StateSummaryChart.h"
#include "ui/notify/Notifier.h"
#include "ui/replication/EndpointAppsPane.h"
#include "ui/replication/ReplicationWorkspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QBarSet>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

#include <memory>

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
        if (!action(which).isEnabled())
            return false;
        action(which).trigger();
        return finished.wait(20000) && finished.first().at(1).toBool();
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

QTEST_MAIN(TestReplicationJourney)
#include "tst_replicationjourney.moc"
