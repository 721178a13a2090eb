#pragma once
// How the apps commands word an application and the answer to a call made
// for it: "shop (app-0123…)" on standard error, and, for calls SMS answers
// with nothing (StartAppReplication, LaunchApp, …), one line saying what
// was done, as the AWS CLI prints nothing on standard output then.

#include "ConsoleOutput.h"
#include "ErrorReport.h"
#include "ExitCodes.h"

#include "api/SmsTypes.h"

#include <cstdio>
#include <string>

namespace sms::cli {

inline std::string appText(const api::AppSummary &app)
{
    return app.name.value_or("") + " (" + app.appId.value_or("") + ")";
}

// A callback for `operation`'s empty answer: "<done> shop (app-…)." on
// success, the AWS CLI's error report otherwise; then `finish` with the exit code.
template <typename Finish>
auto reportEmptyAnswer(const api::AppSummary &app, const char *operation, const char *done, Finish finish)
{
    return [app, operation, done, finish](const auto &result) {
        if (!result)
            return finish(reportCallError(operation, result.error()));
        writeOut(std::string(done) + " " + appText(app) + ".\n", stderr);
        finish(Success);
    };
}

} // namespace sms::cli
