#include "ui/monitor/ReplicationMonitorPane.h"

#include "ui/monitor/ApplicationStateChart.h"
#include "ui/monitor/RunTimeline.h"
#include "ui/monitor/RunsTable.h"
#include "ui/monitor/StateSummaryChart.h"

#include <QBarSet>
#include <QMenu>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>

using namespace sms;
using models::JobBucket;

namespace {

constexpr double kNow = 1'700'000'000;

api::ReplicationRun activeRun(const char *id)
{
    api::ReplicationRun run;
    run.replicationRunId = id;
    run.state = api::ReplicationRunState::Active;
    run.scheduledStartTime = api::Timestamp{kNow - 600};
    return run;
}

} // namespace

class TestReplicationMonitorPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saysWhatIsShown_data()
    {
        QTest::addColumn<QString>("application"); // empty: none chosen
        QTest::addColumn<QString>("server");      // empty: none chosen
        QTest::addColumn<int>("runs");
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("timelineSays"); // empty: the timeline draws

        QTest::addRow("nothing chosen") << "" << "" << 0 << "Application: none selected    Server: none selected"
                                        << "Select a server of the application";
        QTest::addRow("an application, no server") << "web" << "" << 0 << "Application: web    Server: none selected"
                                                    << "Select a server of the application";
        QTest::addRow("a server without runs") << "web" << "web-01 (s-1)" << 0
                                               << "Application: web    Server: web-01 (s-1)"
                                               << "No replication runs for web-01 (s-1) yet";
        QTest::addRow("a server with runs") << "web" << "web-01 (s-1)" << 2 << "Application: web    Server: web-01 (s-1)"
                                            << "";
    }

    void saysWhatIsShown()
    {
        QFETCH(QString, application);
        QFETCH(QString, server);
        QFETCH(int, runs);
        QFETCH(QString, header);
        QFETCH(QString, timelineSays);

        ui::ReplicationMonitorPane pane;
        if (!application.isEmpty())
            pane.setHistory({"app-1", application.toStdString(), {{kNow, {0, 0, 3, 0, 0, 0, 0}}}}, kNow);
        std::vector<api::ReplicationRun> list;
        for (int i = 0; i < runs; ++i)
            list.push_back(activeRun(i == 0 ? "r-1" : "r-2"));
        if (!server.isEmpty())
            pane.setRuns(server, list, kNow);

        QCOMPARE(pane.headerText(), header);
        if (timelineSays.isEmpty())
            QVERIFY(pane.timeline()->placeholderText().isEmpty());
        else
            QVERIFY2(pane.timeline()->placeholderText().contains(timelineSays),
                     qPrintable(pane.timeline()->placeholderText()));
        QCOMPARE(pane.runsTable()->runs().rowCount(), runs);
        QCOMPARE(int(pane.timeline()->runs().size()), runs);
        QCOMPARE(pane.applicationChart()->placeholderText().isEmpty(), !application.isEmpty());
    }

    void clearingForgetsTheChoice()
    {
        ui::ReplicationMonitorPane pane;
        pane.setHistory({"app-1", "web", {{kNow, {1, 0, 0, 0, 0, 0, 0}}}}, kNow);
        pane.setRuns(QStringLiteral("web-01"), {activeRun("r-1")}, kNow);
        pane.clearHistory();
        pane.clearRuns();
        QCOMPARE(pane.headerText(), QStringLiteral("Application: none selected    Server: none selected"));
        QVERIFY(pane.applicationChart()->placeholderText().contains(QLatin1String("Select an application")));
        QCOMPARE(pane.runsTable()->runs().rowCount(), 0);
        QVERIFY(!pane.timeline()->placeholderText().isEmpty());
    }

    void pickingABarNamesTheApplication()
    {
        ui::ReplicationMonitorPane pane;
        pane.setCounts({{"a-1", "web", {1, 0, 2, 0, 0, 0, 0}}, {"a-2", "db", {0, 0, 0, 4, 0, 0, 0}}});
        QSignalSpy picked(&pane, &ui::ReplicationMonitorPane::applicationPicked);
        // db, with nothing in flight, is the bottom bar.
        Q_EMIT pane.summaryChart()->barSet(JobBucket::Completed)->clicked(0);
        QCOMPARE(picked.size(), 1);
        QCOMPARE(picked.at(0).at(0).toString(), QStringLiteral("a-2"));
    }

    void anotherServerShowsItsNewestRuns()
    {
        std::vector<api::ReplicationRun> runs;
        for (int i = 0; i < 50; ++i)
            runs.push_back(activeRun("r"));
        ui::ReplicationMonitorPane pane;
        pane.resize(1000, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.setRuns(QStringLiteral("web-01"), runs, kNow);
        QScrollBar *scroll = pane.timeline()->verticalScrollBar();
        QVERIFY(scroll->maximum() > 0);
        scroll->setValue(5);
        pane.setRuns(QStringLiteral("web-01"), runs, kNow + 10);
        QCOMPARE(scroll->value(), 5);
        pane.setRuns(QStringLiteral("web-02"), runs, kNow + 20);
        QCOMPARE(scroll->value(), 0);
    }

    void exportMenuNamesEachChart()
    {
        ui::ReplicationMonitorPane pane;
        auto *button = pane.findChild<QToolButton *>(QStringLiteral("exportCharts"));
        QVERIFY(button && button->menu());
        const QList<QAction *> entries = button->menu()->actions();
        QCOMPARE(entries.size(), 3);
        // Each chart's context menu keeps its own wording.
        QCOMPARE(pane.applicationChart()->exportAction()->text(), QStringLiteral("Export PNG\u2026"));
        QVERIFY(entries.at(0)->text() != pane.applicationChart()->exportAction()->text());
        QSignalSpy triggered(pane.timeline()->exportAction(), &QAction::triggered);
        // Disconnect the dialog the real action opens; only the wiring is tested.
        pane.timeline()->exportAction()->disconnect(pane.timeline());
        entries.at(2)->trigger();
        QCOMPARE(triggered.size(), 1);
    }

    void fitsASmallScreen()
    {
        // A dock beside the main window on 1366x768: every part keeps room.
        ui::ReplicationMonitorPane pane;
        pane.setHistory({"app-1", "web", {{kNow - 600, {2, 1, 0, 0, 0, 0, 0}}, {kNow, {0, 1, 2, 0, 0, 0, 0}}}}, kNow);
        std::vector<models::ApplicationCounts> counts;
        for (int i = 0; i < 12; ++i)
            counts.push_back({"a-" + std::to_string(i), "app " + std::to_string(i), {1, 1, 1, 1, 1, 1, 1}});
        pane.setCounts(counts);
        pane.setRuns(QStringLiteral("web-01"), {activeRun("r-1"), activeRun("r-2")}, kNow);
        pane.resize(1000, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QVERIFY(pane.minimumSizeHint().height() <= 700);
        // The timeline and the table share the rows below the charts, in tabs.
        auto *runViews = pane.findChild<QTabWidget *>(QStringLiteral("runViews"));
        QVERIFY(runViews);
        QCOMPARE(runViews->currentWidget(), pane.timeline());
        const auto roomy = [](QWidget *part) {
            return part->height() >= 100 && part->width() >= 300;
        };
        const auto sizeOf = [](QWidget *part) {
            return QStringLiteral("%1: %2x%3").arg(part->objectName()).arg(part->width()).arg(part->height());
        };
        for (QWidget *part : std::initializer_list<QWidget *>{pane.applicationChart(), pane.summaryChart(), pane.timeline()})
            QVERIFY2(roomy(part), qPrintable(sizeOf(part)));
        runViews->setCurrentWidget(pane.runsTable());
        QVERIFY2(roomy(pane.runsTable()), qPrintable(sizeOf(pane.runsTable())));
        // The summary gives the applications it shows a readable row each.
        const int bars = int(pane.summaryChart()->categories().size());
        QCOMPARE(bars, std::min(12, pane.summaryChart()->maxBars()));
        QVERIFY(bars * (pane.fontMetrics().height() + 6) <= pane.summaryChart()->height());
    }
};

QTEST_MAIN(TestReplicationMonitorPane)
#include "tst_replicationmonitorpane.moc"
