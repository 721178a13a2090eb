#include "sandbox/SeededRandom.h"

namespace sms::sandbox {

std::string SeededRandom::uuid()
{
    const std::uint64_t a = next();
    const std::uint64_t b = next();
    return hexDigits(a >> 32, 8) + '-' + hexDigits((a >> 16) & 0xffff, 4) + '-' + hexDigits(0x4000 | (a & 0x0fff), 4)
        + '-' + hexDigits(0x8000 | ((b >> 48) & 0x3fff), 4) + '-' + hexDigits(b & 0xffffffffffffULL, 12);
}

std::string hexDigits(std::uint64_t value, int digits)
{
    std::string out(std::size_t(digits), '0');
    for (int i = digits - 1; i >= 0 && value != 0; --i, value >>= 4)
        out[std::size_t(i)] = "0123456789abcdef"[value & 0xf];
    return out;
}

std::string zeroPadded(std::uint64_t value, int width)
{
    std::string digits = std::to_string(value);
    if (int(digits.size()) < width)
        digits.insert(0, std::size_t(width) - digits.size(), '0');
    return digits;
}

} // namespace sms::sandbox
