#pragma once
// sms-plan apps replication start|stop|run APP: StartAppReplication,
// StopAppReplication and StartOnDemandAppReplication for the application APP
// names (services/AppLookup). When SMS refuses an on-demand run for its limit,
// it also says when the next one is allowed (services/OnDemandLimit).
// Exit codes as in ExitCodes.h.

#include "Command.h"
#include "CommandLine.h"

#include "api/SmsTypes.h"

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::cli {

class ReplicationCommand : public Command
{
    Q_OBJECT

public:
    explicit ReplicationCommand(CommandLine line, QObject *parent = nullptr);

    // What is wrong with the command's words and options; empty when nothing.
    QString usageProblem() const;
    // `client` must outlive the command; finished() follows, queued.
    void start(client::SmsClient &client);

private:
    void act(const api::AppSummary &app);
    // Reports `refusal`, then when the application may run on demand again.
    void explainLimit(const api::AppSummary &app, const SmsError &refusal);

    CommandLine m_line;
    client::SmsClient *m_client = nullptr;
};

} // namespace sms::cli
