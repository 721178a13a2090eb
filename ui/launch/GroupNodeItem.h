#pragma once
// GroupNodeItem: one server group in the launch graph, a rounded box with
// its name, its server count and its launch order in the corner. Two marks
// ride on it as child items so that each has its own tooltip: the connector
// dot on the right (drag it onto another group to make that one launch
// after this one) and, when the plan's checks warn about the group, a badge.
//
// The box is cached as a pixmap (DeviceCoordinateCache): a drag in a large
// graph then moves pixmaps instead of laying out text again.

#include "ui/launch/LaunchGraphFacts.h"

#include <QGraphicsItem>

#include <vector>

class QGraphicsEllipseItem;
class QGraphicsSimpleTextItem;

namespace sms::ui {

class DependencyEdgeItem;

class GroupNodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    static constexpr QSizeF kSize{124, 52};
    static constexpr double kConnectorRadius = 6;

    explicit GroupNodeItem(GroupNodeFacts facts);

    int type() const override { return Type; }
    models::PlanKey key() const { return m_facts.key; }
    const GroupNodeFacts &facts() const { return m_facts; }
    void setFacts(GroupNodeFacts facts);

    // Edges in or out, which follow the box as it moves.
    void addEdge(DependencyEdgeItem *edge) { m_edges.push_back(edge); }
    const std::vector<DependencyEdgeItem *> &edges() const { return m_edges; }
    void clearEdges() { m_edges.clear(); }

    // Where an edge leaves (past the connector dot) or arrives (left side), in the scene.
    QPointF outPoint() const { return scenePos() + QPointF(kSize.width() / 2 + kConnectorRadius, 0); }
    QPointF inPoint() const { return scenePos() - QPointF(kSize.width() / 2, 0); }
    // Whether `scenePoint` is on the connector dot.
    bool onConnector(const QPointF &scenePoint) const;
    // Colours again from the scene's palette (it changed).
    void applyPalette();
    // Tooltips in the current language.
    void retranslate();

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void updateBadge();

    GroupNodeFacts m_facts;
    std::vector<DependencyEdgeItem *> m_edges;
    QGraphicsEllipseItem *m_connector;
    QGraphicsEllipseItem *m_badge;
    QGraphicsSimpleTextItem *m_badgeMark;
};

} // namespace sms::ui
