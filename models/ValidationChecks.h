#pragma once
// The plan checks of an application's validation settings (PlanTypes.h
// AppValidationSettings): what PutAppValidationConfiguration would refuse or
// could not run. PlanValidation calls them with the application's others;
// docs/plan-format.md lists the codes.

#include "models/PlanValidation.h"

#include <string>
#include <vector>

namespace sms::models {

// `path` and `label` name the application as its other issues do
// ("applications[2]", "Application \"Payroll\"").
void checkValidationSettings(std::vector<PlanIssue> &out, const PlanApplication &app, const std::string &path,
                             const std::string &label);

// Whether a validation name is one SMS takes: 1 to 255 characters, none of them blank.
bool isValidationName(const std::string &name);

} // namespace sms::models
