#pragma once
// The api types' UTF-8 text as QString, for the panes and messages that show
// it: unset text and unset enums give an empty string, an unknown enum value
// its wire text as received.

#include "api/OpenEnum.h"

#include <QString>

#include <optional>
#include <string>
#include <string_view>

namespace sms::api {

inline QString toQString(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

inline QString toQString(const std::string &text)
{
    return toQString(std::string_view(text));
}

inline QString toQString(const std::optional<std::string> &text)
{
    return text ? toQString(std::string_view(*text)) : QString();
}

template <typename E>
QString toQString(const OpenEnum<E> &value)
{
    return toQString(value.toString());
}

template <typename E>
QString toQString(const std::optional<OpenEnum<E>> &value)
{
    return value ? toQString(value->toString()) : QString();
}

} // namespace sms::api
