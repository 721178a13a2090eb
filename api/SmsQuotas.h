#pragma once
// SMS's service quotas, which the API model does not carry: sms-local
// enforces them (sandbox::Limits starts from these) and the plan's checks
// name them before an apply would be refused.

namespace sms::api {

inline constexpr int kServerGroupsPerApplication = 10;
inline constexpr int kServersPerApplication = 50;
inline constexpr int kConcurrentApplicationMigrations = 50;

} // namespace sms::api
