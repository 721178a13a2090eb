#pragma once
// Where the main window goes on a screen: the size of a first start, and a
// restored geometry fitted to the screen it comes back on (a layout saved on
// a 1920x1200 monitor must not run off a 1366x768 laptop).

#include <QRect>
#include <QSize>

namespace sms::ui {

// The first start's size on a screen with `available` room: 1500x900 where
// that fits with room for the window frame, else the most of the screen that
// does.
QSize defaultWindowSize(const QRect &available);

// `geometry` (client area) shrunk to fit in `available` with room for the
// frame, and moved inside it; unchanged when it fits already.
QRect fittedWindowGeometry(const QRect &geometry, const QRect &available);

} // namespace sms::ui
