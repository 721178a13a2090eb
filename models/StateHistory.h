#pragma once
// StateHistory: one application's StateSamples (ReplicationHistory.h) in a
// buffer of fixed capacity, oldest first. When it is full, the oldest half is
// averaged pairwise into samples twice as wide, so the buffer covers ever
// longer spans at a coarser grain the older they are: an hour or a day of
// passes fits in a few hundred samples. Storage is reserved once; a pass never
// reallocates.
//
// Each sample remembers how many passes it stands for, and merges weight by
// it, so the mean over passes is what it was before merging.

#include "models/ReplicationHistory.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace sms::models {

class StateHistory
{
public:
    static constexpr std::size_t kDefaultCapacity = 300;

    // Rounded up to a multiple of 4 (at least 4), so the oldest half pairs up.
    explicit StateHistory(std::size_t capacity = kDefaultCapacity);

    void add(const StateSample &sample);

    const std::vector<StateSample> &samples() const { return m_samples; }
    // How many passes samples()[i] stands for.
    std::uint32_t passes(std::size_t i) const { return m_passes[i]; }
    std::size_t capacity() const { return m_capacity; }

private:
    void mergeOldestHalf();

    std::size_t m_capacity;
    std::vector<StateSample> m_samples;
    std::vector<std::uint32_t> m_passes;
};

} // namespace sms::models
