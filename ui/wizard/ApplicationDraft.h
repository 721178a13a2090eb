#pragma once
// The new-application wizard's application on its way into the plan: what
// the plan's checks say about it, and adding it as one undo step.

#include "models/PlanDocument.h"
#include "models/PlanValidation.h"

namespace sms::ui {

// What the plan's checks find in `draft` as it would stand at the end of the
// plan (validateAddedApplication): a name another application has is a
// duplicate, servers are looked up in the document's catalog and settings,
// and only the draft's issues are reported (servers it takes from other
// applications count as moved).
std::vector<models::PlanIssue> draftIssues(const models::PlanDocument &document,
                                           const models::PlanApplication &draft);

// Adds `draft` (groups with their servers and launch orders, settings) to the
// end of the plan as one undo step named `undoText`; servers that are in
// another application move, and undo puts them back. Returns the new key.
models::PlanKey addApplication(models::PlanDocument &document, models::PlanApplication draft,
                               const QString &undoText);

} // namespace sms::ui
