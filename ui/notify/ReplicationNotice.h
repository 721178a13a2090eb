#pragma once
// The one notice a monitor pass's events make: one event is told in full,
// many are summed up in the title with a line each (the first few), so that
// a pass in which fifty runs failed raises one notification, not fifty.

#include "models/ReplicationEvent.h"
#include "ui/notify/Notifier.h"

namespace sms::ui {

// Empty title when there is nothing to tell.
Notice replicationNotice(const models::ReplicationEvents &events);

} // namespace sms::ui
