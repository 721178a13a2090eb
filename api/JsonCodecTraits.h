#pragma once
// Type tests shared by JsonReader.cpp and JsonWriter.cpp.

#include "api/SmsTypes.h"

#include <optional>
#include <type_traits>
#include <vector>

namespace sms::api::codec {

template <typename T>
concept Structure = requires(T &value) { T::members(value, [](auto &&...) {}); };

template <typename T>
struct IsVector : std::false_type {};
template <typename T>
struct IsVector<std::vector<T>> : std::true_type {};

template <typename T>
struct IsOptional : std::false_type {};
template <typename T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <typename T>
struct IsOpenEnum : std::false_type {};
template <typename E>
struct IsOpenEnum<OpenEnum<E>> : std::true_type {};

} // namespace sms::api::codec
