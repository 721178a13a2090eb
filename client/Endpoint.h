#pragma once
// Endpoint: the URL the client talks to. Either the public SMS endpoint of a
// region, or a custom URL that is checked so that signed requests never go
// out in clear text to another machine.

#include "api/Result.h"

#include <QString>
#include <QUrl>

namespace sms::client {

// `https://sms.<region>.amazonaws.com` (the China partition ends in
// `.amazonaws.com.cn`) when customUrl is empty; otherwise customUrl, which
// must be https, or http to a loopback host. ErrorCode::InvalidConfiguration
// with a message saying what to change otherwise.
Result<QUrl> resolveEndpoint(const QString &region, const QString &customUrl);

// The Host header for `url` exactly as it is sent, since it is part of the signature.
QByteArray hostHeader(const QUrl &url);

// localhost, 127.0.0.0/8 and ::1 (with or without brackets).
bool isLoopbackHost(const QString &host);

// Lower-case letters, digits and single inner hyphens, e.g. "us-east-1": the
// region becomes a DNS label and part of every signature's scope.
bool isValidRegionName(const QString &region);

} // namespace sms::client
