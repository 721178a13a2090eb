#include "services/ReplicationPass.h"

#include "client/Pager.h"
#include "services/SnapshotReader.h"  // isApplicationGone

#include <algorithm>
#include <memory>
#include <optional>

namespace sms::services {
namespace {

// SMS's documented page sizes: 100 applications or runs a page (jobs:
// JobsPageSize.h).
constexpr int kPageSize = 100;

std::optional<double> modifiedOf(const api::AppSummary &app)
{
    return app.lastModified ? std::optional(app.lastModified->epochSeconds) : std::nullopt;
}

bool isRunInProgress(const api::ReplicationRun &run)
{
    return run.state && *run.state == api::ReplicationRunState::Active;
}

bool anyRunInProgress(const std::optional<std::vector<api::ReplicationRun>> &runs)
{
    return runs && std::any_of(runs->begin(), runs->end(), isRunInProgress);
}

bool isReplicating(const api::AppSummary &app)
{
    if (!app.replicationStatus)
        return false;
    using S = api::AppReplicationStatus;
    switch (app.replicationStatus->value()) {
    case S::ReplicationPending:
    case S::ReplicationInProgress:
    case S::DeltaReplicationInProgress:
    case S::ReplicationStopping:
        return app.replicationStatus->isKnown();
    default:
        return false;
    }
}

// A launch or termination runs for minutes and its status is watched until it settles.
bool isLaunching(const api::AppSummary &app)
{
    if (!app.launchStatus || !app.launchStatus->isKnown())
        return false;
    using S = api::AppLaunchStatus;
    switch (app.launchStatus->value()) {
    case S::LaunchPending:
    case S::LaunchInProgress:
    case S::DeltaLaunchInProgress:
    case S::TerminateInProgress:
        return true;
    default:
        return false;
    }
}

std::vector<models::MonitoredServer> serversOf(const std::vector<api::ServerGroup> &groups)
{
    std::vector<models::MonitoredServer> servers;
    for (const api::ServerGroup &group : groups) {
        for (const api::Server &server : group.serverList.value_or(std::vector<api::Server>{})) {
            models::MonitoredServer &entry = servers.emplace_back();
            entry.serverId = server.serverId.value_or(std::string());
            if (server.vmServer)
                entry.vmName = server.vmServer->vmName.value_or(std::string());
            entry.serverGroupName = group.name.value_or(std::string());
        }
    }
    return servers;
}

// Newest first whatever order the endpoint gave (the sandbox gives the
// oldest first), then the most recent `keep`, in a vector of that size:
// resize() alone keeps the capacity decoding grew to, about 400 bytes for
// every run listed, which is what kept the memory climbing with the runs.
constexpr std::size_t kRunsKeptInJobList = 5;

void keepRecent(std::vector<api::ReplicationRun> &runs, std::size_t keep)
{
    std::stable_sort(runs.begin(), runs.end(), [](const api::ReplicationRun &a, const api::ReplicationRun &b) {
        return a.scheduledStartTime.value_or(api::Timestamp{}) > b.scheduledStartTime.value_or(api::Timestamp{});
    });
    if (runs.size() > keep) {
        runs.resize(keep);
        runs.shrink_to_fit();
    }
}

} // namespace

bool workInProgress(const models::ReplicationSnapshot &snapshot)
{
    return std::any_of(snapshot.apps.begin(), snapshot.apps.end(), isReplicating)
        || std::any_of(snapshot.apps.begin(), snapshot.apps.end(), isLaunching)
        || std::any_of(snapshot.jobs.begin(), snapshot.jobs.end(),
                       [](const api::ReplicationJob &job) { return anyRunInProgress(job.replicationRunList); })
        || std::any_of(snapshot.runs.begin(), snapshot.runs.end(), [](const auto &entry) {
               return std::any_of(entry.second.begin(), entry.second.end(), isRunInProgress);
           });
}

bool isReplicationJobGone(const SmsError &error, std::string_view jobId)
{
    if (error.errorCode() == ErrorCode::ReplicationJobNotFoundException)
        return true;
    return error.errorCode() == ErrorCode::InvalidParameterException && !jobId.empty()
        && error.message.find(jobId) != std::string::npos;
}

bool isThrottled(const SmsError &error)
{
    return isThrottlingCode(error.errorCode()) || error.httpStatus == 429;
}

ReplicationPass::ReplicationPass(client::SmsClient &client, PassInput input, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_input(std::move(input))
{
    m_snapshot.takenAt = m_input.takenAt;
    if (m_input.previous) {
        for (const api::AppSummary &app : m_input.previous->apps) {
            const auto modified = modifiedOf(app);
            if (app.appId && modified && m_input.previous->appServers.count(*app.appId))
                m_previousModified.emplace(*app.appId, *modified);
        }
    }
}

ReplicationPass::~ReplicationPass()
{
    // The monitor deleted us (its client is going): stop our calls too. The
    // pagers are children and stop theirs.
    client::cancelCalls(m_calls, this);
}

void ReplicationPass::start()
{
    if (m_finished)
        return;
    api::ListAppsRequest apps;
    apps.maxResults = kPageSize;
    client::paginate(
        m_client, apps, this,
        [this](api::ListAppsResponse &page) {
            if (page.apps)
                onAppsPage(*page.apps);
        },
        [this](Result<api::ListAppsResponse> done) {
            if (endsOn(done))
                return;
            m_listed = true;
            finishIfDone();
        },
        client::PageItems::Drop);

    api::GetReplicationJobsRequest jobs;
    jobs.maxResults = std::clamp(m_input.jobsPerPage, 1, kMaxJobsPerPage);
    client::paginate(
        m_client, jobs, this,
        [this](api::GetReplicationJobsResponse &page) {
            if (page.replicationJobList)
                onJobsPage(*page.replicationJobList);
        },
        [this](Result<api::GetReplicationJobsResponse> done) {
            if (endsOn(done))
                return;
            m_jobsRead = true;
            finishIfDone();
        },
        client::PageItems::Drop);

    for (const std::string &jobId : m_input.watchedJobs)
        m_runs.add([this, jobId] { readRuns(jobId); });
}

void ReplicationPass::readRuns(const std::string &jobId)
{
    api::GetReplicationRunsRequest runs;
    runs.replicationJobId = jobId;
    runs.maxResults = kPageSize;
    client::paginate(
        m_client, runs, this,
        [this, jobId](api::GetReplicationRunsResponse &page) {
            if (page.replicationRunList)
                onRunsPage(jobId, *page.replicationRunList);
        },
        [this, jobId](Result<api::GetReplicationRunsResponse> done) { onRunsRead(jobId, std::move(done)); },
        client::PageItems::Drop);
}

void ReplicationPass::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "the replication monitor's pass was canceled"));
}

