// PlanDocument: the indexes it keeps (catalog row and placement of a server),
// the signals it sends before and after each change, its modified state and
// the catalog facts it stores (endpoint ids, replication jobs).

#include "PlanFixtures.h"

#include "models/ApplicationCommands.h"
#include "models/PlanDocument.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;

namespace {

// Logs the document's signals, each with a fact read at that moment, so that
// a test sees whether a signal came before or after the change.
class SignalLog : public QObject
{
public:
    SignalLog(PlanDocument &doc, std::function<QString()> probe)
        : m_probe(std::move(probe))
    {
        const auto log = [this](const char *name) {
            return [this, name](auto... args) {
                QStringList parts;
                (parts.append(QString::number(args)), ...);
                entries << QStringLiteral("%1(%2) %3")
                               .arg(QString::fromLatin1(name), parts.join(QLatin1Char(',')), m_probe());
            };
        };
        connect(&doc, &PlanDocument::applicationAboutToBeInserted, this, log("appAboutToBeInserted"));
        connect(&doc, &PlanDocument::applicationInserted, this, log("appInserted"));
        connect(&doc, &PlanDocument::applicationAboutToBeRemoved, this, log("appAboutToBeRemoved"));
        connect(&doc, &PlanDocument::applicationRemoved, this, log("appRemoved"));
        connect(&doc, &PlanDocument::applicationChanged, this, log("appChanged"));
        connect(&doc, &PlanDocument::groupAboutToBeInserted, this, log("groupAboutToBeInserted"));
        connect(&doc, &PlanDocument::groupInserted, this, log("groupInserted"));
        connect(&doc, &PlanDocument::groupAboutToBeRemoved, this, log("groupAboutToBeRemoved"));
        connect(&doc, &PlanDocument::groupRemoved, this, log("groupRemoved"));
        connect(&doc, &PlanDocument::groupChanged, this, log("groupChanged"));
        connect(&doc, &PlanDocument::serversAboutToBeInserted, this, log("serversAboutToBeInserted"));
        connect(&doc, &PlanDocument::serversInserted, this, log("serversInserted"));
        connect(&doc, &PlanDocument::serversAboutToBeRemoved, this, log("serversAboutToBeRemoved"));
        connect(&doc, &PlanDocument::serversRemoved, this, log("serversRemoved"));
        connect(&doc, &PlanDocument::placementsChanged, this, log("placementsChanged"));
        connect(&doc, &PlanDocument::serversAboutToBeAppended, this, log("serversAboutToBeAppended"));
        connect(&doc, &PlanDocument::serversAppended, this, log("serversAppended"));
        connect(&doc, &PlanDocument::catalogAboutToBeCleared, this, log("catalogAboutToBeCleared"));
        connect(&doc, &PlanDocument::catalogCleared, this, log("catalogCleared"));
        connect(&doc, &PlanDocument::catalogSourceChanged, this, log("catalogSourceChanged"));
        connect(&doc, &PlanDocument::connectorsChanged, this, log("connectorsChanged"));
        connect(&doc, &PlanDocument::replicationJobsChanged, this, log("replicationJobsChanged"));
        connect(&doc, &PlanDocument::aboutToReset, this, log("aboutToReset"));
        connect(&doc, &PlanDocument::resetDone, this, log("resetDone"));
    }

    QStringList entries;

private:
    std::function<QString()> m_probe;
};

} // namespace

class TestPlanDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void notation();

    void resetIndexes_data();
    void resetIndexes();
    void resetSignalsAndHistory();
    void resetReplacesIndexes();

    void appendServersSignals();
    void appendServersAnnouncesEarlierPlacements();
    void placementsChangedSpansTheCatalogRows();
    void beginCatalogClears();

    void primitiveSignals_data();
    void primitiveSignals();

    void modified_data();
    void modified();
    void destructionIsSilent();

    void setEndpointIds();
    void setEndpointIdsIgnoresUnknownKeys_data();
    void setEndpointIdsIgnoresUnknownKeys();

    void replicationJobs();
    void newKeysDoNotCollide();
};

