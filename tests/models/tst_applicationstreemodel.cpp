// ApplicationsTreeModel: a QAbstractItemModelTester watches it through every
// kind of edit, undo and redo; the tree must mirror the document after each.
// Also its data per kind and column, in-place renames, and drag and drop:
// through mimeData()/dropMimeData() and through real (offscreen) views.

#include "PlanFixtures.h"

#include "models/ApplicationsTreeModel.h"
#include "models/CatalogFilterModel.h"
#include "models/CatalogTableModel.h"
#include "models/LiveStatus.h"
#include "models/PlanMimeTypes.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QDropEvent>
#include <QFont>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;

namespace {

// The plan notation (PlanFixtures.h), read from the tree model alone (server
// ids from the Id column).
QString treeNotation(const QAbstractItemModel &model)
{
    QStringList appTexts;
    for (int a = 0; a < model.rowCount(); ++a) {
        const QModelIndex app = model.index(a, ApplicationsTreeModel::Name);
        QStringList groupTexts;
        for (int g = 0; g < model.rowCount(app); ++g) {
            const QModelIndex group = model.index(g, ApplicationsTreeModel::Name, app);
            QStringList ids;
            for (int s = 0; s < model.rowCount(group); ++s)
                ids << model.index(s, ApplicationsTreeModel::Id, group).data().toString();
            groupTexts << group.data().toString() + QLatin1Char(':') + ids.join(QLatin1Char(','));
        }
        appTexts << app.data().toString() + QLatin1Char('{') + groupTexts.join(QLatin1Char(';')) + QLatin1Char('}');
    }
    return appTexts.join(QStringLiteral(" | "));
}

struct Fixture
{
    explicit Fixture(const QString &plan = {}) { doc.reset(planFrom(plan, catalog())); }

    PlanKey key(const QString &name) const { return keyOf(doc, name); }
    // The tree row of a server (column 0, or `column`).
    QModelIndex serverIndex(const QString &id, int column = 0) const
    {
        const Placement placement = doc.placementOf(id.toStdString());
        const QModelIndex group = tree.groupIndex(placement.group);
        for (int row = 0; row < tree.rowCount(group); ++row) {
            const QModelIndex index = tree.index(row, column, group);
            if (index.data(ApplicationsTreeModel::ServerIdRole).toString() == id)
                return index;
        }
        return {};
    }
    // "app:A", "group:G1", "server:s3", or "" for the root; at a column.
    QModelIndex target(const QString &text, int column = 0) const
    {
        const QString name = text.section(QLatin1Char(':'), 1);
        if (text.startsWith(QLatin1String("app:")))
            return tree.applicationIndex(key(name)).siblingAtColumn(column);
        if (text.startsWith(QLatin1String("group:")))
            return tree.groupIndex(key(name)).siblingAtColumn(column);
        if (text.startsWith(QLatin1String("server:")))
            return serverIndex(name, column);
        return {};
    }
    QModelIndex catalogIndex(const std::string &id, int column = 0) const
    {
        return filter.mapFromSource(table.index(doc.catalogRow(id), column));
    }

    PlanDocument doc;
    PlanEditor editor{doc};
    ApplicationsTreeModel tree{editor};
    CatalogTableModel table{doc};
    CatalogFilterModel filter{table};
    QAbstractItemModelTester treeTester{&tree, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

// The catalog in a table view as the user has it: whole rows picked, several
// at once, sorted by a click on a column title.
void setUpCatalogView(QTableView &view, QAbstractItemModel &model)
{
    view.setModel(&model);
    view.setSelectionBehavior(QAbstractItemView::SelectRows);
    view.setSelectionMode(QAbstractItemView::ExtendedSelection);
    view.setSortingEnabled(true);
}

#define VERIFY_MIRROR(f)                                                                                               \
    do {                                                                                                               \
        QCOMPARE(treeNotation((f).tree), notationOf((f).doc.applications()));                                         \
    } while (false)

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestApplicationsTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mirrorsEveryEdit_data();
    void mirrorsEveryEdit();
    void mirrorsRandomEdits();
    void resetAndCatalog();
    void catalogReadAgainRenamesServers();
    void persistentIndexesFollow();

    void dataOfEachKind_data();
    void dataOfEachKind();
    void flagsAndHeaders();
    void liveStatusColumns();
    void indexLookups();

    void renameInPlace_data();
    void renameInPlace();

    void mimeDataOfSelection();
    void drops_data();
    void drops();
    void dropsRefused_data();
    void dropsRefused();

    void viewsDragAndDrop();
    void catalogViewSortsAndSelects();
};

void TestApplicationsTreeModel::mirrorsEveryEdit_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, const char *operation, const QStringList &args, const char *expected) {
        QTest::addRow("%s", name) << qs(operation) << args << qs(expected);
    };
    // From "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6} | C{}".
    row("new application from servers", "newApplicationFromServers", {qs("s2,s9,s5")},
        "A{G1:s1,s3;G2:s4} | B{G3:s6} | C{} | Application 1{Group 1:s2,s9,s5}");
    row("new group from servers", "newGroupFromServers", {qs("s6,s1"), qs("C")},
        "A{G1:s2,s3;G2:s4} | B{G3:s5} | C{Group 1:s6,s1}");
    row("add servers to a group at a row", "addServersToGroup", {qs("s9,s5,s3"), qs("G1"), qs("1")},
        "A{G1:s1,s9,s5,s2,s3;G2:s4} | B{G3:s6} | C{}");
    row("add servers to a group, appended", "addServersToGroup", {qs("s1,s10"), qs("G3")},
        "A{G1:s2,s3;G2:s4} | B{G3:s5,s6,s1,s10} | C{}");
    row("move groups to another application", "moveGroups", {qs("G2,G1"), qs("C")},
        "A{} | B{G3:s5,s6} | C{G2:s4;G1:s1,s2,s3}");
    row("move groups within an application", "moveGroups", {qs("G1"), qs("A"), qs("2")},
        "A{G2:s4;G1:s1,s2,s3} | B{G3:s5,s6} | C{}");
    row("new application from groups", "newApplicationFromGroups", {qs("G3,G1")},
        "A{G2:s4} | B{} | C{} | Application 1{G3:s5,s6;G1:s1,s2,s3}");
    row("remove servers", "removeServers", {qs("s1,s3,s6")}, "A{G1:s2;G2:s4} | B{G3:s5} | C{}");
    row("delete items", "deleteItems", {qs("G2,C,B"), qs("s2")}, "A{G1:s1,s3}");
    row("delete the first application", "deleteItems", {qs("A")}, "B{G3:s5,s6} | C{}");
    row("rename application", "renameApplication", {qs("B"), qs("Billing")}, "A{G1:s1,s2,s3;G2:s4} | Billing{G3:s5,s6} | C{}");
    row("rename group", "renameGroup", {qs("G1"), qs("Front")}, "A{Front:s1,s2,s3;G2:s4} | B{G3:s5,s6} | C{}");
    row("edit application", "editApplication", {qs("C"), qs("Cache"), qs("about")}, "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6} | Cache{}");
    row("new application", "newApplication", {}, "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6} | C{} | Application 1{}");
    row("new group", "newGroup", {qs("B")}, "A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6;Group 1:} | C{}");
}

