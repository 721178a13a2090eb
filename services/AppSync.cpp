#include "services/AppSync.h"

#include "api/OrEmpty.h"
#include "client/Pager.h"

#include <algorithm>

namespace sms::services {
namespace {

template <typename T>
std::optional<T> unlessEmpty(const T &value)
{
    return value.empty() ? std::nullopt : std::optional<T>(value);
}

std::vector<api::ServerGroup> serverGroupRequests(const std::vector<models::PlanServerGroup> &groups, bool keepIds)
{
    std::vector<api::ServerGroup> requests;
    requests.reserve(groups.size());
    for (const models::PlanServerGroup &group : groups)
        requests.push_back(serverGroupRequest(group, keepIds));
    return requests;
}

SmsError canceled()
{
    return SmsError::make(ErrorCode::Canceled, "canceled before it was sent");
}

} // namespace

bool AppPushReport::allSucceeded() const
{
    return std::all_of(pushed.begin(), pushed.end(), [](const AppPushOutcome &o) { return o.ids.ok(); })
        && std::all_of(deleted.begin(), deleted.end(), [](const AppDeletionOutcome &o) { return o.result.ok(); });
}

api::ServerGroup serverGroupRequest(const models::PlanServerGroup &group, bool keepId)
{
    api::ServerGroup request;
    if (keepId)
        request.serverGroupId = unlessEmpty(group.serverGroupId);
    request.name = unlessEmpty(group.name);
    auto &servers = request.serverList.emplace();
    servers.reserve(group.serverIds.size());
    for (const std::string &id : group.serverIds) {
        api::Server server;
        server.serverId = id;
        servers.push_back(std::move(server));
    }
    return request;
}

api::CreateAppRequest createAppRequest(const models::PlanApplication &app)
{
    api::CreateAppRequest request;
    request.name = unlessEmpty(app.name);
    request.description = unlessEmpty(app.description);
    request.roleName = unlessEmpty(app.roleName);
    request.serverGroups = serverGroupRequests(app.serverGroups, false);
    request.tags = unlessEmpty(app.tags);
    return request;
}

api::UpdateAppRequest updateAppRequest(const models::PlanApplication &app)
{
    api::UpdateAppRequest request;
    request.appId = app.appId;
    request.name = unlessEmpty(app.name);
    request.description = app.description;  // "" clears it
    request.roleName = unlessEmpty(app.roleName);  // absent keeps the endpoint's
    request.serverGroups = serverGroupRequests(app.serverGroups, true);
    request.tags = app.tags;
    return request;
}

api::DeleteAppRequest deleteAppRequest(const std::string &appId)
{
    api::DeleteAppRequest request;
    request.appId = appId;
    request.forceStopAppReplication = false;
    request.forceTerminateApp = false;
    return request;
}

models::PlanApplication planApplicationFrom(const api::GetAppResponse &response)
{
    return planApplicationFrom(api::orEmpty(response.appSummary), api::orEmpty(response.serverGroups),
                               api::orEmpty(response.tags));
}

models::PlanApplication planApplicationFrom(const api::AppSummary &summary, const std::vector<api::ServerGroup> &groups,
                                            const std::vector<api::Tag> &tags)
{
    models::PlanApplication app;
    app.appId = summary.appId.value_or("");
    app.name = summary.name.value_or("");
    app.description = summary.description.value_or("");
    app.roleName = summary.roleName.value_or("");
    app.tags = tags;
    for (const api::ServerGroup &group : groups) {
        models::PlanServerGroup planGroup;
        planGroup.serverGroupId = group.serverGroupId.value_or("");
        planGroup.name = group.name.value_or("");
        for (const api::Server &server : api::orEmpty(group.serverList)) {
            if (server.serverId)
                planGroup.serverIds.push_back(*server.serverId);
        }
        app.serverGroups.push_back(std::move(planGroup));
    }
    return app;
}

std::vector<std::pair<models::PlanKey, std::string>>
matchServerGroups(const std::vector<models::PlanServerGroup> &plan, const std::vector<api::ServerGroup> &answer)
{
    std::vector<std::optional<std::size_t>> match(plan.size());
    std::vector<bool> taken(answer.size());
    const auto take = [&](std::size_t p, std::size_t a) {
        match[p] = a;
        taken[a] = true;
    };
    const auto nameOf = [&](std::size_t a) { return answer[a].name.value_or(""); };

    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (plan[p].serverGroupId.empty())
            continue;
        for (std::size_t a = 0; a < answer.size(); ++a) {
            if (!taken[a] && answer[a].serverGroupId == plan[p].serverGroupId) {
                take(p, a);
                break;
            }
        }
    }
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (!match[p] && p < answer.size() && !taken[p] && nameOf(p) == plan[p].name)
            take(p, p);
    }
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (match[p] || plan[p].name.empty())
            continue;
        std::optional<std::size_t> only;
        int count = 0;
        for (std::size_t a = 0; a < answer.size(); ++a) {
            if (!taken[a] && nameOf(a) == plan[p].name) {
                only = a;
                ++count;
            }
        }
        if (count == 1)
            take(p, *only);
    }
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (!match[p] && p < answer.size() && !taken[p])
            take(p, p);
    }

    std::vector<std::pair<models::PlanKey, std::string>> ids;
    for (std::size_t p = 0; p < plan.size(); ++p) {
        if (match[p] && answer[*match[p]].serverGroupId)
            ids.emplace_back(plan[p].key, *answer[*match[p]].serverGroupId);
    }
    return ids;
}

