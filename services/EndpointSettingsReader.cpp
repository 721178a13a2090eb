#include "services/EndpointSettingsReader.h"

#include "services/PlanFromEndpoint.h"

#include <algorithm>
#include <utility>

namespace sms::services {

std::optional<int> EndpointSettings::launchOrderOf(const std::string &serverGroupId) const
{
    const auto it = std::find_if(launchOrders.begin(), launchOrders.end(),
                                 [&](const auto &order) { return order.first == serverGroupId; });
    return it == launchOrders.end() ? std::nullopt : it->second;
}

EndpointSettings endpointSettingsFrom(EndpointApplication app)
{
    std::vector<EndpointApplication> one;
    one.push_back(std::move(app));
    const models::PlanData plan = applicationsFromEndpoint(one);
    const models::PlanApplication &planned = plan.applications.front();

    EndpointSettings endpoint;
    endpoint.settings = planned.settings;
    for (const models::PlanServerGroup &group : planned.serverGroups)
        endpoint.launchOrders.emplace_back(group.serverGroupId, group.launchOrder);
    for (const models::PlanServerSettings &own : plan.serverSettings) {
        endpoint.ownReplication += own.replication ? 1 : 0;
        endpoint.ownLaunch += own.launch ? 1 : 0;
    }
    return endpoint;
}

ApplicationReadHandle readEndpointSettings(client::SmsClient &client, std::string appId, QObject *context,
                                           std::function<void(EndpointSettingsRead)> done)
{
    return readApplication(client, std::move(appId), context, [done = std::move(done)](ApplicationRead read) {
        if (!read)
            done(read.error());
        else if (!read.value())
            done(std::optional<EndpointSettings>());
        else
            done(std::optional<EndpointSettings>(endpointSettingsFrom(std::move(*read.value()))));
    });
}

} // namespace sms::services
