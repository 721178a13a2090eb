#include "client/SharedConfig.h"

#include "client/ConfigurationError.h"

#include <QDir>

namespace sms::client {
namespace {

const QString kCredentialsFileVar = QStringLiteral("AWS_SHARED_CREDENTIALS_FILE");
const QString kConfigFileVar = QStringLiteral("AWS_CONFIG_FILE");
const QString kProfileVar = QStringLiteral("AWS_PROFILE");

// The SDKs expand a leading `~` in the path variables; shells do not when the
// value is quoted, so users meet this often.
QString expandHome(const QString &path, const QString &homeDir)
{
    if (path == u"~")
        return homeDir;
    if (path.startsWith(u"~/") || path.startsWith(u"~\\"))
        return QDir(homeDir).filePath(path.mid(2));
    return path;
}

QString locate(const AwsEnvironment &environment, const QString &variable, const QString &fileName)
{
    const QString fromEnv = environment.variable(variable);
    if (!fromEnv.isEmpty())
        return QDir::cleanPath(expandHome(fromEnv, environment.homeDir));
    return QDir::cleanPath(QDir(environment.homeDir).filePath(QStringLiteral(".aws/") + fileName));
}

} // namespace

QString SharedConfig::credentialsFilePath(const AwsEnvironment &environment)
{
    return locate(environment, kCredentialsFileVar, QStringLiteral("credentials"));
}

QString SharedConfig::configFilePath(const AwsEnvironment &environment)
{
    return locate(environment, kConfigFileVar, QStringLiteral("config"));
}

Result<SharedConfig> SharedConfig::load(const AwsEnvironment &environment,
                                        const QString &explicitProfile)
{
    SharedConfig shared;
    if (!explicitProfile.trimmed().isEmpty()) {
        shared.m_profileName = explicitProfile.trimmed();
        shared.m_profileOrigin = QStringLiteral("--profile option");
    } else if (const QString fromEnv = environment.variable(kProfileVar); !fromEnv.isEmpty()) {
        shared.m_profileName = fromEnv;
        shared.m_profileOrigin = kProfileVar;
    } else {
        shared.m_profileName = QStringLiteral("default");
    }

    auto credentials = AwsConfigFile::load(credentialsFilePath(environment),
                                           AwsConfigFile::Kind::Credentials);
    if (!credentials)
        return credentials.error();
    auto config = AwsConfigFile::load(configFilePath(environment), AwsConfigFile::Kind::Config);
    if (!config)
        return config.error();

    shared.m_credentials = std::move(credentials).value();
    shared.m_config = std::move(config).value();
    shared.m_credentialsPathFromEnv = !environment.variable(kCredentialsFileVar).isEmpty();
    shared.m_configPathFromEnv = !environment.variable(kConfigFileVar).isEmpty();
    return shared;
}

bool SharedConfig::profileExists() const
{
    return m_credentials.hasProfile(m_profileName) || m_config.hasProfile(m_profileName);
}

std::optional<ProfileSetting> SharedConfig::setting(const QString &key) const
{
    for (const AwsConfigFile *file : {&m_credentials, &m_config}) {
        const QString value = file->profile(m_profileName).value(key);
        if (!value.isEmpty())
            return ProfileSetting{value, file->path()};
    }
    return std::nullopt;
}

Result<void> SharedConfig::requireNamedProfile() const
{
    if (!profileNamed() || profileExists())
        return {};
    return configurationError(QStringLiteral("The AWS profile '%1' (from %2) does not exist. Checked %3 "
                                             "and %4.")
                                  .arg(m_profileName, m_profileOrigin, describeCredentialsFile(),
                                       describeConfigFile()));
}

QString SharedConfig::describeProfile() const
{
    return QStringLiteral("profile '%1' (%2)")
        .arg(m_profileName, profileNamed() ? QStringLiteral("from ") + m_profileOrigin
                                           : QStringLiteral("the default: neither --profile nor AWS_PROFILE is set"));
}

QString SharedConfig::describeCredentialsFile() const
{
    return describeFile(m_credentials, QStringLiteral("shared credentials file"),
                        m_credentialsPathFromEnv ? kCredentialsFileVar : QString());
}

QString SharedConfig::describeConfigFile() const
{
    return describeFile(m_config, QStringLiteral("config file"),
                        m_configPathFromEnv ? kConfigFileVar : QString());
}

QString SharedConfig::describeFile(const AwsConfigFile &file, const QString &label,
                                   const QString &pathVariable) const
{
    QString status;
    if (!file.exists())
        status = QStringLiteral("file does not exist");
    else if (!file.hasProfile(m_profileName))
        status = QStringLiteral("no section for profile '%1'").arg(m_profileName);
    else
        status = QStringLiteral("has a section for profile '%1'").arg(m_profileName);
    return QStringLiteral("%1 '%2'%3 (%4)")
        .arg(label, QDir::toNativeSeparators(file.path()),
             pathVariable.isEmpty() ? QString() : QStringLiteral(" from ") + pathVariable, status);
}

} // namespace sms::client
