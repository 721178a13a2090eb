#pragma once
// The offline CloudFormation preview: the template GenerateTemplate would
// write for a plan application, built from the plan alone with the builder
// sms-local uses (cloudformation/), so that for an applied application the
// two are the same tree. Its input is what an apply would put:
// - the application's name, description, id (once applied) and tags;
// - its groups with their servers, VM names from the plan's catalog;
// - the launch configuration PlanApplier would put (PlanDiff's
//   plannedLaunchRequest), or none when the plan does not manage launch;
// - each server's AMI from its replication job in the catalog (latestAmiId).
//   A server whose AMI the plan does not know gets a template parameter of
//   type AWS::EC2::Image::Id for it, so that the template is valid anyway.

#include "api/JsonCodec.h"
#include "api/Result.h"
#include "cloudformation/CloudFormationTemplate.h"
#include "models/PlanTypes.h"

namespace sms::services {

// `app` is one of `plan.applications`.
cloudformation::TemplateInput previewInput(const models::PlanData &plan, const models::PlanApplication &app);

// The template, or the builder's InvalidParameterException (no servers, more
// than CloudFormation holds, a user-data location without bucket or key),
// its message beginning with the application's name.
Result<api::Json> previewTemplate(const models::PlanData &plan, const models::PlanApplication &app);

} // namespace sms::services
