#pragma once
// Turns what the user asked for (--profile, --region, --endpoint-url, or
// nothing) into a ready ClientConfig, through the AWS SDK chain: region,
// endpoint override, endpoint checks, retry attempts (AWS_MAX_ATTEMPTS or the
// profile's max_attempts), then credentials. Shared by the CLI and
// the GUI so both connect the same way.

#include "api/Result.h"
#include "client/AwsEnvironment.h"
#include "client/ClientConfig.h"
#include "client/SharedConfig.h"

#include <memory>

namespace sms::services {

struct ConnectionRequest
{
    QString profile;
    QString region;
    QString endpointUrl;
    client::AwsEnvironment environment = client::AwsEnvironment::system();
};

// May run a profile's credential_process: keep it off the GUI thread.
Result<client::ClientConfig> resolveConnection(const ConnectionRequest &request);

// resolveConnection in its two halves, for a caller that weighs them apart
// (chooseConnection). Give both the same `shared` so that ~/.aws is read once.
std::shared_ptr<const client::SharedConfigCache> sharedConfigOf(const ConnectionRequest &request);
// Everything but the credentials: region, endpoint, retry attempts.
Result<client::ClientConfig> resolveSettings(const ConnectionRequest &request,
                                             const std::shared_ptr<const client::SharedConfigCache> &shared);
// May run a profile's credential_process: keep it off the GUI thread.
Result<client::Credentials> resolveCredentials(const ConnectionRequest &request,
                                               std::shared_ptr<const client::SharedConfigCache> shared);

} // namespace sms::services
