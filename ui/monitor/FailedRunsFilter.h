#pragma once
// FailedRunsFilter: the runs table's proxy. It sorts on the model's RawRole
// (times as numbers, the stage by progress) and, with failuresOnly, keeps only
// the rows whose FailedRole is true.

#include <QSortFilterProxyModel>

namespace sms::ui {

class FailedRunsFilter : public QSortFilterProxyModel
{
public:
    explicit FailedRunsFilter(QObject *parent = nullptr);

    void setFailuresOnly(bool only);
    bool failuresOnly() const { return m_failuresOnly; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool m_failuresOnly = false;
};

} // namespace sms::ui
