#pragma once
// SharedConfig: the selected profile as seen through both AWS shared files.
// It locates the files (env overrides, `~` expansion), picks the profile
// (explicit option, else AWS_PROFILE, else "default") and answers lookups with
// the SDK rule that the credentials file wins over the config file.

#include "api/Result.h"
#include "client/AwsConfigFile.h"
#include "client/AwsEnvironment.h"

#include <memory>
#include <optional>

namespace sms::client {

// A profile setting together with the file it came from, for `source` texts.
struct ProfileSetting
{
    QString value;
    QString filePath;
};

class SharedConfig
{
public:
    // explicitProfile comes from a --profile style option; empty means "not given".
    static Result<SharedConfig> load(const AwsEnvironment &environment,
                                     const QString &explicitProfile);

    // Where the files live for this environment, whether or not they exist.
    static QString credentialsFilePath(const AwsEnvironment &environment);
    static QString configFilePath(const AwsEnvironment &environment);

    const QString &profileName() const { return m_profileName; }
    // True when the user named the profile (option or AWS_PROFILE): then a
    // missing profile is a mistake to report, not a reason to fall back.
    bool profileNamed() const { return !m_profileOrigin.isEmpty(); }
    bool profileExists() const;

    const AwsConfigFile &credentialsFile() const { return m_credentials; }
    const AwsConfigFile &configFile() const { return m_config; }

    std::optional<ProfileSetting> setting(const QString &key) const;

    // Fails when the user named a profile that neither file defines.
    Result<void> requireNamedProfile() const;

    // "profile 'x' (from AWS_PROFILE)" — for "where did we look" messages.
    QString describeProfile() const;
    // "shared credentials file '/h/.aws/credentials' (file does not exist)" etc.
    QString describeCredentialsFile() const;
    QString describeConfigFile() const;

private:
    // pathVariable: the variable the file's path came from; empty for the default path.
    QString describeFile(const AwsConfigFile &file, const QString &label,
                         const QString &pathVariable) const;

    QString m_profileName;
    QString m_profileOrigin; // "--profile option" / "AWS_PROFILE", empty for the default
    AwsConfigFile m_credentials;
    AwsConfigFile m_config;
    bool m_credentialsPathFromEnv = false;
    bool m_configPathFromEnv = false;
};

// The shared files read once, on first need, however many look-ups one
// connection makes (region, endpoint, credentials, retry settings).
class SharedConfigCache
{
public:
    SharedConfigCache(AwsEnvironment environment, QString explicitProfile)
        : m_environment(std::move(environment))
        , m_profile(std::move(explicitProfile))
    {
    }

    // `given` when a resolver was handed one to share, else a cache of its own.
    static std::shared_ptr<const SharedConfigCache> shareOrCreate(
        std::shared_ptr<const SharedConfigCache> given, const AwsEnvironment &environment,
        const QString &explicitProfile)
    {
        if (given)
            return given;
        return std::make_shared<const SharedConfigCache>(environment, explicitProfile);
    }

    const Result<SharedConfig> &get() const
    {
        if (!m_loaded)
            m_loaded.emplace(SharedConfig::load(m_environment, m_profile));
        return *m_loaded;
    }

private:
    AwsEnvironment m_environment;
    QString m_profile;
    mutable std::optional<Result<SharedConfig>> m_loaded;
};

} // namespace sms::client
