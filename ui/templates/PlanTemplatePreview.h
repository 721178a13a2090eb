#pragma once
// Preview CloudFormation…: the offline template of a plan application
// (services/TemplatePreview), opened in a TemplateViewer, or a message saying
// why it cannot be built (no servers, more than a template holds...).

#include "models/PlanTypes.h"

class QWidget;

namespace sms::ui {

class TemplateViewer;

// The viewer it opened (deleted on close), or nullptr after the message.
TemplateViewer *previewCloudFormation(QWidget *parent, const models::PlanData &plan, models::PlanKey application);

} // namespace sms::ui
