// The plan against the endpoint, application by application; see PlanDiff.h.

#include "services/PlanDiff.h"

#include "api/JsonCodec.h"
#include "api/JsonCodecTraits.h"
#include "api/OrEmpty.h"
#include "models/PlanSettings.h"
#include "services/AppSync.h"
#include "services/ValidationDiff.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace sms::services {
namespace {

using api::orEmpty;
using models::PlanApplication;
using models::PlanServerSettings;

// A few items of a long list, for a line of detail.
constexpr std::size_t kListedServers = 5;
// Servers whose settings differ that get a line each.
constexpr std::size_t kDetailedServers = 5;

// "1 server", "3 servers".
std::string counted(std::size_t n, const std::string &noun)
{
    return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

std::string listed(const std::vector<std::string_view> &ids)
{
    std::string text;
    for (std::size_t i = 0; i < ids.size() && i < kListedServers; ++i)
        text += (i ? ", " : "") + std::string(ids[i]);
    if (ids.size() > kListedServers)
        text += " and " + std::to_string(ids.size() - kListedServers) + " more";
    return text;
}

// A member's value for a line of detail.
template <typename T>
std::string valueText(const T &value)
{
    if constexpr (api::codec::Structure<T>)
        return api::serialize(value);
    else if constexpr (api::codec::IsOpenEnum<T>::value)
        return std::string(value.toString());
    else if constexpr (std::is_same_v<T, std::string>)
        return "\"" + value + "\"";
    else if constexpr (std::is_same_v<T, bool>)
        return value ? "true" : "false";
    else if constexpr (std::is_same_v<T, api::Timestamp>)
        return value.isWholeSecond() ? std::to_string(std::llround(value.epochSeconds)) : std::to_string(value.epochSeconds);
    else
        return std::to_string(value);
}

template <typename T>
std::string optionalText(const std::optional<T> &value)
{
    return value ? valueText(*value) : std::string("unset");
}

// "frequency 12 -> 6, encrypted unset -> true": the members that differ.
template <typename T>
std::string memberDifferences(const T &from, const T &to)
{
    std::vector<std::string> lines;
    std::vector<std::string> fromTexts;
    T::members(from, [&](const char *, const auto &member, api::MemberKind) { fromTexts.push_back(optionalText(member)); });
    std::size_t i = 0;
    T::members(to, [&](const char *name, const auto &member, api::MemberKind) {
        const std::string toText = optionalText(member);
        if (toText != fromTexts[i])
            lines.push_back(std::string(name) + " " + fromTexts[i] + " \u2192 " + toText);
        ++i;
    });
    std::string text;
    for (const std::string &line : lines)
        text += (text.empty() ? "" : ", ") + line;
    return text;
}

// A plan server and the endpoint server it is, as views into the plan and
// the endpoint's catalog.
struct ServerPair
{
    std::string_view planId;
    std::string_view endpointId;
};

// The plan application in the endpoint's terms. It points into the plan
// rather than copying it: most applications of a big plan match, and only a
// create or an update needs the application whole (endpointApplication()).
struct ResolvedApp
{
    const PlanApplication *app = nullptr;
    std::string appId;                             // the live application's; empty for a new one
    std::vector<std::string> groupIds;             // the live group each plan group is; empty for a new one
    std::vector<std::vector<ServerPair>> servers;  // per group, those that resolve
    bool groupsKnown = true;                       // every group has a live group

    const models::PlanServerGroup &group(std::size_t g) const { return app->serverGroups[g]; }

    // The plan application with the endpoint's ids: appId, serverGroupIds
    // and endpoint server ids.
    PlanApplication endpointApplication() const
    {
        PlanApplication copy = *app;
        copy.appId = appId;
        for (std::size_t g = 0; g < copy.serverGroups.size(); ++g) {
            models::PlanServerGroup &group = copy.serverGroups[g];
            group.serverGroupId = groupIds[g];
            group.serverIds.assign(servers[g].size(), std::string());
            for (std::size_t i = 0; i < servers[g].size(); ++i)
                group.serverIds[i] = std::string(servers[g][i].endpointId);
        }
        return copy;
    }
};

// The live group each plan group is: by its serverGroupId, else by a name
// that one live group not yet taken has; never by position (a new group in
// the place of a removed one is new). Empty for a new group.
std::vector<std::string> liveGroupIds(const std::vector<models::PlanServerGroup> &plan,
                                      const std::vector<api::ServerGroup> &live)
{
    std::vector<std::string> ids(plan.size());
    std::unordered_set<std::string> taken;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        const std::string &id = plan[i].serverGroupId;
        if (!id.empty() && std::any_of(live.begin(), live.end(), [&](const api::ServerGroup &g) { return g.serverGroupId == id; })) {
            ids[i] = id;
            taken.insert(id);
        }
    }
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (!ids[i].empty())
            continue;
        std::vector<std::string> named;
        for (const api::ServerGroup &g : live)
            if (g.serverGroupId && !taken.count(*g.serverGroupId) && g.name.value_or("") == plan[i].name)
                named.push_back(*g.serverGroupId);
        if (named.size() == 1) {
            ids[i] = named.front();
            taken.insert(named.front());
        }
    }
    return ids;
}

