#include "ui/replication/CheckedAction.h"

#include <QAction>

namespace sms::ui {

void applyCheck(QAction *action, const services::ActionCheck &check, const QString &whatItDoes)
{
    action->setEnabled(check.allowed());
    action->setToolTip(check.allowed() ? whatItDoes : check.reason);
}

} // namespace sms::ui
