#pragma once
// AppLifecycleOperations: what happens to an application over time.
// StartAppReplication creates a replication job per server from the app's
// replication configuration; the app's replication status then follows those
// jobs (AppViews). StopAppReplication removes the jobs and keeps their AMIs.
// LaunchApp needs every server replicated and a launch configuration, and
// moves through LAUNCH_PENDING and LAUNCH_IN_PROGRESS to LAUNCHED; autoLaunch
// does it as soon as replication completes. GenerateTemplate and
// GenerateChangeSet write CloudFormation into the local bucket.

#include "api/SmsTypes.h"
#include "sandbox/AppViews.h"
#include "sandbox/LocalBucket.h"

namespace sms::sandbox {

class SandboxServer;

class AppLifecycleOperations
{
public:
    static constexpr int kDefaultFrequencyHours = 12;

    AppLifecycleOperations(SandboxState &state, const AppViews &views, ReplicationOperations &replication,
                           LocalBucket bucket, const SimulationClock &clock);

    Result<api::StartAppReplicationResponse> startAppReplication(const api::StartAppReplicationRequest &request);
    Result<api::StopAppReplicationResponse> stopAppReplication(const api::StopAppReplicationRequest &request);
    Result<api::StartOnDemandAppReplicationResponse>
    startOnDemandAppReplication(const api::StartOnDemandAppReplicationRequest &request);
    Result<api::LaunchAppResponse> launchApp(const api::LaunchAppRequest &request);
    Result<api::TerminateAppResponse> terminateApp(const api::TerminateAppRequest &request);
    Result<api::GenerateTemplateResponse> generateTemplate(const api::GenerateTemplateRequest &request);
    Result<api::GenerateChangeSetResponse> generateChangeSet(const api::GenerateChangeSetRequest &request);

    // Removes the replication jobs the app made, keeping the AMIs they produced.
    void stopReplication(AppRecord &app);
    // Launches the apps with autoLaunch whose replication has completed.
    void advance();

    const LocalBucket &bucket() const { return m_bucket; }
    void registerWith(SandboxServer &server);

private:
    Result<api::S3Location> writeTemplate(AppRecord &app, const std::string &folder,
                                          const std::optional<api::OpenEnum<api::OutputFormat>> &format);

    SandboxState &m_state;
    const AppViews &m_views;
    ReplicationOperations &m_replication;
    LocalBucket m_bucket;
    const SimulationClock &m_clock;
};

} // namespace sms::sandbox
