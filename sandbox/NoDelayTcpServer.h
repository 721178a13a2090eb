#pragma once
// A QTcpServer whose connections have TCP_NODELAY set. Qt HttpServer writes a
// response's status line, headers and body as separate chunks; with Nagle's
// algorithm on, the later chunks wait for the client's delayed ACK of the
// first, about 40 ms per keep-alive answer on Linux. Servers usually set it
// (nginx's tcp_nodelay is on by default), and so do ours.

#include <QTcpServer>
#include <QTcpSocket>

namespace sms::sandbox {

class NoDelayTcpServer final : public QTcpServer
{
public:
    using QTcpServer::QTcpServer;

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(handle)) {
            delete socket;
            return;
        }
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        addPendingConnection(socket);
    }
};

} // namespace sms::sandbox
