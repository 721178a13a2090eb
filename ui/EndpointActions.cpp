#include "ui/EndpointActions.h"

#include "services/ApplyIntoDocument.h"
#include "services/RefreshMerge.h"
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
        // Once the old sandbox is closed, the session itself reports a failed start: one dialog is enough.
        if (m_session.client())
            reportError(tr("Could not reset the local sandbox"), reset.error());
        else
            Q_EMIT message(tr("Could not reset the local sandbox: %1").arg(services::plainWords(reset.error())));
        return;
    }
    Q_EMIT message(tr("The local sandbox starts over from its demo estate."));
    // A catalog read from a file (an inventory) is the user's work; one read from the endpoint is read again.
    if (!m_editor.document().catalog().source.endpoint.empty())
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
    readIntoPlan(std::nullopt);
}

void EndpointActions::bringIntoPlan(std::vector<std::string> appIds)
{
    if (!appIds.empty())
        readIntoPlan(std::move(appIds));
}

void EndpointActions::readIntoPlan(std::optional<std::vector<std::string>> only)
{
    client::SmsClient *client = m_session.client();
    if (!client || m_appJob)
        return;
    const QString what = tr("Reading applications");
    begin(what);
    // The catalog too: the plan's servers are matched with the endpoint's as Review does.
    auto *reader = new services::SnapshotReader(*client, services::SnapshotScope::Everything, this);
    if (only)
        reader->setApplications(std::move(*only));
    m_appJob = reader;
    connect(reader, &services::SnapshotReader::finished, this,
            [this, what](const Result<services::EndpointSnapshot> &snapshot) {
                m_appJob = nullptr;
                end(what);
                if (!snapshot) {
                    if (snapshot.error().errorCode() != ErrorCode::Canceled)
                        reportError(tr("Could not read the applications"), snapshot.error());
                    return;
                }
                reportRefresh(services::mergeRefresh(m_editor.document().data(), snapshot.value()));
            });
    reader->start();
}

void EndpointActions::reportRefresh(services::RefreshMerge merge)
{
    const int changed = int(merge.applications.size()) - merge.added;
    m_editor.refreshApplications(std::move(merge.applications));
    QStringList parts;
    if (merge.added > 0)
        parts << tr("%n new to the plan", nullptr, merge.added);
    if (changed > 0)
        parts << tr("%n given the endpoint's settings", nullptr, changed);
    if (!merge.kept.empty())
        parts << tr("%n edit(s) of the plan kept", nullptr, int(merge.kept.size()));
    if (!merge.retired.empty())
        parts << tr("%n deleted from the plan left out", nullptr, int(merge.retired.size()));
    if (merge.read == 0)
        Q_EMIT message(tr("The endpoint has no applications."));
    else
        Q_EMIT message(tr("Read %n application(s) from the endpoint", nullptr, merge.read) + QStringLiteral(": ")
                       + (parts.isEmpty() ? tr("the plan has them all, as they are") : parts.join(QStringLiteral(", ")))
                       + QLatin1Char('.'));
    if (merge.kept.empty() || !m_window)
        return;
    QStringList lines;
    for (const std::string &line : merge.kept)
        lines << QStringLiteral("\u2022 ") + QString::fromStdString(line);
    QMessageBox box(QMessageBox::Information, tr("Refresh Apps"),
                    tr("The plan has edits the endpoint does not have yet. They were kept: Review Changes shows "
                       "them, and Apply sends them."),
                    QMessageBox::Ok, m_window);
    // A few in view; a long list in the details, where it scrolls.
    constexpr int kInView = 8;
    if (lines.size() <= kInView)
        box.setInformativeText(lines.join(QLatin1Char('\n')));
    else
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    box.exec();
}

void EndpointActions::pushApplications(const std::vector<models::PlanKey> &applications)
{
    // The apply engine over just these applications: resolved and changed as Review and Apply do.
    models::PlanData plan = m_editor.document().data();
    std::erase_if(plan.applications, [&](const models::PlanApplication &app) {
        return std::find(applications.begin(), applications.end(), app.key) == applications.end();
    });
    plan.retiredAppIds.clear();
    if (plan.applications.empty())
        return;
    const QString what = tr("Sending %n application(s)", nullptr, int(plan.applications.size()));
    runApplier(std::move(plan), what);
}

