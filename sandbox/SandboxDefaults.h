#pragma once
// The sandbox's documented defaults (docs/user-guide.md): the key pair sms-local
// and the embedded sandbox accept unless told otherwise, and their region.
// These are public, like DynamoDB Local's: they protect nothing but the habit
// of signing requests.

namespace sms::sandbox {

inline constexpr const char *kDefaultAccessKeyId = "AKIASMSLOCALSANDBOX1";
inline constexpr const char *kDefaultSecretAccessKey = "sms-local/sandbox/secret/do-not-use-for-aws";
inline constexpr const char *kDefaultRegion = "us-east-1";

} // namespace sms::sandbox
