#pragma once
// The rules every plan keeps, however it was made (edited, loaded, imported):
// - each application and server group has a key of its own, and none is 0;
// - a server is in at most one server group of the whole plan, so in at most
//   one application (SMS refuses a server that two applications claim);
// - a server has one entry of its own settings at most.
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

} // namespace sms::models
