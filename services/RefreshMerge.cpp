// The endpoint's applications into a plan without losing the plan's edits; see the header.

#include "services/RefreshMerge.h"

#include "models/PlanSettings.h"
#include "services/PlanDiff.h"
#include "services/PlanFromEndpoint.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

namespace sms::services {
namespace {

using models::PlanApplication;
using models::PlanServerSettings;

// What of an application the plan keeps when `change` would bring the endpoint in line with it.
std::string keptLine(const PlanApplication &app, const Change &change)
{
    std::string what;
    if (std::holds_alternative<api::UpdateAppRequest>(change.request))
        what = "its name, description, role, tags or servers";
    else if (std::holds_alternative<api::PutAppReplicationConfigurationRequest>(change.request))
        what = "its replication settings";
    else if (std::holds_alternative<api::PutAppLaunchConfigurationRequest>(change.request))
        what = "its launch settings or launch order";
    else if (std::holds_alternative<api::DeleteAppReplicationConfigurationRequest>(change.request))
        what = "the removal of its replication settings";
    else if (std::holds_alternative<api::DeleteAppLaunchConfigurationRequest>(change.request))
        what = "the removal of its launch settings";
    else if (std::holds_alternative<api::PutAppValidationConfigurationRequest>(change.request))
        what = "its validation settings";
    else if (std::holds_alternative<api::DeleteAppValidationConfigurationRequest>(change.request))
        what = "the removal of its validation settings";
    else
        what = change.operation();
    std::string line = inQuotes(app.name) + ": " + what;
    for (std::size_t i = 0; i < change.details.size(); ++i)
        line += (i == 0 ? " (" : "; ") + change.details[i];
    return change.details.empty() ? line : line + ")";
}

// The own settings of an endpoint application's servers, as the plan keeps them.
std::vector<PlanServerSettings> ownSettingsOf(const PlanApplication &app, const ServerSettingsIndex &own)
{
    std::vector<PlanServerSettings> settings;
    for (const models::PlanServerGroup &group : app.serverGroups)
        for (const std::string &serverId : group.serverIds)
            if (const PlanServerSettings *entry = own.find(serverId))
                settings.push_back(*entry);
    return settings;
}

// Where the plan leaves a kind of settings to the endpoint, the endpoint's
// come into `item`: the application's, its groups' launch order, its
// validations and its servers' own (under the plan's ids for them). False
// when none do.
bool takeUnmanagedSettings(const DiffContext &context, const PlanApplication &app, const PlanApplication &incoming,
                           const ServerSettingsIndex &incomingOwn, models::RefreshedApplication &item)
{
    const bool replication = !app.settings.removeReplication && !managesReplication(app, context.own)
                          && managesReplication(incoming, incomingOwn);
    const bool launch = !app.settings.removeLaunch && !managesLaunch(app, context.own) && managesLaunch(incoming, incomingOwn);
    const bool validation = !app.settings.removeValidation && !app.settings.validation && incoming.settings.validation;
    if (!replication && !launch && !validation)
        return false;
    models::ApplicationSettings &settings = item.app.settings;
    if (replication)
        settings.replication = incoming.settings.replication;
    if (launch) {
        settings.launch = incoming.settings.launch;
        settings.launchRoleName = incoming.settings.launchRoleName;
        settings.autoLaunch = incoming.settings.autoLaunch;
        for (models::PlanServerGroup &group : item.app.serverGroups) {
            const auto same = std::find_if(incoming.serverGroups.begin(), incoming.serverGroups.end(), [&](const auto &g) {
                return !group.serverGroupId.empty() && g.serverGroupId == group.serverGroupId;
            });
            if (same != incoming.serverGroups.end())
                group.launchOrder = same->launchOrder;
        }
    }
    std::unordered_map<std::string_view, std::string_view> planIdOf;  // endpoint server id -> the plan's
    for (const models::PlanServerGroup &group : app.serverGroups)
        for (const std::string &serverId : group.serverIds)
            if (const std::string_view endpointId = context.resolver.endpointId(serverId); !endpointId.empty())
                planIdOf.emplace(endpointId, serverId);
    if (validation) {
        settings.validation = incoming.settings.validation;
        for (models::PlanServerValidation &server : settings.validation->serverValidations)
            if (const auto planId = planIdOf.find(server.serverId); planId != planIdOf.end())
                server.serverId = std::string(planId->second);
    }
    for (const PlanServerSettings &endpointOwn : ownSettingsOf(incoming, incomingOwn)) {
        const auto planId = planIdOf.find(endpointOwn.serverId);
        if (planId == planIdOf.end())
            continue;
        const PlanServerSettings *current = context.own.find(planId->second);
        PlanServerSettings merged = current ? *current : PlanServerSettings{std::string(planId->second), {}, {}};
        if (replication && endpointOwn.replication)
            merged.replication = endpointOwn.replication;
        if (launch && endpointOwn.launch)
            merged.launch = endpointOwn.launch;
        if (current ? merged != *current : merged.replication || merged.launch)
            item.serverSettings.push_back(std::move(merged));
    }
    return true;
}

// Where the plan has each server, by the endpoint's id for it.
using PlannedAt = std::unordered_map<std::string_view, const PlanApplication *>;

PlannedAt plannedAt(const DiffContext &context, const models::PlanData &plan)
{
    PlannedAt at;
    for (const PlanApplication &app : plan.applications)
        for (const models::PlanServerGroup &group : app.serverGroups)
            for (const std::string &serverId : group.serverIds)
                if (const std::string_view endpointId = context.resolver.endpointId(serverId); !endpointId.empty())
                    at.emplace(endpointId, &app);
    return at;
}

// A server the plan has in one of its applications stays there (the plan's
// edit wins): it is taken out of `arriving`, and the user is told.
void keepPlannedServers(const PlannedAt &planned, PlanApplication &arriving, std::vector<std::string> &kept)
{
    for (models::PlanServerGroup &group : arriving.serverGroups)
        std::erase_if(group.serverIds, [&](const std::string &serverId) {
            const auto it = planned.find(serverId);
            if (it == planned.end())
                return false;
            kept.push_back(inQuotes(arriving.name) + " (new from the endpoint): server " + serverId + " stays in "
                           + inQuotes(it->second->name) + ", as the plan has it");
            return true;
        });
}

} // namespace

RefreshMerge mergeRefresh(const models::PlanData &plan, const EndpointSnapshot &endpoint)
{
    RefreshMerge merge;
    merge.read = int(endpoint.applications.size());
    const models::PlanData fromEndpoint = applicationsFromEndpoint(endpoint.applications);
    const ServerSettingsIndex incomingOwn(fromEndpoint.serverSettings);
    const DiffContext context(plan, endpoint.servers);
    std::unordered_map<std::string_view, const PlanApplication *> byAppId;
    for (const PlanApplication &app : plan.applications)
        if (!app.appId.empty())
            byAppId.emplace(app.appId, &app);
    const PlannedAt planned = plannedAt(context, plan);

    for (std::size_t i = 0; i < endpoint.applications.size(); ++i) {
        const EndpointApplication &live = endpoint.applications[i];
        const PlanApplication &incoming = fromEndpoint.applications[i];
        const auto it = byAppId.find(live.appId());
        if (it == byAppId.end()) {
            const auto &retired = plan.retiredAppIds;
            if (std::find(retired.begin(), retired.end(), live.appId()) != retired.end()) {
                merge.retired.push_back(inQuotes(incoming.name) + " (" + live.appId() + ")");
                continue;
            }
            PlanApplication arriving = incoming;
            keepPlannedServers(planned, arriving, merge.kept);
            merge.applications.push_back({models::kNoKey, arriving, ownSettingsOf(arriving, incomingOwn)});
            ++merge.added;
            continue;
        }
        const PlanApplication &app = *it->second;
        std::vector<std::string> blockers;
        const std::vector<Change> changes = diffApplication(context, app, &live, blockers);
        if (!blockers.empty()) {
            // Without its servers there is no telling what differs: the plan's stays whole.
            merge.kept.push_back(inQuotes(app.name) + ": all of it, as some of its servers are not on the endpoint ("
                                 + blockers.front() + ")");
            continue;
        }
        for (const Change &change : changes)
            if (change.certain())
                merge.kept.push_back(keptLine(app, change));
        models::RefreshedApplication item{app.key, app, {}};
        if (takeUnmanagedSettings(context, app, incoming, incomingOwn, item))
            merge.applications.push_back(std::move(item));
    }
    return merge;
}

} // namespace sms::services
