// checkPlanFile's On-Demand pass over the catalog's two bulk lists; see the header.

#include "models/CatalogListsCheck.h"
#include "models/PlanDecoder.h"
#include "models/PlanTypes.h"

#include "api/JsonCodecTraits.h"

#include <simdjson.h>

#include <bitset>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string_view>
#include <type_traits>
#include <utility>

namespace sms::models::detail {
namespace {

namespace od = simdjson::ondemand;

// A key's text when it has no escapes (the decoder compares unescaped keys;
// an escaped one is left to it).
std::optional<std::string_view> plainKey(const od::raw_json_string &key)
{
    const char *start = key.raw();
    for (const char *at = start;; ++at) {
        if (*at == '"')
            return std::string_view(start, std::size_t(at - start));
        if (*at == '\\')
            return std::nullopt;
    }
}

// Calls visit(key, field) for each member of `object`, in order, while it
// answers true; false at the first escaped key or error.
template <typename Visit>
bool forEachMember(od::object &object, Visit visit)
{
    for (auto field : object) {
        od::field member;
        if (std::move(field).get(member))
            return false;
        const auto key = plainKey(member.key());
        if (!key || !visit(*key, member))
            return false;
    }
    return true;
}

// A string value is valid. One without escapes or control characters (every
// name and path in practice) is taken as it stands: On-Demand has already
// checked its UTF-8. Any other is unescaped by simdjson, as the DOM does,
// which writes it into the parser's string buffer: the memory this pass saves.
bool checkString(od::value &value)
{
    const std::string_view token = value.raw_json_token();
    bool plain = false;
    for (std::size_t i = 1; i < token.size(); ++i) {
        const auto c = static_cast<unsigned char>(token[i]);
        if (c == '"') {
            plain = true;
            break;
        }
        if (c == '\\' || c < 0x20)
            break;
    }
    // Consumed either way: On-Demand skips a value left unread by counting
    // brackets alone, which lets a stray ":" or "," after it pass.
    if (plain) {
        od::raw_json_string raw;
        return !value.get_raw_json_string().get(raw);
    }
    std::string_view text;
    return !value.get_string().get(text);
}

// A valid null; false too for a damaged atom such as "nul", which is_null() reports as an error.
bool isNull(od::value &value)
{
    bool null = false;
    return !value.is_null().get(null) && null;
}

// Any JSON value is valid (an unknown member's, which the decoder ignores).
bool checkAnyValue(od::value value)
{
    od::json_type type;
    if (value.type().get(type))
        return false;
    switch (type) {
    case od::json_type::array: {
        od::array array;
        if (value.get_array().get(array))
            return false;
        for (auto item : array) {
            od::value element;
            if (item.get(element) || !checkAnyValue(element))
                return false;
        }
        return true;
    }
    case od::json_type::object: {
        od::object object;
        return !value.get_object().get(object) && forEachMember(object, [](std::string_view, od::field &member) {
            return checkAnyValue(member.value());
        });
    }
    case od::json_type::number: {
        od::number number;
        return !value.get_number().get(number);
    }
    case od::json_type::string:
        return checkString(value);
    case od::json_type::boolean: {
        bool flag = false;
        return !value.get_bool().get(flag);
    }
    case od::json_type::null:
        return isNull(value);
    }
    return false;
}

template <typename T>
bool checkValue(od::value value);

// A structure by its members() list, as the decoder reads it.
template <typename T>
bool checkStructure(od::value value)
{
    static T scratch{};  // members() hands out member references: only their types are used
    static const std::bitset<64> required = [] {
        std::bitset<64> bits;
        std::size_t index = 0;
        T::members(scratch, [&](const char *, auto &, api::MemberKind kind) {
            bits.set(index++, kind == api::MemberKind::Required);
        });
        return bits;
    }();
    od::object object;
    if (value.get_object().get(object))
        return false;
    std::bitset<64> seen, present;
    const bool read = forEachMember(object, [&](std::string_view key, od::field &member) {
        std::size_t index = 0;
        int found = -1;
        bool ok = true;
        T::members(scratch, [&](const char *name, auto &memberValue, api::MemberKind) {
            if (found < 0 && key == name) {
                found = int(index);
                // Two of one member: the decoder reads the first; not worth mirroring.
                if (seen.test(index)) {
                    ok = false;
                    return;
                }
                seen.set(index);
                if (isNull(member.value()))
                    return;  // null reads as absent
                present.set(index);
                using M = std::decay_t<decltype(memberValue)>;
                if constexpr (api::codec::IsOptional<M>::value)
                    ok = checkValue<typename M::value_type>(member.value());
                else
                    ok = checkValue<M>(member.value());
            }
            ++index;
        });
        return ok && (found >= 0 || checkAnyValue(member.value()));
    });
    return read && (required & ~present).none();
}

template <typename T>
bool checkValue(od::value value)
{
    if constexpr (api::codec::Structure<T>) {
        return checkStructure<T>(value);
    } else if constexpr (api::codec::IsVector<T>::value) {
        od::array array;
        if (value.get_array().get(array))
            return false;
        for (auto item : array) {
            od::value element;
            if (item.get(element) || !checkValue<typename T::value_type>(element))
                return false;
        }
        return true;
    } else if constexpr (api::codec::IsOpenEnum<T>::value || std::is_same_v<T, std::string>) {
        return checkString(value);
    } else if constexpr (std::is_same_v<T, api::Timestamp>) {
        od::number number;  // the decoder takes any number as seconds
        return !value.get_number().get(number);
    } else if constexpr (std::is_same_v<T, bool>) {
        bool flag = false;
        return !value.get_bool().get(flag);
    } else {
        static_assert(std::is_same_v<T, int>, "a member type the decoder does not know");
        std::int64_t number = 0;
        return !value.get_int64().get(number) && number >= std::numeric_limits<int>::min()
            && number <= std::numeric_limits<int>::max();
    }
}

// One list, checked item by item where it stands; `span` gets its text.
template <typename T>
bool checkList(od::document &document, od::value value, std::string_view &span)
{
    const char *open = value.raw_json_token().data();
    od::array array;
    if (value.get_array().get(array))
        return false;
    for (auto item : array) {
        od::value element;
        if (item.get(element) || !checkValue<T>(element))
            return false;
    }
    // The array is consumed: the next token (the catalog's "," or "}") follows its "]".
    const char *next = nullptr;
    if (document.current_location().get(next))
        return false;
    const char *close = next - 1;
    while (close > open && (*close == ' ' || *close == '\n' || *close == '\r' || *close == '\t'))
        --close;
    if (*close != ']')
        return false;
    span = std::string_view(open, std::size_t(close + 1 - open));
    return true;
}

// The first "catalog" member's first "servers" and "connectors" lists,
// checked; their text in `servers` and `connectors` (empty when absent).
bool checkLists(const char *data, std::size_t size, std::string_view &servers, std::string_view &connectors)
{
    od::parser parser;
    od::document document;
    od::object top;
    if (parser.iterate(simdjson::padded_string_view(data, size, size + kPlanDecodePadding)).get(document)
        || document.get_object().get(top))
        return false;
    bool catalogSeen = false;
    return forEachMember(top, [&](std::string_view key, od::field &member) {
        if (key != "catalog")
            return true;
        od::object catalog;
        if (catalogSeen || member.value().get_object().get(catalog))
            return false;
        catalogSeen = true;
        return forEachMember(catalog, [&](std::string_view name, od::field &list) {
            // A list seen twice is left to the decoder (it reads the first).
            if (name == "servers")
                return servers.empty() && checkList<api::Server>(document, list.value(), servers);
            if (name == "connectors")
                return connectors.empty() && checkList<api::Connector>(document, list.value(), connectors);
            return true;
        });
    });
}

} // namespace

bool checkAndBlankCatalogLists(char *data, std::size_t size)
{
    // Editors on Windows may start a UTF-8 file with a byte order mark.
    if (size >= 3 && std::string_view(data, 3) == "\xEF\xBB\xBF") {
        data += 3;
        size -= 3;
    }
    std::string_view servers, connectors;
    if (!checkLists(data, size, servers, connectors))
        return false;
    for (const std::string_view span : {servers, connectors}) {
        if (span.size() < 2)
            continue;
        char *at = data + (span.data() - data);
        std::memset(at, ' ', span.size());
        at[0] = '[';
        at[1] = ']';
    }
    return true;
}

} // namespace sms::models::detail
