#include "ui/monitor/FailedRunsFilter.h"

#include "models/ReplicationRunsModel.h"

namespace sms::ui {

FailedRunsFilter::FailedRunsFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(models::ReplicationRunsModel::RawRole);
    // A pass changes rows in place; keep them where the sort says.
    setDynamicSortFilter(true);
}

void FailedRunsFilter::setFailuresOnly(bool only)
{
    if (only == m_failuresOnly)
        return;
    m_failuresOnly = only;
    invalidateRowsFilter();
}

bool FailedRunsFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_failuresOnly)
        return true;
    return sourceModel()->index(sourceRow, 0, sourceParent).data(models::ReplicationRunsModel::FailedRole).toBool();
}

} // namespace sms::ui
