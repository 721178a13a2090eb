#include "ui/launch/LaunchGraphFile.h"

#include "models/PlanDocument.h"
#include "models/PlanEditor.h"
#include "models/PlanValidation.h"
#include "ui/launch/LaunchGraphDot.h"
#include "ui/launch/LaunchGraphScene.h"
#include "ui/launch/LaunchGraphText.h"
#include "ui/launch/SceneExport.h"

namespace sms::ui {

std::optional<GraphFormat> graphFormatNamed(const QString &name)
{
    if (name == QLatin1String("dot"))
        return GraphFormat::Dot;
    if (name == QLatin1String("svg"))
        return GraphFormat::Svg;
    if (name == QLatin1String("png"))
        return GraphFormat::Png;
    return std::nullopt;
}

std::string launchGraphDotOf(const models::PlanData &plan, models::PlanKey application)
{
    const models::PlanPosition at = models::findKey(plan.applications, application);
    if (!at.isValid() || at.isGroup())
        return {};
    const models::PlanApplication &app = plan.applications[std::size_t(at.application)];
    return launchGraphDot(QString::fromStdString(app.name),
                          launchGraphFacts(app, groupWarnings(models::validatePlan(plan))));
}

QString drawLaunchGraph(const models::PlanData &plan, models::PlanKey application, GraphFormat format,
                        const QString &path)
{
    Q_ASSERT(format != GraphFormat::Dot);
    // The editor's own scene over a document of its own, so the picture is the one the planner shows.
    models::PlanDocument document;
    document.reset(plan);
    models::PlanEditor editor(document);
    LaunchGraphScene scene(editor);
    scene.setApplication(application);
    scene.setIssues(models::validatePlan(plan));
    scene.refreshNow();
    if (format == GraphFormat::Png)
        return exportScenePng(scene, scene.graphRect(), path);
    return exportSceneSvg(scene, scene.graphRect(),
                          LaunchGraphText::tr("Launch order of %1").arg(scene.applicationName()), path);
}

} // namespace sms::ui
