#pragma once
// CloudFormation logical ids for an application's servers: what each server
// is called in the launch template, derived from its VM name and unique in
// its application (sms-local's PutAppLaunchConfiguration refuses a repeated
// one, as SMS does). The settings editor's "Generate" gives them; the plan's
// checks report ids that two servers share.

#include "cloudformation/LogicalIds.h"
#include "models/PlanTypes.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sms::models {

// "web-01.corp" -> "Web01Corp", as the template builder names a server.
using cloudformation::logicalIdFromName;

// A server's logical id as it will be put: its own, else its application's.
struct ServerLogicalId
{
    std::string serverId;
    std::string logicalId;
};

// The application's servers with a logical id, in group and server order.
std::vector<ServerLogicalId> logicalIdsOf(const PlanData &plan, const PlanApplication &app);

// New logical ids for `serverIds` (servers of `app`), in their order: each
// from its VM name (else its server id), unique in the application: an id
// another server of it keeps is not taken, and a repeated one gets the first
// free number appended ("Web2").
std::vector<ServerLogicalId> generateLogicalIds(const PlanData &plan, const PlanApplication &app,
                                                const std::vector<std::string> &serverIds);

} // namespace sms::models
