#pragma once
// What went wrong, in words a user can act on: the Activity pane, dialogs and
// the status bar show these instead of error codes. The service's own message
// is kept where it says something the code alone does not (which parameter,
// which server), and the request id is added for a support case.

#include "api/SmsError.h"
#include "client/CallRecord.h"

#include <QString>

namespace sms::services {

// OneLine caps a runaway message for the status bar and the Activity pane;
// Whole is for a wrapping label in a dialog, which shows all of it.
enum class PlainLength { OneLine, Whole };

QString plainWords(const SmsError &error, PlainLength length = PlainLength::OneLine);
// The Activity pane's rows: a failed call's record in the same words; empty
// for a call that succeeded.
QString plainWords(const client::CallRecord &record);

} // namespace sms::services
