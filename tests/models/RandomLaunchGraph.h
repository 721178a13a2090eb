#pragma once
// randomLaunchGraph: a random acyclic launch graph, shared by the layout's
// tests and its benchmark (bench/launch-layout) so that both speak of the same
// graphs. Each edge runs from the node of lower rank in a shuffled ranking to
// the other, so the graph is acyclic without its edges following node indices.

#include "models/LaunchLayout.h"

#include <algorithm>
#include <numeric>
#include <random>
#include <set>

namespace sms::models {

inline LayoutInput randomLaunchGraph(int nodes, int edges, unsigned seed)
{
    std::mt19937 random(seed);
    std::vector<int> rank(std::size_t(std::max(nodes, 0)));
    std::iota(rank.begin(), rank.end(), 0);
    std::shuffle(rank.begin(), rank.end(), random);
    LayoutInput input;
    input.nodeCount = nodes;
    const auto possible = std::size_t(nodes) * std::size_t(std::max(nodes - 1, 0)) / 2;
    std::set<std::pair<int, int>> taken;
    std::uniform_int_distribution<int> pick(0, std::max(nodes - 1, 0));
    while (taken.size() < std::min(std::size_t(std::max(edges, 0)), possible)) {
        int before = pick(random);
        int after = pick(random);
        if (rank[std::size_t(before)] > rank[std::size_t(after)])
            std::swap(before, after);
        if (before != after && taken.emplace(before, after).second)
            input.edges.emplace_back(before, after);
    }
    return input;
}

} // namespace sms::models
