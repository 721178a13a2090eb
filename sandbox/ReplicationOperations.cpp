#include "sandbox/ReplicationOperations.h"

#include "sandbox/SandboxServer.h"
#include "sandbox/SeededRandom.h"
#include "sandbox/SmsErrors.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace sms::sandbox {
namespace {

constexpr double kHour = 3600;
constexpr double kDay = 24 * kHour;

// A run's stages and the share of its time at which each begins.
struct Stage
{
    std::string_view name;
    double from;
};
constexpr std::array<Stage, 4> kStages = {{{"Preparing", 0.0}, {"Uploading", 0.10}, {"Converting", 0.60},
                                          {"Creating AMI", 0.85}}};

constexpr std::array<std::string_view, 4> kFailures = {
    "The connector lost its connection to the VM manager while uploading the disk image.",
    "The disk image could not be converted: the boot volume uses an unsupported partition layout.",
    "The snapshot could not be taken: the VM has an independent disk.",
    "The AMI could not be created: an internal error occurred while registering the image."};

SmsError jobNotFound(std::string_view jobId)
{
    return SmsError::make(ErrorCode::ReplicationJobNotFoundException,
                          "Replication job " + std::string(jobId) + " does not exist.", 400);
}

std::string percent(double share)
{
    return std::to_string(int(std::clamp(share, 0.0, 1.0) * 100)) + "%";
}

// The stage a run is in after `elapsed` of its `duration`, and how far into it.
api::ReplicationRunStageDetails stageAt(double elapsed, double duration)
{
    const double share = duration > 0 ? elapsed / duration : 1.0;
    std::size_t i = kStages.size() - 1;
    while (i > 0 && share < kStages[i].from)
        --i;
    const double stageEnd = i + 1 < kStages.size() ? kStages[i + 1].from : 1.0;
    api::ReplicationRunStageDetails details;
    details.stage = std::string(kStages[i].name);
    details.stageProgress = percent((share - kStages[i].from) / (stageEnd - kStages[i].from));
    return details;
}

// An update changes only what it names.
template <typename T>
void updateIfGiven(std::optional<T> &setting, const std::optional<T> &given)
{
    if (given)
        setting = given;
}

Result<void> checkFrequency(const std::optional<int> &frequency, bool runOnce)
{
    if (!frequency && !runOnce)
        return invalidParameter("Either frequency or runOnce must be specified.");
    if (frequency && (*frequency < 1 || *frequency > 24))
        return invalidParameter("The frequency must be between 1 and 24 hours; " + std::to_string(*frequency)
                                + " was given.");
    return {};
}

} // namespace

ReplicationOperations::ReplicationOperations(SandboxState &state, const PageTokens &tokens,
                                             const SimulationClock &clock)
    : m_state(state)
    , m_tokens(tokens)
    , m_clock(clock)
{
}

void ReplicationOperations::advance()
{
    const double now = m_clock.now().epochSeconds;
    for (JobRecord &job : m_state.jobs)
        advance(job, now);
}

// Replays a job's events in time order up to `now`: runs that end, then runs that fall due.
void ReplicationOperations::advance(JobRecord &job, double now)
{
    for (;;) {
        RunRecord *ending = nullptr;
        for (RunRecord &run : job.runs)
            if (!run.settled && run.end() <= now && (!ending || run.end() < ending->end()))
                ending = &run;
        const auto &due = job.settings.nextReplicationRunStartTime;
        const bool runDue = !job.paused && due && due->epochSeconds <= now;
        if (ending && (!runDue || ending->end() <= due->epochSeconds)) {
            settle(job, *ending);
        } else if (runDue) {
            const double at = due->epochSeconds;
            const bool runOnce = job.settings.runOnce.value_or(false);
            job.settings.nextReplicationRunStartTime.reset();
            if (!runOnce && job.settings.frequency)
                job.settings.nextReplicationRunStartTime = api::Timestamp{at + *job.settings.frequency * kHour};
            startRun(job, at, api::ReplicationRunType::Automatic, std::nullopt);
        } else {
            return;
        }
    }
}

