#include "LaunchLayout.h"

#include "LayerOrdering.h"
#include "LayeredGraph.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sms::models {

namespace {

using Rows = std::vector<std::vector<int>>;

bool isPinned(const LayoutInput &input, int node)
{
    return std::size_t(node) < input.pinned.size() && input.pinned[std::size_t(node)];
}

// A pin with a position to go by (a pin at NaN or infinity is kept, but is
// neither sorted on nor kept clear of).
std::optional<LayoutPoint> usablePin(const LayoutInput &input, int node)
{
    if (!isPinned(input, node))
        return std::nullopt;
    const LayoutPoint pin = *input.pinned[std::size_t(node)];
    if (!std::isfinite(pin.x) || !std::isfinite(pin.y))
        return std::nullopt;
    return pin;
}

// A pinned node sorts in its layer where its y would put it in a row centred
// on 0 (the inverse of the placement below), so the sweeps order the other
// nodes around it.
std::vector<std::optional<double>> pinAnchors(const LayeredGraph &graph, const LayoutInput &input)
{
    std::vector<std::optional<double>> anchor(graph.layer.size());
    const double spacing = input.nodeSpacing > 0 ? input.nodeSpacing : 1;
    for (int node = 0; node < graph.realCount; ++node) {
        if (const auto pin = usablePin(input, node)) {
            const auto rowSize = graph.rows[std::size_t(graph.layer[std::size_t(node)])].size();
            anchor[std::size_t(node)] = pin->y / spacing + double(rowSize - 1) / 2;
        }
    }
    return anchor;
}

// The caller's nodes of each row, in order: virtual nodes only steered the sweeps.
Rows realRows(const Rows &rows, int realCount)
{
    Rows real(rows.size());
    for (std::size_t layer = 0; layer < rows.size(); ++layer) {
        for (const int node : rows[layer]) {
            if (node < realCount)
                real[layer].push_back(node);
        }
    }
    return real;
}

// Per layer, the y of the pinned nodes its unpinned ones keep nodeSpacing
// from, ascending: those of the layer itself (wherever they were dragged, so
// the row keeps their place) and any whose x lies within half a layer spacing
// of the layer's column (they would overlap it).
std::vector<std::vector<double>> pinnedYByLayer(const LayoutInput &input, const std::vector<int> &layer, std::size_t layers)
{
    std::vector<std::vector<double>> pinnedY(layers);
    for (int node = 0; node < input.nodeCount; ++node) {
        const auto pin = usablePin(input, node);
        if (!pin)
            continue;
        const auto own = std::size_t(layer[std::size_t(node)]);
        pinnedY[own].push_back(pin->y);
        if (input.layerSpacing > 0) {
            const double column = std::round(pin->x / input.layerSpacing);
            if (column >= 0 && column < double(layers) && std::size_t(column) != own
                && std::abs(pin->x - column * input.layerSpacing) < input.layerSpacing / 2)
                pinnedY[std::size_t(column)].push_back(pin->y);
        }
    }
    for (auto &ys : pinnedY)
        std::sort(ys.begin(), ys.end());
    return pinnedY;
}

// Unpinned nodes of one layer, in row order: centred on 0 nodeSpacing apart,
// then, top to bottom, each moved down as little as keeps nodeSpacing from the
// node above it and from every pinned y. Simple rather than balanced: a pin
// in a crowded row pushes the nodes below it down, never the ones above up.
void placeRow(const std::vector<int> &row, double x, const std::vector<double> &pinnedY, const LayoutInput &input,
              std::vector<LayoutPoint> &position)
{
    const double spacing = std::max(input.nodeSpacing, 0.0);
    std::vector<int> free;
    for (const int node : row) {
        if (!isPinned(input, node))
            free.push_back(node);
    }
    double previous = -std::numeric_limits<double>::infinity();
    std::size_t pin = 0;  // the first pinned y not yet wholly above
    for (std::size_t i = 0; i < free.size(); ++i) {
        double y = std::max((double(i) - double(free.size() - 1) / 2) * spacing, previous + spacing);
        for (; pin < pinnedY.size() && pinnedY[pin] < y + spacing; ++pin) {
            if (pinnedY[pin] > y - spacing)
                y = pinnedY[pin] + spacing;
        }
        position[std::size_t(free[i])] = {x, y};
        previous = y;
    }
}

// Rows top to bottom by the final y, pinned nodes among the others (a
// non-finite pinned y last); ties by node index.
void sortRowsByY(Rows &rows, const std::vector<LayoutPoint> &position)
{
    const auto key = [&](int node) {
        const double y = position[std::size_t(node)].y;
        return std::pair(std::isfinite(y) ? y : std::numeric_limits<double>::infinity(), node);
    };
    for (auto &row : rows)
        std::sort(row.begin(), row.end(), [&](int a, int b) { return key(a) < key(b); });
}

} // namespace

LayoutResult layOutLaunchGraph(const LayoutInput &input)
{
    LayoutResult result;
    if (input.nodeCount <= 0)
        return result;
    const LayeredGraph graph = buildLayeredGraph(input.nodeCount, input.edges);
    const LayerOrder order = orderLayers(graph, pinAnchors(graph, input));
    result.layer.assign(graph.layer.begin(), graph.layer.begin() + graph.realCount);
    result.rows = realRows(order.rows, graph.realCount);
    result.crossings = int(std::min<long long>(order.crossings, std::numeric_limits<int>::max()));

    result.position.resize(std::size_t(input.nodeCount));
    for (int node = 0; node < input.nodeCount; ++node) {
        if (isPinned(input, node))
            result.position[std::size_t(node)] = *input.pinned[std::size_t(node)];
    }
    const auto pinnedY = pinnedYByLayer(input, result.layer, result.rows.size());
    for (std::size_t layer = 0; layer < result.rows.size(); ++layer)
        placeRow(result.rows[layer], double(layer) * input.layerSpacing, pinnedY[layer], input, result.position);
    sortRowsByY(result.rows, result.position);
    return result;
}

} // namespace sms::models
