#pragma once
// CredentialChain: finds the credentials to sign with, in the AWS SDK order:
//   1. AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN;
//   2. the selected profile: static keys in the shared credentials file,
//      then its credential_process, then static keys in the config file.
// Secrets never appear in an error message or in Credentials::source.

#include "api/Result.h"
#include "client/AwsEnvironment.h"
#include "client/Credentials.h"
#include "client/SharedConfig.h"

#include <chrono>
#include <memory>

namespace sms::client {

struct CredentialChainOptions
{
    QString profile; // explicit --profile; empty falls back to AWS_PROFILE, then "default"
    AwsEnvironment environment = AwsEnvironment::system();
    std::chrono::milliseconds processTimeout{std::chrono::seconds(60)};
    // A read of the shared files to share with other resolvers; made when absent.
    std::shared_ptr<const SharedConfigCache> sharedConfig;
};

class CredentialChain
{
public:
    explicit CredentialChain(CredentialChainOptions options);

    // ErrorCode::CredentialsNotFound when no link yields anything (the message
    // lists every place looked at); InvalidConfiguration for a link that is
    // present but broken (half a key pair, a missing named profile, a failing
    // credential_process). May run credential_process: keep off the GUI thread.
    Result<Credentials> resolve() const;

private:
    CredentialChainOptions m_options;
};

} // namespace sms::client
