#pragma once
// DemoApplications: the applications a new user finds in the GUI's embedded
// sandbox, each at another point of a migration, so that every pane has
// something true to show from the first start: one launched, one replicated,
// one replicating right now and one configured but not started. They are made
// through the engine's own operations while simulated time is fast-forwarded
// over the last two hours, so their jobs, runs, AMIs and times are real.

#include "api/Result.h"
#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"

namespace sms::services {

// The history the demo covers: the engine should start this long ago.
inline constexpr double kDemoHistorySeconds = 2 * 3600;

// Creates the demo applications; the engine's clock must start
// kDemoHistorySeconds before now, and is brought to now.
Result<void> addDemoApplications(sandbox::SandboxEngine &engine, sandbox::SandboxServer &server);

} // namespace sms::services
