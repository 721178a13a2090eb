#pragma once
// ProblemsModel: the plan's checks (PlanValidation) as a table for the
// Problems dock, a row per issue, errors first and then in plan order.
// Each check hands over the whole list; setIssues() keeps the rows both
// lists start and end with and replaces only the run between, so a view
// keeps its selection and scroll position when one edit adds or fixes an
// issue (a 100,000-server plan may have as many warnings). The icons are
// handed in: models link no widgets, and the view's style draws them.

#include "models/PlanValidation.h"

#include <QAbstractTableModel>
#include <QIcon>

#include <vector>

namespace sms::models {

class ProblemsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Problem, Where, ColumnCount };
    enum Role {
        SeverityRole = Qt::UserRole,  // int(PlanIssue::Severity)
        CodeRole,                     // QString: "unknown-server", …
    };

    explicit ProblemsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setIcons(QIcon error, QIcon warning);
    // `issues` in any order; already errors first (as PlanChecker gives
    // them), nothing is copied but the rows that changed.
    void setIssues(const std::vector<PlanIssue> &issues);

    const PlanIssue &issue(int row) const { return m_issues[std::size_t(row)]; }
    int errorCount() const { return m_errors; }
    int warningCount() const { return rowCount() - m_errors; }

private:
    void replaceRows(const std::vector<PlanIssue> &issues);  // errors first

    std::vector<PlanIssue> m_issues;
    int m_errors = 0;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace sms::models
