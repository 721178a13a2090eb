#include "services/ConnectionProfiles.h"

#include "client/SharedConfig.h"

#include <QStringList>

#include <algorithm>
#include <array>

namespace sms::services {
namespace {

using client::AwsConfigFile;
using client::AwsProfileSettings;

// Presence only: the values stay in the parsed file.
bool hasKeyPair(const AwsProfileSettings &settings)
{
    return !settings.value(QStringLiteral("aws_access_key_id")).isEmpty()
        && !settings.value(QStringLiteral("aws_secret_access_key")).isEmpty();
}

bool hasAny(const AwsProfileSettings &a, const AwsProfileSettings &b, QStringView key)
{
    const QString name = key.toString();
    return !a.value(name).isEmpty() || !b.value(name).isEmpty();
}

// The same order CredentialChain tries, so the chooser says what a
// connection would find: unsupported providers first (the chain refuses
// them before anything else), then keys in the credentials file, then
// credential_process, then keys in the config file.
ConnectionProfile::Credentials credentialsOf(const AwsProfileSettings &fromCredentials,
                                             const AwsProfileSettings &fromConfig)
{
    using Kind = ConnectionProfile::Credentials;
    static constexpr std::array<QStringView, 4> kUnsupported{
        u"role_arn", u"sso_session", u"sso_start_url", u"web_identity_token_file"};
    for (QStringView key : kUnsupported) {
        if (hasAny(fromCredentials, fromConfig, key))
            return Kind::Unsupported;
    }
    if (hasKeyPair(fromCredentials))
        return Kind::AccessKeys;
    if (hasAny(fromCredentials, fromConfig, u"credential_process"))
        return Kind::Process;
    if (hasKeyPair(fromConfig))
        return Kind::AccessKeys;
    return Kind::None;
}

QStringList sortedProfileNames(const AwsConfigFile &credentials, const AwsConfigFile &config)
{
    QStringList names = credentials.profileNames() + config.profileNames();
    names.removeDuplicates();
    std::sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        const bool aDefault = a == u"default";
        const bool bDefault = b == u"default";
        if (aDefault != bDefault)
            return aDefault;
        return QString::localeAwareCompare(a, b) < 0;
    });
    return names;
}

} // namespace

const ConnectionProfile *ConnectionProfiles::find(const QString &name) const
{
    const auto it = std::find_if(profiles.begin(), profiles.end(),
                                 [&](const ConnectionProfile &profile) { return profile.name == name; });
    return it == profiles.end() ? nullptr : &*it;
}

Result<ConnectionProfiles> listConnectionProfiles(const client::AwsEnvironment &environment)
{
    auto loaded = client::SharedConfig::load(environment, QString());
    if (!loaded)
        return loaded.error();
    const client::SharedConfig &shared = loaded.value();

    ConnectionProfiles result;
    result.credentialsFilePath = shared.credentialsFile().path();
    result.configFilePath = shared.configFile().path();
    result.selectedProfile = shared.profileName();
    result.environmentHasKeys = !environment.variable(QStringLiteral("AWS_ACCESS_KEY_ID")).isEmpty();
    result.defaultRegion = environment.variable(QStringLiteral("AWS_REGION"));
    if (result.defaultRegion.isEmpty())
        result.defaultRegion = environment.variable(QStringLiteral("AWS_DEFAULT_REGION"));

    const QStringList names = sortedProfileNames(shared.credentialsFile(), shared.configFile());
    result.profiles.reserve(names.size());
    for (const QString &name : names) {
        const AwsProfileSettings fromCredentials = shared.credentialsFile().profile(name);
        const AwsProfileSettings fromConfig = shared.configFile().profile(name);
        ConnectionProfile profile;
        profile.name = name;
        // The credentials file wins over the config file, as in SharedConfig.
        profile.region = fromCredentials.value(QStringLiteral("region"));
        if (profile.region.isEmpty())
            profile.region = fromConfig.value(QStringLiteral("region"));
        profile.regionFromProfile = !profile.region.isEmpty();
        if (!profile.regionFromProfile)
            profile.region = result.defaultRegion;
        profile.credentials = credentialsOf(fromCredentials, fromConfig);
        result.profiles.push_back(std::move(profile));
    }
    return result;
}

} // namespace sms::services
