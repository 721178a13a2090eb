#include "LayerCrossings.h"

#include "LayeredGraph.h"

#include <algorithm>

namespace sms::models {

long long bilayerCrossings(std::span<const int> lowerEnds, int lowerCount)
{
    // A complete binary tree over the lower positions, leaves first at `firstLeaf`;
    // each inner node counts the ends inserted below it. An end crosses every
    // end inserted before it at a greater position: the right siblings on its way up.
    std::size_t firstLeaf = 1;
    while (firstLeaf < std::size_t(std::max(lowerCount, 1)))
        firstLeaf *= 2;
    std::vector<long long> tree(2 * firstLeaf - 1, 0);
    --firstLeaf;
    long long crossings = 0;
    for (const int end : lowerEnds) {
        std::size_t index = std::size_t(end) + firstLeaf;
        ++tree[index];
        while (index > 0) {
            if (index % 2 == 1)
                crossings += tree[index + 1];
            index = (index - 1) / 2;
            ++tree[index];
        }
    }
    return crossings;
}

long long layeredCrossings(const LayeredGraph &graph, const std::vector<std::vector<int>> &rows)
{
    std::vector<int> position(graph.layer.size(), 0);
    for (const auto &row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            position[std::size_t(row[i])] = int(i);
    }
    long long crossings = 0;
    std::vector<int> lowerEnds;
    for (std::size_t layer = 0; layer + 1 < rows.size(); ++layer) {
        lowerEnds.clear();
        for (const int upper : rows[layer]) {
            const auto first = lowerEnds.size();
            for (const int lower : graph.below[std::size_t(upper)])
                lowerEnds.push_back(position[std::size_t(lower)]);
            std::sort(lowerEnds.begin() + std::ptrdiff_t(first), lowerEnds.end());
        }
        crossings += bilayerCrossings(lowerEnds, int(rows[layer + 1].size()));
    }
    return crossings;
}

} // namespace sms::models
