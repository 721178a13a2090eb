#include "ui/PaintThrottle.h"

#include <QWidget>

namespace sms::ui {

PaintThrottle::PaintThrottle(QList<QWidget *> widgets, QObject *parent, std::chrono::milliseconds interval)
    : QObject(parent)
{
    for (QWidget *widget : widgets)
        m_widgets.append(widget);
    m_interval.setSingleShot(true);
    m_interval.setInterval(interval);
    connect(&m_interval, &QTimer::timeout, this, &PaintThrottle::onInterval);
}

void PaintThrottle::changed()
{
    if (!m_interval.isActive()) {
        // The first change of a burst paints as usual and opens an interval.
        m_interval.start();
        return;
    }
    if (!m_holding)
        setHolding(true);
}

void PaintThrottle::setHolding(bool holding)
{
    m_holding = holding;
    for (const QPointer<QWidget> &widget : std::as_const(m_widgets))
        if (widget)
            widget->setUpdatesEnabled(!holding);
}

void PaintThrottle::onInterval()
{
    if (!m_holding)
        return;  // the burst is over
    // Enabling updates repaints each widget once; the next interval holds
    // back whatever comes during it.
    setHolding(false);
    m_interval.start();
}

} // namespace sms::ui
