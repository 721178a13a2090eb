#include "ui/monitor/MonitorWords.h"

#include <QCoreApplication>

#include <array>

namespace sms::ui {
namespace {

constexpr const char *kContext = "sms::ui::ReplicationMonitorPane";

// In JobBucket order.
constexpr std::array<const char *, models::kJobBucketCount> kBuckets{
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "No job"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Pending"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Replicating"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Completed"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Failing"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Paused"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Failed"),
};

// In RunOutcome order.
constexpr std::array<const char *, kRunOutcomeCount> kOutcomes{
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Completed"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Failed"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Active"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Missed"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Pending"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Deleted"),
    QT_TRANSLATE_NOOP("sms::ui::ReplicationMonitorPane", "Other"),
};

} // namespace

QString bucketText(models::JobBucket bucket)
{
    return QCoreApplication::translate(kContext, kBuckets[std::size_t(bucket)]);
}

QString outcomeText(RunOutcome outcome)
{
    return QCoreApplication::translate(kContext, kOutcomes[std::size_t(outcome)]);
}

} // namespace sms::ui