void TestPlanDocument::notation()
{
    // The test notation itself, so that every other test can trust it.
    const QString text = QStringLiteral("A{G1:s1,s2;G2:} | B{} | C{G3:s3}");
    const PlanData data = planFrom(text);
    QCOMPARE(int(data.applications.size()), 3);
    QCOMPARE(data.applications[0].serverGroups[1].key, PlanKey(3));
    QCOMPARE(data.applications[2].serverGroups[0].key, PlanKey(6));
    QCOMPARE(notationOf(data.applications), text);
}

void TestPlanDocument::resetIndexes_data()
{
    QTest::addColumn<QString>("serverId");
    QTest::addColumn<int>("catalogRow");
    QTest::addColumn<QString>("application");  // empty: unplanned
    QTest::addColumn<QString>("group");

    QTest::addRow("first row, planned") << QStringLiteral("s1") << 0 << QStringLiteral("Web") << QStringLiteral("Front");
    QTest::addRow("unplanned") << QStringLiteral("s2") << 1 << QString() << QString();
    QTest::addRow("second group") << QStringLiteral("s4") << 3 << QStringLiteral("Web") << QStringLiteral("Back");
    QTest::addRow("second application") << QStringLiteral("s5") << 4 << QStringLiteral("Db") << QStringLiteral("Main");
    QTest::addRow("planned, not in the catalog") << QStringLiteral("s99") << -1 << QStringLiteral("Db")
                                                 << QStringLiteral("Main");
    QTest::addRow("unknown") << QStringLiteral("nope") << -1 << QString() << QString();
    QTest::addRow("empty id") << QString() << -1 << QString() << QString();
}

void TestPlanDocument::resetIndexes()
{
    QFETCH(QString, serverId);
    QFETCH(int, catalogRow);
    QFETCH(QString, application);
    QFETCH(QString, group);

    std::vector<api::Server> catalog = servers(1, 5);
    api::Server anonymous;  // a server without an id takes a row and no index entry
    catalog.insert(catalog.begin() + 2, anonymous);
    catalog.erase(catalog.begin() + 3);  // rows: s1, s2, (no id), s4, s5
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("Web{Front:s1;Back:s4} | Db{Main:s5,s99}"), catalog));

    const std::string id = serverId.toStdString();
    QCOMPARE(doc.catalogRow(id), catalogRow);
    const Placement placement = doc.placementOf(id);
    QCOMPARE(placement.isPlanned(), !application.isEmpty());
    QCOMPARE(placement.application, keyOf(doc, application.toStdString()));
    QCOMPARE(placement.group, keyOf(doc, group.toStdString()));
    if (placement.isPlanned()) {
        const PlanPosition position = doc.positionOf(placement.group);
        QVERIFY(position.isGroup());
        QCOMPARE(doc.positionOf(placement.application).application, position.application);
        const auto &ids = doc.group(position.application, position.group).serverIds;
        QVERIFY(std::find(ids.begin(), ids.end(), id) != ids.end());
    }
}

void TestPlanDocument::resetSignalsAndHistory()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s1}"), servers(1, 3)));
    doc.undoStack().push(new RenameGroupCommand(doc, keyOf(doc, "G"), "H"));
    QCOMPARE(doc.undoStack().count(), 1);

    QStringList seen;
    connect(&doc, &PlanDocument::aboutToReset, this, [&] {
        seen << QStringLiteral("about %1 %2").arg(doc.catalog().servers.size()).arg(notationOf(doc.applications()));
    });
    connect(&doc, &PlanDocument::resetDone, this, [&] {
        seen << QStringLiteral("done %1 %2").arg(doc.catalog().servers.size()).arg(notationOf(doc.applications()));
    });
    doc.reset(planFrom(QStringLiteral("B{} | C{K:s2}"), servers(1, 5)));
    QCOMPARE(seen, QStringList({QStringLiteral("about 3 A{H:s1}"), QStringLiteral("done 5 B{} | C{K:s2}")}));
    QCOMPARE(doc.undoStack().count(), 0);
    QVERIFY(doc.undoStack().isClean());
    QVERIFY(!doc.isModified());
}

