#include "models/PlanRules.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace sms::models {
namespace {

struct Where
{
    int application = -1;
    int group = -1;
};

SmsError ruleBroken(std::string_view subject, const std::string &problem)
{
    return SmsError::make(ErrorCode::InvalidParameterException,
                          std::string(subject) + " breaks the plan's rules: " + problem + ".");
}

// Where an item sits, for messages: `applications[1] ("Payroll")` or
// `applications[1].serverGroups[0] ("db")`; group -1 for the application.
std::string describePlanItem(const std::vector<PlanApplication> &applications, int application, int group)
{
    const PlanApplication &app = applications[std::size_t(application)];
    std::string text = "applications[" + std::to_string(application) + "]";
    const std::string *name = &app.name;
    if (group >= 0) {
        text += ".serverGroups[" + std::to_string(group) + "]";
        name = &app.serverGroups[std::size_t(group)].name;
    }
    if (!name->empty())
        text += " (\"" + *name + "\")";
    return text;
}

} // namespace

Result<void> checkPlanRules(const std::vector<PlanApplication> &applications, std::string_view subject)
{
    std::size_t serverCount = 0;
    for (const PlanApplication &app : applications)
        for (const PlanServerGroup &group : app.serverGroups)
            serverCount += group.serverIds.size();

    std::unordered_map<PlanKey, Where> keys;
    // Views into `applications`, which outlives the map: no copy of 50,000 ids.
    std::unordered_map<std::string_view, Where> servers;
    servers.reserve(serverCount);
    const auto where = [&](Where w) { return describePlanItem(applications, w.application, w.group); };
    const auto claimKey = [&](PlanKey key, Where at) -> Result<void> {
        if (key == kNoKey)
            return ruleBroken(subject, where(at) + " has key 0; keys start at 1");
        const auto [it, added] = keys.emplace(key, at);
        if (!added)
            return ruleBroken(subject, "key " + std::to_string(key) + " is used by both " + where(it->second)
                                           + " and " + where(at) + "; each application and server group needs a key of its own");
        return {};
    };

    for (int a = 0; a < int(applications.size()); ++a) {
        const PlanApplication &app = applications[std::size_t(a)];
        if (auto claimed = claimKey(app.key, {a, -1}); !claimed)
            return claimed;
        for (int g = 0; g < int(app.serverGroups.size()); ++g) {
            const PlanServerGroup &group = app.serverGroups[std::size_t(g)];
            if (auto claimed = claimKey(group.key, {a, g}); !claimed)
                return claimed;
            for (const std::string &id : group.serverIds) {
                const auto [it, added] = servers.emplace(id, Where{a, g});
                if (added)
                    continue;
                const Where first = it->second;
                if (first.application == a && first.group == g)
                    return ruleBroken(subject, "server " + id + " is listed twice in " + where(first));
                const char *rule = first.application == a ? "; a server is in one server group at most"
                                                          : "; a server belongs to at most one application";
                return ruleBroken(subject, "server " + id + " is in both " + where(first) + " and " + where({a, g}) + rule);
            }
        }
    }
    return {};
}

Result<void> checkServerSettingsRules(const std::vector<PlanServerSettings> &settings, std::string_view subject)
{
    std::unordered_map<std::string_view, std::size_t> seen;
    seen.reserve(settings.size());
    for (std::size_t i = 0; i < settings.size(); ++i) {
        const auto [it, added] = seen.emplace(settings[i].serverId, i);
        if (!added)
            return ruleBroken(subject, "server " + settings[i].serverId + " has settings twice, serverSettings["
                                           + std::to_string(it->second) + "] and serverSettings[" + std::to_string(i)
                                           + "]; a server has one set of its own settings");
    }
    return {};
}

bool holdsAppId(const std::vector<PlanApplication> &applications, std::string_view appId)
{
    return !appId.empty() && std::any_of(applications.begin(), applications.end(),
                                         [&](const PlanApplication &app) { return app.appId == appId; });
}

std::size_t dropHeldRetiredIds(PlanData &plan)
{
    std::unordered_set<std::string_view> held;
    for (const PlanApplication &app : plan.applications)
        if (!app.appId.empty())
            held.insert(app.appId);
    auto &retired = plan.retiredAppIds;
    const auto kept = std::remove_if(retired.begin(), retired.end(), [&](const std::string &id) { return held.count(id); });
    const auto dropped = std::size_t(retired.end() - kept);
    retired.erase(kept, retired.end());
    return dropped;
}

} // namespace sms::models
