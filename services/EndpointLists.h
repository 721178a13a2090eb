#pragma once
// Lists the catalog panes show beside the servers, each read whole (every
// page): the replication jobs (id, server, state; GetReplicationJobs without
// the runs) and the connectors (GetConnectors).

#include "client/SmsClient.h"
#include "models/PlanTypes.h"

#include <functional>

namespace sms::services {

using ReplicationJobsCallback = std::function<void(Result<std::vector<models::ReplicationJobSummary>>)>;

// `done` runs once, unless `context` is destroyed first.
void loadReplicationJobs(client::SmsClient &client, QObject *context, ReplicationJobsCallback done);

using ConnectorsCallback = std::function<void(Result<std::vector<api::Connector>>)>;
void loadConnectors(client::SmsClient &client, QObject *context, ConnectorsCallback done);

} // namespace sms::services
