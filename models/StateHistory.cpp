#include "models/StateHistory.h"

#include <algorithm>

namespace sms::models {

StateHistory::StateHistory(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(4, (capacity + 3) / 4 * 4))
{
    m_samples.reserve(m_capacity);
    m_passes.reserve(m_capacity);
}

void StateHistory::add(const StateSample &sample)
{
    if (m_samples.size() == m_capacity)
        mergeOldestHalf();
    m_samples.push_back(sample);
    m_passes.push_back(1);
}

void StateHistory::mergeOldestHalf()
{
    const std::size_t half = m_capacity / 2;
    for (std::size_t out = 0; out < half / 2; ++out) {
        const std::size_t a = 2 * out;
        const std::size_t b = a + 1;
        const double wa = m_passes[a];
        const double wb = m_passes[b];
        const double w = wa + wb;
        StateSample merged;
        merged.at = (m_samples[a].at * wa + m_samples[b].at * wb) / w;
        for (std::size_t k = 0; k < merged.servers.size(); ++k)
            merged.servers[k] = float((m_samples[a].servers[k] * wa + m_samples[b].servers[k] * wb) / w);
        m_samples[out] = merged;
        m_passes[out] = m_passes[a] + m_passes[b];
    }
    // The newer half slides down behind the merged samples, in place.
    const auto keep = std::ptrdiff_t(half);
    const auto to = std::ptrdiff_t(half / 2);
    std::move(m_samples.begin() + keep, m_samples.end(), m_samples.begin() + to);
    std::move(m_passes.begin() + keep, m_passes.end(), m_passes.begin() + to);
    m_samples.resize(m_capacity - half / 2);
    m_passes.resize(m_capacity - half / 2);
}

} // namespace sms::models
