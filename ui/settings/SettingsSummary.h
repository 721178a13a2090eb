#pragma once
// An application's replication and launch settings in words, as rich-text
// "name: value" lines: the wizard's review (DraftSummary) shows the draft's,
// and the Application Settings dialog what the endpoint has now.

#include "models/PlanTypes.h"

#include <QCoreApplication>

namespace sms::ui {

class SettingsSummary
{
    Q_DECLARE_TR_FUNCTIONS(sms::ui::SettingsSummary)

public:
    // A paragraph each.
    static QString replicationHtml(const api::ServerReplicationParameters &replication);
    static QString launchHtml(const models::ApplicationSettings &settings);
    // One bold "name:" and its value, escaped, ending in a line break;
    // nothing when the value is empty.
    static QString line(const QString &name, const QString &value);
};

} // namespace sms::ui
