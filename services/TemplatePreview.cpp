#include "services/TemplatePreview.h"

#include "services/PlanDiff.h"

#include <string_view>
#include <unordered_map>

namespace sms::services {

cloudformation::TemplateInput previewInput(const models::PlanData &plan, const models::PlanApplication &app)
{
    cloudformation::TemplateInput input;
    if (!app.appId.empty())
        input.app.appId = app.appId;
    input.app.name = app.name;
    if (!app.description.empty())
        input.app.description = app.description;
    input.tags = app.tags;
    input.amiParameters = true;

    std::unordered_map<std::string_view, const api::Server *> catalog;
    catalog.reserve(plan.catalog.servers.size());
    for (const api::Server &server : plan.catalog.servers)
        if (server.serverId)
            catalog.emplace(*server.serverId, &server);
    for (const models::PlanServerGroup &planGroup : app.serverGroups) {
        api::ServerGroup &group = input.serverGroups.emplace_back();
        if (!planGroup.serverGroupId.empty())
            group.serverGroupId = planGroup.serverGroupId;
        group.name = planGroup.name;
        auto &servers = group.serverList.emplace();
        for (const std::string &serverId : planGroup.serverIds) {
            const auto known = catalog.find(serverId);
            api::Server &server = servers.emplace_back(known != catalog.end() ? *known->second : api::Server());
            server.serverId = serverId;
        }
    }

    const ServerSettingsIndex own(plan.serverSettings);
    if (managesLaunch(app, own)) {
        api::PutAppLaunchConfigurationRequest launch = plannedLaunchRequest(app, own);
        input.launch.appId = std::move(launch.appId);
        input.launch.roleName = std::move(launch.roleName);
        input.launch.autoLaunch = launch.autoLaunch;
        input.launch.serverGroupLaunchConfigurations = std::move(launch.serverGroupLaunchConfigurations);
    }

    for (const models::ReplicationJobSummary &job : plan.catalog.replicationJobs)
        if (!job.latestAmiId.empty() && catalog.count(job.serverId))
            input.amiByServerId[job.serverId] = job.latestAmiId;
    return input;
}

Result<api::Json> previewTemplate(const models::PlanData &plan, const models::PlanApplication &app)
{
    auto tmpl = cloudformation::cloudFormationTemplate(previewInput(plan, app));
    if (!tmpl) {
        SmsError error = tmpl.error();
        error.message = inQuotes(app.name) + ": " + error.message;
        return error;
    }
    return tmpl;
}

} // namespace sms::services
