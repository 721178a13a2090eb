#include "models/PlanChecker.h"

#include "models/PlanDocument.h"

#include <QElapsedTimer>

#include <algorithm>

namespace sms::models {

PlanChecker::PlanChecker(const PlanDocument &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_timer(this)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(kMinimumDelay);
    connect(&m_timer, &QTimer::timeout, this, &PlanChecker::checkNow);
    // Every change the checks read: the plan's items, the servers' own
    // settings and the catalog they are looked up in.
    const auto later = [this] { schedule(); };
    connect(&document, &PlanDocument::resetDone, this, later);
    connect(&document, &PlanDocument::catalogCleared, this, later);
    connect(&document, &PlanDocument::serversAppended, this, later);
    connect(&document, &PlanDocument::serversChanged, this, later);
    connect(&document, &PlanDocument::catalogRowsRemoved, this, later);  // an import undone
    connect(&document, &PlanDocument::applicationInserted, this, later);
    connect(&document, &PlanDocument::applicationRemoved, this, later);
    connect(&document, &PlanDocument::applicationChanged, this, later);
    connect(&document, &PlanDocument::groupInserted, this, later);
    connect(&document, &PlanDocument::groupRemoved, this, later);
    connect(&document, &PlanDocument::groupChanged, this, later);
    connect(&document, &PlanDocument::serversInserted, this, later);
    connect(&document, &PlanDocument::serversRemoved, this, later);
    connect(&document, &PlanDocument::serverSettingsChanged, this, later);
}

void PlanChecker::schedule()
{
    m_timer.start();  // restarts: the run waits for the burst to end
}

void PlanChecker::checkNow()
{
    m_timer.stop();
    QElapsedTimer clock;
    clock.start();
    std::vector<PlanIssue> issues = validatePlan(m_document.data());
    std::stable_partition(issues.begin(), issues.end(),
                          [](const PlanIssue &issue) { return issue.severity == PlanIssue::Severity::Error; });
    m_lastDuration = std::chrono::microseconds(clock.nsecsElapsed() / 1000);
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(m_lastDuration * kDelayPerRun);
    m_timer.setInterval(std::max(kMinimumDelay, wait));
    Q_EMIT checked(issues);
}

} // namespace sms::models
