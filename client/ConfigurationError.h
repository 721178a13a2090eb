#pragma once
// The error for a setting the user has to change: a bad profile, region,
// endpoint URL or shared file. One helper, so every resolver reports it alike.

#include "api/SmsError.h"

#include <QString>

namespace sms::client {

inline SmsError configurationError(const QString &message)
{
    return SmsError::make(ErrorCode::InvalidConfiguration, message.toStdString());
}

} // namespace sms::client
