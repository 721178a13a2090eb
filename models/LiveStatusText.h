#pragma once
// LiveStatusText: how the plan's views (the Applications tree, the Catalog)
// show the live status of models/LiveStatus.h: words, a tone, and the tone's
// colour as a swatch (a QColor in Qt::DecorationRole, which item views draw
// without a delegate).

#include "models/LiveStatus.h"

#include <QColor>
#include <QString>

class QPalette;

namespace sms::models {

// What a status means to someone watching a migration.
enum class Tone { Neutral, Busy, Good, Warning, Bad };

struct StatusCell
{
    QString text;
    Tone tone = Tone::Neutral;
    QString toolTip;  // the status message, when there is one
};

// "REPLICATION_IN_PROGRESS" -> "Replication in progress": the wire names are
// English already; translated at run time under the "sms::models::Status" context.
QString statusWords(std::string_view wireName);

StatusCell applicationReplicationCell(const ApplicationLiveStatus &status);
StatusCell applicationLaunchCell(const ApplicationLiveStatus &status);
// The job's state, with the running stage and percent ("Uploading 45%") while a run is active.
StatusCell serverReplicationCell(const ServerLiveStatus &status);

Tone toneOf(api::AppReplicationStatus status);
Tone toneOf(api::AppLaunchStatus status);
Tone toneOf(api::ReplicationJobState state);

// A colour for the tone that stands out on `palette`'s base, light or dark.
QColor toneColor(Tone tone, const QPalette &palette);

} // namespace sms::models
