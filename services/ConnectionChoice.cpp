#include "services/ConnectionChoice.h"

namespace sms::services {
namespace {

ConnectionChoice sandboxBecause(SandboxReason reason)
{
    ConnectionChoice choice;
    choice.sandbox = true;
    choice.reason = reason;
    return choice;
}

bool namesAConnection(const ConnectionRequest &request)
{
    const auto &environment = request.environment;
    return !request.profile.isEmpty() || !request.endpointUrl.isEmpty()
        || !environment.variable(QStringLiteral("AWS_PROFILE")).isEmpty()
        || !environment.variable(QStringLiteral("AWS_ENDPOINT_URL")).isEmpty();
}

} // namespace

Result<ConnectionChoice> chooseConnection(const ConnectionRequest &request, SandboxReason asked)
{
    if (asksForSandbox(asked))
        return sandboxBecause(asked);
    const bool named = namesAConnection(request);
    const auto shared = sharedConfigOf(request);
    auto settings = resolveSettings(request, shared);
    if (!settings && named)
        return settings.error();
    // A missing region matters only to someone with credentials to use.
    auto credentials = resolveCredentials(request, shared);
    if (!credentials && credentials.error().errorCode() == ErrorCode::CredentialsNotFound && !named)
        return sandboxBecause(SandboxReason::NoCredentials);
    if (!settings)
        return settings.error();
    if (!credentials)
        return credentials.error();
    ConnectionChoice choice;
    choice.config = std::move(settings).value();
    choice.config.credentials = std::move(credentials).value();
    return choice;
}

} // namespace sms::services
