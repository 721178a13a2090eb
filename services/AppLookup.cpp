#include "services/AppLookup.h"

#include "client/Pager.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>

namespace sms::services {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::services)
};

SmsError lookupError(const QString &message)
{
    return SmsError::make(ErrorCode::InvalidRequest, message.toStdString());
}

QString idOf(const api::AppSummary &app)
{
    return QString::fromStdString(app.appId.value_or(std::string()));
}

} // namespace

Result<api::AppSummary> findApp(const std::vector<api::AppSummary> &apps, const QString &nameOrId)
{
    const std::string wanted = nameOrId.toStdString();
    std::vector<const api::AppSummary *> named;
    const api::AppSummary *caseOnly = nullptr;
    for (const api::AppSummary &app : apps) {
        if (app.appId == wanted)
            return app;
        if (app.name == wanted)
            named.push_back(&app);
        else if (!caseOnly && app.name
                 && QString::fromStdString(*app.name).compare(nameOrId, Qt::CaseInsensitive) == 0)
            caseOnly = &app;
    }
    if (named.size() == 1)
        return *named.front();
    if (named.size() > 1) {
        QStringList ids;
        for (const api::AppSummary *app : named)
            ids << idOf(*app);
        return lookupError(Text::tr("Several applications are named \u201C%1\u201D (%2); give the id of the one "
                                    "you mean.")
                               .arg(nameOrId, ids.join(QLatin1String(", "))));
    }
    QString message = Text::tr("No application has the id or the name \u201C%1\u201D.").arg(nameOrId);
    if (caseOnly)
        message += QLatin1Char(' ')
            + Text::tr("\u201C%1\u201D (%2) differs only in case; names are case-sensitive.")
                  .arg(QString::fromStdString(*caseOnly->name), idOf(*caseOnly));
    return lookupError(message);
}

Result<std::size_t> findPlanApp(const std::vector<models::PlanApplication> &apps, const QString &nameOrId)
{
    std::vector<api::AppSummary> summaries;
    summaries.reserve(apps.size());
    for (const models::PlanApplication &app : apps) {
        api::AppSummary &summary = summaries.emplace_back();
        if (!app.appId.empty())
            summary.appId = app.appId;
        summary.name = app.name;
    }
    auto found = findApp(summaries, nameOrId);
    if (!found)
        return found.error();
    // findApp took the id when one matched, else the one application of that name.
    const auto row = [&](auto matches) {
        return std::size_t(std::find_if(apps.begin(), apps.end(), matches) - apps.begin());
    };
    if (found->appId)
        return row([&](const models::PlanApplication &app) { return app.appId == *found->appId; });
    return row([&](const models::PlanApplication &app) { return app.name == found->name; });
}

std::vector<std::string> replicationJobIdsOf(const api::GetAppResponse &app)
{
    std::vector<std::string> ids;
    for (const api::ServerGroup &group : app.serverGroups.value_or(std::vector<api::ServerGroup>()))
        for (const api::Server &server : group.serverList.value_or(std::vector<api::Server>()))
            if (server.replicationJobId && !server.replicationJobId->empty())
                ids.push_back(*server.replicationJobId);
    return ids;
}

void lookUpApp(client::SmsClient &client, const QString &nameOrId, QObject *context, AppLookupCallback done)
{
    client::paginate(client, api::ListAppsRequest{}, context, nullptr,
                     [nameOrId, done = std::move(done)](Result<api::ListAppsResponse> merged) {
                         if (!merged)
                             done(merged.error());
                         else
                             done(findApp(merged.value().apps.value_or(std::vector<api::AppSummary>()), nameOrId));
                     });
}

} // namespace sms::services
