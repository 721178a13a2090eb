#pragma once
// SandboxStartState: what the built-in sandbox starts from. The state it
// saved last time (SandboxOptions::stateFile), so a reopened plan finds its
// applications; else the seeded demo estate. A state file that cannot be read
// never stops the planner: it is kept aside as FILE.corrupt for a bug report
// and the sandbox starts over, with a notice that says so; when it cannot be
// moved, the session leaves it alone and saves nothing.

#include "sandbox/SandboxState.h"

#include <QString>

namespace sms::services {

struct SandboxOptions;

struct SandboxStartState
{
    sandbox::SandboxState state;
    bool restored = false;  // from the state file; false: the seeded estate, to be given its demo
    QString notice;         // for the user when the saved state could not be used
    // False when an unreadable state file could not be moved aside: this
    // session then saves nothing rather than overwrite it.
    bool persist = true;
};

SandboxStartState sandboxStartState(const SandboxOptions &options);

// Where the planner keeps its sandbox between runs: the platform's app-data folder.
QString defaultSandboxStatePath();

// FILE.corrupt: where a state file that could not be read is kept (FILE.corrupt.2
// and on when an earlier one is there: none is ever overwritten).
QString corruptStatePath(const QString &stateFile);

} // namespace sms::services
