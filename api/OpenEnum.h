#pragma once
// OpenEnum<E>: an SMS enum value that may be one this build does not know.
// The service adds enum values over time; an unknown one is kept as its text
// so that it survives a round trip instead of being dropped or crashing.

#include <algorithm>
#include <string>
#include <string_view>

namespace sms::api {

// Specialised per enum in SmsEnums.h: typeName and the wire names, in the
// order of the enumerators (E::Unknown comes last and has no name).
template <typename E>
struct EnumTraits;

template <typename E>
class OpenEnum
{
public:
    OpenEnum() = default;
    OpenEnum(E value) : m_value(value) {}

    static OpenEnum fromString(std::string_view text)
    {
        const auto &names = EnumTraits<E>::names;
        const auto it = std::find(names.begin(), names.end(), text);
        OpenEnum result;
        if (it != names.end())
            result.m_value = static_cast<E>(it - names.begin());
        else
            result.m_unknownText = std::string(text);
        return result;
    }

    E value() const { return m_value; }
    bool isKnown() const { return m_value != E::Unknown; }

    // The wire text: the known name, or the unknown text exactly as received.
    std::string_view toString() const
    {
        return isKnown() ? EnumTraits<E>::names[static_cast<std::size_t>(m_value)]
                         : std::string_view(m_unknownText);
    }

    bool operator==(const OpenEnum &) const = default;
    bool operator==(E value) const { return m_value == value && isKnown(); }

private:
    E m_value = E::Unknown;
    std::string m_unknownText;
};

} // namespace sms::api
