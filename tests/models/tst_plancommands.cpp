// The undo commands of the plan (ApplicationCommands.h, ServerCommands.h)
// and the user-level edits of PlanEditor: each checked against the whole
// plan after redo, after undo (equal to before, keys included) and after
// redo again, with the plan's indexes and its one-application-per-server
// rule checked at every step.

#include "PlanFixtures.h"

#include "models/ApplicationCommands.h"
#include "models/CatalogFilterModel.h"
#include "models/CatalogTableModel.h"
#include "models/PlanEditor.h"
#include "models/ServerCommands.h"

#include "tests/support/Strings.h"

#include <QAbstractItemModelTester>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <map>
#include <set>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;

namespace {

QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

// The document's indexes agree with its data; a server is in one group at
// most; keys are unique and not kNoKey.
void verifyIndexes(const PlanDocument &doc)
{
    std::map<std::string, Placement> planned;
    std::set<PlanKey> keys;
    for (const PlanApplication &app : doc.applications()) {
        QVERIFY(app.key != kNoKey);
        QVERIFY2(keys.insert(app.key).second, "duplicate key");
        for (const PlanServerGroup &group : app.serverGroups) {
            QVERIFY(group.key != kNoKey);
            QVERIFY2(keys.insert(group.key).second, "duplicate key");
            for (const std::string &id : group.serverIds) {
                QVERIFY2(planned.emplace(id, Placement{app.key, group.key}).second,
                         qPrintable(QStringLiteral("server %1 is planned twice").arg(qs(id))));
            }
        }
    }
    for (const auto &[id, placement] : planned) {
        const Placement indexed = doc.placementOf(id);
        QVERIFY2(indexed.application == placement.application && indexed.group == placement.group,
                 qPrintable(QStringLiteral("placement index of %1 is stale").arg(qs(id))));
    }
    const auto &servers = doc.catalog().servers;
    for (int row = 0; row < int(servers.size()); ++row) {
        const std::string &id = *servers[std::size_t(row)].serverId;
        QCOMPARE(doc.catalogRow(id), row);
        if (!planned.count(id))
            QVERIFY2(!doc.placementOf(id).isPlanned(), qPrintable(QStringLiteral("%1 is not planned").arg(qs(id))));
    }
    for (PlanKey key : keys) {
        const PlanPosition position = doc.positionOf(key);
        QVERIFY(position.isValid());
    }
}

#define VERIFY_INDEXES(doc)                                                                                            \
    do {                                                                                                               \
        verifyIndexes(doc);                                                                                            \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

// Undo, redo, undo, redo: `before` and the state found now alternate exactly,
// with the indexes right at every step.
#define UNDO_REDO_CYCLE(doc, before)                                                                                   \
    do {                                                                                                               \
        undoRedoCycle(doc, before, 2, [&] { verifyIndexes(doc); });                                                    \
        if (QTest::currentTestFailed())                                                                                \
            return;                                                                                                    \
    } while (false)

// A command named in a test row.
QUndoCommand *makeCommand(PlanDocument &doc, const QString &command, const QStringList &args)
{
    const auto arg = [&](int i) { return i < args.size() ? args[i] : QString(); };
    const auto row = [&](int i) { return arg(i).isEmpty() ? -1 : arg(i).toInt(); };
    if (command == QLatin1String("CreateApplication")) {
        PlanApplication app = planFrom(arg(0)).applications.front();
        app.key = kNoKey;  // the command hands out keys
        for (PlanServerGroup &group : app.serverGroups)
            group.key = kNoKey;
        app.description = arg(2).toStdString();
        return new CreateApplicationCommand(doc, std::move(app), row(1));
    }
    if (command == QLatin1String("DeleteApplication"))
        return new DeleteApplicationCommand(doc, keyOf(doc, arg(0)));
    if (command == QLatin1String("EditApplication"))
        return new EditApplicationCommand(doc, keyOf(doc, arg(0)),
                                          {arg(1).toStdString(), arg(2).toStdString(), arg(3).toStdString(), tagsFrom(arg(4))});
    if (command == QLatin1String("CreateGroup")) {
        PlanServerGroup group = planFrom(QStringLiteral("X{%1}").arg(arg(1))).applications.front().serverGroups.front();
        group.key = kNoKey;
        return new CreateGroupCommand(doc, keyOf(doc, arg(0)), std::move(group), row(2));
    }
    if (command == QLatin1String("DeleteGroup"))
        return new DeleteGroupCommand(doc, keyOf(doc, arg(0)));
    if (command == QLatin1String("RenameGroup"))
        return new RenameGroupCommand(doc, keyOf(doc, arg(0)), arg(1).toStdString());
    if (command == QLatin1String("MoveGroup"))
        return new MoveGroupCommand(doc, keyOf(doc, arg(0)), keyOf(doc, arg(1)), row(2));
    if (command == QLatin1String("PlaceServers"))
        return new PlaceServersCommand(doc, idsFrom(arg(0)), arg(1).isEmpty() ? kNoKey : keyOf(doc, arg(1)), row(2));
    qFatal("unknown command %s", qPrintable(command));
    return nullptr;
}

} // namespace

class TestPlanCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void commands_data();
    void commands();
    void commandKeysSurviveUndo();
    void settingsCommands();
    void editorEditsSettingsInOneStep();
    void deletedEndpointApplicationsAreRetired();
    void heldApplicationsAreNeverRetired();
    void refreshAddsAndSetsSettings();
    void commandsOnMissingTargets_data();
    void commandsOnMissingTargets();

    void placeServers_data();
    void placeServers();
    void placeServersInBulk();

    void editor_data();
    void editor();
    void editorIgnoresEmptyEdits_data();
    void editorIgnoresEmptyEdits();
    void editorNoticeText();
    void importInventoryIsOneStep_data();
    void importInventoryIsOneStep();
    void importUndoneAfterCatalogReadIsDropped();
    void unusedNames_data();
    void unusedNames();

    void randomEditsUndoToEveryState_data();
    void randomEditsUndoToEveryState();
};

