#include "services/SandboxStartState.h"

#include "sandbox/EstateGenerator.h"
#include "sandbox/StateFile.h"
#include "services/SandboxHost.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace sms::services {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::services)
};

sandbox::SandboxState seeded(const SandboxOptions &options)
{
    return sandbox::SandboxState::fromEstate(sandbox::generateEstate(options.servers, options.seed), options.seed);
}

// Moves the unreadable file out of the way, never over an earlier one, so
// that the next save does not overwrite the evidence. The path it went to;
// empty when it could not be moved.
QString setAside(const QString &path)
{
    QString aside = corruptStatePath(path);
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = corruptStatePath(path) + QLatin1Char('.') + QString::number(n);
    return QFile::rename(path, aside) ? aside : QString();
}

} // namespace

QString defaultSandboxStatePath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("sandbox-state.jsonl"));
}

QString corruptStatePath(const QString &stateFile)
{
    return stateFile + QStringLiteral(".corrupt");
}

SandboxStartState sandboxStartState(const SandboxOptions &options)
{
    if (options.stateFile.isEmpty() || !QFileInfo::exists(options.stateFile))
        return {seeded(options), false, {}};
    auto loaded = sandbox::loadState(options.stateFile);
    if (loaded)
        return {std::move(loaded).value(), true, {}};
    QString why = QString::fromStdString(loaded.error().message).trimmed();
    if (!why.endsWith(QLatin1Char('.')))
        why += QLatin1Char('.');
    QString notice = Text::tr("The local sandbox's saved state could not be read: %1").arg(why);
    const QString aside = setAside(options.stateFile);
    if (aside.isEmpty()) {
        notice += QLatin1Char(' ')
                + Text::tr("It could not be moved aside, so this session saves nothing over it. The sandbox starts "
                           "over from its demo estate.");
        return {seeded(options), false, notice, false};
    }
    notice += QLatin1Char(' ') + Text::tr("It was kept as %1.").arg(QDir::toNativeSeparators(aside)) + QLatin1Char(' ')
            + Text::tr("The sandbox starts over from its demo estate.");
    return {seeded(options), false, notice};
}

} // namespace sms::services
