#pragma once
// ReplicationJobsModel: the endpoint's replication jobs as the monitor last
// saw them, one row per replicationJobId, with what the store derives from
// watching them (the run in progress, its ETA, stalled, overdue). The store
// hands over each pass's rows; KeyedTableModel turns them into the fewest
// row signals. A filter proxy shows one application's jobs through AppIdRole.

#include "api/SmsTypes.h"
#include "models/KeyedTableModel.h"
#include "models/StatusTone.h"

#include <optional>
#include <string>
#include <vector>

namespace sms::models {

struct ReplicationJobRow
{
    std::string jobId;
    std::string serverId;
    std::string vmName;
    std::string appId;      // empty: the job's server is in no listed application
    std::string appName;
    std::string groupName;
    std::optional<api::OpenEnum<api::ReplicationJobState>> state;
    std::string runId;      // the run in progress; empty when none
    std::string stage;
    std::optional<int> stagePercent;
    std::optional<double> eta;            // epoch seconds
    std::string latestAmiId;
    std::optional<double> nextRun;        // epoch seconds
    std::optional<double> lastCompleted;  // epoch seconds
    std::string message;
    bool stalled = false;
    bool overdue = false;

    const std::string &key() const { return jobId; }
    bool operator==(const ReplicationJobRow &) const = default;
};

class ReplicationJobsModel : public KeyedTableModel<ReplicationJobRow>
{
    Q_OBJECT

public:
    enum Column { Server, ServerId, Application, Group, JobState, CurrentRun, Eta, LatestAmi, NextRun,
                  LastCompleted, Message, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole, // sort key: QString (wire text for the state), int (run percent), QDateTime
        JobIdRole,              // QString, on every column
        ServerIdRole,           // QString, on every column
        AppIdRole,              // QString, on every column: filter one application's jobs on it
        ToneRole,               // int (models::Tone), on every column
        StalledRole,            // bool, on every column
        OverdueRole,            // bool, on every column
    };

    explicit ReplicationJobsModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The row of the job replicating `serverId`, or -1.
    int rowOfServer(const std::string &serverId) const;
    // The rows of one application's jobs, in row order.
    std::vector<int> rowsOfApplication(const std::string &appId) const;

    static Tone toneOf(const ReplicationJobRow &row);

private:
    QString text(const ReplicationJobRow &row, int column) const;
    QVariant raw(const ReplicationJobRow &row, int column) const;
    QString toolTip(const ReplicationJobRow &row, int column) const;
};

} // namespace sms::models
