#pragma once
// PaintThrottle: while changes come in a burst (a catalog arriving a page at
// a time, a hundred pages in a second), a widget repaints at most once an
// interval instead of after every change. Laying out and painting the rows in
// view costs a few milliseconds a time; a hundred of them were more than half
// of a 100,000-server load.
//
// The first change of a burst paints at once, so the first rows show without
// delay; later ones within the interval only mark the widget, and the
// interval's end paints once what they all changed. Only painting waits:
// the model, the view's layout and the scroll bars follow every change.

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <chrono>

class QWidget;

namespace sms::ui {

class PaintThrottle : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultInterval{100};

    // `widgets` (a view's viewport, its scroll bar, a progress bar) are
    // painted through the throttle.
    PaintThrottle(QList<QWidget *> widgets, QObject *parent,
                  std::chrono::milliseconds interval = kDefaultInterval);

    // Something the widget shows changed.
    void changed();
    // Whether a paint is being held back (for tests).
    bool holding() const { return m_holding; }

private:
    void onInterval();

    void setHolding(bool holding);

    QList<QPointer<QWidget>> m_widgets;
    QTimer m_interval;
    bool m_holding = false;
};

} // namespace sms::ui
