#include "TimestampText.h"

#include "api/SmsTypes.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>
#include <set>
#include <type_traits>

namespace sms::cli {
namespace {

template <typename T>
struct IsTimestamp : std::is_same<T, api::Timestamp> {};
template <typename T>
struct IsTimestamp<std::optional<T>> : IsTimestamp<T> {};

// Every member of every SMS structure whose type is a Timestamp. The model
// never uses one name for a timestamp and for something else.
std::set<std::string, std::less<>> timestampMembers()
{
    std::set<std::string, std::less<>> names;
    const auto collect = [&names](const char *name, auto &field, api::MemberKind) {
        if constexpr (IsTimestamp<std::remove_cvref_t<decltype(field)>>::value)
            names.insert(name);
    };
#define SMS_COLLECT_TIMESTAMPS(Type)                                                                              \
    {                                                                                                             \
        api::Type value;                                                                                          \
        api::Type::members(value, collect);                                                                       \
    }
    SMS_FOR_EACH_STRUCTURE(SMS_COLLECT_TIMESTAMPS)
#undef SMS_COLLECT_TIMESTAMPS
    return names;
}

} // namespace

bool isTimestampMember(std::string_view name)
{
    static const auto names = timestampMembers();
    return names.find(name) != names.end();
}

std::string isoTimestamp(double epochSeconds)
{
    const double whole = std::floor(epochSeconds);
    const auto micros = qint64(std::llround((epochSeconds - whole) * 1e6));
    const QDateTime local = QDateTime::fromSecsSinceEpoch(qint64(whole) + micros / 1'000'000, QTimeZone::systemTimeZone());
    QString text = local.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
    if (micros % 1'000'000 != 0)
        text += QStringLiteral(".%1").arg(micros % 1'000'000, 6, 10, QLatin1Char('0'));
    const int offset = local.offsetFromUtc();
    text += QStringLiteral("%1%2:%3")
                .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return text.toStdString();
}

} // namespace sms::cli
