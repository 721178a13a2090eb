// The launch graph editor (ui/launch/) on a three-group application: the
// gestures go through real mouse and key events on the view's viewport, and
// every edit is checked in the plan and on the undo stack.

#include "ui/launch/DependencyEdgeItem.h"
#include "ui/launch/GroupNameEdit.h"
#include "ui/launch/GroupNodeItem.h"
#include "ui/launch/LaunchGraphPane.h"
#include "ui/launch/LaunchGraphScene.h"
#include "ui/launch/LaunchGraphView.h"

#include "models/LaunchGraph.h"
#include "models/PlanEditor.h"
#include "models/PlanValidation.h"
#include "tests/models/PlanFixtures.h"

#include <QAction>
#include <QFileInfo>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using sms::models::PlanKey;
using sms::ui::GroupNodeItem;
using sms::ui::LaunchGraphPane;

namespace {

// Keys of planFrom("Shop{db:s1;app:s2;web:s3} | Other{}").
constexpr PlanKey kShop = 1;
constexpr PlanKey kDb = 2;
constexpr PlanKey kApp = 3;
constexpr PlanKey kWeb = 4;
constexpr PlanKey kOther = 5;

PlanKey keyOf(const QString &name)
{
    static const std::map<QString, PlanKey> keys{
        {QStringLiteral("db"), kDb}, {QStringLiteral("app"), kApp}, {QStringLiteral("web"), kWeb}};
    return keys.at(name);
}

// Everything one test needs, shown so that the viewport takes mouse events.
struct Fixture
{
    Fixture()
        : editor(document)
        , pane(editor)
    {
        document.reset(sms::models::testing::planFrom(QStringLiteral("Shop{db:s1;app:s2;web:s3} | Other{}"),
                                                      sms::models::testing::servers(1, 3)));
        pane.resize(1000, 700);
        pane.show();
        pane.showSelection(kShop, sms::models::kNoKey);
    }

    sms::ui::LaunchGraphScene &scene() { return *pane.scene(); }
    sms::ui::LaunchGraphView &view() { return *pane.view(); }
    QWidget *viewport() { return pane.view()->viewport(); }
    GroupNodeItem *node(PlanKey key)
    {
        scene().refreshNow();
        return scene().node(key);
    }
    QPoint centreOf(PlanKey key) { return view().mapFromScene(node(key)->scenePos()); }
    QPoint dotOf(PlanKey key) { return view().mapFromScene(node(key)->outPoint()); }
    const sms::models::PlanServerGroup &group(PlanKey key)
    {
        const auto at = document.positionOf(key);
        return document.group(at.application, at.group);
    }

    // A left-button drag in a few steps, as a hand makes it.
    void drag(const QPoint &from, const QPoint &to, Qt::KeyboardModifiers modifiers = {})
    {
        QTest::mousePress(viewport(), Qt::LeftButton, modifiers, from);
        for (int step = 1; step <= 4; ++step)
            QTest::mouseMove(viewport(), from + (to - from) * step / 4);
        QTest::mouseRelease(viewport(), Qt::LeftButton, modifiers, to);
        scene().refreshNow();
    }
    // "db>app": drawn from db's dot (or with Shift from its box) onto app.
    void connect(const QString &edge, bool withShift = false)
    {
        const PlanKey before = keyOf(edge.section(QLatin1Char('>'), 0, 0));
        const PlanKey after = keyOf(edge.section(QLatin1Char('>'), 1, 1));
        if (withShift)
            drag(centreOf(before), centreOf(after), Qt::ShiftModifier);
        else
            drag(dotOf(before), centreOf(after));
    }
    QString orders()
    {
        QStringList texts;
        for (const PlanKey key : {kDb, kApp, kWeb})
            texts << node(key)->facts().name + QLatin1Char('=') + QString::number(node(key)->facts().launchOrder);
        return texts.join(QLatin1Char(','));
    }

    sms::models::PlanDocument document;
    sms::models::PlanEditor editor;
    LaunchGraphPane pane;
};

} // namespace

class TestLaunchGraphEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nodesPerGroup();
    void connectGesture_data();
    void connectGesture();
    void cycleRefusedInWords();
    void deleteSelectedEdge();
    void deleteEdgeAndGroupInOneStep();
    void dragPinsInOneStep();
    void dragPaintsFromTheStillLayer();
    void rename_data();
    void rename();
    void selectionBothWays();
    void badgesFollowTheChecks();
    void exportWritesAFile_data();
    void exportWritesAFile();
    void fitShowsEveryBox();
    void layOutAgainUnpins();
    void wheelZoomIsBounded();
    void rubberBandSelects();
    void middleButtonPans();
    void emptyStates();
};

void TestLaunchGraphEditor::nodesPerGroup()
{
    Fixture f;
    QCOMPARE(f.scene().nodes().size(), std::size_t(3));
    QCOMPARE(f.node(kDb)->facts().name, QStringLiteral("db"));
    QCOMPARE(f.node(kDb)->facts().serverCount, 1);
    QCOMPARE(f.orders(), QStringLiteral("db=1,app=1,web=1"));
    QCOMPARE(f.scene().bandCount(), 1);
    QVERIFY(f.pane.emptyText().isEmpty());
}

void TestLaunchGraphEditor::connectGesture_data()
{
    QTest::addColumn<QStringList>("edges");
    QTest::addColumn<bool>("withShift");
    QTest::addColumn<QString>("orders");
    QTest::addColumn<int>("bands");

    QTest::addRow("one, from the dot") << QStringList{QStringLiteral("db>app")} << false << QStringLiteral("db=1,app=2,web=1") << 2;
    QTest::addRow("one, Shift+drag") << QStringList{QStringLiteral("db>app")} << true << QStringLiteral("db=1,app=2,web=1") << 2;
    QTest::addRow("three tiers") << QStringList{QStringLiteral("db>app"), QStringLiteral("app>web")} << false << QStringLiteral("db=1,app=2,web=3") << 3;
    QTest::addRow("two before one") << QStringList{QStringLiteral("db>web"), QStringLiteral("app>web")} << false << QStringLiteral("db=1,app=1,web=2") << 2;
    QTest::addRow("onto itself: nothing") << QStringList{QStringLiteral("db>db")} << false << QStringLiteral("db=1,app=1,web=1") << 1;
}

void TestLaunchGraphEditor::connectGesture()
{
    QFETCH(QStringList, edges);
    QFETCH(bool, withShift);
    QFETCH(QString, orders);
    QFETCH(int, bands);
    Fixture f;
    QSignalSpy refused(f.pane.scene(), &sms::ui::LaunchGraphScene::refused);
    for (const QString &edge : edges)
        f.connect(edge, withShift);
    QCOMPARE(f.orders(), orders);
    QCOMPARE(f.scene().bandCount(), bands);
    QCOMPARE(refused.count(), 0);
    // Each edge drawn is one undo step; nothing moved.
    const int drawn = int(std::count_if(edges.begin(), edges.end(), [](const QString &e) {
        return e.section(QLatin1Char('>'), 0, 0) != e.section(QLatin1Char('>'), 1, 1);
    }));
    QCOMPARE(f.document.undoStack().count(), drawn);
    for (const PlanKey key : {kDb, kApp, kWeb})
        QVERIFY(!f.group(key).pinnedAt);
    // The plan's launch orders follow (what the tree and Properties show).
    if (drawn > 0)
        QCOMPARE(f.group(keyOf(edges.last().section(QLatin1Char('>'), 1, 1))).launchOrder,
                 std::optional<int>(f.node(keyOf(edges.last().section(QLatin1Char('>'), 1, 1)))->facts().launchOrder));
}

