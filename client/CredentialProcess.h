#pragma once
// CredentialProcess: runs a profile's `credential_process` command and reads
// the JSON it prints (the SDKs' "sourcing credentials with an external
// process" contract). Nothing it returns in an error ever quotes stdout,
// because that is where the secrets are.

#include "api/Result.h"
#include "client/Credentials.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>

#include <chrono>

namespace sms::client {

struct CredentialProcessRequest
{
    QString command;     // the raw setting; split like a shell would, run without one
    QString profileName; // for messages only
    QString source;      // becomes Credentials::source on success
    QProcessEnvironment environment;
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
};

// Blocks until the process exits or the timeout passes; call it off the GUI thread.
Result<Credentials> runCredentialProcess(const CredentialProcessRequest &request);

// The JSON half, separate so it can be tested without spawning anything.
Result<Credentials> parseCredentialProcessOutput(const QByteArray &output,
                                                 const QString &profileName);

} // namespace sms::client