void TestPlanDocument::resetReplacesIndexes()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s1,s2}"), servers(1, 3)));
    doc.setReplicationJobs({job("j1", "s1", api::ReplicationJobState::Active)});
    QVERIFY(doc.replicationJob("j1"));

    PlanData next = planFrom(QStringLiteral("B{H:s3}"), servers(3, 4));
    next.catalog.replicationJobs = {job("j2", "s3", api::ReplicationJobState::Failed)};
    doc.reset(std::move(next));
    QCOMPARE(doc.catalogRow("s1"), -1);
    QCOMPARE(doc.catalogRow("s3"), 0);
    QCOMPARE(doc.catalogRow("s4"), 1);
    QVERIFY(!doc.placementOf("s1").isPlanned());
    QVERIFY(!doc.placementOf("s2").isPlanned());
    QCOMPARE(doc.placementOf("s3").group, keyOf(doc, "H"));
    QVERIFY(!doc.replicationJob("j1"));
    QVERIFY(doc.replicationJob("j2"));
    QVERIFY(doc.replicationJob("j2")->state == api::ReplicationJobState::Failed);
}

void TestPlanDocument::appendServersSignals()
{
    PlanDocument doc;
    QSignalSpy about(&doc, &PlanDocument::serversAboutToBeAppended);
    QSignalSpy appended(&doc, &PlanDocument::serversAppended);
    QSignalSpy placements(&doc, &PlanDocument::placementsChanged);
    QStringList sizes;  // the catalog size each signal saw
    connect(&doc, &PlanDocument::serversAboutToBeAppended, this,
            [&](int first, int last) { sizes << QStringLiteral("about %1-%2 at %3").arg(first).arg(last).arg(doc.catalog().servers.size()); });
    connect(&doc, &PlanDocument::serversAppended, this, [&](int first, int last) {
        sizes << QStringLiteral("appended %1-%2 at %3 row %4")
                     .arg(first)
                     .arg(last)
                     .arg(doc.catalog().servers.size())
                     .arg(doc.catalogRow("s" + std::to_string(last + 1)));
    });

    doc.appendServers(servers(1, 3));
    doc.appendServers({});
    doc.appendServers(servers(4, 7));
    doc.appendServers(servers(8, 8));

    QCOMPARE(sizes, QStringList({QStringLiteral("about 0-2 at 0"), QStringLiteral("appended 0-2 at 3 row 2"),
                                 QStringLiteral("about 3-6 at 3"), QStringLiteral("appended 3-6 at 7 row 6"),
                                 QStringLiteral("about 7-7 at 7"), QStringLiteral("appended 7-7 at 8 row 7")}));
    QCOMPARE(about.count(), 3);
    QCOMPARE(appended.count(), 3);
    QCOMPARE(placements.count(), 0);  // nothing planned: nothing to announce
    for (int n = 1; n <= 8; ++n)
        QCOMPARE(doc.catalogRow("s" + std::to_string(n)), n - 1);
    QCOMPARE(int(doc.catalog().servers.size()), 8);
    QVERIFY(doc.catalog().servers[4] == makeServer("s5"));
}

void TestPlanDocument::appendServersAnnouncesEarlierPlacements()
{
    // A plan file names servers before the catalog is read again: their
    // rows learn their application when their page arrives.
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s5}")));
    QCOMPARE(doc.catalogRow("s5"), -1);
    QSignalSpy placements(&doc, &PlanDocument::placementsChanged);
    doc.appendServers(servers(1, 3));
    doc.appendServers(servers(4, 6));
    QCOMPARE(doc.catalogRow("s5"), 4);
    QVERIFY(!placements.isEmpty());
    bool covered = false;
    for (const QList<QVariant> &args : placements) {
        const int first = args.at(0).toInt();
        const int last = args.at(1).toInt();
        QVERIFY(first <= last);
        QVERIFY(first >= 0 && last < 6);
        covered = covered || (first <= 4 && 4 <= last);
    }
    QVERIFY2(covered, "no placementsChanged covered the row of s5");
    QCOMPARE(doc.placementOf("s5").group, keyOf(doc, "G"));
}