void TestApplicationsTreeModel::mirrorsEveryEdit()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, args);
    QFETCH(QString, expected);

    Fixture f(QStringLiteral("A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6} | C{}"));
    const PlanData before = f.doc.data();
    VERIFY_MIRROR(f);
    const auto arg = [&](int i) { return i < args.size() ? args[i] : QString(); };
    const int row = arg(2).isEmpty() ? -1 : arg(2).toInt();
    if (operation == QLatin1String("newApplicationFromServers"))
        f.editor.newApplicationFromServers(idsFrom(arg(0)));
    else if (operation == QLatin1String("newGroupFromServers"))
        f.editor.newGroupFromServers(idsFrom(arg(0)), f.key(arg(1)));
    else if (operation == QLatin1String("addServersToGroup"))
        f.editor.addServersToGroup(idsFrom(arg(0)), f.key(arg(1)), row);
    else if (operation == QLatin1String("moveGroups"))
        f.editor.moveGroups(keysFrom(f.doc, arg(0)), f.key(arg(1)), row);
    else if (operation == QLatin1String("newApplicationFromGroups"))
        f.editor.newApplicationFromGroups(keysFrom(f.doc, arg(0)));
    else if (operation == QLatin1String("removeServers"))
        f.editor.removeServers(idsFrom(arg(0)));
    else if (operation == QLatin1String("deleteItems"))
        f.editor.deleteItems(keysFrom(f.doc, arg(0)), idsFrom(arg(1)));
    else if (operation == QLatin1String("renameApplication"))
        f.editor.renameApplication(f.key(arg(0)), arg(1).toStdString());
    else if (operation == QLatin1String("renameGroup"))
        f.editor.renameGroup(f.key(arg(0)), arg(1).toStdString());
    else if (operation == QLatin1String("editApplication"))
        f.editor.editApplication(f.key(arg(0)), {arg(1).toStdString(), arg(2).toStdString(), {}, {}});
    else if (operation == QLatin1String("newApplication"))
        f.editor.newApplication();
    else if (operation == QLatin1String("newGroup"))
        f.editor.newGroup(f.key(arg(0)));
    else
        QFAIL("unknown operation");

    QCOMPARE(notationOf(f.doc.applications()), expected);
    VERIFY_MIRROR(f);
    undoRedoCycle(f.doc, before, 2, [&] { VERIFY_MIRROR(f); });
}

void TestApplicationsTreeModel::mirrorsRandomEdits()
{
    Fixture f(QStringLiteral("A{G1:s1,s2,s3;G2:s4} | B{G3:s5}"));
    QRandomGenerator random(7);
    const auto someServers = [&] {
        std::vector<std::string> ids;
        for (int i = 0, n = 1 + int(random.bounded(5)); i < n; ++i)
            ids.push_back("s" + std::to_string(1 + random.bounded(20)));
        return ids;
    };
    const auto pick = [&](bool group) {
        std::vector<PlanKey> keys;
        for (const PlanApplication &app : f.doc.applications()) {
            if (!group)
                keys.push_back(app.key);
            for (const PlanServerGroup &g : app.serverGroups) {
                if (group)
                    keys.push_back(g.key);
            }
        }
        return keys.empty() ? kNoKey : keys[random.bounded(quint32(keys.size()))];
    };
    QStringList states{describe(f.doc.data())};
    for (int step = 0; step < 80; ++step) {
        switch (random.bounded(8)) {
        case 0: f.editor.newApplicationFromServers(someServers()); break;
        case 1: f.editor.newGroupFromServers(someServers(), pick(false)); break;
        case 2: f.editor.addServersToGroup(someServers(), pick(true), int(random.bounded(4)) - 1); break;
        case 3: f.editor.moveGroups({pick(true), pick(true)}, pick(false), int(random.bounded(4)) - 1); break;
        case 4: f.editor.newApplicationFromGroups({pick(true)}); break;
        case 5: f.editor.removeServers(someServers()); break;
        case 6: f.editor.deleteItems({pick(random.bounded(2) != 0)}, someServers()); break;
        case 7: f.editor.renameGroup(pick(true), "R" + std::to_string(step)); break;
        }
        VERIFY_MIRROR(f);
        if (f.doc.undoStack().index() == states.size())
            states << describe(f.doc.data());
    }
    while (f.doc.undoStack().canUndo()) {
        f.doc.undoStack().undo();
        QCOMPARE(describe(f.doc.data()), states.at(f.doc.undoStack().index()));
        VERIFY_MIRROR(f);
    }
    while (f.doc.undoStack().canRedo()) {
        f.doc.undoStack().redo();
        QCOMPARE(describe(f.doc.data()), states.at(f.doc.undoStack().index()));
        VERIFY_MIRROR(f);
    }
}

void TestApplicationsTreeModel::resetAndCatalog()
{
    Fixture f(QStringLiteral("A{G1:s1}"));
    QSignalSpy reset(&f.tree, &QAbstractItemModel::modelReset);
    f.doc.reset(planFrom(QStringLiteral("X{Y:s2,s3;Z:} | W{}"), catalog()));
    QCOMPARE(reset.count(), 1);
    VERIFY_MIRROR(f);
    f.doc.reset({});
    QCOMPARE(f.tree.rowCount(), 0);
    // Catalog edits do not change the tree's rows.
    f.doc.reset(planFrom(QStringLiteral("A{G1:s1}"), catalog()));
    QSignalSpy removed(&f.tree, &QAbstractItemModel::rowsRemoved);
    reset.clear();
    f.doc.beginCatalog({});
    f.doc.appendServers(catalog());
    f.doc.setCatalogSource({});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    VERIFY_MIRROR(f);
}

void TestApplicationsTreeModel::catalogReadAgainRenamesServers()
{
    // Server rows show the catalog's VM name. When the catalog is read anew,
    // each row must be told: first it has no name, then it has one again.
    Fixture f(QStringLiteral("A{G1:s1,s2}"));
    const QModelIndex s2 = f.serverIndex(QStringLiteral("s2"));
    QCOMPARE(s2.data().toString(), QStringLiteral("vm-s2"));

    const auto announced = [&](QSignalSpy &data, QSignalSpy &layout) {
        if (!layout.isEmpty())
            return true;
        return std::any_of(data.begin(), data.end(), [&](const QList<QVariant> &args) {
            const QModelIndex topLeft = args.at(0).toModelIndex();
            const QModelIndex bottomRight = args.at(1).toModelIndex();
            return topLeft.parent() == s2.parent() && topLeft.row() <= s2.row() && s2.row() <= bottomRight.row()
                && topLeft.column() == 0;
        });
    };
    QSignalSpy data(&f.tree, &QAbstractItemModel::dataChanged);
    QSignalSpy layout(&f.tree, &QAbstractItemModel::layoutChanged);
    f.doc.beginCatalog({});
    QCOMPARE(s2.data().toString(), QStringLiteral("s2"));
    QCOMPARE(s2.data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::darkRed));
    QVERIFY(announced(data, layout));

    data.clear();
    layout.clear();
    f.doc.appendServers(catalog());
    QCOMPARE(s2.data().toString(), QStringLiteral("vm-s2"));
    QVERIFY(!s2.data(Qt::ForegroundRole).isValid());
    QVERIFY2(announced(data, layout), "the server rows were not told that their names came back");
}

