#include "services/AppSync.h"

#include "api/OrEmpty.h"

#include <algorithm>

namespace sms::services {
namespace {

template <typename T>
std::optional<T> unlessEmpty(const T &value)
{
    return value.empty() ? std::nullopt : std::optional<T>(value);
}

std::vector<api::ServerGroup> serverGroupRequests(const std::vector<models::PlanServerGroup> &groups, bool keepIds)
{
    std::vector<api::ServerGroup> requests;
    requests.reserve(groups.size());
    for (const models::PlanServerGroup &group : groups)
        requests.push_back(serverGroupRequest(group, keepIds));
    return requests;
}

} // namespace

api::ServerGroup serverGroupRequest(const models::PlanServerGroup &group, bool keepId)
{
    api::ServerGroup request;
    if (keepId)
        request.serverGroupId = unlessEmpty(group.serverGroupId);
    request.name = unlessEmpty(group.name);
    auto &servers = request.serverList.emplace();
    servers.reserve(group.serverIds.size());
    for (const std::string &id : group.serverIds) {
        api::Server server;
        server.serverId = id;
        servers.push_back(std::move(server));
    }
    return request;
}

api::CreateAppRequest createAppRequest(const models::PlanApplication &app)
{
    api::CreateAppRequest request;
    request.name = unlessEmpty(app.name);
    request.description = unlessEmpty(app.description);
    request.roleName = unlessEmpty(app.roleName);
    request.serverGroups = serverGroupRequests(app.serverGroups, false);
    request.tags = unlessEmpty(app.tags);
    return request;
}

api::UpdateAppRequest updateAppRequest(const models::PlanApplication &app)
{
    api::UpdateAppRequest request;
    request.appId = app.appId;
    request.name = unlessEmpty(app.name);
    request.description = app.description;  // "" clears it
    request.roleName = unlessEmpty(app.roleName);  // absent keeps the endpoint's
    request.serverGroups = serverGroupRequests(app.serverGroups, true);
    request.tags = app.tags;
    return request;
}

api::DeleteAppRequest deleteAppRequest(const std::string &appId)
{
    api::DeleteAppRequest request;
    request.appId = appId;
    request.forceStopAppReplication = false;
    request.forceTerminateApp = false;
    return request;
}

models::PlanApplication planApplicationFrom(const api::GetAppResponse &response)
{
    return planApplicationFrom(api::orEmpty(response.appSummary), api::orEmpty(response.serverGroups),
                               api::orEmpty(response.tags));
}

models::PlanApplication planApplicationFrom(const api::AppSummary &summary, const std::vector<api::ServerGroup> &groups,
                                            const std::vector<api::Tag> &tags)
{
    models::PlanApplication app;
    app.appId = summary.appId.value_or("");
    app.name = summary.name.value_or("");
    app.description = summary.description.value_or("");
    app.roleName = summary.roleName.value_or("");
    app.tags = tags;
    for (const api::ServerGroup &group : groups) {
        models::PlanServerGroup planGroup;
        planGroup.serverGroupId = group.serverGroupId.value_or("");
        planGroup.name = group.name.value_or("");
        for (const api::Server &server : api::orEmpty(group.serverList)) {
            if (server.serverId)
                planGroup.serverIds.push_back(*server.serverId);
        }
        app.serverGroups.push_back(std::move(planGroup));
    }
    return app;
}

std::vector<std::pair<models::PlanKey, std::string>>
matchServerGroups(const std::vector<models::PlanServerGroup> &plan, const std::vector<api::ServerGroup> &answer)
{
    std::vector<std::optional<std::size_t>> match(plan.size());
    std::vector<bool> taken(answer.size());
    const auto take = [&](std::size_t p, std::size_t a) {
        match[p] = a;
        taken[a] = true;
    };
    const auto nameOf = [&](std::size_t a) { return answer[a].name.value_or(""); };

    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (plan[p].serverGroupId.empty())
            continue;
        for (std::size_t a = 0; a < answer.size(); ++a) {
            if (!taken[a] && answer[a].serverGroupId == plan[p].serverGroupId) {
                take(p, a);
                break;
            }
        }
    }
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (!match[p] && p < answer.size() && !taken[p] && nameOf(p) == plan[p].name)
            take(p, p);
    }
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (match[p] || plan[p].name.empty())
            continue;
        std::optional<std::size_t> only;
        int count = 0;
        for (std::size_t a = 0; a < answer.size(); ++a) {
            if (!taken[a] && nameOf(a) == plan[p].name) {
                only = a;
                ++count;
            }
        }
        if (count == 1)
            take(p, *only);
    }
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (!match[p] && p < answer.size() && !taken[p])
            take(p, p);
    }

    std::vector<std::pair<models::PlanKey, std::string>> ids;
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (match[p] && answer[*match[p]].serverGroupId)
            ids.emplace_back(plan[p].key, *answer[*match[p]].serverGroupId);
    }
    return ids;
}

} // namespace sms::services
