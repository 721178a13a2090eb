#include "ui/monitor/SummaryRows.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace sms::ui {
namespace {

using models::JobBucket;

// Compared from the first: the worse an application is off, the higher.
std::array<int, 4> troubleOf(const models::ApplicationCounts &app)
{
    const auto servers = [&app](JobBucket bucket) { return app.servers[std::size_t(bucket)]; };
    return {servers(JobBucket::Failed), servers(JobBucket::Failing), servers(JobBucket::Paused),
            servers(JobBucket::Pending) + servers(JobBucket::Replicating)};
}

} // namespace

SummaryRows summaryRows(const std::vector<models::ApplicationCounts> &all, int maxRows)
{
    std::vector<std::array<int, 4>> trouble;
    trouble.reserve(all.size());
    for (const auto &app : all)
        trouble.push_back(troubleOf(app));
    std::vector<std::size_t> order(all.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return trouble[a] > trouble[b]; });

    SummaryRows rows;
    const std::size_t shown = std::min(all.size(), std::size_t(std::max(0, maxRows)));
    rows.shown.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i)
        rows.shown.push_back(all[order[i]]);
    rows.hidden = int(all.size() - shown);
    return rows;
}

} // namespace sms::ui
