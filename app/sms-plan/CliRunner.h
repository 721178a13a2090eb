#pragma once
// Runs one sms-plan command against the endpoint and reports its exit code.

#include "CommandLine.h"
#include "ExitCodes.h"

#include "client/SmsClient.h"

#include <QObject>

#include <memory>

namespace sms::cli {

class CliRunner : public QObject
{
    Q_OBJECT

public:
    explicit CliRunner(CommandLine line, QObject *parent = nullptr);
    ~CliRunner() override;

    // Emits finished() exactly once, after returning.
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    // False (and finished with `failureCode`) when no endpoint can be set up.
    bool connectClient(int failureCode = ConfigurationError);
    void runPlanCommand();
    // A command of its own class (ReplicationCommand, WaitCommand, AppJobsCommand).
    template <typename CommandType>
    void runCommand();
    // One page, or with --all every page, of a paginated operation.
    template <typename Request>
    void list(Request request = {});
    template <typename Request>
    void streamAll(Request request);
    void callOperation();
    void print(const std::string &operation, const api::Json &response);
    void fail(const std::string &operation, const SmsError &error);
    void usageError(const QString &message);
    void done(int exitCode);

    CommandLine m_line;
    std::unique_ptr<client::SmsClient> m_client;
};

} // namespace sms::cli
