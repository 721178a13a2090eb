#include "ui/wizard/ApplicationReviewPage.h"

#include "api/QtText.h"
#include "ui/wizard/ApplicationDraft.h"
#include "ui/wizard/DraftSummary.h"

#include <QCheckBox>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace sms::ui {
namespace {

using Severity = models::PlanIssue::Severity;

int errorCount(const std::vector<models::PlanIssue> &issues)
{
    return int(std::count_if(issues.begin(), issues.end(),
                             [](const models::PlanIssue &issue) { return issue.severity == Severity::Error; }));
}

} // namespace

ApplicationReviewPage::ApplicationReviewPage(const models::PlanDocument &document,
                                             std::function<models::PlanApplication()> draft, QWidget *parent)
    : CheckedWizardPage(parent)
    , m_document(document)
    , m_draft(std::move(draft))
    , m_summary(new QTextBrowser(this))
    , m_issuesLabel(new QLabel(this))
    , m_issuesView(new QListWidget(this))
    , m_applyNow(new QCheckBox(this))
{
    m_summary->setObjectName(QStringLiteral("summaryView"));
    m_issuesView->setObjectName(QStringLiteral("issuesView"));
    m_applyNow->setObjectName(QStringLiteral("applyNowCheck"));
    m_issuesView->setWordWrap(true);
    m_issuesView->setIconSize(QSize(16, 16));
    m_issuesView->setTextElideMode(Qt::ElideNone);
    m_issuesView->setResizeMode(QListView::Adjust);  // wrapped rows follow the width
    m_issuesLabel->setBuddy(m_issuesView);

    auto *checks = new QWidget(this);
    auto *checksLayout = new QVBoxLayout(checks);
    checksLayout->setContentsMargins(0, 0, 0, 0);
    checksLayout->addWidget(m_issuesLabel);
    checksLayout->addWidget(m_issuesView, 1);
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
    showIssues();
}

void ApplicationReviewPage::initializePage()
{
    const models::PlanApplication draft = m_draft();
    m_summary->setHtml(DraftSummary::html(m_document, draft));
    m_issues = draftIssues(m_document, draft);
    // Errors first: they are what keeps Finish disabled.
    std::stable_partition(m_issues.begin(), m_issues.end(),
                          [](const models::PlanIssue &issue) { return issue.severity == Severity::Error; });
    showIssues();
    recheck();
}

void ApplicationReviewPage::showIssues()
{
    const int errors = errorCount(m_issues);
    const int warnings = int(m_issues.size()) - errors;
    if (m_issues.empty())
        m_issuesLabel->setText(tr("&Checks: the plan's checks find nothing to fix."));
    else
        m_issuesLabel->setText(tr("&Checks: %1, %2.")
                                   .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));
    m_issuesView->clear();
    // Settings set for the application give each server the same issue:
    // one row per kind, the rest counted, every message in the tooltip.
    std::map<std::pair<Severity, std::string>, QListWidgetItem *> rows;
    std::map<QListWidgetItem *, QStringList> messages;
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const models::PlanIssue &issue : m_issues) {
        QListWidgetItem *&item = rows[{issue.severity, issue.code}];
        if (!item) {
            const bool error = issue.severity == Severity::Error;
            item = new QListWidgetItem(error ? errorIcon : warningIcon, api::toQString(issue.message), m_issuesView);
            item->setData(Qt::UserRole, api::toQString(issue.code));
            if (error)
                item->setForeground(problemColour(m_issuesView->palette()));
        }
        messages[item] << api::toQString(issue.message);
    }
    for (auto &[item, texts] : messages) {
        if (texts.size() > 1)
            item->setText(texts.front() + QLatin1Char(' ')
                          + tr("(And %n more like it.)", nullptr, int(texts.size()) - 1));
        item->setToolTip(texts.join(QLatin1Char('\n')));
    }
    m_issuesView->setVisible(!m_issues.empty());
}

QString ApplicationReviewPage::problem() const
{
    const int errors = errorCount(m_issues);
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
