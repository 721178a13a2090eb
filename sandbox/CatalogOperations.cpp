#include "sandbox/CatalogOperations.h"

#include "sandbox/SandboxServer.h"

#include <algorithm>

namespace sms::sandbox {
namespace {

bool matches(const api::Server &server, const std::vector<api::VmServerAddress> &addresses)
{
    const auto &address = server.vmServer->vmServerAddress;
    return std::any_of(addresses.begin(), addresses.end(), [&](const api::VmServerAddress &wanted) {
        return (!wanted.vmManagerId || wanted.vmManagerId == address->vmManagerId)
            && (!wanted.vmId || wanted.vmId == address->vmId);
    });
}

// What a token is bound to: the operation and its filter.
std::string queryOf(const api::GetServersRequest &request)
{
    std::string query = "GetServers";
    for (const auto &address : request.vmServerAddressList.value_or(std::vector<api::VmServerAddress>{}))
        query += '|' + address.vmManagerId.value_or("*") + '/' + address.vmId.value_or("*");
    return query;
}

} // namespace

CatalogOperations::CatalogOperations(SandboxState &state, const PageTokens &tokens, const SimulationClock &clock)
    : m_state(state)
    , m_tokens(tokens)
    , m_clock(clock)
{
}

void CatalogOperations::advance()
{
    if (m_state.catalogStatus == api::ServerCatalogStatus::Importing
        && m_clock.now().epochSeconds >= m_state.importDoneAt) {
        m_state.catalogStatus = api::ServerCatalogStatus::Available;
        m_state.catalogModified = m_state.importDoneAt;
    }
}

Result<api::ImportServerCatalogResponse>
CatalogOperations::importServerCatalog(const api::ImportServerCatalogRequest &)
{
    if (m_state.catalogStatus == api::ServerCatalogStatus::Importing)
        return SmsError::make(ErrorCode::OperationNotPermittedException,
                              "A server catalog import is already in progress.", 400);
    const auto &connectors = m_state.estate.connectors;
    const bool anyHealthy = std::any_of(connectors.begin(), connectors.end(),
                                        [](const api::Connector &c) { return c.status == api::ConnectorStatus::Healthy; });
    if (!anyHealthy)
        return SmsError::make(ErrorCode::NoConnectorsAvailableException,
                              "No healthy connector is associated to import the server catalog from.", 400);
    const double now = m_clock.now().epochSeconds;
    m_state.catalogStatus = api::ServerCatalogStatus::Importing;
    m_state.catalogModified = now;
    m_state.importDoneAt = now + kImportSeconds + double(m_state.estate.servers.size()) / 500.0;
    return api::ImportServerCatalogResponse{};
}

Result<api::DeleteServerCatalogResponse>
CatalogOperations::deleteServerCatalog(const api::DeleteServerCatalogRequest &)
{
    if (m_state.catalogStatus == api::ServerCatalogStatus::Importing)
        return SmsError::make(ErrorCode::OperationNotPermittedException,
                              "The server catalog cannot be deleted while it is being imported.", 400);
    m_state.catalogStatus = api::ServerCatalogStatus::Deleted;
    m_state.catalogModified = m_clock.now().epochSeconds;
    return api::DeleteServerCatalogResponse{};
}

Result<api::GetConnectorsResponse> CatalogOperations::getConnectors(const api::GetConnectorsRequest &request) const
{
    const auto &connectors = m_state.estate.connectors;
    auto page = pageOf(connectors.size(), request.nextToken, request.maxResults, "GetConnectors", m_tokens);
    if (!page)
        return page.error();
    api::GetConnectorsResponse response;
    const auto first = connectors.begin() + std::ptrdiff_t(page->first);
    response.connectorList.emplace(first, first + std::ptrdiff_t(page->count));
    response.nextToken = page->nextToken;
    return response;
}

Result<api::DisassociateConnectorResponse>
CatalogOperations::disassociateConnector(const api::DisassociateConnectorRequest &request)
{
    auto &connectors = m_state.estate.connectors;
    const auto it = std::find_if(connectors.begin(), connectors.end(),
                                 [&](const api::Connector &c) { return c.connectorId == request.connectorId; });
    if (it == connectors.end())
        return SmsError::make(ErrorCode::InvalidParameterException,
                              "Connector " + request.connectorId + " does not exist.", 400);
    connectors.erase(it);
    return api::DisassociateConnectorResponse{};
}

Result<api::GetServersResponse> CatalogOperations::getServers(const api::GetServersRequest &request) const
{
    const auto &filter = request.vmServerAddressList;
    const bool filtered = filter && !filter->empty();
    const api::ServerCatalogStatus current = m_state.catalogStatus;
    const auto &servers = m_state.estate.servers;
    // Only a filter needs a list of its own; otherwise pages cut the catalog itself.
    std::vector<const api::Server *> matched;
    if (current == api::ServerCatalogStatus::Available && filtered) {
        for (const EstateServer &entry : servers)
            if (matches(entry.server, *filter))
                matched.push_back(&entry.server);
    }
    const std::size_t total = current != api::ServerCatalogStatus::Available ? 0
        : filtered                                                          ? matched.size()
                                                                            : servers.size();

    auto page = pageOf(total, request.nextToken, request.maxResults, queryOf(request), m_tokens);
    if (!page)
        return page.error();
    api::GetServersResponse response;
    response.lastModifiedOn = api::Timestamp{m_state.catalogModified};
    response.serverCatalogStatus = current;
    auto &list = response.serverList.emplace();
    list.reserve(page->count);
    for (std::size_t i = page->first; i < page->first + page->count; ++i)
        list.push_back(filtered ? *matched[i] : servers[i].server);
    response.nextToken = page->nextToken;
    return response;
}

void CatalogOperations::registerWith(SandboxServer &server)
{
    server.addOperation<api::GetConnectorsRequest, api::GetConnectorsResponse>(
        "GetConnectors", [this](const auto &request) { return getConnectors(request); });
    server.addOperation<api::DisassociateConnectorRequest, api::DisassociateConnectorResponse>(
        "DisassociateConnector", [this](const auto &request) { return disassociateConnector(request); });
    server.addOperation<api::GetServersRequest, api::GetServersResponse>(
        "GetServers", [this](const auto &request) { return getServers(request); });
    server.addOperation<api::ImportServerCatalogRequest, api::ImportServerCatalogResponse>(
        "ImportServerCatalog", [this](const auto &request) { return importServerCatalog(request); });
    server.addOperation<api::DeleteServerCatalogRequest, api::DeleteServerCatalogResponse>(
        "DeleteServerCatalog", [this](const auto &request) { return deleteServerCatalog(request); });
}

} // namespace sms::sandbox
