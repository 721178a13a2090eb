#pragma once
// ReplicationOperations: SMS replication jobs and their runs. A job runs at
// its seed time, then every `frequency` hours (once with runOnce); each run
// moves through named stages on the simulation clock and leaves an AMI, or
// fails at a seeded share of runs. Two failures in a row pause the job
// (PAUSED_ON_FAILURE) until an on-demand run or an update resumes it.
// advance() brings every job up to the clock's now; the engine calls it before
// every request, so what a client reads is current and the same for a seed.

#include "api/SmsTypes.h"
#include "sandbox/Paging.h"
#include "sandbox/SandboxState.h"
#include "sandbox/SimulationClock.h"

namespace sms::sandbox {

class SandboxServer;

class ReplicationOperations
{
public:
    static constexpr int kOnDemandRunsPerDay = 2;
    static constexpr int kFailuresBeforePause = 2;

    ReplicationOperations(SandboxState &state, const PageTokens &tokens, const SimulationClock &clock);

    Result<api::CreateReplicationJobResponse> createReplicationJob(const api::CreateReplicationJobRequest &request);
    Result<api::UpdateReplicationJobResponse> updateReplicationJob(const api::UpdateReplicationJobRequest &request);
    Result<api::DeleteReplicationJobResponse> deleteReplicationJob(const api::DeleteReplicationJobRequest &request);
    Result<api::GetReplicationJobsResponse> getReplicationJobs(const api::GetReplicationJobsRequest &request);
    Result<api::GetReplicationRunsResponse> getReplicationRuns(const api::GetReplicationRunsRequest &request);
    Result<api::StartOnDemandReplicationRunResponse>
    startOnDemandReplicationRun(const api::StartOnDemandReplicationRunRequest &request);

    // Brings every job up to now: starts the runs that are due, settles those that ended.
    void advance();

    // What SMS reports of a job and a run at the clock's now.
    api::ReplicationJob jobView(const JobRecord &job, bool withRuns) const;
    api::ReplicationRun runView(const RunRecord &run) const;
    api::ReplicationJobState jobState(const JobRecord &job) const;
    std::optional<std::string> latestAmi(const JobRecord &job) const;
    bool hasRunInProgress(const JobRecord &job) const;

    // Whether a job for this server may be created, with SMS's error if not.
    Result<void> checkReplicable(std::string_view serverId);
    // Whether the job may start another on-demand run now (2 per 24 hours).
    Result<void> checkOnDemandAllowed(const JobRecord &job) const;

    // Serves the operations above through `server`; this object must outlive it.
    void registerWith(SandboxServer &server);

private:
    void advance(JobRecord &job, double now);
    void startRun(JobRecord &job, double at, api::ReplicationRunType type, std::optional<std::string> description);
    void settle(JobRecord &job, RunRecord &run);
    void resume(JobRecord &job, double now);

    SandboxState &m_state;
    const PageTokens &m_tokens;
    const SimulationClock &m_clock;
};

} // namespace sms::sandbox
