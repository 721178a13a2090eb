#include "sandbox/AppConfigOperations.h"

#include "sandbox/AppOperations.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SmsErrors.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace sms::sandbox {
namespace {

// Checks that each group of a configuration is the app's and that each server
// it names is in that group. `entries` picks a group's per-server list.
template <typename Group, typename Entry>
Result<void> checkMembership(const AppRecord &app, const std::vector<Group> &groups,
                             std::optional<std::vector<Entry>> Group::*entries)
{
    std::set<std::string> seenGroups;
    for (const Group &group : groups) {
        if (!group.serverGroupId)
            return missingParameter("Every server group configuration needs a serverGroupId.");
        const auto record = std::find_if(app.groups.begin(), app.groups.end(),
                                         [&](const ServerGroupRecord &g) { return g.id == *group.serverGroupId; });
        if (record == app.groups.end())
            return invalidParameter("Server group " + *group.serverGroupId + " does not belong to application " + app.id
                                    + ".");
        if (!seenGroups.insert(record->id).second)
            return invalidParameter("Server group " + record->id + " is configured more than once.");
        for (const Entry &entry : (group.*entries).value_or(std::vector<Entry>{})) {
            if (!entry.server || !entry.server->serverId)
                return missingParameter("Every server configuration needs a server with its serverId.");
            const std::string &id = *entry.server->serverId;
            if (std::find(record->serverIds.begin(), record->serverIds.end(), id) == record->serverIds.end())
                return invalidParameter("Server " + id + " does not belong to server group " + record->id
                                        + " of application " + app.id + ".");
        }
    }
    return {};
}

// The stored configuration with each server as the catalog describes it now.
template <typename Group, typename Entry>
std::vector<Group> withServers(std::vector<Group> groups, std::optional<std::vector<Entry>> Group::*entries,
                               const AppViews &views)
{
    for (Group &group : groups)
        if (auto &list = group.*entries)
            for (Entry &entry : *list)
                entry.server = views.server(*entry.server->serverId);
    return groups;
}

Result<void> checkReplicationParameters(const std::vector<api::ServerGroupReplicationConfiguration> &groups)
{
    for (const auto &group : groups)
        for (const auto &entry : group.serverReplicationConfigurations.value_or(
                 std::vector<api::ServerReplicationConfiguration>{})) {
            const auto &params = entry.serverReplicationParameters;
            if (params && params->frequency && (*params->frequency < 1 || *params->frequency > 24))
                return invalidParameter("The frequency of server " + *entry.server->serverId
                                        + " must be between 1 and 24 hours.");
            if (params && !params->frequency && !params->runOnce.value_or(false))
                return invalidParameter("Server " + *entry.server->serverId + " needs a frequency or runOnce.");
        }
    return {};
}

bool isLogicalId(const std::string &id)
{
    return !id.empty() && id.size() <= 255
        && std::all_of(id.begin(), id.end(), [](unsigned char c) { return std::isalnum(c) != 0; });
}

Result<void> checkLogicalIds(const std::vector<api::ServerGroupLaunchConfiguration> &groups)
{
    std::set<std::string> seen;
    for (const auto &group : groups)
        for (const auto &entry : group.serverLaunchConfigurations.value_or(std::vector<api::ServerLaunchConfiguration>{})) {
            if (!entry.logicalId)
                continue;
            if (!isLogicalId(*entry.logicalId))
                return invalidParameter("The logicalId '" + *entry.logicalId
                                        + "' is not a CloudFormation logical id: use letters and digits only.");
            if (!seen.insert(*entry.logicalId).second)
                return invalidParameter("The logicalId '" + *entry.logicalId + "' is used by more than one server.");
        }
    return {};
}

// Keeps only the groups the app still has and, in each, the servers it still holds.
template <typename Group, typename Entry>
void keepMembers(const AppRecord &app, std::vector<Group> &groups, std::optional<std::vector<Entry>> Group::*entries)
{
    std::erase_if(groups, [&](Group &group) {
        const auto record = std::find_if(app.groups.begin(), app.groups.end(),
                                         [&](const ServerGroupRecord &g) { return g.id == group.serverGroupId; });
        if (record == app.groups.end())
            return true;
        if (auto &list = group.*entries)
            std::erase_if(*list, [&](const Entry &entry) {
                const auto &ids = record->serverIds;
                return std::find(ids.begin(), ids.end(), *entry.server->serverId) == ids.end();
            });
        return false;
    });
}

} // namespace

