#pragma once
// The plain data of a migration plan: what a .smsplan file holds and what
// PlanDocument edits. No behaviour here beyond look-ups; every change goes
// through PlanDocument so that item models hear of it.
//
// Strings are UTF-8 std::string like the api/ types they come from, so a
// catalog page moves into the plan without conversion; item models convert
// the cells they show.

#include "api/SmsTypes.h"
#include "models/InventoryTypes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sms::models {

// A plan-local key for an application or a server group. It stays the same
// while the item moves, is renamed or is undone and redone, which rows and
// endpoint ids do not (a new application has no endpoint id yet).
using PlanKey = std::uint64_t;
inline constexpr PlanKey kNoKey = 0;

// Where and when the catalog was read.
struct CatalogSource
{
    std::string endpoint;  // URL, or empty for a catalog from a file
    std::string region;
    std::optional<api::Timestamp> readAt;
    std::optional<api::Timestamp> lastModifiedOn;  // GetServers' lastModifiedOn
    std::optional<api::OpenEnum<api::ServerCatalogStatus>> status;

    bool operator==(const CatalogSource &) const = default;
};

// A replication job as the catalog shows it: the Server shape only says
// whether a server has a job, GetReplicationJobs says how it is doing.
struct ReplicationJobSummary
{
    std::string replicationJobId;
    std::string serverId;
    api::OpenEnum<api::ReplicationJobState> state;
    std::string statusMessage;
    // The AMI of the job's latest completed run (GetReplicationJobs'
    // latestAmiId), empty until one exists: what a template launches from.
    std::string latestAmiId{};

    bool operator==(const ReplicationJobSummary &) const = default;
};

struct CatalogSnapshot
{
    CatalogSource source;
    std::vector<api::Server> servers;
    std::vector<api::Connector> connectors;
    std::vector<ReplicationJobSummary> replicationJobs;

    bool operator==(const CatalogSnapshot &) const = default;
};

// A point of the launch graph's scene, in its units (about a pixel at 100%).
struct GraphPoint
{
    double x = 0;
    double y = 0;

    bool operator==(const GraphPoint &) const = default;
};

struct PlanServerGroup
{
    PlanKey key = kNoKey;
    std::string serverGroupId;  // the endpoint's id, empty until it exists there
    std::string name;
    std::vector<std::string> serverIds;  // in the order the user gave them
    // When the group launches among the application's groups (lower first),
    // as PutAppLaunchConfiguration's launchOrder; unset leaves it to SMS.
    // Derived from launchAfter when the application has dependencies (LaunchGraph.h).
    std::optional<int> launchOrder;
    // The keys of the application's groups that launch before this one: the
    // launch graph's edges into it.
    std::vector<PlanKey> launchAfter{};
    // Where the user pinned the group in the launch graph; unset: laid out.
    std::optional<GraphPoint> pinnedAt{};

    bool operator==(const PlanServerGroup &) const = default;
};

// A script that checks one server once it is launched: a
// ServerValidationConfiguration with the USERDATA strategy. It is kept by
// server id, not by server group: the apply puts it in whichever group holds
// the server then, so it follows the server from group to group and a group
// that does not exist at the endpoint yet can carry one.
struct PlanServerValidation
{
    std::string serverId{};
    std::string name{};
    std::optional<api::UserDataValidationParameters> userData{};  // the script's S3 source and type

    bool operator==(const PlanServerValidation &) const = default;
};

// What PutAppValidationConfiguration will be given. The endpoint names each
// validation with a validationId it makes up; a plan names them by `name`,
// unique in the application, and carries no ids.
struct AppValidationSettings
{
    // SSM-document validations of the whole application (strategy SSM;
    // validationId not used).
    std::vector<api::AppValidationConfiguration> appValidations{};
    std::vector<PlanServerValidation> serverValidations{};

    bool operator==(const AppValidationSettings &) const = default;
};

// How an application's servers are to be replicated and launched: what
// PutAppReplicationConfiguration and PutAppLaunchConfiguration will be given.
// Each server starts from these; its own PlanServerSettings override them
// member by member (see PlanSettings.h).
struct ApplicationSettings
{
    std::optional<api::ServerReplicationParameters> replication;
    // What each server is launched with (its `server` member is not used).
    std::optional<api::ServerLaunchConfiguration> launch;
    std::string launchRoleName;  // the role CloudFormation launches with
    std::optional<bool> autoLaunch;  // launch as soon as every server is replicated
    // The endpoint is to have no replication (launch) configuration for the
    // application: the next apply deletes the one it has. Settings of that
    // kind, on the application or its servers, contradict it (PlanValidation).
    bool removeReplication = false;
    bool removeLaunch = false;
    // How the launched application is checked; unset: the plan leaves the
    // endpoint's as they are. removeValidation deletes the endpoint's.
    std::optional<AppValidationSettings> validation{};
    bool removeValidation = false;

    bool operator==(const ApplicationSettings &) const = default;
};

struct PlanApplication
{
    PlanKey key = kNoKey;
    std::string appId;  // the endpoint's id, empty until it exists there
    std::string name;
    std::string description;
    std::string roleName;
    std::vector<api::Tag> tags;
    std::vector<PlanServerGroup> serverGroups;
    ApplicationSettings settings;

    bool operator==(const PlanApplication &) const = default;
};

// One server's own settings, over its application's. They are kept by server
// id, not in a group, so that they follow the server from group to group.
struct PlanServerSettings
{
    std::string serverId;
    std::optional<api::ServerReplicationParameters> replication;
    std::optional<api::ServerLaunchConfiguration> launch;  // `server` not used

    bool operator==(const PlanServerSettings &) const = default;
};

// Everything a plan file stores.
struct PlanData
{
    // Set the first time the plan is applied (PlanDocument::ensurePlanId): it
    // makes the client tokens that keep a repeated CreateApp from creating twice.
    std::string planId;
    CatalogSnapshot catalog;
    std::vector<PlanApplication> applications;
    std::vector<PlanServerSettings> serverSettings;  // one at most per server
    // Endpoint applications deleted from the plan, which the next apply
    // deletes at the endpoint.
    std::vector<std::string> retiredAppIds;
    // What inventories said of servers beyond the SMS Server shape (CPUs,
    // memory, OS, placement), one entry per server id. Kept apart from the
    // catalog so that reading the catalog again keeps it.
    std::vector<InventoryDetails> inventory;

    bool operator==(const PlanData &) const = default;
};

// Where a key sits now: row of the application, and of the group (-1 for an
// application's own key). Both -1 when the key is not in the plan.
struct PlanPosition
{
    int application = -1;
    int group = -1;

    bool isValid() const { return application >= 0; }
    bool isGroup() const { return group >= 0; }
};

PlanPosition findKey(const std::vector<PlanApplication> &applications, PlanKey key);
// The largest key in use, so that a loaded plan's new keys do not collide.
PlanKey largestKey(const std::vector<PlanApplication> &applications);

} // namespace sms::models