void TestPlanDocument::placementsChangedSpansTheCatalogRows()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s1;H:}"), servers(1, 9)));
    const PlanPosition h = doc.positionOf(keyOf(doc, "H"));
    QSignalSpy placements(&doc, &PlanDocument::placementsChanged);

    doc.insertServers(h.application, h.group, 0, {"s7", "s3", "s100"});
    QCOMPARE(placements.count(), 1);
    QCOMPARE(placements.at(0).at(0).toInt(), 2);
    QCOMPARE(placements.at(0).at(1).toInt(), 6);
    QCOMPARE(doc.placementOf("s100").group, keyOf(doc, "H"));

    placements.clear();
    QCOMPARE(doc.takeServers(h.application, h.group, 2, 1), std::vector<std::string>{"s100"});
    QCOMPARE(placements.count(), 0);  // not in the catalog: no row to tell
    QVERIFY(!doc.placementOf("s100").isPlanned());

    QCOMPARE(doc.takeServers(h.application, h.group, 0, 2), (std::vector<std::string>{"s7", "s3"}));
    QCOMPARE(placements.count(), 1);
    QCOMPARE(placements.at(0).at(0).toInt(), 2);
    QCOMPARE(placements.at(0).at(1).toInt(), 6);
    QVERIFY(!doc.placementOf("s7").isPlanned());
    QVERIFY(doc.placementOf("s1").isPlanned());
}

void TestPlanDocument::beginCatalogClears()
{
    PlanDocument doc;
    PlanData data = planFrom(QStringLiteral("A{G:s2}"), servers(1, 3));
    data.catalog.connectors.resize(2);
    data.catalog.replicationJobs = {job("j1", "s1", api::ReplicationJobState::Active)};
    doc.reset(std::move(data));

    SignalLog log(doc, [&] { return QString::number(doc.catalog().servers.size()); });
    CatalogSource source;
    source.endpoint = "http://127.0.0.1:8080";
    source.region = "eu-west-1";
    doc.beginCatalog(source);
    QCOMPARE(log.entries, QStringList({QStringLiteral("catalogAboutToBeCleared() 3"), QStringLiteral("catalogCleared() 0"),
                                       QStringLiteral("catalogSourceChanged() 0"), QStringLiteral("connectorsChanged() 0")}));
    QCOMPARE(doc.catalogRow("s1"), -1);
    QVERIFY(!doc.replicationJob("j1"));
    QVERIFY(doc.catalog().connectors.empty());
    QVERIFY(doc.catalog().replicationJobs.empty());
    QCOMPARE(doc.catalog().source.endpoint, source.endpoint);
    QCOMPARE(doc.catalog().source.region, source.region);
    // The plan is not the catalog: s2 stays planned and finds its row again.
    QCOMPARE(doc.placementOf("s2").group, keyOf(doc, "G"));
    doc.appendServers(servers(2, 2));
    QCOMPARE(doc.catalogRow("s2"), 0);
}

