#pragma once
// Plan applications as the endpoint takes them, and endpoint answers as plan
// applications: the request building and answer reading that the diff
// (PlanDiff.h), the apply engine (PlanApplier.h) and PlanFromEndpoint share.

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "models/PlanTypes.h"

#include <string>
#include <utility>
#include <vector>

namespace sms::services {

// What the endpoint calls an application and its server groups.
struct EndpointIds
{
    std::string appId;
    // The plan's group key and the endpoint's serverGroupId, for each group
    // of the plan application that could be matched in the answer.
    std::vector<std::pair<models::PlanKey, std::string>> serverGroupIds;
};

// --- request building -------------------------------------------------------

// A group as CreateApp and UpdateApp take it: name and server ids, and the
// serverGroupId when `keepId` and the group has one.
api::ServerGroup serverGroupRequest(const models::PlanServerGroup &group, bool keepId);
// CreateApp for an application without an appId (its group ids are dropped:
// they cannot belong to an application that does not exist yet).
api::CreateAppRequest createAppRequest(const models::PlanApplication &app);
// UpdateApp replaces the whole application: every group (an empty list
// removes them all), the description and the tags.
api::UpdateAppRequest updateAppRequest(const models::PlanApplication &app);
// Never forces: an application that replicates or runs stays, with SMS's reason.
api::DeleteAppRequest deleteAppRequest(const std::string &appId);

// --- reading answers ---------------------------------------------------------

// A GetApp answer as a plan application; keys are left kNoKey for the
// document to assign.
models::PlanApplication planApplicationFrom(const api::GetAppResponse &response);
// The same from its parts, as a snapshot keeps them (EndpointApplication).
models::PlanApplication planApplicationFrom(const api::AppSummary &summary, const std::vector<api::ServerGroup> &groups,
                                            const std::vector<api::Tag> &tags);
// Pairs the plan's groups with the answer's: by serverGroupId when the group
// has one, else by position when the names agree, else by unique name, else
// by position. Unmatched groups are left out.
std::vector<std::pair<models::PlanKey, std::string>>
matchServerGroups(const std::vector<models::PlanServerGroup> &plan, const std::vector<api::ServerGroup> &answer);

// The ids a CreateApp or UpdateApp answer gives the application and its
// groups (the answer lists the groups in the order they were sent).
template <typename Response>
Result<EndpointIds> endpointIdsFrom(const models::PlanApplication &app, const Result<Response> &response)
{
    if (!response)
        return response.error();
    EndpointIds ids;
    const auto &summary = response->appSummary;
    ids.appId = summary && summary->appId ? *summary->appId : app.appId;
    if (ids.appId.empty())
        return SmsError::make(ErrorCode::InvalidResponse, "the endpoint created the application without an appId");
    ids.serverGroupIds =
        matchServerGroups(app.serverGroups, response->serverGroups.value_or(std::vector<api::ServerGroup>{}));
    return ids;
}

} // namespace sms::services

