#include "models/ActivityLogModel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace sms::models;

namespace {

ActivityEntry entryNumber(int n, bool failed = false)
{
    ActivityEntry entry;
    entry.started = QDateTime(QDate(2026, 11, 27), QTime(13, 14, 15, 16), Qt::UTC).addSecs(n);
    entry.operation = QStringLiteral("Op%1").arg(n);
    entry.durationMs = 100 + n;
    entry.attempts = 1;
    entry.httpStatus = failed ? 400 : 200;
    entry.requestId = QStringLiteral("req-%1").arg(n);
    if (failed) {
        entry.errorCode = QStringLiteral("InvalidParameterException");
        entry.message = QStringLiteral("The request was refused.");
    }
    return entry;
}

std::vector<ActivityEntry> batch(int first, int count)
{
    std::vector<ActivityEntry> entries;
    for (int n = first; n < first + count; ++n)
        entries.push_back(entryNumber(n, n % 3 == 0));
    return entries;
}

} // namespace

class TestActivityLogModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cells_data()
    {
        QTest::addColumn<bool>("failed");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QVariant>("raw");
        QTest::addColumn<bool>("coloured"); // ForegroundRole set

        const QString time = QDateTime(QDate(2026, 11, 27), QTime(13, 14, 22, 16), Qt::UTC)
                                 .toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        QTest::addRow("time") << false << int(ActivityLogModel::Time) << time
                              << QVariant(QDateTime(QDate(2026, 11, 27), QTime(13, 14, 22, 16), Qt::UTC)) << false;
        QTest::addRow("operation") << false << int(ActivityLogModel::Operation) << "Op7" << QVariant(QStringLiteral("Op7"))
                                   << false;
        QTest::addRow("duration") << false << int(ActivityLogModel::Duration) << QLocale().toString(107)
                                  << QVariant(qint64(107)) << false;
        QTest::addRow("ok") << false << int(ActivityLogModel::Outcome) << "OK" << QVariant(QString()) << false;
        QTest::addRow("error code") << true << int(ActivityLogModel::Outcome) << "InvalidParameterException"
                                    << QVariant(QStringLiteral("InvalidParameterException")) << true;
        QTest::addRow("attempts") << false << int(ActivityLogModel::Attempts) << "1" << QVariant(1) << false;
        QTest::addRow("request id") << true << int(ActivityLogModel::RequestId) << "req-7"
                                    << QVariant(QStringLiteral("req-7")) << false;
        QTest::addRow("message of an error") << true << int(ActivityLogModel::Message) << "The request was refused."
                                             << QVariant(QStringLiteral("The request was refused.")) << true;
        QTest::addRow("no message on success") << false << int(ActivityLogModel::Message) << QString()
                                               << QVariant(QString()) << false;
    }

    void cells()
    {
        QFETCH(bool, failed);
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QVariant, raw);
        QFETCH(bool, coloured);

        ActivityLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(entryNumber(7, failed));
        const QModelIndex index = model.index(0, column);
        QCOMPARE(index.data(Qt::DisplayRole).toString(), display);
        QCOMPARE(index.data(ActivityLogModel::RawRole), raw);
        QCOMPARE(index.data(ActivityLogModel::SucceededRole).toBool(), !failed);
        QCOMPARE(index.data(ActivityLogModel::HttpStatusRole).toInt(), failed ? 400 : 200);
        QCOMPARE(index.data(Qt::ForegroundRole).isValid(), coloured);
        QVERIFY(model.headerData(column, Qt::Horizontal).toString().size() > 0);
    }

    void errorRowsAreMarked()
    {
        ActivityLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append({entryNumber(1), entryNumber(2, true)});
        const auto swatch = [&](int row) {
            return model.index(row, ActivityLogModel::Outcome).data(Qt::DecorationRole).value<QColor>();
        };
        QVERIFY(swatch(0).isValid());
        QVERIFY(swatch(1).isValid());
        QVERIFY(swatch(0) != swatch(1));
        // The tooltip has the whole message and the HTTP status.
        QCOMPARE(model.index(1, ActivityLogModel::Message).data(Qt::ToolTipRole).toString(),
                 QStringLiteral("The request was refused."));
        QVERIFY(model.index(1, ActivityLogModel::Outcome).data(Qt::ToolTipRole).toString().contains(u"400"));
    }

    void batches_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<QList<int>>("batchSizes");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("inserts");
        QTest::addColumn<int>("removes");
        QTest::addColumn<int>("oldestKept"); // entry number of row 0

        QTest::addRow("one batch") << 10 << QList<int>{4} << 4 << 1 << 0 << 0;
        QTest::addRow("several batches") << 10 << QList<int>{3, 1, 5} << 9 << 3 << 0 << 0;
        QTest::addRow("empty batch signals nothing") << 10 << QList<int>{0, 2, 0} << 2 << 1 << 0 << 0;
        QTest::addRow("exactly full") << 10 << QList<int>{6, 4} << 10 << 2 << 0 << 0;
        QTest::addRow("overflow drops oldest") << 10 << QList<int>{8, 5} << 10 << 2 << 1 << 3;
        QTest::addRow("one at a time past the cap") << 3 << QList<int>{1, 1, 1, 1, 1} << 3 << 5 << 2 << 2;
        QTest::addRow("batch larger than the log") << 5 << QList<int>{2, 12} << 5 << 2 << 1 << 9;
        QTest::addRow("default capacity") << int(ActivityLogModel::kDefaultCapacity) << QList<int>{4000, 1500}
                                          << 5000 << 2 << 1 << 500;
    }

    void batches()
    {
        QFETCH(int, capacity);
        QFETCH(QList<int>, batchSizes);
        QFETCH(int, rows);
        QFETCH(int, inserts);
        QFETCH(int, removes);
        QFETCH(int, oldestKept);

        ActivityLogModel model(nullptr, capacity);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        int next = 0;
        for (int size : std::as_const(batchSizes)) {
            model.append(batch(next, size));
            next += size;
        }
        QCOMPARE(model.rowCount(), rows);
        QCOMPARE(inserted.size(), inserts);
        QCOMPARE(removed.size(), removes);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.entry(0).operation, QStringLiteral("Op%1").arg(oldestKept));
        // The newest is always last.
        QCOMPARE(model.entry(rows - 1).operation, QStringLiteral("Op%1").arg(next - 1));
    }

    void clearRemovesEverything()
    {
        ActivityLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        model.clear();
        QCOMPARE(removed.size(), 0);
        model.append(batch(0, 5));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(removed.size(), 1);
        model.append(batch(5, 1));
        QCOMPARE(model.entry(0).operation, QStringLiteral("Op5"));
    }
};

QTEST_MAIN(TestActivityLogModel)
#include "tst_activitylogmodel.moc"
