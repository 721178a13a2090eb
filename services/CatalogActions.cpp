#include "services/CatalogActions.h"

#include "api/QtText.h"

#include "client/SmsClient.h"

#include <QCoreApplication>
#include <QPointer>

namespace sms::services {
namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(sms::services)
};

// Right after ImportServerCatalog, SMS may still show the status from before;
// a few polls pass before anything but IMPORTING counts as an answer.
constexpr int kSettlePolls = 3;


QString minutesSeconds(qint64 ms)
{
    const qint64 seconds = ms / 1000;
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

CatalogChange::CatalogChange(client::SmsClient &client, Kind kind, CatalogPollSettings settings, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_kind(kind)
    , m_settings(settings)
{
    m_pollTimer.setSingleShot(true);
    m_deadline.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &CatalogChange::poll);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        const auto limit = std::chrono::duration_cast<std::chrono::seconds>(m_settings.timeout).count();
        finish(SmsError::make(ErrorCode::Timeout,
                              (m_kind == Kind::Import ? "The server catalog import was not over after "
                                                      : "The server catalog deletion was not over after ")
                                  + std::to_string(limit) + " s."));
    });
}

void CatalogChange::start()
{
    if (m_finished)
        return;  // canceled before it started
    m_elapsed.start();
    m_deadline.start(m_settings.timeout);
    auto onAccepted = [this](const std::optional<SmsError> &error) {
        if (m_finished)
            return;
        if (error) {
            finish(*error);
            return;
        }
        poll();
    };
    // Each step acts first and tells last, so that a receiver may cancel
    // (or delete us) from statusChanged().
    if (m_kind == Kind::Import) {
        m_call = m_client.importServerCatalog({}, this, [onAccepted](Result<api::ImportServerCatalogResponse> r) {
            onAccepted(r ? std::nullopt : std::optional(r.error()));
        });
        Q_EMIT statusChanged(Text::tr("Importing the server catalog..."));
    } else {
        m_call = m_client.deleteServerCatalog({}, this, [onAccepted](Result<api::DeleteServerCatalogResponse> r) {
            onAccepted(r ? std::nullopt : std::optional(r.error()));
        });
        Q_EMIT statusChanged(Text::tr("Deleting the server catalog..."));
    }
}

void CatalogChange::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "stopped waiting for the server catalog"));
}

void CatalogChange::poll()
{
    ++m_polls;
    // One server is enough: the status and time come with every page.
    api::GetServersRequest request;
    request.maxResults = 1;
    m_call = m_client.getServers(request, this,
                                 [this](Result<api::GetServersResponse> response) { onStatus(std::move(response)); });
}

void CatalogChange::onStatus(Result<api::GetServersResponse> response)
{
    if (m_finished)
        return;
    if (!response) {
        finish(response.error());
        return;
    }
    const auto status = response->serverCatalogStatus.value_or(api::OpenEnum<api::ServerCatalogStatus>{});
    switch (judge(status)) {
    case Verdict::Wait:
        m_pollTimer.start(m_settings.interval);
        Q_EMIT statusChanged(Text::tr("Server catalog: %1 (%2)")
                                 .arg(api::toQString(status), minutesSeconds(m_elapsed.elapsed())));
        return;
    case Verdict::Done:
        finish(CatalogStatus{status, response->lastModifiedOn});
        return;
    case Verdict::Failed:
        finish(SmsError::make(ErrorCode::OperationNotPermittedException,
                              std::string(m_kind == Kind::Import ? "The server catalog import ended as "
                                                                 : "The server catalog deletion ended as ")
                                  + std::string(status.toString()) + "."));
        return;
    }
}

CatalogChange::Verdict CatalogChange::judge(const api::OpenEnum<api::ServerCatalogStatus> &status)
{
    using S = api::ServerCatalogStatus;
    if (m_kind == Kind::Import) {
        if (status == S::Available)
            return Verdict::Done;
        if (status == S::Importing) {
            m_sawImporting = true;
            return Verdict::Wait;
        }
        // NOT_IMPORTED, DELETED, EXPIRED or a status this build does not know:
        // the import is over without a catalog, once SMS has shown it at all.
        return m_sawImporting || m_polls > kSettlePolls ? Verdict::Failed : Verdict::Wait;
    }
    if (status == S::NotImported || status == S::Deleted)
        return Verdict::Done;
    // An import that started meanwhile will not end in a deletion.
    return status == S::Importing ? Verdict::Failed : Verdict::Wait;
}

void CatalogChange::finish(Result<CatalogStatus> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pollTimer.stop();
    m_deadline.stop();
    if (m_call)
        m_call->cancel();  // answers the callback with Canceled, which m_finished ignores
    deleteLater();
    const QPointer<CatalogChange> alive(this);
    Q_EMIT statusChanged(finalStatus(result));
    if (alive)
        Q_EMIT finished(result);
}

QString CatalogChange::finalStatus(const Result<CatalogStatus> &result) const
{
    if (result)
        return m_kind == Kind::Import ? Text::tr("Server catalog imported.") : Text::tr("Server catalog deleted.");
    return result.error().errorCode() == ErrorCode::Canceled ? Text::tr("Stopped waiting for the server catalog.")
                                                             : Text::tr("The server catalog could not be changed.");
}

CatalogChange *importCatalog(client::SmsClient &client, QObject *context, CatalogPollSettings settings)
{
    auto *change = new CatalogChange(client, CatalogChange::Kind::Import, settings, context);
    QMetaObject::invokeMethod(change, &CatalogChange::start, Qt::QueuedConnection);
    return change;
}

CatalogChange *deleteCatalog(client::SmsClient &client, QObject *context, CatalogPollSettings settings)
{
    auto *change = new CatalogChange(client, CatalogChange::Kind::Delete, settings, context);
    QMetaObject::invokeMethod(change, &CatalogChange::start, Qt::QueuedConnection);
    return change;
}

ConnectorDisassociation::ConnectorDisassociation(client::SmsClient &client, std::string connectorId,
                                                 QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_connectorId(std::move(connectorId))
{
}

void ConnectorDisassociation::start()
{
    if (m_finished)
        return;
    m_call = m_client.disassociateConnector(
        {m_connectorId}, this, [this](Result<api::DisassociateConnectorResponse> response) {
            finish(response ? Result<void>() : Result<void>(response.error()));
        });
    Q_EMIT statusChanged(Text::tr("Disassociating connector %1...").arg(QString::fromStdString(m_connectorId)));
}

void ConnectorDisassociation::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "the disassociation was canceled"));
}

void ConnectorDisassociation::finish(const Result<void> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_call)
        m_call->cancel();
    const QString id = QString::fromStdString(m_connectorId);
    deleteLater();
    const QPointer<ConnectorDisassociation> alive(this);
    Q_EMIT statusChanged(result ? Text::tr("Connector %1 disassociated.").arg(id)
                                : Text::tr("Connector %1 was not disassociated.").arg(id));
    if (alive)
        Q_EMIT finished(result);
}

ConnectorDisassociation *disassociateConnector(client::SmsClient &client, std::string connectorId,
                                               QObject *context)
{
    auto *job = new ConnectorDisassociation(client, std::move(connectorId), context);
    QMetaObject::invokeMethod(job, &ConnectorDisassociation::start, Qt::QueuedConnection);
    return job;
}

} // namespace sms::services
