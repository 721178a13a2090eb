#pragma once
// LaunchBandsItem: the launch graph's background, one stripe per launch order
// (alternating Base and AlternateBase), labelled "1", "2", … at the top, so
// that groups in one stripe are seen to launch together. It takes no clicks:
// a drag on it pans the view.

#include <QGraphicsItem>

namespace sms::ui {

class LaunchBandsItem : public QGraphicsItem
{
public:
    LaunchBandsItem();

    // `count` bands `spacing` wide centred on x = 0, spacing, 2·spacing…,
    // covering `top` to `bottom` in y.
    void setBands(int count, double spacing, double top, double bottom);
    int count() const { return m_count; }

    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_count = 0;
    double m_spacing = 160;
    double m_top = 0;
    double m_bottom = 0;
};

} // namespace sms::ui
