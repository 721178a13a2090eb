#pragma once
// ConnectorsModel: the endpoint's connectors (GetConnectors) as a table.
// Each refresh hands over the whole list; setConnectors() turns it into the
// smallest set of signals, keyed by connector id: rows whose id is gone are
// removed, changed rows get dataChanged, new ids are inserted at the end.
// A view keeps its selection and scroll position across a refresh.
// Sorting is the proxy's job, on RawRole.

#include "api/SmsTypes.h"

#include <QAbstractTableModel>
#include <QHash>

#include <vector>

namespace sms::models {

class ConnectorsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { ConnectorId, Status, Version, VmManager, IpAddress, MacAddress, Capabilities, AssociatedOn, ColumnCount };
    enum Role {
        RawRole = Qt::UserRole, // sort key: QString (Version zero-padded), QDateTime (AssociatedOn)
        ConnectorIdRole,        // QString, on every column
        HealthyRole,            // bool, on every column: status is HEALTHY
        StatusRole,             // QString, the status as the service sent it; empty when absent
    };

    explicit ConnectorsModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Connectors are keyed by connectorId; a repeated id keeps its first.
    void setConnectors(std::vector<api::Connector> connectors);

    const api::Connector &connector(int row) const { return m_rows[std::size_t(row)]; }
    int rowOf(const QString &connectorId) const { return m_rowOf.value(connectorId, -1); }

    // Words for the service's values, shared with whoever shows a connector.
    static QString statusText(const api::Connector &connector);
    static QString vmManagerTypeText(const api::OpenEnum<api::VmManagerType> &type);
    static QString capabilityText(const api::OpenEnum<api::ConnectorCapability> &capability);

private:
    QString text(const api::Connector &connector, int column) const;
    QVariant raw(const api::Connector &connector, int column) const;
    QString toolTip(const api::Connector &connector, int column) const;
    void removeGone(const QHash<QString, std::size_t> &incoming);
    void reindex();

    std::vector<api::Connector> m_rows;
    QHash<QString, int> m_rowOf;
};

} // namespace sms::models
