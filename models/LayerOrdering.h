#pragma once
// orderLayers: the order of each layer's nodes, chosen to reduce edge
// crossings by barycentre sweeps (Sugiyama): down the layers, each node sorted
// by the mean position of its neighbours on the layer above, then up by those
// below, for a bounded number of rounds; the best order seen wins.

#include <optional>
#include <vector>

namespace sms::models {

struct LayeredGraph;

struct LayerOrder
{
    std::vector<std::vector<int>> rows;  // per layer: its nodes, virtual ones included
    long long crossings = 0;
};

// `anchor`: per node, empty or a fixed sort key in the units of positions along
// its layer (0 = first), for pinned nodes, which keep to their place.
// Ties are broken by node index: the result depends on nothing else.
LayerOrder orderLayers(const LayeredGraph &graph, const std::vector<std::optional<double>> &anchor);

} // namespace sms::models
