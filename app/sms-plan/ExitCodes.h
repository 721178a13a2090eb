#pragma once
// Exit codes, as the AWS CLI v2 uses them, so scripts can treat both alike.

namespace sms::cli {

enum ExitCode : int {
    Success = 0,
    UsageError = 252,        // the command line is wrong
    ConfigurationError = 253, // credentials, region or endpoint cannot be set up
    ServiceError = 254,      // the endpoint answered with an error
    OtherError = 255,        // network failures, bad responses, anything else
};

// The plan commands' codes, as diff tools use them: a script can tell "no
// changes" from "changes" from "could not tell".
enum PlanExitCode : int {
    PlanOk = 0,          // valid, no changes, applied
    PlanFailed = 1,      // any error: a bad file, a refused change, no endpoint
    PlanHasChanges = 2,  // plan diff: the endpoint differs from the plan
};

} // namespace sms::cli
