#pragma once
// sms-plan apps wait APP --until replicated|launched|terminated [--timeout S] [--interval S]:
// polls GetApp, as the AWS CLI's waiters poll, until the application reaches
// the state asked for (exit 0), a state it cannot get there from (exit 1, with
// SMS's status message), or the timeout (exit 2). These three codes are the
// interface scripts rely on (DESIGN.md), so they are the wait's own, beside
// ExitCodes.h: an error that ends the wait otherwise (the application is gone,
// access is denied) exits with the usual 254/255. A transient error
// (throttling after the client's retries, the network down), in finding the
// application or in reading it, is said on stderr and polling goes on until
// the timeout. Each change of status is one line on stderr.

#include "Command.h"
#include "CommandLine.h"

#include "api/SmsTypes.h"

#include <QTimer>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::cli {

enum WaitExitCode : int {
    WaitReached = 0,
    WaitFailedState = 1,
    WaitTimedOut = 2,
};

// As the AWS CLI's waiters: a GetApp every 15 s. The default timeout is an
// hour (a first replication of big servers can take longer: give --timeout,
// or 0 for none).
inline constexpr double kDefaultWaitIntervalSeconds = 15;
inline constexpr double kDefaultWaitTimeoutSeconds = 3600;

class WaitCommand : public Command
{
    Q_OBJECT

public:
    // A state --until waits for: its word, and the statuses that reach it or never will.
    struct Target;

    explicit WaitCommand(CommandLine line, QObject *parent = nullptr);

    QString usageProblem() const;
    // `client` must outlive the command; finished() follows, queued.
    void start(client::SmsClient &client);

private:
    // Reads the application, or first finds which it is.
    void poll();
    void lookUp();
    // Says the transient `error` and polls again after the interval.
    void pollLater(const char *operation, const SmsError &error);
    void onAnswer(Result<api::GetAppResponse> answer);
    void timedOut();
    // Once: stops polling and the deadline, then Command::finish().
    void end(int exitCode);

    CommandLine m_line;
    const Target *m_target;  // what --until names; nullptr for a word it does not know
    client::SmsClient *m_client = nullptr;
    std::string m_appId;       // empty until the look-up found it
    std::string m_appText;     // "shop (app-…)"
    std::string m_lastStatus;  // the status the last progress line said
    QTimer m_pollTimer;
    QTimer m_deadline;
    bool m_finished = false;
};

} // namespace sms::cli
