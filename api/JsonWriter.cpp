// Typed values -> text, written straight into one string. The layout matches
// nlohmann::json::dump(indent), so output looks the same whichever side wrote it.

#include "api/JsonCodec.h"
#include "api/JsonCodecTraits.h"

#include <charconv>
#include <cmath>
#include <cstdint>

namespace sms::api {
namespace codec {
namespace {

class Writer
{
public:
    Writer(std::string &out, int indent, int depth) : m_out(out), m_indent(indent), m_depth(depth) {}

    template <typename T>
    void write(const T &value)
    {
        if constexpr (Structure<T>) {
            writeStructure(value);
        } else if constexpr (IsVector<T>::value) {
            if (value.empty()) {
                m_out += "[]";
                return;
            }
            m_out += '[';
            ++m_depth;
            for (size_t i = 0; i < value.size(); ++i) {
                if (i > 0)
                    m_out += ',';
                newline();
                write(value[i]);
            }
            --m_depth;
            newline();
            m_out += ']';
        } else if constexpr (IsOpenEnum<T>::value) {
            writeString(value.toString());
        } else if constexpr (std::is_same_v<T, std::string>) {
            writeString(value);
        } else if constexpr (std::is_same_v<T, bool>) {
            m_out += value ? "true" : "false";
        } else if constexpr (std::is_same_v<T, Timestamp>) {
            // Whole seconds as integers while exact; JSON has no NaN or infinity.
            if (!std::isfinite(value.epochSeconds))
                m_out += "null";
            else if (value.isWholeSecond() && std::abs(value.epochSeconds) < 0x1p53)
                writeNumber(static_cast<std::int64_t>(value.epochSeconds));
            else
                writeNumber(value.epochSeconds);
        } else {
            static_assert(std::is_same_v<T, int>, "a member type the codec does not know");
            writeNumber(value);
        }
    }

private:
    template <typename T>
    void writeStructure(const T &value)
    {
        m_out += '{';
        ++m_depth;
        bool first = true;
        T::members(value, [&](const char *name, const auto &member, MemberKind) {
            using M = std::decay_t<decltype(member)>;
            if constexpr (IsOptional<M>::value) {
                if (!member)
                    return;
            }
            if (!first)
                m_out += ',';
            first = false;
            newline();
            writeString(name);
            m_out += m_indent > 0 ? ": " : ":";
            if constexpr (IsOptional<M>::value)
                write(*member);
            else
                write(member);
        });
        --m_depth;
        if (!first)
            newline();
        m_out += '}';
    }

    void newline()
    {
        if (m_indent <= 0)
            return;
        m_out += '\n';
        m_out.append(size_t(m_depth * m_indent), ' ');
    }

    template <typename N>
    void writeNumber(N number)
    {
        char buffer[32];
        const auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
        m_out.append(buffer, result.ptr);
    }

    void writeString(std::string_view text)
    {
        static constexpr char kHex[] = "0123456789abcdef";
        m_out += '"';
        size_t plainFrom = 0;
        for (size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x20 && c != '"' && c != '\\')
                continue;
            m_out.append(text.substr(plainFrom, i - plainFrom));
            plainFrom = i + 1;
            switch (c) {
            case '"': m_out += "\\\""; break;
            case '\\': m_out += "\\\\"; break;
            case '\b': m_out += "\\b"; break;
            case '\f': m_out += "\\f"; break;
            case '\n': m_out += "\\n"; break;
            case '\r': m_out += "\\r"; break;
            case '\t': m_out += "\\t"; break;
            default:
                m_out += "\\u00";
                m_out += kHex[c >> 4];
                m_out += kHex[c & 0xF];
            }
        }
        m_out.append(text.substr(plainFrom));
        m_out += '"';
    }

    std::string &m_out;
    int m_indent;
    int m_depth;
};

} // namespace
} // namespace codec

template <typename T>
void serializeInto(std::string &out, const T &value, int indent, int depth)
{
    codec::Writer(out, indent, depth).write(value);
}

#define SMS_INSTANTIATE_SERIALIZE(Type) template void serializeInto<Type>(std::string &, const Type &, int, int);
SMS_FOR_EACH_STRUCTURE(SMS_INSTANTIATE_SERIALIZE)
#undef SMS_INSTANTIATE_SERIALIZE

} // namespace sms::api
