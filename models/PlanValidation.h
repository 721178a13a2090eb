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

struct PlanIssue
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Warning;
    std::string code;     // stable, for scripts: "unknown-server", "empty-group", …
    std::string where;    // path and name: `applications[1].serverGroups[0] ("db")`
    std::string message;  // one sentence: the item, the problem, what to do

    bool operator==(const PlanIssue &) const = default;
};

// Every issue of a plan that keeps PlanRules, in plan order: each
// application's, then its groups' with their servers', then those of
// serverSettings. Settings are checked as they will be put (PlanSettings.h).
std::vector<PlanIssue> validatePlan(const PlanData &plan);

bool hasErrors(const std::vector<PlanIssue> &issues);
std::string_view severityName(PlanIssue::Severity severity);  // "error" or "warning"

} // namespace sms::models
