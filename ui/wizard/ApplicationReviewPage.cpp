#include "ui/wizard/ApplicationReviewPage.h"

#include "ui/problems/PlanIssuesList.h"
#include "ui/wizard/ApplicationDraft.h"
#include "ui/wizard/DraftSummary.h"

#include <QCheckBox>
#include <QLabel>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace sms::ui {

ApplicationReviewPage::ApplicationReviewPage(const models::PlanDocument &document,
                                             std::function<models::PlanApplication()> draft, QWidget *parent)
    : CheckedWizardPage(parent)
    , m_document(document)
    , m_draft(std::move(draft))
    , m_summary(new QTextBrowser(this))
    , m_issuesLabel(new QLabel(this))
    , m_issuesView(new PlanIssuesList(this))
    , m_applyNow(new QCheckBox(this))
{
    m_summary->setObjectName(QStringLiteral("summaryView"));
    m_issuesView->setObjectName(QStringLiteral("issuesView"));
    m_applyNow->setObjectName(QStringLiteral("applyNowCheck"));

    QWidget *checks = withHeading(m_issuesLabel, m_issuesView, this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_summary);
    splitter->addWidget(checks);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    body()->addWidget(splitter, 1);
    body()->addWidget(m_applyNow);
    retranslate();
}

void ApplicationReviewPage::retranslate()
{
    setTitle(tr("Review"));
    setSubTitle(tr("Finish adds this application to the plan as one step that Undo takes back."));
    m_applyNow->setText(tr("Apply to the &endpoint now: create the application there after Finish"));
    m_summary->setAccessibleName(tr("What will be created"));
    showCounts();
}

void ApplicationReviewPage::initializePage()
{
    const models::PlanApplication draft = m_draft();
    m_summary->setHtml(DraftSummary::html(m_document, draft));
    m_issuesView->setIssues(draftIssues(m_document, draft));
    showCounts();
    recheck();
}

const std::vector<models::PlanIssue> &ApplicationReviewPage::issues() const
{
    return m_issuesView->issues();
}

void ApplicationReviewPage::showCounts()
{
    if (m_issuesView->issues().empty())
        m_issuesLabel->setText(tr("&Checks: the plan's checks find nothing to fix."));
    else
        m_issuesLabel->setText(tr("&Checks: %1.").arg(m_issuesView->countsText()));
}

QString ApplicationReviewPage::problem() const
{
    const int errors = m_issuesView->errorCount();
    if (errors == 0)
        return {};
    return tr("%n error(s) above keep the application from being created: go Back to the page concerned and"
              " fix it.",
              nullptr, errors);
}

bool ApplicationReviewPage::applyNow() const
{
    return m_applyNow->isChecked();
}

} // namespace sms::ui
