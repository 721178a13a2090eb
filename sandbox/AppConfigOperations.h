#pragma once
// AppConfigOperations: an application's replication, launch and validation
// configurations: Put, Get and Delete of each. Every configuration names
// server groups and servers; each must belong to the application, or the
// whole Put is refused with InvalidParameterException and nothing changes.

#include "api/SmsTypes.h"
#include "sandbox/AppViews.h"

namespace sms::sandbox {

class SandboxServer;

class AppConfigOperations
{
public:
    AppConfigOperations(SandboxState &state, const AppViews &views, const SimulationClock &clock);

    Result<api::PutAppReplicationConfigurationResponse>
    putAppReplicationConfiguration(const api::PutAppReplicationConfigurationRequest &request);
    Result<api::GetAppReplicationConfigurationResponse>
    getAppReplicationConfiguration(const api::GetAppReplicationConfigurationRequest &request) const;
    Result<api::DeleteAppReplicationConfigurationResponse>
    deleteAppReplicationConfiguration(const api::DeleteAppReplicationConfigurationRequest &request);

    Result<api::PutAppLaunchConfigurationResponse>
    putAppLaunchConfiguration(const api::PutAppLaunchConfigurationRequest &request);
    Result<api::GetAppLaunchConfigurationResponse>
    getAppLaunchConfiguration(const api::GetAppLaunchConfigurationRequest &request) const;
    Result<api::DeleteAppLaunchConfigurationResponse>
    deleteAppLaunchConfiguration(const api::DeleteAppLaunchConfigurationRequest &request);

    Result<api::PutAppValidationConfigurationResponse>
    putAppValidationConfiguration(const api::PutAppValidationConfigurationRequest &request);
    Result<api::GetAppValidationConfigurationResponse>
    getAppValidationConfiguration(const api::GetAppValidationConfigurationRequest &request) const;
    Result<api::DeleteAppValidationConfigurationResponse>
    deleteAppValidationConfiguration(const api::DeleteAppValidationConfigurationRequest &request);

    void registerWith(SandboxServer &server);

private:
    void touch(AppRecord &app) const;

    SandboxState &m_state;
    const AppViews &m_views;
    const SimulationClock &m_clock;
};

// Drops what the app's configurations say of groups and servers it no longer
// has (after UpdateApp), so no template or launch names a server it lost.
void forgetRemovedServers(AppRecord &app);

} // namespace sms::sandbox
