#pragma once
// CatalogOperations: the sandbox's connectors and server catalog as SMS serves
// them: GetConnectors, DisassociateConnector and GetServers (pages, opaque
// tokens, the vmServerAddressList filter), over a generated estate.

#include "api/SmsTypes.h"
#include "sandbox/EstateGenerator.h"
#include "sandbox/Paging.h"

namespace sms::sandbox {

class SandboxServer;

class CatalogOperations
{
public:
    CatalogOperations(Estate estate, QByteArray tokenSecret);

    Result<api::GetConnectorsResponse> getConnectors(const api::GetConnectorsRequest &request) const;
    Result<api::DisassociateConnectorResponse> disassociateConnector(const api::DisassociateConnectorRequest &request);
    Result<api::GetServersResponse> getServers(const api::GetServersRequest &request) const;

    // Serves the operations above through `server`; this object must outlive it.
    void registerWith(SandboxServer &server);

private:
    Estate m_estate;
    PageTokens m_tokens;
};

} // namespace sms::sandbox
