#pragma once
// RecoveryStore: crash recovery for one editing session (one window). The
// window decides when to save (a timer after edits); this class only keeps
// the files, and finds those that a crashed or killed session left behind.
//
// Layout of the directory (the app passes AppDataLocation + "/recovery"),
// per session id (a QUuid without braces):
//   <id>.lock     QLockFile, held for as long as the store lives. Stale lock
//                 time 0: only a dead owner (same host, PID gone or reused by
//                 another program, or a reboot) frees it, never its age, so
//                 a window left open for days keeps its files.
//   <id>.smsplan  the plan as last saved, in the plan file format, written
//                 atomically like any plan file.
//   <id>.json     what an offer to restore shows without reading the plan:
//                 {"originalPath", "savedAt" (epoch seconds), "applications",
//                  "servers"}. Written after the plan.
// A session's .smsplan whose lock no living process holds is an orphan.
//
// orphans() claims what it returns (holds each one's lock) until remove() or
// until the store is destroyed, so two windows started together never offer
// the same orphan, and a running window's files are never anyone's orphan.
// Destroying the store releases its lock but keeps its files: call discard()
// on a clean close, or the next start offers them back.

#include "api/Result.h"
#include "models/PlanTypes.h"

#include <QDateTime>
#include <QLockFile>
#include <QString>

#include <map>
#include <memory>
#include <vector>

namespace sms::models {

struct RecoveryEntry
{
    QString id;            // the session's id
    QString file;          // <dir>/<id>.smsplan
    QString originalPath;  // the plan file it stands for; empty for an untitled plan
    QDateTime savedAt;
    QString summary;       // "3 applications, 100,000 servers"; empty when unknown
};

class RecoveryStore
{
public:
    explicit RecoveryStore(QString dir);
    ~RecoveryStore();
    RecoveryStore(const RecoveryStore &) = delete;
    RecoveryStore &operator=(const RecoveryStore &) = delete;

    QString directory() const { return m_dir; }
    QString sessionId() const { return m_id; }

    // Replaces this session's recovery copy of the plan at `originalPath`.
    Result<void> save(const QString &originalPath, const PlanData &plan);
    // Drops this session's copy: after the plan was saved, or on a clean close.
    void discard();

    // What other sessions left behind, newest first; claimed (see above).
    std::vector<RecoveryEntry> orphans();
    Result<PlanData> restore(const RecoveryEntry &entry) const;
    // Deletes an orphan's files. False when a running session owns them.
    bool remove(const RecoveryEntry &entry);

private:
    QString pathFor(const QString &id, const char *suffix) const;
    bool lockSession();
    bool claim(const QString &id);
    RecoveryEntry entryFor(const QString &id) const;
    void removeLeftoverLocks();

    QString m_dir;
    QString m_id;
    QLockFile m_lock;
    std::map<QString, std::unique_ptr<QLockFile>> m_claims;
};

// "1 application, 100,000 servers": for an offer to restore or a status line.
QString planSummary(std::size_t applications, std::size_t servers);

} // namespace sms::models
