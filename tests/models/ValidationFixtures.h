#pragma once
// Validation settings for tests: an SSM-document validation of the whole
// application and a user-data script for one server, as a plan keeps them.

#include "models/PlanTypes.h"

namespace sms::models::testing {

inline api::AppValidationConfiguration ssmValidation(const std::string &name, const std::string &instanceId = "i-0123456789abcdef0")
{
    api::AppValidationConfiguration validation;
    validation.name = name;
    validation.appValidationStrategy = api::AppValidationStrategy::Ssm;
    auto &ssm = validation.ssmValidationParameters.emplace();
    ssm.source.emplace().s3Location = api::S3Location{"validation-docs", "checks/" + name + ".json"};
    ssm.instanceId = instanceId;
    ssm.scriptType = api::ScriptType::ShellScript;
    ssm.executionTimeoutSeconds = 600;
    ssm.outputS3BucketName = "validation-output";
    return validation;
}

inline PlanServerValidation userDataValidation(const std::string &serverId, const std::string &name)
{
    PlanServerValidation validation;
    validation.serverId = serverId;
    validation.name = name;
    auto &userData = validation.userData.emplace();
    userData.source.emplace().s3Location = api::S3Location{"validation-scripts", name + ".ps1"};
    userData.scriptType = api::ScriptType::PowershellScript;
    return validation;
}

} // namespace sms::models::testing
