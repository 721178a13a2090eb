#pragma once
// CloudFormationTemplate: the template GenerateTemplate and GenerateChangeSet
// write for an app. One AWS::EC2::Instance per server, from its replicated AMI
// and launch configuration; server groups launch in ascending launchOrder
// (DependsOn); each instance's id and private IP are outputs. Pure: values in,
// a JSON tree or its text out, no I/O, so the operations stay thin.

#include "api/JsonCodec.h"
#include "api/Result.h"
#include "api/SmsEnums.h"
#include "api/SmsTypes.h"

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace sms::cloudformation {

inline constexpr const char *kDefaultInstanceType = "t3.medium";

// CloudFormation's quotas per template; each instance takes two outputs.
inline constexpr std::size_t kMaxTemplateOutputs = 200;
inline constexpr std::size_t kMaxTemplateInstances = kMaxTemplateOutputs / 2;

struct TemplateInput
{
    api::AppSummary app;                                // appId, name, description
    std::vector<api::ServerGroup> serverGroups;         // the app's servers, with their VM names
    std::vector<api::Tag> tags;                         // the app's tags, put on every instance
    api::GetAppLaunchConfigurationResponse launch;      // may be empty
    std::map<std::string, std::string> amiByServerId;   // latest AMI of each server's replication job
    // A server without an AMI: false refuses the template (as SMS does), true
    // makes its ImageId a parameter of type AWS::EC2::Image::Id (the offline
    // preview, which may not know the AMIs yet).
    bool amiParameters = false;
};

// Every server of the app gets an instance: those in the launch configuration
// as configured, the others of `serverGroups` with defaults (like the launch
// configuration SMS proposes before PutAppLaunchConfiguration). A group
// without a launchOrder is not ordered against the others.
// InvalidParameterException when a server has no AMI (unless amiParameters), the app has no servers
// or more than kMaxTemplateInstances, or a launch configuration is incomplete.
Result<api::Json> cloudFormationTemplate(const TemplateInput &input);

// The template as text: JSON indented by 2, or block-style YAML (any format
// but Yaml is JSON, SMS's default). YAML quotes every string that YAML would
// otherwise read as a number, boolean or null, so both parse to the same tree.
std::string renderTemplate(const api::Json &tmpl, api::OutputFormat format);

} // namespace sms::cloudformation
