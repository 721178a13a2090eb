#include "ui/wizard/ApplicationDraft.h"

#include "models/ApplicationCommands.h"
#include "models/ServerCommands.h"

#include <utility>

namespace sms::ui {

std::vector<models::PlanIssue> draftIssues(const models::PlanDocument &document,
                                           const models::PlanApplication &draft)
{
    return models::validateAddedApplication(document.data(), draft);
}

models::PlanKey addApplication(models::PlanDocument &document, models::PlanApplication draft,
                               const QString &undoText)
{
    // Created with empty groups, then filled: CreateApplicationCommand takes
    // only servers that are in no group, and PlaceServersCommand moves those
    // that are. Keys are given here so that the groups are known to fill.
    draft.key = document.newKey();
    std::vector<std::pair<models::PlanKey, std::vector<std::string>>> fills;
    for (models::PlanServerGroup &group : draft.serverGroups) {
        group.key = document.newKey();
        fills.emplace_back(group.key, std::exchange(group.serverIds, {}));
    }
    const models::PlanKey key = draft.key;
    QUndoStack &undo = document.undoStack();
    undo.beginMacro(undoText);
    undo.push(new models::CreateApplicationCommand(document, std::move(draft)));
    for (auto &[group, serverIds] : fills) {
        if (!serverIds.empty())
            undo.push(new models::PlaceServersCommand(document, std::move(serverIds), group));
    }
    undo.endMacro();
    return key;
}

} // namespace sms::ui
