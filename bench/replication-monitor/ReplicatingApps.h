#pragma once
// makeReplicatingApps: the bench's set-up, through the client: `apps`
// applications of `serversPerApp` servers each, each server with a job every
// `frequencyHours` and every application's replication started, a few calls
// at a time. Only servers sms-local will replicate are taken: a healthy
// connector for their VM manager (its estate's last connector is unhealthy)
// and a supported guest (found by creating the jobs first).

#include "client/SmsClient.h"

#include <string>

namespace sms::bench {

// False, with `why`, when a call failed or the catalog has too few servers.
bool makeReplicatingApps(client::SmsClient &client, int apps, int serversPerApp, int frequencyHours, std::string &why);

} // namespace sms::bench
