#include "services/ApplyIntoDocument.h"

#include "models/PlanDocument.h"
#include "services/PlanApplier.h"

namespace sms::services {

void recordInto(PlanApplier &applier, models::PlanDocument &document)
{
    QObject::connect(&applier, &PlanApplier::idsRecorded, &document,
                     [&document](models::PlanKey application, const EndpointIds &ids) {
                         document.setEndpointIds(application, ids.appId, ids.serverGroupIds);
                     });
    QObject::connect(&applier, &PlanApplier::retiredDeleted, &document, [&document](const QString &appId) {
        const std::string id = appId.toStdString();
        document.setRetired(id, false);
        // Deleted at the user's word (Delete from Endpoint): the plan keeps it,
        // as one the endpoint does not have.
        for (const models::PlanApplication &app : document.applications())
            if (app.appId == id)
                document.setEndpointIds(app.key, {}, {});
        document.markUnsaved();
    });
}

} // namespace sms::services
