#include "ui/monitor/StateColors.h"

#include <array>
#include <cmath>

namespace sms::ui {
namespace {

struct Pair
{
    QRgb light;
    QRgb dark;
};

// In JobBucket order.
constexpr std::array<Pair, models::kJobBucketCount> kBuckets{{
    {0x808080, 0x9a9a9a},  // no job: neutral
    {0xa87a00, 0xe0b84a},  // pending: amber
    {0x1f6fb4, 0x5aa9e6},  // replicating: blue
    {0x2a8f48, 0x5cc77a},  // completed: green
    {0xc96400, 0xf59a3c},  // failing: orange
    {0x7e5bb5, 0xb39ddb},  // paused: violet
    {0xc8352b, 0xef6b5f},  // failed: red
}};

// What each outcome borrows.
constexpr std::array<models::JobBucket, kRunOutcomeCount> kOutcomeBucket{
    models::JobBucket::Completed, models::JobBucket::Failed,  models::JobBucket::Replicating,
    models::JobBucket::Failing,   models::JobBucket::Pending, models::JobBucket::NoJob,
    models::JobBucket::NoJob,
};

double luminance(const QColor &colour)
{
    const auto channel = [](float c) { return c <= 0.03928f ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
}

} // namespace

StateColors::StateColors(const QPalette &palette)
    : m_dark(isDark(palette))
{
}

bool StateColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightnessF() < 0.5;
}

QColor StateColors::bucket(models::JobBucket bucket) const
{
    const Pair &pair = kBuckets[std::size_t(bucket)];
    return QColor::fromRgb(m_dark ? pair.dark : pair.light);
}

QColor StateColors::outcome(RunOutcome outcome) const
{
    QColor colour = bucket(kOutcomeBucket[std::size_t(outcome)]);
    // Deleted and unknown share the neutral grey, deleted a shade further
    // from the window so that the two stay apart and both keep their contrast.
    if (outcome == RunOutcome::Deleted)
        colour = m_dark ? colour.lighter(125) : colour.darker(125);
    return colour;
}

QColor StateColors::textOn(const QColor &fill)
{
    // The threshold where black and white have equal contrast on the fill.
    return luminance(fill) > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace sms::ui
