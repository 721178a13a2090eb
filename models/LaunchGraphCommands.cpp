#include "models/LaunchGraphCommands.h"

#include "models/LaunchGraph.h"

#include <QCoreApplication>

#include <algorithm>

namespace sms::models {
namespace {

QString tr(const char *text, int n)
{
    return QCoreApplication::translate("sms::models::LaunchGraphCommands", text, nullptr, n);
}

} // namespace

SetLaunchDependenciesCommand::SetLaunchDependenciesCommand(
    PlanDocument &document, PlanKey application, std::vector<std::pair<PlanKey, std::vector<PlanKey>>> launchAfter,
    const QString &text, QUndoCommand *parent)
    : QUndoCommand(text, parent)
    , m_document(document)
{
    const PlanPosition position = document.positionOf(application);
    if (!position.isValid() || position.isGroup())
        return;
    std::vector<PlanServerGroup> groups = document.application(position.application).serverGroups;
    for (const PlanServerGroup &group : groups)
        m_old.push_back({group.key, group.launchAfter, group.launchOrder});
    for (auto &change : launchAfter) {
        const PlanKey key = change.first;  // not a structured binding: clang 14 cannot capture one
        const auto group = std::find_if(groups.begin(), groups.end(), [key](const auto &g) { return g.key == key; });
        if (group != groups.end())
            group->launchAfter = std::move(change.second);
    }
    // The orders follow the graph, also when its last dependency goes: then
    // every group launches first, together, as the graph now says (a
    // cycle, which PlanEditor refuses, would keep the orders as they are).
    const auto orders = deriveLaunchOrders(groups);
    for (std::size_t i = 0; i < groups.size(); ++i)
        m_new.push_back({groups[i].key, groups[i].launchAfter, orders ? std::optional((*orders)[i]) : groups[i].launchOrder});
}

void SetLaunchDependenciesCommand::apply(const std::vector<GroupState> &states)
{
    for (const GroupState &state : states) {
        const PlanPosition position = m_document.positionOf(state.key);
        if (position.isGroup())
            m_document.setGroupLaunchAfter(position.application, position.group, state.launchAfter, state.launchOrder);
    }
}

PinGroupsCommand::PinGroupsCommand(PlanDocument &document, Pins pins, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_new(std::move(pins))
{
    for (const auto &[key, at] : m_new) {
        const PlanPosition position = document.positionOf(key);
        m_old.emplace_back(key, position.isGroup() ? document.group(position.application, position.group).pinnedAt
                                                   : std::nullopt);
    }
    const bool unpin = !m_new.empty() && std::all_of(m_new.begin(), m_new.end(), [](const auto &p) { return !p.second; });
    setText(unpin ? tr("Lay out %n server group(s) again", int(m_new.size()))
                  : tr("Move %n server group(s) in the launch graph", int(m_new.size())));
}

void PinGroupsCommand::apply(const Pins &pins)
{
    for (const auto &[key, at] : pins) {
        const PlanPosition position = m_document.positionOf(key);
        if (position.isGroup())
            m_document.setGroupPinnedAt(position.application, position.group, at);
    }
}

} // namespace sms::models
