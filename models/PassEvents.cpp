#include "models/PassEvents.h"

#include <algorithm>

namespace sms::models {
namespace {

bool isFailed(const api::ReplicationRun &run)
{
    return run.state && *run.state == api::ReplicationRunState::Failed;
}

bool isFailureState(const api::ReplicationJob &job)
{
    using S = api::ReplicationJobState;
    return job.state && (*job.state == S::Failing || *job.state == S::Failed || *job.state == S::PausedOnFailure);
}

const api::ReplicationRun *findRun(const std::vector<api::ReplicationRun> &runs, const std::string &runId)
{
    const auto it = std::find_if(runs.begin(), runs.end(),
                                 [&runId](const api::ReplicationRun &run) { return run.replicationRunId == runId; });
    return it == runs.end() ? nullptr : &*it;
}

const api::ReplicationRun *newestFailed(const std::vector<api::ReplicationRun> *runs)
{
    if (!runs)
        return nullptr;
    const api::ReplicationRun *newest = nullptr;
    for (const api::ReplicationRun &run : *runs)
        if (isFailed(run) && (!newest || run.completedTime > newest->completedTime))
            newest = &run;
    return newest;
}

ReplicationEvent runFailure(const api::ReplicationJob &job, const SnapshotIndex::Placement &placement,
                            const api::ReplicationRun *run)
{
    ReplicationEvent event = jobEvent(ReplicationEvent::Kind::RunFailed, job, placement);
    if (run) {
        event.runId = run->replicationRunId.value_or(std::string());
        event.message = run->statusMessage.value_or(std::string());
    }
    if (event.message.empty())
        event.message = job.statusMessage.value_or(std::string());
    return event;
}

} // namespace

ReplicationEvent jobEvent(ReplicationEvent::Kind kind, const api::ReplicationJob &job,
                          const SnapshotIndex::Placement &placement)
{
    ReplicationEvent event;
    event.kind = kind;
    event.jobId = job.replicationJobId.value_or(std::string());
    event.serverId = job.serverId.value_or(placement.server ? placement.server->serverId : std::string());
    if (placement.server && !placement.server->vmName.empty())
        event.vmName = placement.server->vmName;
    else if (job.vmServer && job.vmServer->vmName)
        event.vmName = *job.vmServer->vmName;
    if (placement.app) {
        event.appId = placement.app->appId.value_or(std::string());
        event.appName = placement.app->name.value_or(std::string());
    }
    return event;
}

void findRunFailures(const ReplicationSnapshot &now, const SnapshotIndex &nowIndex, const SnapshotIndex &before,
                     ReplicationEvents &events)
{
    for (const api::ReplicationJob &job : now.jobs) {
        if (!job.replicationJobId)
            continue;
        const std::vector<api::ReplicationRun> *runs = nowIndex.runsOf(job);
        const api::ReplicationJob *was = before.job(*job.replicationJobId);
        const std::vector<api::ReplicationRun> *runsBefore = was ? before.runsOf(*was) : nullptr;
        if (runs && (!was || runsBefore)) {
            for (const api::ReplicationRun &run : *runs) {
                if (!isFailed(run) || !run.replicationRunId)
                    continue;
                const api::ReplicationRun *then = runsBefore ? findRun(*runsBefore, *run.replicationRunId) : nullptr;
                if (!then || !isFailed(*then))
                    events.push_back(runFailure(job, nowIndex.placementOf(job), &run));
            }
        } else if (was && isFailureState(job) && !isFailureState(*was)) {
            events.push_back(runFailure(job, nowIndex.placementOf(job), newestFailed(runs)));
        }
    }
}

void findAppsReplicated(const ReplicationSnapshot &now, const SnapshotIndex &before, ReplicationEvents &events)
{
    const auto replicated = [](const api::AppSummary &app) {
        return app.replicationStatus && *app.replicationStatus == api::AppReplicationStatus::Replicated;
    };
    for (const api::AppSummary &app : now.apps) {
        if (!app.appId || !replicated(app))
            continue;
        const api::AppSummary *was = before.app(*app.appId);
        if (!was || replicated(*was))
            continue; // new to the monitor: not a transition it saw
        ReplicationEvent event;
        event.kind = ReplicationEvent::Kind::AppReplicated;
        event.appId = *app.appId;
        event.appName = app.name.value_or(std::string());
        event.message = app.replicationStatusMessage.value_or(std::string());
        events.push_back(std::move(event));
    }
}

} // namespace sms::models
