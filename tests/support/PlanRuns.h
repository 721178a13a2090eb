#pragma once
// Plans against an in-process sandbox, for the services' tests: apply one,
// read the endpoint, make a plan of the estate, check that they converged.

#include "services/PlanApplier.h"
#include "services/SandboxHost.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sms::testing {

struct ApplyRun
{
    std::optional<Result<int>> result;
    models::PlanData plan;  // with the ids the applier recorded
    std::vector<std::string> operations;
    services::ChangeSet remaining;  // what the applier's last read still found different
};

// Applies `plan`; `afterChange` may cancel (it gets the applier and the number of changes so far).
// With `from`, the apply starts from that snapshot instead of reading one.
ApplyRun apply(client::SmsClient &client, const models::PlanData &plan,
               const std::function<void(services::PlanApplier *, int)> &afterChange = {},
               const services::EndpointSnapshot *from = nullptr);
std::optional<Result<services::EndpointSnapshot>> snapshot(client::SmsClient &client);
// `count` applications of two groups over the estate's first servers, with
// replication and launch settings, one server with its own instance type.
models::PlanData planOf(services::SandboxHost &host, int count, int serversPerGroup = 2);
// The failure, for a message; "" for a success.
const char *whyNot(const std::optional<Result<int>> &result);
QString describe(const services::ChangeSet &set);
// The endpoint matches `plan` exactly: nothing to change, one application per
// plan application (no duplicates), and none the plan does not know.
void verifyConverged(client::SmsClient &client, const models::PlanData &plan);

} // namespace sms::testing