void TestLaunchGraphEditor::cycleRefusedInWords()
{
    Fixture f;
    f.connect(QStringLiteral("db>app"));
    f.connect(QStringLiteral("app>web"));
    QSignalSpy refused(f.pane.scene(), &sms::ui::LaunchGraphScene::refused);
    QSignalSpy message(&f.pane, &LaunchGraphPane::message);
    const auto &groups = f.document.application(0).serverGroups;
    const QString cycle = QString::fromStdString(
        sms::models::cycleText(groups, sms::models::cycleClosedBy(groups, kWeb, kDb)));
    f.connect(QStringLiteral("web>db"));
    QCOMPARE(refused.count(), 1);
    QVERIFY2(refused.first().first().toString().contains(cycle), qPrintable(refused.first().first().toString()));
    QCOMPARE(message.count(), 1);
    QVERIFY(f.pane.hintText().contains(cycle));
    QCOMPARE(f.document.undoStack().count(), 2);  // nothing added
    QCOMPARE(f.orders(), QStringLiteral("db=1,app=2,web=3"));
}

void TestLaunchGraphEditor::deleteSelectedEdge()
{
    Fixture f;
    f.connect(QStringLiteral("db>app"));
    f.connect(QStringLiteral("app>web"));
    QVERIFY(f.scene().edge(kDb, kApp));
    // The curve's middle, where a click lands on it.
    const QPointF onCurve = sms::ui::dependencyPath(f.node(kDb)->outPoint(), f.node(kApp)->inPoint()).pointAtPercent(0.5);
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, f.view().mapFromScene(onCurve));
    QVERIFY(f.scene().edge(kDb, kApp)->isSelected());
    QTest::keyClick(&f.view(), Qt::Key_Delete);
    f.scene().refreshNow();
    QVERIFY(!f.scene().edge(kDb, kApp));
    QVERIFY(f.group(kApp).launchAfter.empty());
    QCOMPARE(f.orders(), QStringLiteral("db=1,app=1,web=2"));
    QCOMPARE(f.document.undoStack().count(), 3);
    f.document.undoStack().undo();
    f.scene().refreshNow();
    QVERIFY(f.scene().edge(kDb, kApp));
    QCOMPARE(f.orders(), QStringLiteral("db=1,app=2,web=3"));
}

void TestLaunchGraphEditor::deleteEdgeAndGroupInOneStep()
{
    Fixture f;
    f.connect(QStringLiteral("db>app"));
    f.connect(QStringLiteral("app>web"));
    const int before = f.document.undoStack().count();
    f.scene().edge(kDb, kApp)->setSelected(true);
    f.node(kWeb)->setSelected(true);
    QTest::keyClick(&f.view(), Qt::Key_Delete);
    f.scene().refreshNow();
    QCOMPARE(f.document.undoStack().count(), before + 1);
    QVERIFY(!f.node(kWeb));
    QVERIFY(f.group(kApp).launchAfter.empty());
    f.document.undoStack().undo();
    f.scene().refreshNow();
    QCOMPARE(f.orders(), QStringLiteral("db=1,app=2,web=3"));
}

void TestLaunchGraphEditor::dragPinsInOneStep()
{
    Fixture f;
    const QPointF was = f.node(kApp)->pos();
    const QPoint from = f.centreOf(kApp);
    f.drag(from, from + QPoint(40, 90));
    QCOMPARE(f.document.undoStack().count(), 1);
    QVERIFY(f.group(kApp).pinnedAt);
    const QPointF pinned(f.group(kApp).pinnedAt->x, f.group(kApp).pinnedAt->y);
    QVERIFY(pinned != was);
    QCOMPARE(f.node(kApp)->pos(), pinned);  // the layout keeps it where it was dropped
    QVERIFY(!f.group(kDb).pinnedAt);
    f.document.undoStack().undo();
    f.scene().refreshNow();
    QVERIFY(!f.group(kApp).pinnedAt);
    QCOMPARE(f.node(kApp)->pos(), was);
}

