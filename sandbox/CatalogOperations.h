#pragma once
// CatalogOperations: the sandbox's connectors and server catalog as SMS serves
// them: GetConnectors, DisassociateConnector, GetServers (pages, opaque
// tokens, the vmServerAddressList filter), ImportServerCatalog and
// DeleteServerCatalog, over a generated estate. An import takes simulated
// time: IMPORTING for kImportSeconds plus a second per 500 servers, then
// AVAILABLE. Only an AVAILABLE catalog lists servers.

#include "api/SmsTypes.h"
#include "sandbox/Paging.h"
#include "sandbox/SandboxState.h"
#include "sandbox/SimulationClock.h"

namespace sms::sandbox {

class SandboxServer;

class CatalogOperations
{
public:
    static constexpr double kImportSeconds = 60;

    CatalogOperations(SandboxState &state, const PageTokens &tokens, const SimulationClock &clock);

    Result<api::GetConnectorsResponse> getConnectors(const api::GetConnectorsRequest &request) const;
    Result<api::DisassociateConnectorResponse> disassociateConnector(const api::DisassociateConnectorRequest &request);
    Result<api::GetServersResponse> getServers(const api::GetServersRequest &request) const;
    Result<api::ImportServerCatalogResponse> importServerCatalog(const api::ImportServerCatalogRequest &request);
    Result<api::DeleteServerCatalogResponse> deleteServerCatalog(const api::DeleteServerCatalogRequest &request);

    // Finishes an import whose time has come (the engine calls it before each request).
    void advance();

    // Serves the operations above through `server`; this object must outlive it.
    void registerWith(SandboxServer &server);

private:

    SandboxState &m_state;
    const PageTokens &m_tokens;
    const SimulationClock &m_clock;
};

} // namespace sms::sandbox
