#pragma once
// The replication and launch settings one application has at the endpoint,
// in the plan's terms, for Plan › Application Settings to show beside the
// plan's and to start from. The application is read as the apply engine
// reads it (readApplication: GetApp and both configurations at once) and its
// per-server configurations are factored into an application's settings and
// servers' own the way `plan export-template` does (planFromEndpoint).

#include "models/PlanTypes.h"
#include "services/SnapshotReader.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sms::services {

struct EndpointSettings
{
    // What the endpoint's servers share, as a plan's application would hold
    // it; replication (launch) is nullopt when the endpoint has no
    // configuration of that kind.
    models::ApplicationSettings settings;
    // Each endpoint server group's launch order, by serverGroupId.
    std::vector<std::pair<std::string, std::optional<int>>> launchOrders;
    // Servers whose settings differ from the shared ones.
    int ownReplication = 0;
    int ownLaunch = 0;

    std::optional<int> launchOrderOf(const std::string &serverGroupId) const;
};

EndpointSettings endpointSettingsFrom(EndpointApplication app);

// nullopt: the endpoint has no such application (any more).
using EndpointSettingsRead = Result<std::optional<EndpointSettings>>;

// Reads `appId`'s settings; `done` runs once unless `context` goes first
// (the read is its child and is canceled with it). `client` must outlive it.
ApplicationReadHandle readEndpointSettings(client::SmsClient &client, std::string appId, QObject *context,
                                           std::function<void(EndpointSettingsRead)> done);

} // namespace sms::services