void TestPlanCommands::commands_data()
{
    QTest::addColumn<QString>("initial");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    const QString ab = QStringLiteral("A{G1:s1,s2;G2:s3} | B{G3:s4}");
    const QString three = QStringLiteral("A{G1:s1;G2:s2;G3:s3;G4:s4} | B{G5:s5}");
    const auto row = [](const char *name, const QString &initial, const char *command, const QStringList &args,
                        const char *expected) {
        QTest::addRow("%s", name) << initial << QString::fromLatin1(command) << args << QString::fromLatin1(expected);
    };

    row("create application, appended", ab, "CreateApplication", {QStringLiteral("N{}")}, "A{G1:s1,s2;G2:s3} | B{G3:s4} | N{}");
    row("create application at row 0", ab, "CreateApplication", {QStringLiteral("N{}"), QStringLiteral("0")},
        "N{} | A{G1:s1,s2;G2:s3} | B{G3:s4}");
    row("create application at row 1", ab, "CreateApplication", {QStringLiteral("N{}"), QStringLiteral("1")},
        "A{G1:s1,s2;G2:s3} | N{} | B{G3:s4}");
    row("create application beyond the end", ab, "CreateApplication", {QStringLiteral("N{}"), QStringLiteral("9")},
        "A{G1:s1,s2;G2:s3} | B{G3:s4} | N{}");
    row("create application with groups and servers", ab, "CreateApplication",
        {QStringLiteral("N{X:s9,s7;Y:;Z:s8}"), QStringLiteral("1"), QStringLiteral("about")},
        "A{G1:s1,s2;G2:s3} | N[about;;]{X:s9,s7;Y:;Z:s8} | B{G3:s4}");
    row("create application in an empty plan", QString(), "CreateApplication", {QStringLiteral("N{X:s1}")}, "N{X:s1}");

    row("delete first application", ab, "DeleteApplication", {QStringLiteral("A")}, "B{G3:s4}");
    row("delete last application", ab, "DeleteApplication", {QStringLiteral("B")}, "A{G1:s1,s2;G2:s3}");
    row("delete middle application", QStringLiteral("A{} | B{G:s1} | C{}"), "DeleteApplication", {QStringLiteral("B")},
        "A{} | C{}");

    row("edit application", ab, "EditApplication",
        {QStringLiteral("B"), QStringLiteral("Billing"), QStringLiteral("Bills"), QStringLiteral("sms-role"),
         QStringLiteral("env=prod,owner=ops")},
        "A{G1:s1,s2;G2:s3} | Billing[Bills;sms-role;env=prod,owner=ops]{G3:s4}");
    row("edit application fields, same name", ab, "EditApplication",
        {QStringLiteral("A"), QStringLiteral("A"), QStringLiteral("desc"), QString(), QString()},
        "A[desc;;]{G1:s1,s2;G2:s3} | B{G3:s4}");

    row("create group appended", ab, "CreateGroup", {QStringLiteral("A"), QStringLiteral("N:s5,s6")},
        "A{G1:s1,s2;G2:s3;N:s5,s6} | B{G3:s4}");
    row("create group at row 0", ab, "CreateGroup", {QStringLiteral("A"), QStringLiteral("N:"), QStringLiteral("0")},
        "A{N:;G1:s1,s2;G2:s3} | B{G3:s4}");
    row("create group at row 1", ab, "CreateGroup", {QStringLiteral("A"), QStringLiteral("N:s9"), QStringLiteral("1")},
        "A{G1:s1,s2;N:s9;G2:s3} | B{G3:s4}");
    row("create group in an empty application", QStringLiteral("A{}"), "CreateGroup",
        {QStringLiteral("A"), QStringLiteral("N:s1")}, "A{N:s1}");

    row("delete group with servers", ab, "DeleteGroup", {QStringLiteral("G1")}, "A{G2:s3} | B{G3:s4}");
    row("delete last group", ab, "DeleteGroup", {QStringLiteral("G2")}, "A{G1:s1,s2} | B{G3:s4}");
    row("delete only group", ab, "DeleteGroup", {QStringLiteral("G3")}, "A{G1:s1,s2;G2:s3} | B{}");

    row("rename group", ab, "RenameGroup", {QStringLiteral("G2"), QStringLiteral("Back end")},
        "A{G1:s1,s2;Back end:s3} | B{G3:s4}");

    row("move group to another application, appended", ab, "MoveGroup", {QStringLiteral("G1"), QStringLiteral("B")},
        "A{G2:s3} | B{G3:s4;G1:s1,s2}");
    row("move group to another application, row 0", ab, "MoveGroup",
        {QStringLiteral("G2"), QStringLiteral("B"), QStringLiteral("0")}, "A{G1:s1,s2} | B{G2:s3;G3:s4}");
    row("move group to another application, beyond the end", ab, "MoveGroup",
        {QStringLiteral("G2"), QStringLiteral("B"), QStringLiteral("7")}, "A{G1:s1,s2} | B{G3:s4;G2:s3}");
    row("move group into an empty application", QStringLiteral("A{G:s1} | B{}"), "MoveGroup",
        {QStringLiteral("G"), QStringLiteral("B"), QStringLiteral("0")}, "A{} | B{G:s1}");
    // Within one application the row is a drop row: it counts the group itself.
    row("move group down by one", three, "MoveGroup", {QStringLiteral("G1"), QStringLiteral("A"), QStringLiteral("2")},
        "A{G2:s2;G1:s1;G3:s3;G4:s4} | B{G5:s5}");
    row("move group down to the end", three, "MoveGroup",
        {QStringLiteral("G1"), QStringLiteral("A"), QStringLiteral("4")}, "A{G2:s2;G3:s3;G4:s4;G1:s1} | B{G5:s5}");
    row("move group down, appended", three, "MoveGroup", {QStringLiteral("G2"), QStringLiteral("A")},
        "A{G1:s1;G3:s3;G4:s4;G2:s2} | B{G5:s5}");
    row("move group up to the top", three, "MoveGroup", {QStringLiteral("G4"), QStringLiteral("A"), QStringLiteral("0")},
        "A{G4:s4;G1:s1;G2:s2;G3:s3} | B{G5:s5}");
    row("move group up by one", three, "MoveGroup", {QStringLiteral("G3"), QStringLiteral("A"), QStringLiteral("1")},
        "A{G1:s1;G3:s3;G2:s2;G4:s4} | B{G5:s5}");
    row("move group onto its own row", three, "MoveGroup",
        {QStringLiteral("G2"), QStringLiteral("A"), QStringLiteral("1")}, "A{G1:s1;G2:s2;G3:s3;G4:s4} | B{G5:s5}");
    row("move group just below itself", three, "MoveGroup",
        {QStringLiteral("G2"), QStringLiteral("A"), QStringLiteral("2")}, "A{G1:s1;G2:s2;G3:s3;G4:s4} | B{G5:s5}");

    row("place unplanned servers, appended", ab, "PlaceServers", {QStringLiteral("s7,s5"), QStringLiteral("G3")},
        "A{G1:s1,s2;G2:s3} | B{G3:s4,s7,s5}");
    row("place servers out of their groups", ab, "PlaceServers", {QStringLiteral("s1,s4"), QString()},
        "A{G1:s2;G2:s3} | B{G3:}");
}

void TestPlanCommands::commands()
{
    QFETCH(QString, initial);
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);

    PlanDocument doc;
    doc.reset(planFrom(initial, catalog()));
    const PlanData before = doc.data();
    QSignalSpy indexChanged(&doc.undoStack(), &QUndoStack::indexChanged);

    QUndoCommand *undoCommand = makeCommand(doc, command, args);
    QVERIFY(!undoCommand->text().isEmpty());
    doc.undoStack().push(undoCommand);
    QCOMPARE(doc.undoStack().count(), 1);
    QCOMPARE(notationWithFields(doc.applications()), expected);
    VERIFY_INDEXES(doc);
    QVERIFY(doc.isModified());
    UNDO_REDO_CYCLE(doc, before);
    QCOMPARE(notationWithFields(doc.applications()), expected);
}

