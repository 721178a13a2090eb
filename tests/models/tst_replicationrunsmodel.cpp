#include "models/ReplicationRunsModel.h"

#include "tests/support/Strings.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QLocale>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace sms;
using sms::models::ReplicationRunsModel;

using Changes = QList<QPair<int, int>>; // dataChanged rows, first and last

namespace {

// "id" or "id:STATE:stage:progress": enough to tell runs apart and change them.
api::ReplicationRun runFrom(const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(':'));
    api::ReplicationRun run;
    run.replicationRunId = parts.value(0).toStdString();
    run.state = api::OpenEnum<api::ReplicationRunState>::fromString(
        parts.value(1, QStringLiteral("ACTIVE")).toStdString());
    if (parts.size() > 2) {
        run.stageDetails.emplace();
        run.stageDetails->stage = parts.value(2).toStdString();
        run.stageDetails->stageProgress = parts.value(3).toStdString();
    }
    return run;
}

std::vector<api::ReplicationRun> runsFrom(const QStringList &specs)
{
    std::vector<api::ReplicationRun> runs;
    for (const QString &spec : specs)
        runs.push_back(runFrom(spec));
    return runs;
}

QStringList idsOf(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, ReplicationRunsModel::RunId).data().toString();
    return ids;
}

api::ReplicationRun fullRun()
{
    api::ReplicationRun run;
    run.replicationRunId = "sms-run-0123";
    run.type = api::ReplicationRunType::OnDemand;
    run.state = api::ReplicationRunState::Failed;
    run.stageDetails.emplace();
    run.stageDetails->stage = "Uploading";
    run.stageDetails->stageProgress = "45%";
    run.statusMessage = "The connector lost its connection.";
    run.amiId = "ami-0abc";
    run.scheduledStartTime = api::Timestamp{1700000000};
    run.completedTime = api::Timestamp{1700003600};
    return run;
}

QString localTime(double epochSeconds)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(qint64(epochSeconds), Qt::UTC).toLocalTime(),
                              QLocale::ShortFormat);
}

} // namespace

class TestReplicationRunsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void updates_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<int>("inserts");
        QTest::addColumn<int>("removes");
        QTest::addColumn<Changes>("changes");
        QTest::addColumn<QStringList>("rows");

        const QStringList four = strings({"a", "b", "c", "d"});
        QTest::addRow("first load") << QStringList() << strings({"a", "b"}) << 1 << 0 << Changes() << strings({"a", "b"});
        QTest::addRow("nothing changed") << four << four << 0 << 0 << Changes() << four;
        QTest::addRow("other order is no change") << four << strings({"d", "c", "b", "a"}) << 0 << 0 << Changes() << four;
        QTest::addRow("one progressed") << four << strings({"a", "b:ACTIVE:Uploading:10%", "c", "d"}) << 0 << 0
                                        << Changes{{1, 1}} << four;
        QTest::addRow("two apart are two signals")
            << four << strings({"a:COMPLETED", "b", "c", "d:FAILED"}) << 0 << 0 << Changes{{0, 0}, {3, 3}} << four;
        QTest::addRow("most changed is one range")
            << four << strings({"a:COMPLETED", "b", "c:FAILED", "d:FAILED"}) << 0 << 0 << Changes{{0, 3}} << four;
        QTest::addRow("new runs in one insertion") << strings({"a"}) << strings({"x", "y", "a"}) << 1 << 0 << Changes()
                                                   << strings({"a", "x", "y"});
        QTest::addRow("gone runs") << four << strings({"a", "d"}) << 0 << 1 << Changes() << strings({"a", "d"});
        QTest::addRow("all at once") << strings({"a", "b", "c"}) << strings({"n", "c:FAILED", "a"}) << 1 << 1
                                     << Changes{{1, 1}} << strings({"a", "c", "n"});
        QTest::addRow("repeated id keeps the first") << QStringList() << strings({"a", "a:FAILED"}) << 1 << 0
                                                     << Changes() << strings({"a"});
        QTest::addRow("all gone") << four << QStringList() << 0 << 1 << Changes() << QStringList();
    }

    void updates()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(int, inserts);
        QFETCH(int, removes);
        QFETCH(Changes, changes);
        QFETCH(QStringList, rows);

        ReplicationRunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns(runsFrom(before));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.setRuns(runsFrom(after));
        QCOMPARE(inserted.size(), inserts);
        QCOMPARE(removed.size(), removes);
        QCOMPARE(reset.size(), 0);
        Changes seen;
        for (const QList<QVariant> &signal : changed) {
            const auto from = signal.at(0).toModelIndex();
            const auto to = signal.at(1).toModelIndex();
            QCOMPARE(from.column(), 0);
            QCOMPARE(to.column(), ReplicationRunsModel::ColumnCount - 1);
            seen.append({from.row(), to.row()});
        }
        QCOMPARE(seen, changes);
        QCOMPARE(idsOf(model), rows);

        // Every row holds what the new list said for its id.
        const auto latest = runsFrom(after);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.rowOf(rows.at(row)), row);
            const auto first = std::find_if(latest.begin(), latest.end(), [&](const api::ReplicationRun &run) {
                return QString::fromStdString(*run.replicationRunId) == rows.at(row);
            });
            QVERIFY(model.run(row) == *first);
        }
    }

    void runWithoutIdIsLeftOut()
    {
        ReplicationRunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto runs = runsFrom(strings({"a"}));
        runs.emplace_back();
        model.setRuns(std::move(runs));
        QCOMPARE(idsOf(model), strings({"a"}));
    }

    void cells_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QVariant>("raw");

        QTest::addRow("id") << int(ReplicationRunsModel::RunId) << "sms-run-0123" << QVariant(QStringLiteral("sms-run-0123"));
        QTest::addRow("type") << int(ReplicationRunsModel::Type) << "On demand" << QVariant(QStringLiteral("ON_DEMAND"));
        QTest::addRow("state") << int(ReplicationRunsModel::State) << "Failed" << QVariant(QStringLiteral("FAILED"));
        QTest::addRow("stage") << int(ReplicationRunsModel::Stage) << "Uploading 45%" << QVariant(0.45);
        QTest::addRow("message") << int(ReplicationRunsModel::StatusMessage) << "The connector lost its connection."
                                 << QVariant(QStringLiteral("The connector lost its connection."));
        QTest::addRow("ami") << int(ReplicationRunsModel::AmiId) << "ami-0abc" << QVariant(QStringLiteral("ami-0abc"));
        QTest::addRow("scheduled") << int(ReplicationRunsModel::ScheduledStart) << localTime(1700000000)
                                   << QVariant(1700000000.0);
        QTest::addRow("completed") << int(ReplicationRunsModel::Completed) << localTime(1700003600)
                                   << QVariant(1700003600.0);
    }

    void cells()
    {
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QVariant, raw);

        ReplicationRunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns({fullRun()});
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data().toString(), display);
        QCOMPARE(index.data(ReplicationRunsModel::RawRole), raw);
        QCOMPARE(index.data(ReplicationRunsModel::RunIdRole).toString(), QStringLiteral("sms-run-0123"));
        QCOMPARE(index.data(ReplicationRunsModel::FailedRole).toBool(), true);
        QCOMPARE(index.data(ReplicationRunsModel::ProgressRole).toDouble(), 0.45);
        QVERIFY(!model.headerData(column, Qt::Horizontal).toString().isEmpty());
    }

    void words_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<bool>("failed");
        QTest::addColumn<QVariant>("progress");

        QTest::addRow("active") << "r:ACTIVE:Converting:7%" << "Active" << "Converting 7%" << false << QVariant(0.07);
        QTest::addRow("unknown state as sent") << "r:PAUSED_BY_OPERATOR" << "PAUSED_BY_OPERATOR" << "" << false
                                               << QVariant();
        QTest::addRow("progress not a number") << "r:ACTIVE:Preparing:soon" << "Active" << "Preparing" << false
                                               << QVariant();
        QTest::addRow("progress without percent sign") << "r:FAILED:Uploading:50" << "Failed" << "Uploading 50%" << true
                                                       << QVariant(0.5);
        QTest::addRow("deleting") << "r:DELETING" << "Deleting" << "" << false << QVariant();
    }

    void words()
    {
        QFETCH(QString, spec);
        QFETCH(QString, state);
        QFETCH(QString, stage);
        QFETCH(bool, failed);
        QFETCH(QVariant, progress);

        ReplicationRunsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRuns({runFrom(spec)});
        QCOMPARE(model.index(0, ReplicationRunsModel::State).data().toString(), state);
        QCOMPARE(model.index(0, ReplicationRunsModel::Stage).data().toString(), stage);
        QCOMPARE(model.index(0, ReplicationRunsModel::State).data(ReplicationRunsModel::FailedRole).toBool(), failed);
        QCOMPARE(model.index(0, ReplicationRunsModel::Stage).data(ReplicationRunsModel::ProgressRole), progress);
    }

    void sortsTimesAsNumbers_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QStringList>("ascending");

        // Epoch seconds 9, 10 and 100 sort as numbers, where their text would not;
        // a run not completed ends after every completed one.
        QTest::addRow("scheduled start") << int(ReplicationRunsModel::ScheduledStart) << strings({"nine", "ten", "hundred"});
        QTest::addRow("completed") << int(ReplicationRunsModel::Completed) << strings({"ten", "hundred", "nine"});
        QTest::addRow("stage by progress") << int(ReplicationRunsModel::Stage) << strings({"hundred", "nine", "ten"});
    }

    void sortsTimesAsNumbers()
    {
        QFETCH(int, column);
        QFETCH(QStringList, ascending);

        const auto run = [](const char *id, double start, std::optional<double> end, const char *progress) {
            api::ReplicationRun r = runFrom(QString::fromLatin1(id));
            r.scheduledStartTime = api::Timestamp{start};
            if (end)
                r.completedTime = api::Timestamp{*end};
            r.stageDetails.emplace();
            r.stageDetails->stage = "Uploading";
            r.stageDetails->stageProgress = progress;
            return r;
        };
        ReplicationRunsModel model;
        model.setRuns({run("ten", 10, 20, "90%"), run("hundred", 100, 200, "5%"), run("nine", 9, std::nullopt, "10%")});
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        proxy.setSortRole(ReplicationRunsModel::RawRole);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(column, Qt::AscendingOrder);
        QCOMPARE(idsOf(proxy), ascending);
    }
};

QTEST_MAIN(TestReplicationRunsModel)
#include "tst_replicationrunsmodel.moc"
