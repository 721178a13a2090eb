#pragma once
// Several servers' own settings edited as one (issue 14's bulk edit): what
// they own, member by member, with the members whose values differ marked
// mixed, and an edit that sets some members, clears others (so that the
// application's apply again) and leaves every other member as each server
// has it, a mixed one included. PlanEditor::editServerSettings applies it to
// thousands of servers as one undo step.

#include "models/PlanTypes.h"

#include <set>
#include <string>
#include <vector>

namespace sms::models {

// What `T` (ServerReplicationParameters or ServerLaunchConfiguration) the
// servers own, member by member: `common` holds a member all of them own
// alike (unset when none owns it); `mixed` names the members they differ in.
template <typename T>
struct OwnedAcross
{
    T common{};
    std::set<std::string> mixed{};
};

OwnedAcross<api::ServerReplicationParameters> replicationAcross(const PlanData &plan,
                                                               const std::vector<std::string> &serverIds);
OwnedAcross<api::ServerLaunchConfiguration> launchAcross(const PlanData &plan, const std::vector<std::string> &serverIds);

// The same of what the servers will be put with: their own over their
// application's (PlanSettings.h). A server in no application counts its own alone.
OwnedAcross<api::ServerReplicationParameters> effectiveReplicationAcross(const PlanData &plan,
                                                                        const std::vector<std::string> &serverIds);
OwnedAcross<api::ServerLaunchConfiguration> effectiveLaunchAcross(const PlanData &plan,
                                                                 const std::vector<std::string> &serverIds);

// An edit of one kind: the members `set` sets are given to every server;
// the members named in `cleared` are taken from every server; the rest stay.
template <typename T>
struct MemberEdit
{
    T set{};
    std::set<std::string> cleared{};

    bool isEmpty() const { return set == T{} && cleared.empty(); }
};

struct BulkSettingsEdit
{
    MemberEdit<api::ServerReplicationParameters> replication{};
    MemberEdit<api::ServerLaunchConfiguration> launch{};
};

// Each server's own settings after `edit`, for those it changes, in the order of `serverIds`.
std::vector<PlanServerSettings> bulkEdited(const PlanData &plan, const std::vector<std::string> &serverIds,
                                           const BulkSettingsEdit &edit);

// The same with an edit of its own for each server (generated logical ids:
// one value per server), in the order of `edits`.
struct ServerSettingsEdit
{
    std::string serverId;
    BulkSettingsEdit edit{};
};
std::vector<PlanServerSettings> eachEdited(const PlanData &plan, const std::vector<ServerSettingsEdit> &edits);

} // namespace sms::models
