#pragma once
// ProblemsPane: the Problems dock, every issue the plan's checks find (the
// same as `sms-plan plan validate`), errors first with their icons, what and
// where. It follows the plan as it changes (PlanChecker runs the checks a
// moment after the last edit). Double-click or Enter on a row asks the main
// window to select what the issue is about in the Applications pane.

#include "models/PlanChecker.h"
#include "models/ProblemsModel.h"

#include <QWidget>

class QLabel;
class QTreeView;

namespace sms::models {
class PlanDocument;
} // namespace sms::models

namespace sms::ui {

class ProblemsPane : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPane(const models::PlanDocument &document, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLabel *summaryLabel() const { return m_summary; }
    const models::ProblemsModel &model() const { return m_model; }
    models::PlanChecker &checker() { return m_checker; }

Q_SIGNALS:
    void showRequested(const sms::models::PlanSubject &subject);
    // After each check, for the dock's title.
    void countsChanged(int errors, int warnings);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showIssues(const std::vector<models::PlanIssue> &issues);
    void updateIcons();
    void updateSummary();

    models::ProblemsModel m_model;
    models::PlanChecker m_checker;
    QLabel *m_summary;
    QTreeView *m_view;
};

} // namespace sms::ui
