#pragma once
// One application's launch graph written to a file without a window, for
// sms-plan plan graph: dot text (LaunchGraphDot.h), or the picture the
// editor draws (LaunchGraphScene) as SVG or PNG, as its Export does. The
// pictures need a QApplication; the dot text needs none.

#include "models/PlanTypes.h"

#include <QString>

#include <optional>
#include <string>

namespace sms::ui {

enum class GraphFormat { Dot, Svg, Png };

// "dot", "svg" or "png"; nullopt for anything else.
std::optional<GraphFormat> graphFormatNamed(const QString &name);

// The application's graph in dot, as the editor would show it with the plan's checks.
std::string launchGraphDotOf(const models::PlanData &plan, models::PlanKey application);

// Draws the application's graph as the editor does, to `path` atomically, as
// SVG or PNG (the dot text is launchGraphDotOf's); the reason on failure, else empty.
QString drawLaunchGraph(const models::PlanData &plan, models::PlanKey application, GraphFormat format,
                         const QString &path);

} // namespace sms::ui