void TestPlanDocument::primitiveSignals_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("expected");

    // Each entry carries the plan as seen by a slot at that moment.
    QTest::addRow("insertApplication")
        << QStringLiteral("insertApplication")
        << QStringList{QStringLiteral("appAboutToBeInserted(1) A{G:s1,s2} | B{H:s3}"),
                       QStringLiteral("placementsChanged(4,4) A{G:s1,s2} | N{X:s5} | B{H:s3}"),
                       QStringLiteral("appInserted(1) A{G:s1,s2} | N{X:s5} | B{H:s3}")};
    QTest::addRow("takeApplication")
        << QStringLiteral("takeApplication")
        << QStringList{QStringLiteral("appAboutToBeRemoved(0) A{G:s1,s2} | B{H:s3}"),
                       QStringLiteral("placementsChanged(0,1) B{H:s3}"), QStringLiteral("appRemoved(0) B{H:s3}")};
    QTest::addRow("setApplicationFields")
        << QStringLiteral("setApplicationFields") << QStringList{QStringLiteral("appChanged(1) A{G:s1,s2} | Renamed{H:s3}")};
    QTest::addRow("insertGroup")
        << QStringLiteral("insertGroup")
        << QStringList{QStringLiteral("groupAboutToBeInserted(0,0) A{G:s1,s2} | B{H:s3}"),
                       QStringLiteral("placementsChanged(3,4) *"),
                       QStringLiteral("groupInserted(0,0) A{X:s4,s5;G:s1,s2} | B{H:s3}"),
                       QStringLiteral("appChanged(0) A{X:s4,s5;G:s1,s2} | B{H:s3}")};
    QTest::addRow("takeGroup")
        << QStringLiteral("takeGroup")
        << QStringList{QStringLiteral("groupAboutToBeRemoved(0,0) A{G:s1,s2} | B{H:s3}"),
                       QStringLiteral("placementsChanged(0,1) A{} | B{H:s3}"),
                       QStringLiteral("groupRemoved(0,0) A{} | B{H:s3}"), QStringLiteral("appChanged(0) A{} | B{H:s3}")};
    QTest::addRow("renameGroup")
        << QStringLiteral("renameGroup") << QStringList{QStringLiteral("groupChanged(1,0) A{G:s1,s2} | B{Renamed:s3}")};
    QTest::addRow("insertServers")
        << QStringLiteral("insertServers")
        << QStringList{QStringLiteral("serversAboutToBeInserted(0,0,1,2) A{G:s1,s2} | B{H:s3}"),
                       QStringLiteral("placementsChanged(3,5) *"),
                       QStringLiteral("serversInserted(0,0,1,2) A{G:s1,s6,s4,s2} | B{H:s3}"),
                       QStringLiteral("groupChanged(0,0) A{G:s1,s6,s4,s2} | B{H:s3}"),
                       QStringLiteral("appChanged(0) A{G:s1,s6,s4,s2} | B{H:s3}")};
    QTest::addRow("takeServers")
        << QStringLiteral("takeServers")
        << QStringList{QStringLiteral("serversAboutToBeRemoved(0,0,1,1) A{G:s1,s2} | B{H:s3}"),
                       QStringLiteral("placementsChanged(1,1) A{G:s1} | B{H:s3}"),
                       QStringLiteral("serversRemoved(0,0,1,1) A{G:s1} | B{H:s3}"),
                       QStringLiteral("groupChanged(0,0) A{G:s1} | B{H:s3}"), QStringLiteral("appChanged(0) A{G:s1} | B{H:s3}")};
}

void TestPlanDocument::primitiveSignals()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, expected);

    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s1,s2} | B{H:s3}"), servers(1, 6)));
    SignalLog log(doc, [&] { return notationOf(doc.applications()); });

    if (operation == QLatin1String("insertApplication")) {
        PlanApplication app = planFrom(QStringLiteral("N{X:s5}")).applications.front();
        app.key = 10;
        app.serverGroups.front().key = 11;
        doc.insertApplication(1, app);
        QCOMPARE(doc.placementOf("s5").application, PlanKey(10));
        QCOMPARE(doc.placementOf("s5").group, PlanKey(11));
    } else if (operation == QLatin1String("takeApplication")) {
        const PlanApplication app = doc.takeApplication(0);
        QCOMPARE(notationOf({app}), QStringLiteral("A{G:s1,s2}"));
        QVERIFY(!doc.placementOf("s1").isPlanned());
    } else if (operation == QLatin1String("setApplicationFields")) {
        doc.setApplicationFields(1, {"Renamed", "about", "role", {}});
        QCOMPARE(doc.application(1).description, std::string("about"));
        QCOMPARE(doc.application(1).roleName, std::string("role"));
    } else if (operation == QLatin1String("insertGroup")) {
        PlanServerGroup group = namedGroup("X", 20, {"s4", "s5"});
        doc.insertGroup(0, 0, group);
        QCOMPARE(doc.placementOf("s4").group, PlanKey(20));
        QCOMPARE(doc.placementOf("s4").application, keyOf(doc, "A"));
    } else if (operation == QLatin1String("takeGroup")) {
        const PlanServerGroup group = doc.takeGroup(0, 0);
        QCOMPARE(group.name, std::string("G"));
        QVERIFY(!doc.placementOf("s2").isPlanned());
    } else if (operation == QLatin1String("renameGroup")) {
        doc.renameGroup(1, 0, "Renamed");
    } else if (operation == QLatin1String("insertServers")) {
        doc.insertServers(0, 0, 1, {"s6", "s4"});
    } else if (operation == QLatin1String("takeServers")) {
        QCOMPARE(doc.takeServers(0, 0, 1, 1), std::vector<std::string>{"s2"});
    } else {
        QFAIL("unknown operation");
    }

    // "*": the plan in between is not part of the promise, only the range.
    QCOMPARE(log.entries.size(), expected.size());
    for (int i = 0; i < expected.size(); ++i) {
        if (expected[i].endsWith(QLatin1Char('*')))
            QVERIFY2(log.entries[i].startsWith(expected[i].chopped(1)), qPrintable(log.entries[i]));
        else
            QCOMPARE(log.entries[i], expected[i]);
    }
}

