#pragma once
// Finds the application a user named: by its `app-` id or by its name, as the
// CLI's APP arguments (and later the GUI's commands) take either. Every page of
// ListApps is read; an application whose id is exactly the text wins (an id is
// unique); otherwise the name must match exactly, case and all, as SMS
// compares names. No match, or a name two applications share, is an error
// that says what was looked for (and, when shared, lists the ids to use).

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "models/PlanTypes.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

class QObject;

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

// The application `nameOrId` names among `apps`, or the error that says why
// none or several do (ErrorCode::InvalidRequest, no HTTP status).
Result<api::AppSummary> findApp(const std::vector<api::AppSummary> &apps, const QString &nameOrId);

// The row of the plan application `nameOrId` names (its endpoint id, or its
// name), by the same rules and with the same errors as findApp().
Result<std::size_t> findPlanApp(const std::vector<models::PlanApplication> &apps, const QString &nameOrId);

// The replication jobs of an application's servers, as GetApp names them (a
// server without a job is left out), in the application's order.
std::vector<std::string> replicationJobIdsOf(const api::GetAppResponse &app);

using AppLookupCallback = std::function<void(Result<api::AppSummary>)>;

// Pages ListApps and reports findApp() over all of them, or the error that
// stopped the listing. One-shot: `done` runs once, unless `context` is
// destroyed first.
void lookUpApp(client::SmsClient &client, const QString &nameOrId, QObject *context, AppLookupCallback done);

} // namespace sms::services
