#include "models/LaunchGraph.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace sms::models {
namespace {

// The graph by group index: who launches right after each group.
struct Adjacency
{
    std::unordered_map<PlanKey, int> indexOf;
    std::vector<std::vector<int>> before;  // per group: the groups it launches after
    std::vector<std::vector<int>> after;   // per group: the groups that launch after it
};

Adjacency adjacencyOf(const std::vector<PlanServerGroup> &groups)
{
    Adjacency graph;
    const std::size_t count = groups.size();
    graph.indexOf.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        graph.indexOf.emplace(groups[i].key, int(i));
    graph.before.resize(count);
    graph.after.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::vector<int> &into = graph.before[i];
        for (const PlanKey key : groups[i].launchAfter) {
            const auto found = graph.indexOf.find(key);
            if (found == graph.indexOf.end() || std::find(into.begin(), into.end(), found->second) != into.end())
                continue;
            into.push_back(found->second);
            graph.after[std::size_t(found->second)].push_back(int(i));
        }
    }
    return graph;
}

} // namespace

bool hasDependencies(const std::vector<PlanServerGroup> &groups)
{
    return std::any_of(groups.begin(), groups.end(), [](const PlanServerGroup &g) { return !g.launchAfter.empty(); });
}

std::optional<std::vector<int>> deriveLaunchOrders(const std::vector<PlanServerGroup> &groups)
{
    const Adjacency graph = adjacencyOf(groups);
    const std::size_t count = groups.size();
    std::vector<int> waitingFor(count);
    std::deque<int> ready;
    for (std::size_t i = 0; i < count; ++i) {
        waitingFor[i] = int(graph.before[i].size());
        if (waitingFor[i] == 0)
            ready.push_back(int(i));
    }
    // Kahn's order: a group's order is final once every group before it has one.
    std::vector<int> orders(count, 1);
    std::size_t done = 0;
    while (!ready.empty()) {
        const int next = ready.front();
        ready.pop_front();
        ++done;
        for (const int later : graph.after[std::size_t(next)]) {
            orders[std::size_t(later)] = std::max(orders[std::size_t(later)], orders[std::size_t(next)] + 1);
            if (--waitingFor[std::size_t(later)] == 0)
                ready.push_back(later);
        }
    }
    if (done != count)
        return std::nullopt;
    return orders;
}

void fillDerivedLaunchOrders(std::vector<PlanServerGroup> &groups)
{
    if (!hasDependencies(groups))
        return;
    const auto orders = deriveLaunchOrders(groups);
    if (!orders)
        return;
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (!groups[i].launchOrder)
            groups[i].launchOrder = (*orders)[i];
}

std::vector<PlanKey> cycleClosedBy(const std::vector<PlanServerGroup> &groups, PlanKey before, PlanKey after)
{
    if (before == after)
        return {before, before};
    const Adjacency graph = adjacencyOf(groups);
    const auto from = graph.indexOf.find(after);
    const auto to = graph.indexOf.find(before);
    if (from == graph.indexOf.end() || to == graph.indexOf.end())
        return {};
    // Breadth first from `after` along "launches before": the shortest way
    // back to `before` is the cycle the user is shown.
    std::vector<int> reachedFrom(groups.size(), -2);
    std::deque<int> queue{from->second};
    reachedFrom[std::size_t(from->second)] = -1;
    while (!queue.empty()) {
        const int at = queue.front();
        queue.pop_front();
        if (at == to->second) {
            std::vector<PlanKey> way;  // from `before` back to `after`
            for (int step = at; step != -1; step = reachedFrom[std::size_t(step)])
                way.push_back(groups[std::size_t(step)].key);
            std::vector<PlanKey> cycle{before};  // then the new edge, and the way back to `before`
            cycle.insert(cycle.end(), way.rbegin(), way.rend());
            return cycle;
        }
        for (const int next : graph.after[std::size_t(at)]) {
            if (reachedFrom[std::size_t(next)] == -2) {
                reachedFrom[std::size_t(next)] = at;
                queue.push_back(next);
            }
        }
    }
    return {};
}

std::vector<PlanKey> findCycle(const std::vector<PlanServerGroup> &groups)
{
    const Adjacency graph = adjacencyOf(groups);
    enum class Mark { New, OnPath, Done };
    std::vector<Mark> marks(groups.size(), Mark::New);
    // Depth first, without recursion: a plan may hold hundreds of groups in a chain.
    for (std::size_t start = 0; start < groups.size(); ++start) {
        if (marks[start] != Mark::New)
            continue;
        std::vector<std::pair<int, std::size_t>> path{{int(start), 0}};  // group, next successor to try
        marks[start] = Mark::OnPath;
        while (!path.empty()) {
            auto &[at, nextEdge] = path.back();
            const std::vector<int> &successors = graph.after[std::size_t(at)];
            if (nextEdge == successors.size()) {
                marks[std::size_t(at)] = Mark::Done;
                path.pop_back();
                continue;
            }
            const int next = successors[nextEdge++];
            if (marks[std::size_t(next)] == Mark::OnPath) {
                std::vector<PlanKey> cycle;
                auto it = std::find_if(path.begin(), path.end(), [next](const auto &step) { return step.first == next; });
                for (; it != path.end(); ++it)
                    cycle.push_back(groups[std::size_t(it->first)].key);
                cycle.push_back(groups[std::size_t(next)].key);
                return cycle;
            }
            if (marks[std::size_t(next)] == Mark::New) {
                marks[std::size_t(next)] = Mark::OnPath;
                path.emplace_back(next, 0);
            }
        }
    }
    return {};
}

std::string cycleText(const std::vector<PlanServerGroup> &groups, const std::vector<PlanKey> &cycle)
{
    std::string text;
    for (const PlanKey key : cycle) {
        if (!text.empty())
            text += " \u2192 ";
        const auto group = std::find_if(groups.begin(), groups.end(), [key](const PlanServerGroup &g) { return g.key == key; });
        text += group != groups.end() && !group->name.empty() ? group->name : "group " + std::to_string(key);
    }
    return text;
}

std::vector<std::vector<PlanKey>> inferLaunchAfter(const std::vector<PlanServerGroup> &groups)
{
    std::vector<int> orders;
    for (const PlanServerGroup &group : groups)
        if (group.launchOrder)
            orders.push_back(*group.launchOrder);
    std::sort(orders.begin(), orders.end());
    orders.erase(std::unique(orders.begin(), orders.end()), orders.end());

    std::vector<std::vector<PlanKey>> launchAfter(groups.size());
    for (std::size_t i = 0; i < groups.size(); ++i) {
        if (!groups[i].launchOrder)
            continue;
        const auto at = std::lower_bound(orders.begin(), orders.end(), *groups[i].launchOrder);
        if (at == orders.begin())
            continue;  // the lowest order: first
        const int previous = *(at - 1);
        for (const PlanServerGroup &earlier : groups)
            if (earlier.launchOrder == previous)
                launchAfter[i].push_back(earlier.key);
    }
    return launchAfter;
}

} // namespace sms::models
