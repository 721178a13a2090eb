#include "ui/monitor/RunsTable.h"

#include "tests/support/Strings.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QHeaderView>
#include <QImage>
#include <QPainter>
#include <QTableView>
#include <QTest>

using namespace sms;
using models::ReplicationRunsModel;

namespace {

// Runs whose text sorts otherwise than their values: "9%" after "45%" and
// "12/..." before "9/..." as text.
std::vector<api::ReplicationRun> runs()
{
    struct Spec
    {
        const char *id;
        api::ReplicationRunState state;
        const char *progress;
        double start;
    };
    const Spec specs[] = {
        {"r-a", api::ReplicationRunState::Completed, "100%", 1'700'000'000},
        {"r-b", api::ReplicationRunState::Failed, "45%", 1'700'090'000},
        {"r-c", api::ReplicationRunState::Active, "9%", 1'700'900'000},
        {"r-d", api::ReplicationRunState::Failed, "70%", 1'699'000'000},
    };
    std::vector<api::ReplicationRun> list;
    for (const Spec &spec : specs) {
        api::ReplicationRun run;
        run.replicationRunId = spec.id;
        run.state = spec.state;
        run.stageDetails.emplace();
        run.stageDetails->stage = "Uploading";
        run.stageDetails->stageProgress = spec.progress;
        run.scheduledStartTime = api::Timestamp{spec.start};
        list.push_back(run);
    }
    return list;
}

QStringList shownIds(const QTableView &view)
{
    QStringList ids;
    for (int row = 0; row < view.model()->rowCount(); ++row)
        ids << view.model()->index(row, ReplicationRunsModel::RunId).data().toString();
    return ids;
}

} // namespace

class TestRunsTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sortsOnRawValues_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        QTest::addColumn<bool>("failuresOnly");
        QTest::addColumn<QStringList>("ids");

        QTest::addRow("newest first by default") << -1 << 0 << false << strings({"r-c", "r-b", "r-a", "r-d"});
        QTest::addRow("oldest first") << int(ReplicationRunsModel::ScheduledStart) << int(Qt::AscendingOrder) << false
                                      << strings({"r-d", "r-a", "r-b", "r-c"});
        QTest::addRow("stage by progress, not text")
            << int(ReplicationRunsModel::Stage) << int(Qt::AscendingOrder) << false
            << strings({"r-c", "r-b", "r-d", "r-a"});
        QTest::addRow("failures only, newest first") << -1 << 0 << true << strings({"r-b", "r-d"});
        QTest::addRow("failures only by progress, descending")
            << int(ReplicationRunsModel::Stage) << int(Qt::DescendingOrder) << true << strings({"r-d", "r-b"});
    }

    void sortsOnRawValues()
    {
        QFETCH(int, column);
        QFETCH(int, order);
        QFETCH(bool, failuresOnly);
        QFETCH(QStringList, ids);

        ui::RunsTable table;
        auto *view = table.findChild<QTableView *>(QStringLiteral("runsView"));
        auto *failures = table.findChild<QCheckBox *>(QStringLiteral("failuresOnly"));
        QVERIFY(view && failures);
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        table.setRuns(runs());
        if (column >= 0)
            view->sortByColumn(column, Qt::SortOrder(order));
        failures->setChecked(failuresOnly);
        QCOMPARE(shownIds(*view), ids);
        QCOMPARE(table.shown().failuresOnly(), failuresOnly);
    }

    void filterKeepsUpWithPasses()
    {
        ui::RunsTable table;
        auto *view = table.findChild<QTableView *>(QStringLiteral("runsView"));
        QAbstractItemModelTester tester(view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        table.findChild<QCheckBox *>(QStringLiteral("failuresOnly"))->setChecked(true);
        std::vector<api::ReplicationRun> list = runs();
        table.setRuns(list);
        QCOMPARE(shownIds(*view), strings({"r-b", "r-d"}));

        // The active run fails on the next pass: it joins the failures in place.
        list[2].state = api::ReplicationRunState::Failed;
        table.setRuns(list);
        QCOMPARE(shownIds(*view), strings({"r-c", "r-b", "r-d"}));
        table.findChild<QCheckBox *>(QStringLiteral("failuresOnly"))->setChecked(false);
        QCOMPARE(view->model()->rowCount(), 4);
    }

    void stageCellIsAProgressBar()
    {
        // The delegate paints the progress: a 100 % cell and a 9 % cell differ.
        ui::RunsTable table;
        table.resize(900, 300);
        table.setRuns(runs());
        auto *view = table.findChild<QTableView *>(QStringLiteral("runsView"));
        view->setColumnWidth(ReplicationRunsModel::Stage, 200);
        const QImage image = table.grab().toImage();
        const auto cellImage = [&](const char *id) {
            const QModelIndexList found = view->model()->match(view->model()->index(0, ReplicationRunsModel::RunId),
                                                               Qt::DisplayRole, QString::fromLatin1(id));
            const QModelIndex stage = found.value(0).siblingAtColumn(ReplicationRunsModel::Stage);
            QRect cell = view->visualRect(stage);
            cell.translate(view->viewport()->mapTo(&table, QPoint(0, 0)));
            // The bar's far end, away from its centred text.
            return image.copy(QRect(cell.right() - 30, cell.top() + 4, 20, cell.height() - 8));
        };
        QVERIFY(cellImage("r-a") != cellImage("r-c"));
    }
};

QTEST_MAIN(TestRunsTable)
#include "tst_runstable.moc"
