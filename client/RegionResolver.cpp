#include "client/RegionResolver.h"

#include "client/ConfigurationError.h"
#include "client/Endpoint.h"
#include "client/SharedConfig.h"

#include <QDir>

#include <optional>

namespace sms::client {
namespace {

// The part both settings share: explicit option, then variables in order.
std::optional<ResolvedSetting> fromOptionOrEnvironment(const QString &explicitValue,
                                                       const AwsEnvironment &environment,
                                                       std::initializer_list<QString> variables)
{
    if (!explicitValue.trimmed().isEmpty())
        return ResolvedSetting{explicitValue.trimmed(), QStringLiteral("explicit option")};
    for (const QString &variable : variables) {
        if (const QString value = environment.variable(variable); !value.isEmpty())
            return ResolvedSetting{value, QStringLiteral("environment variable ") + variable};
    }
    return std::nullopt;
}

// Profile lookup. Nothing found is not an error here; unreadable files and a
// missing named profile are.
Result<std::optional<ResolvedSetting>> fromProfile(const Result<SharedConfig> &loaded,
                                                   const QString &key)
{
    if (!loaded)
        return loaded.error();
    const SharedConfig &shared = loaded.value();
    if (auto named = shared.requireNamedProfile(); !named)
        return named.error();
    const auto found = shared.setting(key);
    if (!found)
        return std::optional<ResolvedSetting>();
    return std::optional<ResolvedSetting>(ResolvedSetting{
        found->value, QStringLiteral("%1 of profile '%2' in '%3'")
                          .arg(key, shared.profileName(), QDir::toNativeSeparators(found->filePath))});
}

} // namespace

RegionResolver::RegionResolver(RegionOptions options)
    : m_options(std::move(options))
{
    m_options.sharedConfig = SharedConfigCache::shareOrCreate(
        std::move(m_options.sharedConfig), m_options.environment, m_options.profile);
}

Result<ResolvedSetting> RegionResolver::region() const
{
    std::optional<ResolvedSetting> found = fromOptionOrEnvironment(
        m_options.region, m_options.environment,
        {QStringLiteral("AWS_REGION"), QStringLiteral("AWS_DEFAULT_REGION")});
    if (!found) {
        const auto &shared = m_options.sharedConfig->get();
        auto fromFile = fromProfile(shared, QStringLiteral("region"));
        if (!fromFile)
            return fromFile.error();
        if (!fromFile.value()) {
            return configurationError(QStringLiteral("No AWS region configured. Looked at the explicit region "
                                                     "option, environment variables AWS_REGION and "
                                                     "AWS_DEFAULT_REGION, and 'region' for %1 in %2 and %3. "
                                                     "Pass a region or set AWS_REGION, e.g. us-east-1.")
                                          .arg(shared->describeProfile(), shared->describeConfigFile(),
                                               shared->describeCredentialsFile()));
        }
        found = *fromFile.value();
    }
    if (!isValidRegionName(found->value)) {
        return configurationError(QStringLiteral("The region '%1' from %2 is not a valid AWS region name "
                                                 "(expected something like us-east-1).")
                                      .arg(found->value, found->source));
    }
    return *found;
}

Result<ResolvedSetting> RegionResolver::endpointOverride() const
{
    if (auto found = fromOptionOrEnvironment(m_options.endpointUrl, m_options.environment,
                                             {QStringLiteral("AWS_ENDPOINT_URL")}))
        return *found;
    auto fromFile = fromProfile(m_options.sharedConfig->get(), QStringLiteral("endpoint_url"));
    if (!fromFile)
        return fromFile.error();
    if (fromFile.value())
        return *fromFile.value();
    return ResolvedSetting{QString(), QStringLiteral("default endpoint for the region")};
}

} // namespace sms::client
