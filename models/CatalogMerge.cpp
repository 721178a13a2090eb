#include "models/CatalogMerge.h"

#include "models/PlanDocument.h"

#include <QDateTime>

#include <string>
#include <unordered_map>

namespace sms::models {

CatalogMergeCounts mergeIntoCatalog(PlanDocument &document, std::vector<api::Server> servers)
{
    std::vector<api::Server> replaced;
    std::vector<api::Server> added;
    // Where each new id went in `added`: a later copy of the same server wins.
    std::unordered_map<std::string, std::size_t> addedRows;
    for (api::Server &server : servers) {
        const std::string id = server.serverId.value_or(std::string());
        if (document.catalogRow(id) >= 0) {
            replaced.push_back(std::move(server));
        } else if (const auto it = addedRows.find(id); it != addedRows.end()) {
            added[it->second] = std::move(server);
        } else {
            addedRows.emplace(id, added.size());
            added.push_back(std::move(server));
        }
    }
    CatalogMergeCounts counts;
    counts.replaced = replaced.size();
    counts.added = added.size();
    document.replaceServers(std::move(replaced));
    document.appendServers(std::move(added));

    CatalogSource source = document.catalog().source;
    if (source.endpoint.empty())
        source.readAt = api::Timestamp{double(QDateTime::currentMSecsSinceEpoch()) / 1000.0};
    // Also tells the status bar the new count.
    document.setCatalogSource(std::move(source));
    return counts;
}

} // namespace sms::models
