#pragma once
// LiveStatusText: how the plan's views (the Applications tree, the Catalog)
// show the live status of models/LiveStatus.h: words, a tone, and the tone's
// colour as a swatch (a QColor in Qt::DecorationRole, which item views draw
// without a delegate). The words and tones are ReplicationWords', so the plan's
// views and the monitor's tables say the same thing.

#include "models/LiveStatus.h"
#include "models/StatusTone.h"

#include <QColor>
#include <QString>
#include <QVariant>

class QPalette;

namespace sms::models {

struct StatusCell
{
    QString text;
    Tone tone = Tone::Neutral;
    QString toolTip;  // the status message, when there is one
};

StatusCell applicationReplicationCell(const ApplicationLiveStatus &status);
StatusCell applicationLaunchCell(const ApplicationLiveStatus &status);
// The job's state, with the running stage and percent ("Uploading 45%") while a run is active.
StatusCell serverReplicationCell(const ServerLiveStatus &status);

// A colour for the tone that stands out on `palette`'s base, light or dark.
QColor toneColor(Tone tone, const QPalette &palette);
// The cell's Qt::DecorationRole: its tone's colour on the application's palette; none for an empty cell.
QVariant toneSwatch(const StatusCell &cell);

} // namespace sms::models
