#include "models/BulkSettings.h"

#include "models/PlanSettings.h"  // memberAddresses

#include <unordered_map>

namespace sms::models {
namespace {

using SettingsIndex = std::unordered_map<std::string_view, const PlanServerSettings *>;

SettingsIndex indexOf(const PlanData &plan)
{
    SettingsIndex index;
    index.reserve(plan.serverSettings.size());
    for (const PlanServerSettings &own : plan.serverSettings)
        index.emplace(own.serverId, &own);
    return index;
}

template <typename T>
OwnedAcross<T> across(const PlanData &plan, const std::vector<std::string> &serverIds,
                      std::optional<T> PlanServerSettings::*kind)
{
    OwnedAcross<T> result;
    const SettingsIndex index = indexOf(plan);
    bool first = true;
    for (const std::string &id : serverIds) {
        const auto found = index.find(id);
        const T owned = found != index.end() && found->second->*kind ? *(found->second->*kind) : T{};
        if (first) {
            result.common = owned;
            first = false;
            continue;
        }
        // Member by member: a member that differs from the common one is mixed, and stays unset there.
        const auto ownedMembers = memberAddresses(owned);
        std::size_t at = 0;
        T::members(result.common, [&](const char *name, auto &common, api::MemberKind) {
            const auto &mine = *static_cast<const std::decay_t<decltype(common)> *>(ownedMembers[at++]);
            if (result.mixed.count(name) || common == mine)
                return;
            result.mixed.insert(name);
            common = {};
        });
    }
    return result;
}

template <typename T>
std::optional<T> edited(const std::optional<T> &own, const MemberEdit<T> &edit)
{
    if (edit.isEmpty())
        return own;
    T result = overlaid(own.value_or(T{}), edit.set);
    T::members(result, [&](const char *name, auto &member, api::MemberKind) {
        if (edit.cleared.count(name))
            member = {};
    });
    // Nothing of its own left: the server takes the application's whole.
    return result == T{} ? std::nullopt : std::optional<T>(std::move(result));
}

} // namespace

OwnedAcross<api::ServerReplicationParameters> replicationAcross(const PlanData &plan,
                                                               const std::vector<std::string> &serverIds)
{
    return across(plan, serverIds, &PlanServerSettings::replication);
}

OwnedAcross<api::ServerLaunchConfiguration> launchAcross(const PlanData &plan, const std::vector<std::string> &serverIds)
{
    return across(plan, serverIds, &PlanServerSettings::launch);
}

std::vector<PlanServerSettings> bulkEdited(const PlanData &plan, const std::vector<std::string> &serverIds,
                                           const BulkSettingsEdit &edit)
{
    const SettingsIndex index = indexOf(plan);
    std::vector<PlanServerSettings> changed;
    for (const std::string &id : serverIds) {
        const auto found = index.find(id);
        PlanServerSettings own = found != index.end() ? *found->second : PlanServerSettings{id, {}, {}};
        PlanServerSettings after = own;
        after.replication = edited(own.replication, edit.replication);
        after.launch = edited(own.launch, edit.launch);
        if (after != own)
            changed.push_back(std::move(after));
    }
    return changed;
}

} // namespace sms::models
