#include "sandbox/AppValidationOperations.h"

#include "sandbox/AppOperations.h"
#include "sandbox/SandboxServer.h"
#include "sandbox/SmsErrors.h"

#include <algorithm>

namespace sms::sandbox {

AppValidationOperations::AppValidationOperations(SandboxState &state, const AppViews &views,
                                                 const SimulationClock &clock)
    : m_state(state)
    , m_views(views)
    , m_clock(clock)
{
}

api::ValidationOutput AppValidationOperations::validationOutput(const AppRecord &app, const std::string &validationId,
                                                               const std::optional<std::string> &name) const
{
    api::ValidationOutput output;
    output.validationId = validationId;
    output.name = name;
    const auto notice = app.validationNotices.find(validationId);
    const api::AppLaunchStatus launch = m_views.launchStatus(app);
    if (notice != app.validationNotices.end()) {
        output.status = notice->second.context.status;
        output.statusMessage = notice->second.context.statusMessage;
        output.latestValidationTime = api::Timestamp{notice->second.at};
    } else if (launch == api::AppLaunchStatus::Launched) {
        output.status = api::ValidationStatus::Succeeded;
        output.latestValidationTime = api::Timestamp{*app.launchedAt + AppViews::kLaunchSeconds};
    } else if (launch == api::AppLaunchStatus::LaunchInProgress || launch == api::AppLaunchStatus::LaunchPending) {
        output.status = api::ValidationStatus::Pending;
    } else {
        output.status = api::ValidationStatus::ReadyForValidation;
    }
    return output;
}

Result<api::GetAppValidationOutputResponse>
AppValidationOperations::getAppValidationOutput(const api::GetAppValidationOutputRequest &request) const
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    const AppRecord &app = *found.value();
    api::GetAppValidationOutputResponse response;
    auto &outputs = response.validationOutputList.emplace();
    if (!app.validation)
        return response;
    for (const auto &validation : app.validation->appValidationConfigurations.value_or(
             std::vector<api::AppValidationConfiguration>{})) {
        outputs.push_back(validationOutput(app, *validation.validationId, validation.name));
        outputs.back().appValidationOutput = api::AppValidationOutput{};
    }
    for (const auto &group : app.validation->serverGroupValidationConfigurations.value_or(
             std::vector<api::ServerGroupValidationConfiguration>{}))
        for (const auto &validation : group.serverValidationConfigurations.value_or(
                 std::vector<api::ServerValidationConfiguration>{})) {
            outputs.push_back(validationOutput(app, *validation.validationId, validation.name));
            api::ServerValidationOutput server;
            server.server = m_views.server(*validation.server->serverId);
            outputs.back().serverValidationOutput = std::move(server);
        }
    return response;
}

Result<api::NotifyAppValidationOutputResponse>
AppValidationOperations::notifyAppValidationOutput(const api::NotifyAppValidationOutputRequest &request)
{
    auto found = findApp(m_state, request.appId);
    if (!found)
        return found.error();
    AppRecord &app = *found.value();
    if (!request.notificationContext || !request.notificationContext->validationId)
        return missingParameter("notificationContext.validationId is required.");
    const std::string &id = *request.notificationContext->validationId;
    auto outputs = getAppValidationOutput({app.id});
    const auto &list = *outputs->validationOutputList;
    if (std::none_of(list.begin(), list.end(), [&](const api::ValidationOutput &o) { return o.validationId == id; }))
        return invalidParameter("Validation " + id + " is not configured for application " + app.id + ".");
    app.lastModified = m_clock.now().epochSeconds;
    app.validationNotices[id] = {*request.notificationContext, app.lastModified};
    return api::NotifyAppValidationOutputResponse{};
}

void AppValidationOperations::registerWith(SandboxServer &server)
{
    server.addOperation<api::GetAppValidationOutputRequest, api::GetAppValidationOutputResponse>(
        "GetAppValidationOutput", [this](const auto &r) { return getAppValidationOutput(r); });
    server.addOperation<api::NotifyAppValidationOutputRequest, api::NotifyAppValidationOutputResponse>(
        "NotifyAppValidationOutput", [this](const auto &r) { return notifyAppValidationOutput(r); });
}

} // namespace sms::sandbox
