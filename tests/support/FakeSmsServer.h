#pragma once
// A scripted HTTP endpoint on 127.0.0.1 for the client's integration tests.
// It runs on its own thread, so a handler may block (a slow answer) while the
// client under test keeps its event loop. Handlers are consumed in order; when
// the script is used up the fallback answers.

#include "client/SigV4Signer.h"

#include <QAbstractHttpServer>
#include <QHttpServerResponder>
#include <QMutex>
#include <QThread>
#include <QUrl>

#include <deque>
#include <functional>

struct ReceivedRequest
{
    QByteArray method;
    QByteArray path;
    sms::client::HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    sms::client::SigningInput signingInput() const;
};

class FakeSmsServer
{
public:
    using Handler = std::function<void(const ReceivedRequest &, QHttpServerResponder &)>;

    FakeSmsServer();
    ~FakeSmsServer();

    QUrl url() const;
    void enqueue(Handler handler);
    void setFallback(Handler handler);
    QList<ReceivedRequest> requests() const;

    // Ready-made answers.
    static Handler json(QByteArray body, QHttpServerResponder::StatusCode status = QHttpServerResponder::StatusCode::Ok);
    static Handler awsError(const char *type, const char *message, QHttpServerResponder::StatusCode status);
    static Handler raw(QByteArray contentType, QByteArray body, QHttpServerResponder::StatusCode status);
    // Promises `declaredLength` bytes, sends `body`, then closes the connection.
    static Handler truncated(QByteArray body, int declaredLength);
    static Handler slow(int delayMs, Handler then);

private:
    class Server;
    void handle(const ReceivedRequest &request, QHttpServerResponder &responder);

    QThread m_thread;
    QObject m_anchor;  // lives on m_thread; the server is made and destroyed through it
    Server *m_server = nullptr;
    quint16 m_port = 0;
    mutable QMutex m_mutex;
    std::deque<Handler> m_script;
    Handler m_fallback;
    QList<ReceivedRequest> m_requests;
};
