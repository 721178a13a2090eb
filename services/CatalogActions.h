#pragma once
// The catalog's menu actions: import the server catalog, delete it, and
// disassociate a connector. Import and delete only start a change at SMS, so
// their handler polls the catalog's status (GetServers with one result) until
// the change is over. Each handler reports once through finished(), words its
// progress for the status bar through statusChanged(), then deletes itself.
//
//   auto *import = importCatalog(client, this);
//   connect(import, &CatalogChange::statusChanged, statusBar, ...);
//   connect(import, &CatalogChange::finished, this, ...);

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "client/SmsCall.h"

#include <QElapsedTimer>
#include <QMetaType>
#include <QObject>
#include <QTimer>

#include <chrono>
#include <optional>
#include <string>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

struct CatalogPollSettings
{
    std::chrono::milliseconds interval{2000};
    // An import of a large estate takes minutes at AWS; longer means stuck.
    std::chrono::milliseconds timeout{std::chrono::minutes(10)};
};

struct CatalogStatus
{
    api::OpenEnum<api::ServerCatalogStatus> status;
    std::optional<api::Timestamp> lastModifiedOn;
};

// ImportServerCatalog or DeleteServerCatalog, then polling until the catalog
// is AVAILABLE (import) or NOT_IMPORTED/DELETED (delete).
class CatalogChange : public QObject
{
    Q_OBJECT

public:
    enum class Kind { Import, Delete };

    // `client` must outlive the handler; `parent` is the context object.
    CatalogChange(client::SmsClient &client, Kind kind, CatalogPollSettings settings = {},
                  QObject *parent = nullptr);

    void start();
    // Stops waiting; finished() reports Canceled. A change SMS has accepted
    // goes on there: cancel does not undo an import.
    void cancel();

Q_SIGNALS:
    void statusChanged(const QString &text);
    // The status the change ended in, or why it failed.
    void finished(const sms::Result<sms::services::CatalogStatus> &result);

private:
    enum class Verdict { Wait, Done, Failed };

    void poll();
    void onStatus(Result<api::GetServersResponse> response);
    Verdict judge(const api::OpenEnum<api::ServerCatalogStatus> &status);
    void finish(Result<CatalogStatus> result);
    QString finalStatus(const Result<CatalogStatus> &result) const;

    client::SmsClient &m_client;
    const Kind m_kind;
    const CatalogPollSettings m_settings;
    client::CallHandle m_call;
    QTimer m_pollTimer;
    QTimer m_deadline;
    QElapsedTimer m_elapsed;
    int m_polls = 0;
    bool m_sawImporting = false;
    bool m_finished = false;
};

// They start from the event loop, so the caller connects first.
CatalogChange *importCatalog(client::SmsClient &client, QObject *context, CatalogPollSettings settings = {});
CatalogChange *deleteCatalog(client::SmsClient &client, QObject *context, CatalogPollSettings settings = {});

class ConnectorDisassociation : public QObject
{
    Q_OBJECT

public:
    ConnectorDisassociation(client::SmsClient &client, std::string connectorId, QObject *parent = nullptr);

    void start();
    void cancel();

Q_SIGNALS:
    void statusChanged(const QString &text);
    void finished(const sms::Result<void> &result);

private:
    void finish(const Result<void> &result);

    client::SmsClient &m_client;
    const std::string m_connectorId;
    client::CallHandle m_call;
    bool m_finished = false;
};

ConnectorDisassociation *disassociateConnector(client::SmsClient &client, std::string connectorId,
                                               QObject *context);

} // namespace sms::services

Q_DECLARE_METATYPE(sms::services::CatalogStatus)
Q_DECLARE_METATYPE(sms::Result<sms::services::CatalogStatus>)
