#pragma once
// AppViews: what SMS reports of an application at the clock's now. An app's
// replication status is derived from the jobs of its servers, its launch
// status from when it was launched or terminated; nothing of it is stored, so
// it can never disagree with the jobs. The app operations share these views.

#include "api/SmsTypes.h"
#include "sandbox/ReplicationOperations.h"
#include "sandbox/SandboxState.h"

namespace sms::sandbox {

class AppViews
{
public:
    // How long a launch and a termination take, in simulated seconds.
    static constexpr double kLaunchPendingSeconds = 5;
    static constexpr double kLaunchSeconds = 45;
    static constexpr double kTerminateSeconds = 20;

    AppViews(SandboxState &state, const ReplicationOperations &replication, const SimulationClock &clock,
             std::string region);

    api::AppSummary summary(const AppRecord &app) const;
    std::vector<api::ServerGroup> serverGroups(const AppRecord &app) const;
    // The catalog's server, or one carrying just the id if the catalog lost it.
    api::Server server(const std::string &serverId) const;

    api::AppReplicationStatus replicationStatus(const AppRecord &app) const;
    api::AppReplicationStatus replicationStatus(const AppRecord &app, const std::vector<const JobRecord *> &jobs) const;
    api::AppLaunchStatus launchStatus(const AppRecord &app) const;
    // The newest AMI replicated for a server of the app, if any.
    std::optional<std::string> amiFor(const AppRecord &app, const std::string &serverId) const;
    // Launch details once the app has been launched.
    std::optional<api::LaunchDetails> launchDetails(const AppRecord &app) const;
    std::string stackName(const AppRecord &app) const;

    // When the newest AMI of the app's servers was made, kept across a stop.
    std::optional<double> latestReplicationTime(const AppRecord &app) const;
    // When every server of the app first had an AMI, if all have one.
    std::optional<double> fullyReplicatedAt(const AppRecord &app) const;

private:
    std::vector<const JobRecord *> jobsOf(const AppRecord &app) const;

    SandboxState &m_state;
    const ReplicationOperations &m_replication;
    const SimulationClock &m_clock;
    std::string m_region;
};

// The ids of every server of an app, group by group.
std::vector<std::string> serverIdsOf(const AppRecord &app);

} // namespace sms::sandbox
