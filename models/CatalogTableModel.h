#pragma once
// CatalogTableModel: the document's server catalog as a table, one row per
// catalog server in catalog order. Rows arrive a page at a time (one
// beginInsertRows per page); the Application column follows the plan.
// Sorting and filtering are CatalogFilterModel's job.

#include "models/LiveStatusText.h"
#include "models/PlanDocument.h"

#include <QAbstractTableModel>

namespace sms::models {

class CatalogTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { VmName, Manager, ManagerType, Path, ServerId, ReplicationJob, JobState, Application, ColumnCount };
    enum Role {
        ServerIdRole = Qt::UserRole,  // QString
        PlacementRole,                // the application's PlanKey (quint64), 0 when in none
    };

    explicit CatalogTableModel(PlanDocument &document, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

    const PlanDocument &document() const { return m_document; }
    // The servers of the given rows (any column), each once, in row order.
    std::vector<std::string> serverIds(const QModelIndexList &indexes) const;

    // The texts the catalog shows for a server, shared with the filter model
    // so that what is found is what is shown.
    static QString applicationText(const PlanDocument &document, const api::Server &server);

    // The replication monitor's view of the servers' jobs (not owned; nullptr:
    // the state the catalog was read with), and the rows to repaint when it changes.
    void setLiveStatus(const LiveStatus *status);
    void liveStatusChanged(const std::vector<std::string> &serverIds);

private:
    QString text(const api::Server &server, int column) const;
    // The Job state cell: live when the monitor has seen the job, else as read with the catalog.
    StatusCell jobStateCell(const api::Server &server) const;
    void emitAllJobStatesChanged();

    PlanDocument &m_document;
    const LiveStatus *m_live = nullptr;
};

} // namespace sms::models
