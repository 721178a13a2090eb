#include "ui/monitor/RunTimeline.h"
#include "ui/monitor/StateColors.h"
#include "ui/monitor/TimelineGeometry.h"

#include <QDateTime>
#include <QImage>
#include <QScrollBar>
#include <QTest>

#include <optional>
#include <set>

using namespace sms;
using ui::RunOutcome;
using ui::TimeSpan;

namespace {

constexpr double kNow = 1'700'000'000;
constexpr double kMinute = 60;

// A run scheduled `startAgo` seconds before kNow, completed `endAgo` before it
// (none when negative).
api::ReplicationRun runOf(const char *id, api::ReplicationRunState state, std::optional<double> startAgo,
                          double endAgo = -1)
{
    api::ReplicationRun run;
    run.replicationRunId = id;
    run.state = state;
    if (startAgo)
        run.scheduledStartTime = api::Timestamp{kNow - *startAgo};
    if (endAgo >= 0)
        run.completedTime = api::Timestamp{kNow - endAgo};
    return run;
}

using Runs = std::vector<api::ReplicationRun>;

} // namespace

Q_DECLARE_METATYPE(Runs)

class TestRunTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void span_data()
    {
        QTest::addColumn<Runs>("runs");
        QTest::addColumn<double>("earliest"); // seconds before now the data starts
        QTest::addColumn<double>("latest");   // seconds before now it ends (negative: after)

        using S = api::ReplicationRunState;
        QTest::addRow("no runs: a minute up to now") << Runs{} << 0.0 << -60.0;
        QTest::addRow("an active run ends now") << Runs{runOf("r", S::Active, 600)} << 600.0 << 0.0;
        QTest::addRow("completed runs and now") << Runs{runOf("a", S::Completed, 3600, 3000), runOf("b", S::Failed, 1200, 900)}
                                                << 3600.0 << 0.0;
        QTest::addRow("unscheduled runs do not count") << Runs{runOf("a", S::Pending, std::nullopt), runOf("b", S::Active, 300)}
                                                       << 300.0 << 0.0;
    }

    void spanOfTheRowsInView_data()
    {
        QTest::addColumn<bool>("untilNow");
        QTest::addColumn<double>("earliest");
        QTest::addColumn<double>("latest");
        QTest::addRow("scrolled down: the rows alone") << false << 7200.0 << 3000.0;
        QTest::addRow("at the top: until now") << true << 7200.0 << 0.0;
    }

    void spanOfTheRowsInView()
    {
        QFETCH(bool, untilNow);
        QFETCH(double, earliest);
        QFETCH(double, latest);

        using S = api::ReplicationRunState;
        const Runs runs{runOf("new", S::Completed, 600, 300), runOf("mid", S::Completed, 4000, 3000),
                        runOf("old", S::Failed, 7200, 6000)};
        const std::vector<std::size_t> rows = ui::rowOrder(runs);
        QCOMPARE(rows, (std::vector<std::size_t>{0, 1, 2}));
        const TimeSpan span = ui::timelineSpan(runs, {1, 2}, kNow, untilNow);
        const double length = earliest - latest;
        QCOMPARE(span.from, kNow - earliest - length * 0.03);
        QCOMPARE(span.to, kNow - earliest + length * 1.03);
    }

    void span()
    {
        QFETCH(Runs, runs);
        QFETCH(double, earliest);
        QFETCH(double, latest);

        const TimeSpan span = ui::timelineSpan(runs, kNow);
        const double length = std::max(kMinute, earliest - latest);
        // 3 % of room on both sides, so no bar touches the edge.
        QCOMPARE(span.from, kNow - earliest - length * 0.03);
        QCOMPARE(span.to, kNow - earliest + length * 1.03);
    }

    void layout_data()
    {
        QTest::addColumn<Runs>("runs");
        QTest::addColumn<QList<int>>("rows");       // run index per row, top first
        QTest::addColumn<QList<double>>("lefts");   // per row
        QTest::addColumn<QList<double>>("rights");  // per row
        QTest::addColumn<QList<int>>("outcomes");   // per row

        using S = api::ReplicationRunState;
        // Span kNow-1000 .. kNow on a plot 1000 wide from x=0: one pixel a second.
        QTest::addRow("completed to its end, active to now")
            << Runs{runOf("old", S::Completed, 900, 700), runOf("new", S::Active, 400)} << QList<int>{1, 0}
            << QList<double>{600, 100} << QList<double>{1000, 300}
            << QList<int>{int(RunOutcome::Active), int(RunOutcome::Completed)};
        QTest::addRow("newest on top whatever the order given")
            << Runs{runOf("a", S::Failed, 800, 790), runOf("b", S::Completed, 100, 50), runOf("c", S::Deleted, 500, 400)}
            << QList<int>{1, 2, 0} << QList<double>{900, 500, 200} << QList<double>{950, 600, 210}
            << QList<int>{int(RunOutcome::Completed), int(RunOutcome::Deleted), int(RunOutcome::Failed)};
        QTest::addRow("a missed run is an instant, still visible")
            << Runs{runOf("m", S::Missed, 300)} << QList<int>{0} << QList<double>{700} << QList<double>{703}
            << QList<int>{int(RunOutcome::Missed)};
        QTest::addRow("a pending run waits until now")
            << Runs{runOf("p", S::Pending, 200)} << QList<int>{0} << QList<double>{800} << QList<double>{1000}
            << QList<int>{int(RunOutcome::Pending)};
        QTest::addRow("an unscheduled run has no bar")
            << Runs{runOf("u", S::Pending, std::nullopt), runOf("a", S::Active, 500)} << QList<int>{1}
            << QList<double>{500} << QList<double>{1000} << QList<int>{int(RunOutcome::Active)};
        QTest::addRow("a completion before the start is clamped")
            << Runs{runOf("odd", S::Completed, 500, 600)} << QList<int>{0} << QList<double>{500} << QList<double>{503}
            << QList<int>{int(RunOutcome::Completed)};
    }

    void layout()
    {
        QFETCH(Runs, runs);
        QFETCH(QList<int>, rows);
        QFETCH(QList<double>, lefts);
        QFETCH(QList<double>, rights);
        QFETCH(QList<int>, outcomes);

        const TimeSpan span{kNow - 1000, kNow};
        const QRectF plot(0, 20, 1000, 300);
        const double rowHeight = 30;
        const std::vector<ui::TimelineBar> bars = ui::layoutRuns(runs, kNow, span, plot, rowHeight, 3);
        QCOMPARE(qsizetype(bars.size()), rows.size());
        for (qsizetype row = 0; row < rows.size(); ++row) {
            const ui::TimelineBar &bar = bars[std::size_t(row)];
            QCOMPARE(int(bar.run), rows[row]);
            QCOMPARE(bar.rect.left(), lefts[row]);
            QCOMPARE(bar.rect.right(), rights[row]);
            QCOMPARE(int(bar.outcome), outcomes[row]);
            // The bar is the row's middle 70 %.
            QCOMPARE(bar.rect.top(), 20 + double(row) * rowHeight + rowHeight * 0.15);
            QCOMPARE(bar.rect.height(), rowHeight * 0.7);
        }
    }

    void ticks_data()
    {
        QTest::addColumn<double>("length"); // seconds
        QTest::addColumn<int>("maxTicks");
        QTest::addColumn<double>("step");

        QTest::addRow("ten minutes, many ticks allowed") << 600.0 << 20 << 60.0;
        QTest::addRow("ten minutes, three ticks") << 600.0 << 3 << 300.0;
        QTest::addRow("an hour in six") << 3600.0 << 6 << 600.0;
        QTest::addRow("an hour in four") << 3600.0 << 4 << 900.0;
        QTest::addRow("a day") << 86400.0 << 8 << 3 * 3600.0;
        QTest::addRow("a month in weeks") << 30 * 86400.0 << 5 << 7 * 86400.0;
    }

    void ticks()
    {
        QFETCH(double, length);
        QFETCH(int, maxTicks);
        QFETCH(double, step);

        const TimeSpan span{kNow - length, kNow};
        const std::vector<double> ticks = ui::timeTicks(span, maxTicks);
        QVERIFY(!ticks.empty());
        QVERIFY(int(ticks.size()) <= maxTicks + 1);
        const double offset = QDateTime::fromSecsSinceEpoch(qint64(span.from)).offsetFromUtc();
        for (std::size_t i = 0; i < ticks.size(); ++i) {
            QVERIFY(ticks[i] >= span.from && ticks[i] <= span.to);
            // On a round step of the user's clock.
            QCOMPARE(std::fmod(ticks[i] + offset, step), 0.0);
            if (i > 0)
                QCOMPARE(ticks[i] - ticks[i - 1], step);
        }
        QVERIFY(ticks.front() - step < span.from);
    }

    void toolTipTellsTheWholeRun()
    {
        api::ReplicationRun run = runOf("sms-run-7", api::ReplicationRunState::Failed, 1800, 600);
        run.stageDetails.emplace();
        run.stageDetails->stage = "Uploading";
        run.stageDetails->stageProgress = "45%";
        run.statusMessage = "The connector lost its connection.";
        run.amiId = "ami-0abc";
        ui::RunTimeline timeline;
        timeline.resize(600, 200);
        timeline.setRuns({runOf("sms-run-8", api::ReplicationRunState::Active, 300), run}, kNow);

        const std::vector<ui::TimelineBar> bars = timeline.bars();
        QCOMPARE(bars.size(), std::size_t(2));
        QCOMPARE(bars[1].run, std::size_t(1));
        // Anywhere on the row answers, even left of a short bar.
        const QString tip = timeline.toolTipAt(QPoint(int(timeline.plotRect().left()) + 1, int(bars[1].rect.center().y())));
        for (const char *part : {"sms-run-7", "Failed", "Uploading 45%", "The connector lost its connection.", "ami-0abc"})
            QVERIFY2(tip.contains(QLatin1String(part)), qPrintable(tip));
        QVERIFY(timeline.toolTipAt(QPoint(5, 2)).isEmpty());
    }

    void barsAreColouredByOutcome_data()
    {
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("outcome");
        using S = api::ReplicationRunState;
        QTest::addRow("completed") << int(S::Completed) << int(RunOutcome::Completed);
        QTest::addRow("failed") << int(S::Failed) << int(RunOutcome::Failed);
        QTest::addRow("deleting reads as deleted") << int(S::Deleting) << int(RunOutcome::Deleted);
    }

    void barsAreColouredByOutcome()
    {
        QFETCH(int, state);
        QFETCH(int, outcome);

        ui::RunTimeline timeline;
        timeline.resize(500, 160);
        timeline.setRuns({runOf("r", api::ReplicationRunState(state), 3600, 60)}, kNow);
        const QImage image = timeline.grab().toImage();
        const ui::TimelineBar bar = timeline.bars().front();
        // Near the bar's left end, clear of its centred text and rounded corners.
        const QPoint inside(int(bar.rect.left()) + 4, int(bar.rect.center().y()));
        QCOMPARE(QColor(image.pixel(inside * image.devicePixelRatio())).name(),
                 ui::StateColors(timeline.palette()).outcome(RunOutcome(outcome)).name());
    }

    void placeholderInsteadOfBars_data()
    {
        QTest::addColumn<Runs>("runs");
        QTest::addColumn<QString>("placeholder"); // set by the user
        QTest::addColumn<QString>("says");        // empty: bars drawn

        using S = api::ReplicationRunState;
        QTest::addRow("runs drawn") << Runs{runOf("r", S::Active, 60)} << QString() << QString();
        QTest::addRow("the user's text wins") << Runs{runOf("r", S::Active, 60)} << "Select a server"
                                             << "Select a server";
        QTest::addRow("no runs, no text: still says so") << Runs{} << QString() << "No scheduled replication runs";
        QTest::addRow("only unscheduled runs: no bar to draw") << Runs{runOf("u", S::Pending, std::nullopt)} << QString()
                                                             << "No scheduled replication runs";
    }

    void placeholderInsteadOfBars()
    {
        QFETCH(Runs, runs);
        QFETCH(QString, placeholder);
        QFETCH(QString, says);

        ui::RunTimeline timeline;
        timeline.resize(400, 150);
        timeline.setRuns(runs, kNow);
        timeline.setPlaceholderText(placeholder);
        QVERIFY2(says.isEmpty() ? timeline.placeholderText().isEmpty() : timeline.placeholderText().startsWith(says),
                 qPrintable(timeline.placeholderText()));
        // A row's tooltip only where a bar is drawn.
        const QPoint firstRow(200, int(timeline.plotRect().top()) + 8);
        QCOMPARE(timeline.toolTipAt(firstRow).isEmpty(), !says.isEmpty() || runs.empty());
    }

    void sizeHintFollowsTheRuns()
    {
        ui::RunTimeline timeline;
        const int empty = timeline.sizeHint().height();
        Runs runs;
        for (int i = 0; i < 6; ++i)
            runs.push_back(runOf("r", api::ReplicationRunState::Completed, 600.0 * (i + 1), 600.0 * i + 60));
        timeline.setRuns(runs, kNow);
        const int six = timeline.sizeHint().height();
        QVERIFY(six > empty);
        for (int i = 0; i < 40; ++i)
            runs.push_back(runs.front());
        timeline.setRuns(runs, kNow);
        // Capped: a long history scrolls.
        QVERIFY(timeline.sizeHint().height() < 2 * six);
        QVERIFY(timeline.minimumSizeHint().height() < six);
    }

    void scrollingReachesEveryRun_data()
    {
        QTest::addColumn<int>("runs");
        QTest::addColumn<int>("height");
        QTest::addRow("a few runs: no scrolling") << 3 << 300;
        QTest::addRow("sixty runs in a short dock") << 60 << 220;
        QTest::addRow("five hundred runs") << 500 << 400;
    }

    void scrollingReachesEveryRun()
    {
        QFETCH(int, runs);
        QFETCH(int, height);

        // Hourly runs of ten minutes, listed oldest first; the last one active.
        Runs list;
        for (int i = 0; i < runs; ++i) {
            const double startAgo = 3600.0 * (runs - i) - 1800;
            list.push_back(i + 1 == runs ? runOf("active", api::ReplicationRunState::Active, startAgo)
                                         : runOf("done", api::ReplicationRunState::Completed, startAgo, startAgo - 600));
        }
        ui::RunTimeline timeline;
        timeline.resize(600, height);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.setRuns(list, kNow);

        QScrollBar *scroll = timeline.verticalScrollBar();
        const int inView = timeline.rowsInView();
        QCOMPARE(timeline.rowCount(), runs);
        QCOMPARE(scroll->minimum(), 0);
        QCOMPARE(scroll->maximum(), std::max(0, runs - inView));
        QCOMPARE(scroll->pageStep(), inView);
        // Newest first until the user scrolls.
        QCOMPARE(scroll->value(), 0);
        QCOMPARE(timeline.bars().front().run, std::size_t(runs - 1));

        std::set<std::size_t> seen;
        for (int value = scroll->minimum(); value <= scroll->maximum(); value += inView) {
            scroll->setValue(value);
            const QRectF plot = timeline.plotRect();
            for (const ui::TimelineBar &bar : timeline.bars()) {
                seen.insert(bar.run);
                // Every bar in view is whole, readable, and within its time axis.
                QVERIFY(plot.contains(bar.rect));
                QVERIFY(bar.rect.height() >= timeline.fontMetrics().height() - 2);
            }
        }
        // The last page, whole: the oldest run at the bottom.
        scroll->setValue(scroll->maximum());
        for (const ui::TimelineBar &bar : timeline.bars())
            seen.insert(bar.run);
        QCOMPARE(timeline.bars().back().run, std::size_t(0));
        QCOMPARE(int(seen.size()), runs);
    }

    void scrollingIsKeptAcrossPasses()
    {
        Runs list;
        for (int i = 0; i < 40; ++i)
            list.push_back(runOf("r", api::ReplicationRunState::Completed, 3600.0 * (40 - i), 3600.0 * (40 - i) - 60));
        ui::RunTimeline timeline;
        timeline.resize(600, 200);
        timeline.show();
        QVERIFY(QTest::qWaitForWindowExposed(&timeline));
        timeline.setRuns(list, kNow);
        timeline.verticalScrollBar()->setValue(10);
        timeline.setRuns(list, kNow + 10);
        QCOMPARE(timeline.verticalScrollBar()->value(), 10);
        timeline.scrollToNewest();
        QCOMPARE(timeline.verticalScrollBar()->value(), 0);
        // Fewer rows: still within them.
        timeline.verticalScrollBar()->setValue(timeline.verticalScrollBar()->maximum());
        timeline.setRuns({list.begin(), list.begin() + 2}, kNow);
        QCOMPARE(timeline.verticalScrollBar()->value(), 0);
        QCOMPARE(timeline.bars().size(), std::size_t(2));
    }
};

QTEST_MAIN(TestRunTimeline)
#include "tst_runtimeline.moc"
