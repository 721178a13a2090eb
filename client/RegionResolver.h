#pragma once
// RegionResolver: where requests go — the region and the endpoint override
// that may replace the region's default endpoint. Each comes from an explicit
// option, else the environment, else the selected profile, as in the SDKs.
// The endpoint text is only found here; Endpoint.h decides whether it is safe.

#include "api/Result.h"
#include "client/AwsEnvironment.h"
#include "client/SharedConfig.h"

#include <memory>

namespace sms::client {

struct RegionOptions
{
    QString profile;     // explicit --profile; empty falls back to AWS_PROFILE, then "default"
    QString region;      // explicit --region
    QString endpointUrl; // explicit --endpoint-url
    AwsEnvironment environment = AwsEnvironment::system();
    // A read of the shared files to share with other resolvers; made when absent.
    std::shared_ptr<const SharedConfigCache> sharedConfig;
};

// A resolved value and a human-readable account of where it came from.
struct ResolvedSetting
{
    QString value;
    QString source;
};

class RegionResolver
{
public:
    explicit RegionResolver(RegionOptions options);

    // Explicit option, AWS_REGION, AWS_DEFAULT_REGION, then `region` of the
    // profile. An error that lists every place looked at if none has one.
    Result<ResolvedSetting> region() const;

    // Explicit option, AWS_ENDPOINT_URL, then `endpoint_url` of the profile.
    // An empty value means "use the region's default endpoint".
    Result<ResolvedSetting> endpointOverride() const;

private:
    RegionOptions m_options;
};

} // namespace sms::client
