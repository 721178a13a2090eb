#include "ui/EndpointActions.h"

#include "services/AppSync.h"
#include "services/CatalogActions.h"
#include "services/CatalogLoader.h"
#include "services/PlainWords.h"
#include "services/EndpointLists.h"
#include "services/PlanApplier.h"
#include "services/SnapshotReader.h"
#include "ui/ReviewChangesDialog.h"

#include <QDateTime>
#include <QMessageBox>
#include <QProgressDialog>
#include <QWidget>

namespace sms::ui {
namespace {

models::CatalogSource sourceOf(const services::EndpointSession &session)
{
    models::CatalogSource source;
    source.endpoint = session.endpoint().toString(QUrl::RemoveUserInfo).toStdString();
    source.region = session.region().toStdString();
    return source;
}

} // namespace

EndpointActions::EndpointActions(services::EndpointSession &session, models::PlanEditor &editor, QWidget *window)
    : QObject(window)
    , m_session(session)
    , m_editor(editor)
    , m_window(window)
{
    // Work for one endpoint or one plan must not land in another.
    connect(&session, &services::EndpointSession::aboutToClose, this, &EndpointActions::cancelAll);
    connect(&editor.document(), &models::PlanDocument::aboutToReset, this, &EndpointActions::cancelAll);
}

void EndpointActions::cancelAll()
{
    if (m_loader)
        m_loader->cancel();
    if (m_catalogChange)
        m_catalogChange->cancel();
    if (auto *refresh = qobject_cast<services::AppRefresh *>(m_appJob))
        refresh->cancel();
    if (auto *push = qobject_cast<services::AppPush *>(m_appJob))
        push->cancel();
    if (auto *reader = qobject_cast<services::SnapshotReader *>(m_appJob))
        reader->cancel();
    if (auto *applier = qobject_cast<services::PlanApplier *>(m_appJob))
        applier->cancel();
    if (m_disassociation)
        m_disassociation->cancel();
}

EndpointActions::~EndpointActions() = default;

QString EndpointActions::activity() const
{
    return m_running.join(QStringLiteral(" \u00B7 "));
}

void EndpointActions::begin(const QString &what)
{
    m_running << what;
    Q_EMIT activityChanged(activity());
}

void EndpointActions::end(const QString &what)
{
    m_running.removeOne(what);
    Q_EMIT activityChanged(activity());
}

void EndpointActions::reportError(const QString &title, const SmsError &error)
{
    const QString words = services::plainWords(error);
    Q_EMIT message(title + QStringLiteral(": ") + words);
    if (m_window && error.errorCode() != ErrorCode::Canceled)
        QMessageBox::warning(m_window, title, words);
}

bool EndpointActions::confirm(const QString &title, const QString &text, const QString &acceptLabel)
{
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, m_window);
    box.addButton(acceptLabel, QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() != QMessageBox::Cancel;
}

void EndpointActions::resetSandbox()
{
    if (!m_session.isSandbox()
        || !confirm(tr("Reset the local sandbox"),
                    tr("Start the local sandbox over from its demo estate? Everything done in it since is lost: "
                       "applications, replication jobs and launches. The plan keeps its applications; Review "
                       "Changes would create them again."),
                    tr("Reset Sandbox")))
        return;
    if (const auto reset = m_session.resetSandbox(); !reset) {
        reportError(tr("Could not reset the local sandbox"), reset.error());
        return;
    }
    Q_EMIT message(tr("The local sandbox starts over from its demo estate."));
    loadCatalog();
}

void EndpointActions::loadCatalog()
{
    client::SmsClient *client = m_session.client();
    if (!client || m_loader)
        return;
    models::PlanDocument &document = m_editor.document();
    document.beginCatalog(sourceOf(m_session));
    const QString what = tr("Reading the catalog");
    begin(what);
    auto *loader = new services::CatalogLoader(*client, this);
    m_loader = loader;
    connect(loader, &services::CatalogLoader::serversArrived, this,
            [&document](std::vector<api::Server> page) { document.appendServers(std::move(page)); });
    connect(loader, &services::CatalogLoader::progress, this, &EndpointActions::catalogProgress);
    connect(loader, &services::CatalogLoader::connectorsArrived, this,
            [&document](std::vector<api::Connector> connectors) { document.setConnectors(std::move(connectors)); });
    connect(loader, &services::CatalogLoader::finished, this,
            [this, what, &document](const Result<models::CatalogSource> &result) {
                m_loader = nullptr;
                end(what);
                if (result) {
                    document.setCatalogSource(result.value());  // with readAt: complete
                    Q_EMIT message(tr("Read %n server(s) from the endpoint.", nullptr,
                                      int(document.catalog().servers.size())));
                    loadReplicationJobs();
                } else {
                    reportError(tr("Could not read the catalog"), result.error());
                }
                Q_EMIT catalogLoaded(result.ok());
            });
    Q_EMIT catalogProgress(0);
    loader->start();
}

void EndpointActions::cancelCatalogLoad()
{
    if (m_loader)
        m_loader->cancel();
}

void EndpointActions::loadReplicationJobs()
{
    client::SmsClient *client = m_session.client();
    if (!client)
        return;
    const QString what = tr("Reading replication jobs");
    begin(what);
    services::loadReplicationJobs(*client, this, [this, what](Result<std::vector<models::ReplicationJobSummary>> jobs) {
        end(what);
        if (jobs)
            m_editor.document().setReplicationJobs(std::move(jobs).value());
        else
            reportError(tr("Could not read the replication jobs"), jobs.error());
    });
}

void EndpointActions::importCatalog()
{
    if (m_catalogChange)
        return;
    if (client::SmsClient *client = m_session.client())
        watchCatalogChange(services::importCatalog(*client, this), tr("Importing the catalog"),
                           tr("The catalog was imported."), tr("Could not import the catalog"));
}

void EndpointActions::deleteCatalog()
{
    client::SmsClient *client = m_session.client();
    if (!client || m_catalogChange
        || !confirm(tr("Delete the server catalog"),
                    tr("Delete the server catalog of %1? The endpoint forgets every server until the catalog is "
                       "imported again. Replication jobs and applications stay.")
                        .arg(m_session.endpointName()),
                    tr("Delete Catalog")))
        return;
    watchCatalogChange(services::deleteCatalog(*client, this), tr("Deleting the catalog"),
                       tr("The catalog was deleted."), tr("Could not delete the catalog"));
}

void EndpointActions::watchCatalogChange(services::CatalogChange *change, const QString &what, const QString &done,
                                         const QString &failed)
{
    m_catalogChange = change;
    begin(what);
    connect(change, &services::CatalogChange::statusChanged, this, &EndpointActions::message);
    connect(change, &services::CatalogChange::finished, this,
            [this, what, done, failed](const Result<services::CatalogStatus> &result) {
                m_catalogChange = nullptr;
                end(what);
                if (!result) {
                    reportError(failed, result.error());
                    return;
                }
                Q_EMIT message(done);
                // What the endpoint has now, even if a read was under way.
                if (m_loader)
                    m_loader->cancel();
                loadCatalog();
            });
    // The change starts itself from the event loop, after these connections.
}

void EndpointActions::refreshApplications()
{
    client::SmsClient *client = m_session.client();
    if (!client || m_appJob)
        return;
    const QString what = tr("Reading applications");
    begin(what);
    auto *refresh = new services::AppRefresh(*client, this);
    m_appJob = refresh;
    connect(refresh, &services::AppRefresh::progress, this, [this](int done, int total) {
        Q_EMIT message(tr("Reading applications: %1 of %2").arg(done).arg(total));
    });
    connect(refresh, &services::AppRefresh::finished, this,
            [this, what](const Result<std::vector<models::PlanApplication>> &result) {
                m_appJob = nullptr;
                end(what);
                if (!result) {
                    reportError(tr("Could not read the applications"), result.error());
                    return;
                }
                const int count = m_editor.importApplications(result.value());
                Q_EMIT message(count == 0 ? tr("The endpoint has no applications.")
                                          : tr("Brought %n application(s) in from the endpoint.", nullptr, count));
            });
    refresh->start();
}

void EndpointActions::pushApplications(const std::vector<models::PlanKey> &applications)
{
    client::SmsClient *client = m_session.client();
    const models::PlanDocument &document = m_editor.document();
    std::vector<models::PlanApplication> apps;
    for (models::PlanKey key : applications) {
        const models::PlanPosition position = document.positionOf(key);
        if (position.isValid() && !position.isGroup())
            apps.push_back(document.application(position.application));
    }
    if (!client || apps.empty() || m_appJob)
        return;
    const QString what = tr("Sending %n application(s)", nullptr, int(apps.size()));
    begin(what);
    auto *push = new services::AppPush(*client, std::move(apps), {}, this);
    m_appJob = push;
    connect(push, &services::AppPush::progress, this, [this](int done, int total, const QString &current) {
        if (!current.isEmpty())  // the last report names nothing: all are done
            Q_EMIT message(tr("Sending %1 (%2 of %3)").arg(current).arg(done + 1).arg(total));
    });
    connect(push, &services::AppPush::appPushed, this, [this](const services::AppPushOutcome &outcome) {
        if (outcome.ids)
            m_editor.document().setEndpointIds(outcome.appKey, outcome.ids->appId, outcome.ids->serverGroupIds);
    });
    connect(push, &services::AppPush::finished, this, [this, what](const services::AppPushReport &report) {
        m_appJob = nullptr;
        end(what);
        QStringList failures;
        const models::PlanDocument &doc = m_editor.document();
        for (const services::AppPushOutcome &outcome : report.pushed) {
            if (outcome.ids)
                continue;
            const models::PlanPosition position = doc.positionOf(outcome.appKey);
            const QString name = position.isValid() ? QString::fromStdString(doc.application(position.application).name)
                                                    : tr("an application");
            failures << tr("%1: %2").arg(name, services::plainWords(outcome.ids.error()));
        }
        const int sent = int(report.pushed.size()) - int(failures.size());
        Q_EMIT message(tr("%n application(s) created or updated on the endpoint.", nullptr, sent));
        if (!failures.isEmpty() && m_window)
            QMessageBox::warning(m_window, tr("Some applications were not sent"), failures.join(QStringLiteral("\n\n")));
    });
    push->start();
}

void EndpointActions::deleteApplicationsOnEndpoint(const std::vector<models::PlanKey> &applications)
{
    client::SmsClient *client = m_session.client();
    const models::PlanDocument &document = m_editor.document();
    std::vector<std::string> appIds;
    std::vector<models::PlanKey> keys;
    QStringList names;
    for (models::PlanKey key : applications) {
        const models::PlanPosition position = document.positionOf(key);
        if (!position.isValid() || position.isGroup() || document.application(position.application).appId.empty())
            continue;
        appIds.push_back(document.application(position.application).appId);
        keys.push_back(key);
        names << QString::fromStdString(document.application(position.application).name);
    }
    if (!client || m_appJob)
        return;
    if (appIds.empty()) {
        Q_EMIT message(tr("None of the selected applications exists on the endpoint."));
        return;
    }
    if (!confirm(tr("Delete from the endpoint"),
                 tr("Delete %1 from %2? The plan keeps them, so they can be created again.")
                     .arg(names.join(QStringLiteral(", ")), m_session.endpointName()),
                 tr("Delete")))
        return;
    const QString what = tr("Deleting %n application(s)", nullptr, int(appIds.size()));
    begin(what);
    auto *push = new services::AppPush(*client, {}, appIds, this);
    m_appJob = push;
    connect(push, &services::AppPush::finished, this, [this, what, keys](const services::AppPushReport &report) {
        m_appJob = nullptr;
        end(what);
        QStringList failures;
        // The report lists the deletions in the order they were given.
        for (std::size_t i = 0; i < report.deleted.size() && i < keys.size(); ++i) {
            const services::AppDeletionOutcome &outcome = report.deleted[i];
            if (outcome.result) {
                // The plan keeps the application, now as one the endpoint does not have.
                m_editor.document().setEndpointIds(keys[i], {}, {});
            } else {
                failures << tr("%1: %2").arg(QString::fromStdString(outcome.appId),
                                             services::plainWords(outcome.result.error()));
            }
        }
        if (!failures.isEmpty() && m_window)
            QMessageBox::warning(m_window, tr("Some applications were not deleted"), failures.join(QStringLiteral("\n\n")));
        else
            Q_EMIT message(tr("Deleted from the endpoint."));
    });
    push->start();
}

void EndpointActions::disassociateConnector(const QString &connectorId)
{
    client::SmsClient *client = m_session.client();
    if (!client || m_disassociation)
        return;
    const QString what = tr("Disassociating %1").arg(connectorId);
    begin(what);
    auto *call = services::disassociateConnector(*client, connectorId.toStdString(), this);
    m_disassociation = call;
    connect(call, &services::ConnectorDisassociation::finished, this, [this, what](const Result<void> &result) {
        m_disassociation = nullptr;
        end(what);
        if (!result) {
            reportError(tr("Could not disassociate the connector"), result.error());
            return;
        }
        loadConnectors();
    });
}

void EndpointActions::loadConnectors()
{
    client::SmsClient *client = m_session.client();
    if (!client)
        return;
    const QString what = tr("Reading connectors");
    begin(what);
    services::loadConnectors(*client, this, [this, what](Result<std::vector<api::Connector>> connectors) {
        end(what);
        if (connectors)
            m_editor.document().setConnectors(std::move(connectors).value());
        else
            reportError(tr("Could not read the connectors"), connectors.error());
    });
}

void EndpointActions::reviewChanges()
{
    client::SmsClient *client = m_session.client();
    if (!client || m_appJob)
        return;
    // The id goes into the requests shown (client tokens), so they are exactly those applied.
    m_editor.document().ensurePlanId();
    const QString what = tr("Comparing the plan with the endpoint");
    begin(what);
    auto *reader = new services::SnapshotReader(*client, services::SnapshotScope::Everything, this);
    m_appJob = reader;
    connect(reader, &services::SnapshotReader::finished, this,
            [this, what](const Result<services::EndpointSnapshot> &snapshot) {
                m_appJob = nullptr;
                end(what);
                if (!snapshot) {
                    if (snapshot.error().errorCode() != ErrorCode::Canceled)
                        reportError(tr("Could not read the endpoint"), snapshot.error());
                    return;
                }
                ReviewChangesDialog dialog(services::diffPlan(m_editor.document().data(), snapshot.value()), m_window);
                if (dialog.exec() == QDialog::Accepted)
                    applyPlan();
            });
    reader->start();
}

void EndpointActions::applyPlan()
{
    client::SmsClient *client = m_session.client();
    if (!client || m_appJob)
        return;
    models::PlanDocument &document = m_editor.document();
    document.ensurePlanId();
    const QString what = tr("Applying the plan");
    begin(what);
    auto *applier = new services::PlanApplier(*client, document.data(), this);
    m_appJob = applier;
    auto *progress = new QProgressDialog(tr("Reading the endpoint\u2026"), tr("Cancel"), 0, 0, m_window);
    progress->setWindowTitle(tr("Applying the Plan"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, applier, &services::PlanApplier::cancel);
    connect(applier, &services::PlanApplier::progress, progress, [progress](int done, int total, const QString &current) {
        progress->setMaximum(total);
        progress->setValue(done);
        progress->setLabelText(tr("%1 (%2 of %3)").arg(current).arg(done + 1).arg(total));
    });
    connect(applier, &services::PlanApplier::idsRecorded, this,
            [this](models::PlanKey application, const services::EndpointIds &ids) {
                m_editor.document().setEndpointIds(application, ids.appId, ids.serverGroupIds);
            });
    connect(applier, &services::PlanApplier::retiredDeleted, this, [this](const QString &appId) {
        m_editor.document().setRetired(appId.toStdString(), false);
        m_editor.document().markUnsaved();
    });
    connect(applier, &services::PlanApplier::finished, this, [this, what, progress](const Result<int> &result) {
        m_appJob = nullptr;
        end(what);
        if (progress) {
            progress->disconnect();
            progress->close();
        }
        if (result) {
            Q_EMIT message(tr("Applied %n change(s); the endpoint matches the plan.", nullptr, result.value()));
        } else if (result.error().errorCode() == ErrorCode::Canceled) {
            Q_EMIT message(tr("The apply was canceled; apply again to finish it."));
        } else {
            reportError(tr("The plan was not applied completely"), result.error());
        }
    });
    applier->start();
}

} // namespace sms::ui
