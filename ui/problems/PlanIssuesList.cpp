#include "ui/problems/PlanIssuesList.h"

#include "api/QtText.h"
#include "ui/wizard/CheckedWizardPage.h"  // problemColour

#include <QEvent>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace sms::ui {

using Severity = models::PlanIssue::Severity;

PlanIssuesList::PlanIssuesList(QWidget *parent)
    : QListWidget(parent)
{
    setWordWrap(true);
    setIconSize(QSize(16, 16));
    setTextElideMode(Qt::ElideNone);
    setResizeMode(QListView::Adjust);  // wrapped rows follow the width
    setVisible(false);
}

void PlanIssuesList::setIssues(const std::vector<models::PlanIssue> &issues)
{
    m_issues = issues;
    // Errors first: they are what blocks.
    std::stable_partition(m_issues.begin(), m_issues.end(),
                          [](const models::PlanIssue &issue) { return issue.severity == Severity::Error; });
    fill();
}

int PlanIssuesList::errorCount() const
{
    return int(std::count_if(m_issues.begin(), m_issues.end(),
                             [](const models::PlanIssue &issue) { return issue.severity == Severity::Error; }));
}

QString PlanIssuesList::countsText() const
{
    if (m_issues.empty())
        return {};
    return tr("%1, %2").arg(tr("%n error(s)", nullptr, errorCount()), tr("%n warning(s)", nullptr, warningCount()));
}

void PlanIssuesList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::PaletteChange)
        fill();
    QListWidget::changeEvent(event);
}

void PlanIssuesList::fill()
{
    clear();
    std::map<std::pair<Severity, std::string>, QListWidgetItem *> rows;
    std::map<QListWidgetItem *, QStringList> messages;
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const models::PlanIssue &issue : m_issues) {
        QListWidgetItem *&item = rows[{issue.severity, issue.code}];
        if (!item) {
            const bool error = issue.severity == Severity::Error;
            item = new QListWidgetItem(error ? errorIcon : warningIcon, api::toQString(issue.message), this);
            item->setData(CodeRole, api::toQString(issue.code));
            if (error)
                item->setForeground(problemColour(palette()));
        }
        messages[item] << api::toQString(issue.message);
    }
    for (auto &[item, texts] : messages) {
        if (texts.size() > 1)
            item->setText(texts.front() + QLatin1Char(' ')
                          + tr("(And %n more like it.)", nullptr, int(texts.size()) - 1));
        item->setToolTip(texts.join(QLatin1Char('\n')));
    }
    setVisible(!m_issues.empty());
}

QWidget *withHeading(QLabel *heading, PlanIssuesList *list, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(heading);
    layout->addWidget(list, 1);
    heading->setBuddy(list);
    return widget;
}

} // namespace sms::ui