// The runs missed while paused are skipped, not replayed: the schedule goes on
// from its first slot at or after now.
void ReplicationOperations::resume(JobRecord &job, double now)
{
    if (!job.paused)
        return;
    job.paused = false;
    job.consecutiveFailures = 0;
    auto &next = job.settings.nextReplicationRunStartTime;
    const auto frequency = job.settings.frequency;
    if (next && frequency && next->epochSeconds < now) {
        const double period = *frequency * kHour;
        next->epochSeconds += std::ceil((now - next->epochSeconds) / period) * period;
    } else if (!next && !job.settings.runOnce.value_or(false)) {
        next = api::Timestamp{now};
    }
}

void ReplicationOperations::startRun(JobRecord &job, double at, api::ReplicationRunType type,
                                     std::optional<std::string> description)
{
    // Everything about a run, its id too, follows from the job and its place in
    // the job's sequence, so it does not depend on when clients look.
    SeededRandom fate(mix64(m_state.seed ^ job.randomKey) + job.runs.size());
    RunRecord run;
    run.id = "sms-run-" + hexDigits(fate.next(), 17);
    run.type = type;
    run.description = std::move(description);
    run.start = at;
    run.duration = 60 + double(fate.below(61));  // one to two minutes at time scale 1
    if (double(fate.below(10000)) < m_state.failureRate * 10000) {
        run.failsAt = 0.15 + double(fate.below(700)) / 1000.0;
        run.failure = std::string(fate.pick(kFailures));
    }
    run.amiId = "ami-" + hexDigits(fate.next(), 17);
    run.encrypted = job.settings.encrypted;
    run.kmsKeyId = job.settings.kmsKeyId;
    run.missed = std::any_of(job.runs.begin(), job.runs.end(),
                             [at](const RunRecord &other) { return other.runningAt(at); });
    if (run.missed) {
        run.duration = 0;
        run.failsAt.reset();
    }
    job.runs.push_back(std::move(run));
}

void ReplicationOperations::settle(JobRecord &job, RunRecord &run)
{
    run.settled = true;
    if (run.missed)
        return;
    if (run.failsAt) {
        if (++job.consecutiveFailures >= kFailuresBeforePause && !job.settings.runOnce.value_or(false))
            job.paused = true;
        return;
    }
    job.consecutiveFailures = 0;
    const int keep = job.settings.numberOfRecentAmisToKeep.value_or(0);
    if (keep <= 0)
        return;
    int kept = 0;
    for (auto it = job.runs.rbegin(); it != job.runs.rend(); ++it)
        if (it->settled && !it->missed && !it->failsAt && !it->amiDeleted && ++kept > keep)
            it->amiDeleted = true;
}

bool ReplicationOperations::hasRunInProgress(const JobRecord &job) const
{
    const double now = m_clock.now().epochSeconds;
    return std::any_of(job.runs.begin(), job.runs.end(),
                       [now](const RunRecord &run) { return run.runningAt(now); });
}

api::ReplicationJobState ReplicationOperations::jobState(const JobRecord &job) const
{
    if (job.paused)
        return api::ReplicationJobState::PausedOnFailure;
    const auto last = std::find_if(job.runs.rbegin(), job.runs.rend(),
                                   [](const RunRecord &run) { return run.settled && !run.missed; });
    if (hasRunInProgress(job))
        return api::ReplicationJobState::Active;
    if (last == job.runs.rend())
        return api::ReplicationJobState::Pending;
    if (job.settings.runOnce.value_or(false) && !job.settings.nextReplicationRunStartTime)
        return last->failsAt ? api::ReplicationJobState::Failed : api::ReplicationJobState::Completed;
    return last->failsAt ? api::ReplicationJobState::Failing : api::ReplicationJobState::Active;
}

