// Settings as they will be put: the application's, then the server's own.

#include "models/PlanSettings.h"

#include <algorithm>

namespace sms::models {

const PlanServerSettings *findServerSettings(const std::vector<PlanServerSettings> &settings,
                                             std::string_view serverId)
{
    const auto it = std::find_if(settings.begin(), settings.end(),
                                 [serverId](const PlanServerSettings &s) { return s.serverId == serverId; });
    return it == settings.end() ? nullptr : &*it;
}

ServerSettingsIndex::ServerSettingsIndex(const std::vector<PlanServerSettings> &settings)
{
    m_byServer.reserve(settings.size());
    for (const PlanServerSettings &own : settings)
        m_byServer.emplace(own.serverId, &own);
}

const PlanServerSettings *ServerSettingsIndex::find(std::string_view serverId) const
{
    const auto it = m_byServer.find(serverId);
    return it == m_byServer.end() ? nullptr : it->second;
}

api::ServerReplicationParameters effectiveReplication(const PlanApplication &app, const PlanServerSettings *own)
{
    api::ServerReplicationParameters base = app.settings.replication.value_or(api::ServerReplicationParameters{});
    return own && own->replication ? overlaid(std::move(base), *own->replication) : base;
}

api::ServerLaunchConfiguration effectiveLaunch(const PlanApplication &app, const PlanServerSettings *own)
{
    api::ServerLaunchConfiguration base = app.settings.launch.value_or(api::ServerLaunchConfiguration{});
    return own && own->launch ? overlaid(std::move(base), *own->launch) : base;
}

std::optional<api::ServerReplicationParameters> plannedReplication(const PlanData &plan, std::string_view serverId,
                                                                   std::string *roleName)
{
    for (const PlanApplication &app : plan.applications) {
        for (const PlanServerGroup &group : app.serverGroups) {
            if (std::find(group.serverIds.begin(), group.serverIds.end(), serverId) == group.serverIds.end())
                continue;
            if (roleName)
                *roleName = app.roleName;
            return effectiveReplication(app, findServerSettings(plan.serverSettings, serverId));
        }
    }
    return std::nullopt;
}

} // namespace sms::models
