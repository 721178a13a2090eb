// The endpoint's settings per server, factored into the plan's per
// application and per server; see the header.

#include "services/PlanFromEndpoint.h"

#include "api/OrEmpty.h"
#include "models/PlanSettings.h"
#include "services/AppSync.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace sms::services {
namespace {

// Each server's settings of one kind, as the endpoint has them.
template <typename Settings>
using PerServer = std::vector<std::pair<std::string, Settings>>;

// Whether every member `shared` sets is set in `server` too, so that
// `shared` overlaid with `server` is exactly `server`.
template <typename Settings>
bool coversShared(const Settings &server, const Settings &shared)
{
    const auto sharedMembers = models::memberAddresses(shared);
    std::size_t index = 0;
    bool covers = true;
    Settings::members(server, [&](const char *, const auto &member, api::MemberKind) {
        using Member = std::decay_t<decltype(member)>;
        if (*static_cast<const Member *>(sharedMembers[index++]) && !member)
            covers = false;
    });
    return covers;
}

// The settings most servers have.
template <typename Settings>
Settings mostCommon(const PerServer<Settings> &servers)
{
    std::size_t best = 0, bestCount = 0;
    for (std::size_t i = 0; i < servers.size(); ++i) {
        const auto count = std::size_t(std::count_if(servers.begin(), servers.end(),
                                                     [&](const auto &other) { return other.second == servers[i].second; }));
        if (count > bestCount) {
            best = i;
            bestCount = count;
        }
    }
    return servers[best].second;
}

// The application's share and each server's own: `own(serverId)` gives
// the entry where a server's own settings go.
template <typename Settings, typename Own>
std::optional<Settings> factor(const PerServer<Settings> &servers, Own own)
{
    if (servers.empty())
        return std::nullopt;
    Settings shared = mostCommon(servers);
    const bool expressible = std::all_of(servers.begin(), servers.end(),
                                         [&](const auto &server) { return coversShared(server.second, shared); });
    if (!expressible)
        shared = Settings{};
    for (const auto &[serverId, settings] : servers)
        if (!(settings == shared))
            own(serverId) = settings;
    return shared;
}

// The endpoint's validations as a plan keeps them: without the ids the
// endpoint made up, a server's by its id rather than in its group.
models::AppValidationSettings validationFrom(const api::GetAppValidationConfigurationResponse &live)
{
    models::AppValidationSettings validation;
    for (api::AppValidationConfiguration entry : api::orEmpty(live.appValidationConfigurations)) {
        entry.validationId.reset();
        validation.appValidations.push_back(std::move(entry));
    }
    for (const auto &group : api::orEmpty(live.serverGroupValidationConfigurations))
        for (const api::ServerValidationConfiguration &entry : api::orEmpty(group.serverValidationConfigurations))
            if (entry.server && entry.server->serverId)
                validation.serverValidations.push_back(
                    {*entry.server->serverId, entry.name.value_or(""), entry.userDataValidationParameters});
    return validation;
}

class Factoring
{
public:
    explicit Factoring(models::PlanData &plan) : m_plan(plan) {}

    void add(const EndpointApplication &live, models::PlanApplication &app)
    {
        if (live.replication) {
            PerServer<api::ServerReplicationParameters> servers;
            for (const auto &group : *live.replication)
                for (const auto &entry : api::orEmpty(group.serverReplicationConfigurations))
                    if (entry.server && entry.server->serverId)
                        servers.emplace_back(*entry.server->serverId,
                                             entry.serverReplicationParameters.value_or(api::ServerReplicationParameters{}));
            app.settings.replication = factor(servers, [this](const std::string &id) -> auto & { return ownOf(id).replication; });
        }
        if (live.launch) {
            const api::GetAppLaunchConfigurationResponse &launch = *live.launch;
            app.settings.launchRoleName = launch.roleName.value_or("");
            app.settings.autoLaunch = launch.autoLaunch;
            PerServer<api::ServerLaunchConfiguration> servers;
            for (const auto &group : api::orEmpty(launch.serverGroupLaunchConfigurations)) {
                for (models::PlanServerGroup &planGroup : app.serverGroups)
                    if (group.serverGroupId && planGroup.serverGroupId == *group.serverGroupId)
                        planGroup.launchOrder = group.launchOrder;
                for (api::ServerLaunchConfiguration entry : api::orEmpty(group.serverLaunchConfigurations)) {
                    if (!entry.server || !entry.server->serverId)
                        continue;
                    const std::string serverId = *entry.server->serverId;
                    entry.server.reset();
                    entry.logicalId.reset();
                    servers.emplace_back(serverId, std::move(entry));
                }
            }
            app.settings.launch = factor(servers, [this](const std::string &id) -> auto & { return ownOf(id).launch; });
        }
        if (live.validation)
            app.settings.validation = validationFrom(*live.validation);
    }

private:
    models::PlanServerSettings &ownOf(const std::string &serverId)
    {
        auto &settings = m_plan.serverSettings;
        const auto [it, added] = m_rows.emplace(serverId, settings.size());
        if (added)
            settings.emplace_back().serverId = serverId;
        return settings[it->second];
    }

    models::PlanData &m_plan;
    std::unordered_map<std::string, std::size_t> m_rows;  // serverSettings' row of each server
};

} // namespace

models::PlanData applicationsFromEndpoint(const std::vector<EndpointApplication> &applications)
{
    models::PlanData plan;
    Factoring factoring(plan);
    models::PlanKey key = models::kNoKey;
    for (const EndpointApplication &live : applications) {
        models::PlanApplication app = planApplicationFrom(live.summary, live.serverGroups, live.tags);
        app.key = ++key;
        for (models::PlanServerGroup &group : app.serverGroups)
            group.key = ++key;
        factoring.add(live, app);
        plan.applications.push_back(std::move(app));
    }
    return plan;
}

models::PlanData planFromEndpoint(const EndpointSnapshot &endpoint)
{
    models::PlanData plan = applicationsFromEndpoint(endpoint.applications);
    plan.catalog.servers = endpoint.servers;
    return plan;
}

} // namespace sms::services