void TestApplicationsTreeModel::persistentIndexesFollow()
{
    Fixture f(QStringLiteral("A{G1:s1,s2,s3;G2:s4} | B{G3:s5,s6}"));
    const QPersistentModelIndex g3(f.tree.groupIndex(f.key(QStringLiteral("G3"))));
    const QPersistentModelIndex s3(f.serverIndex(QStringLiteral("s3"), ApplicationsTreeModel::Id));
    const QPersistentModelIndex s6(f.serverIndex(QStringLiteral("s6")));
    const QPersistentModelIndex b(f.tree.applicationIndex(f.key(QStringLiteral("B"))));
    QCOMPARE(g3.parent(), QModelIndex(b));

    // Servers before s3 leave: it moves up, keeps its column.
    f.editor.removeServers({"s1"});
    QCOMPARE(s3.row(), 1);
    QCOMPARE(s3.column(), int(ApplicationsTreeModel::Id));
    QCOMPARE(s3.data().toString(), QStringLiteral("s3"));
    // An application before B goes: B and everything under it move up.
    f.editor.deleteItems({f.key(QStringLiteral("A"))}, {});
    QCOMPARE(b.row(), 0);
    QCOMPARE(g3.parent().row(), 0);
    QCOMPARE(g3.data().toString(), QStringLiteral("G3"));
    QCOMPARE(s6.data().toString(), QStringLiteral("vm-s6"));
    QCOMPARE(s6.parent(), QModelIndex(g3));
    QVERIFY(!s3.isValid());  // its application is gone
    f.doc.undoStack().undo();
    QCOMPARE(b.row(), 1);
    QCOMPARE(g3.parent(), QModelIndex(b));
    QCOMPARE(s6.data().toString(), QStringLiteral("vm-s6"));
    // A renamed group keeps its index.
    f.editor.renameGroup(f.key(QStringLiteral("G3")), "Back");
    QVERIFY(g3.isValid());
    QCOMPARE(g3.data().toString(), QStringLiteral("Back"));
    // A server inserted in front of s6 moves it down.
    f.editor.addServersToGroup({"s9"}, f.key(QStringLiteral("Back")), 0);
    QCOMPARE(s6.row(), 2);
    QCOMPARE(s6.data(ApplicationsTreeModel::ServerIdRole).toString(), QStringLiteral("s6"));
}

void TestApplicationsTreeModel::dataOfEachKind_data()
{
    QTest::addColumn<QString>("item");  // "app:X", "group:X", "server:id"
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<QVariant>("expected");  // invalid: no data

    const int name = ApplicationsTreeModel::Name;
    const int servers = ApplicationsTreeModel::Servers;
    const int id = ApplicationsTreeModel::Id;
    const auto row = [](const char *tag, const char *item, int column, int role, const QVariant &expected) {
        QTest::addRow("%s", tag) << qs(item) << column << role << expected;
    };
    row("app name", "app:Shop", name, Qt::DisplayRole, qs("Shop"));
    row("app name to edit", "app:Shop", name, Qt::EditRole, qs("Shop"));
    row("app servers", "app:Shop", servers, Qt::DisplayRole, qs("2 server(s) in 2 group(s)"));
    row("app servers, not editable", "app:Shop", servers, Qt::EditRole, QVariant());
    row("app endpoint id", "app:Shop", id, Qt::DisplayRole, qs("app-1"));
    row("app without endpoint id", "app:Empty", id, Qt::DisplayRole, qs("not on the endpoint yet"));
    row("empty app servers", "app:Empty", servers, Qt::DisplayRole, qs("0 server(s) in 0 group(s)"));
    row("app description as tool tip", "app:Shop", name, Qt::ToolTipRole, qs("The shop"));
    row("app without description", "app:Empty", name, Qt::ToolTipRole, QVariant());
    row("app kind", "app:Shop", servers, ApplicationsTreeModel::KindRole, int(ApplicationsTreeModel::Kind::Application));
    row("app server id", "app:Shop", name, ApplicationsTreeModel::ServerIdRole, QVariant());

    row("group name", "group:Front", name, Qt::DisplayRole, qs("Front"));
    row("group name to edit", "group:Front", name, Qt::EditRole, qs("Front"));
    row("group servers", "group:Front", servers, Qt::DisplayRole, qs("2 server(s)"));
    row("empty group servers", "group:Back", servers, Qt::DisplayRole, qs("0 server(s)"));
    row("group endpoint id", "group:Front", id, Qt::DisplayRole, qs("sg-1"));
    row("group without endpoint id", "group:Back", id, Qt::DisplayRole, qs(""));
    row("group kind", "group:Back", id, ApplicationsTreeModel::KindRole, int(ApplicationsTreeModel::Kind::Group));
    row("group font", "group:Front", name, Qt::FontRole, QVariant());

    row("server name", "server:s1", name, Qt::DisplayRole, qs("vm-s1"));
    row("server id", "server:s1", id, Qt::DisplayRole, qs("s1"));
    row("server servers column", "server:s1", servers, Qt::DisplayRole, QVariant());
    row("server not editable", "server:s1", name, Qt::EditRole, QVariant());
    row("server id role", "server:x9", servers, ApplicationsTreeModel::ServerIdRole, qs("x9"));
    row("server kind", "server:s1", name, ApplicationsTreeModel::KindRole, int(ApplicationsTreeModel::Kind::Server));
    row("server in the catalog, no tool tip", "server:s1", name, Qt::ToolTipRole, QVariant());
    row("server not in the catalog: its id", "server:x9", name, Qt::DisplayRole, qs("x9"));
    row("server not in the catalog: tool tip", "server:x9", name, Qt::ToolTipRole,
        qs("This server is not in the catalog that was read last."));
    row("server not in the catalog: colour", "server:x9", name, Qt::ForegroundRole, QColor(Qt::darkRed));
    row("server in the catalog: no colour", "server:s1", name, Qt::ForegroundRole, QVariant());
}

