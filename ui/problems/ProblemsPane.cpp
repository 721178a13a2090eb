#include "ui/problems/ProblemsPane.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace sms::ui {

ProblemsPane::ProblemsPane(const models::PlanDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_model(this)
    , m_checker(document, this)
    , m_summary(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_view->setObjectName(QStringLiteral("problemsView"));
    m_view->setModel(&m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);  // a plan of 100,000 servers may have as many warnings
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->header()->setStretchLastSection(true);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_view->header()->resizeSection(models::ProblemsModel::Problem, em * 60);
    m_summary->setContentsMargins(6, 2, 6, 2);
    m_summary->setObjectName(QStringLiteral("problemsSummary"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);

    // activated: a double-click or Enter, as the platform has it.
    connect(m_view, &QTreeView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT showRequested(m_model.issue(index.row()).subject); });
    connect(&m_checker, &models::PlanChecker::checked, this, &ProblemsPane::showIssues);
    updateIcons();
    retranslate();
    m_checker.checkNow();
}

void ProblemsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    if (event->type() == QEvent::StyleChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void ProblemsPane::updateIcons()
{
    m_model.setIcons(style()->standardIcon(QStyle::SP_MessageBoxCritical),
                     style()->standardIcon(QStyle::SP_MessageBoxWarning));
}

void ProblemsPane::retranslate()
{
    m_view->setToolTip(tr("Double-click a problem to select its application, group or server."));
    updateSummary();
}

void ProblemsPane::showIssues(const std::vector<models::PlanIssue> &issues)
{
    m_model.setIssues(issues);
    updateSummary();
}

void ProblemsPane::updateSummary()
{
    const int errors = m_model.errorCount();
    const int warnings = m_model.warningCount();
    if (errors + warnings == 0)
        m_summary->setText(tr("The plan's checks find nothing to fix."));
    else
        m_summary->setText(tr("%1, %2. Errors keep the plan from being applied; warnings are allowed but"
                              " probably not meant.")
                               .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));
    Q_EMIT countsChanged(errors, warnings);
}

} // namespace sms::ui
