#pragma once
// ReplicationRunsModel: one server's replication runs (GetReplicationRuns) as
// a table for the replication monitor. Each pass hands over the whole list;
// setRuns() keys it by replicationRunId and turns it into the fewest signals:
// gone runs removed, new runs inserted in one batch at the end, changed rows
// updated in place. A view keeps its selection and scroll position across
// passes (a reset would lose both every few seconds). Sorting is the proxy's
// job, on RawRole; the view shows runs newest first through it.

#include "api/SmsTypes.h"
#include "models/KeyedTableModel.h"

#include <optional>
#include <vector>

namespace sms::models {

struct ReplicationRunRow
{
    std::string runId;
    api::ReplicationRun run;

    const std::string &key() const { return runId; }
    bool operator==(const ReplicationRunRow &) const = default;
};

class ReplicationRunsModel : public KeyedTableModel<ReplicationRunRow>
{
    Q_OBJECT

public:
    enum Column { RunId, Type, State, Stage, StatusMessage, AmiId, ScheduledStart, Completed, ColumnCount };
    enum Role {
        // Sort key: QString, the Stage's progress fraction (double), times as
        // epoch seconds (double). An unscheduled run sorts first and a run not
        // completed last (it ends after every completed one).
        RawRole = Qt::UserRole,
        RunIdRole,     // QString, on every column
        FailedRole,    // bool, on every column: the run's state is FAILED
        ProgressRole,  // double 0..1 on every column, the stage's progress; invalid when the endpoint gave none
    };

    explicit ReplicationRunsModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Runs are keyed by replicationRunId; a repeated id keeps its first, and a
    // run without an id (the service always sends one) is left out.
    void setRuns(std::vector<api::ReplicationRun> runs);

    const api::ReplicationRun &run(int at) const { return row(at).run; }
    using KeyedTableModel::rowOf;
    int rowOf(const QString &runId) const { return rowOf(runId.toStdString()); }

    // Words for a run, shared with the timeline's labels and tooltips.
    static QString stateText(const std::optional<api::OpenEnum<api::ReplicationRunState>> &state);
    static QString typeText(const std::optional<api::OpenEnum<api::ReplicationRunType>> &type);
    // "Uploading 45%"; the stage alone when no progress was given.
    static QString stageText(const api::ReplicationRun &run);
    // stageProgress ("45%") as 0.45; nullopt when absent or not a number.
    static std::optional<double> progressOf(const api::ReplicationRun &run);
    // A run's time in local time, short format; empty when absent.
    static QString timeText(const std::optional<api::Timestamp> &time);

private:
    QString text(const api::ReplicationRun &run, int column) const;
    QVariant raw(const api::ReplicationRun &run, int column) const;
};

} // namespace sms::models
