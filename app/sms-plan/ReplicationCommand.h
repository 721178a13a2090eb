#pragma once
// sms-plan apps replication start|stop|run APP: StartAppReplication,
// StopAppReplication and StartOnDemandAppReplication for the application APP
// names (services/AppLookup). When SMS refuses an on-demand run for its limit,
// it also says when the next one is allowed (services/OnDemandLimit).
// Exit codes as in ExitCodes.h.

#include "AppCommand.h"

namespace sms::cli {

class ReplicationCommand : public AppCommand
{
    Q_OBJECT

public:
    explicit ReplicationCommand(CommandLine line, QObject *parent = nullptr);

    // What is wrong with the command's words and options; empty when nothing.
    QString usageProblem() const;

protected:
    void act(const api::AppSummary &app) override;

private:
    // Reports `refusal`, then when the application may run on demand again.
    void explainLimit(const api::AppSummary &app, const SmsError &refusal);
};

} // namespace sms::cli