// --- AppRefresh --------------------------------------------------------------

AppRefresh::AppRefresh(client::SmsClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void AppRefresh::start()
{
    if (m_finished)
        return;
    m_pager = client::paginate(m_client, api::ListAppsRequest{}, this, {},
                               [this](Result<api::ListAppsResponse> listed) { onListed(std::move(listed)); });
}

void AppRefresh::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "the application refresh was canceled"));
}

void AppRefresh::onListed(Result<api::ListAppsResponse> listed)
{
    if (m_finished)
        return;
    if (!listed) {
        finish(listed.error());
        return;
    }
    for (const api::AppSummary &app : listed->apps.value_or(std::vector<api::AppSummary>{})) {
        if (app.appId)
            m_appIds.push_back(*app.appId);
    }
    m_apps.resize(m_appIds.size());
    if (m_appIds.empty()) {
        finish(std::vector<models::PlanApplication>{});
        return;
    }
    // Act first, tell last: a receiver may cancel (or delete us) from progress().
    fetchNext();
    Q_EMIT progress(0, int(m_appIds.size()));
}

void AppRefresh::fetchNext()
{
    while (m_next < m_appIds.size() && m_next - std::size_t(m_done) < std::size_t(kMaxInFlight)) {
        const std::size_t index = m_next++;
        api::GetAppRequest request;
        request.appId = m_appIds[index];
        m_calls.push_back(m_client.getApp(request, this, [this, index](Result<api::GetAppResponse> response) {
            onFetched(index, std::move(response));
        }));
    }
}

void AppRefresh::onFetched(std::size_t index, Result<api::GetAppResponse> response)
{
    if (m_finished)
        return;
    if (!response) {
        finish(response.error());
        return;
    }
    m_apps[index] = planApplicationFrom(response.value());
    ++m_done;
    const int total = int(m_appIds.size());
    if (m_done < total) {
        fetchNext();
        Q_EMIT progress(m_done, total);
        return;
    }
    std::vector<models::PlanApplication> apps;
    apps.reserve(m_apps.size());
    for (auto &app : m_apps)
        apps.push_back(std::move(*app));
    const QPointer<AppRefresh> alive(this);
    Q_EMIT progress(m_done, total);
    if (alive)
        finish(std::move(apps));
}

void AppRefresh::finish(Result<std::vector<models::PlanApplication>> result)
{
    if (m_finished)
        return;
    m_finished = true;
    // Whatever is still walking or in flight answers Canceled, which
    // m_finished ignores.
    if (m_pager)
        m_pager->cancel();
    for (const client::CallHandle &call : m_calls) {
        if (call)
            call->cancel();
    }
    deleteLater();
    Q_EMIT finished(result);
}

// --- AppPush -----------------------------------------------------------------

