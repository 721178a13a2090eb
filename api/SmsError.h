#pragma once
// SmsError: what went wrong with a call, as a value. The code keeps the exact
// text the service sent (it may be one we do not know); errorCode() maps it to
// the codes we act on.

#include <string>
#include <string_view>

namespace sms {

enum class ErrorCode {
    Unknown,
    // Modeled SMS exceptions
    DryRunOperationException,
    InternalError,
    InvalidParameterException,
    MissingRequiredParameterException,
    NoConnectorsAvailableException,
    OperationNotPermittedException,
    ReplicationJobAlreadyExistsException,
    ReplicationJobNotFoundException,
    ReplicationRunLimitExceededException,
    ServerCannotBeReplicatedException,
    TemporarilyUnavailableException,
    UnauthorizedOperationException,
    // Common AWS errors of every JSON-protocol service
    ThrottlingException,
    UnrecognizedClientException,
    InvalidSignatureException,
    SignatureDoesNotMatch,
    IncompleteSignature,                  // query-protocol spelling
    IncompleteSignatureException,         // JSON-protocol spelling
    MissingAuthenticationToken,
    MissingAuthenticationTokenException,
    ExpiredTokenException,
    AccessDeniedException,
    SerializationException,
    UnknownOperationException,
    ValidationException,
    RequestExpired,
    ServiceUnavailable,
    InternalFailure,
    RequestLimitExceeded,
    TooManyRequestsException,
    ProvisionedThroughputExceededException,
    // Raised on this side of the wire
    NetworkError,
    Timeout,
    Canceled,
    InvalidResponse,
    InvalidRequest,
    CredentialsNotFound,
    InvalidConfiguration,
};

std::string_view toString(ErrorCode code);
ErrorCode errorCodeFromString(std::string_view text);

// True for the codes the AWS SDKs treat as throttling.
bool isThrottlingCode(ErrorCode code);

struct SmsError
{
    std::string code;       // as received, e.g. "InvalidParameterException"
    std::string message;    // human readable, never contains secrets
    int httpStatus = 0;     // 0 when no HTTP response arrived
    std::string requestId;  // x-amzn-RequestId, when the service sent one
    bool retryable = false;

    ErrorCode errorCode() const { return errorCodeFromString(code); }

    // One line for logs and the CLI: "Code (HTTP 400, request id …): message".
    std::string describe() const;

    static SmsError make(ErrorCode code, std::string message, int httpStatus = 0);
};

} // namespace sms
