#include "ui/launch/DependencyEdgeItem.h"

#include "ui/launch/GroupNodeItem.h"
#include "ui/launch/LaunchGraphScene.h"
#include "ui/launch/LaunchGraphText.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QPainterPathStroker>
#include <QStyleOptionGraphicsItem>

#include <algorithm>
#include <cmath>

namespace sms::ui {
namespace {

constexpr double kHeadLength = 9;
constexpr double kHeadHalfWidth = 4.5;
constexpr double kHitWidth = 8;  // the band around the line that a click selects
// Below this scale a big graph's arrows are hairlines a few pixels long:
// drawn without antialiasing, where nobody can tell, a frame of 1,000 of
// them at Fit stays within 16 ms (bench/launch-graph).
constexpr double kSmoothFromScale = 0.6;

} // namespace

QPainterPath dependencyPath(const QPointF &from, const QPointF &to)
{
    // Control points pulled out horizontally, further for a longer edge, so a
    // backwards edge (a pinned box left of its predecessor) still reads.
    const double pull = std::max(30.0, std::abs(to.x() - from.x()) / 2);
    QPainterPath path(from);
    const QPointF end = to - QPointF(kHeadLength, 0);
    path.cubicTo(from + QPointF(pull, 0), end - QPointF(pull, 0), end);
    return path;
}

QPolygonF arrowHead(const QPointF &to)
{
    return QPolygonF{{to, to - QPointF(kHeadLength, kHeadHalfWidth), to - QPointF(kHeadLength, -kHeadHalfWidth)}};
}

DependencyEdgeItem::DependencyEdgeItem(GroupNodeItem *before, GroupNodeItem *after, bool inferred)
    : m_before(before)
    , m_after(after)
    , m_inferred(inferred)
{
    setFlag(ItemIsSelectable, !inferred);
    setAcceptHoverEvents(false);
    m_before->addEdge(this);
    m_after->addEdge(this);
    adjust();
    retranslate();
}

void DependencyEdgeItem::retranslate()
{
    const QString before = m_before->facts().name;
    const QString after = m_after->facts().name;
    setToolTip(m_inferred ? LaunchGraphText::tr("%1 launches before %2, as their launch orders say. Draw a dependency"
                                                " to make the orders follow the graph.")
                                .arg(before, after)
                          : LaunchGraphText::tr("%1 launches before %2. Select the arrow and press Delete to remove it.")
                                .arg(before, after));
}

void DependencyEdgeItem::adjust()
{
    prepareGeometryChange();
    const QPointF to = m_after->inPoint();
    m_path = dependencyPath(m_before->outPoint(), to);
    m_head = arrowHead(to);
    m_shape = QPainterPath();
}

QRectF DependencyEdgeItem::boundingRect() const
{
    const double margin = kHitWidth / 2 + 1;
    return m_path.boundingRect().united(m_head.boundingRect()).adjusted(-margin, -margin, margin, margin);
}

QPainterPath DependencyEdgeItem::shape() const
{
    if (m_shape.isEmpty()) {
        QPainterPathStroker stroker;
        stroker.setWidth(kHitWidth);
        m_shape = stroker.createStroke(m_path);
        m_shape.addPolygon(m_head);
    }
    return m_shape;
}

void DependencyEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    auto *graph = static_cast<const LaunchGraphScene *>(scene());
    if (graph->isInStillLayer(this, widget))
        return;
    const QPalette palette = scene()->palette();
    const bool selected = option->state & QStyle::State_Selected;
    const QColor colour = palette.color(selected ? QPalette::Highlight : QPalette::Text);
    painter->setRenderHint(QPainter::Antialiasing,
                           option->levelOfDetailFromTransform(painter->worldTransform()) >= kSmoothFromScale);
    // A cosmetic pen of 1 pixel takes the raster engine's fast stroker: a
    // thicker one strokes each curve into a polygon first, which made a
    // frame of a 1,000-arrow graph several times slower (bench/launch-graph).
    QPen pen(colour, selected ? 2.5 : 1);
    pen.setCosmetic(!selected);
    if (m_inferred)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
    painter->setPen(Qt::NoPen);
    painter->setBrush(colour);
    painter->drawPolygon(m_head);
}

} // namespace sms::ui