ResolvedApp resolve(const PlanApplication &app, const EndpointApplication *live, const ServerResolver &resolver,
                    std::vector<std::string> &blockers)
{
    ResolvedApp resolved;
    resolved.app = &app;
    resolved.appId = live ? live->appId() : std::string();
    resolved.groupIds
        = live ? liveGroupIds(app.serverGroups, live->serverGroups) : std::vector<std::string>(app.serverGroups.size());
    resolved.groupsKnown = live != nullptr;
    for (std::size_t g = 0; g < app.serverGroups.size(); ++g) {
        const models::PlanServerGroup &group = app.serverGroups[g];
        resolved.groupsKnown = resolved.groupsKnown && !resolved.groupIds[g].empty();
        auto &pairs = resolved.servers.emplace_back();
        pairs.reserve(group.serverIds.size());
        for (const std::string &serverId : group.serverIds) {
            if (const std::string_view endpointId = resolver.endpointId(serverId); !endpointId.empty()) {
                pairs.push_back({serverId, endpointId});
                continue;
            }
            blockers.push_back(inQuotes(app.name) + ", server group " + inQuotes(group.name) + ": server "
                               + resolver.resolve(serverId).describe(serverId) + ".");
        }
    }
    return resolved;
}

std::vector<api::Tag> sortedTags(std::vector<api::Tag> tags)
{
    std::sort(tags.begin(), tags.end(), [](const api::Tag &a, const api::Tag &b) {
        return std::tie(a.key, a.value) < std::tie(b.key, b.value);
    });
    return tags;
}

// "env=prod, owner", or "none".
std::string tagsText(const std::vector<api::Tag> &tags)
{
    std::string text;
    for (const api::Tag &tag : sortedTags(tags))
        text += (text.empty() ? "" : ", ") + tag.key.value_or("") + (tag.value ? "=" + *tag.value : std::string());
    return text.empty() ? std::string("none") : text;
}

std::vector<std::string_view> liveServerIds(const api::ServerGroup &group)
{
    std::vector<std::string_view> ids;
    for (const api::Server &server : orEmpty(group.serverList))
        if (server.serverId)
            ids.push_back(*server.serverId);
    return ids;
}

