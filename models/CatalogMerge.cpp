#include "models/CatalogMerge.h"

#include "models/OfflineServerId.h"

#include <QDateTime>

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace sms::models {
namespace {

// The VM a server stands for, as a key; empty when it names no VM manager and VM id.
std::string addressKey(const api::Server &server)
{
    if (!server.vmServer || !server.vmServer->vmServerAddress)
        return {};
    const api::VmServerAddress &address = *server.vmServer->vmServerAddress;
    if (!address.vmManagerId || !address.vmId || address.vmManagerId->empty() || address.vmId->empty())
        return {};
    return *address.vmManagerId + '\n' + *address.vmId;
}

std::string vmName(const api::Server &server)
{
    return server.vmServer ? server.vmServer->vmName.value_or(std::string()) : std::string();
}

// The catalog's endpoint servers by VM address, and their VM names with how often each comes.
class EndpointVms
{
public:
    explicit EndpointVms(const std::vector<api::Server> &catalog)
    {
        for (const api::Server &server : catalog) {
            if (!server.serverId || isOfflineServerId(*server.serverId))
                continue;
            const std::string &id = *server.serverId;
            if (std::string key = addressKey(server); !key.empty())
                m_addresses.emplace(std::move(key), id);
            if (std::string name = vmName(server); !name.empty()) {
                Named &named = m_names[name];
                if (named.count++ == 0)
                    named.serverId = id;
            }
        }
    }

    // The endpoint server that is the same VM as `imported`; empty when none is.
    std::string find(const api::Server &imported) const
    {
        if (const std::string key = addressKey(imported); !key.empty()) {
            const auto it = m_addresses.find(key);
            return it == m_addresses.end() ? std::string() : it->second;
        }
        const auto named = m_names.find(vmName(imported));
        return named != m_names.end() && !named->first.empty() && named->second.count == 1 ? named->second.serverId
                                                                                           : std::string();
    }

private:
    struct Named
    {
        int count = 0;
        std::string serverId;  // of the first
    };
    std::unordered_map<std::string, std::string> m_addresses;  // the first server of each
    std::unordered_map<std::string, Named> m_names;
};

} // namespace

void markReadFromFile(CatalogSource &source)
{
    if (source.endpoint.empty())
        source.readAt = api::Timestamp{double(QDateTime::currentMSecsSinceEpoch()) / 1000.0};
}

CatalogMerge sortIntoCatalog(const std::vector<api::Server> &catalog, std::vector<api::Server> servers)
{
    std::unordered_set<std::string_view> ids;
    for (const api::Server &server : catalog)
        if (server.serverId)
            ids.insert(*server.serverId);
    const EndpointVms endpoint(catalog);
    CatalogMerge merge;
    // Where each new id went in `adding`: a later copy of the same server wins.
    std::unordered_map<std::string, std::size_t> addedRows;
    for (api::Server &server : servers) {
        const std::string id = server.serverId.value_or(std::string());
        if (ids.count(id)) {
            merge.replacing.push_back(std::move(server));
        } else if (std::string endpointId = endpoint.find(server); !endpointId.empty()) {
            merge.onEndpoint.emplace(id, std::move(endpointId));
        } else if (const auto it = addedRows.find(id); it != addedRows.end()) {
            merge.adding[it->second] = std::move(server);
        } else {
            addedRows.emplace(id, merge.adding.size());
            merge.adding.push_back(std::move(server));
        }
    }
    return merge;
}

std::vector<InventoryDetails> mergedInventory(std::vector<InventoryDetails> inventory,
                                              std::vector<InventoryDetails> details, const CatalogMerge &merge)
{
    std::unordered_map<std::string, std::size_t> rows;
    for (std::size_t i = 0; i < inventory.size(); ++i)
        rows.emplace(inventory[i].serverId, i);
    for (InventoryDetails &entry : details) {
        if (const auto endpoint = merge.onEndpoint.find(entry.serverId); endpoint != merge.onEndpoint.end())
            entry.serverId = endpoint->second;
        if (const auto [it, added] = rows.emplace(entry.serverId, inventory.size()); added)
            inventory.push_back(std::move(entry));
        else
            inventory[it->second] = std::move(entry);
    }
    return inventory;
}

CatalogMergeCounts mergeIntoCatalog(PlanData &plan, std::vector<api::Server> servers, std::vector<InventoryDetails> details)
{
    std::vector<api::Server> &list = plan.catalog.servers;
    CatalogMerge merge = sortIntoCatalog(list, std::move(servers));
    const CatalogMergeCounts counts = merge.counts();
    std::unordered_map<std::string, std::size_t> rows;
    for (std::size_t i = 0; i < list.size(); ++i)
        rows.emplace(list[i].serverId.value_or(std::string()), i);
    for (api::Server &server : merge.replacing)
        list[rows.at(*server.serverId)] = std::move(server);
    for (api::Server &server : merge.adding)
        list.push_back(std::move(server));
    plan.inventory = mergedInventory(std::move(plan.inventory), std::move(details), merge);
    markReadFromFile(plan.catalog.source);
    return counts;
}

} // namespace sms::models
