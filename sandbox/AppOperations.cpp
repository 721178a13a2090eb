#include "sandbox/AppOperations.h"

#include "sandbox/AppConfigOperations.h"
#include "sandbox/AppLifecycleOperations.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SmsErrors.h"

#include <algorithm>
#include <set>

namespace sms::sandbox {
namespace {

template <typename Response>
Response describe(const AppViews &views, const AppRecord &app)
{
    Response response;
    response.appSummary = views.summary(app);
    response.serverGroups = views.serverGroups(app);
    response.tags = app.tags;
    return response;
}

// The folder a VM sits in: its path without the VM's own name.
std::string folderOf(const api::Server &server)
{
    const std::string path = server.vmServer ? server.vmServer->vmPath.value_or("") : std::string();
    const auto slash = path.rfind('/');
    return slash == std::string::npos || slash == 0 ? std::string() : path.substr(0, slash);
}

} // namespace

Result<AppRecord *> findApp(SandboxState &state, const std::optional<std::string> &appId)
{
    if (!appId)
        return missingParameter("appId is required.");
    if (AppRecord *app = state.findApp(*appId))
        return app;
    return invalidParameter("Application " + *appId + " does not exist.");
}

AppOperations::AppOperations(SandboxState &state, const AppViews &views, AppLifecycleOperations &lifecycle,
                             const PageTokens &tokens, const SimulationClock &clock)
    : m_state(state)
    , m_views(views)
    , m_lifecycle(lifecycle)
    , m_tokens(tokens)
    , m_clock(clock)
{
}

Result<std::vector<ServerGroupRecord>> AppOperations::checkGroups(const std::vector<api::ServerGroup> &groups,
                                                                  const AppRecord *app)
{
    const Limits &limits = m_state.limits;
    if (limits.serverGroupsPerApp > 0 && int(groups.size()) > limits.serverGroupsPerApp)
        return invalidParameter("An application can have at most " + std::to_string(limits.serverGroupsPerApp)
                                + " server groups; " + std::to_string(groups.size()) + " were given.");
    std::vector<ServerGroupRecord> records;
    std::set<std::string> seen;
    std::set<std::string> seenGroups;
    for (const api::ServerGroup &group : groups) {
        ServerGroupRecord record;
        const bool known = app && group.serverGroupId
            && std::any_of(app->groups.begin(), app->groups.end(),
                           [&](const ServerGroupRecord &g) { return g.id == *group.serverGroupId; });
        if (group.serverGroupId && !known)
            return invalidParameter("Server group " + *group.serverGroupId + " does not belong to this application.");
        if (known && !seenGroups.insert(*group.serverGroupId).second)
            return invalidParameter("Server group " + *group.serverGroupId + " appears more than once.");
        record.id = known ? *group.serverGroupId : m_state.nextId("sg-");
        record.name = group.name.value_or("Server group " + std::to_string(records.size() + 1));
        for (const api::Server &server : group.serverList.value_or(std::vector<api::Server>{})) {
            if (!server.serverId)
                return missingParameter("Every server of server group " + record.name + " needs a serverId.");
            const std::string &id = *server.serverId;
            if (!m_state.catalogServer(id))
                return invalidParameter("Server " + id + " is not in the server catalog.");
            if (!seen.insert(id).second)
                return invalidParameter("Server " + id + " appears more than once in the application.");
            if (const AppRecord *owner = m_state.appOfServer(id); owner && owner != app)
                return invalidParameter("Server " + id + " already belongs to application " + owner->id + ".");
            record.serverIds.push_back(id);
        }
        records.push_back(std::move(record));
    }
    if (limits.serversPerApp > 0 && int(seen.size()) > limits.serversPerApp)
        return invalidParameter("An application can have at most " + std::to_string(limits.serversPerApp) + " servers; "
                                + std::to_string(seen.size()) + " were given.");
    return records;
}

AppRecord &AppOperations::addApp(std::string name, std::string description, std::string roleName)
{
    AppRecord app;
    app.id = m_state.nextId("app-");
    app.name = name.empty() ? app.id : std::move(name);
    app.description = std::move(description);
    app.roleName = roleName.empty() ? "sms" : std::move(roleName);
    app.creationTime = app.lastModified = m_clock.now().epochSeconds;
    m_state.apps.push_back(std::move(app));
    m_state.appsChanged();
    return m_state.apps.back();
}

Result<api::CreateAppResponse> AppOperations::createApp(const api::CreateAppRequest &request)
{
    if (request.clientToken) {
        const auto same = std::find_if(m_state.apps.begin(), m_state.apps.end(),
                                       [&](const AppRecord &app) { return app.clientToken == request.clientToken; });
        if (same != m_state.apps.end())
            return describe<api::CreateAppResponse>(m_views, *same);  // a retry of a create that already happened
    }
    auto groups = checkGroups(request.serverGroups.value_or(std::vector<api::ServerGroup>{}), nullptr);
    if (!groups)
        return groups.error();
    AppRecord &app = addApp(request.name.value_or(""), request.description.value_or(""),
                            request.roleName.value_or(""));
    app.clientToken = request.clientToken;
    app.groups = std::move(groups.value());
    m_state.appsChanged();
    app.tags = request.tags.value_or(std::vector<api::Tag>{});
    return describe<api::CreateAppResponse>(m_views, app);
}

Result<api::GetAppResponse> AppOperations::getApp(const api::GetAppRequest &request) const
{
    auto app = findApp(m_state, request.appId);
    if (!app)
        return app.error();
    return describe<api::GetAppResponse>(m_views, *app.value());
}

Result<api::UpdateAppResponse> AppOperations::updateApp(const api::UpdateAppRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    AppRecord &app = *found.value();
    if (request.serverGroups) {
        auto groups = checkGroups(*request.serverGroups, &app);
        if (!groups)
            return groups.error();
        // The servers of an app that replicates or runs are fixed until it stops.
        const bool running = app.launchedAt && !app.terminatedAt;
        if (app.replicationStarted || running) {
            auto before = serverIdsOf(app);
            AppRecord changed;
            changed.groups = groups.value();
            auto after = serverIdsOf(changed);
            std::sort(before.begin(), before.end());
            std::sort(after.begin(), after.end());
            if (before != after)
                return notPermitted("The servers of application " + app.id + " cannot change while it is "
                                    + (app.replicationStarted ? "replicating" : "launched")
                                    + "; stop its replication or terminate it first.");
        }
        app.groups = std::move(groups.value());
        m_state.appsChanged();
        forgetRemovedServers(app);
    }
    if (request.name)
        app.name = *request.name;
    if (request.description)
        app.description = *request.description;
    if (request.roleName)
        app.roleName = *request.roleName;
    if (request.tags)
        app.tags = *request.tags;
    app.lastModified = m_clock.now().epochSeconds;
    return describe<api::UpdateAppResponse>(m_views, app);
}

Result<api::DeleteAppResponse> AppOperations::deleteApp(const api::DeleteAppRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    AppRecord &app = *found.value();
    const api::AppLaunchStatus launch = m_views.launchStatus(app);
    const bool running = app.launchedAt && !app.terminatedAt;
    if (app.replicationStarted && !request.forceStopAppReplication.value_or(false))
        return notPermitted("Application " + app.id
                            + " is replicating; stop its replication first or set forceStopAppReplication.");
    if (running && !request.forceTerminateApp.value_or(false))
        return notPermitted("Application " + app.id + " is " + std::string(api::OpenEnum(launch).toString())
                            + "; terminate it first or set forceTerminateApp.");
    if (app.replicationStarted)
        m_lifecycle.stopReplication(app);
    const std::string id = app.id;
    m_state.apps.erase(std::find_if(m_state.apps.begin(), m_state.apps.end(),
                                    [&](const AppRecord &a) { return a.id == id; }));
    m_state.appsChanged();
    return api::DeleteAppResponse{};
}

Result<api::ListAppsResponse> AppOperations::listApps(const api::ListAppsRequest &request) const
{
    std::vector<const AppRecord *> selected;
    std::string query = "ListApps";
    for (const std::string &id : request.appIds.value_or(std::vector<std::string>{}))
        query += '|' + id;
    for (const AppRecord &app : m_state.apps) {
        const auto &ids = request.appIds;
        if (!ids || ids->empty() || std::find(ids->begin(), ids->end(), app.id) != ids->end())
            selected.push_back(&app);
    }
    auto page = pageOf(selected.size(), request.nextToken, request.maxResults, query, m_tokens);
    if (!page)
        return page.error();
    api::ListAppsResponse response;
    auto &apps = response.apps.emplace();
    for (std::size_t i = page->first; i < page->first + page->count; ++i)
        apps.push_back(m_views.summary(*selected[i]));
    response.nextToken = page->nextToken;
    return response;
}

// The sandbox's Migration Hub: each VM folder whose servers are in no
// application yet is an application that can be imported. Every call imports
// the next few, so repeating it never duplicates one.
Result<api::ImportAppCatalogResponse> AppOperations::importAppCatalog(const api::ImportAppCatalogRequest &request)
{
    if (m_state.catalogStatus != api::ServerCatalogStatus::Available)
        return notPermitted("The server catalog must be imported before the application catalog.");
    std::map<std::string, std::vector<std::string>> folders;
    for (const EstateServer &entry : m_state.estate.servers) {
        const std::string folder = folderOf(entry.server);
        if (!folder.empty())
            folders[folder].push_back(*entry.server.serverId);
    }
    const std::size_t perApp = m_state.limits.serversPerApp > 0 ? std::size_t(m_state.limits.serversPerApp)
                                                                 : std::size_t(-1);
    int imported = 0;
    for (auto &[folder, ids] : folders) {
        if (imported == kAppsPerCatalogImport)
            break;
        const auto &done = m_state.importedFolders;
        const bool taken = std::any_of(ids.begin(), ids.end(), [&](const std::string &id) {
            return m_state.appOfServer(id) != nullptr;
        });
        if (taken || std::find(done.begin(), done.end(), folder) != done.end())
            continue;
        AppRecord &app = addApp(folder.substr(folder.rfind('/') + 1) + " (" + folder + ")",
                                "Imported from the sandbox's Migration Hub: the servers of " + folder + ".",
                                request.roleName.value_or(""));
        app.importedAppId = m_state.nextId("mh-app-");
        ServerGroupRecord group{m_state.nextId("sg-"), "Imported servers",
                                {ids.begin(), ids.begin() + std::ptrdiff_t(std::min(perApp, ids.size()))}};
        app.groups.push_back(std::move(group));
        m_state.appsChanged();
        m_state.importedFolders.push_back(folder);
        ++imported;
    }
    return api::ImportAppCatalogResponse{};
}

void AppOperations::registerWith(SandboxServer &server)
{
    server.addOperation<api::CreateAppRequest, api::CreateAppResponse>(
        "CreateApp", [this](const auto &request) { return createApp(request); });
    server.addOperation<api::GetAppRequest, api::GetAppResponse>(
        "GetApp", [this](const auto &request) { return getApp(request); });
    server.addOperation<api::UpdateAppRequest, api::UpdateAppResponse>(
        "UpdateApp", [this](const auto &request) { return updateApp(request); });
    server.addOperation<api::DeleteAppRequest, api::DeleteAppResponse>(
        "DeleteApp", [this](const auto &request) { return deleteApp(request); });
    server.addOperation<api::ListAppsRequest, api::ListAppsResponse>(
        "ListApps", [this](const auto &request) { return listApps(request); });
    server.addOperation<api::ImportAppCatalogRequest, api::ImportAppCatalogResponse>(
        "ImportAppCatalog", [this](const auto &request) { return importAppCatalog(request); });
}

} // namespace sms::sandbox
