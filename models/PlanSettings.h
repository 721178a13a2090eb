#pragma once
// A server's replication and launch settings as they will be put at the
// endpoint: its application's (ApplicationSettings), overridden member by
// member by the server's own (PlanServerSettings).

#include "models/PlanTypes.h"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sms::models {

// The server's own settings in the plan, or nullptr.
const PlanServerSettings *findServerSettings(const std::vector<PlanServerSettings> &settings,
                                             std::string_view serverId);

// Servers' own settings by server id, for look-ups over many servers.
class ServerSettingsIndex
{
public:
    explicit ServerSettingsIndex(const std::vector<PlanServerSettings> &settings);
    const PlanServerSettings *find(std::string_view serverId) const;

private:
    std::unordered_map<std::string_view, const PlanServerSettings *> m_byServer;
};

api::ServerReplicationParameters effectiveReplication(const PlanApplication &app, const PlanServerSettings *own);
api::ServerLaunchConfiguration effectiveLaunch(const PlanApplication &app, const PlanServerSettings *own);

// What a replication job made for `serverId` alone should start from: the
// effective settings in the plan application that holds it, or nullopt when
// no application does. `roleName`, when given, receives that application's role.
std::optional<api::ServerReplicationParameters> plannedReplication(const PlanData &plan, std::string_view serverId,
                                                                   std::string *roleName = nullptr);

// The addresses of a structure's members in visiting order, so that two
// values of it can be walked side by side in one visit.
template <typename T>
auto memberAddresses(const T &value)
{
    std::array<const void *, 32> addresses{};
    std::size_t count = 0;
    T::members(value, [&](const char *, const auto &member, api::MemberKind) { addresses.at(count++) = &member; });
    return addresses;
}

// `base` with every member that `over` sets taken from `over` (a member is
// replaced whole: a server's userData replaces the application's).
template <typename T>
T overlaid(T base, const T &over)
{
    const auto overMembers = memberAddresses(over);
    std::size_t index = 0;
    T::members(base, [&](const char *, auto &baseMember, api::MemberKind) {
        const auto &overMember = *static_cast<const std::decay_t<decltype(baseMember)> *>(overMembers[index++]);
        if (overMember)
            baseMember = overMember;
    });
    return base;
}

} // namespace sms::models
