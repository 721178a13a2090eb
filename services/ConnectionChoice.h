#pragma once
// ConnectionChoice: where the planner connects when it starts. With
// --sandbox, or when the user named nothing (no profile, no endpoint) and no
// AWS credentials exist anywhere in the SDK chain, it is the embedded local
// sandbox (SandboxHost), with the reason to show in the window. Otherwise it
// is the endpoint ConnectionResolver resolves, or that resolver's error: a
// user who named a profile or endpoint is never moved to the sandbox silently.

#include "services/ConnectionResolver.h"

namespace sms::services {

// Why the planner works against the sandbox; the window words each its own way.
// As chooseConnection's argument: whether (and where) the user asked for it.
enum class SandboxReason { NotAsked, CommandLine, ConnectDialog, NoCredentials };

// The user asked for the sandbox (rather than the planner falling back to it).
inline bool asksForSandbox(SandboxReason asked)
{
    return asked == SandboxReason::CommandLine || asked == SandboxReason::ConnectDialog;
}

struct ConnectionChoice
{
    bool sandbox = false;
    SandboxReason reason = SandboxReason::NotAsked;  // why the sandbox
    client::ClientConfig config; // the endpoint's, when not the sandbox
};

// May run a profile's credential_process: keep it off the GUI thread.
Result<ConnectionChoice> chooseConnection(const ConnectionRequest &request, SandboxReason asked);

} // namespace sms::services
