#pragma once
// LayeredGraph: the launch graph made "proper" for a layered drawing. Each node
// sits on its longest-path layer from the sources (its launch order - 1), and
// an edge that spans several layers becomes a chain through one virtual node
// on each layer between, so that crossing reduction sees every layer it passes.

#include <utility>
#include <vector>

namespace sms::models {

struct LayeredGraph
{
    int realCount = 0;                    // nodes below this are the caller's; the rest are virtual
    std::vector<int> layer;               // per node
    std::vector<std::vector<int>> above;  // per node: its neighbours on the layer before, ascending
    std::vector<std::vector<int>> below;  // per node: its neighbours on the layer after, ascending
    std::vector<std::vector<int>> rows;   // per layer: its nodes by index (virtual ones after the real ones)
};

// Edges out of range, self-loops and duplicates are dropped. Should a cycle
// come in anyway, its nodes keep the layers their other predecessors give them
// and its edges that do not lead to a later layer are left out.
LayeredGraph buildLayeredGraph(int nodeCount, const std::vector<std::pair<int, int>> &edges);

} // namespace sms::models
