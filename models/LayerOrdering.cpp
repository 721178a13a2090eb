#include "LayerOrdering.h"

#include "LayerCrossings.h"
#include "LayeredGraph.h"

#include <algorithm>

namespace sms::models {

namespace {

using Rows = std::vector<std::vector<int>>;
using Neighbours = std::vector<std::vector<int>>;

// A round is a sweep down and one up; two rounds in a row without a better
// count end it (one bad round is sometimes followed by a good one). On the
// benchmark's graph of 300 nodes and 1,000 edges, 191,639 crossings in index
// order became 59,153 after at most 4 rounds, 57,539 after 12 (about 5 ms) and
// 57,448 after 48 with no early stop (about 37 ms): more rounds buy little.
constexpr int kMaxRounds = 12;
constexpr int kRoundsWithoutGain = 2;

class Sweeper
{
public:
    Sweeper(const LayeredGraph &graph, const std::vector<std::optional<double>> &anchor, Rows rows)
        : m_graph(graph), m_anchor(anchor), m_rows(std::move(rows)), m_position(graph.layer.size(), 0)
    {
        for (const auto &row : m_rows)
            numberRow(row);
    }

    const Rows &rows() const { return m_rows; }

    void sweepDown()
    {
        for (std::size_t layer = 1; layer < m_rows.size(); ++layer)
            reorder(m_rows[layer], m_graph.above);
    }

    void sweepUp()
    {
        for (std::size_t layer = m_rows.size(); layer-- > 1;)
            reorder(m_rows[layer - 1], m_graph.below);
    }

private:
    void numberRow(const std::vector<int> &row)
    {
        for (std::size_t i = 0; i < row.size(); ++i)
            m_position[std::size_t(row[i])] = int(i);
    }

    // A node without neighbours on the fixed layer keeps its place as its key.
    double barycentre(int node, const Neighbours &fixed) const
    {
        if (const auto &anchor = m_anchor[std::size_t(node)])
            return *anchor;
        const auto &neighbours = fixed[std::size_t(node)];
        if (neighbours.empty())
            return m_position[std::size_t(node)];
        double sum = 0;
        for (const int neighbour : neighbours)
            sum += m_position[std::size_t(neighbour)];
        return sum / double(neighbours.size());
    }

    void reorder(std::vector<int> &row, const Neighbours &fixed)
    {
        m_keyed.clear();
        for (const int node : row)
            m_keyed.emplace_back(barycentre(node, fixed), node);
        std::sort(m_keyed.begin(), m_keyed.end());
        for (std::size_t i = 0; i < row.size(); ++i)
            row[i] = m_keyed[i].second;
        numberRow(row);
    }

    const LayeredGraph &m_graph;
    const std::vector<std::optional<double>> &m_anchor;
    Rows m_rows;
    std::vector<int> m_position;                  // per node: its place in its row
    std::vector<std::pair<double, int>> m_keyed;  // scratch: (key, node) of the row being sorted
};

} // namespace

LayerOrder orderLayers(const LayeredGraph &graph, const std::vector<std::optional<double>> &anchor)
{
    LayerOrder best{graph.rows, layeredCrossings(graph, graph.rows)};
    Sweeper sweeper(graph, anchor, graph.rows);
    const auto keepIfBetter = [&] {
        const long long crossings = layeredCrossings(graph, sweeper.rows());
        if (crossings >= best.crossings)
            return false;
        best = {sweeper.rows(), crossings};
        return true;
    };
    for (int round = 0, withoutGain = 0; round < kMaxRounds && best.crossings > 0 && withoutGain < kRoundsWithoutGain;
         ++round) {
        sweeper.sweepDown();
        const bool downGained = keepIfBetter();
        sweeper.sweepUp();
        const bool upGained = keepIfBetter();
        withoutGain = downGained || upGained ? 0 : withoutGain + 1;
    }
    return best;
}

} // namespace sms::models
