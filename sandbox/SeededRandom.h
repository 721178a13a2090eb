#pragma once
// SeededRandom: the sandbox's deterministic randomness. SplitMix64 is specified
// bit for bit, unlike std:: distributions, so a --seed gives the same estate on
// every platform and compiler.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sms::sandbox {

// A bijection on 64-bit values: distinct inputs give distinct outputs.
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class SeededRandom
{
public:
    explicit SeededRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next() { return mix64(m_state += 0x9e3779b97f4a7c15ULL); }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    bool chance(unsigned percent) { return below(100) < percent; }

    template <std::size_t N>
    std::string_view pick(const std::array<std::string_view, N> &items)
    {
        return items[below(N)];
    }

    std::string uuid();

private:
    std::uint64_t m_state;
};

// `value` as exactly `digits` lower-case hex digits (the low ones).
std::string hexDigits(std::uint64_t value, int digits);
// `value` in decimal, zero-padded to `width`.
std::string zeroPadded(std::uint64_t value, int width);

} // namespace sms::sandbox
