#pragma once
// SandboxStartState: what the built-in sandbox starts from. The state it
// saved last time (SandboxOptions::stateFile), so a reopened plan finds its
// applications; else the seeded demo estate. A state file that cannot be read
// never stops the planner: it is kept aside as FILE.corrupt for a bug report
// and the sandbox starts over, with a notice that says so.

#include "sandbox/SandboxState.h"

#include <QString>

namespace sms::services {

struct SandboxOptions;

struct SandboxStartState
{
    sandbox::SandboxState state;
    bool restored = false;  // from the state file; false: the seeded estate, to be given its demo
    QString notice;         // for the user when the saved state could not be used
};

SandboxStartState sandboxStartState(const SandboxOptions &options);

// Where the planner keeps its sandbox between runs: the platform's app-data folder.
QString defaultSandboxStatePath();

// FILE.corrupt: where a state file that could not be read is kept.
QString corruptStatePath(const QString &stateFile);

} // namespace sms::services
