#pragma once
// Retries in the AWS SDKs' "standard" mode: a bounded number of attempts,
// exponential backoff with full jitter, and a shared retry quota so that an
// outage does not turn every caller into a retry storm.

#include "api/SmsError.h"

#include <chrono>

namespace sms::client {

struct RetrySettings
{
    int maxAttempts = 3;                       // first attempt included
    std::chrono::milliseconds baseDelay{1000}; // the SDKs' 1 s; tests shrink it
    std::chrono::milliseconds maxBackoff{20'000};
};

// Whether an error may succeed when sent again: throttling, 5xx, the service's
// transient codes, connection failures and timeouts. Never validation errors.
bool isRetryableError(const SmsError &error);

// The SDKs' token bucket: each retry takes tokens, each success gives one back;
// with the bucket empty, errors are returned instead of retried.
class RetryQuota
{
public:
    static constexpr int kCapacity = 500;
    static constexpr int kRetryCost = 5;
    static constexpr int kTimeoutRetryCost = 10;

    // The tokens taken for retrying `error`; 0 when none are left (no retry).
    int acquire(const SmsError &error);
    // After a success: gives back what its last retry took, or one token.
    void releaseOnSuccess(int lastRetryCost);
    int available() const { return m_tokens; }

private:
    int m_tokens = kCapacity;
};

class RetryPolicy
{
public:
    explicit RetryPolicy(RetrySettings settings = {}) : m_settings(settings) {}

    // `attemptsMade` counts attempts already sent (1 after the first).
    bool shouldRetry(const SmsError &error, int attemptsMade) const;

    // Delay before the next attempt: random01 * base * 2^(attemptsMade-1), capped.
    std::chrono::milliseconds backoff(int attemptsMade, double random01) const;

private:
    RetrySettings m_settings;
};

} // namespace sms::client
