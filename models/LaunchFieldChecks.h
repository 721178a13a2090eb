#pragma once
// The forms a launch or replication setting must have before a launch can
// use it, as pure checks: the settings editor flags a field with them as the
// user types, and PlanValidation reports them for `plan validate` and the
// Problems dock. Each says only whether a text fits; the callers word it
// (tr() in the editor, plain English in the plan's checks).

#include "api/SmsTypes.h"
#include "cloudformation/LogicalIds.h"

#include <string_view>
#include <vector>

namespace sms::models {

// EC2 resources a launch names by id: a prefix and 8 or 17 lower-case hex digits.
enum class ResourceKind { Vpc, Subnet, SecurityGroup };

std::string_view resourcePrefix(ResourceKind kind);  // "vpc-", "subnet-", "sg-"
// "vpc-0a1b2c3d" or "vpc-0123456789abcdef0".
bool isResourceId(ResourceKind kind, std::string_view text);

// CloudFormation logical ids are 1 to 255 ASCII letters and digits (sms-local's
// PutAppLaunchConfiguration refuses any other, as CloudFormation does).
using cloudformation::kMaxLogicalIdLength;
enum class LogicalIdProblem { None, Empty, TooLong, NotAlphanumeric };
LogicalIdProblem logicalIdProblem(std::string_view text);

// The forms a KMS key can be named in: a key id (a UUID, or mrk- and 32 hex
// digits for a multi-Region key), alias/NAME, or the ARN of either
// (arn:PARTITION:kms:REGION:ACCOUNT:key/ID or …:alias/NAME).
bool isKmsKeyForm(std::string_view text);

// What a launch needs besides the AMI, by member name ("instanceType",
// "subnet", "securityGroup"), that `launch` leaves unset or blank. Without
// them CloudFormation launches with the account's defaults (a default type
// in the default VPC), which a migration rarely means; the subnet names the
// VPC, so vpc is not needed.
std::vector<std::string_view> missingLaunchNeeds(const api::ServerLaunchConfiguration &launch);

} // namespace sms::models
