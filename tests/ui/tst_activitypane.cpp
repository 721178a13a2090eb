#include "ui/ActivityPane.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QScrollBar>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace sms;
using sms::ui::ActivityPane;
using Log = sms::models::ActivityLogModel;

namespace {

client::CallRecord call(int n, bool failed)
{
    client::CallRecord record;
    record.operation = QStringLiteral("GetConnectors");
    record.started = QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC).addMSecs(n);
    record.elapsedMs = 12 + n;
    record.attempts = failed ? 3 : 1;
    record.httpStatus = failed ? 400 : 200;
    record.requestId = QStringLiteral("req-%1").arg(n);
    if (failed) {
        record.errorCode = QStringLiteral("InvalidParameterException");
        record.errorMessage = QStringLiteral("Value 'x' at 'maxResults' failed to satisfy constraint");
    }
    return record;
}

QTreeView *viewOf(const ActivityPane &pane)
{
    return pane.findChild<QTreeView *>(QStringLiteral("activityLog"));
}

} // namespace

class TestActivityPane : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorsOnly_data()
    {
        QTest::addColumn<QString>("outcomes"); // one letter per call: o ok, e error
        QTest::addColumn<int>("errors");

        QTest::addRow("none") << "" << 0;
        QTest::addRow("all fine") << "oooo" << 0;
        QTest::addRow("mixed") << "oeooeeo" << 3;
        QTest::addRow("all errors") << "eee" << 3;
    }

    void errorsOnly()
    {
        QFETCH(QString, outcomes);
        QFETCH(int, errors);

        ActivityPane pane;
        for (int i = 0; i < outcomes.size(); ++i)
            pane.record(call(i, outcomes.at(i) == u'e'));
        QTreeView *view = viewOf(pane);
        QCOMPARE(view->model()->rowCount(), int(outcomes.size()));

        pane.findChild<QCheckBox *>(QStringLiteral("errorsOnly"))->click();
        QVERIFY(pane.errorsOnly());
        QCOMPARE(view->model()->rowCount(), errors);
        for (int row = 0; row < errors; ++row)
            QVERIFY(!view->model()->index(row, 0).data(Log::SucceededRole).toBool());

        // New calls are filtered as they arrive.
        pane.record(call(100, true));
        pane.record(call(101, false));
        QCOMPARE(view->model()->rowCount(), errors + 1);

        pane.setErrorsOnly(false);
        QVERIFY(!pane.findChild<QCheckBox *>(QStringLiteral("errorsOnly"))->isChecked());
        QCOMPARE(view->model()->rowCount(), int(outcomes.size()) + 2);
    }

    void capKeepsTheNewest()
    {
        ActivityPane pane;
        pane.resize(600, 300);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        const int total = Log::kDefaultCapacity + 120;
        for (int n = 0; n < total; ++n)
            pane.record(call(n, n % 10 == 0));
        QCOMPARE(pane.log().rowCount(), Log::kDefaultCapacity);
        QCOMPARE(pane.log().entry(0).requestId, QStringLiteral("req-120"));
        QCOMPARE(pane.log().entry(Log::kDefaultCapacity - 1).requestId, QStringLiteral("req-%1").arg(total - 1));
        pane.setErrorsOnly(true);
        QCOMPARE(viewOf(pane)->model()->rowCount(), Log::kDefaultCapacity / 10);
    }

    void recordsInPlainWords()
    {
        ActivityPane pane;
        pane.record(call(1, false));
        pane.record(call(2, true));
        const models::ActivityEntry &ok = pane.log().entry(0);
        QVERIFY(ok.succeeded());
        QVERIFY(ok.message.isEmpty());
        const models::ActivityEntry &failed = pane.log().entry(1);
        QCOMPARE(failed.errorCode, QStringLiteral("InvalidParameterException"));
        QCOMPARE(failed.attempts, 3);
        QCOMPARE(failed.httpStatus, 400);
        QCOMPARE(failed.requestId, QStringLiteral("req-2"));
        QVERIFY(!failed.message.isEmpty());
        // The request id has its own column; the message does not repeat it.
        QVERIFY(!failed.message.contains(QStringLiteral("req-2")));
    }

    void clearEmptiesTheLog()
    {
        ActivityPane pane;
        for (int n = 0; n < 5; ++n)
            pane.record(call(n, false));
        pane.findChild<QToolButton *>(QStringLiteral("clearActivity"))->click();
        QCOMPARE(pane.log().rowCount(), 0);
        QCOMPARE(viewOf(pane)->model()->rowCount(), 0);
    }

    void copiesRows()
    {
        ActivityPane pane;
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        for (int n = 0; n < 3; ++n)
            pane.record(call(n, n == 1));
        QTreeView *view = viewOf(pane);
        view->setFocus();
        view->selectionModel()->select(view->model()->index(1, 0),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTest::keySequence(view, QKeySequence::Copy);
        const QStringList cells = QGuiApplication::clipboard()->text().split(QLatin1Char('\t'));
        QCOMPARE(cells.size(), int(Log::ColumnCount));
        QCOMPARE(cells.at(Log::Operation), QStringLiteral("GetConnectors"));
        QCOMPARE(cells.at(Log::Outcome), QStringLiteral("InvalidParameterException"));
        QCOMPARE(cells.at(Log::RequestId), QStringLiteral("req-1"));
    }

    void followsTheNewestUnlessScrolledUp()
    {
        ActivityPane pane;
        pane.resize(500, 200);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QScrollBar *bar = viewOf(pane)->verticalScrollBar();
        for (int n = 0; n < 100; ++n)
            pane.record(call(n, false));
        QTRY_VERIFY(bar->maximum() > 0);
        QTRY_COMPARE(bar->value(), bar->maximum());

        bar->setValue(0); // the user reads an older call
        for (int n = 100; n < 150; ++n)
            pane.record(call(n, false));
        QTest::qWait(50);
        QCOMPARE(bar->value(), 0);

        bar->setValue(bar->maximum()); // and comes back down
        for (int n = 150; n < 200; ++n)
            pane.record(call(n, false));
        QTRY_COMPARE(bar->value(), bar->maximum());
    }
};

QTEST_MAIN(TestActivityPane)
#include "tst_activitypane.moc"