// Settings are plan data like any other: each edit is one undo step, and a
// server's own settings stay with it when it moves.
void TestPlanCommands::settingsCommands()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G1:s1,s2;G2:s3} | B{G3:s4}"), catalog()));
    QSignalSpy appChanged(&doc, &PlanDocument::applicationChanged);
    QSignalSpy groupChanged(&doc, &PlanDocument::groupChanged);
    QSignalSpy serverChanged(&doc, &PlanDocument::serverSettingsChanged);

    PlanData before = doc.data();
    ApplicationSettings settings;
    settings.replication = api::ServerReplicationParameters{};
    settings.replication->frequency = 6;
    settings.launchRoleName = "launch-role";
    settings.autoLaunch = false;
    doc.undoStack().push(new EditApplicationSettingsCommand(doc, keyOf(doc, "B"), settings));
    QVERIFY(doc.application(1).settings == settings);
    QCOMPARE(appChanged.count(), 1);
    QCOMPARE(appChanged.first().first().toInt(), 1);
    UNDO_REDO_CYCLE(doc, before);

    before = doc.data();
    doc.undoStack().push(new SetLaunchOrderCommand(doc, keyOf(doc, "G2"), 1));
    QCOMPARE(doc.group(0, 1).launchOrder, std::optional<int>(1));
    QCOMPARE(groupChanged.count(), 1);
    UNDO_REDO_CYCLE(doc, before);
    before = doc.data();
    doc.undoStack().push(new SetLaunchOrderCommand(doc, keyOf(doc, "G2"), std::nullopt));
    QVERIFY(!doc.group(0, 1).launchOrder);
    UNDO_REDO_CYCLE(doc, before);

    before = doc.data();
    PlanServerSettings own;
    own.serverId = "s2";
    own.launch = api::ServerLaunchConfiguration{};
    own.launch->instanceType = "m5.xlarge";
    doc.undoStack().push(new EditServerSettingsCommand(doc, own));
    QCOMPARE(doc.data().serverSettings.size(), std::size_t(1));
    QVERIFY(doc.data().serverSettings.front() == own);
    QCOMPARE(serverChanged.count(), 1);
    QCOMPARE(serverChanged.first().first().value<std::string>(), std::string("s2"));
    UNDO_REDO_CYCLE(doc, before);

    // Replaced, then removed by settings that hold only the id.
    before = doc.data();
    own.launch->instanceType = "c5.large";
    doc.undoStack().push(new EditServerSettingsCommand(doc, own));
    QVERIFY(doc.data().serverSettings.front().launch->instanceType == "c5.large");
    UNDO_REDO_CYCLE(doc, before);
    before = doc.data();
    doc.undoStack().push(new EditServerSettingsCommand(doc, PlanServerSettings{"s2", {}, {}}));
    QVERIFY(doc.data().serverSettings.empty());
    UNDO_REDO_CYCLE(doc, before);
    doc.undoStack().undo();

    // The server moves to B; its own settings go with it.
    doc.undoStack().push(new PlaceServersCommand(doc, {"s2"}, keyOf(doc, "G3")));
    QCOMPARE(doc.data().serverSettings.size(), std::size_t(1));
    QVERIFY(doc.data().serverSettings.front().serverId == "s2");
    VERIFY_INDEXES(doc);
}

// The Application Settings dialog's edit: settings and launch orders in one
// undo step, and none for an edit that changes nothing.
void TestPlanCommands::editorEditsSettingsInOneStep()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G1:s1,s2;G2:s3} | B{G3:s4}"), catalog()));
    PlanEditor editor(doc);
    const PlanData before = doc.data();
    ApplicationSettings settings;
    settings.removeReplication = true;
    settings.launchRoleName = "launch-role";
    editor.editApplicationSettings(keyOf(doc, "A"), settings, {2, 1});
    QCOMPARE(doc.undoStack().count(), 1);
    QVERIFY(doc.application(0).settings == settings);
    QCOMPARE(doc.group(0, 0).launchOrder, std::optional<int>(2));
    QCOMPARE(doc.group(0, 1).launchOrder, std::optional<int>(1));
    UNDO_REDO_CYCLE(doc, before);

    editor.editApplicationSettings(keyOf(doc, "A"), settings, {2, 1});
    QCOMPARE(doc.undoStack().count(), 1);  // nothing differs
    editor.editApplicationSettings(keyOf(doc, "A"), settings, {std::nullopt, 1});
    QCOMPARE(doc.undoStack().count(), 2);
    QVERIFY(!doc.group(0, 0).launchOrder);
    VERIFY_INDEXES(doc);
}

// Deleting an application that exists on the endpoint retires its appId for
// the next apply; undo takes it back.
void TestPlanCommands::deletedEndpointApplicationsAreRetired()
{
    PlanDocument doc;
    PlanData plan = planFrom(QStringLiteral("A{G1:s1} | B{G2:s2}"), catalog());
    plan.applications[0].appId = "app-a";
    doc.reset(plan);
    const PlanData before = doc.data();
    doc.undoStack().push(new DeleteApplicationCommand(doc, keyOf(doc, "A")));
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-a"});
    UNDO_REDO_CYCLE(doc, before);
    // One that never reached the endpoint leaves nothing behind.
    doc.undoStack().push(new DeleteApplicationCommand(doc, keyOf(doc, "B")));
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-a"});
}

// A plan never retires an endpoint application it holds, whatever the path:
// retiring one refuses, an application coming back (undo, a refresh, ids
// from an apply) takes its id off the list, and data that says both is mended.
void TestPlanCommands::heldApplicationsAreNeverRetired()
{
    PlanDocument doc;
    PlanData plan = planFrom(QStringLiteral("A{G1:s1} | B{G2:s2}"), catalog());
    plan.applications[0].appId = "app-a";
    plan.retiredAppIds = {"app-a", "app-gone"};  // what Refresh Apps then Save once wrote
    doc.reset(plan);
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-gone"});
    QVERIFY(!doc.setRetired("app-a", true));
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-gone"});

    // Deleted, then the same endpoint application made again (as a refresh once did).
    doc.undoStack().beginMacro(QStringLiteral("replace"));
    doc.undoStack().push(new DeleteApplicationCommand(doc, keyOf(doc, "A")));
    PlanApplication again;
    again.appId = "app-a";
    again.name = "A";
    doc.undoStack().push(new CreateApplicationCommand(doc, again, 0));
    doc.undoStack().endMacro();
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-gone"});
    doc.undoStack().undo();
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-gone"});
    doc.undoStack().redo();
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-gone"});

    // Ids from an apply for an application whose old id was retired.
    doc.undoStack().push(new DeleteApplicationCommand(doc, keyOf(doc, "B")));
    QVERIFY(doc.setRetired("app-b", true));
    doc.undoStack().undo();
    doc.setEndpointIds(keyOf(doc, "B"), "app-b", {});
    QCOMPARE(doc.data().retiredAppIds, std::vector<std::string>{"app-gone"});
    VERIFY_INDEXES(doc);
}

// Refresh Apps brings new applications in whole and sets the settings of
// those the plan has, in one undo step, and never retires anything.
void TestPlanCommands::refreshAddsAndSetsSettings()
{
    PlanDocument doc;
    PlanEditor editor(doc);
    PlanData plan = planFrom(QStringLiteral("A{G1:s1,s2} | B{G2:s3}"), catalog());
    plan.applications[0].appId = "app-a";
    doc.reset(plan);
    const PlanData before = doc.data();

    RefreshedApplication settingsOfA{keyOf(doc, "A"), doc.application(0), {}};
    settingsOfA.app.settings.replication.emplace();
    settingsOfA.app.settings.replication->frequency = 24;
    settingsOfA.app.serverGroups[0].launchOrder = 2;
    PlanServerSettings own;
    own.serverId = "s2";
    own.replication.emplace();
    own.replication->frequency = 6;
    settingsOfA.serverSettings.push_back(own);
    RefreshedApplication fromEndpoint;
    fromEndpoint.app.appId = "app-new";
    fromEndpoint.app.name = "New";
    fromEndpoint.app.serverGroups.resize(1);
    fromEndpoint.app.serverGroups[0].name = "G";
    fromEndpoint.app.serverGroups[0].serverIds = {"s3"};  // planned in B: the endpoint is where it really is

    QCOMPARE(editor.refreshApplications({settingsOfA, fromEndpoint}), 2);
    QCOMPARE(doc.undoStack().count(), 1);
    QCOMPARE(doc.applications().size(), std::size_t(3));
    QCOMPARE(doc.application(0).settings.replication->frequency, std::optional<int>(24));
    QCOMPARE(doc.group(0, 0).launchOrder, std::optional<int>(2));
    QCOMPARE(doc.data().serverSettings.size(), std::size_t(1));
    QCOMPARE(doc.application(2).appId, std::string("app-new"));
    QCOMPARE(doc.group(2, 0).serverIds, std::vector<std::string>{"s3"});
    QVERIFY(doc.group(1, 0).serverIds.empty());
    QVERIFY(doc.data().retiredAppIds.empty());
    UNDO_REDO_CYCLE(doc, before);
    VERIFY_INDEXES(doc);
}

