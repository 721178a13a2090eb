#include "client/CredentialChain.h"

#include "client/ConfigurationError.h"
#include "client/CredentialProcess.h"
#include "client/SharedConfig.h"

#include <QDir>

#include <array>

namespace sms::client {
namespace {

const QString kAccessKeyVar = QStringLiteral("AWS_ACCESS_KEY_ID");
const QString kSecretKeyVar = QStringLiteral("AWS_SECRET_ACCESS_KEY");
const QString kSessionTokenVar = QStringLiteral("AWS_SESSION_TOKEN");

// Half a key pair is a typo to report, not a reason to try the next link:
// the SDKs fail the same way, and falling through would sign as someone else.
std::optional<Result<Credentials>> fromEnvironment(const AwsEnvironment &environment)
{
    const QString accessKey = environment.variable(kAccessKeyVar);
    const QString secretKey = environment.variable(kSecretKeyVar);
    if (accessKey.isEmpty() && secretKey.isEmpty())
        return std::nullopt;
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
        return configurationError(QStringLiteral("%1 is set but %2 is not; set both or neither.")
                                      .arg(accessKey.isEmpty() ? kSecretKeyVar : kAccessKeyVar,
                                           accessKey.isEmpty() ? kAccessKeyVar : kSecretKeyVar));
    }
    Credentials credentials;
    credentials.accessKeyId = accessKey;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = environment.variable(kSessionTokenVar);
    credentials.source = QStringLiteral("environment variables %1/%2").arg(kAccessKeyVar, kSecretKeyVar);
    return credentials;
}

std::optional<Result<Credentials>> fromStaticKeys(const AwsConfigFile &file, const QString &profile,
                                                  const QString &fileLabel)
{
    const AwsProfileSettings settings = file.profile(profile);
    const QString accessKey = settings.value(QStringLiteral("aws_access_key_id"));
    const QString secretKey = settings.value(QStringLiteral("aws_secret_access_key"));
    if (accessKey.isEmpty() && secretKey.isEmpty())
        return std::nullopt;
    const QString where = QStringLiteral("profile '%1' in %2 '%3'")
                              .arg(profile, fileLabel, QDir::toNativeSeparators(file.path()));
    if (accessKey.isEmpty() || secretKey.isEmpty()) {
        return configurationError(QStringLiteral("The AWS %1 sets %2 but not %3.")
                                      .arg(where,
                                           accessKey.isEmpty() ? QStringLiteral("aws_secret_access_key")
                                                               : QStringLiteral("aws_access_key_id"),
                                           accessKey.isEmpty() ? QStringLiteral("aws_access_key_id")
                                                               : QStringLiteral("aws_secret_access_key")));
    }
    Credentials credentials;
    credentials.accessKeyId = accessKey;
    credentials.secretAccessKey = secretKey;
    credentials.sessionToken = settings.value(QStringLiteral("aws_session_token"));
    credentials.source = where;
    return credentials;
}

// Profiles that need STS or SSO calls: this client does not make those, and
// silently using other keys of the same profile would sign as the wrong identity.
std::optional<SmsError> unsupportedProviderOf(const SharedConfig &shared)
{
    static const std::array kKeys{QStringLiteral("role_arn"), QStringLiteral("sso_session"),
                                  QStringLiteral("sso_start_url"),
                                  QStringLiteral("web_identity_token_file")};
    for (const QString &key : kKeys) {
        if (const auto found = shared.setting(key)) {
            return configurationError(
                QStringLiteral("The AWS profile '%1' uses %2 (in '%3'), which this application "
                               "cannot resolve by itself. Add a profile whose credential_process "
                               "is `aws configure export-credentials --profile %1 --format process` "
                               "and select that one instead.")
                    .arg(shared.profileName(), key, QDir::toNativeSeparators(found->filePath)));
        }
    }
    return std::nullopt;
}

} // namespace

CredentialChain::CredentialChain(CredentialChainOptions options)
    : m_options(std::move(options))
{
    m_options.sharedConfig = SharedConfigCache::shareOrCreate(
        std::move(m_options.sharedConfig), m_options.environment, m_options.profile);
}

Result<Credentials> CredentialChain::resolve() const
{
    // Environment first, before touching any file: a broken ~/.aws must not
    // stand in the way of keys given explicitly.
    if (auto fromEnv = fromEnvironment(m_options.environment))
        return std::move(*fromEnv);

    const auto &loaded = m_options.sharedConfig->get();
    if (!loaded)
        return loaded.error();
    const SharedConfig &shared = loaded.value();
    if (auto named = shared.requireNamedProfile(); !named)
        return named.error();
    if (auto unsupported = unsupportedProviderOf(shared))
        return *unsupported;

    const QString &profile = shared.profileName();
    if (auto found = fromStaticKeys(shared.credentialsFile(), profile,
                                    QStringLiteral("shared credentials file")))
        return std::move(*found);

    if (const auto command = shared.setting(QStringLiteral("credential_process"))) {
        CredentialProcessRequest request;
        request.command = command->value;
        request.profileName = profile;
        request.source = QStringLiteral("credential_process of profile '%1' in '%2'")
                             .arg(profile, QDir::toNativeSeparators(command->filePath));
        request.environment = m_options.environment.variables;
        request.timeout = m_options.processTimeout;
        return runCredentialProcess(request);
    }

    if (auto found = fromStaticKeys(shared.configFile(), profile, QStringLiteral("config file")))
        return std::move(*found);

    return SmsError::make(
        ErrorCode::CredentialsNotFound,
        QStringLiteral("No AWS credentials found. Looked for environment variables %1 and %2 "
                       "(not set), then for aws_access_key_id/aws_secret_access_key or "
                       "credential_process for %3 in %4 and %5.")
            .arg(kAccessKeyVar, kSecretKeyVar, shared.describeProfile(),
                 shared.describeCredentialsFile(), shared.describeConfigFile())
            .toStdString());
}

} // namespace sms::client
