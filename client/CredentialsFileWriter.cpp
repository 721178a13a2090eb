#include "client/CredentialsFileWriter.h"

#include "client/SharedConfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace sms::client {
namespace {

const QString kKeyId = QStringLiteral("aws_access_key_id");
const QString kSecret = QStringLiteral("aws_secret_access_key");
const QString kToken = QStringLiteral("aws_session_token");

// `[name]` → name; nothing for other lines.
std::optional<QString> sectionOf(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    if (!trimmed.startsWith(u'[') || !trimmed.endsWith(u']'))
        return std::nullopt;
    return trimmed.mid(1, trimmed.size() - 2).trimmed().toString();
}

// The lower-cased key of a `key = value` line; empty for anything else.
QString keyOf(QStringView line)
{
    if (line.isEmpty() || line.front().isSpace())
        return {};  // a continuation line belongs to the key above
    const qsizetype equals = line.indexOf(u'=');
    return equals < 0 ? QString() : line.left(equals).trimmed().toString().toLower();
}

SmsError writeError(const QString &path, const QString &why)
{
    return SmsError::make(ErrorCode::InvalidConfiguration,
                          QStringLiteral("Could not save the access key in %1: %2")
                              .arg(QDir::toNativeSeparators(path), why)
                              .toStdString());
}

} // namespace

QString profileNameProblem(const QString &name)
{
    if (name.trimmed().isEmpty())
        return QStringLiteral("empty");
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@+-]*$"));
    if (!allowed.match(name).hasMatch())
        return QStringLiteral("letters, digits and . _ @ + - only");
    return {};
}

QString withProfileKeys(const QString &text, const ProfileKeys &keys)
{
    const QStringList pair{kKeyId + QStringLiteral(" = ") + keys.accessKeyId,
                           kSecret + QStringLiteral(" = ") + keys.secretAccessKey};
    QStringList lines = text.isEmpty() ? QStringList() : text.split(u'\n');
    if (!lines.isEmpty() && lines.back().isEmpty())
        lines.removeLast();  // the final newline; put back below
    QStringList out;
    bool inProfile = false;
    bool written = false;
    for (const QString &line : std::as_const(lines)) {
        if (const auto section = sectionOf(line)) {
            inProfile = *section == keys.profile;
            out << line;
            if (inProfile && !written) {
                out << pair;
                written = true;
            }
            continue;
        }
        const QString key = inProfile ? keyOf(line) : QString();
        if (key == kKeyId || key == kSecret || key == kToken)
            continue;  // the old pair, and a token that went with it
        out << line;
    }
    if (!written) {
        if (!out.isEmpty() && !out.back().trimmed().isEmpty())
            out << QString();
        out << QLatin1Char('[') + keys.profile + QLatin1Char(']') << pair;
    }
    return out.join(u'\n') + u'\n';
}

Result<void> writeProfileKeys(const AwsEnvironment &environment, const ProfileKeys &keys)
{
    const QString path = SharedConfig::credentialsFilePath(environment);
    if (const QString problem = profileNameProblem(keys.profile); !problem.isEmpty())
        return writeError(path, QStringLiteral("the profile name '%1' is not usable (%2).").arg(keys.profile, problem));
    for (const QString *value : {&keys.accessKeyId, &keys.secretAccessKey}) {
        if (value->isEmpty() || value->contains(u'\n') || value->contains(u'\r') || *value != value->trimmed())
            return writeError(path, QStringLiteral("a key is empty or has blanks or line breaks around it."));
    }

    QString text;
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return writeError(path, existing.errorString());
        text = QString::fromUtf8(existing.readAll());
    } else {
        const QString folder = QFileInfo(path).absolutePath();
        const bool made = !QFileInfo::exists(folder);
        if (!QDir().mkpath(folder))
            return writeError(path, QStringLiteral("the folder could not be made."));
        // Only a folder made here: one that was there may be shared on purpose.
        if (made)
            QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    // Before the first byte: the secret is never readable by others, not even in the temporary file.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return writeError(path, QStringLiteral("its permissions could not be set to owner-only."));
    file.write(withProfileKeys(text, keys).toUtf8());
    if (!file.commit())
        return writeError(path, file.errorString());
    return {};
}

} // namespace sms::client