void TestPlanCommands::commandKeysSurviveUndo()
{
    // New items keep their keys through undo and redo, so that later commands
    // (which find their targets by key) still find them.
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s1}"), catalog()));
    PlanApplication fresh;
    fresh.name = "M";
    fresh.serverGroups.push_back(namedGroup("Y", kNoKey, {"s3"}));
    auto *createFresh = new CreateApplicationCommand(doc, fresh);
    const PlanKey freshKey = createFresh->key();
    QVERIFY(freshKey > PlanKey(2));
    doc.undoStack().push(createFresh);
    const PlanKey groupKey = doc.application(1).serverGroups.front().key;
    QVERIFY(groupKey != kNoKey && groupKey != freshKey);

    auto *createGroup = new CreateGroupCommand(doc, freshKey, namedGroup("Z", kNoKey, {"s4"}));
    const PlanKey zKey = createGroup->key();
    doc.undoStack().push(createGroup);
    doc.undoStack().push(new RenameGroupCommand(doc, zKey, "Zed"));
    doc.undoStack().push(new MoveGroupCommand(doc, zKey, keyOf(doc, QStringLiteral("A")), 0));
    const QString final = describe(doc.data());
    QCOMPARE(notationWithFields(doc.applications()), QStringLiteral("A{Zed:s4;G:s1} | M{Y:s3}"));

    for (int i = 0; i < 4; ++i)
        doc.undoStack().undo();
    QCOMPARE(notationWithFields(doc.applications()), QStringLiteral("A{G:s1}"));
    VERIFY_INDEXES(doc);
    for (int i = 0; i < 4; ++i)
        doc.undoStack().redo();
    QCOMPARE(describe(doc.data()), final);
    QCOMPARE(keyOf(doc, QStringLiteral("M")), freshKey);
    QCOMPARE(keyOf(doc, QStringLiteral("Zed")), zKey);
    QCOMPARE(keyOf(doc, QStringLiteral("Y")), groupKey);
    VERIFY_INDEXES(doc);
    // Keys handed out later do not collide with the undone-and-redone ones.
    QVERIFY(doc.newKey() > zKey);
}

void TestPlanCommands::commandsOnMissingTargets_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("args");

    QTest::addRow("delete unknown application") << QStringLiteral("DeleteApplication") << QStringList{QStringLiteral("nope")};
    QTest::addRow("delete a group as an application") << QStringLiteral("DeleteApplication") << QStringList{QStringLiteral("G")};
    QTest::addRow("edit unknown application")
        << QStringLiteral("EditApplication") << QStringList{QStringLiteral("nope"), QStringLiteral("X")};
    QTest::addRow("group in unknown application")
        << QStringLiteral("CreateGroup") << QStringList{QStringLiteral("nope"), QStringLiteral("N:s5")};
    QTest::addRow("delete unknown group") << QStringLiteral("DeleteGroup") << QStringList{QStringLiteral("nope")};
    QTest::addRow("delete an application as a group") << QStringLiteral("DeleteGroup") << QStringList{QStringLiteral("A")};
    QTest::addRow("rename unknown group")
        << QStringLiteral("RenameGroup") << QStringList{QStringLiteral("nope"), QStringLiteral("X")};
    QTest::addRow("move unknown group")
        << QStringLiteral("MoveGroup") << QStringList{QStringLiteral("nope"), QStringLiteral("A")};
    QTest::addRow("move group to unknown application")
        << QStringLiteral("MoveGroup") << QStringList{QStringLiteral("G"), QStringLiteral("nope")};
    QTest::addRow("move group to a group") << QStringLiteral("MoveGroup") << QStringList{QStringLiteral("G"), QStringLiteral("H")};
    QTest::addRow("place into unknown group")
        << QStringLiteral("PlaceServers") << QStringList{QStringLiteral("s1,s5"), QStringLiteral("nope")};
    QTest::addRow("place into an application")
        << QStringLiteral("PlaceServers") << QStringList{QStringLiteral("s1,s5"), QStringLiteral("A")};
}

void TestPlanCommands::commandsOnMissingTargets()
{
    // A command whose target is not there changes nothing, and its undo
    // changes nothing either.
    QFETCH(QString, command);
    QFETCH(QStringList, args);
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G:s1,s2} | B{H:s3}"), catalog()));
    const PlanData before = doc.data();
    doc.undoStack().push(makeCommand(doc, command, args));
    QCOMPARE(describe(doc.data()), describe(before));
    doc.undoStack().undo();
    QCOMPARE(describe(doc.data()), describe(before));
    doc.undoStack().redo();
    QCOMPARE(describe(doc.data()), describe(before));
    VERIFY_INDEXES(doc);
}

void TestPlanCommands::placeServers_data()
{
    QTest::addColumn<QString>("initial");
    QTest::addColumn<QString>("servers");
    QTest::addColumn<QString>("target");  // a group; empty: out of every group
    QTest::addColumn<int>("row");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("placed");
    QTest::addColumn<int>("fromOthers");

    const auto row = [](const char *name, const char *initial, const char *servers, const char *target, int at,
                        const char *expected, int placed, int fromOthers) {
        QTest::addRow("%s", name) << QString::fromLatin1(initial) << QString::fromLatin1(servers)
                                  << QString::fromLatin1(target) << at << QString::fromLatin1(expected) << placed
                                  << fromOthers;
    };
    row("unplanned into an empty group", "A{G1:}", "s1,s2", "G1", -1, "A{G1:s1,s2}", 2, 0);
    row("unplanned at row 0", "A{G1:s1,s2,s3}", "s4,s5", "G1", 0, "A{G1:s4,s5,s1,s2,s3}", 2, 0);
    row("unplanned at row 1", "A{G1:s1,s2,s3}", "s5,s4", "G1", 1, "A{G1:s1,s5,s4,s2,s3}", 2, 0);
    row("unplanned at the end row", "A{G1:s1,s2,s3}", "s4", "G1", 3, "A{G1:s1,s2,s3,s4}", 1, 0);
    row("row beyond the end appends", "A{G1:s1}", "s4", "G1", 99, "A{G1:s1,s4}", 1, 0);
    row("scattered rows from another application", "A{G1:s1,s2,s3,s4,s5,s6} | B{G2:s7}", "s2,s4,s5", "G2", -1,
        "A{G1:s1,s3,s6} | B{G2:s7,s2,s4,s5}", 3, 3);
    row("scattered rows, selection out of order", "A{G1:s1,s2,s3,s4,s5,s6} | B{G2:s7}", "s6,s1,s4", "G2", 0,
        "A{G1:s2,s3,s5} | B{G2:s6,s1,s4,s7}", 3, 3);
    row("whole group emptied", "A{G1:s1,s2} | B{G2:}", "s1,s2", "G2", -1, "A{G1:} | B{G2:s1,s2}", 2, 2);
    row("from two applications, the unplanned and the target", "A{G1:s1,s2,s3;G2:s4,s5} | B{G3:s6,s7,s8} | C{G4:s9,s10}",
        "s8,s2,s11,s6,s4,s10", "G3", 1, "A{G1:s1,s3;G2:s5} | B{G3:s6,s2,s11,s4,s10,s7,s8} | C{G4:s9}", 4, 3);
    row("between groups of one application", "A{G1:s1,s2;G2:s3}", "s1", "G2", -1, "A{G1:s2;G2:s3,s1}", 1, 0);
    row("mixed: same application and another", "A{G1:s1,s2;G2:s3} | B{G4:s4}", "s4,s1", "G2", 0,
        "A{G1:s2;G2:s4,s1,s3} | B{G4:}", 2, 1);
    row("duplicates in the selection", "A{G1:s1;G2:} | B{G3:s2}", "s2,s1,s2,s1,s3", "G2", -1,
        "A{G1:;G2:s2,s1,s3} | B{G3:}", 3, 1);
    row("already in the target: stays in place", "A{G1:s1,s2,s3}", "s3,s1", "G1", 0, "A{G1:s1,s2,s3}", 0, 0);
    row("some already in the target", "A{G1:s1,s2} | B{G2:s3}", "s2,s3", "G1", 0, "A{G1:s3,s1,s2} | B{G2:}", 1, 1);
    row("out of groups, scattered", "A{G1:s1,s2,s3,s4,s5} | B{G2:s6,s7}", "s2,s4,s7,s10", "", -1,
        "A{G1:s1,s3,s5} | B{G2:s6}", 3, 0);
    row("out of groups, contiguous runs", "A{G1:s1,s2,s3,s4,s5,s6,s7}", "s2,s3,s5,s6,s7", "", -1, "A{G1:s1,s4}", 5, 0);
    row("out of groups, nothing planned", "A{G1:s1}", "s5,s6", "", -1, "A{G1:s1}", 0, 0);
    row("servers not in the catalog", "A{G1:x1,s1} | B{G2:}", "x1,x2", "G2", -1, "A{G1:s1} | B{G2:x1,x2}", 2, 1);
}

