#include "models/ProblemsModel.h"

#include <algorithm>
#include <iterator>

namespace sms::models {
namespace {

using Severity = PlanIssue::Severity;

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

} // namespace

ProblemsModel::ProblemsModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PlanIssue &row = issue(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == Problem ? text(row.message) : text(row.where);
    case Qt::ToolTipRole:
        return text(row.message);
    case Qt::DecorationRole:
        if (index.column() == Problem)
            return row.severity == Severity::Error ? m_errorIcon : m_warningIcon;
        return {};
    case SeverityRole:
        return int(row.severity);
    case CodeRole:
        return text(row.code);
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == Problem ? tr("Problem") : tr("Where");
}

void ProblemsModel::setIcons(QIcon error, QIcon warning)
{
    m_errorIcon = std::move(error);
    m_warningIcon = std::move(warning);
    if (!m_issues.empty())
        Q_EMIT dataChanged(index(0, Problem), index(rowCount() - 1, Problem), {Qt::DecorationRole});
}

void ProblemsModel::setIssues(const std::vector<PlanIssue> &issues)
{
    const auto isError = [](const PlanIssue &issue) { return issue.severity == Severity::Error; };
    if (std::is_partitioned(issues.begin(), issues.end(), isError))
        return replaceRows(issues);
    std::vector<PlanIssue> ordered = issues;
    std::stable_partition(ordered.begin(), ordered.end(), isError);
    replaceRows(ordered);
}

void ProblemsModel::replaceRows(const std::vector<PlanIssue> &issues)
{
    // The rows both lists start with and end with stay; the run between is
    // replaced, and only it is copied (a big plan's check mostly repeats the last).
    const auto head = std::size_t(
        std::distance(m_issues.begin(), std::mismatch(m_issues.begin(), m_issues.end(), issues.begin(), issues.end()).first));
    const std::size_t most = std::min(m_issues.size(), issues.size()) - head;
    std::size_t tail = 0;
    while (tail < most && m_issues[m_issues.size() - 1 - tail] == issues[issues.size() - 1 - tail])
        ++tail;
    const int first = int(head);
    const int removed = int(m_issues.size() - head - tail);
    const int added = int(issues.size() - head - tail);

    // Rows both runs have in common change in place; the rest are removed or inserted.
    const int changed = std::min(removed, added);
    std::copy_n(issues.begin() + first, changed, m_issues.begin() + first);
    if (changed > 0)
        Q_EMIT dataChanged(index(first, 0), index(first + changed - 1, ColumnCount - 1));
    if (removed > changed) {
        beginRemoveRows({}, first + changed, first + removed - 1);
        m_issues.erase(m_issues.begin() + first + changed, m_issues.begin() + first + removed);
        endRemoveRows();
    } else if (added > changed) {
        beginInsertRows({}, first + changed, first + added - 1);
        m_issues.insert(m_issues.begin() + first + changed, issues.begin() + first + changed,
                        issues.begin() + first + added);
        endInsertRows();
    }
    m_errors = int(std::count_if(m_issues.begin(), m_issues.end(),
                                 [](const PlanIssue &issue) { return issue.severity == Severity::Error; }));
}

} // namespace sms::models
