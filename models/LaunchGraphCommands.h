#pragma once
// Undo commands of the launch graph: an application's dependencies changed,
// with the launch orders they make, and groups pinned where the user dropped
// them (or laid out again). Both find their groups by key when they run, so
// they stay right however other commands moved rows in between.

#include "models/PlanDocument.h"

#include <QUndoCommand>

#include <utility>
#include <vector>

namespace sms::models {

class SetLaunchDependenciesCommand : public QUndoCommand
{
public:
    // `launchAfter`: the new dependencies of the groups that change; the
    // application's other groups keep theirs. Every group then gets the
    // order the graph makes (the graph must have no cycle: PlanEditor
    // refuses one before it gets here).
    SetLaunchDependenciesCommand(PlanDocument &document, PlanKey application,
                                 std::vector<std::pair<PlanKey, std::vector<PlanKey>>> launchAfter,
                                 const QString &text, QUndoCommand *parent = nullptr);
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }

private:
    struct GroupState
    {
        PlanKey key = kNoKey;
        std::vector<PlanKey> launchAfter;
        std::optional<int> launchOrder;
    };
    void apply(const std::vector<GroupState> &states);

    PlanDocument &m_document;
    std::vector<GroupState> m_old;
    std::vector<GroupState> m_new;
};

// Pins groups at points of the graph (nullopt: laid out again). A drag is
// one of these, made when it ends: the scene moves its items meanwhile.
class PinGroupsCommand : public QUndoCommand
{
public:
    PinGroupsCommand(PlanDocument &document, std::vector<std::pair<PlanKey, std::optional<GraphPoint>>> pins,
                     QUndoCommand *parent = nullptr);
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }

private:
    using Pins = std::vector<std::pair<PlanKey, std::optional<GraphPoint>>>;
    void apply(const Pins &pins);

    PlanDocument &m_document;
    Pins m_old;
    Pins m_new;
};

} // namespace sms::models
