#include "ErrorReport.h"

#include "ConsoleOutput.h"
#include "ExitCodes.h"

#include <cstdio>

namespace sms::cli {

int reportCallError(const std::string &operation, const SmsError &error)
{
    const bool fromService = error.httpStatus > 0 && error.errorCode() != ErrorCode::InvalidResponse;
    std::string text = "An error occurred (" + error.code + ") when calling the " + operation
        + " operation: " + error.message;
    if (!error.requestId.empty())
        text += " (request id " + error.requestId + ")";
    writeOut(text + "\n", stderr);
    return fromService ? ServiceError : OtherError;
}

int reportError(const std::string &message)
{
    writeOut("sms-plan: " + message + "\n", stderr);
    return OtherError;
}

int reportLookupError(const SmsError &error)
{
    // The look-up's own errors are raised on this side, without an HTTP status.
    if (error.errorCode() == ErrorCode::InvalidRequest && error.httpStatus == 0)
        return reportError(error.message);
    return reportCallError("ListApps", error);
}

} // namespace sms::cli
