#pragma once
// The errors the sandbox's operations answer most, as the service words them:
// HTTP 400 with the modeled exception's code.

#include "api/SmsError.h"

#include <string>

namespace sms::sandbox {

inline SmsError invalidParameter(std::string message)
{
    return SmsError::make(ErrorCode::InvalidParameterException, std::move(message), 400);
}

inline SmsError missingParameter(std::string message)
{
    return SmsError::make(ErrorCode::MissingRequiredParameterException, std::move(message), 400);
}

inline SmsError notPermitted(std::string message)
{
    return SmsError::make(ErrorCode::OperationNotPermittedException, std::move(message), 400);
}

} // namespace sms::sandbox