void TestApplicationsTreeModel::dataOfEachKind()
{
    QFETCH(QString, item);
    QFETCH(int, column);
    QFETCH(int, role);
    QFETCH(QVariant, expected);

    Fixture f(QStringLiteral("Shop{Front:s1,x9;Back:} | Empty{}"));
    f.doc.setEndpointIds(f.key(QStringLiteral("Shop")), "app-1", {{f.key(QStringLiteral("Front")), "sg-1"}});
    f.editor.editApplication(f.key(QStringLiteral("Shop")), {"Shop", "The shop", {}, {}});

    const QModelIndex index = f.target(item, column);
    QVERIFY(index.isValid());
    const QVariant value = index.data(role);
    if (!expected.isValid()) {
        QVERIFY2(!value.isValid(), qPrintable(value.toString()));
    } else if (expected.typeId() == QMetaType::QColor) {
        QCOMPARE(value.value<QColor>(), expected.value<QColor>());
    } else {
        QCOMPARE(value, expected);
    }
    // KeyRole: an application's or group's own key, a server's group key.
    const QString kindName = item.section(QLatin1Char(':'), 0, 0);
    const PlanKey expectedKey = kindName == QLatin1String("server")
                                    ? f.doc.placementOf(item.section(QLatin1Char(':'), 1).toStdString()).group
                                    : f.key(item.section(QLatin1Char(':'), 1));
    QCOMPARE(index.data(ApplicationsTreeModel::KeyRole).toULongLong(), quint64(expectedKey));
    // Application names are bold, nothing else.
    if (kindName == QLatin1String("app") && column == ApplicationsTreeModel::Name)
        QVERIFY(index.data(Qt::FontRole).value<QFont>().bold());
}

void TestApplicationsTreeModel::flagsAndHeaders()
{
    Fixture f(QStringLiteral("A{G:s1}"));
    const QModelIndex app = f.target(QStringLiteral("app:A"));
    const QModelIndex group = f.target(QStringLiteral("group:G"));
    const QModelIndex server = f.target(QStringLiteral("server:s1"));
    QVERIFY(f.tree.flags({}) & Qt::ItemIsDropEnabled);  // empty space takes drops
    for (int column = 0; column < ApplicationsTreeModel::ColumnCount; ++column) {
        const bool name = column == ApplicationsTreeModel::Name;
        const Qt::ItemFlags appFlags = f.tree.flags(app.siblingAtColumn(column));
        QVERIFY(appFlags & Qt::ItemIsDropEnabled);
        QVERIFY(!(appFlags & Qt::ItemIsDragEnabled));
        QCOMPARE(bool(appFlags & Qt::ItemIsEditable), name);
        const Qt::ItemFlags groupFlags = f.tree.flags(group.siblingAtColumn(column));
        QVERIFY(groupFlags & Qt::ItemIsDropEnabled);
        QVERIFY(groupFlags & Qt::ItemIsDragEnabled);
        QCOMPARE(bool(groupFlags & Qt::ItemIsEditable), name);
        const Qt::ItemFlags serverFlags = f.tree.flags(server.siblingAtColumn(column));
        QVERIFY(serverFlags & Qt::ItemIsDragEnabled);
        QVERIFY(serverFlags & Qt::ItemNeverHasChildren);
        QVERIFY(!(serverFlags & Qt::ItemIsEditable));
        QVERIFY(serverFlags & Qt::ItemIsSelectable);
    }
    QCOMPARE(f.tree.columnCount(), int(ApplicationsTreeModel::ColumnCount));
    QCOMPARE(f.tree.headerData(ApplicationsTreeModel::Name, Qt::Horizontal).toString(), QStringLiteral("Name"));
    QCOMPARE(f.tree.headerData(ApplicationsTreeModel::Servers, Qt::Horizontal).toString(), QStringLiteral("Servers"));
    QVERIFY(!f.tree.headerData(ApplicationsTreeModel::Id, Qt::Horizontal).toString().isEmpty());
    QVERIFY(!f.tree.headerData(0, Qt::Vertical).isValid());
    QCOMPARE(f.tree.supportedDropActions(), Qt::MoveAction | Qt::CopyAction);
    QCOMPARE(f.tree.supportedDragActions(), Qt::DropActions(Qt::MoveAction));
    QCOMPARE(f.tree.mimeTypes(),
             (QStringList{QString::fromLatin1(kServerIdsMimeType), QString::fromLatin1(kGroupKeysMimeType)}));
}

// The Replication and Launch columns show what the monitor last saw of the
// application's endpoint twin and of each server's job, and only the rows
// whose status changed are repainted.
void TestApplicationsTreeModel::liveStatusColumns()
{
    Fixture f;
    PlanData data = planFrom(QStringLiteral("A{G:s1,s2} | B{}"), catalog());
    data.applications[0].appId = "app-1";
    f.doc.reset(std::move(data));
    LiveStatus live;
    live.applications["app-1"] = {api::AppStatus::Active, api::AppReplicationStatus::ReplicationFailed,
                                  api::AppLaunchStatus::ReadyForLaunch, "disk full on s2", ""};
    live.servers["s1"] = {"sms-job-1", api::ReplicationJobState::Active, "Uploading", 45, false, ""};
    live.servers["s2"] = {"sms-job-2", api::ReplicationJobState::Failed, "", std::nullopt, false, "no connector"};

    const QModelIndex app = f.target(QStringLiteral("app:A"), ApplicationsTreeModel::Replication);
    QVERIFY(!app.data().isValid());  // nothing shown before the monitor has seen anything
    QSignalSpy changed(&f.tree, &QAbstractItemModel::dataChanged);
    f.tree.setLiveStatus(&live);
    QVERIFY(!changed.isEmpty());

    QCOMPARE(app.data().toString(), QStringLiteral("Replication failed"));
    QCOMPARE(app.data(Qt::ToolTipRole).toString(), QStringLiteral("disk full on s2"));
    QVERIFY(app.data(Qt::DecorationRole).value<QColor>().isValid());
    QCOMPARE(app.siblingAtColumn(ApplicationsTreeModel::Launch).data().toString(), QStringLiteral("Ready for launch"));
    QVERIFY(!f.target(QStringLiteral("app:B"), ApplicationsTreeModel::Replication).data().isValid());  // not on the endpoint
    QVERIFY(!f.target(QStringLiteral("group:G"), ApplicationsTreeModel::Replication).data().isValid());
    const QModelIndex s1 = f.serverIndex(QStringLiteral("s1"), ApplicationsTreeModel::Replication);
    QCOMPARE(s1.data().toString(), QStringLiteral("Uploading 45%"));
    const QModelIndex s2 = f.serverIndex(QStringLiteral("s2"), ApplicationsTreeModel::Replication);
    QCOMPARE(s2.data().toString(), QStringLiteral("Failed"));
    QCOMPARE(s2.data(Qt::ToolTipRole).toString(), QStringLiteral("no connector"));
    QVERIFY(s2.data(Qt::DecorationRole).value<QColor>() != s1.data(Qt::DecorationRole).value<QColor>());

    changed.clear();
    live.servers["s1"].percent = 60;
    live.servers["s1"].stalled = true;
    f.tree.liveStatusChanged({}, {"s1"});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), s1);
    QCOMPARE(s1.data().toString(), QStringLiteral("Uploading 60% (stalled)"));

    changed.clear();
    f.tree.liveStatusChanged({"app-1", "app-gone"}, {});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), app);
    QCOMPARE(changed.first().at(1).toModelIndex(), app.siblingAtColumn(ApplicationsTreeModel::Launch));

    f.tree.setLiveStatus(nullptr);
    QVERIFY(!app.data().isValid());
    QVERIFY(!s1.data().isValid());
}