// While db is dragged, the bands and the arrow that stays put (app>web) come
// from the view's still layer, and the frame is the one every item painting
// itself would give; a zoom mid-drag drops the layer, and so does the release.
void TestLaunchGraphEditor::dragPaintsFromTheStillLayer()
{
    Fixture f;
    f.connect(QStringLiteral("db>app"));
    f.connect(QStringLiteral("app>web"));
    f.connect(QStringLiteral("db>web"));
    sms::ui::LaunchGraphScene &scene = f.scene();
    const QPoint from = f.centreOf(kDb);
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, from);
    QTest::mouseMove(f.viewport(), from + QPoint(10, 30));
    QTest::mouseMove(f.viewport(), from + QPoint(20, 60));
    QVERIFY(f.view().paintsStillLayer());
    QVERIFY(scene.isInStillLayer(scene.edge(kApp, kWeb), f.viewport()));
    QVERIFY(!scene.isInStillLayer(scene.edge(kDb, kApp), f.viewport()));
    QVERIFY(!scene.isInStillLayer(scene.edge(kDb, kApp), nullptr));  // an export paints everything
    const QImage layered = f.viewport()->grab().toImage();
    f.view().setStillLayerEnabled(false);
    QVERIFY(!f.view().paintsStillLayer());
    QVERIFY(!scene.isInStillLayer(scene.edge(kApp, kWeb), f.viewport()));
    QCOMPARE(f.viewport()->grab().toImage(), layered);
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, from + QPoint(20, 60));

    f.view().setStillLayerEnabled(true);
    const QPoint web = f.centreOf(kWeb);
    QTest::mousePress(f.viewport(), Qt::LeftButton, {}, web);
    QTest::mouseMove(f.viewport(), web + QPoint(0, 20));
    QVERIFY(f.view().paintsStillLayer());
    f.view().zoomBy(1.25, QPointF(web));
    f.viewport()->grab();
    QVERIFY(!f.view().paintsStillLayer());
    QVERIFY(!scene.isInStillLayer(scene.edge(kDb, kApp), f.viewport()));
    QTest::mouseRelease(f.viewport(), Qt::LeftButton, {}, web + QPoint(0, 20));
    QVERIFY(!scene.stillViewport());
}

void TestLaunchGraphEditor::rename_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("steps");

    QTest::addRow("Enter commits") << QStringLiteral("database") << int(Qt::Key_Return) << QStringLiteral("database") << 1;
    QTest::addRow("Escape cancels") << QStringLiteral("database") << int(Qt::Key_Escape) << QStringLiteral("db") << 0;
    QTest::addRow("blank changes nothing") << QString() << int(Qt::Key_Return) << QStringLiteral("db") << 0;
}

void TestLaunchGraphEditor::rename()
{
    QFETCH(QString, typed);
    QFETCH(int, key);
    QFETCH(QString, name);
    QFETCH(int, steps);
    Fixture f;
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, f.centreOf(kDb));
    QVERIFY(f.node(kDb)->isSelected());
    QTest::keyClick(&f.view(), Qt::Key_F2);
    sms::ui::GroupNameEdit *edit = f.view().nameEditor();
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("db"));
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, typed);
    QTest::keyClick(edit, Qt::Key(key));
    QCOMPARE(QString::fromStdString(f.group(kDb).name), name);
    QCOMPARE(f.document.undoStack().count(), steps);
    QCOMPARE(f.node(kDb)->facts().name, name);
}

void TestLaunchGraphEditor::selectionBothWays()
{
    Fixture f;
    QSignalSpy selected(&f.pane, &LaunchGraphPane::groupSelected);
    QSignalSpy activated(&f.pane, &LaunchGraphPane::groupActivated);
    QTest::mouseClick(f.viewport(), Qt::LeftButton, {}, f.centreOf(kWeb));
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().value<PlanKey>(), kWeb);
    QTest::mouseDClick(f.viewport(), Qt::LeftButton, {}, f.centreOf(kApp));
    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().value<PlanKey>(), kApp);

    // From outside: the group's node, without echoing it back.
    selected.clear();
    f.pane.showSelection(kShop, kDb);
    QCOMPARE(f.scene().selectedGroups(), std::vector<PlanKey>{kDb});
    QCOMPARE(selected.count(), 0);
    // Another application switches the scene.
    f.pane.showSelection(kOther, sms::models::kNoKey);
    QVERIFY(f.scene().nodes().empty());
    QVERIFY(f.pane.emptyText().contains(QStringLiteral("Other")));
}

