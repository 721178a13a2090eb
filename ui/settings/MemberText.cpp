#include "ui/settings/MemberText.h"

#include <QDateTime>

#include <cmath>

namespace sms::ui {
namespace {

QString toText(const std::string &text)
{
    return QString::fromStdString(text);
}

QString toText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString toText(int value)
{
    return QString::number(value);
}

QString toText(const api::Timestamp &time)
{
    return QDateTime::fromSecsSinceEpoch(std::llround(time.epochSeconds)).toString(QLatin1String(kSeedTimeFormat));
}

template <typename E>
QString toText(const api::OpenEnum<E> &value)
{
    const std::string_view text = value.toString();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

QString toText(const api::S3Location &location)
{
    return QStringLiteral("s3://%1/%2")
        .arg(QString::fromStdString(location.bucket.value_or(std::string())),
             QString::fromStdString(location.key.value_or(std::string())));
}

QString toText(const api::UserData &userData)
{
    return toText(userData.s3Location.value_or(api::S3Location{}));
}

bool parse(const QString &text, std::string &out)
{
    out = text.toStdString();
    return !text.isEmpty();
}

bool parse(const QString &text, bool &out)
{
    if (text != QLatin1String("true") && text != QLatin1String("false"))
        return false;
    out = text == QLatin1String("true");
    return true;
}

bool parse(const QString &text, int &out)
{
    bool ok = false;
    out = text.toInt(&ok);
    return ok;
}

bool parse(const QString &text, api::Timestamp &out)
{
    const QDateTime time = QDateTime::fromString(text, QLatin1String(kSeedTimeFormat));
    if (!time.isValid())
        return false;
    out = api::Timestamp{double(time.toSecsSinceEpoch())};
    return true;
}

template <typename E>
bool parse(const QString &text, api::OpenEnum<E> &out)
{
    out = api::OpenEnum<E>::fromString(text.toStdString());
    return out.isKnown();
}

// s3://bucket/key: a bucket and a key, both given.
bool parse(const QString &text, api::S3Location &out)
{
    const QLatin1String scheme("s3://");
    if (!text.startsWith(scheme))
        return false;
    const QString path = text.mid(scheme.size());
    const qsizetype slash = path.indexOf(QLatin1Char('/'));
    if (slash <= 0 || slash + 1 == path.size())
        return false;
    out.bucket = path.left(slash).toStdString();
    out.key = path.mid(slash + 1).toStdString();
    return true;
}

bool parse(const QString &text, api::UserData &out)
{
    api::S3Location location;
    if (!parse(text, location))
        return false;
    out.s3Location = std::move(location);
    return true;
}

// The launch configuration's `server` is no setting.
QString toText(const api::Server &)
{
    return {};
}

bool parse(const QString &, api::Server &)
{
    return false;
}

template <typename T>
std::optional<QString> textOf(const T &settings, std::string_view member)
{
    std::optional<QString> text;
    T::members(settings, [&](const char *name, const auto &value, api::MemberKind) {
        if (name == member && value)
            text = toText(*value);
    });
    return text;
}

template <typename T>
bool setText(T &settings, std::string_view member, const QString &text)
{
    bool ok = false;
    const QString trimmed = text.trimmed();
    T::members(settings, [&](const char *name, auto &value, api::MemberKind) {
        if (name != member)
            return;
        typename std::decay_t<decltype(value)>::value_type parsed{};
        ok = parse(trimmed, parsed);
        if (ok)
            value = std::move(parsed);
    });
    return ok;
}

template <typename T>
void clear(T &settings, std::string_view member)
{
    T::members(settings, [&](const char *name, auto &value, api::MemberKind) {
        if (name == member)
            value.reset();
    });
}

} // namespace

std::optional<QString> memberText(const api::ServerLaunchConfiguration &launch, std::string_view member)
{
    return textOf(launch, member);
}

std::optional<QString> memberText(const api::ServerReplicationParameters &replication, std::string_view member)
{
    return textOf(replication, member);
}

bool setMemberText(api::ServerLaunchConfiguration &launch, std::string_view member, const QString &text)
{
    return setText(launch, member, text);
}

bool setMemberText(api::ServerReplicationParameters &replication, std::string_view member, const QString &text)
{
    return setText(replication, member, text);
}

void clearMember(api::ServerLaunchConfiguration &launch, std::string_view member)
{
    clear(launch, member);
}

void clearMember(api::ServerReplicationParameters &replication, std::string_view member)
{
    clear(replication, member);
}

} // namespace sms::ui
