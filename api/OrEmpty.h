#pragma once
// An optional member of an API value, read in place: the value, or an empty
// one of its type. `value_or(T{})` would copy a whole list of servers.

#include <optional>

namespace sms::api {

template <typename T>
const T &orEmpty(const std::optional<T> &value)
{
    static const T empty{};
    return value ? *value : empty;
}

} // namespace sms::api