void TestApplicationsTreeModel::indexLookups()
{
    Fixture f(QStringLiteral("A{G1:s1} | B{G2:s2;G3:s3}"));
    const QModelIndex b = f.tree.applicationIndex(f.key(QStringLiteral("B")));
    QCOMPARE(b.row(), 1);
    QCOMPARE(ApplicationsTreeModel::kindOf(b), ApplicationsTreeModel::Kind::Application);
    const QModelIndex g3 = f.tree.groupIndex(f.key(QStringLiteral("G3")));
    QCOMPARE(g3.row(), 1);
    QCOMPARE(g3.parent(), b);
    QCOMPARE(ApplicationsTreeModel::kindOf(g3), ApplicationsTreeModel::Kind::Group);
    // Wrong kind or unknown: nothing.
    QVERIFY(!f.tree.applicationIndex(f.key(QStringLiteral("G3"))).isValid());
    QVERIFY(!f.tree.groupIndex(f.key(QStringLiteral("B"))).isValid());
    QVERIFY(!f.tree.groupIndex(4242).isValid());
    // Selections: keys once each, servers once each.
    const QModelIndexList selection{b, b.siblingAtColumn(2), g3, f.serverIndex(QStringLiteral("s3")),
                                    f.serverIndex(QStringLiteral("s3"), 2), f.serverIndex(QStringLiteral("s1"))};
    QVERIFY(f.tree.selectedKeys(selection) == (std::vector<PlanKey>{f.key(QStringLiteral("B")), f.key(QStringLiteral("G3"))}));
    QVERIFY(f.tree.selectedServerIds(selection) == (std::vector<std::string>{"s3", "s1"}));
}

void TestApplicationsTreeModel::renameInPlace_data()
{
    QTest::addColumn<QString>("item");
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QString>("expected");

    const int name = ApplicationsTreeModel::Name;
    QTest::addRow("application") << qs("app:A") << name << int(Qt::EditRole) << qs("Shop") << true << qs("Shop{G:s1}");
    QTest::addRow("application, trimmed") << qs("app:A") << name << int(Qt::EditRole) << qs("  Shop  ") << true
                                          << qs("Shop{G:s1}");
    QTest::addRow("application, non-ASCII") << qs("app:A") << name << int(Qt::EditRole) << qs("Bücher-Ω") << true
                                            << qs("Bücher-Ω{G:s1}");
    QTest::addRow("group") << qs("group:G") << name << int(Qt::EditRole) << qs("Front") << true << qs("A{Front:s1}");
    QTest::addRow("application, empty name") << qs("app:A") << name << int(Qt::EditRole) << QString() << false << qs("A{G:s1}");
    QTest::addRow("application, blanks") << qs("app:A") << name << int(Qt::EditRole) << qs("   ") << false << qs("A{G:s1}");
    QTest::addRow("group, empty name") << qs("group:G") << name << int(Qt::EditRole) << QString() << false << qs("A{G:s1}");
    QTest::addRow("server") << qs("server:s1") << name << int(Qt::EditRole) << qs("x") << false << qs("A{G:s1}");
    QTest::addRow("other column") << qs("app:A") << int(ApplicationsTreeModel::Id) << int(Qt::EditRole) << qs("x") << false
                                  << qs("A{G:s1}");
    QTest::addRow("other role") << qs("group:G") << name << int(Qt::DisplayRole) << qs("x") << false << qs("A{G:s1}");
}

void TestApplicationsTreeModel::renameInPlace()
{
    QFETCH(QString, item);
    QFETCH(int, column);
    QFETCH(int, role);
    QFETCH(QString, value);
    QFETCH(bool, accepted);
    QFETCH(QString, expected);

    Fixture f(QStringLiteral("A{G:s1}"));
    const QModelIndex index = f.target(item, column);
    QSignalSpy changed(&f.tree, &QAbstractItemModel::dataChanged);
    QCOMPARE(f.tree.setData(index, value, role), accepted);
    QCOMPARE(notationOf(f.doc.applications()), expected);
    QCOMPARE(f.doc.undoStack().count(), accepted ? 1 : 0);
    if (!accepted)
        return;
    VERIFY_MIRROR(f);
    // The view hears of the new name at the edited cell.
    QVERIFY(std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant> &args) {
        const QModelIndex topLeft = args.at(0).toModelIndex();
        return topLeft.parent() == index.parent() && topLeft.row() == index.row() && topLeft.column() <= column;
    }));
    QCOMPARE(index.data(Qt::EditRole).toString(), value.trimmed());
    f.doc.undoStack().undo();
    QCOMPARE(notationOf(f.doc.applications()), QStringLiteral("A{G:s1}"));
    VERIFY_MIRROR(f);
    // Renaming to the same name is accepted and changes nothing.
    const QModelIndex again = f.target(item.section(QLatin1Char(':'), 0, 0) + QLatin1Char(':')
                                       + (item.startsWith(QLatin1String("app")) ? QStringLiteral("A") : QStringLiteral("G")));
    QVERIFY(f.tree.setData(again, again.data(), Qt::EditRole));
    QCOMPARE(f.doc.undoStack().index(), 0);
}

void TestApplicationsTreeModel::mimeDataOfSelection()
{
    Fixture f(QStringLiteral("A{G1:s1,s2;G2:s3} | B{G3:s4}"));
    // Servers only: their ids, once each, in selection order.
    std::unique_ptr<QMimeData> servers(f.tree.mimeData({f.serverIndex(QStringLiteral("s4")), f.serverIndex(QStringLiteral("s1")),
                                                        f.serverIndex(QStringLiteral("s4"), 2)}));
    QVERIFY(servers);
    QVERIFY(serverIdsFrom(*servers) == (std::vector<std::string>{"s4", "s1"}));
    QVERIFY(!servers->hasFormat(QString::fromLatin1(kGroupKeysMimeType)));
    // Groups, with a server picked alongside: the groups move whole.
    std::unique_ptr<QMimeData> groups(f.tree.mimeData(
        {f.target(QStringLiteral("group:G3")), f.serverIndex(QStringLiteral("s1")), f.target(QStringLiteral("group:G1"), 1)}));
    QVERIFY(groups);
    QVERIFY(groupKeysFrom(*groups) == (std::vector<PlanKey>{f.key(QStringLiteral("G3")), f.key(QStringLiteral("G1"))}));
    QVERIFY(serverIdsFrom(*groups).empty());
    // Applications are not dragged.
    QVERIFY(!f.tree.mimeData({f.target(QStringLiteral("app:A"))}));
    QVERIFY(!f.tree.mimeData({}));
}