void TestPlanDocument::modified_data()
{
    QTest::addColumn<QStringList>("actions");
    QTest::addColumn<QString>("emitted");  // modifiedChanged values, in order
    QTest::addColumn<bool>("modified");

    const auto row = [](const char *name, const char *actions, const char *emitted, bool modified) {
        QTest::addRow("%s", name) << QString::fromLatin1(actions).split(QLatin1Char(' '), Qt::SkipEmptyParts)
                                  << QString::fromLatin1(emitted) << modified;
    };
    row("fresh", "", "", false);
    row("catalog page", "append", "1", true);
    row("empty page", "emptyPage", "", false);
    row("second page", "append append", "1", true);
    row("catalog page saved", "append save", "1 0", false);
    row("save when clean", "save save", "", false);
    row("edit", "edit", "1", true);
    row("two edits", "edit edit", "1", true);
    row("edit undone", "edit undo", "1 0", false);
    row("edit undone and redone", "edit undo redo", "1 0 1", true);
    row("edit saved", "edit save", "1 0", false);
    row("saved, undone, redone", "edit save undo redo", "1 0 1 0", false);
    row("saved after two edits, one undone", "edit edit save undo", "1 0 1", true);
    row("edit on a modified catalog", "append edit", "1", true);
    row("undo keeps a modified catalog modified", "append edit undo", "1", true);
    row("catalog and edit saved", "append edit save", "1 0", false);
    row("catalog saved, edit undone", "append edit save undo", "1 0 1", true);
    row("catalog changed after the save point", "edit save undo append redo", "1 0 1", true);
    row("reset drops an edit", "edit reset", "1 0", false);
    row("reset drops a catalog change", "append reset", "1 0", false);
    row("reset drops both", "append edit reset", "1 0", false);
    row("reset when unmodified", "reset", "", false);
    row("macro is one change", "macro", "1", true);
    row("macro undone", "macro undo", "1 0", false);
    row("endpoint ids", "endpoint", "1", true);
    row("endpoint ids saved", "endpoint save", "1 0", false);
    row("replication jobs", "jobs", "1", true);
    row("catalog source", "source", "1", true);
    row("connectors", "connectors", "1", true);
    row("catalog restarted", "begin", "1", true);
    // A plan of nothing but endpoint reads loses nothing: the next session reads them again.
    row("endpoint reads into a blank plan", "blank begin append source connectors jobs", "", false);
    row("edit on a blank plan", "blank append edit", "1", true);
    row("edit undone on a blank plan", "blank edit undo append", "1 0", false);
    row("endpoint reads beside an edit", "blank edit append undo", "1", true);
}