api::ReplicationRun ReplicationOperations::runView(const RunRecord &record) const
{
    const double now = m_clock.now().epochSeconds;
    api::ReplicationRun run;
    run.replicationRunId = record.id;
    run.type = record.type;
    run.scheduledStartTime = api::Timestamp{record.start};
    run.description = record.description;
    run.encrypted = record.encrypted;
    run.kmsKeyId = record.kmsKeyId;
    if (record.missed) {
        run.state = api::ReplicationRunState::Missed;
        run.statusMessage = "The run was due while the previous run was still in progress.";
    } else if (now < record.start) {
        run.state = api::ReplicationRunState::Pending;
    } else if (now < record.end()) {
        run.state = api::ReplicationRunState::Active;
        run.stageDetails = stageAt(now - record.start, record.duration);
    } else if (record.failsAt) {
        run.state = api::ReplicationRunState::Failed;
        run.stageDetails = stageAt(record.end() - record.start, record.duration);
        run.statusMessage = record.failure;
        run.completedTime = api::Timestamp{record.end()};
    } else {
        run.state = record.amiDeleted ? api::ReplicationRunState::Deleted : api::ReplicationRunState::Completed;
        run.amiId = record.amiId;
        run.completedTime = api::Timestamp{record.end()};
    }
    return run;
}

std::optional<std::string> ReplicationOperations::latestAmi(const JobRecord &job) const
{
    const double now = m_clock.now().epochSeconds;
    for (auto it = job.runs.rbegin(); it != job.runs.rend(); ++it)
        if (it->completedBy(now) && !it->amiDeleted)
            return it->amiId;
    return std::nullopt;
}

api::ReplicationJob ReplicationOperations::jobView(const JobRecord &job, bool withRuns) const
{
    api::ReplicationJob view = job.settings;
    view.state = jobState(job);
    view.latestAmiId = latestAmi(job);
    const double now = m_clock.now().epochSeconds;
    const auto lastFailure = std::find_if(job.runs.rbegin(), job.runs.rend(),
                                          [now](const RunRecord &run) { return run.failsAt && run.end() <= now; });
    const std::string failure = lastFailure == job.runs.rend() ? std::string() : lastFailure->failure;
    switch (view.state->value()) {
    case api::ReplicationJobState::PausedOnFailure:
        view.statusMessage = "Paused after " + std::to_string(kFailuresBeforePause)
            + " failed runs in a row. Start an on-demand run or update the job to resume. Last error: " + failure;
        break;
    case api::ReplicationJobState::Failing:
    case api::ReplicationJobState::Failed:
        view.statusMessage = failure;
        break;
    default:
        break;
    }
    if (withRuns) {
        auto &runs = view.replicationRunList.emplace();
        for (const RunRecord &run : job.runs)
            runs.push_back(runView(run));
    }
    return view;
}

Result<void> ReplicationOperations::checkReplicable(std::string_view serverId)
{
    const EstateServer *server = m_state.catalogServer(serverId);
    if (!server)
        return invalidParameter("Server " + std::string(serverId) + " is not in the server catalog.");
    if (!server->replicable)
        return SmsError::make(ErrorCode::ServerCannotBeReplicatedException,
                              "Server " + std::string(serverId)
                                  + " cannot be replicated: its guest operating system is not supported.",
                              400);
    if (!m_state.hasHealthyConnector(*server))
        return SmsError::make(ErrorCode::NoConnectorsAvailableException,
                              "No healthy connector is associated with VM manager "
                                  + server->server.vmServer->vmManagerName.value_or("(unknown)") + " of server "
                                  + std::string(serverId) + ".",
                              400);
    return {};
}

