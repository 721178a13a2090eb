#pragma once
// The names the monitor's legends and tooltips give the job buckets and run
// outcomes, in the monitor's one translation context.

#include "models/ReplicationHistory.h"
#include "ui/monitor/RunOutcome.h"

#include <QString>

namespace sms::ui {

QString bucketText(models::JobBucket bucket);
QString outcomeText(RunOutcome outcome);

} // namespace sms::ui