template <typename T>
bool ReplicationPass::endsOn(const Result<T> &result)
{
    if (!m_finished && !result)
        finish(result.error());
    return m_finished;
}

void ReplicationPass::onAppsPage(std::vector<api::AppSummary> &apps)
{
    if (m_finished)
        return;
    for (api::AppSummary &app : apps) {
        if (!app.appId)
            continue;
        const auto previous = m_previousModified.find(*app.appId);
        const auto modified = modifiedOf(app);
        if (previous != m_previousModified.end() && modified && previous->second == *modified)
            m_snapshot.appServers.emplace(*app.appId, m_input.previous->appServers.at(*app.appId));
        else
            m_apps.add([this, appId = *app.appId] { readApp(appId); });
        m_snapshot.apps.push_back(std::move(app));
    }
}

void ReplicationPass::onJobsPage(std::vector<api::ReplicationJob> &jobs)
{
    // An endpoint may list every run a job ever had (sms-local does): a
    // snapshot keeps the newest few, which is all the views use, so that
    // memory stays flat however long the jobs have been replicating.
    for (api::ReplicationJob &job : jobs) {
        if (!job.replicationRunList)
            continue;
        m_longestRunList = std::max(m_longestRunList, job.replicationRunList->size());
        keepRecent(*job.replicationRunList, kRunsKeptInJobList);
    }
    m_snapshot.jobs.insert(m_snapshot.jobs.end(), std::make_move_iterator(jobs.begin()),
                           std::make_move_iterator(jobs.end()));
}