void TestLaunchGraphEditor::badgesFollowTheChecks()
{
    Fixture f;
    f.editor.newGroup(kShop, "cache");  // no servers: empty-group
    f.editor.editApplicationSettings(kShop, [] {
        sms::models::ApplicationSettings settings;
        settings.autoLaunch = true;  // launched, so each server needs launch settings
        return settings;
    }(), {});
    f.pane.setIssues(sms::models::validatePlan(f.document.data()));
    f.scene().refreshNow();
    for (GroupNodeItem *node : f.scene().nodes())
        QVERIFY2(!node->facts().warnings.isEmpty(), qPrintable(node->facts().name));
    const GroupNodeItem *cache = f.scene().nodes().back();
    QVERIFY(cache->facts().warnings.join(QString()).contains(QStringLiteral("no servers")));
    QVERIFY(f.node(kDb)->facts().warnings.join(QString()).contains(QStringLiteral("instanceType")));
}

void TestLaunchGraphEditor::exportWritesAFile_data()
{
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("start");
    QTest::addRow("png") << QStringLiteral("png") << QByteArray("\x89PNG");
    QTest::addRow("svg") << QStringLiteral("svg") << QByteArray("<?xml");
}

void TestLaunchGraphEditor::exportWritesAFile()
{
    QFETCH(QString, suffix);
    QFETCH(QByteArray, start);
    Fixture f;
    f.connect(QStringLiteral("db>app"));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("graph.") + suffix);
    const QString error = suffix == QLatin1String("png") ? f.pane.exportPng(path) : f.pane.exportSvg(path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.size() > 500);
    QVERIFY(bytes.startsWith(start));
    if (suffix == QLatin1String("svg"))
        QVERIFY(bytes.contains("app"));  // the boxes' text, as text
}

void TestLaunchGraphEditor::fitShowsEveryBox()
{
    Fixture f;
    f.connect(QStringLiteral("db>app"));
    f.connect(QStringLiteral("app>web"));
    f.view().zoomBy(3, QPointF(0, 0));
    f.pane.findChild<QAction *>(QStringLiteral("launchGraphFit"))->trigger();
    const QRect visible = f.viewport()->rect();
    for (const GroupNodeItem *node : f.scene().nodes())
        QVERIFY(visible.contains(f.view().mapFromScene(node->sceneBoundingRect()).boundingRect()));
    QVERIFY(f.view().zoom() <= 1.0);
}

void TestLaunchGraphEditor::layOutAgainUnpins()
{
    Fixture f;
    const QPointF was = f.node(kWeb)->pos();
    f.drag(f.centreOf(kWeb), f.centreOf(kWeb) + QPoint(200, 120));
    f.drag(f.centreOf(kDb), f.centreOf(kDb) + QPoint(0, 150));
    QCOMPARE(f.document.undoStack().count(), 2);
    f.pane.findChild<QAction *>(QStringLiteral("launchGraphLayOutAgain"))->trigger();
    f.scene().refreshNow();
    QCOMPARE(f.document.undoStack().count(), 3);  // one step for every group
    for (const PlanKey key : {kDb, kApp, kWeb})
        QVERIFY(!f.group(key).pinnedAt);
    QCOMPARE(f.node(kWeb)->pos(), was);
}

