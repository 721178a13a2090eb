#include "services/ServerResolver.h"

#include <algorithm>

namespace sms::services {

std::string ServerResolution::describe(std::string_view planId) const
{
    const std::string plan(planId);
    switch (how) {
    case How::ById: return plan;
    case How::ByAddress: return plan + " (found as " + endpointId + " by its VM manager and VM id)";
    case How::ByName: return plan + " (found as " + endpointId + " by its VM name)";
    case How::Ambiguous: {
        std::string list;
        for (const std::string &candidate : candidates)
            list += (list.empty() ? "" : ", ") + candidate;
        return plan + " matches several endpoint servers (" + list + "); give it its endpoint serverId in the plan";
    }
    case How::Unresolved: break;
    }
    return plan + " is not in the endpoint's catalog, and no server there has its VM id or VM name";
}

ServerResolver::ServerResolver(const std::vector<api::Server> &endpointServers,
                               const std::vector<api::Server> &planCatalog)
    : m_endpointServers(endpointServers)
    , m_planCatalog(planCatalog)
{
    m_endpointById.reserve(endpointServers.size());
    for (const api::Server &server : endpointServers)
        if (server.serverId)
            m_endpointById.emplace(*server.serverId, &server);
}

void ServerResolver::indexFallbacks() const
{
    if (m_fallbacksIndexed)
        return;
    m_fallbacksIndexed = true;
    for (const api::Server &server : m_endpointServers) {
        if (!server.serverId)
            continue;
        if (std::string key = addressKey(server); !key.empty())
            m_endpointByAddress.emplace(std::move(key), &server);
        if (std::string name = nameOf(server); !name.empty())
            m_endpointByName.emplace(std::move(name), &server);
    }
    m_planById.reserve(m_planCatalog.size());
    for (const api::Server &server : m_planCatalog)
        if (server.serverId)
            m_planById.emplace(*server.serverId, &server);
}

// The VM manager and the VM's id there; empty without a VM id.
std::string ServerResolver::addressKey(const api::Server &server)
{
    if (!server.vmServer || !server.vmServer->vmServerAddress || !server.vmServer->vmServerAddress->vmId)
        return {};
    const auto &address = *server.vmServer->vmServerAddress;
    return address.vmManagerId.value_or("") + '\n' + *address.vmId;
}

std::string ServerResolver::nameOf(const api::Server &server)
{
    return server.vmServer && server.vmServer->vmName ? *server.vmServer->vmName : std::string();
}

std::string_view ServerResolver::endpointId(std::string_view planServerId) const
{
    if (const auto it = m_endpointById.find(planServerId); it != m_endpointById.end())
        return it->first;
    const ServerResolution found = resolve(planServerId);
    return found.resolved() ? m_endpointById.find(found.endpointId)->first : std::string_view();
}

ServerResolution ServerResolver::resolve(std::string_view planServerId) const
{
    ServerResolution result;
    if (m_endpointById.count(planServerId)) {
        result.how = ServerResolution::How::ById;
        result.endpointId = std::string(planServerId);
        return result;
    }
    indexFallbacks();
    const auto planEntry = m_planById.find(planServerId);
    if (planEntry == m_planById.end())
        return result;
    const auto match = [&](const auto &index, const std::string &key, ServerResolution::How how) {
        if (key.empty())
            return false;
        const auto [first, last] = index.equal_range(key);
        if (first == last)
            return false;
        for (auto it = first; it != last; ++it)
            result.candidates.push_back(*it->second->serverId);
        std::sort(result.candidates.begin(), result.candidates.end());
        if (result.candidates.size() == 1) {
            result.how = how;
            result.endpointId = result.candidates.front();
            result.candidates.clear();
        } else {
            result.how = ServerResolution::How::Ambiguous;
        }
        return true;
    };
    const api::Server &plan = *planEntry->second;
    if (!match(m_endpointByAddress, addressKey(plan), ServerResolution::How::ByAddress))
        match(m_endpointByName, nameOf(plan), ServerResolution::How::ByName);
    return result;
}

} // namespace sms::services