void TestPlanDocument::modified()
{
    QFETCH(QStringList, actions);
    QFETCH(QString, emitted);
    QFETCH(bool, modified);

    const PlanData initial = planFrom(QStringLiteral("A{G:s1}"), servers(1, 2));
    PlanDocument doc;
    doc.reset(initial);
    QVERIFY(!doc.isModified());
    QStringList seen;
    connect(&doc, &PlanDocument::modifiedChanged, this, [&](bool value) {
        QCOMPARE(value, doc.isModified());  // the signal agrees with the getter
        seen << (value ? QStringLiteral("1") : QStringLiteral("0"));
    });

    int next = 3;
    for (const QString &action : std::as_const(actions)) {
        if (action == QLatin1String("append")) {
            doc.appendServers(servers(next, next));
            ++next;
        } else if (action == QLatin1String("emptyPage")) {
            doc.appendServers({});
        } else if (action == QLatin1String("save")) {
            doc.markSaved();
        } else if (action == QLatin1String("edit")) {
            doc.undoStack().push(new CreateApplicationCommand(doc, namedApplication("New")));
        } else if (action == QLatin1String("macro")) {
            doc.undoStack().beginMacro(QStringLiteral("macro"));
            doc.undoStack().push(new CreateApplicationCommand(doc, namedApplication("X")));
            doc.undoStack().push(new CreateApplicationCommand(doc, namedApplication("Y")));
            doc.undoStack().endMacro();
        } else if (action == QLatin1String("undo")) {
            doc.undoStack().undo();
        } else if (action == QLatin1String("redo")) {
            doc.undoStack().redo();
        } else if (action == QLatin1String("reset")) {
            doc.reset(initial);
        } else if (action == QLatin1String("endpoint")) {
            doc.setEndpointIds(keyOf(doc, "A"), "app-1", {{keyOf(doc, "G"), "sg-1"}});
        } else if (action == QLatin1String("jobs")) {
            doc.setReplicationJobs({job("j1", "s1", api::ReplicationJobState::Pending)});
        } else if (action == QLatin1String("source")) {
            doc.setCatalogSource({"http://localhost", "us-east-1", {}, {}, {}});
        } else if (action == QLatin1String("connectors")) {
            doc.setConnectors(std::vector<api::Connector>(1));
        } else if (action == QLatin1String("begin")) {
            doc.beginCatalog({});
        } else if (action == QLatin1String("blank")) {
            doc.reset(planFrom(QString(), servers(1, 2)));
        } else {
            QFAIL(qPrintable(QStringLiteral("unknown action ") + action));
        }
    }
    QCOMPARE(seen.join(QLatin1Char(' ')), emitted);
    QCOMPARE(doc.isModified(), modified);
}

void TestPlanDocument::destructionIsSilent()
{
    // ~QUndoStack clears the history; a document going away must not tell
    // its listeners it became unmodified (they may be half gone too).
    int emitted = 0;
    {
        PlanDocument doc;
        doc.reset(planFrom(QStringLiteral("A{G:s1}")));
        doc.undoStack().push(new RenameGroupCommand(doc, keyOf(doc, "G"), "H"));
        QVERIFY(doc.isModified());
        connect(&doc, &PlanDocument::modifiedChanged, this, [&emitted] { ++emitted; });
    }
    QCOMPARE(emitted, 0);
}

void TestPlanDocument::setEndpointIds()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G1:s1;G2:s2;G3:} | B{H:}"), servers(1, 2)));
    const PlanKey a = keyOf(doc, "A");
    // G2 already has its id: no groupChanged for it.
    doc.setEndpointIds(a, "app-old", {{keyOf(doc, "G2"), "sg-2"}});
    doc.markSaved();

    SignalLog log(doc, [] { return QString(); });
    QSignalSpy modified(&doc, &PlanDocument::modifiedChanged);
    doc.setEndpointIds(a, "app-1",
                       {{keyOf(doc, "G1"), "sg-1"}, {keyOf(doc, "G2"), "sg-2"}, {keyOf(doc, "H"), "sg-other"}, {999, "sg-x"}});
    QCOMPARE(doc.application(0).appId, std::string("app-1"));
    QCOMPARE(doc.group(0, 0).serverGroupId, std::string("sg-1"));
    QCOMPARE(doc.group(0, 1).serverGroupId, std::string("sg-2"));
    QCOMPARE(doc.group(0, 2).serverGroupId, std::string());  // not named: left alone
    QCOMPARE(doc.group(1, 0).serverGroupId, std::string());  // another application's group is not touched
    QCOMPARE(doc.application(1).appId, std::string());
    QCOMPARE(log.entries, QStringList({QStringLiteral("groupChanged(0,0) "), QStringLiteral("appChanged(0) ")}));
    QCOMPARE(modified.count(), 1);
    QVERIFY(doc.isModified());
    // Not an edit: nothing to undo.
    QCOMPARE(doc.undoStack().count(), 0);
    // Keys and placements are untouched.
    QCOMPARE(doc.placementOf("s1").group, keyOf(doc, "G1"));
}