void TestApplicationsTreeModel::drops_data()
{
    QTest::addColumn<QString>("source");  // "catalog" or "tree"
    QTest::addColumn<QString>("items");   // server ids, or group names (from the tree)
    QTest::addColumn<QString>("target");  // "", "app:X", "group:X", "server:id"
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("notices");

    const auto row = [](const char *name, const char *source, const char *items, const char *target, int at, int column,
                        const char *expected, int notices) {
        QTest::addRow("%s", name) << qs(source) << qs(items) << qs(target) << at << column << qs(expected) << notices;
    };
    // From "A{G1:s1,s2,s3;G2:s4} | B{G3:s5}".
    row("catalog onto a group at a row", "catalog", "s8,s7", "group:G1", 1, 0, "A{G1:s1,s7,s8,s2,s3;G2:s4} | B{G3:s5}", 0);
    row("catalog onto a group at its end", "catalog", "s7", "group:G1", 3, 0, "A{G1:s1,s2,s3,s7;G2:s4} | B{G3:s5}", 0);
    row("catalog onto a group, appended", "catalog", "s7,s8", "group:G1", -1, 0, "A{G1:s1,s2,s3,s7,s8;G2:s4} | B{G3:s5}", 0);
    row("catalog onto a group's other column", "catalog", "s7", "group:G2", -1, 2, "A{G1:s1,s2,s3;G2:s4,s7} | B{G3:s5}", 0);
    row("catalog onto an application", "catalog", "s7,s8", "app:B", -1, 0, "A{G1:s1,s2,s3;G2:s4} | B{G3:s5;Group 1:s7,s8}", 0);
    row("catalog onto an empty application", "catalog", "s7", "app:C", -1, 0,
        "A{G1:s1,s2,s3;G2:s4} | B{G3:s5} | C{Group 1:s7}", 0);
    row("catalog onto empty space", "catalog", "s9,s7", "", -1, -1,
        "A{G1:s1,s2,s3;G2:s4} | B{G3:s5} | C{} | Application 1{Group 1:s7,s9}", 0);
    row("catalog between applications", "catalog", "s7", "", 1, 0,
        "A{G1:s1,s2,s3;G2:s4} | B{G3:s5} | C{} | Application 1{Group 1:s7}", 0);
    row("catalog onto a server row", "catalog", "s7,s8", "server:s2", -1, -1, "A{G1:s1,s2,s7,s8,s3;G2:s4} | B{G3:s5}", 0);
    row("catalog onto a server row's id column", "catalog", "s7", "server:s3", -1, 2, "A{G1:s1,s2,s3,s7;G2:s4} | B{G3:s5}", 0);
    row("catalog servers planned elsewhere", "catalog", "s5,s9,s1", "group:G2", -1, 0,
        "A{G1:s2,s3;G2:s4,s1,s5,s9} | B{G3:}", 1);
    row("tree servers to another application", "tree", "s4", "group:G3", 0, 0, "A{G1:s1,s2,s3;G2:} | B{G3:s4,s5}", 1);
    row("tree servers back", "tree", "s5", "server:s1", -1, 0, "A{G1:s1,s5,s2,s3;G2:s4} | B{G3:}", 1);
    row("tree servers within an application", "tree", "s3,s1", "group:G2", -1, 0, "A{G1:s2;G2:s4,s3,s1} | B{G3:s5}", 0);
    row("tree servers onto an application", "tree", "s5,s2", "app:C", -1, 0,
        "A{G1:s1,s3;G2:s4} | B{G3:} | C{Group 1:s5,s2}", 1);
    row("tree servers onto empty space", "tree", "s2,s5", "", -1, -1,
        "A{G1:s1,s3;G2:s4} | B{G3:} | C{} | Application 1{Group 1:s2,s5}", 1);
    row("group onto another application", "tree", "G1", "app:B", -1, 0, "A{G2:s4} | B{G3:s5;G1:s1,s2,s3}", 0);
    row("groups onto another application at row 0", "tree", "G2,G1", "app:B", 0, 0, "A{} | B{G2:s4;G1:s1,s2,s3;G3:s5}", 0);
    row("groups onto an empty application", "tree", "G3", "app:C", -1, 0, "A{G1:s1,s2,s3;G2:s4} | B{} | C{G3:s5}", 0);
    row("group onto a group of another application", "tree", "G2", "group:G3", -1, 0, "A{G1:s1,s2,s3} | B{G3:s5;G2:s4}", 0);
    row("group onto a group of its application", "tree", "G1", "group:G2", -1, 0, "A{G2:s4;G1:s1,s2,s3} | B{G3:s5}", 0);
    row("group onto a server", "tree", "G3", "server:s1", -1, 0, "A{G1:s1,s2,s3;G3:s5;G2:s4} | B{}", 0);
    row("groups onto empty space", "tree", "G2,G3", "", -1, -1, "A{G1:s1,s2,s3} | B{} | C{} | Application 1{G2:s4;G3:s5}", 0);
    row("group up within its application", "tree", "G2", "app:A", 0, 0, "A{G2:s4;G1:s1,s2,s3} | B{G3:s5}", 0);
    row("group down within its application", "tree", "G1", "app:A", 2, 0, "A{G2:s4;G1:s1,s2,s3} | B{G3:s5}", 0);
    row("groups from two applications between groups", "tree", "G3,G1", "app:A", 2, 0, "A{G2:s4;G3:s5;G1:s1,s2,s3} | B{}", 0);
    row("group with a server picked alongside", "tree", "G2,s5", "app:B", -1, 0, "A{G1:s1,s2,s3} | B{G3:s5;G2:s4}", 0);
}

