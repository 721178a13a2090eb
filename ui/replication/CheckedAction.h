#pragma once
// An action enabled from a services/ReplicationActionRules check: its tooltip
// says what it does when allowed, and why not when refused.

#include "services/ReplicationActionRules.h"

class QAction;

namespace sms::ui {

void applyCheck(QAction *action, const services::ActionCheck &check, const QString &whatItDoes);

} // namespace sms::ui
