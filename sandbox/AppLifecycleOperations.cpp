#include "sandbox/AppLifecycleOperations.h"

#include "sandbox/AppOperations.h"
#include "cloudformation/CloudFormationTemplate.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SmsErrors.h"

#include <algorithm>

namespace sms::sandbox {
namespace {

// The replication parameters the app's configuration gives a server, if any.
std::optional<api::ServerReplicationParameters> parametersFor(const AppRecord &app, const std::string &serverId)
{
    for (const auto &group : app.replication.value_or(std::vector<api::ServerGroupReplicationConfiguration>{}))
        for (const auto &entry : group.serverReplicationConfigurations.value_or(
                 std::vector<api::ServerReplicationConfiguration>{}))
            if (entry.server && entry.server->serverId == serverId)
                return entry.serverReplicationParameters;
    return std::nullopt;
}

} // namespace

AppLifecycleOperations::AppLifecycleOperations(SandboxState &state, const AppViews &views,
                                               ReplicationOperations &replication, LocalBucket bucket,
                                               const SimulationClock &clock)
    : m_state(state)
    , m_views(views)
    , m_replication(replication)
    , m_bucket(std::move(bucket))
    , m_clock(clock)
{
}

Result<api::StartAppReplicationResponse>
AppLifecycleOperations::startAppReplication(const api::StartAppReplicationRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    AppRecord &app = *found.value();
    if (app.replicationStarted)
        return notPermitted("Application " + app.id + " is already replicating.");
    if (!app.replication)
        return notPermitted("Application " + app.id
                            + " has no replication configuration; put one with PutAppReplicationConfiguration.");
    const auto servers = serverIdsOf(app);
    if (servers.empty())
        return invalidParameter("Application " + app.id + " has no servers to replicate.");
    const int limit = m_state.limits.concurrentAppMigrations;
    const auto migrating = std::count_if(m_state.apps.begin(), m_state.apps.end(),
                                         [](const AppRecord &a) { return a.replicationStarted; });
    if (limit > 0 && migrating >= limit)
        return notPermitted("At most " + std::to_string(limit)
                            + " applications can be migrated at the same time; stop one first.");
    // Every server is checked before any job is created, so a refusal changes nothing.
    for (const std::string &id : servers)
        if (!m_state.jobForServer(id))
            if (auto ok = m_replication.checkReplicable(id); !ok)
                return ok.error();

    const double now = m_clock.now().epochSeconds;
    for (const std::string &id : servers) {
        if (m_state.jobForServer(id))
            continue;  // a job the user created before joins the app as it is
        const auto params = parametersFor(app, id).value_or(api::ServerReplicationParameters{});
        api::CreateReplicationJobRequest job;
        job.serverId = id;
        job.seedReplicationTime = params.seedTime.value_or(api::Timestamp{now});
        job.runOnce = params.runOnce;
        job.frequency = params.frequency;
        if (!job.frequency && !params.runOnce.value_or(false))
            job.frequency = kDefaultFrequencyHours;
        job.licenseType = params.licenseType;
        job.numberOfRecentAmisToKeep = params.numberOfRecentAmisToKeep;
        job.encrypted = params.encrypted;
        job.kmsKeyId = params.kmsKeyId;
        job.roleName = app.roleName;
        job.description = "Replication of application " + app.name;
        auto created = m_replication.createReplicationJob(job);
        if (!created)
            return created.error();
        m_state.findJob(*created->replicationJobId)->appId = app.id;
    }
    app.replicationStarted = true;
    app.replicationStopped = false;
    app.replicationStartedAt = now;
    app.lastModified = now;
    return api::StartAppReplicationResponse{};
}

void AppLifecycleOperations::stopReplication(AppRecord &app)
{
    app.keptReplicationTime = m_views.latestReplicationTime(app);
    for (const std::string &id : serverIdsOf(app)) {
        JobRecord *job = m_state.jobForServer(id);
        if (!job)
            continue;
        if (const auto ami = m_replication.latestAmi(*job))
            app.keptAmis[id] = *ami;
        if (job->appId != app.id)
            continue;  // a job the user made stays theirs
        if (EstateServer *server = m_state.findServer(id))
            server->server.replicationJobTerminated = true;
        m_state.eraseJob(job->id());
    }
    app.replicationStarted = false;
    app.replicationStopped = true;
    app.lastModified = m_clock.now().epochSeconds;
}

Result<api::StopAppReplicationResponse>
AppLifecycleOperations::stopAppReplication(const api::StopAppReplicationRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    if (!found.value()->replicationStarted)
        return notPermitted("Application " + found.value()->id + " is not replicating.");
    stopReplication(*found.value());
    return api::StopAppReplicationResponse{};
}

Result<api::StartOnDemandAppReplicationResponse>
AppLifecycleOperations::startOnDemandAppReplication(const api::StartOnDemandAppReplicationRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    AppRecord &app = *found.value();
    if (!app.replicationStarted)
        return notPermitted("Application " + app.id + " is not replicating; start its replication first.");
    std::vector<std::string> jobs;
    for (const std::string &id : serverIdsOf(app)) {
        if (const JobRecord *job = m_state.jobForServer(id)) {
            if (auto allowed = m_replication.checkOnDemandAllowed(*job); !allowed)
                return allowed.error();
            jobs.push_back(job->id());
        }
    }
    for (const std::string &jobId : jobs) {
        api::StartOnDemandReplicationRunRequest run;
        run.replicationJobId = jobId;
        run.description = request.description;
        if (auto started = m_replication.startOnDemandReplicationRun(run); !started)
            return started.error();
    }
    return api::StartOnDemandAppReplicationResponse{};
}

Result<api::LaunchAppResponse> AppLifecycleOperations::launchApp(const api::LaunchAppRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    AppRecord &app = *found.value();
    if (!app.launch)
        return notPermitted("Application " + app.id
                            + " has no launch configuration; put one with PutAppLaunchConfiguration.");
    const api::AppLaunchStatus status = m_views.launchStatus(app);
    if ((app.launchedAt && !app.terminatedAt) || status == api::AppLaunchStatus::TerminateInProgress)
        return notPermitted("Application " + app.id + " is " + std::string(api::OpenEnum(status).toString())
                            + "; it can be launched once it is not running.");
    const auto servers = serverIdsOf(app);
    if (servers.empty())
        return notPermitted("Application " + app.id + " has no servers to launch.");
    for (const std::string &id : servers)
        if (!m_views.amiFor(app, id))
            return notPermitted("Application " + app.id + " cannot be launched yet: server " + id
                                + " has not been replicated.");
    app.launchedAt = m_clock.now().epochSeconds;
    app.terminatedAt.reset();
    app.lastModified = *app.launchedAt;
    return api::LaunchAppResponse{};
}

Result<api::TerminateAppResponse> AppLifecycleOperations::terminateApp(const api::TerminateAppRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    AppRecord &app = *found.value();
    if (!app.launchedAt || app.terminatedAt)
        return notPermitted("Application " + app.id + " is not launched.");
    app.terminatedAt = m_clock.now().epochSeconds;
    app.lastModified = *app.terminatedAt;
    return api::TerminateAppResponse{};
}

void AppLifecycleOperations::advance()
{
    const double now = m_clock.now().epochSeconds;
    for (AppRecord &app : m_state.apps) {
        const bool autoLaunch = app.launch && app.launch->autoLaunch.value_or(false);
        if (!autoLaunch || !app.replicationStarted || app.launchedAt)
            continue;
        // It launched when the last server got its first AMI, whenever a client looks.
        if (const auto replicated = m_views.fullyReplicatedAt(app); replicated && *replicated <= now)
            app.launchedAt = std::max(*replicated, app.replicationStartedAt);
    }
}

Result<api::S3Location> AppLifecycleOperations::writeTemplate(AppRecord &app, const std::string &folder,
                                                              const std::optional<api::OpenEnum<api::OutputFormat>> &format)
{
    cloudformation::TemplateInput input;
    input.app = m_views.summary(app);
    input.serverGroups = m_views.serverGroups(app);
    input.tags = app.tags;
    if (app.launch)
        input.launch = *app.launch;
    for (const std::string &id : serverIdsOf(app))
        if (const auto ami = m_views.amiFor(app, id))
            input.amiByServerId[id] = *ami;
    auto tmpl = cloudformation::cloudFormationTemplate(input);
    if (!tmpl)
        return tmpl.error();
    const api::OutputFormat chosen = format ? format->value() : api::OutputFormat::Json;
    const bool yaml = chosen == api::OutputFormat::Yaml;
    const std::string key = folder + '/' + app.id + '/' + m_views.stackName(app) + '-'
        + std::to_string(++app.templatesWritten) + (yaml ? ".yaml" : ".json");
    return m_bucket.put(key, cloudformation::renderTemplate(tmpl.value(), chosen));
}

Result<api::GenerateTemplateResponse>
AppLifecycleOperations::generateTemplate(const api::GenerateTemplateRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    auto location = writeTemplate(*found.value(), "templates", request.templateFormat);
    if (!location)
        return location.error();
    api::GenerateTemplateResponse response;
    response.s3Location = location.value();
    return response;
}

Result<api::GenerateChangeSetResponse>
AppLifecycleOperations::generateChangeSet(const api::GenerateChangeSetRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    if (m_views.launchStatus(*found.value()) != api::AppLaunchStatus::Launched)
        return notPermitted("A change set needs a launched stack; application " + found.value()->id
                            + " is not launched.");
    auto location = writeTemplate(*found.value(), "changesets", request.changesetFormat);
    if (!location)
        return location.error();
    api::GenerateChangeSetResponse response;
    response.s3Location = location.value();
    return response;
}

void AppLifecycleOperations::registerWith(SandboxServer &server)
{
    server.addOperation<api::StartAppReplicationRequest, api::StartAppReplicationResponse>(
        "StartAppReplication", [this](const auto &r) { return startAppReplication(r); });
    server.addOperation<api::StopAppReplicationRequest, api::StopAppReplicationResponse>(
        "StopAppReplication", [this](const auto &r) { return stopAppReplication(r); });
    server.addOperation<api::StartOnDemandAppReplicationRequest, api::StartOnDemandAppReplicationResponse>(
        "StartOnDemandAppReplication", [this](const auto &r) { return startOnDemandAppReplication(r); });
    server.addOperation<api::LaunchAppRequest, api::LaunchAppResponse>(
        "LaunchApp", [this](const auto &r) { return launchApp(r); });
    server.addOperation<api::TerminateAppRequest, api::TerminateAppResponse>(
        "TerminateApp", [this](const auto &r) { return terminateApp(r); });
    server.addOperation<api::GenerateTemplateRequest, api::GenerateTemplateResponse>(
        "GenerateTemplate", [this](const auto &r) { return generateTemplate(r); });
    server.addOperation<api::GenerateChangeSetRequest, api::GenerateChangeSetResponse>(
        "GenerateChangeSet", [this](const auto &r) { return generateChangeSet(r); });
}

} // namespace sms::sandbox
