#pragma once
// The new-application wizard's application on its way into the plan: what
// the plan's checks say about it, and adding it as one undo step.

#include "models/PlanDocument.h"
#include "models/PlanValidation.h"

namespace sms::ui {

// What validatePlan finds in `draft` as it would stand in the plan: its
// servers' catalog entries and own settings come from `document`, and only
// the draft's issues are checked (servers it takes from other applications
// count as moved).
std::vector<models::PlanIssue> draftIssues(const models::PlanDocument &document,
                                           const models::PlanApplication &draft);

// Adds `draft` (groups with their servers and launch orders, settings) to the
// end of the plan as one undo step named `undoText`; servers that are in
// another application move, and undo puts them back. Returns the new key.
models::PlanKey addApplication(models::PlanDocument &document, models::PlanApplication draft,
                               const QString &undoText);

} // namespace sms::ui
