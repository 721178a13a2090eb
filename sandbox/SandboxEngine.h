#pragma once
// SandboxEngine: the whole of sms-local's behaviour in one object: the state,
// the simulation clock, page tokens and the operation classes, wired so that
// every request first brings the simulation up to now. sms-local and the
// GUI's in-process sandbox (services/SandboxHost) both serve through it.

#include "sandbox/AppConfigOperations.h"
#include "sandbox/AppLifecycleOperations.h"
#include "sandbox/AppOperations.h"
#include "sandbox/AppValidationOperations.h"
#include "sandbox/AppViews.h"
#include "sandbox/CatalogOperations.h"
#include "sandbox/ReplicationOperations.h"
#include "sandbox/SandboxState.h"

#include <QString>

namespace sms::sandbox {

class SandboxServer;

struct EngineOptions
{
    double timeScale = 1.0;
    QString s3Dir;  // where GenerateTemplate and GenerateChangeSet write
    QString region = QStringLiteral("us-east-1");  // the region it stands for, in ARNs
    // Simulated time starts here; by default at the later of now and the state's own time.
    std::optional<api::Timestamp> start;
    SimulationClock::WallClock wallClock;  // tests step time with their own
};

class SandboxEngine
{
public:
    SandboxEngine(SandboxState state, EngineOptions options);

    // Serves all 35 operations, and reads of its bucket, through `server`; the
    // engine must outlive it.
    void registerWith(SandboxServer &server);
    // Brings replication runs and launches up to the clock's now.
    void advance();
    // Jumps simulated time forward by `seconds` and advances to it.
    void fastForward(double seconds);

    SandboxState &state() { return m_state; }
    const SimulationClock &clock() const { return m_clock; }
    const LocalBucket &bucket() const { return m_lifecycle.bucket(); }
    // The state as it should be saved: its simulated time set to now.
    const SandboxState &snapshot();

private:
    SandboxState m_state;
    PageTokens m_tokens;
    SimulationClock m_clock;
    CatalogOperations m_catalog;
    ReplicationOperations m_replication;
    AppViews m_views;
    AppLifecycleOperations m_lifecycle;
    AppOperations m_apps;
    AppConfigOperations m_configs;
    AppValidationOperations m_validation;
};

} // namespace sms::sandbox
