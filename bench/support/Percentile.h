#pragma once
// percentile: the benches' one way of reading a rank from their samples.

#include <algorithm>
#include <cmath>
#include <vector>

namespace sms::bench {

// The value at `fraction` of the sorted samples (nearest rank).
inline double percentile(const std::vector<double> &sorted, double fraction)
{
    const auto rank = std::size_t(std::ceil(fraction * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

} // namespace sms::bench
