#pragma once
// The launch graph of one application: its server groups are the nodes and
// "launches before" the edges (PlanServerGroup::launchAfter). Launch orders
// follow from it: a group with nothing before it launches 1st, any other
// one after the latest of the groups before it (1 + their largest order),
// so groups of equal order launch together. An edge that would close a
// cycle is refused by whoever adds it, naming the cycle.
//
// Each function takes the application's groups as they are; a key in a
// launchAfter that is not one of them (another application's group, or none)
// is left out of the graph: PlanValidation reports it.

#include "models/PlanTypes.h"

#include <optional>
#include <string>
#include <vector>

namespace sms::models {

// Whether any group of the application has a dependency.
bool hasDependencies(const std::vector<PlanServerGroup> &groups);

// The launch order of each group, in the groups' order; nullopt when the
// graph has a cycle (a hand-edited file).
std::optional<std::vector<int>> deriveLaunchOrders(const std::vector<PlanServerGroup> &groups);

// The cycle that the edge "`before` launches before `after`" would close,
// from `before` round to `before` again: {db, app, web, db}. Empty when it
// closes none. An edge from a group to itself is a cycle of one: {a, a}.
std::vector<PlanKey> cycleClosedBy(const std::vector<PlanServerGroup> &groups, PlanKey before, PlanKey after);

// Gives each group without a launch order the one its dependencies make,
// when the application has dependencies and no cycle (orders given are
// left alone: PlanValidation says when they disagree).
void fillDerivedLaunchOrders(std::vector<PlanServerGroup> &groups);

// A cycle the groups already have, in launch direction, its first key
// repeated at the end; empty when there is none.
std::vector<PlanKey> findCycle(const std::vector<PlanServerGroup> &groups);

// "db → app → web → db": the groups' names (or keys, for a nameless group).
std::string cycleText(const std::vector<PlanServerGroup> &groups, const std::vector<PlanKey> &cycle);

// Dependencies for groups that have launch orders but no dependencies (from
// an endpoint, or an older plan): each group after every group of the next
// lower order present. One list per group, in the groups' order; a group
// with no order gets none. Deriving the orders from them gives the same
// sequence: 1, 2, 3... for orders 1, 2, 3..., and 1, 2, 3 for 10, 20, 30.
std::vector<std::vector<PlanKey>> inferLaunchAfter(const std::vector<PlanServerGroup> &groups);

} // namespace sms::models
