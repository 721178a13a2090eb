#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace sms::client {

// An AWS key pair as resolved by the credentials chain. A plain value so it can
// be copied across threads and into every signed request without ownership questions.
struct Credentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;                 // empty for long-term keys
    std::optional<QDateTime> expiration;  // set for temporary credentials only
    QString source;                       // where they came from, e.g. "environment", "profile default in ~/.aws/credentials"

    // Both halves of the key pair are needed to sign; a token alone is useless.
    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
};

} // namespace sms::client
