#include "ui/launch/LaunchGraphFacts.h"

#include "models/LaunchGraph.h"

#include <string_view>

namespace sms::ui {

GroupWarnings groupWarnings(const std::vector<models::PlanIssue> &issues)
{
    GroupWarnings warnings;
    for (const models::PlanIssue &issue : issues) {
        const std::string_view code = issue.code;
        if (issue.subject.group == models::kNoKey || (code != "empty-group" && code != "launch-settings-missing"))
            continue;
        warnings[issue.subject.group] << QString::fromStdString(issue.message);
    }
    return warnings;
}

LaunchGraphFacts launchGraphFacts(const models::PlanApplication &app, const GroupWarnings &warnings)
{
    const std::vector<models::PlanServerGroup> &groups = app.serverGroups;
    LaunchGraphFacts facts;
    facts.nodes.reserve(groups.size());
    std::unordered_map<models::PlanKey, int> indexOf;
    for (const models::PlanServerGroup &group : groups) {
        indexOf.emplace(group.key, int(facts.nodes.size()));
        GroupNodeFacts node;
        node.key = group.key;
        node.name = QString::fromStdString(group.name);
        node.serverCount = int(group.serverIds.size());
        if (const auto found = warnings.find(group.key); found != warnings.end())
            node.warnings = found->second;
        facts.nodes.push_back(std::move(node));
    }

    // Bare launch orders draw as the dependencies PlanEditor would infer from
    // them, so that the bands already show the order the plan gives.
    const bool inferred = !models::hasDependencies(groups);
    const std::vector<std::vector<models::PlanKey>> inferredAfter =
        inferred ? models::inferLaunchAfter(groups) : std::vector<std::vector<models::PlanKey>>{};
    models::LayoutInput input;
    input.nodeCount = int(groups.size());
    input.pinned.reserve(groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        for (const models::PlanKey before : inferred ? inferredAfter[i] : groups[i].launchAfter) {
            const auto found = indexOf.find(before);
            if (found == indexOf.end())
                continue;  // another application's group: PlanValidation says so
            facts.edges.push_back({found->second, int(i), inferred});
            input.edges.emplace_back(found->second, int(i));
        }
        const auto &pin = groups[i].pinnedAt;
        input.pinned.push_back(pin ? std::optional<models::LayoutPoint>({pin->x, pin->y}) : std::nullopt);
    }
    facts.layout = models::layOutLaunchGraph(input);
    for (std::size_t i = 0; i < facts.nodes.size(); ++i)
        facts.nodes[i].launchOrder = facts.layout.layer[i] + 1;
    return facts;
}

} // namespace sms::ui
