#include "client/AwsConfigFile.h"

#include "client/ConfigurationError.h"

#include <QFile>
#include <QFileInfo>

#include <optional>

namespace sms::client {
namespace {

bool isCommentStart(QChar c) { return c == u'#' || c == u';'; }

// The SDK file-format spec: `#` or `;` starts an inline comment only after
// whitespace, so values such as `a#b` survive.
QStringView stripInlineComment(QStringView value)
{
    for (qsizetype i = 1; i < value.size(); ++i) {
        if (isCommentStart(value[i]) && value[i - 1].isSpace())
            return value.left(i);
    }
    return value;
}

// The profile a section header names, or nothing for sections that are not
// profiles (`[sso-session x]`, `[services x]`, or `[x]` in the config file).
std::optional<QString> profileNameOf(QStringView header, AwsConfigFile::Kind kind)
{
    const QStringView name = header.trimmed();
    if (name.isEmpty())
        return std::nullopt;
    if (kind == AwsConfigFile::Kind::Credentials)
        return name.toString(); // botocore takes credentials sections literally
    if (name == u"default")
        return name.toString();
    constexpr QStringView prefix = u"profile";
    if (name.startsWith(prefix) && name.size() > prefix.size() && name[prefix.size()].isSpace()) {
        const QStringView rest = name.mid(prefix.size()).trimmed();
        if (!rest.isEmpty())
            return rest.toString();
    }
    return std::nullopt;
}

} // namespace

AwsConfigFile AwsConfigFile::parse(QStringView text, Kind kind)
{
    AwsConfigFile file;

    AwsProfileSettings *section = nullptr; // null while outside any profile section
    QString lastKey;                       // property an indented line continues
    bool lastKeyOpensSubsection = false;

    for (QStringView line : text.split(u'\n')) {
        if (line.endsWith(u'\r'))
            line.chop(1);
        const QStringView trimmed = line.trimmed();
        if (trimmed.isEmpty() || isCommentStart(trimmed.front()))
            continue;

        const bool indented = line.front().isSpace();
        if (indented && section && !lastKey.isEmpty()) {
            if (lastKeyOpensSubsection) {
                const qsizetype eq = trimmed.indexOf(u'=');
                if (eq > 0) {
                    const QString key = trimmed.left(eq).trimmed().toString().toLower();
                    (*section)[lastKey + u'.' + key] =
                        stripInlineComment(trimmed.mid(eq + 1)).trimmed().toString();
                }
            } else {
                QString &value = (*section)[lastKey];
                value += u'\n' + stripInlineComment(trimmed).trimmed().toString();
            }
            continue;
        }

        lastKey.clear();
        if (trimmed.front() == u'[') {
            const qsizetype close = trimmed.indexOf(u']');
            const auto name = close > 0 ? profileNameOf(trimmed.mid(1, close - 1), kind)
                                        : std::nullopt;
            // Repeated sections merge; their later keys override earlier ones.
            section = name ? &file.m_profiles[*name] : nullptr;
            continue;
        }
        if (!section)
            continue;

        const qsizetype eq = trimmed.indexOf(u'=');
        if (eq <= 0)
            continue; // tolerated like the SDKs do: not a property
        const QString key = trimmed.left(eq).trimmed().toString().toLower();
        const QString value = stripInlineComment(trimmed.mid(eq + 1)).trimmed().toString();
        // A redefinition replaces the whole old value, sub-section included.
        const QString subPrefix = key + u'.';
        for (auto it = section->begin(); it != section->end();)
            it = it.key().startsWith(subPrefix) ? section->erase(it) : std::next(it);
        (*section)[key] = value;
        lastKey = key;
        lastKeyOpensSubsection = value.isEmpty();
    }
    return file;
}

Result<AwsConfigFile> AwsConfigFile::load(const QString &path, Kind kind)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        AwsConfigFile empty;
        empty.m_path = path;
        return empty;
    }
    QFile file(path);
    if (info.isDir() || !file.open(QIODevice::ReadOnly)) {
        const QString why = info.isDir() ? QStringLiteral("it is a directory") : file.errorString();
        return configurationError(QStringLiteral("Cannot read AWS %1 file '%2': %3")
                                      .arg(kind == Kind::Credentials ? QStringLiteral("credentials")
                                                                     : QStringLiteral("config"),
                                           path, why));
    }
    QString text = QString::fromUtf8(file.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1); // editors on Windows like to add a BOM
    AwsConfigFile parsed = parse(text, kind);
    parsed.m_path = path;
    parsed.m_exists = true;
    return parsed;
}

} // namespace sms::client
