#pragma once
// A client configuration that reaches a FakeSmsServer: test credentials, and
// retries that back off for milliseconds rather than seconds.

#include "FakeSmsServer.h"

#include "client/ClientConfig.h"

#include <chrono>

namespace sms::testing {

inline client::ClientConfig configFor(const FakeSmsServer &server)
{
    client::ClientConfig config;
    config.endpoint = server.url();
    config.region = QStringLiteral("us-east-1");
    config.credentials.accessKeyId = QStringLiteral("AKIDTESTCLIENT");
    config.credentials.secretAccessKey = QStringLiteral("test/secret/key");
    config.retry.baseDelay = std::chrono::milliseconds(5);
    return config;
}

} // namespace sms::testing
