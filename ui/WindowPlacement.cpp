#include "ui/WindowPlacement.h"

#include <algorithm>

namespace sms::ui {
namespace {

// Before a window is shown Qt does not know its frame; this much room is
// left for a title bar and borders.
constexpr int kFrameWidth = 16;
constexpr int kFrameHeight = 40;

QSize roomFor(const QRect &available)
{
    return {std::max(0, available.width() - kFrameWidth), std::max(0, available.height() - kFrameHeight)};
}

} // namespace

QSize defaultWindowSize(const QRect &available)
{
    // A little of the desktop stays in view, as it does at the preferred size on a large screen.
    const QSize room = roomFor(available);
    return QSize(1500, 900).boundedTo(QSize(room.width() * 19 / 20, room.height() * 19 / 20));
}

QRect fittedWindowGeometry(const QRect &geometry, const QRect &available)
{
    const QSize room = roomFor(available);
    QRect fitted(geometry.topLeft(), geometry.size().boundedTo(room));
    // Inside the room, the frame's allowance split around it.
    const QRect inner(available.topLeft() + QPoint(kFrameWidth / 2, kFrameHeight - kFrameWidth / 2), room);
    fitted.moveLeft(std::clamp(fitted.left(), inner.left(), inner.right() + 1 - fitted.width()));
    fitted.moveTop(std::clamp(fitted.top(), inner.top(), inner.bottom() + 1 - fitted.height()));
    return fitted;
}

} // namespace sms::ui