void TestPlanDocument::setEndpointIdsIgnoresUnknownKeys_data()
{
    QTest::addColumn<QString>("target");
    QTest::addRow("unknown key") << QStringLiteral("unknown");
    QTest::addRow("no key") << QStringLiteral("none");
    QTest::addRow("a group's key") << QStringLiteral("G");
}

void TestPlanDocument::setEndpointIdsIgnoresUnknownKeys()
{
    QFETCH(QString, target);
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s1}")));
    const PlanKey key = target == QLatin1String("unknown") ? PlanKey(4242)
                      : target == QLatin1String("none")    ? kNoKey
                                                           : keyOf(doc, "G");
    SignalLog log(doc, [] { return QString(); });
    QSignalSpy modified(&doc, &PlanDocument::modifiedChanged);
    doc.setEndpointIds(key, "app-x", {{keyOf(doc, "G"), "sg-x"}});
    QVERIFY(log.entries.isEmpty());
    QCOMPARE(modified.count(), 0);
    QVERIFY(!doc.isModified());
    QVERIFY(doc.application(0).appId.empty());
    QVERIFY(doc.group(0, 0).serverGroupId.empty());
}

void TestPlanDocument::replicationJobs()
{
    PlanDocument doc;
    QVERIFY(!doc.replicationJob("j1"));
    QSignalSpy changed(&doc, &PlanDocument::replicationJobsChanged);

    doc.setReplicationJobs({job("j1", "s1", api::ReplicationJobState::Active),
                            job("j2", "s2", api::ReplicationJobState::Failed),
                            {"j3", "s3", api::OpenEnum<api::ReplicationJobState>::fromString("FUTURE_STATE"), "soon"}});
    QCOMPARE(changed.count(), 1);
    const ReplicationJobSummary *j2 = doc.replicationJob("j2");
    QVERIFY(j2);
    QCOMPARE(j2->serverId, std::string("s2"));
    QVERIFY(j2->state == api::ReplicationJobState::Failed);
    const ReplicationJobSummary *j3 = doc.replicationJob("j3");
    QVERIFY(j3);
    QVERIFY(!j3->state.isKnown());
    QCOMPARE(std::string(j3->state.toString()), std::string("FUTURE_STATE"));
    QCOMPARE(j3->statusMessage, std::string("soon"));
    QVERIFY(!doc.replicationJob("j4"));
    QVERIFY(!doc.replicationJob(""));

    // A new list replaces the old one and its index.
    doc.setReplicationJobs({job("j4", "s1", api::ReplicationJobState::Completed)});
    QCOMPARE(changed.count(), 2);
    QVERIFY(!doc.replicationJob("j1"));
    QVERIFY(!doc.replicationJob("j2"));
    QVERIFY(doc.replicationJob("j4"));
    QVERIFY(*doc.replicationJob("j4") == job("j4", "s1", api::ReplicationJobState::Completed));
    QVERIFY(doc.catalog().replicationJobs == std::vector<ReplicationJobSummary>{job("j4", "s1", api::ReplicationJobState::Completed)});
}

void TestPlanDocument::newKeysDoNotCollide()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:;H:} | B{K:}")));  // keys 1..5
    QCOMPARE(doc.newKey(), PlanKey(6));
    // An application inserted with larger keys (a redo, say) raises the counter.
    PlanApplication app = namedApplication("X", 50, {namedGroup("Y", 70)});
    doc.insertApplication(0, app);
    QCOMPARE(doc.newKey(), PlanKey(71));
    doc.insertGroup(0, 0, namedGroup("Z", 90));
    QCOMPARE(doc.newKey(), PlanKey(91));
}

QTEST_MAIN(TestPlanDocument)
#include "tst_plandocument.moc"
