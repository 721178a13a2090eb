#pragma once
// The rules every plan keeps, however it was made (edited, loaded, imported):
// - each application and server group has a key of its own, and none is 0;
// - a server is in at most one server group of the whole plan, so in at most
//   one application (SMS refuses a server that two applications claim);
// - a server has one entry of its own settings at most;
// - an endpoint application the plan holds is never retired (to be deleted
//   at the endpoint): dropHeldRetiredIds() mends a plan that says both.
// The plan file refuses a file that breaks them, so whatever edits a plan
// (PlanDocument, imports) must keep them too, or the plan saves but will not open.

#include "api/Result.h"
#include "models/PlanTypes.h"

#include <string_view>
#include <vector>

namespace sms::models {

// An InvalidParameterException naming the first rule broken and where, as
// "<subject> breaks the plan's rules: …", e.g. subject "The plan".
Result<void> checkPlanRules(const std::vector<PlanApplication> &applications,
                            std::string_view subject = "The plan");
Result<void> checkServerSettingsRules(const std::vector<PlanServerSettings> &settings,
                                      std::string_view subject = "The plan");

// Whether one of the applications is the endpoint application `appId`.
bool holdsAppId(const std::vector<PlanApplication> &applications, std::string_view appId);
// Takes off retiredAppIds every id an application holds, and says how many.
// Unlike the rules above this mends rather than refuses: files saved by
// earlier versions can say both, and keeping the application is the choice
// that loses nothing (a retired id is deleted at the endpoint by an apply).
std::size_t dropHeldRetiredIds(PlanData &plan);

} // namespace sms::models
