#pragma once
// What Endpoint › Refresh Apps brings into a plan, decided against a fresh
// read of the endpoint, so that nothing the user planned is dropped silently:
// - an endpoint application the plan does not have comes in whole, with its
//   replication and launch settings (PlanFromEndpoint.h builds them), but
//   a server the plan has in another application stays there (listed in
//   `kept`);
// - one the plan deleted (retiredAppIds) stays out: the next apply deletes it;
// - one the plan has keeps everything the plan says. Where the plan differs
//   from the endpoint (the diff of PlanDiff.h finds a change), those are
//   edits the endpoint does not have yet: they win, and are listed in `kept`
//   for the user. Settings of a kind the plan leaves to the endpoint (it
//   manages no replication, or no launch) are taken from the endpoint, so
//   the plan now shows them.

#include "models/PlanEditor.h"
#include "models/PlanTypes.h"
#include "services/EndpointSnapshot.h"

#include <string>
#include <vector>

namespace sms::services {

struct RefreshMerge
{
    // What changes in the plan, in the endpoint's order; empty when nothing does.
    std::vector<models::RefreshedApplication> applications;
    // The plan's edits kept over the endpoint's, a line each: “Payroll”: its replication settings …
    std::vector<std::string> kept;
    // Endpoint applications deleted from the plan, left out: “Old CRM” (app-…).
    std::vector<std::string> retired;
    int read = 0;   // applications the endpoint has
    int added = 0;  // of them, new to the plan
};

RefreshMerge mergeRefresh(const models::PlanData &plan, const EndpointSnapshot &endpoint);

} // namespace sms::services
