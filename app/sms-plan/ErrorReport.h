#pragma once
// Errors on standard error, worded as the AWS CLI words them, with the exit
// code that goes with each (ExitCodes.h). Every command reports through these,
// so a script sees one format whichever command failed.

#include "api/SmsError.h"

#include <string>

namespace sms::cli {

// "An error occurred (Code) when calling the Op operation: message (request id
// …)". Returns ServiceError when the endpoint answered, else OtherError.
int reportCallError(const std::string &operation, const SmsError &error);

// "sms-plan: message", for what went wrong on this side (an APP that names no
// application). Returns OtherError.
int reportError(const std::string &message);

// What services::lookUpApp reported: the application named was not found or
// not unique (reportError), or ListApps failed (reportCallError).
int reportLookupError(const SmsError &error);

} // namespace sms::cli
