#include "WaitCommand.h"

#include "AppCallReport.h"

#include "client/SmsClient.h"
#include "services/AppLookup.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <span>
#include <string_view>

namespace sms::cli {
namespace {

// What each --until waits for, and the states it cannot get there from
// without someone acting (the lists, in SMS's own names).
constexpr std::string_view kReplicatedStates[] = {"REPLICATED", "DELTA_REPLICATED"};
constexpr std::string_view kReplicationFailedStates[] = {"REPLICATION_FAILED", "DELTA_REPLICATION_FAILED",
                                                         "REPLICATION_STOPPED", "REPLICATION_STOP_FAILED",
                                                         "CONFIGURATION_INVALID"};
constexpr std::string_view kLaunchedStates[] = {"LAUNCHED"};
constexpr std::string_view kLaunchFailedStates[] = {"LAUNCH_FAILED", "DELTA_LAUNCH_FAILED", "TERMINATED",
                                                    "TERMINATE_FAILED", "CONFIGURATION_INVALID"};
constexpr std::string_view kTerminatedStates[] = {"TERMINATED"};
constexpr std::string_view kTerminateFailedStates[] = {"TERMINATE_FAILED"};

} // namespace

struct WaitCommand::Target
{
    std::string_view word;
    bool launchStatus;  // which of the application's statuses it follows
    std::span<const std::string_view> reached;
    std::span<const std::string_view> failed;
};

namespace {

constexpr WaitCommand::Target kTargets[] = {
    {"replicated", false, kReplicatedStates, kReplicationFailedStates},
    {"launched", true, kLaunchedStates, kLaunchFailedStates},
    {"terminated", true, kTerminatedStates, kTerminateFailedStates},
};

const WaitCommand::Target *targetNamed(const QString &word)
{
    for (const WaitCommand::Target &target : kTargets)
        if (word == QLatin1String(target.word.data(), qsizetype(target.word.size())))
            return &target;
    return nullptr;
}

bool isOneOf(std::string_view status, std::span<const std::string_view> states)
{
    return std::find(states.begin(), states.end(), status) != states.end();
}

int milliseconds(double seconds)
{
    return int(std::min(std::llround(seconds * 1000.0), (long long)(std::numeric_limits<int>::max())));
}

} // namespace

WaitCommand::WaitCommand(CommandLine line, QObject *parent)
    : Command(parent)
    , m_line(std::move(line))
    , m_target(targetNamed(m_line.until))
{
    m_pollTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &WaitCommand::poll);
    connect(&m_deadline, &QTimer::timeout, this, &WaitCommand::timedOut);
}

QString WaitCommand::usageProblem() const
{
    if (m_line.words.size() != 3)
        return QStringLiteral("apps wait needs one APP (a name or an app- id)");
    if (m_line.until.isEmpty())
        return QStringLiteral("apps wait needs --until replicated, launched or terminated");
    if (!m_target)
        return QStringLiteral("--until must be replicated, launched or terminated, not \"%1\"").arg(m_line.until);
    return {};
}

void WaitCommand::start(client::SmsClient &client)
{
    m_client = &client;
    // The timeout counts from the start, the look-up included.
    if (const double timeout = m_line.timeout.value_or(kDefaultWaitTimeoutSeconds); timeout > 0)
        m_deadline.start(milliseconds(timeout));
    poll();
}

void WaitCommand::poll()
{
    if (m_appId.empty())
        return lookUp();
    m_client->getApp({m_appId}, this, [this](Result<api::GetAppResponse> answer) { onAnswer(std::move(answer)); });
}

void WaitCommand::lookUp()
{
    services::lookUpApp(*m_client, m_line.words[2], this, [this](Result<api::AppSummary> app) {
        if (m_finished)
            return;  // timed out first
        if (!app && app.error().retryable)
            return pollLater("ListApps", app.error());
        if (!app)
            return end(reportLookupError(app.error()));
        m_appId = app->appId.value_or("");
        m_appText = appText(app.value());
        poll();
    });
}

void WaitCommand::pollLater(const char *operation, const SmsError &error)
{
    writeOut("sms-plan: " + std::string(operation) + " failed (" + error.code + ": " + error.message
                 + "); still waiting\n",
             stderr);
    m_pollTimer.start(milliseconds(m_line.interval.value_or(kDefaultWaitIntervalSeconds)));
}

void WaitCommand::onAnswer(Result<api::GetAppResponse> answer)
{
    if (m_finished)
        return;
    if (!answer && answer.error().retryable)
        return pollLater("GetApp", answer.error());
    if (!answer)
        return end(reportCallError("GetApp", answer.error()));
    const api::AppSummary summary = answer.value().appSummary.value_or(api::AppSummary());
    const Target &target = *m_target;
    const std::string status = target.launchStatus
        ? (summary.launchStatus ? std::string(summary.launchStatus->toString()) : std::string())
        : (summary.replicationStatus ? std::string(summary.replicationStatus->toString()) : std::string());
    const std::string message = (target.launchStatus ? summary.launchStatusMessage : summary.replicationStatusMessage)
                                    .value_or("");
    if (status != m_lastStatus) {
        m_lastStatus = status;
        writeOut(m_appText + ": " + (status.empty() ? "(no status)" : status)
                     + (message.empty() ? "" : " - " + message) + "\n",
                 stderr);
    }
    if (isOneOf(status, target.reached))
        return end(WaitReached);
    if (isOneOf(status, target.failed)) {
        writeOut("sms-plan: " + m_appText + " will not be " + std::string(target.word) + ": it is " + status
                     + (message.empty() ? "." : ": " + message) + "\n",
                 stderr);
        return end(WaitFailedState);
    }
    m_pollTimer.start(milliseconds(m_line.interval.value_or(kDefaultWaitIntervalSeconds)));
}

void WaitCommand::timedOut()
{
    const std::string status = m_lastStatus.empty() ? "" : "; it is " + m_lastStatus;
    const std::string subject = m_appText.empty() ? "the application" : m_appText;
    writeOut("sms-plan: timed out waiting for " + subject + " to be "
                 + std::string(m_target->word) + status + "\n",
             stderr);
    end(WaitTimedOut);
}

void WaitCommand::end(int exitCode)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();
    m_deadline.stop();
    finish(exitCode);
}

} // namespace sms::cli