// What UpdateApp would change, a line each; empty when nothing.
std::vector<std::string> applicationDifferences(const ResolvedApp &resolved, const EndpointApplication &live)
{
    std::vector<std::string> lines;
    const PlanApplication &app = *resolved.app;
    const auto field = [&](const char *name, const std::string &plan, const std::string &endpoint) {
        if (plan != endpoint)
            lines.push_back(std::string(name) + ": " + valueText(endpoint) + " \u2192 " + valueText(plan));
    };
    field("name", app.name, live.summary.name.value_or(""));
    field("description", app.description, live.summary.description.value_or(""));
    if (!app.roleName.empty())
        field("roleName", app.roleName, live.summary.roleName.value_or(""));
    if (sortedTags(app.tags) != sortedTags(live.tags))
        lines.push_back("tags: " + tagsText(live.tags) + " \u2192 " + tagsText(app.tags));

    std::unordered_set<std::string_view> planGroupIds;
    for (std::size_t g = 0; g < app.serverGroups.size(); ++g) {
        const models::PlanServerGroup &group = app.serverGroups[g];
        const std::string &groupId = resolved.groupIds[g];
        if (groupId.empty()) {
            lines.push_back("new server group " + inQuotes(group.name) + " with " + counted(group.serverIds.size(), "server"));
            continue;
        }
        planGroupIds.insert(groupId);
        const auto liveGroup = std::find_if(live.serverGroups.begin(), live.serverGroups.end(),
                                            [&](const api::ServerGroup &lg) { return lg.serverGroupId == groupId; });
        if (liveGroup->name.value_or("") != group.name)
            lines.push_back("server group " + groupId + " renamed " + valueText(liveGroup->name.value_or(""))
                            + " \u2192 " + valueText(group.name));
        std::vector<std::string_view> now = liveServerIds(*liveGroup);
        std::vector<std::string_view> wanted;
        wanted.reserve(resolved.servers[g].size());
        for (const ServerPair &server : resolved.servers[g])
            wanted.push_back(server.endpointId);
        std::sort(now.begin(), now.end());
        std::sort(wanted.begin(), wanted.end());
        std::vector<std::string_view> added, removed;
        std::set_difference(wanted.begin(), wanted.end(), now.begin(), now.end(), std::back_inserter(added));
        std::set_difference(now.begin(), now.end(), wanted.begin(), wanted.end(), std::back_inserter(removed));
        if (!added.empty())
            lines.push_back("server group " + inQuotes(group.name) + " gains " + listed(added));
        if (!removed.empty())
            lines.push_back("server group " + inQuotes(group.name) + " loses " + listed(removed));
    }
    for (const api::ServerGroup &group : live.serverGroups)
        if (group.serverGroupId && !planGroupIds.count(*group.serverGroupId))
            lines.push_back("server group " + inQuotes(group.name.value_or("")) + " (" + *group.serverGroupId
                            + ") is not in the plan: it is removed with its "
                            + counted(liveServerIds(group).size(), "server"));
    return lines;
}

} // namespace

bool managesReplication(const PlanApplication &app, const ServerSettingsIndex &own)
{
    if (app.settings.replication)
        return true;
    for (const models::PlanServerGroup &group : app.serverGroups)
        for (const std::string &serverId : group.serverIds)
            if (const PlanServerSettings *settings = own.find(serverId); settings && settings->replication)
                return true;
    return false;
}

bool readsValidation(const PlanApplication &app)
{
    return app.settings.validation || app.settings.removeValidation;
}

std::vector<std::string> validationReadsFor(const models::PlanData &plan)
{
    std::vector<std::string> appIds;
    for (const PlanApplication &app : plan.applications)
        if (!app.appId.empty() && readsValidation(app))
            appIds.push_back(app.appId);
    return appIds;
}

bool managesLaunch(const PlanApplication &app, const ServerSettingsIndex &own)
{
    const models::ApplicationSettings &settings = app.settings;
    if (settings.launch || !settings.launchRoleName.empty() || settings.autoLaunch)
        return true;
    for (const models::PlanServerGroup &group : app.serverGroups) {
        if (group.launchOrder)
            return true;
        for (const std::string &serverId : group.serverIds)
            if (const PlanServerSettings *settings = own.find(serverId); settings && settings->launch)
                return true;
    }
    return false;
}

namespace {

api::Server serverRef(std::string_view endpointId)
{
    api::Server server;
    server.serverId = std::string(endpointId);
    return server;
}

api::PutAppReplicationConfigurationRequest replicationRequest(const ResolvedApp &resolved, const ServerSettingsIndex &own)
{
    api::PutAppReplicationConfigurationRequest request;
    request.appId = resolved.appId;
    auto &groups = request.serverGroupReplicationConfigurations.emplace();
    for (std::size_t g = 0; g < resolved.servers.size(); ++g) {
        api::ServerGroupReplicationConfiguration &group = groups.emplace_back();
        if (const std::string &id = resolved.groupIds[g]; !id.empty())
            group.serverGroupId = id;
        auto &servers = group.serverReplicationConfigurations.emplace();
        servers.reserve(resolved.servers[g].size());
        for (const ServerPair &server : resolved.servers[g]) {
            api::ServerReplicationConfiguration &entry = servers.emplace_back();
            entry.server = serverRef(server.endpointId);
            entry.serverReplicationParameters = models::effectiveReplication(*resolved.app, own.find(server.planId));
        }
    }
    return request;
}

api::PutAppLaunchConfigurationRequest launchRequest(const ResolvedApp &resolved, const ServerSettingsIndex &own)
{
    const models::ApplicationSettings &settings = resolved.app->settings;
    api::PutAppLaunchConfigurationRequest request;
    request.appId = resolved.appId;
    if (!settings.launchRoleName.empty())
        request.roleName = settings.launchRoleName;
    request.autoLaunch = settings.autoLaunch;
    auto &groups = request.serverGroupLaunchConfigurations.emplace();
    for (std::size_t g = 0; g < resolved.servers.size(); ++g) {
        api::ServerGroupLaunchConfiguration &group = groups.emplace_back();
        if (const std::string &id = resolved.groupIds[g]; !id.empty())
            group.serverGroupId = id;
        group.launchOrder = resolved.group(g).launchOrder;
        auto &servers = group.serverLaunchConfigurations.emplace();
        servers.reserve(resolved.servers[g].size());
        for (const ServerPair &server : resolved.servers[g]) {
            api::ServerLaunchConfiguration entry = models::effectiveLaunch(*resolved.app, own.find(server.planId));
            entry.server = serverRef(server.endpointId);
            servers.push_back(std::move(entry));
        }
    }
    return request;
}

} // namespace