void forgetRemovedServers(AppRecord &app)
{
    if (app.replication)
        keepMembers(app, *app.replication, &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations);
    if (app.launch && app.launch->serverGroupLaunchConfigurations)
        keepMembers(app, *app.launch->serverGroupLaunchConfigurations,
                    &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations);
    if (app.validation && app.validation->serverGroupValidationConfigurations)
        keepMembers(app, *app.validation->serverGroupValidationConfigurations,
                    &api::ServerGroupValidationConfiguration::serverValidationConfigurations);
}

AppConfigOperations::AppConfigOperations(SandboxState &state, const AppViews &views, const SimulationClock &clock)
    : m_state(state)
    , m_views(views)
    , m_clock(clock)
{
}

void AppConfigOperations::touch(AppRecord &app) const
{
    app.lastModified = m_clock.now().epochSeconds;
}

Result<api::PutAppReplicationConfigurationResponse>
AppConfigOperations::putAppReplicationConfiguration(const api::PutAppReplicationConfigurationRequest &request)
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    const auto groups = request.serverGroupReplicationConfigurations.value_or(
        std::vector<api::ServerGroupReplicationConfiguration>{});
    if (auto ok = checkMembership(*app.value(), groups,
                                  &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations);
        !ok)
        return ok.error();
    if (auto ok = checkReplicationParameters(groups); !ok)
        return ok.error();
    app.value()->replication = groups;
    touch(*app.value());
    return api::PutAppReplicationConfigurationResponse{};
}

Result<api::GetAppReplicationConfigurationResponse>
AppConfigOperations::getAppReplicationConfiguration(const api::GetAppReplicationConfigurationRequest &request) const
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    api::GetAppReplicationConfigurationResponse response;
    if (const auto &stored = app.value()->replication)
        response.serverGroupReplicationConfigurations = withServers(
            *stored, &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations, m_views);
    return response;
}

Result<api::DeleteAppReplicationConfigurationResponse>
AppConfigOperations::deleteAppReplicationConfiguration(const api::DeleteAppReplicationConfigurationRequest &request)
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    if (app.value()->replicationStarted)
        return notPermitted("Application " + app.value()->id + " is replicating; stop its replication first.");
    app.value()->replication.reset();
    touch(*app.value());
    return api::DeleteAppReplicationConfigurationResponse{};
}

Result<api::PutAppLaunchConfigurationResponse>
AppConfigOperations::putAppLaunchConfiguration(const api::PutAppLaunchConfigurationRequest &request)
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    const auto groups = request.serverGroupLaunchConfigurations.value_or(
        std::vector<api::ServerGroupLaunchConfiguration>{});
    if (auto ok = checkMembership(*app.value(), groups,
                                  &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations);
        !ok)
        return ok.error();
    if (auto ok = checkLogicalIds(groups); !ok)
        return ok.error();
    api::GetAppLaunchConfigurationResponse launch;
    launch.appId = app.value()->id;
    launch.roleName = request.roleName ? request.roleName : std::optional(app.value()->roleName);
    launch.autoLaunch = request.autoLaunch.value_or(false);
    launch.serverGroupLaunchConfigurations = groups;
    app.value()->launch = std::move(launch);
    touch(*app.value());
    return api::PutAppLaunchConfigurationResponse{};
}

Result<api::GetAppLaunchConfigurationResponse>
AppConfigOperations::getAppLaunchConfiguration(const api::GetAppLaunchConfigurationRequest &request) const
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    api::GetAppLaunchConfigurationResponse response;
    response.appId = app.value()->id;
    if (const auto &stored = app.value()->launch) {
        response = *stored;
        response.serverGroupLaunchConfigurations
            = withServers(stored->serverGroupLaunchConfigurations.value_or(std::vector<api::ServerGroupLaunchConfiguration>{}),
                          &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations, m_views);
    }
    return response;
}

Result<api::DeleteAppLaunchConfigurationResponse>
AppConfigOperations::deleteAppLaunchConfiguration(const api::DeleteAppLaunchConfigurationRequest &request)
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    app.value()->launch.reset();
    touch(*app.value());
    return api::DeleteAppLaunchConfigurationResponse{};
}

