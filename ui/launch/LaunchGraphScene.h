#pragma once
// LaunchGraphScene: the launch graph of one application as graphics items,
// and the gestures that edit it. It follows the plan document (changes are
// gathered and applied once the event loop runs, so a macro of a hundred
// group changes lays the graph out once) and turns gestures into PlanEditor
// calls, each one undo step:
// - drag a box: it moves alone with its edges; on release every moved box is
//   pinned where it was dropped (pinGroups, one step per drag);
// - drag from a box's connector dot, or Shift+drag the box, onto another
//   box: "this launches before that" (addLaunchDependency), or refused();
// - Delete: the selected arrows' dependencies and the selected groups go in
//   one macro, arrows first (so a deleted group does not bridge them over);
// - F2 asks the view to rename the selected group (renameRequested);
// - double-click a box: groupActivated (the window selects it in the tree).
// While boxes are dragged, a view may paint the bands and the arrows that stay
// put once, into its still layer (LaunchGraphView); those items then skip
// their own painting in that view, so a frame costs what moves.

#include "models/PlanEditor.h"
#include "ui/launch/LaunchGraphFacts.h"

#include <QGraphicsScene>
#include <QSet>

#include <unordered_map>
#include <vector>

class QGraphicsPathItem;

namespace sms::ui {

class DependencyEdgeItem;
class GroupNodeItem;
class LaunchBandsItem;

class LaunchGraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit LaunchGraphScene(models::PlanEditor &editor, QObject *parent = nullptr);

    // kNoKey, or a key that is no application, shows nothing.
    void setApplication(models::PlanKey application);
    models::PlanKey application() const { return m_application; }
    // Whether the application is in the plan: its name, for the empty state.
    bool hasApplication() const;
    QString applicationName() const;

    // Brings the items in line with the plan now, rather than when the event
    // loop next runs.
    void refreshNow();
    // The plan checks' warnings to show as badges (PlanChecker::checked).
    void setIssues(const std::vector<models::PlanIssue> &issues);

    const std::vector<GroupNodeItem *> &nodes() const { return m_nodes; }
    GroupNodeItem *node(models::PlanKey group) const;
    DependencyEdgeItem *edge(models::PlanKey before, models::PlanKey after) const;
    int bandCount() const;
    // The groups' and arrows' extent, for Fit and export.
    QRectF graphRect() const;

    std::vector<models::PlanKey> selectedGroups() const;
    // Selects that group's box alone (no groupSelected()).
    void selectGroup(models::PlanKey group);

    // What the gestures do, callable from menus and tests.
    QString connectGroups(models::PlanKey before, models::PlanKey after);
    void deleteSelection();
    // A blank or unchanged name changes nothing.
    void renameGroup(models::PlanKey group, const QString &name);
    // Unpins every group of the application: the layout places them all again.
    void layOutAgain();
    void retranslate();

    // Whether boxes are being dragged: from the press on one to the release.
    bool isDraggingBoxes() const { return !m_dragStart.empty(); }
    // Paints, in scene coordinates, what stays put during the drag within
    // `rect`: the bands and the arrows of boxes that do not move.
    void paintStill(QPainter *painter, const QRectF &rect) const;
    // `viewport` now shows the still layer painted last (nullptr: none does).
    // It is forgotten when the drag ends.
    void setStillViewport(const QWidget *viewport) { m_stillViewport = viewport; }
    const QWidget *stillViewport() const { return m_stillViewport; }
    // For the items' paint(): whether `item` is in the still layer of the
    // `widget` being painted, and so must not paint itself there.
    bool isInStillLayer(const QGraphicsItem *item, const QWidget *widget) const
    {
        return widget && widget == m_stillViewport && !m_movingItems.contains(item);
    }

Q_SIGNALS:
    void refused(const QString &why);
    void groupActivated(sms::models::PlanKey group);
    // The user selected exactly one box.
    void groupSelected(sms::models::PlanKey group);
    void renameRequested(sms::models::PlanKey group);
    // Rebuilt: boxes may have come or gone, the application may be gone.
    void contentChanged();

protected:
    bool event(QEvent *event) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void watchDocument();
    void scheduleRefresh();
    void rebuild();
    void clearGraph();
    void cancelGesture();
    GroupNodeItem *nodeAt(const QPointF &scenePoint) const;
    void finishConnecting(const QPointF &scenePoint);
    void pinMovedNodes();
    void endDrag();

    models::PlanEditor &m_editor;
    models::PlanKey m_application = models::kNoKey;
    GroupWarnings m_warnings;
    bool m_refreshPending = false;
    bool m_selecting = false;  // selection changed by the scene itself, not the user
    LaunchBandsItem *m_bands;
    std::vector<GroupNodeItem *> m_nodes;
    std::unordered_map<models::PlanKey, GroupNodeItem *> m_nodeByKey;
    std::vector<DependencyEdgeItem *> m_edges;
    // During a connect gesture: where it started and the line that follows the mouse.
    GroupNodeItem *m_connectFrom = nullptr;
    QGraphicsPathItem *m_connectLine = nullptr;
    // During a drag: where each selected box was when it started, and the
    // arrows that move with them.
    std::vector<std::pair<GroupNodeItem *, QPointF>> m_dragStart;
    QSet<const QGraphicsItem *> m_movingItems;
    const QWidget *m_stillViewport = nullptr;
};

} // namespace sms::ui