void TestLaunchGraphEditor::wheelZoomIsBounded()
{
    Fixture f;
    const QPoint at = f.centreOf(kApp);
    const QPointF under = f.view().mapToScene(at);
    QWheelEvent in(at, f.viewport()->mapToGlobal(at), {}, QPoint(0, 120), Qt::NoButton, {}, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(f.viewport(), &in);
    QVERIFY(f.view().zoom() > 1.0);
    // The point under the cursor stays there.
    QVERIFY((f.view().mapFromScene(under) - at).manhattanLength() <= 2);
    for (int notch = 0; notch < 40; ++notch)
        QCoreApplication::sendEvent(f.viewport(), &in);
    QCOMPARE(f.view().zoom(), sms::ui::LaunchGraphView::kMaxZoom);
    QWheelEvent out(at, f.viewport()->mapToGlobal(at), {}, QPoint(0, -120), Qt::NoButton, {}, Qt::NoScrollPhase, false);
    for (int notch = 0; notch < 80; ++notch)
        QCoreApplication::sendEvent(f.viewport(), &out);
    QCOMPARE(f.view().zoom(), sms::ui::LaunchGraphView::kMinZoom);
}

void TestLaunchGraphEditor::rubberBandSelects()
{
    Fixture f;
    f.connect(QStringLiteral("db>app"));
    const int steps = f.document.undoStack().count();
    // app launches 2nd, alone in its band: a band drawn from empty space around its box selects it alone.
    const QRect app = f.view().mapFromScene(f.node(kApp)->sceneBoundingRect()).boundingRect();
    for (const PlanKey other : {kDb, kWeb})
        QVERIFY2(!app.adjusted(-12, -12, 6, 6).intersects(
                     f.view().mapFromScene(f.node(other)->sceneBoundingRect()).boundingRect()),
                 "the fixture's layout puts app apart");
    f.drag(app.topLeft() - QPoint(10, 10), app.bottomRight() + QPoint(4, 4));
    QVERIFY(f.node(kApp)->isSelected());
    QVERIFY(!f.node(kDb)->isSelected());
    QVERIFY(!f.node(kWeb)->isSelected());
    QCOMPARE(f.document.undoStack().count(), steps);  // selecting moved and pinned nothing
    for (const PlanKey key : {kDb, kApp, kWeb})
        QVERIFY(!f.group(key).pinnedAt);
}

void TestLaunchGraphEditor::middleButtonPans()
{
    Fixture f;
    f.view().zoomBy(3, QPointF(0, 0));
    const QPoint from = f.viewport()->rect().center();
    const QPoint before(f.view().horizontalScrollBar()->value(), f.view().verticalScrollBar()->value());
    const int steps = f.document.undoStack().count();
    // The middle button pans, and moves no box.
    const QPointF dbWas = f.node(kDb)->pos();
    QTest::mousePress(f.viewport(), Qt::MiddleButton, {}, from);
    for (int step = 1; step <= 4; ++step)
        QTest::mouseMove(f.viewport(), from + QPoint(-30, -20) * step);
    QTest::mouseRelease(f.viewport(), Qt::MiddleButton, {}, from + QPoint(-120, -80));
    const QPoint after(f.view().horizontalScrollBar()->value(), f.view().verticalScrollBar()->value());
    QCOMPARE(after - before, QPoint(120, 80));
    QCOMPARE(f.node(kDb)->pos(), dbWas);
    QCOMPARE(f.document.undoStack().count(), steps);
}

void TestLaunchGraphEditor::emptyStates()
{
    Fixture f;
    f.pane.showSelection(sms::models::kNoKey, sms::models::kNoKey);
    QVERIFY(f.pane.emptyText().contains(QStringLiteral("Select an application")));
    QVERIFY(!f.pane.findChild<QAction *>(QStringLiteral("launchGraphExportSvg"))->isEnabled());
    f.pane.showSelection(kOther, sms::models::kNoKey);
    QVERIFY(f.pane.emptyText().contains(QStringLiteral("no server groups")));
    // The shown application loses its groups: the empty state comes back.
    f.pane.showSelection(kShop, sms::models::kNoKey);
    QVERIFY(f.pane.emptyText().isEmpty());
    f.editor.deleteItems({kShop}, {});
    f.scene().refreshNow();
    QVERIFY(f.pane.emptyText().contains(QStringLiteral("Select an application")));
}

QTEST_MAIN(TestLaunchGraphEditor)
#include "tst_launchgrapheditor.moc"
