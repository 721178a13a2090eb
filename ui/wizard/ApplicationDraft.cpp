#include "ui/wizard/ApplicationDraft.h"

#include "models/ApplicationCommands.h"
#include "models/PlanSettings.h"
#include "models/ServerCommands.h"

#include <utility>

namespace sms::ui {

std::vector<models::PlanIssue> draftIssues(const models::PlanDocument &document,
                                           const models::PlanApplication &draft)
{
    // A plan of the draft alone: checking the whole plan would cost a copy of
    // a catalog that may hold 100,000 servers, for issues of other items.
    models::PlanData plan;
    const auto &allSettings = document.data().serverSettings;
    for (const models::PlanServerGroup &group : draft.serverGroups) {
        for (const std::string &id : group.serverIds) {
            if (const int row = document.catalogRow(id); row >= 0)
                plan.catalog.servers.push_back(document.catalog().servers[std::size_t(row)]);
            if (const models::PlanServerSettings *own = models::findServerSettings(allSettings, id))
                plan.serverSettings.push_back(*own);
        }
    }
    plan.applications.push_back(draft);
    return models::validatePlan(plan);
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
