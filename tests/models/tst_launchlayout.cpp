// The launch graph's layered layout: layers are launch orders, the sweeps
// remove crossings they can, the result depends on nothing but the graph, and
// placement keeps pinned nodes where the user put them. Its speed is measured
// in bench/launch-layout, not here.

#include "RandomLaunchGraph.h"
#include "models/LaunchLayout.h"
#include "models/LayerCrossings.h"
#include "models/LayeredGraph.h"

#include <QList>
#include <QPoint>
#include <QTest>

#include <cmath>

using namespace sms::models;

Q_DECLARE_METATYPE(sms::models::LayoutInput)

namespace {

LayoutInput graph(int nodeCount, std::vector<std::pair<int, int>> edges)
{
    LayoutInput input;
    input.nodeCount = nodeCount;
    input.edges = std::move(edges);
    return input;
}

LayoutInput pinned(LayoutInput input, const std::vector<std::pair<int, LayoutPoint>> &pins)
{
    input.pinned.resize(std::size_t(input.nodeCount));
    for (const auto &[node, at] : pins)
        input.pinned[std::size_t(node)] = at;
    return input;
}

LayoutInput spaced(LayoutInput input, double layerSpacing, double nodeSpacing)
{
    input.layerSpacing = layerSpacing;
    input.nodeSpacing = nodeSpacing;
    return input;
}

// Three web groups, two app groups and a database, every web group launching
// before both app groups, and web-0 before the database directly too.
LayoutInput webAppDb()
{
    return graph(6, {{0, 3}, {1, 3}, {2, 3}, {0, 4}, {1, 4}, {2, 4}, {3, 5}, {4, 5}, {0, 5}});
}

bool isPinned(const LayoutInput &input, int node)
{
    return std::size_t(node) < input.pinned.size() && input.pinned[std::size_t(node)];
}

// An edge the layout must honour: not a self-loop, both ends in range.
bool counts(const LayoutInput &input, std::pair<int, int> edge)
{
    const auto [before, after] = edge;
    return before != after && before >= 0 && after >= 0 && before < input.nodeCount && after < input.nodeCount;
}

// Launch orders by relaxing every edge until nothing changes: slow, but
// nothing like the layout's own way of finding them.
std::vector<int> longestPaths(const LayoutInput &input)
{
    std::vector<int> layer(std::size_t(input.nodeCount), 0);
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto &[before, after] : input.edges) {
            if (counts(input, {before, after}) && layer[std::size_t(after)] < layer[std::size_t(before)] + 1) {
                layer[std::size_t(after)] = layer[std::size_t(before)] + 1;
                changed = true;
            }
        }
    }
    return layer;
}

// What every layout must be, whatever the graph.
void verifyInvariants(const LayoutInput &input, const LayoutResult &result)
{
    const auto n = std::size_t(input.nodeCount);
    QCOMPARE(result.layer.size(), n);
    QCOMPARE(result.position.size(), n);
    QCOMPARE(result.layer, longestPaths(input));
    for (const auto &[before, after] : input.edges) {
        if (counts(input, {before, after}))
            QVERIFY(result.layer[std::size_t(before)] < result.layer[std::size_t(after)]);
    }
    std::vector<int> seen(n, 0);
    for (std::size_t layer = 0; layer < result.rows.size(); ++layer) {
        QVERIFY(!result.rows[layer].empty());
        for (const int node : result.rows[layer]) {
            QCOMPARE(result.layer[std::size_t(node)], int(layer));
            ++seen[std::size_t(node)];
        }
    }
    QCOMPARE(seen, std::vector<int>(n, 1));
    for (int node = 0; node < input.nodeCount; ++node) {
        const LayoutPoint at = result.position[std::size_t(node)];
        QVERIFY(std::isfinite(at.x) && std::isfinite(at.y));
        if (isPinned(input, node))
            QVERIFY(at == *input.pinned[std::size_t(node)]);
        else
            QCOMPARE(at.x, result.layer[std::size_t(node)] * input.layerSpacing);
    }
}

