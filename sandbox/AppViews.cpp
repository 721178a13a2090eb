#include "sandbox/AppViews.h"

#include <algorithm>

namespace sms::sandbox {

std::vector<std::string> serverIdsOf(const AppRecord &app)
{
    std::vector<std::string> ids;
    for (const ServerGroupRecord &group : app.groups)
        ids.insert(ids.end(), group.serverIds.begin(), group.serverIds.end());
    return ids;
}

AppViews::AppViews(SandboxState &state, const ReplicationOperations &replication, const SimulationClock &clock,
                   std::string region)
    : m_state(state)
    , m_replication(replication)
    , m_clock(clock)
    , m_region(std::move(region))
{
}

api::Server AppViews::server(const std::string &serverId) const
{
    if (const EstateServer *entry = m_state.findServer(serverId))
        return entry->server;
    api::Server bare;
    bare.serverId = serverId;
    return bare;
}

std::vector<api::ServerGroup> AppViews::serverGroups(const AppRecord &app) const
{
    std::vector<api::ServerGroup> groups;
    for (const ServerGroupRecord &record : app.groups) {
        api::ServerGroup group;
        group.serverGroupId = record.id;
        group.name = record.name;
        auto &servers = group.serverList.emplace();
        for (const std::string &id : record.serverIds)
            servers.push_back(server(id));
        groups.push_back(std::move(group));
    }
    return groups;
}

std::vector<const JobRecord *> AppViews::jobsOf(const AppRecord &app) const
{
    std::vector<const JobRecord *> jobs;
    for (const std::string &id : serverIdsOf(app))
        if (const JobRecord *job = m_state.jobForServer(id))
            jobs.push_back(job);
    return jobs;
}

std::optional<std::string> AppViews::amiFor(const AppRecord &app, const std::string &serverId) const
{
    if (app.replicationStarted) {
        if (const JobRecord *job = m_state.jobForServer(serverId))
            return m_replication.latestAmi(*job);
    }
    const auto kept = app.keptAmis.find(serverId);
    return kept == app.keptAmis.end() ? std::nullopt : std::optional(kept->second);
}

std::optional<double> AppViews::latestReplicationTime(const AppRecord &app) const
{
    std::optional<double> latest = app.keptReplicationTime;
    const double now = m_clock.now().epochSeconds;
    for (const JobRecord *job : jobsOf(app))
        for (const RunRecord &run : job->runs)
            if (run.completedBy(now))
                latest = std::max(latest.value_or(0), run.end());
    return latest;
}

std::optional<double> AppViews::fullyReplicatedAt(const AppRecord &app) const
{
    const auto servers = serverIdsOf(app);
    if (servers.empty())
        return std::nullopt;
    double last = 0;
    for (const std::string &id : servers) {
        const JobRecord *job = m_state.jobForServer(id);
        if (!job)
            return std::nullopt;
        const auto first = std::find_if(job->runs.begin(), job->runs.end(),
                                        [](const RunRecord &run) { return run.completedBy(run.end()); });
        if (first == job->runs.end())
            return std::nullopt;
        last = std::max(last, first->end());
    }
    return last;
}

api::AppReplicationStatus AppViews::replicationStatus(const AppRecord &app) const
{
    return replicationStatus(app, jobsOf(app));
}

api::AppReplicationStatus AppViews::replicationStatus(const AppRecord &app,
                                                      const std::vector<const JobRecord *> &jobs) const
{
    using S = api::AppReplicationStatus;
    if (!app.replicationStarted) {
        if (app.replicationStopped)
            return S::ReplicationStopped;
        return app.replication ? S::ReadyForReplication : S::ReadyForConfiguration;
    }
    int replicated = 0, failed = 0, active = 0;
    for (const JobRecord *job : jobs) {
        const api::ReplicationJobState state = m_replication.jobState(*job);
        if (m_replication.latestAmi(*job))
            ++replicated;
        if (m_replication.hasRunInProgress(*job))
            ++active;
        else if (state == api::ReplicationJobState::Failed || state == api::ReplicationJobState::Failing
                 || state == api::ReplicationJobState::PausedOnFailure)
            ++failed;
    }
    const int total = int(serverIdsOf(app).size());  // a server without a job is not replicated
    if (active > 0)
        return replicated == total ? S::DeltaReplicationInProgress : S::ReplicationInProgress;
    if (failed > 0)
        return replicated > 0 ? S::PartiallyReplicated : S::ReplicationFailed;
    if (total > 0 && replicated == total)
        return S::Replicated;
    return replicated > 0 ? S::ReplicationInProgress : S::ReplicationPending;
}

api::AppLaunchStatus AppViews::launchStatus(const AppRecord &app) const
{
    using S = api::AppLaunchStatus;
    const double now = m_clock.now().epochSeconds;
    if (app.terminatedAt)
        return now < *app.terminatedAt + kTerminateSeconds ? S::TerminateInProgress : S::Terminated;
    if (app.launchedAt) {
        if (now < *app.launchedAt + kLaunchPendingSeconds)
            return S::LaunchPending;
        return now < *app.launchedAt + kLaunchSeconds ? S::LaunchInProgress : S::Launched;
    }
    return app.launch ? S::ReadyForLaunch : S::ReadyForConfiguration;
}

std::string AppViews::stackName(const AppRecord &app) const
{
    return "sms-app-" + app.id;
}

std::optional<api::LaunchDetails> AppViews::launchDetails(const AppRecord &app) const
{
    if (!app.launchedAt)
        return std::nullopt;
    api::LaunchDetails details;
    details.latestLaunchTime = api::Timestamp{*app.launchedAt};
    details.stackName = stackName(app);
    // The stack's id is an ARN, as CloudFormation gives it; the account is the sandbox's.
    details.stackId = "arn:aws:cloudformation:" + m_region + ":111122223333:stack/" + stackName(app) + "/"
        + app.id.substr(app.id.find('-') + 1);
    return details;
}

api::AppSummary AppViews::summary(const AppRecord &app) const
{
    api::AppSummary summary;
    summary.appId = app.id;
    summary.importedAppId = app.importedAppId;
    summary.name = app.name;
    summary.description = app.description;
    summary.status = api::AppStatus::Active;
    summary.replicationConfigurationStatus = app.replication ? api::AppReplicationConfigurationStatus::Configured
                                                             : api::AppReplicationConfigurationStatus::NotConfigured;
    const auto jobs = jobsOf(app);
    const api::AppReplicationStatus replication = replicationStatus(app, jobs);
    summary.replicationStatus = replication;
    if (replication == api::AppReplicationStatus::ReplicationFailed
        || replication == api::AppReplicationStatus::PartiallyReplicated) {
        for (const JobRecord *job : jobs) {
            const auto view = m_replication.jobView(*job, false);
            if (view.statusMessage) {
                summary.replicationStatusMessage = "Server " + job->serverId() + ": " + *view.statusMessage;
                break;
            }
        }
    }
    if (const auto latest = latestReplicationTime(app))
        summary.latestReplicationTime = api::Timestamp{*latest};
    summary.launchConfigurationStatus = app.launch ? api::AppLaunchConfigurationStatus::Configured
                                                   : api::AppLaunchConfigurationStatus::NotConfigured;
    summary.launchStatus = launchStatus(app);
    summary.launchDetails = launchDetails(app);
    summary.creationTime = api::Timestamp{app.creationTime};
    summary.lastModified = api::Timestamp{app.lastModified};
    summary.roleName = app.roleName;
    summary.totalServerGroups = int(app.groups.size());
    summary.totalServers = app.serverCount();
    return summary;
}

} // namespace sms::sandbox