api::PutAppLaunchConfigurationRequest plannedLaunchRequest(const PlanApplication &app, const ServerSettingsIndex &own)
{
    ResolvedApp planned;
    planned.app = &app;
    planned.appId = app.appId;
    for (const models::PlanServerGroup &group : app.serverGroups) {
        planned.groupIds.push_back(group.serverGroupId);
        auto &pairs = planned.servers.emplace_back();
        pairs.reserve(group.serverIds.size());
        for (const std::string &serverId : group.serverIds)
            pairs.push_back({serverId, serverId});
    }
    return launchRequest(planned, own);
}

namespace {

// Servers' entries by endpoint server id, pointing into a request or an answer.
template <typename Value>
using ServerEntries = std::vector<std::pair<std::string_view, const Value *>>;
template <typename Value>
using ServerIndex = std::unordered_map<std::string_view, const Value *>;

// Per server, what the endpoint has and what the plan wants, as lines; the
// servers the endpoint has no entry for count as differing. `same(live,
// wanted)` compares two entries, `text(live, wanted)` words their differences
// and `shown(wanted)` an entry the endpoint lacks; only differing entries are
// worded.
template <typename Value, typename Same, typename Text, typename Shown>
std::vector<std::string> serverDifferences(const ServerIndex<Value> &live, const ServerEntries<Value> &wanted, Same same,
                                           Text text, Shown shown)
{
    std::vector<std::string> lines;
    std::size_t differing = 0;
    for (const auto &[serverId, value] : wanted) {
        const auto it = live.find(serverId);
        if (it != live.end() && same(*it->second, *value))
            continue;
        if (differing++ >= kDetailedServers)
            continue;
        lines.push_back(std::string(serverId) + ": "
                        + (it == live.end() ? "none yet \u2192 " + shown(*value) : text(*it->second, *value)));
    }
    if (differing > kDetailedServers)
        lines.push_back("and " + counted(differing - kDetailedServers, "more server"));
    if (live.size() > wanted.size() && differing == 0)
        lines.push_back(counted(live.size() - wanted.size(), "server") + " no longer in the application");
    return lines;
}

std::vector<std::string> replicationDifferences(const api::PutAppReplicationConfigurationRequest &wanted,
                                                const EndpointApplication &live)
{
    static const api::ServerReplicationParameters kNone;
    ServerIndex<api::ServerReplicationParameters> now;
    for (const auto &group : orEmpty(live.replication))
        for (const auto &entry : orEmpty(group.serverReplicationConfigurations))
            if (entry.server && entry.server->serverId)
                now[*entry.server->serverId]
                    = entry.serverReplicationParameters ? &*entry.serverReplicationParameters : &kNone;
    ServerEntries<api::ServerReplicationParameters> want;
    for (const auto &group : *wanted.serverGroupReplicationConfigurations)
        for (const auto &entry : *group.serverReplicationConfigurations)
            want.emplace_back(*entry.server->serverId, &*entry.serverReplicationParameters);
    return serverDifferences(
        now, want, std::equal_to<>(), [](const auto &a, const auto &b) { return memberDifferences(a, b); },
        [](const auto &value) { return valueText(value); });
}

// A launch entry as compared: without its server, and without a logicalId
// when the plan gives none (SMS names the servers itself).
api::ServerLaunchConfiguration comparable(api::ServerLaunchConfiguration entry, bool keepLogicalId)
{
    entry.server.reset();
    if (!keepLogicalId)
        entry.logicalId.reset();
    return entry;
}

// Whether `live` is `base` with `own`'s members laid over it (own may be
// null), compared in place without making the overlaid value: most servers
// of a plan the endpoint already matches are checked this way. Members for
// which `skip(name, wanted)` holds are not compared.
template <typename T, typename Skip>
bool matchesOverlaid(const T &live, const T &base, const std::type_identity_t<T> *own, Skip skip)
{
    const auto baseMembers = models::memberAddresses(base);
    const auto ownMembers = own ? models::memberAddresses(*own) : decltype(baseMembers){};
    std::size_t index = 0;
    bool same = true;
    T::members(live, [&](const char *name, const auto &member, api::MemberKind) {
        using Member = std::decay_t<decltype(member)>;
        const std::size_t i = index++;
        if (!same)
            return;
        const auto *ownMember = static_cast<const Member *>(ownMembers[i]);
        const Member &wanted = ownMember && *ownMember ? *ownMember : *static_cast<const Member *>(baseMembers[i]);
        if (!skip(std::string_view(name), wanted))
            same = member == wanted;
    });
    return same;
}

// As launch entries are compared: never by their server (an answer's
// carries catalog details), by the logicalId only when the plan gives one.
constexpr auto skipInLaunch = [](std::string_view name, const auto &wanted) {
    return name == "server" || (name == "logicalId" && !wanted.has_value());
};

std::vector<std::string> launchDifferences(const api::PutAppLaunchConfigurationRequest &wanted,
                                           const EndpointApplication &live)
{
    std::vector<std::string> lines;
    const api::GetAppLaunchConfigurationResponse &now = orEmpty(live.launch);
    if (wanted.roleName && wanted.roleName != now.roleName)
        lines.push_back("roleName " + optionalText(now.roleName) + " \u2192 " + valueText(*wanted.roleName));
    if (wanted.autoLaunch.value_or(false) != now.autoLaunch.value_or(false))
        lines.push_back("autoLaunch " + optionalText(now.autoLaunch) + " \u2192 " + valueText(wanted.autoLaunch.value_or(false)));
    std::unordered_map<std::string_view, std::optional<int>> orders;
    ServerIndex<api::ServerLaunchConfiguration> nowServers;
    for (const auto &group : orEmpty(now.serverGroupLaunchConfigurations)) {
        orders[group.serverGroupId ? std::string_view(*group.serverGroupId) : std::string_view()] = group.launchOrder;
        for (const auto &entry : orEmpty(group.serverLaunchConfigurations))
            if (entry.server && entry.server->serverId)
                nowServers[*entry.server->serverId] = &entry;
    }
    ServerEntries<api::ServerLaunchConfiguration> want;
    for (const auto &group : *wanted.serverGroupLaunchConfigurations) {
        const auto order = orders.find(group.serverGroupId ? std::string_view(*group.serverGroupId) : std::string_view());
        if (group.launchOrder && (order == orders.end() || order->second != group.launchOrder))
            lines.push_back("server group " + group.serverGroupId.value_or("(new)") + " launchOrder "
                            + (order == orders.end() ? std::string("unset") : optionalText(order->second)) + " \u2192 "
                            + valueText(*group.launchOrder));
        for (const auto &entry : *group.serverLaunchConfigurations)
            want.emplace_back(*entry.server->serverId, &entry);
    }
    std::vector<std::string> servers = serverDifferences(
        nowServers, want,
        [](const auto &live, const auto &wanted) { return matchesOverlaid(live, wanted, nullptr, skipInLaunch); },
        [](const auto &a, const auto &b) {
            const bool keep = b.logicalId.has_value();
            return memberDifferences(comparable(a, keep), comparable(b, keep));
        },
        [](const auto &value) { return valueText(comparable(value, value.logicalId.has_value())); });
    lines.insert(lines.end(), servers.begin(), servers.end());
    return lines;
}

Change changeFor(const ResolvedApp &resolved, const PlanApplication &app, ChangeRequest request)
{
    Change change;
    change.application = app.key;
    change.appId = resolved.appId;
    change.appName = app.name;
    change.request = std::move(request);
    return change;
}

// A live configuration's entries by endpoint server id, sorted for lookups.
template <typename Group, typename Entry>
std::vector<std::pair<std::string_view, const Entry *>> liveEntries(const std::vector<Group> &groups,
                                                                    std::optional<std::vector<Entry>> Group::*entries)
{
    std::vector<std::pair<std::string_view, const Entry *>> found;
    for (const Group &group : groups)
        for (const Entry &entry : orEmpty(group.*entries))
            if (entry.server && entry.server->serverId)
                found.emplace_back(*entry.server->serverId, &entry);
    std::sort(found.begin(), found.end());
    return found;
}

template <typename Entry>
const Entry *findEntry(const std::vector<std::pair<std::string_view, const Entry *>> &entries, std::string_view serverId)
{
    const auto it = std::lower_bound(entries.begin(), entries.end(), std::pair(serverId, static_cast<const Entry *>(nullptr)));
    return it != entries.end() && it->first == serverId ? it->second : nullptr;
}

// Every server of the application has an entry in `entries` whose settings
// (`settingsOf(entry)`) are the application's with the server's own `kind`
// laid over them, and no other server has one.
template <typename Entry, typename Settings, typename SettingsOf, typename Skip>
bool everyServerMatches(const ResolvedApp &resolved, const ServerSettingsIndex &own,
                        const std::vector<std::pair<std::string_view, const Entry *>> &entries,
                        const std::optional<Settings> &applicationSettings,
                        std::optional<Settings> PlanServerSettings::*kind, SettingsOf settingsOf, Skip skip)
{
    const Settings &base = orEmpty(applicationSettings);
    std::size_t servers = 0;
    for (const auto &group : resolved.servers) {
        for (const ServerPair &server : group) {
            ++servers;
            const Entry *entry = findEntry(entries, server.endpointId);
            const PlanServerSettings *settings = own.find(server.planId);
            const Settings *ownSettings = settings && settings->*kind ? &*(settings->*kind) : nullptr;
            if (!entry || !matchesOverlaid(settingsOf(*entry), base, ownSettings, skip))
                return false;
        }
    }
    return servers == entries.size();
}

// What replicationDifferences() would find empty, found without the request.
bool replicationMatches(const ResolvedApp &resolved, const ServerSettingsIndex &own, const EndpointApplication &live)
{
    const auto entries = liveEntries(orEmpty(live.replication),
                                     &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations);
    return everyServerMatches(
        resolved, own, entries, resolved.app->settings.replication, &PlanServerSettings::replication,
        [](const api::ServerReplicationConfiguration &entry) -> const auto & { return orEmpty(entry.serverReplicationParameters); },
        [](std::string_view, const auto &) { return false; });
}

// The same for launch settings, launch order, role and autoLaunch included.
bool launchMatches(const ResolvedApp &resolved, const ServerSettingsIndex &own, const EndpointApplication &live)
{
    const models::ApplicationSettings &settings = resolved.app->settings;
    const api::GetAppLaunchConfigurationResponse &now = orEmpty(live.launch);
    if ((!settings.launchRoleName.empty() && now.roleName != settings.launchRoleName)
        || settings.autoLaunch.value_or(false) != now.autoLaunch.value_or(false))
        return false;
    const auto &liveGroups = orEmpty(now.serverGroupLaunchConfigurations);
    for (std::size_t g = 0; g < resolved.groupIds.size(); ++g) {
        const std::optional<int> order = resolved.group(g).launchOrder;
        const auto liveGroup = std::find_if(liveGroups.begin(), liveGroups.end(), [&](const auto &lg) {
            return lg.serverGroupId.value_or(std::string()) == resolved.groupIds[g];
        });
        if (order && (liveGroup == liveGroups.end() || liveGroup->launchOrder != order))
            return false;
    }
    const auto entries = liveEntries(liveGroups, &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations);
    return everyServerMatches(
        resolved, own, entries, settings.launch, &PlanServerSettings::launch,
        [](const api::ServerLaunchConfiguration &entry) -> const auto & { return entry; }, skipInLaunch);
}

// The deletion of a configuration the plan removes (removeReplication,
// removeLaunch, removeValidation); `has` says what the endpoint has.
template <typename Request>
Change removal(const ResolvedApp &resolved, const PlanApplication &app, const std::string &kind, const std::string &has)
{
    Request request;
    request.appId = resolved.appId;
    Change change = changeFor(resolved, app, std::move(request));
    change.why = "The plan removes the " + kind + " settings of " + inQuotes(app.name) + " from the endpoint.";
    change.details.push_back("the endpoint has " + kind + " settings for " + has);
    return change;
}

// Where each plan server of the application is at the endpoint.
ValidatedServerLookup validatedServers(const ResolvedApp &resolved)
{
    return [&resolved](const std::string &planId) -> std::optional<ValidatedServer> {
        for (std::size_t g = 0; g < resolved.servers.size(); ++g)
            for (const ServerPair &server : resolved.servers[g])
                if (server.planId == planId)
                    return ValidatedServer{resolved.groupIds[g], std::string(server.endpointId)};
        return std::nullopt;
    };
}

std::vector<Change> diffResolved(const models::PlanData &plan, const PlanApplication &app,
                                 const EndpointApplication *live, const ResolvedApp &resolved, const ServerSettingsIndex &own)
{
    std::vector<Change> changes;
    if (!live) {
        api::CreateAppRequest request = createAppRequest(resolved.endpointApplication());
        if (!plan.planId.empty())
            request.clientToken = createAppClientToken(plan.planId, app.key);
        Change &change = changes.emplace_back(changeFor(resolved, app, std::move(request)));
        change.why = app.appId.empty()
                         ? inQuotes(app.name) + " is not on the endpoint yet."
                         : inQuotes(app.name) + " was " + app.appId + ", which the endpoint no longer has: it is created again.";
        std::size_t servers = 0;
        for (const auto &group : resolved.servers)
            servers += group.size();
        change.details.push_back(counted(app.serverGroups.size(), "server group") + ", " + counted(servers, "server"));
    } else if (auto lines = applicationDifferences(resolved, *live); !lines.empty()) {
        Change &change = changes.emplace_back(changeFor(resolved, app, updateAppRequest(resolved.endpointApplication())));
        change.why = inQuotes(app.name) + " differs from " + live->appId() + " on the endpoint.";
        change.details = std::move(lines);
    }
    // Settings need every group's id; until the changes above have run, they are provisional.
    const bool provisional = !resolved.groupsKnown || !changes.empty();
    const models::ApplicationSettings &settings = app.settings;
    if (settings.removeReplication) {
        if (live && live->replication)
            changes.push_back(removal<api::DeleteAppReplicationConfigurationRequest>(
                resolved, app, "replication",
                counted(liveEntries(*live->replication,
                                    &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations)
                            .size(),
                        "server")));
    } else if (managesReplication(app, own)
               && (provisional || !live || !live->replication || !replicationMatches(resolved, own, *live))) {
        auto request = replicationRequest(resolved, own);
        std::vector<std::string> lines;
        if (live && live->replication)
            lines = replicationDifferences(request, *live);
        if (provisional || !live || !live->replication || !lines.empty()) {
            Change &change = changes.emplace_back(changeFor(resolved, app, std::move(request)));
            change.provisional = provisional;
            change.why = live && live->replication ? "The replication settings of " + inQuotes(app.name) + " differ."
                                                   : inQuotes(app.name) + " has no replication settings on the endpoint yet.";
            change.details = std::move(lines);
        }
    }
    if (settings.removeLaunch) {
        if (live && live->launch)
            changes.push_back(removal<api::DeleteAppLaunchConfigurationRequest>(
                resolved, app, "launch",
                counted(liveEntries(orEmpty(live->launch->serverGroupLaunchConfigurations),
                                    &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations)
                            .size(),
                        "server")));
    } else if (managesLaunch(app, own)
               && (provisional || !live || !live->launch || !launchMatches(resolved, own, *live))) {
        auto request = launchRequest(resolved, own);
        std::vector<std::string> lines;
        if (live && live->launch)
            lines = launchDifferences(request, *live);
        if (provisional || !live || !live->launch || !lines.empty()) {
            Change &change = changes.emplace_back(changeFor(resolved, app, std::move(request)));
            change.provisional = provisional;
            change.why = live && live->launch ? "The launch settings of " + inQuotes(app.name) + " differ."
                                              : inQuotes(app.name) + " has no launch settings on the endpoint yet.";
            change.details = std::move(lines);
        }
    }
    if (settings.removeValidation) {
        if (live && live->validation)
            changes.push_back(removal<api::DeleteAppValidationConfigurationRequest>(
                resolved, app, "validation", counted(validationCount(*live->validation), "validation")));
    } else if (settings.validation) {
        auto request = validationRequest(resolved.appId, *settings.validation, validatedServers(resolved));
        std::vector<std::string> lines = validationDifferences(request, live ? live->validation : std::nullopt);
        if (provisional || !lines.empty()) {
            Change &change = changes.emplace_back(changeFor(resolved, app, std::move(request)));
            change.provisional = provisional;
            change.why = live && live->validation
                             ? "The validation settings of " + inQuotes(app.name) + " differ."
                             : inQuotes(app.name) + " has no validation settings on the endpoint yet.";
            change.details = std::move(lines);
        }
    }
    return changes;
}

} // namespace

