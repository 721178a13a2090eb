#include "sandbox/SandboxEngine.h"

#include "sandbox/SandboxServer.h"

#include <QDateTime>

namespace sms::sandbox {
namespace {

api::Timestamp startOf(const SandboxState &state, const EngineOptions &options)
{
    if (options.start)
        return *options.start;
    // A restarted sandbox continues at its saved time, or now if that is later.
    const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    return api::Timestamp{std::max(now, state.simulatedNow)};
}

} // namespace

SandboxEngine::SandboxEngine(SandboxState state, EngineOptions options)
    : m_state(std::move(state))
    , m_tokens(m_state.tokenSecret)
    , m_clock(startOf(m_state, options), options.timeScale, std::move(options.wallClock))
    , m_catalog(m_state, m_tokens, m_clock)
    , m_replication(m_state, m_tokens, m_clock)
    , m_views(m_state, m_replication, m_clock, options.region.toStdString())
    , m_lifecycle(m_state, m_views, m_replication, LocalBucket(options.s3Dir), m_clock)
    , m_apps(m_state, m_views, m_lifecycle, m_tokens, m_clock)
    , m_configs(m_state, m_views, m_clock)
    , m_validation(m_state, m_views, m_clock)
{
}

void SandboxEngine::advance()
{
    m_catalog.advance();
    m_replication.advance();
    m_lifecycle.advance();
}

void SandboxEngine::fastForward(double seconds)
{
    m_clock.skip(seconds);
    advance();
}

const SandboxState &SandboxEngine::snapshot()
{
    advance();
    m_state.simulatedNow = m_clock.now().epochSeconds;
    return m_state;
}

void SandboxEngine::registerWith(SandboxServer &server)
{
    m_catalog.registerWith(server);
    m_replication.registerWith(server);
    m_apps.registerWith(server);
    m_configs.registerWith(server);
    m_lifecycle.registerWith(server);
    m_validation.registerWith(server);
    server.serveObjectsFrom(m_lifecycle.bucket());
    server.setBeforeEachOperation([this] { advance(); });
}

} // namespace sms::sandbox
