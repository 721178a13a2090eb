#pragma once
// EndpointActions: what the window asks of the endpoint, each through a
// services/ use case: read the catalog into the plan, import or delete the
// catalog, refresh the plan's applications from the endpoint, create or
// update the selected applications there, delete them there, review and
// apply the whole plan, disassociate a connector, reset the sandbox. Every
// change to the endpoint's applications goes through one engine
// (services::PlanApplier), whether for the whole plan or the selection.
// Confirmations and error dialogs for these live here too, so
// MainWindow only wires actions to them.

#include "models/PlanEditor.h"
#include "services/CatalogActions.h"
#include "services/CatalogLoader.h"
#include "services/EndpointSession.h"
#include "services/EndpointSnapshot.h"
#include "services/RefreshMerge.h"

#include <QObject>
#include <QPointer>

#include <optional>
#include <string>
#include <vector>

class QWidget;

namespace sms::ui {

class EndpointActions : public QObject
{
    Q_OBJECT

public:
    EndpointActions(services::EndpointSession &session, models::PlanEditor &editor, QWidget *window);
    ~EndpointActions() override;

    bool isConnected() const { return m_session.client() != nullptr; }
    bool isLoadingCatalog() const { return m_loader != nullptr; }
    // One change of the catalog and one of the applications at a time: two
    // pushes at once would create an application twice.
    bool isChangingCatalog() const { return m_catalogChange != nullptr; }
    bool isSyncingApplications() const { return m_appJob != nullptr; }
    // Stops everything running; what was sent may still have happened at SMS.
    void cancelAll();
    // What is running, for the status bar; empty when idle.
    QString activity() const;

    void loadCatalog();
    void cancelCatalogLoad();
    void importCatalog();
    void deleteCatalog();
    // Endpoint › Reset Sandbox: after a confirmation, the sandbox's saved state
    // is deleted and it starts over from the seeded demo estate.
    void resetSandbox();
    void refreshApplications();
    // Endpoint Applications › Bring into Plan: these applications, with their
    // settings, merged into the plan as Refresh Apps merges them all.
    void bringIntoPlan(std::vector<std::string> appIds);
    void pushApplications(const std::vector<models::PlanKey> &applications);
    void deleteApplicationsOnEndpoint(const std::vector<models::PlanKey> &applications);
    void disassociateConnector(const QString &connectorId);
    void loadConnectors();
    // Compares the plan with the endpoint and shows the changes; the user may
    // apply them from there (applyPlan).
    void reviewChanges();
    // Makes the endpoint match the plan, with a progress dialog; the ids the
    // endpoint gives go into the plan as they come. From Review, the
    // endpoint it read is where the apply starts.
    void applyPlan(std::optional<services::EndpointSnapshot> reviewed = std::nullopt);

Q_SIGNALS:
    void activityChanged(const QString &activity);
    void catalogProgress(qsizetype servers);
    void catalogLoaded(bool complete);
    void message(const QString &text);

private:
    void begin(const QString &what);
    void end(const QString &what);
    void reportError(const QString &title, const sms::SmsError &error);
    void loadReplicationJobs();
    // Refresh Apps (every application) or Bring into Plan (`only` these).
    void readIntoPlan(std::optional<std::vector<std::string>> only);
    // Brings a refresh into the plan and says what came in and what was kept.
    void reportRefresh(services::RefreshMerge merge);
    // Runs the apply engine over `plan` (the document's, or a part of it) with
    // a progress dialog, writing ids into the document as they come.
    void runApplier(models::PlanData plan, const QString &what,
                    std::optional<services::EndpointSnapshot> reviewed = std::nullopt);
    // Shows an import or delete of the catalog as it runs, then reads the catalog again.
    void watchCatalogChange(services::CatalogChange *change, const QString &what, const QString &done,
                            const QString &failed);
    bool confirm(const QString &title, const QString &text, const QString &acceptLabel);

    services::EndpointSession &m_session;
    models::PlanEditor &m_editor;
    QPointer<QWidget> m_window;
    QPointer<services::CatalogLoader> m_loader;
    QPointer<services::CatalogChange> m_catalogChange;
    QPointer<QObject> m_appJob;  // a SnapshotReader or PlanApplier
    QPointer<services::ConnectorDisassociation> m_disassociation;
    QStringList m_running;
};

} // namespace sms::ui