void ReplicationPass::onRunsPage(const std::string &jobId, std::vector<api::ReplicationRun> &page)
{
    // Trimmed page by page, so that a job with thousands of runs is never
    // held whole.
    std::vector<api::ReplicationRun> &runs = m_snapshot.runs[jobId];
    runs.insert(runs.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    keepRecent(runs, m_input.runsPerJob);
}

void ReplicationPass::readApp(const std::string &appId)
{
    ++m_appsRead;
    api::GetAppRequest request;
    request.appId = appId;
    // Handles of answered calls are null by then; drop them as we go.
    std::erase_if(m_calls, [](const client::CallHandle &call) { return call.isNull(); });
    m_calls.push_back(m_client.getApp(request, this, [this, appId](Result<api::GetAppResponse> read) {
        onAppRead(appId, std::move(read));
    }));
}

void ReplicationPass::onAppRead(const std::string &appId, Result<api::GetAppResponse> read)
{
    if (m_finished)
        return;
    if (!read && !isApplicationGone(read.error(), appId)) {
        finish(read.error());
        return;
    }
    if (read)  // else it went while we read it: left out
        m_groups[appId] = std::move(read.value().serverGroups).value_or(std::vector<api::ServerGroup>{});
    m_apps.done();
    finishIfDone();
}

void ReplicationPass::onRunsRead(const std::string &jobId, Result<api::GetReplicationRunsResponse> read)
{
    if (m_finished)
        return;
    if (!read && !isReplicationJobGone(read.error(), jobId)) {
        finish(read.error());
        return;
    }
    if (read)
        m_snapshot.runs.try_emplace(jobId);  // no runs yet: an empty list
    else  // it went while we read it: left out
        m_snapshot.runs.erase(jobId);
    m_runs.done();
    finishIfDone();
}

void ReplicationPass::finishIfDone()
{
    if (!m_listed || !m_jobsRead || !m_runs.idle() || !m_apps.idle())
        return;
    for (auto &[appId, groups] : m_groups)
        m_snapshot.appServers[appId] = serversOf(groups);
    // Every server's job from this pass's complete job list, whether its
    // application was read again or carried over.
    std::unordered_map<std::string_view, std::string_view> jobOfServer;
    for (const api::ReplicationJob &job : m_snapshot.jobs) {
        const bool deleted = job.state && *job.state == api::ReplicationJobState::Deleted;
        if (job.serverId && job.replicationJobId && !deleted)
            jobOfServer[*job.serverId] = *job.replicationJobId;
    }
    for (auto &[appId, servers] : m_snapshot.appServers) {
        for (models::MonitoredServer &server : servers) {
            const auto job = jobOfServer.find(server.serverId);
            server.replicationJobId = job == jobOfServer.end() ? std::string() : std::string(job->second);
        }
    }
    finish(models::SnapshotPtr(std::make_shared<const models::ReplicationSnapshot>(std::move(m_snapshot))));
}

void ReplicationPass::finish(Result<models::SnapshotPtr> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_apps.clear();
    m_runs.clear();
    // What is still walking or in flight answers Canceled, which m_finished ignores.
    for (client::PagerBase *pager : findChildren<client::PagerBase *>(Qt::FindDirectChildrenOnly))
        pager->cancel();
    client::cancelCalls(m_calls);
    deleteLater();
    Q_EMIT finished(result);
}

} // namespace sms::services