void TestApplicationsTreeModel::drops()
{
    QFETCH(QString, source);
    QFETCH(QString, items);
    QFETCH(QString, target);
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, expected);
    QFETCH(int, notices);

    Fixture f(QStringLiteral("A{G1:s1,s2,s3;G2:s4} | B{G3:s5} | C{}"));
    if (!expected.contains(QLatin1String("C{")))
        f.editor.deleteItems({f.key(QStringLiteral("C"))}, {});  // rows that do not mention C have none
    f.doc.undoStack().clear();
    const PlanData before = f.doc.data();
    QSignalSpy notice(&f.editor, &PlanEditor::notice);

    // The drag data, as each source model gives it for its selected rows.
    QModelIndexList dragged;
    for (const QString &item : items.split(QLatin1Char(','))) {
        if (source == QLatin1String("catalog")) {
            for (int c = 0; c < f.filter.columnCount(); ++c)
                dragged << f.catalogIndex(item.toStdString(), c);  // a row selection
        } else if (item.startsWith(QLatin1Char('s'))) {
            dragged << f.serverIndex(item);
        } else {
            dragged << f.tree.groupIndex(f.key(item));
        }
    }
    for (const QModelIndex &index : std::as_const(dragged))
        QVERIFY(index.isValid());
    const QAbstractItemModel &model = source == QLatin1String("catalog") ? static_cast<QAbstractItemModel &>(f.filter)
                                                                         : static_cast<QAbstractItemModel &>(f.tree);
    std::unique_ptr<QMimeData> data(model.mimeData(dragged));
    QVERIFY(data);
    const Qt::DropAction action = source == QLatin1String("catalog") ? Qt::CopyAction : Qt::MoveAction;

    const QModelIndex parent = f.target(target, column < 0 ? 0 : column);
    QCOMPARE(parent.isValid(), !target.isEmpty());
    QVERIFY(f.tree.canDropMimeData(data.get(), action, row, column, parent));
    QVERIFY(f.tree.dropMimeData(data.get(), action, row, column, parent));
    QCOMPARE(notationOf(f.doc.applications()), expected);
    VERIFY_MIRROR(f);
    QCOMPARE(notice.count(), notices);
    // One drop, one undo step.
    QCOMPARE(f.doc.undoStack().count(), 1);
    undoRedoCycle(f.doc, before, 1, [&] { VERIFY_MIRROR(f); });
}

void TestApplicationsTreeModel::dropsRefused_data()
{
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<int>("action");
    QTest::addColumn<bool>("canDrop");

    QTest::addRow("plain text") << QStringLiteral("text/plain") << QByteArray("s1\n") << int(Qt::CopyAction) << false;
    QTest::addRow("link action") << QString::fromLatin1(kServerIdsMimeType) << QByteArray("s1\n") << int(Qt::LinkAction)
                                 << false;
    QTest::addRow("no server ids") << QString::fromLatin1(kServerIdsMimeType) << QByteArray("\n \n") << int(Qt::CopyAction)
                                   << true;
    QTest::addRow("no data") << QString() << QByteArray() << int(Qt::CopyAction) << false;
}

void TestApplicationsTreeModel::dropsRefused()
{
    QFETCH(QString, format);
    QFETCH(QByteArray, payload);
    QFETCH(int, action);
    QFETCH(bool, canDrop);
    Fixture f(QStringLiteral("A{G1:s2}"));
    const QString before = describe(f.doc.data());
    std::unique_ptr<QMimeData> data;
    if (!format.isEmpty()) {
        data = std::make_unique<QMimeData>();
        data->setData(format, payload);
    }
    const QModelIndex group = f.target(QStringLiteral("group:G1"));
    QCOMPARE(f.tree.canDropMimeData(data.get(), Qt::DropAction(action), -1, -1, group), canDrop);
    QVERIFY(!f.tree.dropMimeData(data.get(), Qt::DropAction(action), -1, -1, group));
    QVERIFY(!f.tree.dropMimeData(data.get(), Qt::DropAction(action), -1, -1, {}));
    QCOMPARE(describe(f.doc.data()), before);
    QCOMPARE(f.doc.undoStack().count(), 0);
}

