#pragma once
// An application's validation settings against the endpoint's: the
// PutAppValidationConfiguration request a plan's settings make, and what it
// would change, a line each. PlanDiff uses both.
//
// The endpoint names validations by validationIds it makes up; the plan does
// not keep them, so validations are compared by name (the application's) or
// by server and name (a server's), ids left out on both sides.

#include "api/SmsTypes.h"
#include "models/PlanTypes.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sms::services {

// Where a plan server is at the endpoint: its server group's id (empty while
// the group is new) and its endpoint server id.
struct ValidatedServer
{
    std::string serverGroupId{};
    std::string serverId{};
};
// nullopt: the server is in none of the application's groups, or cannot be
// resolved; its validation is left out (the plan checks say why).
using ValidatedServerLookup = std::function<std::optional<ValidatedServer>(const std::string &planServerId)>;

api::PutAppValidationConfigurationRequest validationRequest(const std::string &appId,
                                                            const models::AppValidationSettings &settings,
                                                            const ValidatedServerLookup &where);

// What `wanted` changes of `live` (nullopt: none configured); empty when
// they configure the same validations.
std::vector<std::string> validationDifferences(const api::PutAppValidationConfigurationRequest &wanted,
                                               const std::optional<api::GetAppValidationConfigurationResponse> &live);

// The validations a configuration holds, the application's and its servers'.
std::size_t validationCount(const api::GetAppValidationConfigurationResponse &configuration);

} // namespace sms::services
