#pragma once
// AppValidationOperations: what became of an application's validations.
// GetAppValidationOutput reports each configured validation: ready before a
// launch, pending while it launches, succeeded once it runs, unless
// NotifyAppValidationOutput reported an outcome, which then stands.

#include "api/SmsTypes.h"
#include "sandbox/AppViews.h"

namespace sms::sandbox {

class SandboxServer;

class AppValidationOperations
{
public:
    AppValidationOperations(SandboxState &state, const AppViews &views, const SimulationClock &clock);

    Result<api::GetAppValidationOutputResponse>
    getAppValidationOutput(const api::GetAppValidationOutputRequest &request) const;
    Result<api::NotifyAppValidationOutputResponse>
    notifyAppValidationOutput(const api::NotifyAppValidationOutputRequest &request);

    void registerWith(SandboxServer &server);

private:
    api::ValidationOutput validationOutput(const AppRecord &app, const std::string &validationId,
                                           const std::optional<std::string> &name) const;

    SandboxState &m_state;
    const AppViews &m_views;
    const SimulationClock &m_clock;
};

} // namespace sms::sandbox
