#include "api/SmsError.h"

#include <algorithm>
#include <array>
#include <utility>

namespace sms {
namespace {

using Entry = std::pair<ErrorCode, std::string_view>;
constexpr std::array kNames{
    Entry{ErrorCode::Unknown, "Unknown"},
    Entry{ErrorCode::DryRunOperationException, "DryRunOperationException"},
    Entry{ErrorCode::InternalError, "InternalError"},
    Entry{ErrorCode::InvalidParameterException, "InvalidParameterException"},
    Entry{ErrorCode::MissingRequiredParameterException, "MissingRequiredParameterException"},
    Entry{ErrorCode::NoConnectorsAvailableException, "NoConnectorsAvailableException"},
    Entry{ErrorCode::OperationNotPermittedException, "OperationNotPermittedException"},
    Entry{ErrorCode::ReplicationJobAlreadyExistsException, "ReplicationJobAlreadyExistsException"},
    Entry{ErrorCode::ReplicationJobNotFoundException, "ReplicationJobNotFoundException"},
    Entry{ErrorCode::ReplicationRunLimitExceededException, "ReplicationRunLimitExceededException"},
    Entry{ErrorCode::ServerCannotBeReplicatedException, "ServerCannotBeReplicatedException"},
    Entry{ErrorCode::TemporarilyUnavailableException, "TemporarilyUnavailableException"},
    Entry{ErrorCode::UnauthorizedOperationException, "UnauthorizedOperationException"},
    Entry{ErrorCode::ThrottlingException, "ThrottlingException"},
    Entry{ErrorCode::UnrecognizedClientException, "UnrecognizedClientException"},
    Entry{ErrorCode::InvalidSignatureException, "InvalidSignatureException"},
    Entry{ErrorCode::SignatureDoesNotMatch, "SignatureDoesNotMatch"},
    Entry{ErrorCode::IncompleteSignature, "IncompleteSignature"},
    Entry{ErrorCode::IncompleteSignatureException, "IncompleteSignatureException"},
    Entry{ErrorCode::MissingAuthenticationToken, "MissingAuthenticationToken"},
    Entry{ErrorCode::MissingAuthenticationTokenException, "MissingAuthenticationTokenException"},
    Entry{ErrorCode::ExpiredTokenException, "ExpiredTokenException"},
    Entry{ErrorCode::AccessDeniedException, "AccessDeniedException"},
    Entry{ErrorCode::SerializationException, "SerializationException"},
    Entry{ErrorCode::UnknownOperationException, "UnknownOperationException"},
    Entry{ErrorCode::ValidationException, "ValidationException"},
    Entry{ErrorCode::RequestExpired, "RequestExpired"},
    Entry{ErrorCode::ServiceUnavailable, "ServiceUnavailable"},
    Entry{ErrorCode::InternalFailure, "InternalFailure"},
    Entry{ErrorCode::RequestLimitExceeded, "RequestLimitExceeded"},
    Entry{ErrorCode::TooManyRequestsException, "TooManyRequestsException"},
    Entry{ErrorCode::ProvisionedThroughputExceededException, "ProvisionedThroughputExceededException"},
    Entry{ErrorCode::NetworkError, "NetworkError"},
    Entry{ErrorCode::Timeout, "Timeout"},
    Entry{ErrorCode::Canceled, "Canceled"},
    Entry{ErrorCode::InvalidResponse, "InvalidResponse"},
    Entry{ErrorCode::InvalidRequest, "InvalidRequest"},
    Entry{ErrorCode::CredentialsNotFound, "CredentialsNotFound"},
    Entry{ErrorCode::InvalidConfiguration, "InvalidConfiguration"},
};

} // namespace

std::string_view toString(ErrorCode code)
{
    const auto it = std::find_if(kNames.begin(), kNames.end(),
                                 [code](const Entry &e) { return e.first == code; });
    return it == kNames.end() ? std::string_view("Unknown") : it->second;
}

ErrorCode errorCodeFromString(std::string_view text)
{
    const auto it = std::find_if(kNames.begin(), kNames.end(),
                                 [text](const Entry &e) { return e.second == text; });
    return it == kNames.end() ? ErrorCode::Unknown : it->first;
}

bool isThrottlingCode(ErrorCode code)
{
    switch (code) {
    case ErrorCode::ThrottlingException:
    case ErrorCode::RequestLimitExceeded:
    case ErrorCode::TooManyRequestsException:
    case ErrorCode::ProvisionedThroughputExceededException:
        return true;
    default:
        return false;
    }
}

std::string SmsError::describe() const
{
    std::string text = code.empty() ? std::string("Error") : code;
    if (httpStatus > 0 || !requestId.empty()) {
        text += " (";
        if (httpStatus > 0)
            text += "HTTP " + std::to_string(httpStatus);
        if (!requestId.empty())
            text += std::string(httpStatus > 0 ? ", " : "") + "request id " + requestId;
        text += ")";
    }
    if (!message.empty())
        text += ": " + message;
    return text;
}

SmsError SmsError::make(ErrorCode code, std::string message, int httpStatus)
{
    SmsError error;
    error.code = std::string(toString(code));
    error.message = std::move(message);
    error.httpStatus = httpStatus;
    return error;
}

} // namespace sms
