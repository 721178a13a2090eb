#pragma once
// Everything an SmsClient needs to reach one endpoint. Resolve it with the
// credentials chain and resolveEndpoint() first; the client does no look-ups.

#include "client/Credentials.h"
#include "client/RetryPolicy.h"

#include <QString>
#include <QUrl>

#include <chrono>

namespace sms::client {

struct ClientConfig
{
    QUrl endpoint;  // e.g. https://sms.us-east-1.amazonaws.com or http://127.0.0.1:PORT
    QString region;
    Credentials credentials;
    RetrySettings retry;
    // A call is abandoned when the connection is not up within connectTimeout,
    // or one attempt takes longer than attemptTimeout in all.
    std::chrono::milliseconds connectTimeout{10'000};
    std::chrono::milliseconds attemptTimeout{60'000};
    QString userAgent;  // product/version; the client appends Qt's
};

} // namespace sms::client
