#include "client/RetryPolicy.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace sms::client {
namespace {

// Error codes the SDKs retry beyond the ones SmsError knows as throttling.
constexpr std::array<std::string_view, 9> kTransientCodes{
    "ThrottledException", "RequestThrottledException", "RequestThrottled",
    "TransactionInProgressException", "BandwidthLimitExceeded", "SlowDown",
    "PriorRequestNotComplete", "RequestTimeout", "RequestTimeoutException"};

} // namespace

bool isRetryableError(const SmsError &error)
{
    switch (error.errorCode()) {
    case ErrorCode::InternalError:
    case ErrorCode::InternalFailure:
    case ErrorCode::ServiceUnavailable:
    case ErrorCode::TemporarilyUnavailableException:
    case ErrorCode::NetworkError:
    case ErrorCode::Timeout:
        return true;
    case ErrorCode::Canceled:
        return false;
    default:
        break;
    }
    if (isThrottlingCode(error.errorCode()))
        return true;
    if (std::find(kTransientCodes.begin(), kTransientCodes.end(), error.code) != kTransientCodes.end())
        return true;
    // 429 Too Many Requests, and any 5xx, even without an AWS error body.
    return error.httpStatus == 429 || (error.httpStatus >= 500 && error.httpStatus <= 599);
}

int RetryQuota::acquire(const SmsError &error)
{
    const int cost = error.errorCode() == ErrorCode::Timeout ? kTimeoutRetryCost : kRetryCost;
    if (m_tokens < cost)
        return 0;
    m_tokens -= cost;
    return cost;
}

void RetryQuota::releaseOnSuccess(int lastRetryCost)
{
    m_tokens = std::min(kCapacity, m_tokens + (lastRetryCost > 0 ? lastRetryCost : 1));
}

bool RetryPolicy::shouldRetry(const SmsError &error, int attemptsMade) const
{
    return attemptsMade < m_settings.maxAttempts && error.retryable;
}

std::chrono::milliseconds RetryPolicy::backoff(int attemptsMade, double random01) const
{
    const double exponent = std::min(attemptsMade - 1, 30);
    const double ceiling = double(m_settings.baseDelay.count()) * std::pow(2.0, exponent);
    const double delay = std::clamp(random01, 0.0, 1.0) * std::min(ceiling, double(m_settings.maxBackoff.count()));
    return std::chrono::milliseconds(std::llround(delay));
}

} // namespace sms::client
