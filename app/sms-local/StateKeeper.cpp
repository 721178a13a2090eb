#include "StateKeeper.h"

#include "sandbox/StateFile.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <limits>

namespace sms::local {

StateKeeper::StateKeeper(sandbox::SandboxEngine &engine, QString path, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_path(std::move(path))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kSaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &StateKeeper::saveNow);
}

void StateKeeper::changed()
{
    if (!m_timer.isActive())
        m_timer.start();
}

bool StateKeeper::saveNow()
{
    m_timer.stop();
    QElapsedTimer clock;
    clock.start();
    const auto saved = sandbox::saveState(m_engine.snapshot(), m_path);
    const qint64 delay = std::clamp<qint64>(clock.elapsed() * kSaveDelayFactor, kSaveDelayMs,
                                            std::numeric_limits<int>::max());
    m_timer.setInterval(int(delay));
    if (!saved)
        std::fprintf(stderr, "sms-local: %s\n", saved.error().message.c_str());
    return saved.ok();
}

} // namespace sms::local