std::string inQuotes(const std::string &name)
{
    return "\u201C" + name + "\u201D";
}

const char *Change::operation() const
{
    static constexpr const char *kNames[] = {"CreateApp",
                                             "UpdateApp",
                                             "DeleteApp",
                                             "PutAppReplicationConfiguration",
                                             "PutAppLaunchConfiguration",
                                             "DeleteAppReplicationConfiguration",
                                             "DeleteAppLaunchConfiguration",
                                             "PutAppValidationConfiguration",
                                             "DeleteAppValidationConfiguration"};
    static_assert(std::size(kNames) == std::variant_size_v<ChangeRequest>);
    return kNames[request.index()];
}

std::string Change::requestJson(int indent) const
{
    return std::visit([indent](const auto &r) { return api::serialize(r, indent); }, request);
}

std::string createAppClientToken(const std::string &planId, models::PlanKey application)
{
    return "smsplan-" + planId + "-" + std::to_string(application);
}

DiffContext::DiffContext(const models::PlanData &plan, const std::vector<api::Server> &endpointServers)
    : plan(plan)
    , resolver(endpointServers, plan.catalog.servers)
    , own(plan.serverSettings)
{
}

std::vector<Change> diffApplication(const DiffContext &context, const PlanApplication &app,
                                    const EndpointApplication *live, std::vector<std::string> &blockers)
{
    const ResolvedApp resolved = resolve(app, live, context.resolver, blockers);
    return diffResolved(context.plan, app, live, resolved, context.own);
}

