#include "FakeSmsServer.h"

#include <QHttpServerRequest>
#include <QTcpSocket>
#include <QUuid>

class FakeSmsServer::Server : public QAbstractHttpServer
{
public:
    explicit Server(FakeSmsServer &owner) : m_owner(owner) {}

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override
    {
        ReceivedRequest received;
        using Method = QHttpServerRequest::Method;
        received.method = request.method() == Method::Post ? "POST"
            : request.method() == Method::Get              ? "GET"
            : request.method() == Method::Head             ? "HEAD"
                                                           : "OTHER";
        received.path = request.url().path(QUrl::FullyEncoded).toUtf8();
        for (const auto &[name, value] : request.headers())
            received.headers.append({name, value});
        received.body = request.body();
        QHttpServerResponder responder = makeResponder(request, socket);
        m_owner.handle(received, responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QTcpSocket *) override {}

private:
    FakeSmsServer &m_owner;
};

QByteArray ReceivedRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

sms::client::SigningInput ReceivedRequest::signingInput() const
{
    sms::client::SigningInput input;
    input.method = method;
    input.path = path;
    input.headers = headers;
    input.body = body;
    return input;
}

FakeSmsServer::FakeSmsServer()
{
    m_fallback = awsError("InternalFailure", "no scripted answer left", QHttpServerResponder::StatusCode::InternalServerError);
    m_anchor.moveToThread(&m_thread);
    m_thread.start();
    QMetaObject::invokeMethod(
        &m_anchor,
        [this] {
            m_server = new Server(*this);
            m_port = m_server->listen(QHostAddress::LocalHost, 0);
        },
        Qt::BlockingQueuedConnection);
}

FakeSmsServer::~FakeSmsServer()
{
    QMetaObject::invokeMethod(&m_anchor, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QUrl FakeSmsServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FakeSmsServer::enqueue(Handler handler)
{
    QMutexLocker lock(&m_mutex);
    m_script.push_back(std::move(handler));
}

void FakeSmsServer::setFallback(Handler handler)
{
    QMutexLocker lock(&m_mutex);
    m_fallback = std::move(handler);
}

QList<ReceivedRequest> FakeSmsServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void FakeSmsServer::handle(const ReceivedRequest &request, QHttpServerResponder &responder)
{
    Handler handler;
    {
        QMutexLocker lock(&m_mutex);
        m_requests.append(request);
        if (m_script.empty()) {
            handler = m_fallback;
        } else {
            handler = std::move(m_script.front());
            m_script.pop_front();
        }
    }
    handler(request, responder);
}

FakeSmsServer::Handler FakeSmsServer::raw(QByteArray contentType, QByteArray body,
                                          QHttpServerResponder::StatusCode status)
{
    return [contentType, body, status](const ReceivedRequest &, QHttpServerResponder &responder) {
        const QByteArray requestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        responder.write(body, {{"Content-Type", contentType}, {"x-amzn-RequestId", requestId}}, status);
    };
}

FakeSmsServer::Handler FakeSmsServer::json(QByteArray body, QHttpServerResponder::StatusCode status)
{
    return raw("application/x-amz-json-1.1", std::move(body), status);
}

FakeSmsServer::Handler FakeSmsServer::awsError(const char *type, const char *message,
                                               QHttpServerResponder::StatusCode status)
{
    return json(QByteArray(R"({"__type":"com.amazonaws.sms#)") + type + R"(","message":")" + message + R"("})",
                status);
}

FakeSmsServer::Handler FakeSmsServer::truncated(QByteArray body, int declaredLength)
{
    return [body, declaredLength](const ReceivedRequest &, QHttpServerResponder &responder) {
        responder.writeStatusLine();
        responder.writeHeader("Content-Type", "application/x-amz-json-1.1");
        responder.writeHeader("Content-Length", QByteArray::number(declaredLength));
        responder.writeBody(body);
        responder.socket()->flush();
        responder.socket()->disconnectFromHost();
    };
}

FakeSmsServer::Handler FakeSmsServer::slow(int delayMs, Handler then)
{
    return [delayMs, then](const ReceivedRequest &request, QHttpServerResponder &responder) {
        QThread::msleep(static_cast<unsigned long>(delayMs));
        then(request, responder);
    };
}
