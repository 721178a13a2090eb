// The one notice a monitor pass's events make: told in full alone, summed up
// and failures first when many arrive together.

#include "ui/notify/ReplicationNotice.h"

#include <QTest>

using namespace sms;
using Kind = models::ReplicationEvent::Kind;

namespace {

models::ReplicationEvent makeEvent(Kind kind, const char *vm, const char *message = "")
{
    models::ReplicationEvent e;
    e.kind = kind;
    e.appId = "app-1";
    e.appName = "Payroll";
    e.vmName = vm;
    e.serverId = std::string("s-") + vm;
    e.message = message;
    return e;
}

} // namespace

class TestReplicationNotice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneNoticeAPass_data()
    {
        QTest::addColumn<models::ReplicationEvents>("events");
        // Plurals as in the source: the planner's English translation (main.cpp) words them.
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("firstLine");
        QTest::addColumn<int>("lines");
        QTest::addColumn<bool>("warning");

        QTest::addRow("nothing") << models::ReplicationEvents{} << QString() << QString() << 0 << false;
        QTest::addRow("one failed run")
            << models::ReplicationEvents{makeEvent(Kind::RunFailed, "web-01", "disk full")}
            << "Replication run failed" << "web-01 (Payroll): replication run failed: disk full" << 1 << true;
        QTest::addRow("one replicated")
            << models::ReplicationEvents{makeEvent(Kind::AppReplicated, "")} << "Application replicated"
            << "Payroll is replicated" << 1 << false;
        QTest::addRow("failures first")
            << models::ReplicationEvents{makeEvent(Kind::AppReplicated, ""), makeEvent(Kind::JobStalled, "db-01"),
                                         makeEvent(Kind::RunFailed, "web-01")}
            << "1 run(s) failed, 1 run(s) stalled, 1 application(s) replicated"
            << "web-01 (Payroll): replication run failed" << 3 << true;
        models::ReplicationEvents many;
        for (int i = 0; i < 50; ++i)
            many.push_back(makeEvent(Kind::RunFailed, "vm"));
        QTest::addRow("fifty at once") << many << "50 run(s) failed" << "vm (Payroll): replication run failed" << 6
                                       << true;
    }

    void oneNoticeAPass()
    {
        QFETCH(models::ReplicationEvents, events);
        QFETCH(QString, title);
        QFETCH(QString, firstLine);
        QFETCH(int, lines);
        QFETCH(bool, warning);
        const ui::Notice notice = ui::replicationNotice(events);
        QCOMPARE(notice.title, title);
        const QStringList bodyLines = notice.body.isEmpty() ? QStringList() : notice.body.split(QLatin1Char('\n'));
        QCOMPARE(bodyLines.size(), lines);
        if (lines > 0)
            QCOMPARE(bodyLines.first(), firstLine);
        if (lines == 6)
            QCOMPARE(bodyLines.last(), QStringLiteral("and 45 more"));
        QCOMPARE(notice.urgency == ui::Notice::Urgency::Warning, warning);
    }
};

QTEST_MAIN(TestReplicationNotice)
#include "tst_replicationnotice.moc"