void EndpointActions::deleteApplicationsOnEndpoint(const std::vector<models::PlanKey> &applications)
{
    const models::PlanDocument &document = m_editor.document();
    models::PlanData plan;
    plan.planId = document.data().planId;
    QStringList names;
    for (models::PlanKey key : applications) {
        const models::PlanPosition position = document.positionOf(key);
        if (!position.isValid() || position.isGroup() || document.application(position.application).appId.empty())
            continue;
        plan.retiredAppIds.push_back(document.application(position.application).appId);
        names << QString::fromStdString(document.application(position.application).name);
    }
    if (!m_session.client() || m_appJob)
        return;
    if (plan.retiredAppIds.empty()) {
        Q_EMIT message(tr("None of the selected applications exists on the endpoint."));
        return;
    }
    if (!confirm(tr("Delete from the endpoint"),
                 tr("Delete %1 from %2? The plan keeps them, so they can be created again.")
                     .arg(names.join(QStringLiteral(", ")), m_session.endpointName()),
                 tr("Delete")))
        return;
    // Applications the plan holds are never retired in it; this run's own plan deletes them.
    runApplier(std::move(plan), tr("Deleting %n application(s)", nullptr, int(names.size())));
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
    reader->setValidationOnlyFor(services::validationReadsFor(m_editor.document().data()));
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
                const models::PlanData &plan = m_editor.document().data();
                ReviewChangesDialog dialog(services::diffPlan(plan, snapshot.value()), models::validatePlan(plan),
                                           m_window);
                // The dialog is modal: the plan applied is the one compared.
                if (dialog.exec() == QDialog::Accepted)
                    applyPlan(snapshot.value());
            });
    reader->start();
}

void EndpointActions::applyPlan(std::optional<services::EndpointSnapshot> reviewed)
{
    if (!m_session.client() || m_appJob)  // before copying the plan
        return;
    runApplier(m_editor.document().data(), tr("Applying the plan"), std::move(reviewed));
}

void EndpointActions::runApplier(models::PlanData plan, const QString &what,
                                 std::optional<services::EndpointSnapshot> reviewed)
{
    client::SmsClient *client = m_session.client();
    if (!client || m_appJob)
        return;
    models::PlanDocument &document = m_editor.document();
    if (plan.planId.empty())
        plan.planId = document.ensurePlanId();
    begin(what);
    auto *applier = new services::PlanApplier(*client, std::move(plan), this);
    m_appJob = applier;
    auto *progress = new QProgressDialog(tr("Reading the endpoint\u2026"), tr("Cancel"), 0, 0, m_window);
    progress->setWindowTitle(what);
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(0);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    connect(progress, &QProgressDialog::canceled, applier, &services::PlanApplier::cancel);
    connect(applier, &services::PlanApplier::progress, progress, [progress](int done, int total, const QString &current) {
        progress->setMaximum(total);
        progress->setValue(done);
        progress->setLabelText(tr("%1 (%2 of %3)").arg(current).arg(done + 1).arg(total));
    });
    services::recordInto(*applier, document);
    connect(applier, &services::PlanApplier::finished, this,
            [this, what, progress, applier](const Result<int> &result) {
                m_appJob = nullptr;
                end(what);
                applier->deleteLater();
                if (progress) {
                    progress->disconnect();
                    progress->close();
                }
                if (!result) {
                    if (result.error().errorCode() == ErrorCode::Canceled)
                        Q_EMIT message(tr("%1 was canceled; do it again to finish it.").arg(what));
                    else
                        reportError(tr("%1 stopped").arg(what), result.error());
                    return;
                }
                const QString summary = QString::fromStdString(services::appliedSummary(result.value(), applier->remaining()));
                Q_EMIT message(summary.section(QLatin1Char('\n'), 0, 0));
                if (applier->remaining().hasChanges() && m_window)
                    QMessageBox::warning(m_window, tr("The endpoint still differs"), summary);
            });
    if (reviewed)
        applier->startFrom(std::move(*reviewed));
    else
        applier->start();
}

} // namespace sms::ui
