#pragma once
// The .smsplan file: a whole PlanData as one JSON document (docs/plan-format.md
// describes it member by member).
//
// Writing is atomic (QSaveFile): a failed save leaves the previous file as it
// was. Reading is all or nothing: a file that is empty, cut short, not JSON,
// not a plan, from a newer planner, mistyped or against the plan's rules
// (keys, a server in one group at most) is refused whole, with a sentence that
// names the file, the problem and, where there is one, the member's path.
//
// Error codes: InvalidRequest when the file cannot be opened, read or written
// (the message carries the OS's reason); SerializationException when the
// bytes are not a plan this version can read; InvalidParameterException when
// they are, but break the plan's rules (see PlanRules.h).
//
// No credential is ever written: the format has no member for one, and the
// catalog's endpoint URL loses any user-info (and query) before it is saved.

#include "api/Result.h"
#include "models/PlanTypes.h"

#include <QString>

#include <string>
#include <string_view>

namespace sms::models {

// Bumped only when an older planner would misread a file of the new format;
// new optional members do not bump it (older planners ignore them).
inline constexpr int kPlanFormatVersion = 1;
// The "kind" member that tells a plan from any other JSON file.
inline constexpr std::string_view kPlanFileKind = "sms-migration-plan";
inline constexpr std::string_view kPlanFileSuffix = "smsplan";

// The plan as the file's text, stamped with the current time as savedAt.
std::string encodePlan(const PlanData &plan);

// The plan in `bytes`. `sourceName` names them in error messages (a path, as
// readPlanFile passes); empty means "The plan".
Result<PlanData> decodePlan(std::string_view bytes, const QString &sourceName = {});

Result<void> writePlanFile(const QString &path, const PlanData &plan);
Result<PlanData> readPlanFile(const QString &path);
// Reads and checks a plan file whole, with readPlanFile's errors, without
// keeping its catalog: Open calls it first, so that a bad file changes
// nothing and a good one is not held beside the plan it replaces.
Result<void> checkPlanFile(const QString &path);

// The endpoint as it may be stored: without user-info, query or fragment.
std::string endpointWithoutCredentials(std::string_view url);

} // namespace sms::models
