#include "models/CatalogMerge.h"

#include "models/OfflineServerId.h"
#include "models/PlanDocument.h"

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
            if (isOfflineServerId(server.serverId.value_or(std::string())))
                continue;
            if (std::string key = addressKey(server); !key.empty())
                m_addresses.insert(std::move(key));
            if (std::string name = vmName(server); !name.empty())
                ++m_names[name];
        }
    }

    bool has(const api::Server &imported) const
    {
        if (const std::string key = addressKey(imported); !key.empty())
            return m_addresses.count(key) > 0;
        const auto named = m_names.find(vmName(imported));
        return named != m_names.end() && !named->first.empty() && named->second == 1;
    }

private:
    std::unordered_set<std::string> m_addresses;
    std::unordered_map<std::string, int> m_names;
};

// A catalog from no endpoint is read from a file now: complete, so that a
// later connect does not read over it.
void markReadFromFile(CatalogSource &source)
{
    if (source.endpoint.empty())
        source.readAt = api::Timestamp{double(QDateTime::currentMSecsSinceEpoch()) / 1000.0};
}

} // namespace

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
        } else if (endpoint.has(server)) {
            ++merge.onEndpoint;
        } else if (const auto it = addedRows.find(id); it != addedRows.end()) {
            merge.adding[it->second] = std::move(server);
        } else {
            addedRows.emplace(id, merge.adding.size());
            merge.adding.push_back(std::move(server));
        }
    }
    return merge;
}

CatalogMergeCounts mergeIntoCatalog(CatalogSnapshot &catalog, std::vector<api::Server> servers)
{
    std::vector<api::Server> &list = catalog.servers;
    CatalogMerge merge = sortIntoCatalog(list, std::move(servers));
    const CatalogMergeCounts counts = merge.counts();
    std::unordered_map<std::string, std::size_t> rows;
    for (std::size_t i = 0; i < list.size(); ++i)
        rows.emplace(list[i].serverId.value_or(std::string()), i);
    for (api::Server &server : merge.replacing)
        list[rows.at(*server.serverId)] = std::move(server);
    for (api::Server &server : merge.adding)
        list.push_back(std::move(server));
    markReadFromFile(catalog.source);
    return counts;
}

CatalogMergeCounts mergeIntoCatalog(PlanDocument &document, std::vector<api::Server> servers)
{
    CatalogMerge merge = sortIntoCatalog(document.catalog().servers, std::move(servers));
    const CatalogMergeCounts counts = merge.counts();
    document.replaceServers(std::move(merge.replacing));
    document.appendServers(std::move(merge.adding));

    CatalogSource source = document.catalog().source;
    markReadFromFile(source);
    // Also tells the status bar the new count.
    document.setCatalogSource(std::move(source));
    return counts;
}

} // namespace sms::models
