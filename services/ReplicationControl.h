#pragma once
// ReplicationControl: the replication and launch actions a user takes on the
// endpoint, each one SMS call: an application's replication started, stopped
// or run now, the application launched or terminated, and a server's
// replication job created, updated, deleted or run now.
// Which actions a state allows is ReplicationActionRules' job; confirming a
// destructive one is the window's. The caller refreshes what it shows
// (ReplicationMonitor::refreshNow) once `done` has run.

#include "api/Result.h"
#include "api/SmsTypes.h"

#include <QObject>

#include <functional>
#include <string>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

enum class ReplicationAction {
    StartApplication,      // StartAppReplication
    StopApplication,       // StopAppReplication
    ReplicateApplication,  // StartOnDemandAppReplication
    LaunchApplication,     // LaunchApp
    TerminateApplication,  // TerminateApp
    CreateJob,             // CreateReplicationJob, seeded now
    UpdateJob,             // UpdateReplicationJob
    DeleteJob,             // DeleteReplicationJob
    RunJob,                // StartOnDemandReplicationRun
};

// Each member defaults ({}) so that a designated initialiser names only what its action uses.
struct ReplicationTarget
{
    std::string appId{};          // the application actions
    std::string serverId{};       // CreateJob
    std::string jobId{};          // the job actions but CreateJob
    std::string description{};    // the on-demand runs and a created job; empty: none
    // CreateJob and UpdateJob: the job's settings. seedTime is when a created
    // job's seed replication starts (unset: now) and when an updated job's
    // next run starts (unset: as its schedule has it); runOnce is a created job's only.
    api::ServerReplicationParameters settings{};
    std::string roleName{};       // CreateJob and UpdateJob; empty: SMS's default role
};

// A job's settings as ServerReplicationParameters, to edit them and update it
// with; seedTime is left unset (the seed has been made).
api::ServerReplicationParameters settingsOf(const api::ReplicationJob &job);

// Sends the action's call. `done` runs once, unless `context` is destroyed
// first; a CreateJob answers with the new job's id, the others with an empty string.
void runReplicationAction(client::SmsClient &client, ReplicationAction action, const ReplicationTarget &target,
                          QObject *context, std::function<void(Result<std::string>)> done);

} // namespace sms::services
