#pragma once
// sms-plan jobs list --app APP: the replication jobs of the application's
// servers (GetApp names each server's job), read from every page of
// GetReplicationJobs, as one GetReplicationJobs answer (or its table).

#include "Command.h"
#include "CommandLine.h"

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::cli {

class AppJobsCommand : public Command
{
    Q_OBJECT

public:
    explicit AppJobsCommand(CommandLine line, QObject *parent = nullptr);

    QString usageProblem() const;
    // `client` must outlive the command; finished() follows, queued.
    void start(client::SmsClient &client);

private:
    void listJobs(const std::vector<std::string> &jobIds);

    CommandLine m_line;
    client::SmsClient *m_client = nullptr;
};

} // namespace sms::cli
