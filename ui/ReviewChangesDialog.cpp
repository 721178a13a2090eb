#include "ui/ReviewChangesDialog.h"

#include "ui/problems/PlanIssuesList.h"
#include "ui/wizard/CheckedWizardPage.h"  // problemColour

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sms::ui {
namespace {

constexpr int kChangeRole = Qt::UserRole + 1;  // the change's index, on its top-level row

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

} // namespace

ReviewChangesDialog::ReviewChangesDialog(services::ChangeSet changes, std::vector<models::PlanIssue> issues,
                                         QWidget *parent)
    : QDialog(parent)
    , m_changes(std::move(changes))
    , m_summary(new QLabel(this))
    , m_blockers(new QLabel(this))
    , m_issuesLabel(new QLabel(this))
    , m_issues(new PlanIssuesList(this))
    , m_tree(new QTreeWidget(this))
    , m_request(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Review Changes"));
    m_summary->setWordWrap(true);
    m_blockers->setWordWrap(true);
    m_blockers->setTextFormat(Qt::PlainText);
    QPalette blockersPalette = m_blockers->palette();
    blockersPalette.setColor(QPalette::WindowText, problemColour(blockersPalette));  // readable on a dark palette too
    m_blockers->setPalette(blockersPalette);
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Change"), tr("Application"), tr("Why")});
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_request->setReadOnly(true);
    m_request->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_request->setPlaceholderText(tr("Select a change to see the request it sends."));

    m_issuesLabel->setWordWrap(true);
    m_issues->setObjectName(QStringLiteral("issuesView"));
    m_issues->setIssues(issues);
    QWidget *checks = withHeading(m_issuesLabel, m_issues, this);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(checks);
    splitter->addWidget(m_tree);
    splitter->addWidget(m_request);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 1);
    if (m_issues->issues().empty())
        splitter->setSizes({0, 3, 1});  // just the heading saying so

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_blockers);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &ReviewChangesDialog::showRequest);
    resize(1000, 640);
    fill();
}

void ReviewChangesDialog::fill()
{
    const auto &changes = m_changes.changes;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const services::Change &change = changes[i];
        auto *row = new QTreeWidgetItem(m_tree, {QStringLiteral("%1. %2").arg(i + 1).arg(QLatin1String(change.operation())),
                                                 text(change.appName), text(change.why)});
        row->setData(0, kChangeRole, int(i));
        row->setToolTip(2, text(change.why));
        for (const std::string &line : change.details)
            new QTreeWidgetItem(row, {QString(), QString(), text(line)});
        if (change.provisional)
            new QTreeWidgetItem(row, {QString(), QString(),
                                      tr("Its server group ids come from the change before it; "
                                         "the request is completed then.")});
    }
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
    m_tree->resizeColumnToContents(1);

    QStringList blockers;
    for (const std::string &blocker : m_changes.blockers)
        blockers << text(blocker);
    m_blockers->setText(blockers.isEmpty() ? QString()
                                           : tr("The plan cannot be applied until these servers are found:\n%1")
                                                 .arg(blockers.join(QLatin1Char('\n'))));
    m_blockers->setVisible(!blockers.isEmpty());

    QString summary = changes.empty() ? tr("The endpoint matches the plan: nothing to change.")
                                      : tr("Applying the plan makes %n change(s) at the endpoint, in this order.", nullptr,
                                           int(changes.size()));
    if (!m_changes.untouched.empty())
        summary += QLatin1Char(' ')
                 + tr("%n application(s) at the endpoint are not in the plan and are left alone.", nullptr,
                      int(m_changes.untouched.size()));
    m_summary->setText(summary);
    showIssues();
    m_apply->setEnabled(!changes.empty() && m_changes.blockers.empty() && m_issues->errorCount() == 0);
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
}

void ReviewChangesDialog::showIssues()
{
    const int errors = m_issues->errorCount();
    QString text;
    if (m_issues->issues().empty())
        text = tr("The plan's &checks find nothing to fix.");
    else if (errors > 0)
        text = tr("The plan's &checks: %1. Apply stays disabled until the errors are fixed in the plan (the"
                  " Problems pane lists them all).")
                   .arg(m_issues->countsText());
    else
        text = tr("The plan's &checks: %1. They do not block the apply, but look at them first.")
                   .arg(m_issues->countsText());
    m_issuesLabel->setText(text);
    QPalette palette = m_issuesLabel->palette();
    if (errors > 0)
        palette.setColor(QPalette::WindowText, problemColour(palette));
    m_issuesLabel->setPalette(palette);
}

void ReviewChangesDialog::showRequest()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->parent())
        item = item->parent();
    if (!item) {
        m_request->clear();
        return;
    }
    const services::Change &change = m_changes.changes[std::size_t(item->data(0, kChangeRole).toInt())];
    m_request->setPlainText(QStringLiteral("%1\n%2").arg(QLatin1String(change.operation()), text(change.requestJson(2))));
}

} // namespace sms::ui
