#pragma once
// Runs one asynchronous call and waits for its result: `start(context, done)`
// must start the call with that context object and callback.

#include "api/Result.h"

#include <QObject>
#include <QTest>

#include <optional>

template <typename T, typename Start>
sms::Result<T> awaitResult(Start start, int timeoutMs = 10'000)
{
    std::optional<sms::Result<T>> outcome;
    QObject context;
    start(&context, [&outcome](sms::Result<T> result) { outcome = std::move(result); });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, timeoutMs))
        return sms::SmsError::make(sms::ErrorCode::Timeout, "the test waited in vain for an answer");
    return std::move(*outcome);
}
