#pragma once
// layOutLaunchGraph: where the graph editor draws an application's server
// groups, one band per launch order (issue 14).
//
// Why not Graphviz's dot: measured here at 110 to 1,081 ms for 300 groups and
// 1,000 edges, it ignores positions the user dragged, and its ranks are not
// launch orders. This is a Sugiyama-style layout of our own: longest-path
// layers (so a layer is a launch order), barycentre sweeps over a graph whose
// long edges pass through virtual nodes, then placement around pinned nodes.
// Plain types, so that the caller maps its groups to node indices.

#include <optional>
#include <utility>
#include <vector>

namespace sms::models {

struct LayoutPoint
{
    double x = 0;
    double y = 0;
    bool operator==(const LayoutPoint &) const = default;
};

struct LayoutInput
{
    int nodeCount = 0;
    // (before, after) node indices. The caller refuses cycles; duplicates,
    // self-loops and indices out of range are ignored.
    std::vector<std::pair<int, int>> edges;
    // Size nodeCount or empty (a shorter one pins only the nodes it covers).
    // A pinned node keeps exactly this position.
    std::vector<std::optional<LayoutPoint>> pinned;
    double layerSpacing = 160;  // x between launch orders: order 1 at x = 0, order 2 at layerSpacing, ...
    double nodeSpacing = 70;    // the least y between neighbours in a layer
};

struct LayoutResult
{
    std::vector<int> layer;              // per node: launch order - 1
    std::vector<LayoutPoint> position;   // per node: its centre
    std::vector<std::vector<int>> rows;  // per layer: its nodes, top to bottom
    int crossings = 0;  // between adjacent layers after the sweeps, a long edge counted on each pair it spans
};

LayoutResult layOutLaunchGraph(const LayoutInput &input);

} // namespace sms::models