AppPush::AppPush(client::SmsClient &client, std::vector<models::PlanApplication> applications,
                 std::vector<std::string> deletions, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_applications(std::move(applications))
    , m_deletions(std::move(deletions))
    , m_pushed(m_applications.size())
    , m_deleted(m_deletions.size())
{
    using Kind = Step::Kind;
    for (std::size_t i = 0; i < m_deletions.size(); ++i)
        m_steps.push_back({Kind::Delete, i});
    for (std::size_t i = 0; i < m_applications.size(); ++i) {
        if (!m_applications[i].appId.empty())
            m_steps.push_back({Kind::Update, i});
    }
    for (std::size_t i = 0; i < m_applications.size(); ++i) {
        if (m_applications[i].appId.empty())
            m_steps.push_back({Kind::Create, i});
    }
}

void AppPush::start()
{
    runNext();
}

void AppPush::cancel()
{
    if (m_finished)
        return;
    m_canceled = true;
    if (m_inFlight && m_call)
        m_call->cancel();  // its callback records Canceled and ends the push
    if (!m_finished)
        finish();
}

void AppPush::runNext()
{
    if (m_finished)
        return;
    if (m_canceled || m_next == m_steps.size()) {
        finish();
        return;
    }
    const Step step = m_steps[m_next];
    const QString current = step.kind == Step::Kind::Delete
        ? QString::fromStdString(m_deletions[step.index])
        : QString::fromStdString(m_applications[step.index].name);
    const int done = int(m_next++);
    // The call goes first, so that a cancel() from progress() stops it.
    run(step);
    Q_EMIT progress(done, int(m_steps.size()), current);
}

void AppPush::run(const Step &step)
{
    m_inFlight = true;
    const std::size_t index = step.index;
    switch (step.kind) {
    case Step::Kind::Delete:
        m_call = m_client.deleteApp(deleteAppRequest(m_deletions[index]), this,
                                    [this, index](Result<api::DeleteAppResponse> response) {
                                        onDeleted(index, response ? Result<void>() : Result<void>(response.error()));
                                    });
        return;
    case Step::Kind::Update:
        m_call = m_client.updateApp(updateAppRequest(m_applications[index]), this,
                                    [this, index](Result<api::UpdateAppResponse> response) {
                                        onPushed(index, endpointIdsFrom(m_applications[index], response));
                                    });
        return;
    case Step::Kind::Create:
        m_call = m_client.createApp(createAppRequest(m_applications[index]), this,
                                    [this, index](Result<api::CreateAppResponse> response) {
                                        onPushed(index, endpointIdsFrom(m_applications[index], response));
                                    });
        return;
    }
}

void AppPush::onPushed(std::size_t index, Result<EndpointIds> ids)
{
    if (m_finished)
        return;
    m_inFlight = false;
    m_pushed[index] = ids;
    // Canceled from outside (the client went away): the rest must not go out.
    m_canceled = m_canceled || (!ids && ids.error().errorCode() == ErrorCode::Canceled);
    const QPointer<AppPush> alive(this);
    Q_EMIT appPushed(AppPushOutcome{m_applications[index].key, std::move(ids)});
    if (alive)
        m_canceled ? finish() : runNext();
}

void AppPush::onDeleted(std::size_t index, Result<void> result)
{
    if (m_finished)
        return;
    m_inFlight = false;
    m_deleted[index] = result;
    m_canceled = m_canceled || (!result && result.error().errorCode() == ErrorCode::Canceled);
    const QPointer<AppPush> alive(this);
    Q_EMIT appDeleted(AppDeletionOutcome{m_deletions[index], std::move(result)});
    if (alive)
        m_canceled ? finish() : runNext();
}

void AppPush::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    AppPushReport report;
    report.pushed.reserve(m_applications.size());
    for (std::size_t i = 0; i < m_applications.size(); ++i)
        report.pushed.push_back({m_applications[i].key, m_pushed[i].value_or(Result<EndpointIds>(canceled()))});
    report.deleted.reserve(m_deletions.size());
    for (std::size_t i = 0; i < m_deletions.size(); ++i)
        report.deleted.push_back({m_deletions[i], m_deleted[i].value_or(Result<void>(canceled()))});
    deleteLater();
    const QPointer<AppPush> alive(this);
    if (!m_canceled)
        Q_EMIT progress(int(m_steps.size()), int(m_steps.size()), QString());
    if (alive)
        Q_EMIT finished(report);
}

} // namespace sms::services
