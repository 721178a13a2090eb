#pragma once
// PlanIssuesList: a short list of the plan's checks (models/PlanValidation)
// for a dialog: errors first in the problem colour, warnings after, each with
// its icon. Settings given to a whole application give each of its servers
// the same issue, so one row stands for each kind, the rest counted and
// every message in its tooltip. The wizard's review and Review Changes show
// it; the Problems dock lists every issue on its own row instead.

#include "models/PlanValidation.h"

#include <QListWidget>

class QLabel;

#include <vector>

namespace sms::ui {

class PlanIssuesList : public QListWidget
{
    Q_OBJECT

public:
    // The issue code of a row, for tests and scripts.
    static constexpr int CodeRole = Qt::UserRole;

    explicit PlanIssuesList(QWidget *parent = nullptr);

    // Shows `issues` (in any order) and hides the list when there are none.
    void setIssues(const std::vector<models::PlanIssue> &issues);
    const std::vector<models::PlanIssue> &issues() const { return m_issues; }
    int errorCount() const;
    int warningCount() const { return int(m_issues.size()) - errorCount(); }
    // "2 errors, 1 warning", for a heading; empty when there are no issues.
    QString countsText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void fill();

    std::vector<models::PlanIssue> m_issues;  // errors first
};

// `heading` above `list` in one widget (for a splitter), the heading the list's buddy.
QWidget *withHeading(QLabel *heading, PlanIssuesList *list, QWidget *parent);

} // namespace sms::ui
