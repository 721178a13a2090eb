#pragma once
// The checks a plan gets before it is applied: `sms-plan plan validate` and
// the GUI list them. PlanRules refuses what cannot even be opened; these are
// the softer problems a reviewer should see. An error is something the
// endpoint would refuse or apply could not resolve, so it blocks an apply; a
// warning is allowed but probably not meant. docs/plan-format.md lists them.

#include "models/PlanTypes.h"

#include <string>
#include <string_view>
#include <vector>

namespace sms::models {

// The plan item an issue is about, by key (keys stay put while rows move),
// so that a view can select it: an application, one of its groups, or a
// server of that group. Empty for a server's settings kept outside any group.
struct PlanSubject
{
    PlanKey application = kNoKey;
    PlanKey group = kNoKey;
    std::string serverId;

    bool operator==(const PlanSubject &) const = default;
};

struct PlanIssue
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Warning;
    std::string code;     // stable, for scripts: "unknown-server", "empty-group", …
    std::string where;    // path and name: `applications[1].serverGroups[0] ("db")`
    std::string message;  // one sentence: the item, the problem, what to do
    PlanSubject subject;

    bool operator==(const PlanIssue &) const = default;
};

// Every issue of a plan that keeps PlanRules, in plan order: each
// application's, then its groups' with their servers', then those of
// serverSettings. Settings are checked as they will be put (PlanSettings.h).
std::vector<PlanIssue> validatePlan(const PlanData &plan);

// The issues of `app` as if it were added at the end of `plan` (the new-
// application wizard's draft): its name is compared with the plan's
// applications and its servers are looked up in the plan's catalog and
// settings, but only its own issues are reported. Nothing of `plan` is copied.
std::vector<PlanIssue> validateAddedApplication(const PlanData &plan, const PlanApplication &app);

bool hasErrors(const std::vector<PlanIssue> &issues);
std::string_view severityName(PlanIssue::Severity severity);  // "error" or "warning"

} // namespace sms::models
