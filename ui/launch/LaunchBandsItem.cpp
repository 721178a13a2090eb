#include "ui/launch/LaunchBandsItem.h"

#include "ui/launch/LaunchGraphScene.h"

#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>

namespace sms::ui {
namespace {

constexpr double kLabelHeight = 26;  // above the top box

} // namespace

LaunchBandsItem::LaunchBandsItem()
{
    setAcceptedMouseButtons(Qt::NoButton);
    setZValue(-1);
}

void LaunchBandsItem::setBands(int count, double spacing, double top, double bottom)
{
    prepareGeometryChange();
    m_count = count;
    m_spacing = spacing;
    m_top = top - kLabelHeight;
    m_bottom = bottom;
}

QRectF LaunchBandsItem::boundingRect() const
{
    return {-m_spacing / 2, m_top, m_count * m_spacing, m_bottom - m_top};
}

void LaunchBandsItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    if (static_cast<const LaunchGraphScene *>(scene())->isInStillLayer(this, widget))
        return;
    const QPalette palette = scene()->palette();
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    for (int band = 0; band < m_count; ++band) {
        const QRectF stripe(band * m_spacing - m_spacing / 2, m_top, m_spacing, m_bottom - m_top);
        painter->fillRect(stripe, palette.color(band % 2 == 0 ? QPalette::AlternateBase : QPalette::Base));
        painter->setPen(palette.color(QPalette::PlaceholderText));
        painter->drawText(QRectF(stripe.left(), m_top, m_spacing, kLabelHeight), Qt::AlignCenter,
                          QString::number(band + 1));
    }
}

} // namespace sms::ui