void TestPlanCommands::placeServers()
{
    QFETCH(QString, initial);
    QFETCH(QString, servers);
    QFETCH(QString, target);
    QFETCH(int, row);
    QFETCH(QString, expected);
    QFETCH(int, placed);
    QFETCH(int, fromOthers);

    PlanDocument doc;
    doc.reset(planFrom(initial, catalog()));
    const PlanData before = doc.data();
    auto *command = new PlaceServersCommand(doc, idsFrom(servers), target.isEmpty() ? kNoKey : keyOf(doc, target), row);
    QVERIFY(!command->text().isEmpty());
    doc.undoStack().push(command);
    QCOMPARE(notationWithFields(doc.applications()), expected);
    QCOMPARE(command->placedCount(), placed);
    QCOMPARE(command->movedFromOtherApplications(), fromOthers);
    VERIFY_INDEXES(doc);
    UNDO_REDO_CYCLE(doc, before);
    // redo() works its counts out again.
    QCOMPARE(command->placedCount(), placed);
    QCOMPARE(command->movedFromOtherApplications(), fromOthers);
}

void TestPlanCommands::placeServersInBulk()
{
    // Thousands of servers in interleaved rows of several groups: few signals,
    // and undo puts each one back on its row.
    PlanData data;
    for (int n = 0; n < 3000; ++n)
        data.catalog.servers.push_back(makeServer("b" + std::to_string(n)));
    data.applications.push_back(namedApplication("A", 1, {namedGroup("G1", 2), namedGroup("G2", 3)}));
    data.applications.push_back(namedApplication("B", 4, {namedGroup("G3", 5)}));
    // Blocks of 50 servers alternate between A's G1 and B's G3; four of every
    // ten move, so each group gives them up in runs of four.
    std::vector<std::string> moving;
    int fromB = 0;
    for (int n = 0; n < 3000; ++n) {
        const std::string id = "b" + std::to_string(n);
        const std::size_t app = std::size_t((n / 50) % 2);
        data.applications[app].serverGroups.front().serverIds.push_back(id);
        if (n % 10 < 4) {
            moving.push_back(id);
            fromB += int(app);
        }
    }
    PlanDocument doc;
    doc.reset(data);
    const PlanData before = doc.data();
    QSignalSpy removed(&doc, &PlanDocument::serversRemoved);
    QSignalSpy inserted(&doc, &PlanDocument::serversInserted);
    auto *command = new PlaceServersCommand(doc, moving, 3, 0);
    doc.undoStack().push(command);
    QCOMPARE(command->placedCount(), int(moving.size()));
    QCOMPARE(command->movedFromOtherApplications(), fromB);
    QCOMPARE(fromB, 600);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), int(moving.size()) / 4);
    QVERIFY(doc.group(0, 1).serverIds == moving);
    VERIFY_INDEXES(doc);
    UNDO_REDO_CYCLE(doc, before);
}

