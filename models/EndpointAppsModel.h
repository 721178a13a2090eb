#pragma once
// EndpointAppsModel: the endpoint's applications (ListApps) as the
// replication monitor last saw them, one row per appId, for the monitor's
// applications table. ReplicationStore hands over each pass's rows; the
// KeyedTableModel base turns them into the fewest row signals.

#include "api/SmsTypes.h"
#include "models/KeyedTableModel.h"
#include "models/StatusTone.h"

#include <optional>
#include <string>

namespace sms::models {

struct EndpointAppRow
{
    std::string appId;
    api::AppSummary app;
    std::optional<int> servers;  // GetApp's servers when read, else ListApps' totalServers

    const std::string &key() const { return appId; }
    bool operator==(const EndpointAppRow &) const = default;
};

class EndpointAppsModel : public KeyedTableModel<EndpointAppRow>
{
    Q_OBJECT

public:
    enum Column { Name, Status, ReplicationStatus, LaunchStatus, Servers, LastReplicated, LastLaunched, Message,
                  ColumnCount };
    enum Role {
        RawRole = Qt::UserRole, // sort key: QString (wire text for the statuses), int, QDateTime
        AppIdRole,              // QString, on every column
        ToneRole,               // int (models::Tone): the column's status on status columns, the row's elsewhere
    };

    explicit EndpointAppsModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The row's overall tone: the worst of its three statuses.
    static Tone toneOf(const api::AppSummary &app);
    // Its status, replication and launch messages, those it has, in that order.
    static QStringList messagesOf(const api::AppSummary &app);

private:
    QString text(const EndpointAppRow &row, int column) const;
    QVariant raw(const EndpointAppRow &row, int column) const;
    Tone tone(const EndpointAppRow &row, int column) const;
};

} // namespace sms::models
