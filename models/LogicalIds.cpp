#include "models/LogicalIds.h"

#include "models/LaunchFieldChecks.h"
#include "models/PlanSettings.h"

#include <unordered_map>
#include <unordered_set>

namespace sms::models {
namespace {

std::string vmNameOf(const api::Server &server)
{
    return server.vmServer && server.vmServer->vmName ? *server.vmServer->vmName : std::string();
}

} // namespace

std::vector<ServerLogicalId> logicalIdsOf(const PlanData &plan, const PlanApplication &app)
{
    const ServerSettingsIndex own(plan.serverSettings);
    const std::optional<std::string> appLevel = app.settings.launch ? app.settings.launch->logicalId : std::nullopt;
    std::vector<ServerLogicalId> ids;
    for (const PlanServerGroup &group : app.serverGroups) {
        for (const std::string &serverId : group.serverIds) {
            const PlanServerSettings *settings = own.find(serverId);
            const std::optional<std::string> &id
                = settings && settings->launch && settings->launch->logicalId ? settings->launch->logicalId : appLevel;
            if (id && !id->empty())
                ids.push_back({serverId, *id});
        }
    }
    return ids;
}

std::vector<ServerLogicalId> generateLogicalIds(const PlanData &plan, const PlanApplication &app,
                                                const std::vector<std::string> &serverIds)
{
    const std::unordered_set<std::string_view> regenerated(serverIds.begin(), serverIds.end());
    cloudformation::LogicalIdAllocator ids;
    for (const ServerLogicalId &id : logicalIdsOf(plan, app))
        if (!regenerated.count(id.serverId))
            ids.reserve(id.logicalId);

    std::unordered_map<std::string_view, const api::Server *> catalog;
    for (const api::Server &server : plan.catalog.servers)
        if (server.serverId)
            catalog.emplace(*server.serverId, &server);

    std::vector<ServerLogicalId> generated;
    generated.reserve(serverIds.size());
    for (const std::string &serverId : serverIds) {
        const auto found = catalog.find(serverId);
        std::string wanted = logicalIdFromName(found == catalog.end() ? std::string() : vmNameOf(*found->second));
        if (wanted.empty())
            wanted = logicalIdFromName(serverId);
        if (wanted.empty())
            wanted = "Server";
        generated.push_back({serverId, ids.allocate(wanted)});
    }
    return generated;
}

} // namespace sms::models
