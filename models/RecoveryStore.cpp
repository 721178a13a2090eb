#include "models/RecoveryStore.h"

#include "models/AtomicWrite.h"
#include "models/PlanFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace sms::models {
namespace {

const char *const kPlanSuffix = ".smsplan";
const char *const kMetaSuffix = ".json";
const char *const kLockSuffix = ".lock";

// Only names this class makes count: anything else in the folder is left alone.
bool isSessionId(const QString &id)
{
    return !QUuid::fromString(id).isNull();
}

QString newSessionId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

SmsError storeError(const QString &dir, const QString &reason)
{
    return SmsError::make(ErrorCode::InvalidRequest, "Could not keep a recovery copy of the plan in \""
                                                         + dir.toStdString() + "\": " + reason.toStdString() + ".");
}

QString lockErrorText(QLockFile::LockError error)
{
    switch (error) {
    case QLockFile::PermissionError: return QStringLiteral("permission denied");
    case QLockFile::LockFailedError: return QStringLiteral("the session's lock is held by another process");
    default: return QStringLiteral("the lock file could not be written");
    }
}

QString withThousands(std::size_t number)
{
    // Fixed separators: the summary reads the same in logs whatever the locale.
    QString digits = QString::number(number);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QLatin1Char(','));
    return digits;
}

} // namespace

QString planSummary(std::size_t applications, std::size_t servers)
{
    const auto count = [](std::size_t n, const char *one, const char *many) {
        return withThousands(n) + QLatin1Char(' ') + QLatin1String(n == 1 ? one : many);
    };
    return count(applications, "application", "applications") + QStringLiteral(", ")
        + count(servers, "server", "servers");
}

RecoveryStore::RecoveryStore(QString dir)
    : m_dir(std::move(dir)),
      m_id(newSessionId()),
      m_lock(pathFor(m_id, kLockSuffix))
{
    m_lock.setStaleLockTime(0);
    lockSession();  // save() tries again, and reports, if the folder is not writable yet
}

RecoveryStore::~RecoveryStore() = default;

QString RecoveryStore::pathFor(const QString &id, const char *suffix) const
{
    return QDir(m_dir).filePath(id + QLatin1String(suffix));
}

bool RecoveryStore::lockSession()
{
    return m_lock.isLocked() || (QDir().mkpath(m_dir) && m_lock.tryLock(0));
}

Result<void> RecoveryStore::save(const QString &originalPath, const PlanData &plan)
{
    if (!QDir().mkpath(m_dir))
        return storeError(m_dir, QStringLiteral("the folder cannot be created"));
    if (!lockSession())
        return storeError(m_dir, lockErrorText(m_lock.error()));
    if (auto written = writePlanFile(pathFor(m_id, kPlanSuffix), plan); !written)
        return written;

    QJsonObject meta;
    meta[QStringLiteral("originalPath")] = originalPath;
    meta[QStringLiteral("savedAt")] = QDateTime::currentSecsSinceEpoch();
    meta[QStringLiteral("applications")] = qint64(plan.applications.size());
    meta[QStringLiteral("servers")] = qint64(plan.catalog.servers.size());
    const QString reason = writeAtomically(pathFor(m_id, kMetaSuffix), QJsonDocument(meta).toJson(QJsonDocument::Compact));
    if (!reason.isEmpty())
        return storeError(m_dir, reason);
    return {};
}

void RecoveryStore::discard()
{
    QFile::remove(pathFor(m_id, kPlanSuffix));
    QFile::remove(pathFor(m_id, kMetaSuffix));
}

bool RecoveryStore::claim(const QString &id)
{
    if (id == m_id)
        return false;
    if (m_claims.count(id))
        return true;
    auto lock = std::make_unique<QLockFile>(pathFor(id, kLockSuffix));
    // Age never makes a lock stale here: a live window may hold one for days.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return false;
    m_claims.emplace(id, std::move(lock));
    return true;
}

RecoveryEntry RecoveryStore::entryFor(const QString &id) const
{
    RecoveryEntry entry;
    entry.id = id;
    entry.file = pathFor(id, kPlanSuffix);
    entry.savedAt = QFileInfo(entry.file).lastModified();
    // The meta file is a convenience: without it (a crash between the two
    // writes) the entry still offers the plan, with less to show.
    QFile file(pathFor(id, kMetaSuffix));
    if (!file.open(QIODevice::ReadOnly))
        return entry;
    const QJsonObject meta = QJsonDocument::fromJson(file.readAll()).object();
    entry.originalPath = meta.value(QStringLiteral("originalPath")).toString();
    if (const QJsonValue savedAt = meta.value(QStringLiteral("savedAt")); savedAt.isDouble())
        entry.savedAt = QDateTime::fromSecsSinceEpoch(savedAt.toInteger());
    const QJsonValue applications = meta.value(QStringLiteral("applications"));
    const QJsonValue servers = meta.value(QStringLiteral("servers"));
    if (applications.isDouble() && servers.isDouble())
        entry.summary = planSummary(std::size_t(std::max<qint64>(0, applications.toInteger())),
                                    std::size_t(std::max<qint64>(0, servers.toInteger())));
    return entry;
}

std::vector<RecoveryEntry> RecoveryStore::orphans()
{
    std::vector<RecoveryEntry> entries;
    const QStringList plans = QDir(m_dir).entryList({QStringLiteral("*") + QLatin1String(kPlanSuffix)}, QDir::Files);
    for (const QString &name : plans) {
        const QString id = QFileInfo(name).completeBaseName();
        if (isSessionId(id) && claim(id))
            entries.push_back(entryFor(id));
    }
    std::sort(entries.begin(), entries.end(),
              [](const RecoveryEntry &a, const RecoveryEntry &b) { return a.savedAt > b.savedAt; });
    removeLeftoverLocks();
    return entries;
}

void RecoveryStore::removeLeftoverLocks()
{
    // A session that crashed before its first save, or after a discard(),
    // leaves only its lock: nothing to offer, so it is cleared away.
    const QStringList locks = QDir(m_dir).entryList({QStringLiteral("*") + QLatin1String(kLockSuffix)}, QDir::Files);
    for (const QString &name : locks) {
        const QString id = QFileInfo(name).completeBaseName();
        if (!isSessionId(id) || id == m_id || m_claims.count(id) || QFile::exists(pathFor(id, kPlanSuffix)))
            continue;
        QLockFile lock(pathFor(id, kLockSuffix));
        lock.setStaleLockTime(0);
        if (lock.tryLock(0)) {
            QFile::remove(pathFor(id, kMetaSuffix));
            lock.unlock();  // deletes the lock file
        }
    }
}

Result<PlanData> RecoveryStore::restore(const RecoveryEntry &entry) const
{
    return readPlanFile(entry.file);
}

bool RecoveryStore::remove(const RecoveryEntry &entry)
{
    if (!isSessionId(entry.id) || !claim(entry.id))
        return false;
    QFile::remove(pathFor(entry.id, kPlanSuffix));
    QFile::remove(pathFor(entry.id, kMetaSuffix));
    m_claims.erase(entry.id);  // unlocking deletes the lock file
    return true;
}

} // namespace sms::models
