// Crash recovery: a session's copy is saved, replaced and discarded; only the
// files of a session that is gone (killed, crashed, closed without discarding)
// are offered back, never those of a window still running, in this process or
// another; an orphan restores whole, is claimed by one store at a time, and
// goes away when removed.
//
// A "session in another process" is this same executable started with
// --recovery-session DIR MODE: it saves a plan, prints "saved", then waits to
// be killed (MODE "wait") or exits at once without unlocking (MODE "crash").

#include "PlanFixtures.h"

#include "models/PlanFile.h"
#include "models/RecoveryStore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

using namespace sms;
using namespace sms::models;

namespace {

PlanData samplePlan(int servers = 6, int applications = 3)
{
    PlanData plan;
    plan.catalog.source.region = "eu-west-1";
    for (int i = 0; i < servers; ++i) {
        api::Server server;
        server.serverId = "s-" + std::to_string(10000000 + i);
        plan.catalog.servers.push_back(std::move(server));
    }
    PlanKey key = 0;
    for (int a = 0; a < applications; ++a) {
        PlanApplication app;
        app.key = ++key;
        app.name = "application " + std::to_string(a + 1);
        app.serverGroups.push_back(testing::namedGroup("all", ++key, {"s-" + std::to_string(10000000 + a)}));
        plan.applications.push_back(std::move(app));
    }
    return plan;
}

QString planPath()
{
    return QStringLiteral("/home/someone/plans/payroll.smsplan");
}

QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

QStringList sessionFiles(const QString &id)
{
    return {id + QStringLiteral(".json"), id + QStringLiteral(".lock"), id + QStringLiteral(".smsplan")};
}

// The executable's other role: a session that dies with its files in place.
int runSession(const QString &dir, const QString &mode)
{
    RecoveryStore store(dir);
    if (!store.save(planPath(), samplePlan()).ok())
        return 2;
    std::printf("saved %s\n", qPrintable(store.sessionId()));
    std::fflush(stdout);
    if (mode == QLatin1String("crash"))
        std::_Exit(0);  // no destructors: the lock file stays, its process gone
    QThread::sleep(300);
    return 0;
}

// Another process holding a session until stop() kills it.
class OtherProcess
{
public:
    bool start(const QString &dir, const QString &mode)
    {
        m_process.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--recovery-session"), dir, mode});
        if (!m_process.waitForStarted() || !m_process.waitForReadyRead(30'000))
            return false;
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("saved "))
            return false;
        m_id = QString::fromLatin1(line.mid(6));
        if (mode == QLatin1String("crash"))
            m_process.waitForFinished();
        return true;
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();  // SIGKILL on Unix: nothing is cleaned up
            m_process.waitForFinished();
        }
    }
    ~OtherProcess() { stop(); }
    QString id() const { return m_id; }

private:
    QProcess m_process;
    QString m_id;
};

} // namespace

class TestRecoveryStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void saveWritesTheSessionFiles()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("recovery"));  // made on demand
        RecoveryStore store(folder);
        QVERIFY(!QUuid::fromString(store.sessionId()).isNull());
        QCOMPARE(filesIn(folder), QStringList{store.sessionId() + QStringLiteral(".lock")});

        QVERIFY(store.save(planPath(), samplePlan()).ok());
        QCOMPARE(filesIn(folder), sessionFiles(store.sessionId()));
        // A second save replaces the first.
        QVERIFY(store.save(planPath(), samplePlan(9, 1)).ok());
        QCOMPARE(filesIn(folder), sessionFiles(store.sessionId()));
        const auto copy = readPlanFile(QDir(folder).filePath(store.sessionId() + QStringLiteral(".smsplan")));
        QVERIFY(copy.ok());
        QCOMPARE(copy->catalog.servers.size(), std::size_t(9));

        store.discard();
        QCOMPARE(filesIn(folder), QStringList{store.sessionId() + QStringLiteral(".lock")});
        // The session goes on: it can save again after a discard.
        QVERIFY(store.save(planPath(), samplePlan()).ok());
        QCOMPARE(filesIn(folder), sessionFiles(store.sessionId()));
    }

    void whoseFilesAreOrphans_data()
    {
        QTest::addColumn<QString>("session");
        QTest::addColumn<bool>("orphan");
        QTest::addRow("a live store in this process") << QStringLiteral("live") << false;
        QTest::addRow("a live session in another process") << QStringLiteral("other process alive") << false;
        QTest::addRow("a store destroyed without discard") << QStringLiteral("destroyed") << true;
        QTest::addRow("a store that discarded, then closed") << QStringLiteral("discarded") << false;
        QTest::addRow("a process killed (SIGKILL)") << QStringLiteral("other process killed") << true;
        QTest::addRow("a process that exited without unlocking") << QStringLiteral("other process crashed") << true;
    }

    void whoseFilesAreOrphans()
    {
        QFETCH(QString, session);
        QFETCH(bool, orphan);
        QTemporaryDir dir;
        std::unique_ptr<RecoveryStore> first;
        OtherProcess other;
        QString id;
        if (session.startsWith(QLatin1String("other process"))) {
            const bool alive = session.endsWith(QLatin1String("alive"));
            QVERIFY(other.start(dir.path(), alive ? QStringLiteral("wait") : QStringLiteral("crash")));
            if (session.endsWith(QLatin1String("killed")))
                other.stop();
            id = other.id();
        } else {
            first = std::make_unique<RecoveryStore>(dir.path());
            id = first->sessionId();
            QVERIFY(first->save(planPath(), samplePlan()).ok());
            if (session == QLatin1String("discarded"))
                first->discard();
            if (session != QLatin1String("live"))
                first.reset();
        }

        RecoveryStore second(dir.path());
        const std::vector<RecoveryEntry> found = second.orphans();
        QCOMPARE(found.size(), std::size_t(orphan ? 1 : 0));
        if (orphan) {
            QCOMPARE(found[0].id, id);
            QCOMPARE(found[0].file, dir.filePath(id + QStringLiteral(".smsplan")));
            QCOMPARE(found[0].originalPath, planPath());
            QCOMPARE(found[0].summary, QStringLiteral("3 applications, 6 servers"));
            QVERIFY(qAbs(found[0].savedAt.secsTo(QDateTime::currentDateTime())) < 120);
        }
        // A live session's files are left as they are.
        if (session == QLatin1String("live") || session.endsWith(QLatin1String("alive")))
            QVERIFY(QFile::exists(dir.filePath(id + QStringLiteral(".smsplan"))));
    }

    void restoreAndRemove()
    {
        QTemporaryDir dir;
        PlanData plan = samplePlan(100'000 / 100, 20);
        plan.applications[4].name = "Zürich – Gehälter";
        {
            RecoveryStore crashed(dir.path());
            QVERIFY(crashed.save({}, plan).ok());  // an untitled plan
        }
        RecoveryStore store(dir.path());
        const auto found = store.orphans();
        QCOMPARE(found.size(), std::size_t(1));
        QVERIFY(found[0].originalPath.isEmpty());
        QCOMPARE(found[0].summary, QStringLiteral("20 applications, 1,000 servers"));

        const auto restored = store.restore(found[0]);
        QVERIFY2(restored.ok(), restored.ok() ? "" : restored.error().message.c_str());
        QVERIFY(restored->catalog.servers == plan.catalog.servers);
        QCOMPARE(restored->applications.size(), plan.applications.size());
        QVERIFY(restored->applications[4].name == plan.applications[4].name);

        QVERIFY(store.remove(found[0]));
        QCOMPARE(filesIn(dir.path()), QStringList{store.sessionId() + QStringLiteral(".lock")});
        QVERIFY(store.orphans().empty());
    }

    void anOrphanIsClaimedByOneStoreAtATime()
    {
        QTemporaryDir dir;
        QString id;
        {
            RecoveryStore crashed(dir.path());
            id = crashed.sessionId();
            QVERIFY(crashed.save(planPath(), samplePlan()).ok());
        }
        auto firstWindow = std::make_unique<RecoveryStore>(dir.path());
        RecoveryStore secondWindow(dir.path());
        QCOMPARE(firstWindow->orphans().size(), std::size_t(1));
        QCOMPARE(firstWindow->orphans().size(), std::size_t(1));  // still ours on a second look
        QVERIFY(secondWindow.orphans().empty());
        // Nor may the other window delete what the first one offers.
        RecoveryEntry entry;
        entry.id = id;
        QVERIFY(!secondWindow.remove(entry));
        QVERIFY(QFile::exists(dir.filePath(id + QStringLiteral(".smsplan"))));
        // Closing the first window without a decision offers it again.
        firstWindow.reset();
        QCOMPARE(secondWindow.orphans().size(), std::size_t(1));
    }

    void twoRunningWindowsKeepTheirFiles()
    {
        QTemporaryDir dir;
        RecoveryStore a(dir.path());
        RecoveryStore b(dir.path());
        QVERIFY(a.save(planPath(), samplePlan()).ok());
        QVERIFY(b.save(QStringLiteral("/tmp/other.smsplan"), samplePlan(2, 1)).ok());
        QVERIFY(a.orphans().empty());
        QVERIFY(b.orphans().empty());
        RecoveryEntry entry;
        entry.id = b.sessionId();
        QVERIFY(!a.remove(entry));
        QCOMPARE(filesIn(dir.path()).size(), 6);
    }

    void planWithoutItsMetaFile()
    {
        // A crash between the two writes of a first save leaves the plan only.
        QTemporaryDir dir;
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(writePlanFile(dir.filePath(id + QStringLiteral(".smsplan")), samplePlan()).ok());
        RecoveryStore store(dir.path());
        const auto found = store.orphans();
        QCOMPARE(found.size(), std::size_t(1));
        QCOMPARE(found[0].id, id);
        QVERIFY(found[0].originalPath.isEmpty());
        QVERIFY(found[0].summary.isEmpty());
        QVERIFY(found[0].savedAt.isValid());
        QVERIFY(store.restore(found[0]).ok());
    }

    void leftoversAndStrangers()
    {
        QTemporaryDir dir;
        // A session that crashed before its first save: only its lock, which goes.
        OtherProcess other;
        QVERIFY(other.start(dir.path(), QStringLiteral("crash")));
        QFile::remove(dir.filePath(other.id() + QStringLiteral(".smsplan")));
        QFile::remove(dir.filePath(other.id() + QStringLiteral(".json")));
        QVERIFY(QFile::exists(dir.filePath(other.id() + QStringLiteral(".lock"))));
        // Files this class did not make stay where they are.
        QFile notes(dir.filePath(QStringLiteral("notes.smsplan")));
        QVERIFY(notes.open(QIODevice::WriteOnly));
        notes.close();

        RecoveryStore store(dir.path());
        QVERIFY(store.orphans().empty());
        QStringList expected{QStringLiteral("notes.smsplan"), store.sessionId() + QStringLiteral(".lock")};
        expected.sort();
        QCOMPARE(filesIn(dir.path()), expected);
    }

    void restoreReportsADamagedCopy()
    {
        QTemporaryDir dir;
        QString file;
        {
            RecoveryStore crashed(dir.path());
            QVERIFY(crashed.save(planPath(), samplePlan()).ok());
            file = dir.filePath(crashed.sessionId() + QStringLiteral(".smsplan"));
        }
        QFile cut(file);
        QVERIFY(cut.resize(cut.size() / 2));
        RecoveryStore store(dir.path());
        const auto found = store.orphans();
        QCOMPARE(found.size(), std::size_t(1));
        const auto restored = store.restore(found[0]);
        QVERIFY(!restored.ok());
        QVERIFY2(restored.error().message.find("ends in the middle") != std::string::npos,
                 restored.error().message.c_str());
    }

    void saveFailureNamesTheFolder()
    {
        QTemporaryDir dir;
        const QString notAFolder = dir.filePath(QStringLiteral("file"));
        QFile file(notAFolder);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        RecoveryStore store(notAFolder);
        const auto saved = store.save(planPath(), samplePlan());
        QVERIFY(!saved.ok());
        const QString message = QString::fromStdString(saved.error().message);
        QVERIFY2(message.contains(notAFolder) && message.contains(QStringLiteral("cannot be created")),
                 qPrintable(message));
    }

    void summaryWording_data()
    {
        QTest::addColumn<int>("applications");
        QTest::addColumn<int>("servers");
        QTest::addColumn<QString>("summary");
        QTest::addRow("none") << 0 << 0 << QStringLiteral("0 applications, 0 servers");
        QTest::addRow("one of each") << 1 << 1 << QStringLiteral("1 application, 1 server");
        QTest::addRow("thousands") << 3 << 100'000 << QStringLiteral("3 applications, 100,000 servers");
        QTest::addRow("millions") << 1200 << 1'234'567 << QStringLiteral("1,200 applications, 1,234,567 servers");
    }

    void summaryWording()
    {
        QFETCH(int, applications);
        QFETCH(int, servers);
        QFETCH(QString, summary);
        QCOMPARE(planSummary(std::size_t(applications), std::size_t(servers)), summary);
    }
};

int main(int argc, char *argv[])
{
    if (argc == 4 && std::strcmp(argv[1], "--recovery-session") == 0) {
        QCoreApplication app(argc, argv);
        return runSession(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    }
    QCoreApplication app(argc, argv);
    TestRecoveryStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_recoverystore.moc"
