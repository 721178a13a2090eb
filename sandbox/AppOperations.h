#pragma once
// AppOperations: SMS applications as records: CreateApp (idempotent on its
// clientToken), GetApp, UpdateApp, DeleteApp, ListApps and ImportAppCatalog.
// Server groups are checked against the catalog and the quotas: a server
// exists, belongs to one application at most, and an application holds at
// most Limits::serverGroupsPerApp groups and Limits::serversPerApp servers.

#include "api/SmsTypes.h"
#include "sandbox/AppViews.h"
#include "sandbox/Paging.h"

namespace sms::sandbox {

class AppLifecycleOperations;
class SandboxServer;

class AppOperations
{
public:
    static constexpr int kAppsPerCatalogImport = 5;

    AppOperations(SandboxState &state, const AppViews &views, AppLifecycleOperations &lifecycle,
                  const PageTokens &tokens, const SimulationClock &clock);

    Result<api::CreateAppResponse> createApp(const api::CreateAppRequest &request);
    Result<api::GetAppResponse> getApp(const api::GetAppRequest &request) const;
    Result<api::UpdateAppResponse> updateApp(const api::UpdateAppRequest &request);
    Result<api::DeleteAppResponse> deleteApp(const api::DeleteAppRequest &request);
    Result<api::ListAppsResponse> listApps(const api::ListAppsRequest &request) const;
    Result<api::ImportAppCatalogResponse> importAppCatalog(const api::ImportAppCatalogRequest &request);

    void registerWith(SandboxServer &server);

private:
    // The groups of a create or update, checked, with ids kept or issued.
    Result<std::vector<ServerGroupRecord>> checkGroups(const std::vector<api::ServerGroup> &groups,
                                                       const AppRecord *app);
    AppRecord &addApp(std::string name, std::string description, std::string roleName);

    SandboxState &m_state;
    const AppViews &m_views;
    AppLifecycleOperations &m_lifecycle;
    const PageTokens &m_tokens;
    const SimulationClock &m_clock;
};

// The application an appId names, or SMS's error for an unknown one.
Result<AppRecord *> findApp(SandboxState &state, const std::optional<std::string> &appId);

} // namespace sms::sandbox
