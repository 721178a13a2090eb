#pragma once
// A plan against the endpoint's live state: the ordered changes that make the
// endpoint match the plan, each with the request it will send and why.
//
// Per application of the plan, in the plan's order:
//   1. CreateApp when it is not on the endpoint (no appId, or its appId is
//      gone), else UpdateApp when its name, description, role, tags, groups
//      or servers differ;
//   2. PutAppReplicationConfiguration when the plan has replication settings
//      for it and the endpoint's differ, or DeleteAppReplicationConfiguration
//      when the plan removes them (removeReplication) and the endpoint has some;
//   3. PutAppLaunchConfiguration or DeleteAppLaunchConfiguration likewise for
//      launch settings;
//   4. PutAppValidationConfiguration or DeleteAppValidationConfiguration
//      likewise for validation settings (ValidationDiff.h), last: a server's
//      validation names its group's id.
// Then DeleteApp for each application deleted from the plan (retiredAppIds)
// that is still there. An application whose plan has no replication (or
// launch) settings leaves the endpoint's as they are: the plan does not
// manage them. Applications the plan never had are left alone and listed.
//
// Plan servers are resolved to endpoint servers (ServerResolver.h); one that
// cannot be resolved, or matches several, blocks the change set.
//
// A change that needs ids an earlier change will create (the groups of a new
// application) is provisional: its request is shown with what is known, and
// the apply engine builds it again from the endpoint's state once the earlier
// change has run. Apply runs one change, re-reads the application, and diffs
// it again, so a run that stops anywhere resumes where it stopped.

#include "models/PlanSettings.h"  // ServerSettingsIndex
#include "models/PlanTypes.h"
#include "services/EndpointSnapshot.h"
#include "services/ServerResolver.h"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace sms::services {

using ChangeRequest = std::variant<api::CreateAppRequest, api::UpdateAppRequest, api::DeleteAppRequest,
                                   api::PutAppReplicationConfigurationRequest, api::PutAppLaunchConfigurationRequest,
                                   api::DeleteAppReplicationConfigurationRequest,
                                   api::DeleteAppLaunchConfigurationRequest,
                                   api::PutAppValidationConfigurationRequest,
                                   api::DeleteAppValidationConfigurationRequest>;

struct Change
{
    models::PlanKey application = models::kNoKey;  // kNoKey for a DeleteApp
    std::string appId;                             // empty until the application exists
    std::string appName;
    ChangeRequest request;
    bool provisional = false;  // needs ids from a change before it
    std::string why;                   // one sentence
    std::vector<std::string> details;  // what differs, a line each

    // The SMS operation, e.g. "UpdateApp".
    const char *operation() const;
    // Known to be needed: a provisional change that names no difference may
    // only be waiting for the ids an earlier change gives.
    bool certain() const { return !provisional || !details.empty(); }
    // The request as JSON text, as it will be sent.
    std::string requestJson(int indent = -1) const;
};

struct ChangeSet
{
    std::vector<Change> changes;
    // Plan servers that cannot be resolved: an apply refuses to start.
    std::vector<std::string> blockers;
    // Endpoint applications the plan leaves alone.
    std::vector<std::string> untouched;

    bool hasChanges() const { return !changes.empty(); }
};

// How the changes' messages name an application: “Payroll”.
std::string inQuotes(const std::string &name);

// The client token of an application's CreateApp: the same for every
// attempt, so that SMS answers a repeat with the application it made.
std::string createAppClientToken(const std::string &planId, models::PlanKey application);

// What `endpoint` needs to match `plan`. `plan.planId` is used for client
// tokens (empty: none are sent).
ChangeSet diffPlan(const models::PlanData &plan, const EndpointSnapshot &endpoint);
// The same, with the endpoint's applications and catalog apart: a caller that
// holds the catalog already (read once, or kept from an earlier snapshot)
// needs no snapshot that copies it.
ChangeSet diffPlan(const models::PlanData &plan, const std::vector<EndpointApplication> &applications,
                   const std::vector<api::Server> &endpointServers);

using models::ServerSettingsIndex;

// The settings the plan manages for an application: replication when the
// application or one of its servers has replication settings; launch when it,
// a group (launch order) or a server has launch settings. What it does not
// manage, it leaves as the endpoint has it.
bool managesReplication(const models::PlanApplication &app, const ServerSettingsIndex &own);
bool managesLaunch(const models::PlanApplication &app, const ServerSettingsIndex &own);
// Whether the diff of `app` looks at the endpoint's validation configuration:
// only when the plan sets validation or removes it. validationReadsFor() lists
// those applications' ids, for SnapshotReader::setValidationOnlyFor(): a diff
// reads no validation configuration it would not look at.
bool readsValidation(const models::PlanApplication &app);
std::vector<std::string> validationReadsFor(const models::PlanData &plan);

// The PutAppLaunchConfiguration an apply sends for `app` (it must manage
// launch), in the plan's own ids: every server as the plan names it, each
// group by its serverGroupId (none before the first apply). The offline
// CloudFormation preview launches what an apply would put.
api::PutAppLaunchConfigurationRequest plannedLaunchRequest(const models::PlanApplication &app,
                                                           const ServerSettingsIndex &own);

// What diffing the plan's applications one by one needs, indexed once for
// them all. The plan and the endpoint's catalog must outlive it; the plan's
// applications may change meanwhile (an apply records ids in them).
struct DiffContext
{
    DiffContext(const models::PlanData &plan, const std::vector<api::Server> &endpointServers);

    const models::PlanData &plan;
    ServerResolver resolver;
    ServerSettingsIndex own;
};

// The changes of one application against its live state (nullptr: not on
// the endpoint); unresolved servers are added to `blockers`.
std::vector<Change> diffApplication(const DiffContext &context, const models::PlanApplication &app,
                                    const EndpointApplication *live, std::vector<std::string> &blockers);

} // namespace sms::services
