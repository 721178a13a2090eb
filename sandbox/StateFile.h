#pragma once
// StateFile: sms-local --state FILE. The whole SandboxState as JSON lines
// (everything but the server catalog, then a line per server), written
// atomically (QSaveFile), so a crash mid-save leaves the
// previous state whole and a restart continues where the last save stopped.
// A file that is not a state, is corrupt, or comes from a newer sms-local is
// refused with a message naming the problem; it is never overwritten then.

#include "api/Result.h"
#include "sandbox/SandboxState.h"

#include <QString>

namespace sms::sandbox {

inline constexpr int kStateFormatVersion = 1;

Result<void> saveState(const SandboxState &state, const QString &path);
Result<SandboxState> loadState(const QString &path);

// The same, to and from text (for tests).
std::string stateToText(const SandboxState &state);
Result<SandboxState> stateFromText(std::string_view text, const QString &sourceName);

} // namespace sms::sandbox