Result<api::CreateReplicationJobResponse>
ReplicationOperations::createReplicationJob(const api::CreateReplicationJobRequest &request)
{
    if (m_state.jobForServer(request.serverId))
        return SmsError::make(ErrorCode::ReplicationJobAlreadyExistsException,
                              "Server " + request.serverId + " already has a replication job.", 400);
    if (auto replicable = checkReplicable(request.serverId); !replicable)
        return replicable.error();
    if (auto frequency = checkFrequency(request.frequency, request.runOnce.value_or(false)); !frequency)
        return frequency.error();

    EstateServer &server = *m_state.catalogServer(request.serverId);
    const double now = m_clock.now().epochSeconds;
    JobRecord job;
    api::ReplicationJob &settings = job.settings;
    settings.replicationJobId = m_state.nextId("sms-job-");
    settings.serverId = request.serverId;
    settings.serverType = server.server.serverType;
    settings.vmServer = server.server.vmServer;
    settings.seedReplicationTime = request.seedReplicationTime;
    settings.frequency = request.frequency;
    settings.runOnce = request.runOnce.value_or(false);
    settings.licenseType = request.licenseType.value_or(api::LicenseType::Aws);
    settings.roleName = request.roleName.value_or("sms");
    settings.description = request.description;
    settings.numberOfRecentAmisToKeep = request.numberOfRecentAmisToKeep;
    settings.encrypted = request.encrypted;
    settings.kmsKeyId = request.kmsKeyId;
    settings.nextReplicationRunStartTime = api::Timestamp{std::max(now, request.seedReplicationTime.epochSeconds)};
    job.randomKey = m_state.idCounter;

    server.server.replicationJobId = settings.replicationJobId;
    server.server.replicationJobTerminated = false;
    api::CreateReplicationJobResponse response;
    response.replicationJobId = settings.replicationJobId;
    advance(m_state.addJob(std::move(job)), now);
    return response;
}

Result<api::UpdateReplicationJobResponse>
ReplicationOperations::updateReplicationJob(const api::UpdateReplicationJobRequest &request)
{
    JobRecord *job = m_state.findJob(request.replicationJobId);
    if (!job)
        return jobNotFound(request.replicationJobId);
    api::ReplicationJob &settings = job->settings;
    const auto frequency = request.frequency ? request.frequency : settings.frequency;
    if (auto valid = checkFrequency(frequency, settings.runOnce.value_or(false)); !valid)
        return valid.error();
    const double now = m_clock.now().epochSeconds;
    if (request.nextReplicationRunStartTime && request.nextReplicationRunStartTime->epochSeconds < now)
        return invalidParameter("nextReplicationRunStartTime must not be in the past.");

    settings.frequency = frequency;
    updateIfGiven(settings.nextReplicationRunStartTime, request.nextReplicationRunStartTime);
    updateIfGiven(settings.licenseType, request.licenseType);
    updateIfGiven(settings.roleName, request.roleName);
    updateIfGiven(settings.description, request.description);
    updateIfGiven(settings.numberOfRecentAmisToKeep, request.numberOfRecentAmisToKeep);
    updateIfGiven(settings.encrypted, request.encrypted);
    updateIfGiven(settings.kmsKeyId, request.kmsKeyId);
    resume(*job, now);  // an update is how users resume a paused job
    advance(*job, now);
    return api::UpdateReplicationJobResponse{};
}

Result<api::DeleteReplicationJobResponse>
ReplicationOperations::deleteReplicationJob(const api::DeleteReplicationJobRequest &request)
{
    JobRecord *job = m_state.findJob(request.replicationJobId);
    if (!job)
        return jobNotFound(request.replicationJobId);
    if (const AppRecord *app = m_state.appOfServer(job->serverId()); app && app->replicationStarted)
        return SmsError::make(ErrorCode::OperationNotPermittedException,
                              "Replication job " + request.replicationJobId + " belongs to application " + app->id
                                  + "; stop the application's replication instead.",
                              400);
    if (EstateServer *server = m_state.findServer(job->serverId()))
        server->server.replicationJobTerminated = true;
    m_state.eraseJob(request.replicationJobId);
    return api::DeleteReplicationJobResponse{};
}

Result<api::GetReplicationJobsResponse>
ReplicationOperations::getReplicationJobs(const api::GetReplicationJobsRequest &request)
{
    std::vector<const JobRecord *> selected;
    for (const JobRecord &job : m_state.jobs)
        if (!request.replicationJobId || job.id() == *request.replicationJobId)
            selected.push_back(&job);
    if (request.replicationJobId && selected.empty())
        return invalidParameter("Replication job " + *request.replicationJobId + " does not exist.");
    auto page = pageOf(selected.size(), request.nextToken, request.maxResults,
                       "GetReplicationJobs|" + request.replicationJobId.value_or(""), m_tokens);
    if (!page)
        return page.error();
    api::GetReplicationJobsResponse response;
    auto &list = response.replicationJobList.emplace();
    for (std::size_t i = page->first; i < page->first + page->count; ++i)
        list.push_back(jobView(*selected[i], true));
    response.nextToken = page->nextToken;
    return response;
}

