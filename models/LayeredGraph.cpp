#include "LayeredGraph.h"

#include <algorithm>

namespace sms::models {

namespace {

// The edges the layout can use, sorted, so that nothing after depends on the
// order the caller listed them in.
std::vector<std::pair<int, int>> usableEdges(int nodeCount, const std::vector<std::pair<int, int>> &edges)
{
    std::vector<std::pair<int, int>> usable;
    usable.reserve(edges.size());
    for (const auto &[from, to] : edges) {
        if (from != to && from >= 0 && to >= 0 && from < nodeCount && to < nodeCount)
            usable.emplace_back(from, to);
    }
    std::sort(usable.begin(), usable.end());
    usable.erase(std::unique(usable.begin(), usable.end()), usable.end());
    return usable;
}

// Longest path from a source, in topological order (Kahn's algorithm, sources
// taken in index order): a node's layer is one more than its latest predecessor's.
std::vector<int> longestPathLayers(int nodeCount, const std::vector<std::pair<int, int>> &edges)
{
    std::vector<std::vector<int>> successors(std::size_t(nodeCount), std::vector<int>{});
    std::vector<int> waitingFor(std::size_t(nodeCount), 0);
    for (const auto &[from, to] : edges) {
        successors[std::size_t(from)].push_back(to);
        ++waitingFor[std::size_t(to)];
    }
    std::vector<int> ready;
    ready.reserve(std::size_t(nodeCount));
    for (int node = 0; node < nodeCount; ++node) {
        if (waitingFor[std::size_t(node)] == 0)
            ready.push_back(node);
    }
    std::vector<int> layer(std::size_t(nodeCount), 0);
    for (std::size_t next = 0; next < ready.size(); ++next) {
        const int node = ready[next];
        for (const int successor : successors[std::size_t(node)]) {
            layer[std::size_t(successor)] = std::max(layer[std::size_t(successor)], layer[std::size_t(node)] + 1);
            if (--waitingFor[std::size_t(successor)] == 0)
                ready.push_back(successor);
        }
    }
    return layer;
}

int addNode(LayeredGraph &graph, int layer)
{
    graph.layer.push_back(layer);
    graph.above.emplace_back();
    graph.below.emplace_back();
    return int(graph.layer.size()) - 1;
}

void link(LayeredGraph &graph, int upper, int lower)
{
    graph.below[std::size_t(upper)].push_back(lower);
    graph.above[std::size_t(lower)].push_back(upper);
}

} // namespace

LayeredGraph buildLayeredGraph(int nodeCount, const std::vector<std::pair<int, int>> &edges)
{
    LayeredGraph graph;
    graph.realCount = std::max(nodeCount, 0);
    const auto usable = usableEdges(graph.realCount, edges);
    graph.layer = longestPathLayers(graph.realCount, usable);
    graph.above.resize(graph.layer.size());
    graph.below.resize(graph.layer.size());
    for (const auto &[from, to] : usable) {
        int upper = from;
        for (int layer = graph.layer[std::size_t(from)] + 1; layer < graph.layer[std::size_t(to)]; ++layer) {
            const int virtualNode = addNode(graph, layer);
            link(graph, upper, virtualNode);
            upper = virtualNode;
        }
        if (graph.layer[std::size_t(upper)] < graph.layer[std::size_t(to)])
            link(graph, upper, to);
    }
    for (auto &upper : graph.above)
        std::sort(upper.begin(), upper.end());
    for (auto &lower : graph.below)
        std::sort(lower.begin(), lower.end());
    for (std::size_t node = 0; node < graph.layer.size(); ++node) {
        const auto layer = std::size_t(graph.layer[node]);
        if (graph.rows.size() <= layer)
            graph.rows.resize(layer + 1);
        graph.rows[layer].push_back(int(node));
    }
    return graph;
}

} // namespace sms::models
