// The launch graph's edits through PlanEditor: each one undo step that
// keeps the launch orders in step with the dependencies, refuses a cycle by
// naming it, infers dependencies from bare orders (and says so), and keeps
// the graphs clean when groups are deleted or moved to another application.
// Every step is undone and redone, as a user does.

#include "PlanFixtures.h"

#include "models/LaunchGraph.h"
#include "models/PlanEditor.h"

#include <QSignalSpy>
#include <QTest>

using namespace sms::models;
using namespace sms::models::testing;

namespace {

// Shop{db, app, web} (keys 2, 3, 4) and Intranet{all} (key 6).
struct Fixture
{
    PlanDocument document;
    PlanEditor editor{document};

    Fixture() { document.reset(planFrom(QStringLiteral("Shop{db:s1;app:s2;web:s3} | Intranet{all:s4}"), servers(1, 4))); }

    const PlanServerGroup &group(PlanKey key) const
    {
        const PlanPosition at = document.positionOf(key);
        return document.group(at.application, at.group);
    }
    std::vector<std::optional<int>> orders() const
    {
        std::vector<std::optional<int>> out;
        for (const PlanServerGroup &g : document.application(0).serverGroups)
            out.push_back(g.launchOrder);
        return out;
    }
};

using Orders = std::vector<std::optional<int>>;

} // namespace

