#pragma once
// PlanChecker: runs the plan's checks (validatePlan, the same function
// `sms-plan plan validate` uses) again a moment after the document last
// changed, so that a burst of edits (a drag of 1,000 servers, a catalog read
// page by page, typing a name) costs one run. The wait is the larger of
// kMinimumDelay and a few times the last run, so that on a plan whose checks
// take long the GUI still spends most of its time on the user.
//
// It runs on the GUI thread: the checks read the document in place, and a
// copy for a worker would cost about as much as the checks (a 100,000-server
// plan: see docs/architecture.md for the measured times).

#include "models/PlanValidation.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace sms::models {

class PlanDocument;

class PlanChecker : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kMinimumDelay{250};
    static constexpr int kDelayPerRun = 4;  // times the last run's duration

    explicit PlanChecker(const PlanDocument &document, QObject *parent = nullptr);

    // Runs the checks now (a pending run is dropped).
    void checkNow();
    bool isPending() const { return m_timer.isActive(); }
    std::chrono::milliseconds delay() const { return std::chrono::milliseconds(m_timer.interval()); }
    std::chrono::microseconds lastDuration() const { return m_lastDuration; }

Q_SIGNALS:
    // Errors first, then in plan order.
    void checked(const std::vector<sms::models::PlanIssue> &issues);

private:
    void schedule();

    const PlanDocument &m_document;
    QTimer m_timer;
    std::chrono::microseconds m_lastDuration{0};
};

} // namespace sms::models
