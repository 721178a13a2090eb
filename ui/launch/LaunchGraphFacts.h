#pragma once
// What the launch graph shows of one application, worked out from the plan
// alone: each group's box (name, servers, launch order, warnings), the edges
// by node index and where everything goes. LaunchGraphScene turns it into
// items; keeping it apart lets the scene only sync items, and lets a test
// read the figures without a view.

#include "models/LaunchLayout.h"
#include "models/PlanTypes.h"
#include "models/PlanValidation.h"

#include <QStringList>

#include <unordered_map>
#include <utility>
#include <vector>

namespace sms::ui {

struct GroupNodeFacts
{
    models::PlanKey key = models::kNoKey;
    QString name;
    int serverCount = 0;
    int launchOrder = 1;   // the band it sits in: its layer + 1
    QStringList warnings;  // why it wears a warning badge; empty: no badge

    bool operator==(const GroupNodeFacts &) const = default;
};

struct GraphEdgeFacts
{
    int before = 0;  // node indices
    int after = 0;
    // Read from bare launch orders (an application with orders but no
    // dependencies): drawn, but not the plan's until the user adds one.
    bool inferred = false;
};

struct LaunchGraphFacts
{
    std::vector<GroupNodeFacts> nodes;  // in the application's group order
    std::vector<GraphEdgeFacts> edges;
    models::LayoutResult layout;
};

// The badges' reasons by group key: the plan checks' empty-group and
// launch-settings-missing warnings (PlanValidation), so that the graph and
// the Problems pane never disagree about a group.
using GroupWarnings = std::unordered_map<models::PlanKey, QStringList>;
GroupWarnings groupWarnings(const std::vector<models::PlanIssue> &issues);

LaunchGraphFacts launchGraphFacts(const models::PlanApplication &app, const GroupWarnings &warnings);

} // namespace sms::ui
