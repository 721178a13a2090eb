#pragma once
// RunsTable: one server's replication runs as a sortable table (newest first
// until the user sorts otherwise), the stage as a progress bar, and a
// "Failures only" filter for the runs worth reading about.

#include "models/ReplicationRunsModel.h"
#include "ui/monitor/FailedRunsFilter.h"

#include <QWidget>

class QCheckBox;
class QTableView;

namespace sms::ui {

class RunsTable : public QWidget
{
    Q_OBJECT

public:
    explicit RunsTable(QWidget *parent = nullptr);

    void setRuns(std::vector<api::ReplicationRun> runs);
    const models::ReplicationRunsModel &runs() const { return m_model; }
    const FailedRunsFilter &shown() const { return m_filter; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    models::ReplicationRunsModel m_model;
    FailedRunsFilter m_filter;
    QCheckBox *m_failuresOnly;
    QTableView *m_view;
    bool m_sized = false; // columns fitted to the first runs shown
};

} // namespace sms::ui
