#include "services/ValidationDiff.h"

#include "api/JsonCodec.h"
#include "api/OrEmpty.h"

#include <algorithm>
#include <map>

namespace sms::services {
namespace {

using api::orEmpty;

// One validation as compared: what it is called in a detail line and its
// content without the endpoint's ids.
struct Comparable
{
    std::string label;
    std::string text;
};
// By "app:NAME" or "server:SERVER:NAME", so that the lines come out in a stable order.
using ComparableSet = std::map<std::string, Comparable>;

template <typename Groups>
ComparableSet comparableOf(const std::optional<std::vector<api::AppValidationConfiguration>> &apps,
                           const Groups &groups)
{
    ComparableSet set;
    // SSM and USERDATA are the only strategies: unset says the same.
    for (api::AppValidationConfiguration entry : orEmpty(apps)) {
        entry.validationId.reset();
        if (!entry.appValidationStrategy)
            entry.appValidationStrategy = api::AppValidationStrategy::Ssm;
        const std::string name = entry.name.value_or("");
        set["app:" + name] = {"validation \u201C" + name + "\u201D", api::serialize(entry)};
    }
    for (const api::ServerGroupValidationConfiguration &group : orEmpty(groups))
        for (api::ServerValidationConfiguration entry : orEmpty(group.serverValidationConfigurations)) {
            if (!entry.server || !entry.server->serverId)
                continue;
            const std::string serverId = *entry.server->serverId;
            const std::string name = entry.name.value_or("");
            entry.validationId.reset();
            if (!entry.serverValidationStrategy)
                entry.serverValidationStrategy = api::ServerValidationStrategy::Userdata;
            entry.server = api::Server{};
            entry.server->serverId = serverId;
            set["server:" + serverId + ":" + name]
                = {"validation \u201C" + name + "\u201D of server " + serverId,
                   group.serverGroupId.value_or("") + " " + api::serialize(entry)};
        }
    return set;
}

} // namespace

api::PutAppValidationConfigurationRequest validationRequest(const std::string &appId,
                                                            const models::AppValidationSettings &settings,
                                                            const ValidatedServerLookup &where)
{
    api::PutAppValidationConfigurationRequest request;
    request.appId = appId;
    auto &apps = request.appValidationConfigurations.emplace();
    for (api::AppValidationConfiguration entry : settings.appValidations) {
        entry.validationId.reset();
        if (!entry.appValidationStrategy)
            entry.appValidationStrategy = api::AppValidationStrategy::Ssm;
        apps.push_back(std::move(entry));
    }
    auto &groups = request.serverGroupValidationConfigurations.emplace();
    for (const models::PlanServerValidation &validation : settings.serverValidations) {
        const std::optional<ValidatedServer> server = where(validation.serverId);
        if (!server)
            continue;
        auto group = std::find_if(groups.begin(), groups.end(), [&](const api::ServerGroupValidationConfiguration &g) {
            return g.serverGroupId.value_or("") == server->serverGroupId;
        });
        if (group == groups.end()) {
            group = groups.emplace(groups.end());
            if (!server->serverGroupId.empty())
                group->serverGroupId = server->serverGroupId;
        }
        if (!group->serverValidationConfigurations)
            group->serverValidationConfigurations.emplace();
        api::ServerValidationConfiguration &entry = group->serverValidationConfigurations->emplace_back();
        entry.server.emplace().serverId = server->serverId;
        entry.name = validation.name;
        entry.serverValidationStrategy = api::ServerValidationStrategy::Userdata;
        entry.userDataValidationParameters = validation.userData;
    }
    return request;
}

std::vector<std::string> validationDifferences(const api::PutAppValidationConfigurationRequest &wanted,
                                               const std::optional<api::GetAppValidationConfigurationResponse> &live)
{
    const ComparableSet want
        = comparableOf(wanted.appValidationConfigurations, wanted.serverGroupValidationConfigurations);
    const ComparableSet now = live ? comparableOf(live->appValidationConfigurations,
                                                  live->serverGroupValidationConfigurations)
                                   : ComparableSet{};
    std::vector<std::string> lines;
    for (const auto &[key, value] : want) {
        const auto it = now.find(key);
        if (it == now.end())
            lines.push_back(value.label + " is added");
        else if (it->second.text != value.text)
            lines.push_back(value.label + " changes: " + it->second.text + " \u2192 " + value.text);
    }
    for (const auto &[key, value] : now)
        if (!want.count(key))
            lines.push_back(value.label + " is removed");
    return lines;
}

std::size_t validationCount(const api::GetAppValidationConfigurationResponse &configuration)
{
    std::size_t count = orEmpty(configuration.appValidationConfigurations).size();
    for (const auto &group : orEmpty(configuration.serverGroupValidationConfigurations))
        count += orEmpty(group.serverValidationConfigurations).size();
    return count;
}

} // namespace sms::services
