#pragma once
// Edge crossings of a layered drawing, counted with Barth, Jünger and Mutzel's
// accumulator tree ("Simple and Efficient Bilayer Cross Counting", 2002):
// O(E log V) a layer pair instead of comparing every pair of edges, which the
// crossing sweeps need after each pass over thousands of virtual nodes.

#include <span>
#include <vector>

namespace sms::models {

struct LayeredGraph;

// Crossings between two layers. `lowerEnds` holds the lower layer's position of
// each edge's end, with the edges sorted by their upper position, then their
// lower one; `lowerCount` is the lower layer's size.
long long bilayerCrossings(std::span<const int> lowerEnds, int lowerCount);

// Crossings of the whole graph with its layers in the order of `rows`.
long long layeredCrossings(const LayeredGraph &graph, const std::vector<std::vector<int>> &rows);

} // namespace sms::models
