#include "ui/PaintThrottle.h"

#include <QWidget>

namespace sms::ui {

PaintThrottle::PaintThrottle(QWidget *widget, std::chrono::milliseconds interval)
    : QObject(widget)
    , m_widget(widget)
{
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
    if (!m_holding && m_widget) {
        m_holding = true;
        m_widget->setUpdatesEnabled(false);
    }
}

void PaintThrottle::onInterval()
{
    if (!m_holding)
        return;  // the burst is over
    m_holding = false;
    // Enabling updates repaints the whole widget once; the next interval
    // holds back whatever comes during it.
    if (m_widget)
        m_widget->setUpdatesEnabled(true);
    m_interval.start();
}

} // namespace sms::ui
