#pragma once
// SandboxState: everything sms-local knows, as plain data. The operations
// classes read and change it; StateFile saves and restores it whole, so a
// restarted sms-local continues where it stopped. What only reports the
// clock's now (a run's state and stage, an application's replication and
// launch status) is derived on read; the events that have happened (a run
// settled, a job paused, an import finished, an auto-launch) are recorded
// by the engine's advance() as it replays them.

#include "api/SmsQuotas.h"
#include "api/SmsTypes.h"
#include "sandbox/EstateGenerator.h"

#include <QByteArray>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sms::sandbox {

// The real service's quotas; 0 lifts one.
struct Limits
{
    int serverGroupsPerApp = api::kServerGroupsPerApplication;
    int serversPerApp = api::kServersPerApplication;
    int concurrentAppMigrations = api::kConcurrentApplicationMigrations;
};

struct RunRecord
{
    std::string id;
    api::ReplicationRunType type = api::ReplicationRunType::Automatic;
    std::optional<std::string> description;
    double start = 0;      // simulated epoch seconds
    double duration = 0;   // how long it takes when it completes
    std::optional<double> failsAt;  // the share of `duration` after which it fails
    std::string failure;   // why it fails, when it does
    bool missed = false;   // due while another run was still going
    std::string amiId;     // the image it produces if it completes
    bool amiDeleted = false;  // pruned by numberOfRecentAmisToKeep
    bool settled = false;     // its end has been counted in the job's state
    std::optional<bool> encrypted;
    std::optional<std::string> kmsKeyId;

    double end() const { return start + duration * failsAt.value_or(1.0); }
    // Whether it ran to its end and made its AMI by `now`.
    bool completedBy(double now) const { return !missed && !failsAt && end() <= now; }
    bool runningAt(double now) const { return !missed && start <= now && now < end(); }
};

struct JobRecord
{
    // The job's settings as SMS returns them; state, latestAmiId and runs are derived.
    api::ReplicationJob settings;
    std::uint64_t randomKey = 0;  // drives its runs' seeded fates
    std::vector<RunRecord> runs;
    std::vector<double> onDemandStarts;  // for the 2-per-24-hours limit
    int consecutiveFailures = 0;
    bool paused = false;  // PAUSED_ON_FAILURE: no more automatic runs
    std::optional<std::string> appId;  // the application whose replication made it, if any

    const std::string &id() const { return *settings.replicationJobId; }
    const std::string &serverId() const { return *settings.serverId; }
};

struct ServerGroupRecord
{
    std::string id;
    std::string name;
    std::vector<std::string> serverIds;
};

struct AppRecord
{
    std::string id;
    std::string name;
    std::string description;
    std::string roleName;
    std::optional<std::string> clientToken;
    std::optional<std::string> importedAppId;
    double creationTime = 0;
    double lastModified = 0;
    std::vector<ServerGroupRecord> groups;
    std::vector<api::Tag> tags;

    std::optional<std::vector<api::ServerGroupReplicationConfiguration>> replication;
    std::optional<api::GetAppLaunchConfigurationResponse> launch;
    std::optional<api::GetAppValidationConfigurationResponse> validation;
    struct ValidationNotice
    {
        api::NotificationContext context;
        double at = 0;
    };
    std::map<std::string, ValidationNotice> validationNotices;  // by validationId

    bool replicationStarted = false;
    bool replicationStopped = false;
    double replicationStartedAt = 0;
    std::map<std::string, std::string> keptAmis;  // serverId -> AMI, kept when replication stops
    std::optional<double> keptReplicationTime;     // and when the last of them was made
    std::optional<double> launchedAt;
    std::optional<double> terminatedAt;
    int templatesWritten = 0;

    int serverCount() const;
};

struct SandboxState
{
    // A state whose catalog is the imported `estate`, with nothing else yet.
    static SandboxState fromEstate(Estate estate, std::uint64_t seed);

    Estate estate;
    api::ServerCatalogStatus catalogStatus = api::ServerCatalogStatus::Available;
    double catalogModified = 0;
    double importDoneAt = 0;

    // In creation order. Add and remove jobs with addJob and eraseJob, and call
    // appsChanged() after adding or removing apps or changing their groups, so
    // the look-ups below stay right.
    std::vector<JobRecord> jobs;
    std::vector<AppRecord> apps;
    std::vector<std::string> importedFolders;  // ImportAppCatalog's sources so far

    std::uint64_t seed = 1;
    std::uint64_t idCounter = 0;
    QByteArray tokenSecret;    // signs page tokens, so they outlive a restart
    double simulatedNow = 0;   // the simulation's time when the state was saved
    double failureRate = 0.05;  // share of replication runs that fail
    Limits limits;

    // A fresh id such as "sms-job-0123456789abcdef0": deterministic for the seed.
    std::string nextId(std::string_view prefix);

    JobRecord &addJob(JobRecord job);
    void eraseJob(std::string_view jobId);
    void appsChanged() { m_appIndex.clear(); }

    // Look-ups through indexes, so that none scans a 100,000-server estate;
    // null when absent.
    EstateServer *findServer(std::string_view serverId);
    // The server, if the catalog lists it: not while it is deleted or importing.
    EstateServer *catalogServer(std::string_view serverId);
    // Whether a healthy connector reaches the server's VM manager, as a replication job needs.
    bool hasHealthyConnector(const EstateServer &server) const;
    JobRecord *findJob(std::string_view jobId);
    JobRecord *jobForServer(std::string_view serverId);
    AppRecord *findApp(std::string_view appId);
    AppRecord *appOfServer(std::string_view serverId);

private:
    void indexJobs();

    std::unordered_map<std::string, std::size_t> m_serverIndex;
    std::unordered_map<std::string, std::size_t> m_jobIndex;          // job id -> position
    std::unordered_map<std::string, std::size_t> m_jobOfServer;       // server id -> job position
    std::unordered_map<std::string, std::size_t> m_appIndex;          // server id -> app position
};

} // namespace sms::sandbox
