#include "ui/templates/PlanTemplatePreview.h"

#include "services/TemplatePreview.h"
#include "ui/templates/TemplateViewer.h"

#include <QCoreApplication>
#include <QMessageBox>

namespace sms::ui {

TemplateViewer *previewCloudFormation(QWidget *parent, const models::PlanData &plan, models::PlanKey application)
{
    const models::PlanPosition position = models::findKey(plan.applications, application);
    if (!position.isValid() || position.isGroup())
        return nullptr;
    const models::PlanApplication &app = plan.applications[std::size_t(position.application)];
    auto tmpl = services::previewTemplate(plan, app);
    if (!tmpl) {
        QMessageBox::warning(parent, QCoreApplication::translate("sms::ui::TemplateViewer", "Preview CloudFormation"),
                             QCoreApplication::translate("sms::ui::TemplateViewer",
                                                         "The template cannot be built: %1")
                                 .arg(QString::fromStdString(tmpl.error().message)));
        return nullptr;
    }
    auto *viewer = new TemplateViewer(std::move(tmpl).value(), QString::fromStdString(app.name), parent);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
    return viewer;
}

} // namespace sms::ui
