#pragma once
// Which replication actions a state allows, and why not when it does not: the
// GUI enables its actions and words their tooltips from these, the CLI may
// check before it calls. They follow what SMS accepts (sms-local is our
// faithful endpoint: sandbox/AppLifecycleOperations.cpp and
// sandbox/ReplicationOperations.cpp) from what a listing shows; what only the
// endpoint knows (the concurrent-migration limit, on-demand runs left today,
// an unsupported guest OS) stays the endpoint's to refuse.
//
// A state this build does not know (an enum value added later, or none
// given) allows the action: the endpoint decides, rather than the planner
// greying out what may work.

#include "api/SmsTypes.h"

#include <QString>

#include <optional>

namespace sms::services {

struct ActionCheck
{
    enum class Verdict {
        Allowed,
        Refused,   // the endpoint would refuse the call
        HeldBack,  // the endpoint would take it, but it does nothing useful now
    };

    Verdict verdict = Verdict::Allowed;
    QString reason;  // why not, for a tooltip; empty when allowed

    bool allowed() const { return verdict == Verdict::Allowed; }
    explicit operator bool() const { return allowed(); }

    static ActionCheck yes() { return {}; }
    static ActionCheck refused(QString why) { return {Verdict::Refused, std::move(why)}; }
    static ActionCheck heldBack(QString why) { return {Verdict::HeldBack, std::move(why)}; }
};

// --- an application (StartAppReplication, StopAppReplication, StartOnDemandAppReplication)

ActionCheck canStartAppReplication(const api::AppSummary &app);
ActionCheck canStopAppReplication(const api::AppSummary &app);
ActionCheck canStartOnDemandAppReplication(const api::AppSummary &app);

// --- an application's launch (LaunchApp, TerminateApp) -----------------------

// Launching needs launch settings at the endpoint, a replica (AMI) of every
// server, and no stack of the application's running or going away.
ActionCheck canLaunchApp(const api::AppSummary &app);
// Terminating deletes a stack that was launched, whether or not it came up.
ActionCheck canTerminateApp(const api::AppSummary &app);

// --- a server's replication job (nullopt: the server has none) --------------

ActionCheck canCreateReplicationJob(const std::optional<api::ReplicationJob> &job);
ActionCheck canUpdateReplicationJob(const std::optional<api::ReplicationJob> &job);
// `owner`: the application holding the job's server, when there is one.
// While it replicates the job is the application's, and only stopping the
// application's replication ends it.
ActionCheck canDeleteReplicationJob(const std::optional<api::ReplicationJob> &job,
                                    const api::AppSummary *owner = nullptr);
// Held back while a run is in progress (in the job's replicationRunList): SMS
// would queue the new run behind it and count it against the day's on-demand
// runs for a replica only minutes newer.
ActionCheck canStartOnDemandReplicationRun(const std::optional<api::ReplicationJob> &job);

} // namespace sms::services