void TestApplicationsTreeModel::viewsDragAndDrop()
{
    // The catalog in a table view, the plan in a tree view, both shown on the
    // offscreen platform. A drag cannot be run (QDrag::exec needs a real
    // pointer), so the views' selections give the drag data and the drop
    // arrives as the drag-enter/move/drop events a window system would send.
    Fixture f(QStringLiteral("A{G1:s1,s2;G2:s3} | B{G3:s4}"));
    QTableView catalogView;
    setUpCatalogView(catalogView, f.filter);
    catalogView.setDragEnabled(true);
    catalogView.sortByColumn(CatalogTableModel::VmName, Qt::DescendingOrder);
    catalogView.resize(800, 500);
    QTreeView treeView;
    treeView.setModel(&f.tree);
    treeView.setSelectionMode(QAbstractItemView::ExtendedSelection);
    treeView.setDragDropMode(QAbstractItemView::DragDrop);
    treeView.setUniformRowHeights(true);
    treeView.resize(600, 600);
    treeView.expandAll();
    catalogView.show();
    treeView.show();
    QVERIFY(QTest::qWaitForWindowExposed(&catalogView));
    QVERIFY(QTest::qWaitForWindowExposed(&treeView));
    QCOMPARE(f.filter.sortColumn(), int(CatalogTableModel::VmName));
    QCOMPARE(f.filter.index(0, 0).data().toString(), QStringLiteral("vm-s20"));  // descending, numbers as numbers: vm-s20 > vm-s19 > ...

    QWidget *viewport = treeView.viewport();
    // A drop as the window system delivers it: enter, move, drop, all at `pos`.
    const auto dropAt = [&](const QPoint &pos, const QMimeData *data, Qt::DropAction action) {
        QDragEnterEvent enter(pos, action, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &enter);
        if (!enter.isAccepted())
            return QStringLiteral("enter refused");
        QDragMoveEvent move(pos, action, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &move);
        if (!move.isAccepted())
            return QStringLiteral("move refused");
        QDropEvent drop(pos, action, data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(viewport, &drop);
        return drop.isAccepted() ? QStringLiteral("dropped") : QStringLiteral("drop refused");
    };
    const auto catalogSelection = [&](std::initializer_list<const char *> ids) {
        QItemSelectionModel *selection = catalogView.selectionModel();
        selection->clearSelection();
        for (const char *id : ids)
            selection->select(f.catalogIndex(id), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        return std::unique_ptr<QMimeData>(f.filter.mimeData(selection->selectedIndexes()));
    };

    // 1. Catalog rows selected in the view, dropped through the model onto G3.
    std::unique_ptr<QMimeData> data = catalogSelection({"s7", "s12"});
    QVERIFY(data);
    QCOMPARE(catalogView.selectionModel()->selectedRows().size(), 2);
    QVERIFY(f.tree.dropMimeData(data.get(), Qt::CopyAction, -1, -1, f.tree.groupIndex(f.key(QStringLiteral("G3")))));
    QCOMPARE(notationOf(f.doc.applications()), QStringLiteral("A{G1:s1,s2;G2:s3} | B{G3:s4,s7,s12}"));
    VERIFY_MIRROR(f);

    // 2. The same through drop events: onto the middle of group G2's row.
    data = catalogSelection({"s15"});
    treeView.expandAll();
    QRect rect = treeView.visualRect(f.tree.groupIndex(f.key(QStringLiteral("G2"))));
    QVERIFY(rect.isValid());
    QCOMPARE(dropAt(rect.center(), data.get(), Qt::CopyAction), QStringLiteral("dropped"));
    QCOMPARE(notationOf(f.doc.applications()), QStringLiteral("A{G1:s1,s2;G2:s3,s15} | B{G3:s4,s7,s12}"));
    QCOMPARE(f.doc.undoStack().count(), 2);

    // 3. Onto the top edge of server s2's row: inserted before it.
    data = catalogSelection({"s16", "s17"});
    treeView.expandAll();
    rect = treeView.visualRect(f.serverIndex(QStringLiteral("s2")));
    QCOMPARE(dropAt(QPoint(rect.center().x(), rect.top() + 1), data.get(), Qt::CopyAction), QStringLiteral("dropped"));
    QCOMPARE(notationOf(f.doc.applications()), QStringLiteral("A{G1:s1,s16,s17,s2;G2:s3,s15} | B{G3:s4,s7,s12}"));

    // 4. Onto empty space below the last row: a new application.
    data = catalogSelection({"s18"});
    treeView.expandAll();
    const QRect last = treeView.visualRect(f.serverIndex(QStringLiteral("s12")));
    QVERIFY(last.bottom() + 20 < viewport->height());
    QCOMPARE(dropAt(QPoint(20, viewport->height() - 5), data.get(), Qt::CopyAction), QStringLiteral("dropped"));
    QCOMPARE(notationOf(f.doc.applications()),
             QStringLiteral("A{G1:s1,s16,s17,s2;G2:s3,s15} | B{G3:s4,s7,s12} | Application 1{Group 1:s18}"));
    VERIFY_MIRROR(f);

    // 5. A group selected in the tree view, dropped onto application B's row.
    treeView.expandAll();
    treeView.selectionModel()->select(f.tree.groupIndex(f.key(QStringLiteral("G1"))),
                                      QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    data.reset(f.tree.mimeData(treeView.selectionModel()->selectedIndexes()));
    QVERIFY(data);
    rect = treeView.visualRect(f.tree.applicationIndex(f.key(QStringLiteral("B"))));
    QCOMPARE(dropAt(rect.center(), data.get(), Qt::MoveAction), QStringLiteral("dropped"));
    QCOMPARE(notationOf(f.doc.applications()),
             QStringLiteral("A{G2:s3,s15} | B{G3:s4,s7,s12;G1:s1,s16,s17,s2} | Application 1{Group 1:s18}"));
    VERIFY_MIRROR(f);

    // 6. Servers selected in the tree, dropped onto another application's group.
    treeView.expandAll();
    QItemSelectionModel *treeSelection = treeView.selectionModel();
    treeSelection->clearSelection();
    treeSelection->select(f.serverIndex(QStringLiteral("s16")), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    treeSelection->select(f.serverIndex(QStringLiteral("s4")), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    data.reset(f.tree.mimeData(treeSelection->selectedIndexes()));
    QVERIFY(data);
    QSignalSpy notice(&f.editor, &PlanEditor::notice);
    rect = treeView.visualRect(f.tree.groupIndex(f.key(QStringLiteral("Group 1"))));
    QCOMPARE(dropAt(rect.center(), data.get(), Qt::MoveAction), QStringLiteral("dropped"));
    QCOMPARE(notationOf(f.doc.applications()),
             QStringLiteral("A{G2:s3,s15} | B{G3:s7,s12;G1:s1,s17,s2} | Application 1{Group 1:s18,s16,s4}"));
    QCOMPARE(notice.count(), 1);
    VERIFY_MIRROR(f);

    // 7. Refused data is refused by the view as well.
    QMimeData text;
    text.setText(QStringLiteral("s1"));
    QCOMPARE(dropAt(rect.center(), &text, Qt::CopyAction), QStringLiteral("enter refused"));

    // Every drop was one step; undoing them all restores the start.
    QCOMPARE(f.doc.undoStack().count(), 6);
    while (f.doc.undoStack().canUndo())
        f.doc.undoStack().undo();
    QCOMPARE(notationOf(f.doc.applications()), QStringLiteral("A{G1:s1,s2;G2:s3} | B{G3:s4}"));
    VERIFY_MIRROR(f);
    // The catalog view saw the placements: its Application column follows.
    const QModelIndex s7 = f.catalogIndex("s7", CatalogTableModel::Application);
    QCOMPARE(s7.data().toString(), QString());
    f.doc.undoStack().redo();
    QCOMPARE(s7.data().toString(), QStringLiteral("B"));
}

void TestApplicationsTreeModel::catalogViewSortsAndSelects()
{
    // The catalog as the user handles it: a click on a column title sorts,
    // a second click reverses; rows picked with the mouse are what is dragged.
    Fixture f(QStringLiteral("A{G:s3}"));
    QTableView view;
    setUpCatalogView(view, f.filter);
    view.resize(900, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QHeaderView *header = view.horizontalHeader();
    const auto clickHeader = [&](int column) {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2, header->height() / 2));
    };
    clickHeader(CatalogTableModel::Application);
    QCOMPARE(f.filter.sortColumn(), int(CatalogTableModel::Application));
    const Qt::SortOrder first = f.filter.sortOrder();
    QCOMPARE(f.filter.index(first == Qt::AscendingOrder ? f.filter.rowCount() - 1 : 0, 0).data(CatalogTableModel::ServerIdRole).toString(),
             QStringLiteral("s3"));
    clickHeader(CatalogTableModel::Application);
    QVERIFY(f.filter.sortOrder() != first);
    clickHeader(CatalogTableModel::ServerId);
    QCOMPARE(f.filter.sortColumn(), int(CatalogTableModel::ServerId));

    // Pick srv rows with the mouse: a click, then a Ctrl+click.
    f.filter.setFilterText(QStringLiteral("s1"));  // s1, s10..s19
    QCOMPARE(f.filter.rowCount(), 11);
    const auto clickRow = [&](const char *id, Qt::KeyboardModifiers modifiers) {
        const QRect rect = view.visualRect(f.catalogIndex(id, CatalogTableModel::Path));
        QVERIFY(rect.isValid());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, modifiers, rect.center());
    };
    clickRow("s14", {});
    clickRow("s11", Qt::ControlModifier);
    QCOMPARE(view.selectionModel()->selectedRows().size(), 2);
    std::unique_ptr<QMimeData> data(f.filter.mimeData(view.selectionModel()->selectedIndexes()));
    QVERIFY(data);
    QVERIFY(serverIdsFrom(*data) == (std::vector<std::string>{"s11", "s14"}));
    // Narrowing the filter keeps the picked rows that are still shown.
    f.filter.setFilterText(QStringLiteral("s14"));
    QCOMPARE(view.selectionModel()->selectedRows().size(), 1);
    QCOMPARE(view.selectionModel()->selectedRows().constFirst().data(CatalogTableModel::ServerIdRole).toString(),
             QStringLiteral("s14"));
}

QTEST_MAIN(TestApplicationsTreeModel)
#include "tst_applicationstreemodel.moc"
