#include "services/ConnectionResolver.h"

#include "client/CredentialChain.h"
#include "client/Endpoint.h"
#include "client/RegionResolver.h"

namespace sms::services {

Result<client::ClientConfig> resolveConnection(const ConnectionRequest &request)
{
    const client::RegionResolver settings({request.profile, request.region, request.endpointUrl,
                                           request.environment});
    auto region = settings.region();
    if (!region)
        return region.error();
    auto endpointOverride = settings.endpointOverride();
    if (!endpointOverride)
        return endpointOverride.error();
    auto endpoint = client::resolveEndpoint(region->value, endpointOverride->value);
    if (!endpoint)
        return endpoint.error();

    client::CredentialChainOptions chain;
    chain.profile = request.profile;
    chain.environment = request.environment;
    auto credentials = client::CredentialChain(chain).resolve();
    if (!credentials)
        return credentials.error();

    client::ClientConfig config;
    config.endpoint = endpoint.value();
    config.region = region->value;
    config.credentials = std::move(credentials).value();
    return config;
}

} // namespace sms::services
