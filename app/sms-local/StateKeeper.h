#pragma once
// StateKeeper: saves sms-local's state (--state FILE) shortly after each
// change, coalescing a burst of requests into one write, and once more on
// exit. A save that fails is reported on stderr and retried at the next change.
//
// A save re-serialises the whole state (tens of MB at 100,000 servers), so the
// delay adapts: the larger of kSaveDelayMs and kSaveDelayFactor times the
// duration of the last save. Under a steady stream of changes saving then takes
// at most about a tenth of the event loop's time.

#include "sandbox/SandboxEngine.h"

#include <QObject>
#include <QTimer>

namespace sms::local {

class StateKeeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int kSaveDelayMs = 200;
    static constexpr int kSaveDelayFactor = 10;

    StateKeeper(sandbox::SandboxEngine &engine, QString path, QObject *parent = nullptr);

    void changed();
    bool saveNow();

private:
    sandbox::SandboxEngine &m_engine;
    QString m_path;
    QTimer m_timer;
};

} // namespace sms::local
