#pragma once
// What the new-application wizard will create, in words for its review page:
// the application, its groups in launch order with their servers (and where
// a server moves from), and the replication and launch settings.

#include "models/PlanDocument.h"

#include <QCoreApplication>

namespace sms::ui {

class DraftSummary
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::DraftSummary)

public:
    // Rich text for a QTextBrowser.
    static QString html(const models::PlanDocument &document, const models::PlanApplication &draft);

private:
    static QString groupsHtml(const models::PlanDocument &document, const models::PlanApplication &draft);
};

} // namespace sms::ui
