#pragma once
// ReviewChangesDialog: what applying the plan would change at the endpoint,
// before anything is sent. Each change is a row (operation, application,
// why); its lines of difference are its children, and the request it will
// send shows below for the selected change. Servers the endpoint does not
// have are listed at the top, and then Apply stays disabled. The plan's
// checks (models/PlanValidation) show above the changes: an error keeps
// Apply disabled, as `sms-plan plan apply` refuses such a plan.

#include "models/PlanValidation.h"
#include "services/PlanDiff.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace sms::ui {

class PlanIssuesList;

class ReviewChangesDialog : public QDialog
{
    Q_OBJECT

public:
    // `issues`: validatePlan() of the plan the changes come from.
    ReviewChangesDialog(services::ChangeSet changes, std::vector<models::PlanIssue> issues, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    PlanIssuesList *issuesView() const { return m_issues; }
    QLabel *issuesLabel() const { return m_issuesLabel; }
    QPushButton *applyButton() const { return m_apply; }

private:
    void fill();
    void showIssues();
    void showRequest();

    services::ChangeSet m_changes;
    QLabel *m_summary;
    QLabel *m_blockers;
    QLabel *m_issuesLabel;
    PlanIssuesList *m_issues;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_request;
    QPushButton *m_apply;
};

} // namespace sms::ui
