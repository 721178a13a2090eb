#pragma once
// A server's replication and launch settings as they will be put at the
// endpoint: its application's (ApplicationSettings), overridden member by
// member by the server's own (PlanServerSettings).

#include "models/PlanTypes.h"

#include <string_view>

namespace sms::models {

// The server's own settings in the plan, or nullptr.
const PlanServerSettings *findServerSettings(const std::vector<PlanServerSettings> &settings,
                                             std::string_view serverId);

api::ServerReplicationParameters effectiveReplication(const PlanApplication &app, const PlanServerSettings *own);
api::ServerLaunchConfiguration effectiveLaunch(const PlanApplication &app, const PlanServerSettings *own);

// `base` with every member that `over` sets taken from `over` (a member is
// replaced whole: a server's userData replaces the application's).
template <typename T>
T overlaid(T base, const T &over)
{
    std::size_t index = 0;
    T::members(over, [&](const char *, const auto &overMember, api::MemberKind) {
        const std::size_t wanted = index++;
        std::size_t at = 0;
        T::members(base, [&](const char *, auto &baseMember, api::MemberKind) {
            if constexpr (std::is_same_v<std::decay_t<decltype(baseMember)>, std::decay_t<decltype(overMember)>>)
                if (at == wanted && overMember)
                    baseMember = overMember;
            ++at;
        });
    });
    return base;
}

} // namespace sms::models