ChangeSet diffPlan(const models::PlanData &plan, const EndpointSnapshot &endpoint)
{
    return diffPlan(plan, endpoint.applications, endpoint.servers);
}

ChangeSet diffPlan(const models::PlanData &plan, const std::vector<EndpointApplication> &applications,
                   const std::vector<api::Server> &endpointServers)
{
    ChangeSet set;
    const DiffContext context(plan, endpointServers);
    std::unordered_map<std::string_view, const EndpointApplication *> liveById;
    for (const EndpointApplication &live : applications)
        liveById.emplace(live.appId(), &live);

    std::unordered_set<std::string_view> planned;
    for (const PlanApplication &app : plan.applications) {
        const auto it = app.appId.empty() ? liveById.end() : liveById.find(app.appId);
        const EndpointApplication *live = it == liveById.end() ? nullptr : it->second;
        if (live)
            planned.insert(live->appId());
        for (Change &change : diffApplication(context, app, live, set.blockers))
            set.changes.push_back(std::move(change));
    }
    for (const std::string &retired : plan.retiredAppIds) {
        const auto it = liveById.find(retired);
        // Never an application the plan holds, whatever made its data say both.
        if (it == liveById.end() || planned.count(retired))
            continue;
        planned.insert(retired);
        Change change;
        change.appId = retired;
        change.appName = it->second->summary.name.value_or("");
        change.request = deleteAppRequest(retired);
        change.why = inQuotes(change.appName) + " (" + retired + ") was deleted from the plan.";
        set.changes.push_back(std::move(change));
    }
    for (const EndpointApplication &live : applications)
        if (!planned.count(live.appId()))
            set.untouched.push_back(inQuotes(live.summary.name.value_or("")) + " (" + live.appId() + ")");
    return set;
}

} // namespace sms::services
