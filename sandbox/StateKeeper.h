#pragma once
// StateKeeper: keeps a SandboxEngine's state in a file (sms-local --state, the
// planner's built-in sandbox): saved shortly after each change, a burst of
// requests coalesced into one write, and once more when asked (on exit). A
// save that fails is reported through saveFailed() and retried at the next
// change.
//
// A save re-serialises the whole state (tens of MB at 100,000 servers), so the
// delay adapts: the larger of kSaveDelayMs and kSaveDelayFactor times the
// duration of the last save. Under a steady stream of changes saving then takes
// at most about a tenth of the event loop's time.

#include "api/SmsError.h"
#include "sandbox/SandboxEngine.h"

#include <QObject>
#include <QTimer>

#include <string_view>

namespace sms::sandbox {

class SandboxServer;

class StateKeeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSaveDelayMs = 200;
    static constexpr int kSaveDelayFactor = 10;

    StateKeeper(SandboxEngine &engine, QString path, QObject *parent = nullptr);

    // Saves after each of `server`'s operations that may have changed the
    // state (Get* and List* change nothing).
    void watch(SandboxServer &server);
    void changed();
    bool saveNow();
    const QString &path() const { return m_path; }

Q_SIGNALS:
    void saveFailed(const sms::SmsError &error);

private:
    SandboxEngine &m_engine;
    QString m_path;
    QTimer m_timer;
};

} // namespace sms::sandbox
