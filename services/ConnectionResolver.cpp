#include "services/ConnectionResolver.h"

#include "client/CredentialChain.h"
#include "client/Endpoint.h"
#include "client/RegionResolver.h"

namespace sms::services {
namespace {

// AWS_MAX_ATTEMPTS, else the profile's max_attempts, else the SDK default.
Result<int> maxAttempts(const ConnectionRequest &request, const client::SharedConfigCache &shared)
{
    QString text = request.environment.variable(QStringLiteral("AWS_MAX_ATTEMPTS"));
    QString source = QStringLiteral("AWS_MAX_ATTEMPTS");
    if (text.isEmpty()) {
        const auto &config = shared.get();
        if (!config)
            return config.error();
        const auto setting = config->setting(QStringLiteral("max_attempts"));
        if (!setting)
            return client::RetrySettings{}.maxAttempts;
        text = setting->value;
        source = QStringLiteral("max_attempts in ") + setting->filePath;
    }
    bool ok = false;
    const int attempts = text.toInt(&ok);
    if (!ok || attempts < 1)
        return SmsError::make(ErrorCode::InvalidConfiguration,
                              QStringLiteral("%1 must be a whole number of at least 1, not \"%2\"")
                                  .arg(source, text).toStdString());
    return attempts;
}

} // namespace

std::shared_ptr<const client::SharedConfigCache> sharedConfigOf(const ConnectionRequest &request)
{
    return std::make_shared<client::SharedConfigCache>(request.environment, request.profile);
}

Result<client::ClientConfig> resolveSettings(const ConnectionRequest &request,
                                             const std::shared_ptr<const client::SharedConfigCache> &shared)
{
    const client::RegionResolver settings({request.profile, request.region, request.endpointUrl,
                                           request.environment, shared});
    auto region = settings.region();
    if (!region)
        return region.error();
    auto endpointOverride = settings.endpointOverride();
    if (!endpointOverride)
        return endpointOverride.error();
    auto endpoint = client::resolveEndpoint(region->value, endpointOverride->value);
    if (!endpoint)
        return endpoint.error();

    auto attempts = maxAttempts(request, *shared);
    if (!attempts)
        return attempts.error();

    client::ClientConfig config;
    config.endpoint = endpoint.value();
    config.region = region->value;
    config.retry.maxAttempts = attempts.value();
    return config;
}

Result<client::Credentials> resolveCredentials(const ConnectionRequest &request,
                                               std::shared_ptr<const client::SharedConfigCache> shared)
{
    client::CredentialChainOptions chain;
    chain.profile = request.profile;
    chain.environment = request.environment;
    chain.sharedConfig = std::move(shared);
    return client::CredentialChain(chain).resolve();
}

Result<client::ClientConfig> resolveConnection(const ConnectionRequest &request)
{
    // One read of ~/.aws for every look-up below.
    const auto shared = sharedConfigOf(request);
    auto config = resolveSettings(request, shared);
    if (!config)
        return config;
    auto credentials = resolveCredentials(request, shared);
    if (!credentials)
        return credentials.error();
    config->credentials = std::move(credentials).value();
    return config;
}

} // namespace sms::services
