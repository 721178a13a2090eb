#pragma once
// The wizard's last page: what Finish will create (DraftSummary) and what
// the plan's checks say about it, errors in red and warnings below them.
// While there is an error, Finish is disabled and the page says why. A
// checkbox asks whether to apply the new application to the endpoint at once;
// the wizard's caller acts on it.

#include "models/PlanDocument.h"
#include "models/PlanValidation.h"
#include "ui/wizard/CheckedWizardPage.h"

#include <functional>

class QCheckBox;
class QLabel;
class QTextBrowser;

namespace sms::ui {

class PlanIssuesList;

class ApplicationReviewPage : public CheckedWizardPage
{
    Q_OBJECT

public:
    // `draft` gives the application as the other pages describe it now.
    ApplicationReviewPage(const models::PlanDocument &document, std::function<models::PlanApplication()> draft,
                          QWidget *parent = nullptr);

    void initializePage() override;
    QString problem() const override;
    bool applyNow() const;

    const std::vector<models::PlanIssue> &issues() const;
    QTextBrowser *summaryView() const { return m_summary; }
    PlanIssuesList *issuesView() const { return m_issuesView; }
    QCheckBox *applyNowCheck() const { return m_applyNow; }

protected:
    void retranslate() override;

private:
    void showCounts();

    const models::PlanDocument &m_document;
    std::function<models::PlanApplication()> m_draft;
    QTextBrowser *m_summary;
    QLabel *m_issuesLabel;
    PlanIssuesList *m_issuesView;
    QCheckBox *m_applyNow;
};

} // namespace sms::ui
