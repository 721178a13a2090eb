#pragma once
// Result<T>: a value or an SmsError. Errors are values in this code base; no
// exception crosses a signal. (std::expected would do, but clang 14 cannot
// compile libstdc++'s, and libFuzzer needs clang 14.)

#include "api/SmsError.h"

#include <cassert>
#include <utility>
#include <variant>

namespace sms {

template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(SmsError error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { assert(ok()); return std::get<0>(m_state); }
    T &value() & { assert(ok()); return std::get<0>(m_state); }
    T &&value() && { assert(ok()); return std::get<0>(std::move(m_state)); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const SmsError &error() const { assert(!ok()); return std::get<1>(m_state); }

private:
    std::variant<T, SmsError> m_state;
};

template <>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(SmsError error) : m_error(std::move(error)), m_ok(false) {}

    bool ok() const { return m_ok; }
    explicit operator bool() const { return ok(); }
    const SmsError &error() const { assert(!m_ok); return m_error; }

private:
    SmsError m_error;
    bool m_ok = true;
};

} // namespace sms