void TestPlanCommands::editor_data()
{
    QTest::addColumn<QString>("initial");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("result");   // name of the new item, or the count returned
    QTest::addColumn<int>("notices");       // how many notice() signals
    QTest::addColumn<QString>("noticeCount");  // the number a notice must name

    const QString ab = QStringLiteral("A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6}");
    const auto row = [](const char *name, const QString &initial, const char *operation, const QStringList &args,
                        const char *expected, const char *result, int notices, const char *noticeCount = "") {
        QTest::addRow("%s", name) << initial << QString::fromLatin1(operation) << args << QString::fromLatin1(expected)
                                  << QString::fromLatin1(result) << notices << QString::fromLatin1(noticeCount);
    };

    row("new application from unplanned servers", ab, "newApplicationFromServers", strings({"s8,s7"}),
        "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6} | Application 1{Group 1:s8,s7}", "Application 1", 0);
    row("new application, named", ab, "newApplicationFromServers", strings({"s8", "Shop"}),
        "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6} | Shop{Group 1:s8}", "Shop", 0);
    row("new application from planned servers", ab, "newApplicationFromServers", strings({"s3,s9,s1,s6"}),
        "A{G1:s2;G2:s4} | B{G3:s5} | Application 1{Group 1:s3,s9,s1,s6}", "Application 1", 1, "3");
    row("new application in an empty plan", QString(), "newApplicationFromServers", strings({"s1"}),
        "Application 1{Group 1:s1}", "Application 1", 0);
    row("new application takes the lowest free number", QStringLiteral("Application 3{} | X{}"), "newApplicationFromServers",
        strings({"s1"}), "Application 3{} | X{} | Application 1{Group 1:s1}", "Application 1", 0);

    row("new group from unplanned servers", ab, "newGroupFromServers", strings({"s9,s8", "B"}),
        "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6;Group 1:s9,s8}", "Group 1", 0);
    row("new group, named, from the same application", ab, "newGroupFromServers", strings({"s1,s4", "A", "Core"}),
        "A{G1:s2,s3;G2:;Core:s1,s4} | B{G3:s5,s6}", "Core", 0);
    row("new group from another application", ab, "newGroupFromServers", strings({"s6,s2,s10", "A"}),
        "A{G1:s1,s3;G2:s4;Group 1:s6,s2,s10} | B{G3:s5}", "Group 1", 1, "1");

    row("add unplanned servers to a group, appended", ab, "addServersToGroup", strings({"s10,s9", "G2"}),
        "A{G1:s1,s2,s3;G2:s4,s10,s9} | B{G3:s5,s6}", "2", 0);
    row("add servers to a group at a row", ab, "addServersToGroup", strings({"s10,s9", "G1", "1"}),
        "A{G1:s1,s10,s9,s2,s3;G2:s4} | B{G3:s5,s6}", "2", 0);
    row("add servers from another application", ab, "addServersToGroup", strings({"s5,s2,s6", "G3", "0"}),
        "A{G1:s1,s3;G2:s4} | B{G3:s2,s5,s6}", "1", 1, "1");
    row("add servers from another application, all of them", ab, "addServersToGroup", strings({"s1,s2,s3,s4", "G3", "1"}),
        "A{G1:;G2:} | B{G3:s5,s1,s2,s3,s4,s6}", "4", 1, "4");

    row("new application", ab, "newApplication", strings({}), "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6} | Application 1{}",
        "Application 1", 0);
    row("new group", ab, "newGroup", strings({"B", "Cache"}), "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6;Cache:}", "Cache", 0);
    row("new group, default name", ab, "newGroup", strings({"A"}), "A{G1:s1,s2,s3;G2:s4;Group 1:} | B{G3:s5,s6}",
        "Group 1", 0);

    const QString four = QStringLiteral("A{W:s1;X:s2;Y:s3;Z:s4} | B{V:s5}");
    row("move groups to another application, appended", four, "moveGroups", strings({"X,Z", "B"}),
        "A{W:s1;Y:s3} | B{V:s5;X:s2;Z:s4}", "", 0);
    row("move groups to another application at row 0", four, "moveGroups", strings({"Z,X", "B", "0"}),
        "A{W:s1;Y:s3} | B{Z:s4;X:s2;V:s5}", "", 0);
    row("move groups down within their application", four, "moveGroups", strings({"W,X", "A", "4"}),
        "A{Y:s3;Z:s4;W:s1;X:s2} | B{V:s5}", "", 0);
    row("move groups up within their application", four, "moveGroups", strings({"Z,Y", "A", "0"}),
        "A{Z:s4;Y:s3;W:s1;X:s2} | B{V:s5}", "", 0);
    row("move groups from above and below into the middle", four, "moveGroups", strings({"W,Z", "A", "2"}),
        "A{X:s2;W:s1;Z:s4;Y:s3} | B{V:s5}", "", 0);
    row("move groups, second one from above", four, "moveGroups", strings({"Y,W", "A", "1"}),
        "A{Y:s3;W:s1;X:s2;Z:s4} | B{V:s5}", "", 0);
    row("move groups from two applications", four, "moveGroups", strings({"V,Y", "A", "1"}),
        "A{W:s1;V:s5;Y:s3;X:s2;Z:s4} | B{}", "", 0);
    row("move groups, appended within their application", four, "moveGroups", strings({"X,W", "A"}),
        "A{Y:s3;Z:s4;X:s2;W:s1} | B{V:s5}", "", 0);

    row("new application from groups", four, "newApplicationFromGroups", strings({"Y,V,W"}),
        "A{X:s2;Z:s4} | B{} | Application 1{Y:s3;V:s5;W:s1}", "Application 1", 0);

    row("remove servers", ab, "removeServers", strings({"s2,s5,s9"}), "A{G1:s1,s3;G2:s4} | B{G3:s6}", "", 0);

    row("delete servers", ab, "deleteItems", strings({"", "s1,s6"}), "A{G1:s2,s3;G2:s4} | B{G3:s5}", "", 0);
    row("delete a group", ab, "deleteItems", strings({"G1"}), "A{G2:s4} | B{G3:s5,s6}", "", 0);
    row("delete an application", ab, "deleteItems", strings({"B"}), "A{G1:s1,s2,s3;G2:s4}", "", 0);
    row("delete a group and its application", ab, "deleteItems", strings({"G1,A"}), "B{G3:s5,s6}", "", 0);
    row("delete an application and a group of another", ab, "deleteItems", strings({"A,G3", "s2"}), "B{}", "", 0);
    row("delete a group and a server in it", ab, "deleteItems", strings({"G1", "s2,s5"}), "A{G2:s4} | B{G3:s6}", "", 0);
    row("delete a mix", QStringLiteral("A{G1:s1,s2} | B{G2:s3,s4;G3:s5} | C{G4:s6}"), "deleteItems",
        strings({"C,G3", "s1,s4"}), "A{G1:s2} | B{G2:s3}", "", 0);

    row("rename application", ab, "renameApplication", strings({"B", "Billing"}), "A{G1:s1,s2,s3;G2:s4} | Billing{G3:s5,s6}",
        "", 0);
    row("rename group", ab, "renameGroup", strings({"G2", "Back end"}), "A{G1:s1,s2,s3;Back end:s4} | B{G3:s5,s6}", "", 0);
    row("edit application", ab, "editApplication", strings({"A", "Shop", "The shop", "role-x", "team=web"}),
        "Shop[The shop;role-x;team=web]{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6}", "", 0);
    row("edit application, name kept", ab, "editApplication", strings({"A", "A", "", "", "cost=1"}),
        "A[;;cost=1]{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6}", "", 0);
}

namespace {

// Runs a PlanEditor operation named in a test row; returns what it returned,
// as text (a new item's name, or a count).
QString runEditor(PlanEditor &editor, const QString &operation, const QStringList &args)
{
    PlanDocument &doc = editor.document();
    const auto arg = [&](int i) { return i < args.size() ? args[i] : QString(); };
    const auto row = [&](int i) { return arg(i).isEmpty() ? -1 : arg(i).toInt(); };
    const auto nameOf = [&](PlanKey key) -> QString {
        const PlanPosition position = doc.positionOf(key);
        if (!position.isValid())
            return QStringLiteral("<none>");
        return qs(position.isGroup() ? doc.group(position.application, position.group).name
                                     : doc.application(position.application).name);
    };
    if (operation == QLatin1String("newApplicationFromServers"))
        return nameOf(editor.newApplicationFromServers(idsFrom(arg(0)), arg(1).toStdString()));
    if (operation == QLatin1String("newGroupFromServers"))
        return nameOf(editor.newGroupFromServers(idsFrom(arg(0)), keyOf(doc, arg(1)), arg(2).toStdString()));
    if (operation == QLatin1String("addServersToGroup"))
        return QString::number(editor.addServersToGroup(idsFrom(arg(0)), keyOf(doc, arg(1)), row(2)));
    if (operation == QLatin1String("newApplication"))
        return nameOf(editor.newApplication(arg(0).toStdString()));
    if (operation == QLatin1String("newGroup"))
        return nameOf(editor.newGroup(keyOf(doc, arg(0)), arg(1).toStdString()));
    if (operation == QLatin1String("moveGroups")) {
        editor.moveGroups(keysFrom(doc, arg(0)), keyOf(doc, arg(1)), row(2));
        return {};
    }
    if (operation == QLatin1String("newApplicationFromGroups"))
        return nameOf(editor.newApplicationFromGroups(keysFrom(doc, arg(0))));
    if (operation == QLatin1String("removeServers")) {
        editor.removeServers(idsFrom(arg(0)));
        return {};
    }
    if (operation == QLatin1String("deleteItems")) {
        editor.deleteItems(keysFrom(doc, arg(0)), idsFrom(arg(1)));
        return {};
    }
    if (operation == QLatin1String("renameApplication")) {
        editor.renameApplication(keyOf(doc, arg(0)), arg(1).toStdString());
        return {};
    }
    if (operation == QLatin1String("renameGroup")) {
        editor.renameGroup(keyOf(doc, arg(0)), arg(1).toStdString());
        return {};
    }
    if (operation == QLatin1String("editApplication")) {
        editor.editApplication(keyOf(doc, arg(0)),
                               {arg(1).toStdString(), arg(2).toStdString(), arg(3).toStdString(), tagsFrom(arg(4))});
        return {};
    }
    qFatal("unknown operation %s", qPrintable(operation));
    return {};
}

} // namespace

