#pragma once
// CredentialsFileWriter: puts an access key pair into a profile of the AWS
// shared credentials file (~/.aws/credentials, or AWS_SHARED_CREDENTIALS_FILE),
// where the AWS CLI and SDKs find it too. Everything else in the file stays as
// it was, comments included; the profile's old key pair and session token
// are replaced. The file is written atomically (QSaveFile) and readable by
// its owner only (0600), as `aws configure` leaves it.

#include "api/Result.h"
#include "client/AwsEnvironment.h"

#include <QString>

namespace sms::client {

struct ProfileKeys
{
    QString profile;
    QString accessKeyId;
    QString secretAccessKey;
};

// Why a profile name cannot be written as a section header; empty when it can.
QString profileNameProblem(const QString &name);

// The file's text with `keys` in their profile (for tests and for the writer).
QString withProfileKeys(const QString &text, const ProfileKeys &keys);

Result<void> writeProfileKeys(const AwsEnvironment &environment, const ProfileKeys &keys);

} // namespace sms::client
