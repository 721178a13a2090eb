#include "ui/launch/GroupNodeItem.h"

#include "ui/launch/DependencyEdgeItem.h"
#include "ui/launch/LaunchGraphText.h"
#include "ui/monitor/StateColors.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace sms::ui {
namespace {


constexpr double kRadius = 8;
constexpr double kPadding = 8;
constexpr double kBadgeRadius = 8;
constexpr double kOrderWidth = 22;

QRectF boxRect()
{
    const QSizeF size = GroupNodeItem::kSize;
    return {-size.width() / 2, -size.height() / 2, size.width(), size.height()};
}

} // namespace

GroupNodeItem::GroupNodeItem(GroupNodeFacts facts)
    : m_facts(std::move(facts))
    , m_connector(new QGraphicsEllipseItem(this))
    , m_badge(new QGraphicsEllipseItem(this))
    , m_badgeMark(new QGraphicsSimpleTextItem(QStringLiteral("!"), m_badge))
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemIsFocusable | ItemSendsScenePositionChanges);
    setCacheMode(DeviceCoordinateCache);
    setZValue(1);
    const QRectF box = boxRect();
    m_connector->setRect(box.right() - kConnectorRadius, -kConnectorRadius, 2 * kConnectorRadius, 2 * kConnectorRadius);
    m_connector->setCursor(Qt::CrossCursor);
    m_badge->setRect(box.left() - kBadgeRadius + 2, box.top() - kBadgeRadius + 2, 2 * kBadgeRadius, 2 * kBadgeRadius);
    m_badge->setPen(Qt::NoPen);
    QFont bold = m_badgeMark->font();
    bold.setBold(true);
    m_badgeMark->setFont(bold);
    m_badgeMark->setPos(m_badge->rect().center() - m_badgeMark->boundingRect().center());
    updateBadge();
    retranslate();
}

void GroupNodeItem::setFacts(GroupNodeFacts facts)
{
    if (facts == m_facts)
        return;
    m_facts = std::move(facts);
    updateBadge();
    retranslate();
    update();
}

bool GroupNodeItem::onConnector(const QPointF &scenePoint) const
{
    // A little more than the dot, so that it is easy to catch.
    constexpr double kCatchRadius = 2 * kConnectorRadius;
    const QPointF local = mapFromScene(scenePoint) - m_connector->rect().center();
    return QPointF::dotProduct(local, local) <= kCatchRadius * kCatchRadius;
}

void GroupNodeItem::applyPalette()
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    m_connector->setBrush(palette.color(QPalette::Highlight));
    m_connector->setPen(QPen(palette.color(QPalette::Base), 1.5));
    const QColor warning = StateColors(palette).bucket(models::JobBucket::Failing);
    m_badge->setBrush(warning);
    m_badgeMark->setBrush(StateColors::textOn(warning));
    update();
}

void GroupNodeItem::retranslate()
{
    m_connector->setToolTip(LaunchGraphText::tr("Drag from this dot onto another group: that group then launches after %1.")
                                .arg(m_facts.name));
    m_badge->setToolTip(m_facts.warnings.join(QLatin1Char('\n')));
    setToolTip(LaunchGraphText::tr("%1 launches in step %2. Drag to move it; drag its dot (or Shift+drag it) onto another group"
                        " to launch that one after it; F2 renames, Delete removes.")
                   .arg(m_facts.name)
                   .arg(m_facts.launchOrder));
}

void GroupNodeItem::updateBadge()
{
    m_badge->setVisible(!m_facts.warnings.isEmpty());
}

QRectF GroupNodeItem::boundingRect() const
{
    return boxRect().adjusted(-1, -1, 1, 1);
}

void GroupNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QPalette palette = scene() ? scene()->palette() : QPalette();
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF box = boxRect();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(selected ? QPen(palette.color(QPalette::Highlight), 2.5) : QPen(palette.color(QPalette::Mid), 1));
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);

    // The launch order in the top right corner, on the colour of the bands' labels.
    const QRectF order(box.right() - kOrderWidth - 4, box.top() + 4, kOrderWidth, 18);
    painter->setPen(Qt::NoPen);
    painter->setBrush(palette.color(QPalette::Button));
    painter->drawRoundedRect(order, 4, 4);
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::ButtonText));
    painter->drawText(order, Qt::AlignCenter, QString::number(m_facts.launchOrder));

    const QRectF nameRect(box.left() + kPadding, box.top() + 4, box.width() - 2 * kPadding - kOrderWidth - 4, 20);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_facts.name, Qt::ElideRight, int(nameRect.width())));
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRectF countRect(box.left() + kPadding, box.top() + 26, box.width() - 2 * kPadding, 20);
    painter->drawText(countRect, Qt::AlignLeft | Qt::AlignVCenter,
                      LaunchGraphText::tr("%n server(s)", nullptr, m_facts.serverCount));
}

QVariant GroupNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemScenePositionHasChanged) {
        for (DependencyEdgeItem *edge : m_edges)
            edge->adjust();
    } else if (change == ItemSceneHasChanged && scene()) {
        applyPalette();
    }
    return QGraphicsItem::itemChange(change, value);
}

} // namespace sms::ui
