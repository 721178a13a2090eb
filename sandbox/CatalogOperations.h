#pragma once
// CatalogOperations: the sandbox's connectors and server catalog as SMS serves
// them: GetConnectors, DisassociateConnector, GetServers (pages, opaque
// tokens, the vmServerAddressList filter), ImportServerCatalog and
// DeleteServerCatalog, over a generated estate. An import takes simulated
// time: IMPORTING for kImportSeconds plus a second per 500 servers, then
// AVAILABLE. Only an AVAILABLE catalog lists servers.

#include "api/SmsTypes.h"
#include "sandbox/EstateGenerator.h"
#include "sandbox/Paging.h"
#include "sandbox/SimulationClock.h"

namespace sms::sandbox {

class SandboxServer;

class CatalogOperations
{
public:
    static constexpr double kImportSeconds = 60;

    // The estate starts as already imported unless `initial` says otherwise.
    CatalogOperations(Estate estate, QByteArray tokenSecret, const SimulationClock &clock,
                      api::ServerCatalogStatus initial = api::ServerCatalogStatus::Available);

    Result<api::GetConnectorsResponse> getConnectors(const api::GetConnectorsRequest &request) const;
    Result<api::DisassociateConnectorResponse> disassociateConnector(const api::DisassociateConnectorRequest &request);
    Result<api::GetServersResponse> getServers(const api::GetServersRequest &request) const;
    Result<api::ImportServerCatalogResponse> importServerCatalog(const api::ImportServerCatalogRequest &request);
    Result<api::DeleteServerCatalogResponse> deleteServerCatalog(const api::DeleteServerCatalogRequest &request);

    // Serves the operations above through `server`; this object must outlive it.
    void registerWith(SandboxServer &server);

private:
    // Where the catalog is now, finishing an import whose time has come.
    api::ServerCatalogStatus status() const;

    Estate m_estate;
    PageTokens m_tokens;
    const SimulationClock &m_clock;
    mutable api::ServerCatalogStatus m_status;
    mutable api::Timestamp m_lastModifiedOn;
    api::Timestamp m_importDoneAt;
};

} // namespace sms::sandbox
