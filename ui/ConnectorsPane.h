#pragma once
// ConnectorsPane: the endpoint's connectors, sortable, with their health at a
// glance. Refresh and Disassociate are requests to the main window, which
// runs them through services/; Disassociate asks first, naming the connector.

#include "models/ConnectorsModel.h"

#include <QPointer>
#include <QSortFilterProxyModel>
#include <QWidget>

class QAction;
class QLabel;
class QMessageBox;
class QToolBar;
class QTreeView;

namespace sms::ui {

class ConnectorsPane : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectorsPane(QWidget *parent = nullptr);

    void setConnectors(std::vector<api::Connector> connectors);
    const models::ConnectorsModel &connectors() const { return m_model; }
    // While a refresh runs its button waits, so clicks do not pile up.
    void setRefreshing(bool refreshing);
    // Empty when no row is current.
    QString currentConnectorId() const;
    void setCurrentConnector(const QString &connectorId);

Q_SIGNALS:
    void refreshRequested();
    // After the user confirmed; the main window disassociates and refreshes.
    void disassociateRequested(const QString &connectorId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void confirmDisassociate();
    void updateActions();
    void updateSummary();
    void showContextMenu(const QPoint &position);

    models::ConnectorsModel m_model;
    QSortFilterProxyModel m_sorted;
    QToolBar *m_toolBar;
    QAction *m_refresh;
    QAction *m_disassociate;
    QAction *m_copyId;
    QLabel *m_summary;
    QTreeView *m_view;
    QPointer<QMessageBox> m_confirmation;
    bool m_refreshing = false;
    bool m_sized = false; // columns fitted to the first connectors shown
};

} // namespace sms::ui