void TestPlanCommands::editor()
{
    QFETCH(QString, initial);
    QFETCH(QString, operation);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);
    QFETCH(QString, result);
    QFETCH(int, notices);
    QFETCH(QString, noticeCount);

    PlanDocument doc;
    doc.reset(planFrom(initial, catalog()));
    PlanEditor editor(doc);
    QSignalSpy noticeSpy(&editor, &PlanEditor::notice);
    const PlanData before = doc.data();

    const QString returned = runEditor(editor, operation, args);
    QCOMPARE(returned, result);
    QCOMPARE(notationWithFields(doc.applications()), expected);
    // One user action, one undo step, with a text for the Edit menu.
    QCOMPARE(doc.undoStack().count(), 1);
    QCOMPARE(doc.undoStack().index(), 1);
    QVERIFY(!doc.undoStack().undoText().isEmpty());
    QCOMPARE(noticeSpy.count(), notices);
    if (notices > 0) {
        const QString message = noticeSpy.at(0).at(0).toString();
        QVERIFY2(message.contains(noticeCount), qPrintable(message));
    }
    VERIFY_INDEXES(doc);
    UNDO_REDO_CYCLE(doc, before);
    QCOMPARE(notationWithFields(doc.applications()), expected);
    // Undo and redo say nothing: notices are for the edit as the user makes it.
    QCOMPARE(noticeSpy.count(), notices);
}

void TestPlanCommands::editorIgnoresEmptyEdits_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("args");

    QTest::addRow("add no servers") << QStringLiteral("addServersToGroup") << QStringList{QString(), QStringLiteral("G1")};
    QTest::addRow("add servers to an application")
        << QStringLiteral("addServersToGroup") << QStringList{QStringLiteral("s9"), QStringLiteral("A")};
    QTest::addRow("add servers to an unknown group")
        << QStringLiteral("addServersToGroup") << QStringList{QStringLiteral("s9"), QStringLiteral("nope")};
    QTest::addRow("new group in an unknown application")
        << QStringLiteral("newGroupFromServers") << QStringList{QStringLiteral("s9"), QStringLiteral("nope")};
    QTest::addRow("new group in a group")
        << QStringLiteral("newGroupFromServers") << QStringList{QStringLiteral("s9"), QStringLiteral("G1")};
    QTest::addRow("new empty group in a group") << QStringLiteral("newGroup") << QStringList{QStringLiteral("G1")};
    QTest::addRow("move no groups") << QStringLiteral("moveGroups") << QStringList{QString(), QStringLiteral("A")};
    QTest::addRow("remove no servers") << QStringLiteral("removeServers") << QStringList{QString()};
    QTest::addRow("delete nothing") << QStringLiteral("deleteItems") << QStringList{QString(), QString()};
    QTest::addRow("delete unknown keys") << QStringLiteral("deleteItems") << QStringList{QStringLiteral("nope"), QString()};
    QTest::addRow("rename application to its name")
        << QStringLiteral("renameApplication") << QStringList{QStringLiteral("A"), QStringLiteral("A")};
    QTest::addRow("rename application to nothing")
        << QStringLiteral("renameApplication") << QStringList{QStringLiteral("A"), QString()};
    QTest::addRow("rename a group as an application")
        << QStringLiteral("renameApplication") << QStringList{QStringLiteral("G1"), QStringLiteral("X")};
    QTest::addRow("rename group to its name")
        << QStringLiteral("renameGroup") << QStringList{QStringLiteral("G1"), QStringLiteral("G1")};
    QTest::addRow("rename group to nothing") << QStringLiteral("renameGroup") << QStringList{QStringLiteral("G1"), QString()};
    QTest::addRow("rename an application as a group")
        << QStringLiteral("renameGroup") << QStringList{QStringLiteral("A"), QStringLiteral("X")};
    QTest::addRow("edit application, nothing changed")
        << QStringLiteral("editApplication") << QStringList{QStringLiteral("A"), QStringLiteral("A")};
    QTest::addRow("edit unknown application")
        << QStringLiteral("editApplication") << QStringList{QStringLiteral("nope"), QStringLiteral("X")};
}

void TestPlanCommands::editorIgnoresEmptyEdits()
{
    // An edit that changes nothing leaves no undo step behind.
    QFETCH(QString, operation);
    QFETCH(QStringList, args);
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G1:s1}"), catalog()));
    PlanEditor editor(doc);
    const PlanData before = doc.data();
    runEditor(editor, operation, args);
    QCOMPARE(describe(doc.data()), describe(before));
    QCOMPARE(doc.undoStack().count(), 0);
    QVERIFY(!doc.isModified());
}

namespace {

InventoryDetails detailsFor(const std::string &serverId, std::int64_t cpus)
{
    InventoryDetails details;
    details.serverId = serverId;
    details.cpus = cpus;
    return details;
}

} // namespace

void TestPlanCommands::importInventoryIsOneStep_data()
{
    QTest::addColumn<QString>("imported");  // ids, "=name" renames the VM
    QTest::addColumn<QString>("details");   // ids given inventory details
    QTest::addColumn<bool>("sorted");       // the catalog view sorted by VM name, descending
    QTest::addColumn<int>("added");
    QTest::addColumn<int>("rows");
    QTest::addRow("new servers") << "s30 s31" << "" << false << 2 << 22;
    QTest::addRow("new servers, sorted view") << "s30 s31" << "s30" << true << 2 << 22;
    QTest::addRow("replaced in their rows") << "s2=web s5=db" << "s2" << false << 0 << 20;
    QTest::addRow("replaced and added, details") << "s2=web s30 s31=mail" << "s1 s2 s30" << true << 2 << 22;
    QTest::addRow("a server twice: the later copy") << "s3=one s30 s3=two" << "s3" << false << 1 << 21;
    QTest::addRow("details only") << "s4" << "s4" << false << 0 << 20;
}

