#include "services/CatalogLoader.h"

#include "client/Pager.h"

#include <QDateTime>

namespace sms::services {
namespace {

api::Timestamp now()
{
    return api::Timestamp{double(QDateTime::currentMSecsSinceEpoch()) / 1000.0};
}

} // namespace

CatalogLoader::CatalogLoader(client::SmsClient &client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

void CatalogLoader::start()
{
    if (m_finished)
        return;
    api::GetServersRequest servers;
    servers.maxResults = m_pageSize;
    m_servers = client::paginate(
        m_client, servers, this,
        [this](api::GetServersResponse &page) {
            if (m_finished || !page.serverList || page.serverList->empty())
                return;
            // With PageItems::Drop the items are ours to move on, not copy.
            auto &items = *page.serverList;
            m_serverCount += qsizetype(items.size());
            const QPointer<CatalogLoader> alive(this);
            Q_EMIT serversArrived(std::move(items));
            if (alive)  // a receiver may have deleted the context, and us with it
                Q_EMIT progress(m_serverCount);
        },
        [this](Result<api::GetServersResponse> merged) { onServersDone(merged); }, client::PageItems::Drop);

    api::GetConnectorsRequest connectors;
    connectors.maxResults = m_pageSize;
    m_connectors = client::paginate(
        m_client, connectors, this, {},
        [this](Result<api::GetConnectorsResponse> merged) { onConnectorsDone(std::move(merged)); });
}

void CatalogLoader::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "the catalog load was canceled"));
}

void CatalogLoader::onServersDone(const Result<api::GetServersResponse> &merged)
{
    if (m_finished)
        return;
    if (!merged) {
        finish(merged.error());
        return;
    }
    // The merged response keeps the first page's status and time: the
    // catalog as it was when the read began.
    models::CatalogSource source;
    source.endpoint = m_client.config().endpoint.toString().toStdString();
    source.region = m_client.config().region.toStdString();
    source.readAt = now();
    source.lastModifiedOn = merged->lastModifiedOn;
    source.status = merged->serverCatalogStatus;
    m_source = std::move(source);
    finishIfDone();
}

void CatalogLoader::onConnectorsDone(Result<api::GetConnectorsResponse> merged)
{
    if (m_finished)
        return;
    if (!merged) {
        finish(merged.error());
        return;
    }
    m_connectorsDone = true;
    Q_EMIT connectorsArrived(std::move(merged.value().connectorList).value_or(std::vector<api::Connector>{}));
    finishIfDone();
}

void CatalogLoader::finishIfDone()
{
    if (m_source && m_connectorsDone)
        finish(std::move(*m_source));
}

void CatalogLoader::finish(Result<models::CatalogSource> result)
{
    if (m_finished)
        return;
    m_finished = true;
    // A pager still walking answers its done callback with Canceled, which
    // m_finished now ignores.
    for (const QPointer<client::PagerBase> &pager : {m_servers, m_connectors}) {
        if (pager)
            pager->cancel();
    }
    deleteLater();
    Q_EMIT finished(result);
}

} // namespace sms::services