Result<api::GetReplicationRunsResponse>
ReplicationOperations::getReplicationRuns(const api::GetReplicationRunsRequest &request)
{
    const JobRecord *job = m_state.findJob(request.replicationJobId);
    if (!job)
        return invalidParameter("Replication job " + request.replicationJobId + " does not exist.");
    auto page = pageOf(job->runs.size(), request.nextToken, request.maxResults,
                       "GetReplicationRuns|" + request.replicationJobId, m_tokens);
    if (!page)
        return page.error();
    api::GetReplicationRunsResponse response;
    response.replicationJob = jobView(*job, false);
    auto &list = response.replicationRunList.emplace();
    for (std::size_t i = page->first; i < page->first + page->count; ++i)
        list.push_back(runView(job->runs[i]));
    response.nextToken = page->nextToken;
    return response;
}

Result<void> ReplicationOperations::checkOnDemandAllowed(const JobRecord &job) const
{
    const double now = m_clock.now().epochSeconds;
    const auto recent = std::count_if(job.onDemandStarts.begin(), job.onDemandStarts.end(),
                                      [now](double at) { return at > now - kDay; });
    if (recent >= kOnDemandRunsPerDay)
        return SmsError::make(ErrorCode::ReplicationRunLimitExceededException,
                              "At most " + std::to_string(kOnDemandRunsPerDay)
                                  + " on-demand replication runs may be started per job in 24 hours; job "
                                  + job.id() + " has had them.",
                              400);
    return {};
}

Result<api::StartOnDemandReplicationRunResponse>
ReplicationOperations::startOnDemandReplicationRun(const api::StartOnDemandReplicationRunRequest &request)
{
    JobRecord *job = m_state.findJob(request.replicationJobId);
    if (!job)
        return invalidParameter("Replication job " + request.replicationJobId + " does not exist.");
    if (auto allowed = checkOnDemandAllowed(*job); !allowed)
        return allowed.error();
    const double now = m_clock.now().epochSeconds;
    // Queued behind a run in progress rather than overlapping it.
    double at = now;
    for (const RunRecord &run : job->runs)
        if (!run.missed && !run.settled)
            at = std::max(at, run.end());
    job->onDemandStarts.push_back(now);
    resume(*job, now);
    startRun(*job, at, api::ReplicationRunType::OnDemand, request.description);
    api::StartOnDemandReplicationRunResponse response;
    response.replicationRunId = job->runs.back().id;
    return response;
}

void ReplicationOperations::registerWith(SandboxServer &server)
{
    server.addOperation<api::CreateReplicationJobRequest, api::CreateReplicationJobResponse>(
        "CreateReplicationJob", [this](const auto &request) { return createReplicationJob(request); });
    server.addOperation<api::UpdateReplicationJobRequest, api::UpdateReplicationJobResponse>(
        "UpdateReplicationJob", [this](const auto &request) { return updateReplicationJob(request); });
    server.addOperation<api::DeleteReplicationJobRequest, api::DeleteReplicationJobResponse>(
        "DeleteReplicationJob", [this](const auto &request) { return deleteReplicationJob(request); });
    server.addOperation<api::GetReplicationJobsRequest, api::GetReplicationJobsResponse>(
        "GetReplicationJobs", [this](const auto &request) { return getReplicationJobs(request); });
    server.addOperation<api::GetReplicationRunsRequest, api::GetReplicationRunsResponse>(
        "GetReplicationRuns", [this](const auto &request) { return getReplicationRuns(request); });
    server.addOperation<api::StartOnDemandReplicationRunRequest, api::StartOnDemandReplicationRunResponse>(
        "StartOnDemandReplicationRun", [this](const auto &request) { return startOnDemandReplicationRun(request); });
}

} // namespace sms::sandbox