// An import is one undo step: undo leaves catalog, inventory and catalog
// source exactly as they were, redo as the import left them, and the item
// models (checked by QAbstractItemModelTester) follow every step.
void TestPlanCommands::importInventoryIsOneStep()
{
    QFETCH(QString, imported);
    QFETCH(QString, details);
    QFETCH(bool, sorted);
    QFETCH(int, added);
    QFETCH(int, rows);

    PlanDocument doc;
    PlanData start = planFrom(QStringLiteral("A{G:s1,s2}"), catalog());
    start.inventory = {detailsFor("s2", 2), detailsFor("s9", 9)};
    doc.reset(start);
    CatalogTableModel table(doc);
    CatalogFilterModel filter(table);
    QAbstractItemModelTester tableTester(&table);
    QAbstractItemModelTester filterTester(&filter);
    if (sorted)
        filter.sort(CatalogTableModel::VmName, Qt::DescendingOrder);
    PlanEditor editor(doc);

    std::vector<api::Server> servers;
    for (const QString &item : imported.split(QLatin1Char(' '))) {
        const QStringList parts = item.split(QLatin1Char('='));
        servers.push_back(makeServer(parts[0].toStdString(), parts.value(1).toStdString()));
    }
    std::vector<InventoryDetails> inventory;
    for (const QString &id : details.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        inventory.push_back(detailsFor(id.toStdString(), 64));

    const PlanData before = doc.data();
    const CatalogMergeCounts counts = editor.importInventory(servers, inventory);
    QCOMPARE(int(counts.added), added);
    QCOMPARE(doc.undoStack().count(), 1);
    QVERIFY(doc.isModified());
    const PlanData after = doc.data();
    QCOMPARE(int(after.catalog.servers.size()), rows);
    QVERIFY(after.catalog.source.readAt.has_value());  // a catalog from a file is complete
    QVERIFY(!(after == before));
    const auto expect = [&](const PlanData &state) {
        QVERIFY(doc.data() == state);
        QCOMPARE(table.rowCount(), int(state.catalog.servers.size()));
        QCOMPARE(filter.rowCount(), int(state.catalog.servers.size()));
        for (int row = 0; row < filter.rowCount(); ++row) {
            const int source = filter.mapToSource(filter.index(row, 0)).row();
            QCOMPARE(filter.index(row, CatalogTableModel::VmName).data().toString(),
                     QString::fromStdString(*state.catalog.servers[std::size_t(source)].vmServer->vmName));
        }
        verifyIndexes(doc);
    };
    for (int round = 0; round < 2; ++round) {
        doc.undoStack().undo();
        expect(before);
        QVERIFY(!doc.isModified());
        doc.undoStack().redo();
        expect(after);
        QVERIFY(doc.isModified());
    }
}

// Undone after the catalog was read afresh, an import would take rows that
// are not its own: it is dropped from the history, the catalog left alone.
void TestPlanCommands::importUndoneAfterCatalogReadIsDropped()
{
    PlanDocument doc;
    doc.reset(planFrom(QString(), catalog()));
    PlanEditor editor(doc);
    editor.importInventory(servers(30, 31), {});
    doc.beginCatalog({});
    doc.appendServers(servers(1, 25));
    const CatalogSnapshot fresh = doc.catalog();
    doc.undoStack().undo();
    QVERIFY(doc.catalog() == fresh);
    QCOMPARE(doc.undoStack().count(), 0);
    VERIFY_INDEXES(doc);
}

void TestPlanCommands::editorNoticeText()
{
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G1:s1,s2} | B{G2:s3}"), catalog()));
    PlanEditor editor(doc);
    QSignalSpy notice(&editor, &PlanEditor::notice);
    // Moves within one application say nothing.
    editor.newGroupFromServers({"s1"}, keyOf(doc, QStringLiteral("A")));
    QCOMPARE(notice.count(), 0);
    editor.addServersToGroup({"s2", "s3", "s7"}, keyOf(doc, QStringLiteral("G2")));
    QCOMPARE(notice.count(), 1);
    const QString one = notice.takeFirst().at(0).toString();
    QVERIFY2(one.contains(QLatin1String("1 server")), qPrintable(one));
    QVERIFY2(!one.contains(QLatin1String("%n")), qPrintable(one));
    editor.newApplicationFromServers({"s1", "s2"});
    QCOMPARE(notice.count(), 1);
    const QString two = notice.takeFirst().at(0).toString();
    QVERIFY2(two.contains(QLatin1String("2 server")), qPrintable(two));
}

void TestPlanCommands::unusedNames_data()
{
    QTest::addColumn<QString>("plan");
    QTest::addColumn<QString>("application");
    QTest::addColumn<QString>("group");  // of the first application
    QTest::addRow("numbers taken in order") << QStringLiteral("Application 1{Group 1:;Group 2:} | Application 2{}")
                                            << QStringLiteral("Application 3") << QStringLiteral("Group 3");
    QTest::addRow("lowest free number") << QStringLiteral("Application 2{Group 1:;Group 3:} | Application 3{}")
                                        << QStringLiteral("Application 1") << QStringLiteral("Group 2");
    QTest::addRow("gap in the middle") << QStringLiteral("Application 1{Group 2:} | Application 3{} | Web{}")
                                       << QStringLiteral("Application 2") << QStringLiteral("Group 1");
    QTest::addRow("other names do not count") << QStringLiteral("Web{Front:;Back:} | Db{} | Cache{} | Mail{}")
                                              << QStringLiteral("Application 1") << QStringLiteral("Group 1");
}

void TestPlanCommands::unusedNames()
{
    QFETCH(QString, plan);
    QFETCH(QString, application);
    QFETCH(QString, group);
    PlanDocument doc;
    QCOMPARE(unusedApplicationName(doc), std::string("Application 1"));
    doc.reset(planFrom(plan, catalog()));
    QCOMPARE(QString::fromStdString(unusedApplicationName(doc)), application);
    QCOMPARE(QString::fromStdString(unusedGroupName(doc.application(0))), group);
}

void TestPlanCommands::randomEditsUndoToEveryState_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed : {1u, 7u, 42u, 2024u})
        QTest::addRow("seed %u", seed) << seed;
}

void TestPlanCommands::randomEditsUndoToEveryState()
{
    // A long mixed sequence of user edits; undo walks back through every state
    // seen, redo walks forward through them again.
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    PlanDocument doc;
    doc.reset(planFrom(QStringLiteral("A{G1:s1,s2,s3;G2:s4} | B{G3:s5}"), catalog()));
    PlanEditor editor(doc);

    const auto someServers = [&] {
        std::vector<std::string> ids;
        const int count = 1 + int(random.bounded(6));
        for (int i = 0; i < count; ++i)
            ids.push_back("s" + std::to_string(1 + random.bounded(20)));
        return ids;
    };
    const auto allKeys = [&](bool groups) {
        std::vector<PlanKey> keys;
        for (const PlanApplication &app : doc.applications()) {
            if (!groups)
                keys.push_back(app.key);
            for (const PlanServerGroup &group : app.serverGroups) {
                if (groups)
                    keys.push_back(group.key);
            }
        }
        return keys;
    };
    const auto pick = [&](const std::vector<PlanKey> &keys) {
        return keys.empty() ? kNoKey : keys[random.bounded(quint32(keys.size()))];
    };

    std::vector<QString> states{describe(doc.data())};
    for (int step = 0; step < 60; ++step) {
        const int countBefore = doc.undoStack().count();
        const std::vector<PlanKey> groups = allKeys(true);
        const std::vector<PlanKey> apps = allKeys(false);
        switch (random.bounded(10)) {
        case 0: editor.newApplicationFromServers(someServers()); break;
        case 1: editor.newGroupFromServers(someServers(), pick(apps)); break;
        case 2: editor.addServersToGroup(someServers(), pick(groups), int(random.bounded(5)) - 1); break;
        case 3: editor.moveGroups({pick(groups), pick(groups)}, pick(apps), int(random.bounded(5)) - 1); break;
        case 4: editor.newApplicationFromGroups({pick(groups)}); break;
        case 5: editor.removeServers(someServers()); break;
        case 6: editor.deleteItems({pick(random.bounded(2) ? groups : apps)}, someServers()); break;
        case 7: editor.renameGroup(pick(groups), "R" + std::to_string(step)); break;
        case 8: editor.renameApplication(pick(apps), "N" + std::to_string(step)); break;
        case 9: editor.newGroup(pick(apps)); break;
        }
        VERIFY_INDEXES(doc);
        if (doc.undoStack().count() == countBefore)
            continue;  // nothing to do (an empty plan, say)
        QCOMPARE(doc.undoStack().count(), countBefore + 1);
        states.push_back(describe(doc.data()));
    }
    QVERIFY(states.size() > 30);
    for (std::size_t i = states.size() - 1; i > 0; --i) {
        doc.undoStack().undo();
        QCOMPARE(describe(doc.data()), states[i - 1]);
        VERIFY_INDEXES(doc);
    }
    QVERIFY(!doc.undoStack().canUndo());
    for (std::size_t i = 1; i < states.size(); ++i) {
        doc.undoStack().redo();
        QCOMPARE(describe(doc.data()), states[i]);
        VERIFY_INDEXES(doc);
    }
}

QTEST_MAIN(TestPlanCommands)
#include "tst_plancommands.moc"
