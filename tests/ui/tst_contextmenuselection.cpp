// A right-click in the Catalog and Applications panes acts on the row under
// the pointer: an unselected row is selected alone before the menu opens, a
// selected one keeps the whole selection (and becomes current).

#include "models/ApplicationsTreeModel.h"
#include "models/PlanEditor.h"
#include "tests/models/PlanFixtures.h"
#include "ui/ApplicationsPane.h"
#include "ui/CatalogPane.h"

#include <QContextMenuEvent>
#include <QTableView>
#include <QTest>
#include <QTreeView>

#include <memory>
#include <tuple>

using namespace sms;

namespace {

QList<int> selectedRows(const QAbstractItemView &view)
{
    QList<int> rows;
    for (const QModelIndex &index : view.selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

// A right-click as a platform delivers it: the press (X11, Wayland), then
// the menu event; or the menu event alone (a pen's or a touchpad's menu
// gesture, a press the view did not take).
void rightClick(QAbstractItemView *view, int row, bool press, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex index = view->model()->index(row, 0);
    const QPoint at = row < 0 ? QPoint(10, view->viewport()->height() - 5) : view->visualRect(index).center();
    if (press)
        QTest::mousePress(view->viewport(), Qt::RightButton, modifiers, at);
    QContextMenuEvent event(QContextMenuEvent::Mouse, at, view->viewport()->mapToGlobal(at), modifiers);
    QCoreApplication::sendEvent(view->viewport(), &event);
    if (press)
        QTest::mouseRelease(view->viewport(), Qt::RightButton, modifiers, at);
}

} // namespace

class TestContextMenuSelection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rightClickSelects_data();
    void rightClickSelects();
};

void TestContextMenuSelection::rightClickSelects_data()
{
    QTest::addColumn<bool>("catalog");
    QTest::addColumn<QList<int>>("before");
    QTest::addColumn<int>("clicked");  // -1: empty space below the rows
    QTest::addColumn<QList<int>>("after");
    QTest::addColumn<bool>("press");
    QTest::addColumn<Qt::KeyboardModifiers>("modifiers");
    const std::tuple<const char *, bool, Qt::KeyboardModifiers> ways[] = {
        {"press", true, Qt::NoModifier}, {"ctrl", true, Qt::ControlModifier}, {"menu event", false, Qt::NoModifier}};
    for (bool catalog : {true, false}) {
        for (const auto &[way, press, modifiers] : ways) {
            const char *pane = catalog ? "catalog" : "applications";
            const auto row = [&](const char *what) -> QTestData & { return QTest::addRow("%s, %s: %s", pane, way, what) << catalog; };
            row("unselected row, nothing selected") << QList<int>{} << 1 << QList<int>{1} << press << modifiers;
            row("unselected row, others selected") << QList<int>{0, 2} << 1 << QList<int>{1} << press << modifiers;
            row("selected row keeps the selection") << QList<int>{0, 1, 2} << 1 << QList<int>{0, 1, 2} << press
                                                    << modifiers;
            // Qt clears the selection on a plain press on empty space.
            const QList<int> emptySpace = press && modifiers == Qt::NoModifier ? QList<int>{} : QList<int>{0, 2};
            row("empty space") << QList<int>{0, 2} << -1 << emptySpace << press << modifiers;
        }
    }
}

void TestContextMenuSelection::rightClickSelects()
{
    QFETCH(bool, catalog);
    QFETCH(QList<int>, before);
    QFETCH(int, clicked);
    QFETCH(QList<int>, after);
    QFETCH(bool, press);
    QFETCH(Qt::KeyboardModifiers, modifiers);
    models::PlanDocument document;
    document.reset(models::testing::planFrom(QStringLiteral("A{G:s1} | B{G2:s2} | C{G3:s3}"),
                                             models::testing::servers(1, 5)));
    models::PlanEditor editor(document);
    models::CatalogTableModel table(document);
    models::ApplicationsTreeModel tree(editor);
    std::unique_ptr<QWidget> pane;
    QAbstractItemView *view = nullptr;
    if (catalog) {
        auto *catalogPane = new ui::CatalogPane(table);
        view = catalogPane->view();
        pane.reset(catalogPane);
    } else {
        auto *applicationsPane = new ui::ApplicationsPane(tree);
        view = applicationsPane->view();
        pane.reset(applicationsPane);
    }
    pane->resize(700, 400);
    pane->show();
    QVERIFY(QTest::qWaitForWindowExposed(pane.get()));
    if (!catalog)
        qobject_cast<QTreeView *>(view)->collapseAll();  // top-level rows only: A, B, C
    for (int row : before)
        view->selectionModel()->select(view->model()->index(row, 0),
                                       QItemSelectionModel::Select | QItemSelectionModel::Rows);
    rightClick(view, clicked, press, modifiers);
    QCOMPARE(selectedRows(*view), after);
    if (clicked >= 0)
        QCOMPARE(view->currentIndex().row(), clicked);
}

QTEST_MAIN(TestContextMenuSelection)
#include "tst_contextmenuselection.moc"
