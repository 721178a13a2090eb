#pragma once
// DependencyEdgeItem: the arrow "`before` launches before `after`" between two
// group boxes, from the right side of one to the left side of the other. It
// is selectable (Delete removes the dependency), except when it is only
// inferred from bare launch orders: then it is dashed and not the plan's yet.

#include "models/PlanTypes.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace sms::ui {

class GroupNodeItem;

class DependencyEdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    DependencyEdgeItem(GroupNodeItem *before, GroupNodeItem *after, bool inferred);

    int type() const override { return Type; }
    GroupNodeItem *before() const { return m_before; }
    GroupNodeItem *after() const { return m_after; }
    bool isInferred() const { return m_inferred; }
    // The path again from where its boxes are now.
    void adjust();
    // Its tooltip in the current language.
    void retranslate();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    GroupNodeItem *m_before;
    GroupNodeItem *m_after;
    bool m_inferred;
    QPainterPath m_path;
    QPolygonF m_head;
    mutable QPainterPath m_shape;  // made when first asked for: most edges are never hit-tested
};

// The arrow from `from` to `to`: a curve leaving and arriving horizontally,
// and its head at `to`. Also drawn while the user drags out a new dependency.
QPainterPath dependencyPath(const QPointF &from, const QPointF &to);
QPolygonF arrowHead(const QPointF &to);

} // namespace sms::ui