class TestLaunchGraphCommands : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void threeTiersAndACycleRefused()
    {
        Fixture f;
        QVERIFY(f.editor.addLaunchDependency(2, 3).isEmpty());  // db before app
        QVERIFY(f.editor.addLaunchDependency(3, 4).isEmpty());  // app before web
        QCOMPARE(f.orders(), (Orders{1, 2, 3}));
        QCOMPARE(f.document.undoStack().count(), 2);

        // web before db would close db → app → web: refused, named, nothing changed.
        const QString refusal = f.editor.addLaunchDependency(4, 2);
        QCOMPARE(refusal, QStringLiteral("“web” cannot launch before “db”: that would make a cycle, web → db → app → web."));
        QCOMPARE(f.document.undoStack().count(), 2);
        QVERIFY(f.editor.addLaunchDependency(2, 6).contains(QStringLiteral("own application")));
        QVERIFY(f.editor.addLaunchDependency(2, 3).isEmpty());  // already there: no step
        QCOMPARE(f.document.undoStack().count(), 2);

        // db before web too changes no order (web waits for app, later); undo and redo each step.
        QVERIFY(f.editor.addLaunchDependency(2, 4).isEmpty());
        QCOMPARE(f.group(4).launchAfter, (std::vector<PlanKey>{3, 2}));
        f.document.undoStack().undo();
        QCOMPARE(f.group(4).launchAfter, std::vector<PlanKey>{3});
        f.document.undoStack().undo();
        QCOMPARE(f.orders(), (Orders{1, 2, 1}));
        f.document.undoStack().undo();
        QCOMPARE(f.orders(), (Orders{std::nullopt, std::nullopt, std::nullopt}));  // as it was: SMS's to choose
        QVERIFY(!hasDependencies(f.document.application(0).serverGroups));
        f.document.undoStack().redo();
        f.document.undoStack().redo();
        QCOMPARE(f.orders(), (Orders{1, 2, 3}));
    }

    void removeDependencies()
    {
        Fixture f;
        f.editor.addLaunchDependency(2, 3);
        f.editor.addLaunchDependency(3, 4);
        f.editor.removeLaunchDependencies({{3, 4}, {2, 4}});  // the second is none: ignored
        QCOMPARE(f.document.undoStack().count(), 3);
        QVERIFY(f.group(4).launchAfter.empty());
        QCOMPARE(f.orders(), (Orders{1, 2, 1}));  // web now launches with db
        f.editor.removeLaunchDependencies({{3, 4}});
        QCOMPARE(f.document.undoStack().count(), 3);  // nothing left to remove: no step
        // The last one gone, every group launches first, together, as the graph says.
        f.editor.removeLaunchDependencies({{2, 3}});
        QCOMPARE(f.orders(), (Orders{1, 1, 1}));
        QVERIFY(!hasDependencies(f.document.application(0).serverGroups));
        f.document.undoStack().undo();
        f.document.undoStack().undo();
        QCOMPARE(f.orders(), (Orders{1, 2, 3}));
    }

    // Orders from an endpoint become dependencies at the first edit, in the same step, and the user is told.
    void inferredFromOrdersAtTheFirstEdit()
    {
        Fixture f;
        f.editor.editApplicationSettings(1, {}, {1, 2, 2});
        QSignalSpy notice(&f.editor, &PlanEditor::notice);
        const int steps = f.document.undoStack().count();
        QVERIFY(f.editor.addLaunchDependency(3, 4).isEmpty());  // app before web
        QCOMPARE(notice.count(), 1);
        QVERIFY(notice.first().first().toString().contains(QStringLiteral("launch orders")));
        QCOMPARE(f.group(3).launchAfter, std::vector<PlanKey>{2});
        QCOMPARE(f.group(4).launchAfter, (std::vector<PlanKey>{2, 3}));
        QCOMPARE(f.orders(), (Orders{1, 2, 3}));
        QCOMPARE(f.document.undoStack().count(), steps + 1);
        f.document.undoStack().undo();
        QCOMPARE(f.orders(), (Orders{1, 2, 2}));
        QVERIFY(!hasDependencies(f.document.application(0).serverGroups));
    }

    // A deleted group, or one moved to another application, leaves the graph, in the same step.
    void deletedAndMovedGroupsLeaveTheGraph()
    {
        Fixture f;
        f.editor.addLaunchDependency(2, 3);
        f.editor.addLaunchDependency(3, 4);
        f.editor.deleteItems({3}, {});  // app: web now waits for db, as app did
        QCOMPARE(f.group(4).launchAfter, std::vector<PlanKey>{2});
        QCOMPARE(f.orders(), (Orders{1, 2}));
        QVERIFY(findCycle(f.document.application(0).serverGroups).empty());
        f.document.undoStack().undo();
        QCOMPARE(f.group(4).launchAfter, std::vector<PlanKey>{3});
        QCOMPARE(f.orders(), (Orders{1, 2, 3}));

        f.editor.moveGroups({3}, 5);  // app to Intranet: Shop keeps db → web, app has none there
        QCOMPARE(f.group(4).launchAfter, std::vector<PlanKey>{2});
        QVERIFY(f.group(3).launchAfter.empty());
        QCOMPARE(f.document.positionOf(3).application, 1);
        f.document.undoStack().undo();
        QCOMPARE(f.group(4).launchAfter, std::vector<PlanKey>{3});
        f.editor.moveGroups({4}, 5);  // web to Intranet
        QVERIFY(f.group(4).launchAfter.empty());
        QCOMPARE(f.document.positionOf(4).application, 1);
        f.document.undoStack().undo();
        QCOMPARE(f.group(4).launchAfter, std::vector<PlanKey>{3});
        f.editor.moveGroups({4}, 1, 0);  // within Shop: kept
        QCOMPARE(f.group(4).launchAfter, std::vector<PlanKey>{3});
    }

    void pinnedWhereDropped()
    {
        Fixture f;
        f.editor.pinGroups({{2, GraphPoint{10, 20}}, {3, GraphPoint{170, -35}}});
        QCOMPARE(f.document.undoStack().count(), 1);
        QCOMPARE(f.group(3).pinnedAt, std::optional(GraphPoint{170, -35}));
        f.editor.pinGroups({{2, GraphPoint{10, 20}}});  // where it is: no step
        QCOMPARE(f.document.undoStack().count(), 1);
        f.editor.pinGroups({{2, std::nullopt}});  // laid out again
        QVERIFY(!f.group(2).pinnedAt);
        QCOMPARE(f.document.undoStack().undoText(), QStringLiteral("Lay out 1 server group(s) again"));
        f.document.undoStack().undo();
        f.document.undoStack().undo();
        QVERIFY(!f.group(2).pinnedAt && !f.group(3).pinnedAt);
    }
};

QTEST_GUILESS_MAIN(TestLaunchGraphCommands)
#include "tst_launchgraphcommands.moc"
