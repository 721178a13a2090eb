#include "sandbox/StateKeeper.h"

#include "sandbox/SandboxServer.h"
#include "sandbox/StateFile.h"

#include <QElapsedTimer>

#include <algorithm>
#include <limits>

namespace sms::sandbox {
namespace {

bool changesState(std::string_view operation)
{
    return !operation.starts_with("Get") && !operation.starts_with("List");
}

} // namespace

StateKeeper::StateKeeper(SandboxEngine &engine, QString path, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_path(std::move(path))
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kSaveDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &StateKeeper::saveNow);
}

void StateKeeper::watch(SandboxServer &server)
{
    server.setAfterEachOperation([this](std::string_view operation) {
        if (changesState(operation))
            changed();
    });
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
    const auto saved = saveState(m_engine.snapshot(), m_path);
    const qint64 delay = std::clamp<qint64>(clock.elapsed() * kSaveDelayFactor, kSaveDelayMs,
                                            std::numeric_limits<int>::max());
    m_timer.setInterval(int(delay));
    if (!saved)
        Q_EMIT saveFailed(saved.error());
    return saved.ok();
}

} // namespace sms::sandbox
