#pragma once
// The endpoint's applications and catalog as one value, read at one time:
// what a plan is compared with (PlanDiff.h) and applied against.

#include "api/SmsTypes.h"

#include <optional>
#include <string>
#include <vector>

namespace sms::services {

struct EndpointApplication
{
    api::AppSummary summary;                     // GetApp's appSummary (appId, name, roleName, ...)
    std::vector<api::ServerGroup> serverGroups;  // GetApp's, servers with their catalog details
    std::vector<api::Tag> tags;                  // GetApp's
    // GetAppReplicationConfiguration's groups; nullopt when none is configured.
    std::optional<std::vector<api::ServerGroupReplicationConfiguration>> replication;
    // GetAppLaunchConfiguration's answer; nullopt when none is configured
    // (the answer has no serverGroupLaunchConfigurations).
    std::optional<api::GetAppLaunchConfigurationResponse> launch;
    // GetAppValidationConfiguration's answer; nullopt when it configures no
    // validation at all.
    std::optional<api::GetAppValidationConfigurationResponse> validation;

    const std::string &appId() const { return *summary.appId; }  // always set in a snapshot
};

struct EndpointSnapshot
{
    std::vector<EndpointApplication> applications;  // in ListApps' order
    std::vector<api::Server> servers;               // the whole catalog (GetServers)
};

} // namespace sms::services
