#include "ReplicationFixtures.h"

#include "models/ReplicationStore.h"
#include "models/ReplicationWords.h"

#include "tests/support/Strings.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace sms;
using namespace sms::models;
using sms::models::testing::passFrom;

Q_DECLARE_METATYPE(sms::models::ReplicationEvents)

namespace {

constexpr double kStart = 1'700'000'000;
constexpr double kPassEvery = 600; // ten minutes: longer than the default stall rule's minimum

// Passes separated by "|" items, one every kPassEvery seconds from kStart.
std::vector<SnapshotPtr> passesFrom(const QStringList &items)
{
    std::vector<SnapshotPtr> passes;
    QStringList current;
    const auto flush = [&] {
        passes.push_back(passFrom(current, kStart + kPassEvery * double(passes.size())));
        current.clear();
    };
    for (const QString &item : items) {
        if (item == QLatin1String("|"))
            flush();
        else
            current << item;
    }
    flush();
    return passes;
}

// A pass of apps "ID:STATUS" (replication status), each with no servers.
QStringList appItems(const QStringList &specs)
{
    QStringList items;
    for (const QString &spec : specs)
        items << QStringLiteral("app:") + spec;
    return items;
}

// A pass of jobs "ID:STATE", each on server "s-ID".
QStringList jobItems(const QStringList &specs)
{
    QStringList items;
    for (const QString &spec : specs) {
        const QStringList f = spec.split(QLatin1Char(':'));
        items << QStringLiteral("job:%1:s-%1:%2").arg(f.value(0), f.value(1, QStringLiteral("ACTIVE")));
    }
    return items;
}

QStringList column(const QAbstractItemModel &model, int col, int role = Qt::DisplayRole)
{
    QStringList values;
    for (int row = 0; row < model.rowCount(); ++row)
        values << model.index(row, col).data(role).toString();
    return values;
}

QString kindText(ReplicationEvent::Kind kind)
{
    switch (kind) {
    case ReplicationEvent::Kind::RunFailed: return QStringLiteral("RunFailed");
    case ReplicationEvent::Kind::JobStalled: return QStringLiteral("JobStalled");
    case ReplicationEvent::Kind::AppReplicated: return QStringLiteral("AppReplicated");
    }
    return {};
}

// "RunFailed:j1:r1" (job and run), "JobStalled:j1", "AppReplicated:a1".
QString eventText(const ReplicationEvent &event)
{
    if (event.kind == ReplicationEvent::Kind::AppReplicated)
        return kindText(event.kind) + QLatin1Char(':') + QString::fromStdString(event.appId);
    if (event.kind == ReplicationEvent::Kind::JobStalled)
        return kindText(event.kind) + QLatin1Char(':') + QString::fromStdString(event.jobId);
    return kindText(event.kind) + QLatin1Char(':') + QString::fromStdString(event.jobId) + QLatin1Char(':')
        + QString::fromStdString(event.runId);
}

// Every event of every emission, and how many emissions there were.
struct EventLog
{
    int emissions = 0;
    QStringList events;
    std::vector<ReplicationEvent> all;
};

void record(ReplicationStore &store, EventLog &log)
{
    QObject::connect(&store, &ReplicationStore::eventsOccurred, &store, [&log](const ReplicationEvents &events) {
        ++log.emissions;
        for (const ReplicationEvent &event : events) {
            log.events << eventText(event);
            log.all.push_back(event);
        }
    });
}

// One job j1 on server s1 of application a1, with run r1 at each given "STAGE:PROGRESS" (or "RUN:STAGE:PROGRESS").
QStringList runPass(const QString &progress)
{
    QStringList f = progress.split(QLatin1Char(':'));
    if (f.size() == 2)
        f.prepend(QStringLiteral("r1"));
    return {QStringLiteral("app:a1"), QStringLiteral("server:a1:s1:j1"), QStringLiteral("job:j1:s1:ACTIVE"),
            QStringLiteral("run:j1:%1:ACTIVE:%2:%3").arg(f.value(0), f.value(1), f.value(2))};
}

} // namespace

class TestReplicationStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appRows_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<int>("inserts");
        QTest::addColumn<int>("removes");
        QTest::addColumn<int>("changes");      // dataChanged signals
        QTest::addColumn<QStringList>("rows"); // appIds after, in row order

        QTest::addRow("first pass") << QStringList() << strings({"a", "b", "c"}) << 1 << 0 << 0
                                    << strings({"a", "b", "c"});
        QTest::addRow("nothing changed") << strings({"a", "b"}) << strings({"a", "b"}) << 0 << 0 << 0
                                         << strings({"a", "b"});
        QTest::addRow("other order is no change") << strings({"a", "b"}) << strings({"b", "a"}) << 0 << 0 << 0
                                                  << strings({"a", "b"});
        QTest::addRow("one of four changed") << strings({"a", "b", "c", "d"})
                                             << strings({"a", "b:REPLICATED", "c", "d"}) << 0 << 0 << 1
                                             << strings({"a", "b", "c", "d"});
        QTest::addRow("two of five changed: a signal each")
            << strings({"a", "b", "c", "d", "e"}) << strings({"a:REPLICATED", "b", "c", "d", "e:REPLICATED"}) << 0 << 0
            << 2 << strings({"a", "b", "c", "d", "e"});
        QTest::addRow("half changed: still a signal each")
            << strings({"a", "b", "c", "d"}) << strings({"a:REPLICATED", "b", "c:REPLICATED", "d"}) << 0 << 0 << 2
            << strings({"a", "b", "c", "d"});
        QTest::addRow("most changed: one range")
            << strings({"a", "b", "c", "d", "e"})
            << strings({"a", "b:REPLICATED", "c:REPLICATED", "d:REPLICATED", "e:REPLICATED"}) << 0 << 0 << 1
            << strings({"a", "b", "c", "d", "e"});
        QTest::addRow("gone in two runs") << strings({"a", "b", "c", "d", "e"}) << strings({"a", "d"}) << 0 << 2 << 0
                                          << strings({"a", "d"});
        QTest::addRow("new ones in one insertion at the end") << strings({"a"}) << strings({"x", "a", "y"}) << 1 << 0
                                                              << 0 << strings({"a", "x", "y"});
        QTest::addRow("all at once") << strings({"a", "b", "c"}) << strings({"c:REPLICATED", "d", "a"}) << 1 << 1 << 1
                                     << strings({"a", "c", "d"});
        QTest::addRow("all gone") << strings({"a", "b"}) << QStringList() << 0 << 1 << 0 << QStringList();
    }

    void appRows()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(int, inserts);
        QFETCH(int, removes);
        QFETCH(int, changes);
        QFETCH(QStringList, rows);

        ReplicationStore store;
        EndpointAppsModel &model = store.applications();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store.apply(passFrom(appItems(before)));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);

        store.apply(passFrom(appItems(after), kStart + kPassEvery));
        QCOMPARE(inserted.size(), inserts);
        QCOMPARE(removed.size(), removes);
        QCOMPARE(changed.size(), changes);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
        QCOMPARE(column(model, EndpointAppsModel::Name, EndpointAppsModel::AppIdRole), rows);
        // Each row shows the new pass's status, and rowOf finds it.
        for (const QString &spec : after) {
            const QString id = spec.section(QLatin1Char(':'), 0, 0);
            const int row = model.rowOf(id.toStdString());
            QVERIFY(row >= 0);
            const bool replicated = spec.endsWith(QLatin1String(":REPLICATED"));
            QCOMPARE(model.index(row, EndpointAppsModel::ReplicationStatus).data().toString(),
                     replicated ? QStringLiteral("Replicated") : QStringLiteral("Replication in progress"));
        }
        // One dataChanged covers whole rows.
        for (const QList<QVariant> &signal : changed) {
            QCOMPARE(signal.at(0).toModelIndex().column(), 0);
            QCOMPARE(signal.at(1).toModelIndex().column(), EndpointAppsModel::ColumnCount - 1);
        }
    }

    void jobRows_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<int>("inserts");
        QTest::addColumn<int>("removes");
        QTest::addColumn<int>("changes");
        QTest::addColumn<QStringList>("rows");

        QTest::addRow("first pass") << QStringList() << strings({"j1", "j2"}) << 1 << 0 << 0 << strings({"j1", "j2"});
        QTest::addRow("one changed") << strings({"j1", "j2", "j3"}) << strings({"j1", "j2:FAILING", "j3"}) << 0 << 0
                                     << 1 << strings({"j1", "j2", "j3"});
        QTest::addRow("most changed") << strings({"j1", "j2", "j3"})
                                      << strings({"j1:PAUSED_ON_FAILURE", "j2:FAILING", "j3"}) << 0 << 0 << 1
                                      << strings({"j1", "j2", "j3"});
        QTest::addRow("gone and new") << strings({"j1", "j2", "j3"}) << strings({"j3", "j4", "j1"}) << 1 << 1 << 0
                                      << strings({"j1", "j3", "j4"});
        QTest::addRow("a job listed twice is one row") << QStringList() << strings({"j1", "j1:FAILED"}) << 1 << 0 << 0
                                                       << strings({"j1"});
    }

    void jobRows()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(int, inserts);
        QFETCH(int, removes);
        QFETCH(int, changes);
        QFETCH(QStringList, rows);

        ReplicationStore store;
        ReplicationJobsModel &model = store.jobs();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store.apply(passFrom(jobItems(before)));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        store.apply(passFrom(jobItems(after), kStart + kPassEvery));
        QCOMPARE(inserted.size(), inserts);
        QCOMPARE(removed.size(), removes);
        QCOMPARE(changed.size(), changes);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(column(model, 0, ReplicationJobsModel::JobIdRole), rows);
        for (const QString &id : rows)
            QCOMPARE(model.rowOfServer("s-" + id.toStdString()), model.rowOf(id.toStdString()));
    }

    void jobsOfOneApplication()
    {
        ReplicationStore store;
        ReplicationJobsModel &model = store.jobs();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // j1 is found through GetApp's job id, j2 through its server id, j3 is in no application.
        store.apply(passFrom(strings({"app:a1", "app:a2", "server:a1:s1:j1", "server:a2:s2", "job:j1:s1",
                                      "job:j2:s2", "job:j3:s3"})));
        QCOMPARE(model.rowsOfApplication("a1"), std::vector<int>{model.rowOf("j1")});
        QCOMPARE(model.rowsOfApplication("a2"), std::vector<int>{model.rowOf("j2")});
        QCOMPARE(model.rowsOfApplication(""), std::vector<int>{model.rowOf("j3")});
        QCOMPARE(model.rowOfServer("s2"), model.rowOf("j2"));
        QCOMPARE(model.rowOfServer("s-none"), -1);
        const int j1 = model.rowOf("j1");
        QCOMPARE(model.index(j1, ReplicationJobsModel::Server).data().toString(), QStringLiteral("vm-s1"));
        QCOMPARE(model.index(j1, ReplicationJobsModel::Application).data().toString(), QStringLiteral("name-a1"));
        QCOMPARE(model.index(j1, ReplicationJobsModel::Group).data().toString(), QStringLiteral("g1"));
        QCOMPARE(model.index(j1, ReplicationJobsModel::Message).data(ReplicationJobsModel::AppIdRole).toString(),
                 QStringLiteral("a1"));
    }

    void wordsAndUnknownValues_data()
    {
        QTest::addColumn<QStringList>("pass");
        QTest::addColumn<bool>("jobs");  // which table
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("raw");
        QTest::addColumn<int>("tone");

        QTest::addRow("replication in words") << strings({"app:a1:REPLICATION_IN_PROGRESS"}) << false
                                              << int(EndpointAppsModel::ReplicationStatus) << "Replication in progress"
                                              << "REPLICATION_IN_PROGRESS" << int(Tone::Busy);
        QTest::addRow("replicated is good") << strings({"app:a1:REPLICATED"}) << false
                                            << int(EndpointAppsModel::ReplicationStatus) << "Replicated"
                                            << "REPLICATED" << int(Tone::Good);
        QTest::addRow("unknown replication status as sent")
            << strings({"app:a1:REPLICATION_TELEPORTING"}) << false << int(EndpointAppsModel::ReplicationStatus)
            << "REPLICATION_TELEPORTING" << "REPLICATION_TELEPORTING" << int(Tone::Neutral);
        QTest::addRow("launch failed is bad") << strings({"app:a1:REPLICATED:LAUNCH_FAILED"}) << false
                                              << int(EndpointAppsModel::LaunchStatus) << "Launch failed"
                                              << "LAUNCH_FAILED" << int(Tone::Bad);
        QTest::addRow("unknown launch status as sent") << strings({"app:a1:REPLICATED:LAUNCH_ON_MARS"}) << false
                                                       << int(EndpointAppsModel::LaunchStatus) << "LAUNCH_ON_MARS"
                                                       << "LAUNCH_ON_MARS" << int(Tone::Neutral);
        QTest::addRow("the row's tone is its worst") << strings({"app:a1:REPLICATED:LAUNCH_FAILED"}) << false
                                                     << int(EndpointAppsModel::Name) << "name-a1" << "name-a1"
                                                     << int(Tone::Bad);
        QTest::addRow("job state in words") << strings({"job:j1:s1:PAUSED_ON_FAILURE"}) << true
                                            << int(ReplicationJobsModel::JobState) << "Paused on failure"
                                            << "PAUSED_ON_FAILURE" << int(Tone::Bad);
        QTest::addRow("unknown job state as sent") << strings({"job:j1:s1:HIBERNATING"}) << true
                                                   << int(ReplicationJobsModel::JobState) << "HIBERNATING"
                                                   << "HIBERNATING" << int(Tone::Neutral);
        QTest::addRow("run in progress") << strings({"job:j1:s1", "run:j1:r1:ACTIVE:Uploading:45%"}) << true
                                         << int(ReplicationJobsModel::CurrentRun) << "Uploading 45%" << "45"
                                         << int(Tone::Busy);
        QTest::addRow("run of an unknown stage") << strings({"job:j1:s1", "run:j1:r1:ACTIVE:Defragmenting:7%"}) << true
                                                 << int(ReplicationJobsModel::CurrentRun) << "Defragmenting 7%" << "7"
                                                 << int(Tone::Busy);
    }

    void wordsAndUnknownValues()
    {
        QFETCH(QStringList, pass);
        QFETCH(bool, jobs);
        QFETCH(int, column);
        QFETCH(QString, display);
        QFETCH(QString, raw);
        QFETCH(int, tone);

        ReplicationStore store;
        QAbstractItemModel *model = jobs ? static_cast<QAbstractItemModel *>(&store.jobs()) : &store.applications();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        store.apply(passFrom(pass));
        const int rawRole = jobs ? int(ReplicationJobsModel::RawRole) : int(EndpointAppsModel::RawRole);
        const int toneRole = jobs ? int(ReplicationJobsModel::ToneRole) : int(EndpointAppsModel::ToneRole);
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex index = model->index(0, column);
        QCOMPARE(index.data().toString(), display);
        QCOMPARE(index.data(rawRole).toString(), raw);
        QCOMPARE(index.data(toneRole).toInt(), tone);
        QVERIFY(!model->headerData(column, Qt::Horizontal).toString().isEmpty());
    }

    void jobTones_data()
    {
        QTest::addColumn<QString>("state");  // wire text; empty: the job has none
        QTest::addColumn<bool>("hasAmi");
        QTest::addColumn<int>("stateTone");  // jobStateTone()
        QTest::addColumn<int>("rowTone");    // the model's ToneRole

        QTest::addRow("no state") << QString() << false << int(Tone::Neutral) << int(Tone::Neutral);
        QTest::addRow("pending") << "PENDING" << false << int(Tone::Neutral) << int(Tone::Neutral);
        QTest::addRow("active, no AMI yet") << "ACTIVE" << false << int(Tone::Good) << int(Tone::Neutral);
        QTest::addRow("active with an AMI") << "ACTIVE" << true << int(Tone::Good) << int(Tone::Good);
        QTest::addRow("completed") << "COMPLETED" << true << int(Tone::Good) << int(Tone::Good);
        QTest::addRow("failing") << "FAILING" << true << int(Tone::Warning) << int(Tone::Warning);
        QTest::addRow("failed") << "FAILED" << false << int(Tone::Bad) << int(Tone::Bad);
        QTest::addRow("paused on failure") << "PAUSED_ON_FAILURE" << true << int(Tone::Bad) << int(Tone::Bad);
        QTest::addRow("deleting") << "DELETING" << true << int(Tone::Busy) << int(Tone::Busy);
        QTest::addRow("deleted") << "DELETED" << false << int(Tone::Neutral) << int(Tone::Neutral);
        QTest::addRow("unknown") << "HIBERNATING" << true << int(Tone::Neutral) << int(Tone::Neutral);
    }

    void jobTones()
    {
        QFETCH(QString, state);
        QFETCH(bool, hasAmi);
        QFETCH(int, stateTone);
        QFETCH(int, rowTone);

        ReplicationStore store;
        QAbstractItemModelTester tester(&store.jobs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto pass = passFrom(strings({"job:j1:s1"}));
        api::ReplicationJob &job = pass->jobs[0];
        job.state.reset();
        if (!state.isEmpty())
            job.state = api::OpenEnum<api::ReplicationJobState>::fromString(state.toStdString());
        if (hasAmi)
            job.latestAmiId = "ami-1";
        store.apply(pass);
        QCOMPARE(int(jobStateTone(job.state)), stateTone);
        QCOMPARE(store.jobs().index(0, ReplicationJobsModel::JobState).data(ReplicationJobsModel::ToneRole).toInt(),
                 rowTone);
    }

    void times()
    {
        ReplicationStore store;
        auto pass = passFrom(strings({"app:a1", "job:j1:s1"}));
        pass->apps[0].latestReplicationTime = api::Timestamp{1'700'000'000};
        pass->jobs[0].nextReplicationRunStartTime = api::Timestamp{1'700'003'600};
        store.apply(pass);
        const QDateTime replicated = QDateTime::fromSecsSinceEpoch(1'700'000'000).toLocalTime();
        const QModelIndex app = store.applications().index(0, EndpointAppsModel::LastReplicated);
        QCOMPARE(app.data().toString(), QLocale().toString(replicated, QLocale::ShortFormat));
        QCOMPARE(app.data(EndpointAppsModel::RawRole).toDateTime(), replicated);
        const QModelIndex next = store.jobs().index(0, ReplicationJobsModel::NextRun);
        QCOMPARE(next.data(ReplicationJobsModel::RawRole).toDateTime(),
                 QDateTime::fromSecsSinceEpoch(1'700'003'600).toLocalTime());
        QVERIFY(store.applications().index(0, EndpointAppsModel::LastLaunched).data().toString().isEmpty());
    }

    void events_data()
    {
        QTest::addColumn<QStringList>("passes"); // "|" between passes
        QTest::addColumn<int>("emissions");
        QTest::addColumn<QStringList>("events");

        QTest::addRow("a failure from before the start is not news")
            << strings({"job:j1:s1", "run:j1:r1:FAILED"}) << 0 << QStringList();
        QTest::addRow("a run that fails while watched")
            << strings({"job:j1:s1", "run:j1:r1:ACTIVE:Uploading:10%", "|", "job:j1:s1:FAILING", "run:j1:r1:FAILED"})
            << 1 << strings({"RunFailed:j1:r1"});
        QTest::addRow("a failure is told once")
            << strings({"job:j1:s1", "run:j1:r1:ACTIVE:Uploading:10%", "|", "job:j1:s1", "run:j1:r1:FAILED", "|",
                        "job:j1:s1", "run:j1:r1:FAILED"})
            << 1 << strings({"RunFailed:j1:r1"});
        QTest::addRow("a run that started and failed between passes")
            << strings({"job:j1:s1", "run:j1:r1:COMPLETED", "|", "job:j1:s1", "run:j1:r1:COMPLETED",
                        "run:j1:r2:FAILED"})
            << 1 << strings({"RunFailed:j1:r2"});
        QTest::addRow("a new job's failed run") << strings({"job:j1:s1", "|", "job:j1:s1", "job:j2:s2",
                                                            "run:j2:r9:FAILED"})
                                                << 1 << strings({"RunFailed:j2:r9"});
        QTest::addRow("no runs read: the job entering a failure state")
            << strings({"job:j1:s1:ACTIVE", "|", "job:j1:s1:FAILING", "|", "job:j1:s1:PAUSED_ON_FAILURE"}) << 1
            << strings({"RunFailed:j1:"});
        QTest::addRow("runs read only now: an old failure is not news")
            << strings({"job:j1:s1:FAILING", "|", "job:j1:s1:FAILING", "run:j1:r1:FAILED"}) << 0 << QStringList();
        QTest::addRow("an application becoming replicated")
            << strings({"app:a1", "|", "app:a1:REPLICATED", "|", "app:a1:REPLICATED"}) << 1
            << strings({"AppReplicated:a1"});
        QTest::addRow("replicated at the start is no transition")
            << strings({"app:a1:REPLICATED", "|", "app:a1:REPLICATED"}) << 0 << QStringList();
        QTest::addRow("a pass's events come together")
            << strings({"app:a1", "job:j1:s1", "run:j1:r1:ACTIVE:Uploading:10%", "job:j2:s2", "|",
                        "app:a1:REPLICATED", "job:j1:s1", "run:j1:r1:FAILED", "job:j2:s2:FAILING", "run:j2:r2:FAILED"})
            << 1 << strings({"RunFailed:j1:r1", "RunFailed:j2:r2", "AppReplicated:a1"});
    }

    void events()
    {
        QFETCH(QStringList, passes);
        QFETCH(int, emissions);
        QFETCH(QStringList, events);

        ReplicationStore store;
        EventLog log;
        record(store, log);
        for (const SnapshotPtr &pass : passesFrom(passes))
            store.apply(pass);
        QCOMPARE(log.emissions, emissions);
        QCOMPARE(log.events, events);
    }

    void eventNamesTheServerAndApplication()
    {
        ReplicationStore store;
        EventLog log;
        record(store, log);
        store.apply(passFrom(strings({"app:a1", "server:a1:s1:j1", "job:j1:s1", "run:j1:r1:ACTIVE:Uploading:10%"})));
        store.apply(passFrom(strings({"app:a1", "server:a1:s1:j1", "job:j1:s1", "run:j1:r1:FAILED"}),
                             kStart + kPassEvery));
        QCOMPARE(log.all.size(), std::size_t(1));
        const ReplicationEvent &event = log.all.front();
        QCOMPARE(event.kind, ReplicationEvent::Kind::RunFailed);
        QCOMPARE(event.appId, std::string("a1"));
        QCOMPARE(event.appName, std::string("name-a1"));
        QCOMPARE(event.serverId, std::string("s1"));
        QCOMPARE(event.vmName, std::string("vm-s1"));
        QCOMPARE(event.jobId, std::string("j1"));
        QCOMPARE(event.runId, std::string("r1"));
        QCOMPARE(event.message, std::string("why-r1"));
    }

    void stalls_data()
    {
        QTest::addColumn<QStringList>("progress"); // a pass each: "[RUN:]STAGE:PROGRESS"
        QTest::addColumn<double>("every");          // seconds between passes
        QTest::addColumn<bool>("stalled");
        QTest::addColumn<int>("stallEvents");

        QTest::addRow("moving") << strings({"Uploading:10%", "Uploading:20%", "Uploading:30%", "Uploading:40%"})
                                << 600.0 << false << 0;
        QTest::addRow("still over three passes and ten minutes")
            << strings({"Uploading:40%", "Uploading:40%", "Uploading:40%", "Uploading:40%"}) << 600.0 << true << 1;
        QTest::addRow("still over three quick passes is not yet stalled")
            << strings({"Uploading:40%", "Uploading:40%", "Uploading:40%", "Uploading:40%"}) << 10.0 << false << 0;
        QTest::addRow("still over two passes only")
            << strings({"Uploading:40%", "Uploading:40%", "Uploading:40%"}) << 600.0 << false << 0;
        QTest::addRow("stalled once, told once")
            << strings({"Uploading:40%", "Uploading:40%", "Uploading:40%", "Uploading:40%", "Uploading:40%",
                        "Uploading:40%"})
            << 600.0 << true << 1;
        QTest::addRow("moving again ends the stall")
            << strings({"Uploading:40%", "Uploading:40%", "Uploading:40%", "Uploading:40%", "Uploading:41%"}) << 600.0
            << false << 1;
        QTest::addRow("a stage change is progress")
            << strings({"Uploading:99%", "Uploading:99%", "Uploading:99%", "Converting:99%"}) << 600.0 << false << 0;
        QTest::addRow("another run starts afresh")
            << strings({"r1:Uploading:40%", "r1:Uploading:40%", "r1:Uploading:40%", "r2:Uploading:40%"}) << 600.0
            << false << 0;
    }

    void stalls()
    {
        QFETCH(QStringList, progress);
        QFETCH(double, every);
        QFETCH(bool, stalled);
        QFETCH(int, stallEvents);

        ReplicationStore store;
        QCOMPARE(store.stallRule().passes, 3);
        EventLog log;
        record(store, log);
        double at = kStart;
        for (const QString &pass : progress) {
            store.apply(passFrom(runPass(pass), at));
            at += every;
        }
        const QModelIndex run = store.jobs().index(0, ReplicationJobsModel::CurrentRun);
        QCOMPARE(run.data(ReplicationJobsModel::StalledRole).toBool(), stalled);
        QCOMPARE(run.data().toString().endsWith(QLatin1String("(stalled)")), stalled);
        if (stalled)
            QCOMPARE(run.data(ReplicationJobsModel::ToneRole).toInt(), int(Tone::Warning));
        QCOMPARE(store.liveStatus().servers.at("s1").stalled, stalled);
        QCOMPARE(int(log.events.count(QStringLiteral("JobStalled:j1"))), stallEvents);
    }

    void eta_data()
    {
        QTest::addColumn<QStringList>("progress"); // a pass each, kPassEvery apart
        QTest::addColumn<double>("remaining");      // seconds after the last pass; negative: no ETA

        // Preparing 0 % is 0 of the run, Uploading 0 % is 0.10: 0.10 in 600 s leaves 0.90, 5400 s.
        QTest::addRow("from the rate so far") << strings({"Preparing:0%", "Uploading:0%"}) << 5400.0;
        // Uploading 50 % is 0.35 of the run, Converting 0 % is 0.60: 0.25 in 1200 s, 0.40 left: 1920 s.
        QTest::addRow("across stages") << strings({"Uploading:50%", "Uploading:75%", "Converting:0%"}) << 1920.0;
        QTest::addRow("first sight: no rate yet") << strings({"Uploading:50%"}) << -1.0;
        QTest::addRow("no progress: no rate") << strings({"Uploading:50%", "Uploading:50%"}) << -1.0;
        QTest::addRow("an unknown stage gives none") << strings({"Defragmenting:10%", "Defragmenting:60%"}) << -1.0;
        // Measured from the first known stage: Preparing 0 % (0) to Uploading 0 % (0.10).
        QTest::addRow("measured from the first known stage")
            << strings({"Defragmenting:10%", "Preparing:0%", "Uploading:0%"}) << 5400.0;
    }

    void eta()
    {
        QFETCH(QStringList, progress);
        QFETCH(double, remaining);

        ReplicationStore store;
        double at = kStart;
        for (const QString &pass : progress) {
            store.apply(passFrom(runPass(pass), at));
            at += kPassEvery;
        }
        const double last = at - kPassEvery;
        const ReplicationJobRow &row = store.jobs().row(0);
        const QModelIndex eta = store.jobs().index(0, ReplicationJobsModel::Eta);
        if (remaining < 0) {
            QVERIFY(!row.eta);
            QVERIFY(eta.data().toString().isEmpty());
            return;
        }
        QVERIFY(row.eta);
        QCOMPARE(*row.eta, last + remaining);
        const qint64 shown = eta.data(ReplicationJobsModel::RawRole).toDateTime().toMSecsSinceEpoch();
        QVERIFY(qAbs(shown - qint64((last + remaining) * 1000)) <= 1);
        QVERIFY(!eta.data().toString().isEmpty());
    }

    void overdue_data()
    {
        QTest::addColumn<int>("frequency");         // hours; 0: none
        QTest::addColumn<bool>("runOnce");
        QTest::addColumn<double>("completedAgo");   // hours before the pass; negative: no completed run
        QTest::addColumn<double>("seedAgo");        // hours before the pass
        QTest::addColumn<bool>("overdue");

        QTest::addRow("completed within twice the frequency") << 12 << false << 23.0 << 100.0 << false;
        QTest::addRow("no run completed within twice the frequency") << 12 << false << 25.0 << 100.0 << true;
        QTest::addRow("none completed, seeded recently") << 12 << false << -1.0 << 20.0 << false;
        QTest::addRow("none completed since the seed long ago") << 12 << false << -1.0 << 30.0 << true;
        QTest::addRow("run once is never overdue") << 12 << true << -1.0 << 300.0 << false;
        QTest::addRow("no frequency, no verdict") << 0 << false << -1.0 << 300.0 << false;
    }

    void overdue()
    {
        QFETCH(int, frequency);
        QFETCH(bool, runOnce);
        QFETCH(double, completedAgo);
        QFETCH(double, seedAgo);
        QFETCH(bool, overdue);

        auto pass = passFrom(strings({"job:j1:s1"}));
        api::ReplicationJob &job = pass->jobs[0];
        if (frequency > 0)
            job.frequency = frequency;
        job.runOnce = runOnce;
        job.seedReplicationTime = api::Timestamp{kStart - seedAgo * 3600};
        auto &runs = job.replicationRunList.emplace();
        if (completedAgo >= 0) {
            api::ReplicationRun run;
            run.replicationRunId = "r1";
            run.state = api::ReplicationRunState::Completed;
            run.completedTime = api::Timestamp{kStart - completedAgo * 3600};
            runs.push_back(run);
        }
        ReplicationStore store;
        store.apply(pass);
        const QModelIndex last = store.jobs().index(0, ReplicationJobsModel::LastCompleted);
        QCOMPARE(last.data(ReplicationJobsModel::OverdueRole).toBool(), overdue);
        QCOMPARE(last.data().toString().endsWith(QLatin1String("(overdue)")), overdue);
        QCOMPARE(last.data(ReplicationJobsModel::RawRole).toDateTime().isValid(), completedAgo >= 0);
    }

    void lastCompletedIsRemembered()
    {
        // A later pass without the run list still knows when a run last completed.
        ReplicationStore store;
        store.apply(passFrom(strings({"job:j1:s1", "run:j1:r1:COMPLETED"})));
        store.apply(passFrom(strings({"job:j1:s1"}), kStart + kPassEvery));
        QVERIFY(store.jobs().row(0).lastCompleted);
        QCOMPARE(*store.jobs().row(0).lastCompleted, kStart - 60);
    }

    void liveStatus_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<int>("emissions");
        QTest::addColumn<QStringList>("apps");
        QTest::addColumn<QStringList>("servers");

        const QStringList base = strings({"app:a1", "app:a2", "server:a1:s1:j1", "server:a1:s2", "job:j1:s1"});
        QTest::addRow("nothing changed") << base << base << 0 << QStringList() << QStringList();
        QTest::addRow("an application's status")
            << base << strings({"app:a1:REPLICATED", "app:a2", "server:a1:s1:j1", "server:a1:s2", "job:j1:s1"}) << 1
            << strings({"a1"}) << QStringList();
        QTest::addRow("a server's job")
            << base << strings({"app:a1", "app:a2", "server:a1:s1:j1", "server:a1:s2", "job:j1:s1:FAILING"}) << 1
            << QStringList() << strings({"s1"});
        QTest::addRow("a server got a job")
            << base << strings({"app:a1", "app:a2", "server:a1:s1:j1", "server:a1:s2:j2", "job:j1:s1", "job:j2:s2"})
            << 1 << QStringList() << strings({"s2"});
        QTest::addRow("gone ones are named") << base << strings({"app:a1", "server:a1:s1:j1", "job:j1:s1"}) << 1
                                             << strings({"a2"}) << strings({"s2"});
    }

    void liveStatus()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(int, emissions);
        QFETCH(QStringList, apps);
        QFETCH(QStringList, servers);

        ReplicationStore store;
        QSignalSpy first(&store, &ReplicationStore::liveStatusChanged);
        store.apply(passFrom(before));
        QCOMPARE(first.size(), 1); // everything is new on the first pass
        QVERIFY(store.liveStatus().servers.count("s2"));
        QVERIFY(store.liveStatus().servers.at("s2").replicationJobId.empty());

        QStringList changedApps;
        QStringList changedServers;
        int emitted = 0;
        connect(&store, &ReplicationStore::liveStatusChanged, this,
                [&](const std::vector<std::string> &appIds, const std::vector<std::string> &serverIds) {
                    ++emitted;
                    for (const std::string &id : appIds)
                        changedApps << QString::fromStdString(id);
                    for (const std::string &id : serverIds)
                        changedServers << QString::fromStdString(id);
                });
        store.apply(passFrom(after, kStart + kPassEvery));
        QCOMPARE(emitted, emissions);
        QCOMPARE(changedApps, apps);
        QCOMPARE(changedServers, servers);
        // A gone entry is named and absent; a changed one holds the new pass's state.
        QCOMPARE(store.liveStatus().applications.count("a2"), std::size_t(after.contains(QStringLiteral("app:a2"))));
        QCOMPARE(store.liveStatus().servers.count("s2"), std::size_t(after.contains(QStringLiteral("server:a1:s2"))
                                                                      || after.contains(QStringLiteral("server:a1:s2:j2"))));
        const bool replicated = after.contains(QStringLiteral("app:a1:REPLICATED"));
        QCOMPARE(store.liveStatus().applications.at("a1").replication == api::AppReplicationStatus::Replicated,
                 replicated);
    }

    // Each application's replication and launch messages reach the plan's views apart.
    void liveStatusMessages()
    {
        ReplicationStore store;
        auto pass = passFrom(strings({"app:a1:REPLICATION_FAILED"}));
        pass->apps[0].replicationStatusMessage = "disk full";
        pass->apps[0].launchStatusMessage = "no launch configuration";
        store.apply(pass);
        const ApplicationLiveStatus &a1 = store.liveStatus().applications.at("a1");
        QCOMPARE(a1.replicationMessage, std::string("disk full"));
        QCOMPARE(a1.launchMessage, std::string("no launch configuration"));
    }

    void counts_data()
    {
        QTest::addColumn<QString>("state"); // of s1's job; empty: s1 has no job
        QTest::addColumn<int>("bucket");

        QTest::addRow("no job") << QString() << int(JobBucket::NoJob);
        QTest::addRow("PENDING") << "PENDING" << int(JobBucket::Pending);
        QTest::addRow("ACTIVE") << "ACTIVE" << int(JobBucket::Replicating);
        QTest::addRow("COMPLETED") << "COMPLETED" << int(JobBucket::Completed);
        QTest::addRow("FAILING") << "FAILING" << int(JobBucket::Failing);
        QTest::addRow("PAUSED_ON_FAILURE") << "PAUSED_ON_FAILURE" << int(JobBucket::Paused);
        QTest::addRow("FAILED") << "FAILED" << int(JobBucket::Failed);
        QTest::addRow("DELETING") << "DELETING" << int(JobBucket::NoJob);
        QTest::addRow("DELETED") << "DELETED" << int(JobBucket::NoJob);
        QTest::addRow("unknown") << "SLEEPING" << int(JobBucket::Pending);
    }

    void counts()
    {
        QFETCH(QString, state);
        QFETCH(int, bucket);

        QStringList pass = strings({"app:a2", "app:a1", "app:a3", "server:a1:s1", "server:a1:s2:j2",
                                    "job:j2:s2:ACTIVE", "server:a2:s3"});
        if (!state.isEmpty())
            pass << QStringLiteral("job:j1:s1:") + state; // found through its server id
        ReplicationStore store;
        store.apply(passFrom(pass));

        const std::vector<ApplicationCounts> &counts = store.counts();
        QCOMPARE(counts.size(), std::size_t(3));
        QCOMPARE(counts[0].appId, std::string("a2")); // ListApps' order
        QCOMPARE(counts[1].appId, std::string("a1"));
        QCOMPARE(counts[1].name, std::string("name-a1"));
        std::array<int, kJobBucketCount> expected{};
        ++expected[std::size_t(bucket)];
        ++expected[std::size_t(JobBucket::Replicating)]; // s2
        QCOMPARE(counts[1].servers, expected);
        QCOMPARE(counts[0].servers[std::size_t(JobBucket::NoJob)], 1);
        QCOMPARE(counts[2].servers, (std::array<int, kJobBucketCount>{})); // a3: servers not read yet

        const ApplicationHistory history = store.history("a1");
        QCOMPARE(history.name, std::string("name-a1"));
        QCOMPARE(history.samples.size(), std::size_t(1));
        QCOMPARE(history.samples[0].at, kStart);
        QCOMPARE(history.samples[0].servers[std::size_t(bucket)], float(expected[std::size_t(bucket)]));
        QVERIFY(store.history("a3").samples.empty());
    }

    void historyIsCappedAndForgetsGoneApplications()
    {
        ReplicationStore store(8);
        const QStringList pass = strings({"app:a1", "server:a1:s1:j1", "job:j1:s1"});
        for (int i = 0; i < 50; ++i)
            store.apply(passFrom(pass, kStart + 10.0 * i));
        const ApplicationHistory history = store.history("a1");
        QVERIFY(!history.samples.empty());
        QVERIFY(history.samples.size() <= 8);
        QCOMPARE(history.samples.back().at, kStart + 490.0);
        store.apply(passFrom(strings({"app:a2"}), kStart + 500.0));
        QVERIFY(store.history("a1").samples.empty());
    }
};

QTEST_GUILESS_MAIN(TestReplicationStore)
#include "tst_replicationstore.moc"
