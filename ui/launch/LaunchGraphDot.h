#pragma once
// An application's launch graph in Graphviz's dot language, for runbooks and
// change reviews (sms-plan plan graph --format dot): what the editor shows
// (LaunchGraphFacts), as a box per server group with its server count and
// launch order, an arrow per "launches before" (dashed when only read from
// bare launch orders), and the groups of one launch order on one rank, so
// that dot's ranks are launch orders as the editor's bands are.

#include "ui/launch/LaunchGraphFacts.h"

#include <string>

namespace sms::ui {

std::string launchGraphDot(const QString &applicationName, const LaunchGraphFacts &facts);

} // namespace sms::ui
