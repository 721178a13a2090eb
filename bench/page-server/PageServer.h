#pragma once
// PageServer: answers the SMS JSON 1.1 GetServers call from a ServerCatalog.
// A benchmark fixture, not sms-local: it serves one operation, does not check
// signatures, and does the least work per request so it is never the
// bottleneck of a client benchmark.

#include <QtHttpServer/QAbstractHttpServer>
#include <QtHttpServer/QHttpServerResponder>

#include <QByteArray>
#include <QByteArrayView>

#include <string_view>

namespace sms::bench {

class ServerCatalog;

class PageServer final : public QAbstractHttpServer
{
public:
    // Pages larger than this are cut to it. The service documents a default of
    // 50 and no maximum in the model, so the fixture is generous.
    static constexpr qsizetype kMaxPageSize = 1000;
    static constexpr qsizetype kDefaultPageSize = 50;

    explicit PageServer(const ServerCatalog &catalog, QObject *parent = nullptr);

    // Listens on 127.0.0.1:port (0 picks a free port) and returns the port, or
    // 0 on failure. Accepted sockets get TCP_NODELAY (see sandbox/NoDelayTcpServer.h).
    quint16 listenOnLoopback(quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    struct Reply
    {
        QByteArray body;
        QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok;
    };

    Reply dispatch(const QHttpServerRequest &request) const;
    Reply getServers(QByteArrayView body) const;
    static Reply error(QHttpServerResponder::StatusCode status, std::string_view type,
                       std::string_view message);

    const ServerCatalog &m_catalog;
    QByteArray m_lastModifiedOn;
};

} // namespace sms::bench