Result<api::PutAppValidationConfigurationResponse>
AppConfigOperations::putAppValidationConfiguration(const api::PutAppValidationConfigurationRequest &request)
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    auto groups = request.serverGroupValidationConfigurations.value_or(
        std::vector<api::ServerGroupValidationConfiguration>{});
    if (auto ok = checkMembership(*app.value(), groups,
                                  &api::ServerGroupValidationConfiguration::serverValidationConfigurations);
        !ok)
        return ok.error();
    // Validations without an id get one, so that their outputs can name them;
    // an id given twice would leave a notification's target unclear.
    auto appValidations = request.appValidationConfigurations.value_or(std::vector<api::AppValidationConfiguration>{});
    std::set<std::string> givenIds;
    const auto repeated = [&](const std::optional<std::string> &id) { return id && !givenIds.insert(*id).second; };
    for (const auto &validation : appValidations)
        if (repeated(validation.validationId))
            return invalidParameter("Validation " + *validation.validationId + " is configured more than once.");
    for (const auto &group : groups)
        for (const auto &validation : group.serverValidationConfigurations.value_or(
                 std::vector<api::ServerValidationConfiguration>{}))
            if (repeated(validation.validationId))
                return invalidParameter("Validation " + *validation.validationId + " is configured more than once.");
    for (auto &validation : appValidations)
        if (!validation.validationId)
            validation.validationId = m_state.nextId("val-");
    for (auto &group : groups)
        if (group.serverValidationConfigurations)
            for (auto &validation : *group.serverValidationConfigurations)
                if (!validation.validationId)
                    validation.validationId = m_state.nextId("val-");
    api::GetAppValidationConfigurationResponse stored;
    stored.appValidationConfigurations = std::move(appValidations);
    stored.serverGroupValidationConfigurations = std::move(groups);
    app.value()->validation = std::move(stored);
    app.value()->validationNotices.clear();
    touch(*app.value());
    return api::PutAppValidationConfigurationResponse{};
}

Result<api::GetAppValidationConfigurationResponse>
AppConfigOperations::getAppValidationConfiguration(const api::GetAppValidationConfigurationRequest &request) const
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    api::GetAppValidationConfigurationResponse response;
    if (const auto &stored = app.value()->validation) {
        response.appValidationConfigurations = stored->appValidationConfigurations;
        response.serverGroupValidationConfigurations
            = withServers(stored->serverGroupValidationConfigurations.value_or(
                              std::vector<api::ServerGroupValidationConfiguration>{}),
                          &api::ServerGroupValidationConfiguration::serverValidationConfigurations, m_views);
    }
    return response;
}

Result<api::DeleteAppValidationConfigurationResponse>
AppConfigOperations::deleteAppValidationConfiguration(const api::DeleteAppValidationConfigurationRequest &request)
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    app.value()->validation.reset();
    app.value()->validationNotices.clear();
    touch(*app.value());
    return api::DeleteAppValidationConfigurationResponse{};
}

void AppConfigOperations::registerWith(SandboxServer &server)
{
    server.addOperation<api::PutAppReplicationConfigurationRequest, api::PutAppReplicationConfigurationResponse>(
        "PutAppReplicationConfiguration", [this](const auto &r) { return putAppReplicationConfiguration(r); });
    server.addOperation<api::GetAppReplicationConfigurationRequest, api::GetAppReplicationConfigurationResponse>(
        "GetAppReplicationConfiguration", [this](const auto &r) { return getAppReplicationConfiguration(r); });
    server.addOperation<api::DeleteAppReplicationConfigurationRequest, api::DeleteAppReplicationConfigurationResponse>(
        "DeleteAppReplicationConfiguration", [this](const auto &r) { return deleteAppReplicationConfiguration(r); });
    server.addOperation<api::PutAppLaunchConfigurationRequest, api::PutAppLaunchConfigurationResponse>(
        "PutAppLaunchConfiguration", [this](const auto &r) { return putAppLaunchConfiguration(r); });
    server.addOperation<api::GetAppLaunchConfigurationRequest, api::GetAppLaunchConfigurationResponse>(
        "GetAppLaunchConfiguration", [this](const auto &r) { return getAppLaunchConfiguration(r); });
    server.addOperation<api::DeleteAppLaunchConfigurationRequest, api::DeleteAppLaunchConfigurationResponse>(
        "DeleteAppLaunchConfiguration", [this](const auto &r) { return deleteAppLaunchConfiguration(r); });
    server.addOperation<api::PutAppValidationConfigurationRequest, api::PutAppValidationConfigurationResponse>(
        "PutAppValidationConfiguration", [this](const auto &r) { return putAppValidationConfiguration(r); });
    server.addOperation<api::GetAppValidationConfigurationRequest, api::GetAppValidationConfigurationResponse>(
        "GetAppValidationConfiguration", [this](const auto &r) { return getAppValidationConfiguration(r); });
    server.addOperation<api::DeleteAppValidationConfigurationRequest, api::DeleteAppValidationConfigurationResponse>(
        "DeleteAppValidationConfiguration", [this](const auto &r) { return deleteAppValidationConfiguration(r); });
}

} // namespace sms::sandbox
