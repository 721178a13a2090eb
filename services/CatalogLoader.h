#pragma once
// CatalogLoader: reads an endpoint's whole server catalog and its connectors,
// for the GUI's catalog pane. One loader per load: it hands each page of
// servers over as it arrives (so the view inserts one batch per page), reports
// once through finished() and then deletes itself.
//
//   auto *loader = new CatalogLoader(client, this);
//   connect(loader, &CatalogLoader::serversArrived, model, &ServerModel::append);
//   connect(loader, &CatalogLoader::finished, this, ...);
//   loader->start();
//
// A catalog that is not imported, importing, deleted or expired is not an
// error: it has no servers, and finished() reports its status.

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "models/PlanTypes.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <optional>
#include <vector>

namespace sms::client {
class PagerBase;
class SmsClient;
} // namespace sms::client

namespace sms::services {

// sms-local and the sandbox cap maxResults at 1,000 (sandbox/Paging.h); the
// model sets no limit and AWS documents none, so larger values buy nothing.
inline constexpr int kCatalogPageSize = 1000;

class CatalogLoader : public QObject
{
    Q_OBJECT

public:
    // `client` must outlive the loader; `parent` is the context object: its
    // destruction stops the load without a finished().
    CatalogLoader(client::SmsClient &client, QObject *parent = nullptr);

    void setPageSize(int servers) { m_pageSize = servers; }
    // GetServers and GetConnectors walk their pages side by side.
    void start();
    // finished() reports Canceled (at once, not from the event loop).
    void cancel();

Q_SIGNALS:
    // One per page, in catalog order; the loader moves the page in and keeps
    // nothing of it. Qt hands the argument to slots as an lvalue, so a slot
    // that takes it by value copies it: take it by const reference.
    void serversArrived(std::vector<sms::api::Server> page);
    // Servers so far.
    void progress(qsizetype servers);
    // Once, with every connector.
    void connectorsArrived(std::vector<sms::api::Connector> connectors);
    // Once: where and when the catalog was read, or why it could not be.
    void finished(const sms::Result<sms::models::CatalogSource> &result);

private:
    void onServersDone(const Result<api::GetServersResponse> &merged);
    void onConnectorsDone(Result<api::GetConnectorsResponse> merged);
    void finishIfDone();
    void finish(Result<models::CatalogSource> result);

    client::SmsClient &m_client;
    QPointer<client::PagerBase> m_servers;
    QPointer<client::PagerBase> m_connectors;
    std::optional<models::CatalogSource> m_source;  // once the last server page is in
    bool m_connectorsDone = false;
    bool m_finished = false;
    qsizetype m_serverCount = 0;
    int m_pageSize = kCatalogPageSize;
};

} // namespace sms::services

Q_DECLARE_METATYPE(sms::Result<sms::models::CatalogSource>)
