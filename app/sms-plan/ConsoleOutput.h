#pragma once
// Text to standard output or error, flushed at once (a script reading the
// output sees each line as it is written).

#include <cstdio>
#include <string>

namespace sms::cli {

inline void writeOut(const std::string &text, FILE *stream)
{
    std::fwrite(text.data(), 1, text.size(), stream);
    std::fflush(stream);
}

} // namespace sms::cli
