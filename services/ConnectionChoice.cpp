#include "services/ConnectionChoice.h"

#include "client/CredentialChain.h"

namespace sms::services {
namespace {

ConnectionChoice sandboxBecause(QString reason)
{
    ConnectionChoice choice;
    choice.sandbox = true;
    choice.reason = std::move(reason);
    return choice;
}

bool namesAConnection(const ConnectionRequest &request)
{
    const auto &environment = request.environment;
    return !request.profile.isEmpty() || !request.endpointUrl.isEmpty()
        || !environment.variable(QStringLiteral("AWS_PROFILE")).isEmpty()
        || !environment.variable(QStringLiteral("AWS_ENDPOINT_URL")).isEmpty();
}

bool credentialsAnywhere(const ConnectionRequest &request)
{
    client::CredentialChainOptions chain;
    chain.profile = request.profile;
    chain.environment = request.environment;
    chain.sharedConfig = std::make_shared<client::SharedConfigCache>(request.environment, request.profile);
    const auto credentials = client::CredentialChain(chain).resolve();
    return credentials || credentials.error().errorCode() != ErrorCode::CredentialsNotFound;
}

} // namespace

Result<ConnectionChoice> chooseConnection(const ConnectionRequest &request, bool sandboxRequested)
{
    if (sandboxRequested)
        return sandboxBecause(QStringLiteral("--sandbox was given"));
    auto config = resolveConnection(request);
    if (config) {
        ConnectionChoice choice;
        choice.config = std::move(config).value();
        return choice;
    }
    if (namesAConnection(request))
        return config.error();
    // A missing region matters only to someone with credentials to use.
    if (config.error().errorCode() == ErrorCode::CredentialsNotFound || !credentialsAnywhere(request))
        return sandboxBecause(QStringLiteral("no AWS credentials were found"));
    return config.error();
}

} // namespace sms::services
