#pragma once
// LiveStatus: the endpoint's replication and launch state of applications and
// servers, as the replication monitor last saw it (models/ReplicationStore.h
// derives it from each pass). The plan's own views (the Applications tree, the
// Catalog) show it in their status columns without knowing the monitor.

#include "api/SmsEnums.h"
#include "api/OpenEnum.h"

#include <optional>
#include <string>
#include <unordered_map>

namespace sms::models {

struct ApplicationLiveStatus
{
    api::OpenEnum<api::AppStatus> status;
    api::OpenEnum<api::AppReplicationStatus> replication;
    api::OpenEnum<api::AppLaunchStatus> launch;
    std::string replicationMessage;  // SMS's replication status message, if any
    std::string launchMessage;

    bool operator==(const ApplicationLiveStatus &) const = default;
};

struct ServerLiveStatus
{
    std::string replicationJobId;
    api::OpenEnum<api::ReplicationJobState> jobState;
    std::string stage;              // the active run's stage, empty when none runs
    std::optional<int> percent;     // the active run's progress in its stage
    bool stalled = false;           // no progress over several passes
    std::string message;

    bool operator==(const ServerLiveStatus &) const = default;
};

// Past this many changed rows, a view is told of one range rather than row by
// row: one signal costs it less than hundreds.
inline constexpr std::size_t kLiveRowsOneByOne = 200;

struct LiveStatus
{
    std::unordered_map<std::string, ApplicationLiveStatus> applications;  // by appId
    std::unordered_map<std::string, ServerLiveStatus> servers;            // by serverId
};

} // namespace sms::models