// Neighbours in a row are top to bottom and, unless both are pinned,
// nodeSpacing apart; an unpinned node keeps nodeSpacing from every pinned node
// of its layer.
void verifySpacing(const LayoutInput &input, const LayoutResult &result)
{
    const double spacing = input.nodeSpacing * (1 - 1e-12);  // pinned y + spacing may round down
    for (const auto &row : result.rows) {
        for (std::size_t i = 0; i + 1 < row.size(); ++i) {
            const double gap = result.position[std::size_t(row[i + 1])].y - result.position[std::size_t(row[i])].y;
            QVERIFY(gap >= 0);
            if (!isPinned(input, row[i]) || !isPinned(input, row[i + 1]))
                QVERIFY2(gap >= spacing, qPrintable(QStringLiteral("%1 and %2: %3 apart").arg(row[i]).arg(row[i + 1]).arg(gap)));
        }
        for (const int node : row) {
            for (const int other : row) {
                if (!isPinned(input, node) && isPinned(input, other)) {
                    const double gap = std::abs(result.position[std::size_t(node)].y - result.position[std::size_t(other)].y);
                    QVERIFY2(gap >= spacing, qPrintable(QStringLiteral("%1 and pinned %2: %3 apart").arg(node).arg(other).arg(gap)));
                }
            }
        }
    }
}

// Crossings of the edges between adjacent layers, pair by pair.
int crossingsByPairs(const LayoutInput &input, const LayoutResult &result)
{
    std::vector<int> place(std::size_t(input.nodeCount));
    for (const auto &row : result.rows) {
        for (std::size_t i = 0; i < row.size(); ++i)
            place[std::size_t(row[i])] = int(i);
    }
    int crossings = 0;
    for (const auto &[a, b] : input.edges) {
        for (const auto &[c, d] : input.edges) {
            const auto at = [&](int node) { return place[std::size_t(node)]; };
            if (result.layer[std::size_t(a)] == result.layer[std::size_t(c)] && at(a) < at(c) && at(b) > at(d))
                ++crossings;
        }
    }
    return crossings;
}

// Rows of random graphs, one of them with pinned nodes, for tests of any graph.
void addRandomRows()
{
    QTest::addRow("random, 300 nodes, 1,000 edges") << randomLaunchGraph(300, 1000, 7);
    QTest::addRow("random, pinned")
        << pinned(randomLaunchGraph(60, 150, 3), {{4, {160, 10}}, {9, {0, -300}}, {17, {480, 35}}});
}

} // namespace

class TestLaunchLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void layersAreLaunchOrders_data()
    {
        QTest::addColumn<LayoutInput>("input");
        QTest::addColumn<QList<int>>("layers");
        QTest::addRow("chain") << graph(4, {{0, 1}, {1, 2}, {2, 3}}) << QList<int>{0, 1, 2, 3};
        QTest::addRow("chain against index order") << graph(4, {{3, 2}, {2, 1}, {1, 0}}) << QList<int>{3, 2, 1, 0};
        QTest::addRow("diamond") << graph(4, {{0, 1}, {0, 2}, {1, 3}, {2, 3}}) << QList<int>{0, 1, 1, 2};
        QTest::addRow("web/app/db, web-0 also before db") << webAppDb() << QList<int>{0, 0, 0, 1, 1, 2};
        QTest::addRow("the longest path wins over a shortcut")
            << graph(4, {{0, 3}, {0, 1}, {1, 2}, {2, 3}}) << QList<int>{0, 1, 2, 3};
        QTest::addRow("isolated node") << graph(3, {{0, 1}}) << QList<int>{0, 1, 0};
        QTest::addRow("no edges") << graph(3, {}) << QList<int>{0, 0, 0};
        QTest::addRow("duplicates and a self-loop ignored")
            << graph(3, {{0, 1}, {0, 1}, {1, 1}, {1, 2}, {0, 1}}) << QList<int>{0, 1, 2};
        QTest::addRow("indices out of range ignored") << graph(2, {{0, 5}, {-1, 1}, {1, 0}}) << QList<int>{1, 0};
    }

    void layersAreLaunchOrders()
    {
        QFETCH(LayoutInput, input);
        QFETCH(QList<int>, layers);
        const LayoutResult result = layOutLaunchGraph(input);
        QCOMPARE(QList<int>(result.layer.begin(), result.layer.end()), layers);
        verifyInvariants(input, result);
    }

    void emptyGraph()
    {
        const LayoutResult result = layOutLaunchGraph(LayoutInput{});
        QVERIFY(result.layer.empty());
        QVERIFY(result.position.empty());
        QVERIFY(result.rows.empty());
        QCOMPARE(result.crossings, 0);
    }

    // Graphs that can be drawn without crossings but are not in index order.
    void sweepsRemoveCrossings_data()
    {
        QTest::addColumn<LayoutInput>("input");
        QTest::addColumn<int>("before");  // in index order
        QTest::addRow("two edges crossed") << graph(4, {{0, 3}, {1, 2}}) << 1;
        QTest::addRow("three edges, each crossing the others") << graph(6, {{0, 5}, {1, 4}, {2, 3}}) << 3;
        // 0 -> 4 passes layer 1 through a virtual node, which comes after 2 and 3.
        QTest::addRow("a long edge") << graph(6, {{0, 3}, {3, 5}, {1, 2}, {2, 4}, {0, 4}}) << 3;
        // Two web/app/db stacks, the second's web group first, so both of its edges cross the first's.
        QTest::addRow("two stacks interleaved") << graph(6, {{0, 3}, {3, 4}, {1, 2}, {2, 5}}) << 2;
    }

    void sweepsRemoveCrossings()
    {
        QFETCH(LayoutInput, input);
        QFETCH(int, before);
        const LayeredGraph layered = buildLayeredGraph(input.nodeCount, input.edges);
        QCOMPARE(layeredCrossings(layered, layered.rows), before);
        const LayoutResult result = layOutLaunchGraph(input);
        QCOMPARE(result.crossings, 0);
        verifyInvariants(input, result);
    }

    // The accumulator tree against every pair of edges, on two random layers.
    void bilayerCount_data()
    {
        QTest::addColumn<int>("upper");
        QTest::addColumn<int>("lower");
        QTest::addColumn<int>("edges");
        QTest::addRow("one lower node") << 5 << 1 << 5;
        QTest::addRow("a power of two below") << 6 << 8 << 20;
        QTest::addRow("dense") << 12 << 9 << 80;
        QTest::addRow("sparse") << 40 << 33 << 30;
    }

    void bilayerCount()
    {
        QFETCH(int, upper);
        QFETCH(int, lower);
        QFETCH(int, edges);
        std::mt19937 random(7);
        std::vector<std::pair<int, int>> ends;
        for (int e = 0; e < edges; ++e)
            ends.emplace_back(int(random() % unsigned(upper)), int(random() % unsigned(lower)));
        std::sort(ends.begin(), ends.end());
        long long expected = 0;
        for (const auto &[a, b] : ends) {
            for (const auto &[c, d] : ends)
                expected += a < c && b > d;
        }
        std::vector<int> lowerEnds;
        for (const auto &end : ends)
            lowerEnds.push_back(end.second);
        QCOMPARE(bilayerCrossings(lowerEnds, lower), expected);
    }

    void deterministic_data()
    {
        QTest::addColumn<LayoutInput>("input");
        QTest::addRow("web/app/db") << webAppDb();
        QTest::addRow("random, 50 nodes, 100 edges") << randomLaunchGraph(50, 100, 7);
        addRandomRows();
    }

    // The same graph gives the same layout, whatever order its edges come in.
    void deterministic()
    {
        QFETCH(LayoutInput, input);
        const LayoutResult first = layOutLaunchGraph(input);
        const auto same = [&](const LayoutResult &other) {
            return other.layer == first.layer && other.position == first.position && other.rows == first.rows
                && other.crossings == first.crossings;
        };
        QVERIFY(same(layOutLaunchGraph(input)));
        std::reverse(input.edges.begin(), input.edges.end());
        QVERIFY(same(layOutLaunchGraph(input)));
        std::shuffle(input.edges.begin(), input.edges.end(), std::mt19937(11));
        QVERIFY(same(layOutLaunchGraph(input)));
    }

    void spacingKept_data()
    {
        QTest::addColumn<LayoutInput>("input");
        // Node 0 launches the five groups of layer 1; 6 and 7 follow 1 and 2.
        const LayoutInput fan = graph(8, {{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {1, 6}, {2, 7}});
        QTest::addRow("fan") << fan;
        QTest::addRow("fan, narrow") << spaced(fan, 40, 25);
        QTest::addRow("pinned in the middle of its layer") << pinned(fan, {{3, {160, 0}}});
        QTest::addRow("pinned off its layer's column") << pinned(fan, {{3, {900, 20}}});
        QTest::addRow("pinned off the grid, two in a layer")
            << pinned(fan, {{2, {150, -40}}, {4, {170, 13}}, {7, {330, 200}}});
        QTest::addRow("pinned at the top of its layer") << pinned(fan, {{5, {160, -1000}}});
        QTest::addRow("a source dragged into layer 1's column") << pinned(fan, {{0, {165, 30}}});
        QTest::addRow("all pinned")
            << pinned(graph(3, {{0, 1}, {0, 2}}), {{0, {5, 5}}, {1, {5, 5}}, {2, {-100, 0}}});
        addRandomRows();
    }

    void spacingKept()
    {
        QFETCH(LayoutInput, input);
        const LayoutResult result = layOutLaunchGraph(input);
        verifyInvariants(input, result);
        if (QTest::currentTestFailed())
            return;
        verifySpacing(input, result);
    }

    // An unpinned node keeps nodeSpacing from a pinned node of another layer
    // whose x lies in its layer's column.
    void columnKeptClearOfDraggedNode()
    {
        LayoutInput input = pinned(graph(4, {{0, 1}, {0, 2}, {0, 3}}), {{0, {170, 10}}});
        const LayoutResult result = layOutLaunchGraph(input);
        verifyInvariants(input, result);
        for (const int node : {1, 2, 3})
            QVERIFY(std::abs(result.position[std::size_t(node)].y - 10) >= input.nodeSpacing);
    }

    // 300 groups and 1,000 edges, as in the target: the invariants
    // hold, and the sweeps leave fewer crossings than the index order has.
    void randomGraph()
    {
        const LayoutInput input = randomLaunchGraph(300, 1000, 7);
        QCOMPARE(input.edges.size(), std::size_t(1000));
        const LayoutResult result = layOutLaunchGraph(input);
        verifyInvariants(input, result);
        const LayeredGraph layered = buildLayeredGraph(input.nodeCount, input.edges);
        QVERIFY(result.crossings < layeredCrossings(layered, layered.rows));
    }

    // Without long edges, the count is that of the real edges.
    void crossingsCountedPerEdgePair()
    {
        const LayoutInput input = randomLaunchGraph(12, 30, 5);
        LayoutInput adjacentOnly = graph(input.nodeCount, {});
        const LayoutResult full = layOutLaunchGraph(input);
        for (const auto &edge : input.edges) {
            if (full.layer[std::size_t(edge.second)] == full.layer[std::size_t(edge.first)] + 1)
                adjacentOnly.edges.push_back(edge);
        }
        const LayoutResult result = layOutLaunchGraph(adjacentOnly);
        QCOMPARE(result.crossings, crossingsByPairs(adjacentOnly, result));
    }
};

QTEST_GUILESS_MAIN(TestLaunchLayout)
#include "tst_launchlayout.moc"
