#pragma once
// How far a replication run has come, from what GetReplicationRuns says of it:
// its stage's name and the progress in that stage ("45%"). SMS gives no overall
// figure, so the overall fraction is estimated from the share of a run each
// stage takes. The shares are those of sms-local (sandbox/ReplicationOperations.cpp:
// Preparing 10 %, Uploading 50 %, Converting 25 %, Creating AMI 15 %); real SMS
// may name other stages, and a stage not in the table gives no estimate rather
// than a wrong one.

#include <optional>
#include <string>
#include <string_view>

namespace sms::models {

// "45%", "45 %" or "45" as 45, clamped to 0..100; nullopt when it starts with no number.
std::optional<int> stagePercent(std::string_view stageProgress);

// The run's overall fraction done (0..1), or nullopt when the stage is not one
// we know the share of (compared case-insensitively).
std::optional<double> runFraction(std::string_view stage, std::optional<int> percent);

} // namespace sms::models
