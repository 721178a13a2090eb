#include "sandbox/SandboxServer.h"

#include "api/SmsOperations.h"
#include "sandbox/BucketObjects.h"
#include "sandbox/NoDelayTcpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QTcpSocket>
#include <QTimer>
#include <QUuid>

#include <memory>

namespace sms::sandbox {
namespace {

int statusFor(const SmsError &error)
{
    if (error.httpStatus > 0)
        return error.httpStatus;
    const ErrorCode code = error.errorCode();
    return code == ErrorCode::InternalError || code == ErrorCode::InternalFailure ? 500 : 400;
}

std::string errorBody(const SmsError &error)
{
    return api::Json{{"__type", error.code}, {"message", error.message}}.dump(-1, ' ', false,
                                                                              api::Json::error_handler_t::replace);
}

bool isRead(const QHttpServerRequest &request)
{
    return request.method() == QHttpServerRequest::Method::Get || request.method() == QHttpServerRequest::Method::Head;
}

client::SigningInput signingInput(const QHttpServerRequest &request)
{
    client::SigningInput input;
    input.method = request.method() == QHttpServerRequest::Method::Get    ? QByteArrayLiteral("GET")
        : request.method() == QHttpServerRequest::Method::Head ? QByteArrayLiteral("HEAD")
                                                               : QByteArrayLiteral("POST");
    input.path = request.url().path(QUrl::FullyEncoded).toUtf8();
    input.query = request.url().query(QUrl::FullyEncoded).toUtf8();
    for (const auto &[name, value] : request.headers())
        input.headers.append({name, value});
    input.body = request.body();
    return input;
}

} // namespace

SandboxServer::SandboxServer(std::optional<AuthSettings> auth, QObject *parent)
    : QAbstractHttpServer(parent)
{
    if (!auth)
        return;
    m_authenticator.emplace(*auth);
    auth->service = QStringLiteral("s3");
    m_objectAuthenticator.emplace(std::move(*auth));
}

void SandboxServer::addOperation(const std::string &operation, Handler handler)
{
    m_operations[operation] = std::move(handler);
}

quint16 SandboxServer::listenOn(const QHostAddress &address, quint16 port)
{
    auto *tcp = new NoDelayTcpServer(this);
    if (!tcp->listen(address, port)) {
        delete tcp;
        return 0;
    }
    bind(tcp);
    return tcp->serverPort();
}

Result<std::string> SandboxServer::dispatch(const QHttpServerRequest &request) const
{
    const QByteArray target = request.value("X-Amz-Target");
    const QByteArray prefix = QByteArrayView(api::kTargetPrefix).toByteArray() + '.';
    const auto handler = target.startsWith(prefix) ? m_operations.find(target.mid(prefix.size()).toStdString())
                                                   : m_operations.end();
    if (request.method() != QHttpServerRequest::Method::Post || handler == m_operations.end())
        return SmsError::make(ErrorCode::UnknownOperationException,
                              target.isEmpty() ? std::string("Missing X-Amz-Target header")
                                               : "Unknown operation " + target.toStdString(),
                              400);
    if (m_authenticator) {
        if (auto authentic = m_authenticator->verify(signingInput(request), QDateTime::currentDateTimeUtc()); !authentic)
            return authentic.error();
    }
    const QByteArray body = request.body();
    return run(handler->first, handler->second, std::string_view(body.constData(), size_t(body.size())));
}

void SandboxServer::setFaults(const FaultSettings &faults)
{
    m_faults = faults;
    m_faultRandom = SeededRandom(mix64(faults.seed ^ 0x4641554c54ULL));  // "FAULT"
}

SandboxServer::Fault SandboxServer::drawFault()
{
    if (m_faults.throttle <= 0 && m_faults.serverError <= 0 && m_faults.drop <= 0)
        return Fault::None;
    const double draw = double(m_faultRandom.below(1'000'000)) / 1'000'000.0;
    if (draw < m_faults.throttle)
        return Fault::Throttle;
    if (draw < m_faults.throttle + m_faults.serverError)
        return Fault::ServerError;
    if (draw < m_faults.throttle + m_faults.serverError + m_faults.drop)
        return Fault::Drop;
    return Fault::None;
}

Result<std::string> SandboxServer::run(const std::string &operation, const Handler &handler,
                                       std::string_view body) const
{
    if (m_beforeEach)
        m_beforeEach();
    auto result = handler(body);
    if (result && m_afterEach)
        m_afterEach(operation);
    return result;
}

Result<std::string> SandboxServer::invoke(std::string_view operation, std::string_view body)
{
    const auto handler = m_operations.find(operation);
    if (handler == m_operations.end())
        return SmsError::make(ErrorCode::UnknownOperationException, "Unknown operation " + std::string(operation), 400);
    return run(handler->first, handler->second, body);
}

void SandboxServer::respondWithObject(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const QString path = request.url().path(QUrl::FullyDecoded);
    ObjectAnswer answer;
    const auto authentic = m_objectAuthenticator
        ? m_objectAuthenticator->verify(signingInput(request), QDateTime::currentDateTimeUtc())
        : Result<void>();
    if (!authentic)
        answer = objectAuthFailure(authentic.error(), path);
    else
        answer = readObject(*m_bucket, path, request.method() == QHttpServerRequest::Method::Head);
    // Written piece by piece: a HEAD answer has the object's length but no body.
    QHttpServerResponder responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(answer.status));
    responder.writeHeader("Content-Type", answer.contentType);
    responder.writeHeader("Content-Length", QByteArray::number(answer.contentLength));
    responder.writeHeader("x-amz-request-id", QUuid::createUuid().toByteArray(QUuid::WithoutBraces));
    if (!answer.etag.isEmpty()) {
        responder.writeHeader("ETag", answer.etag);
        responder.writeHeader("Last-Modified", answer.lastModified);
    }
    responder.writeBody(answer.body);
}

bool SandboxServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    if (m_bucket && isRead(request)) {
        respondWithObject(request, socket);
        return true;
    }
    const Fault fault = drawFault();
    const Result<std::string> result = fault == Fault::Throttle
        ? SmsError::make(ErrorCode::ThrottlingException, "Rate exceeded", 400)
        : fault == Fault::ServerError ? SmsError::make(ErrorCode::InternalError, "An internal error occurred.", 500)
                                      : dispatch(request);
    if (fault == Fault::Drop) {
        socket->abort();  // the operation happened; its answer never comes
        return true;
    }
    const QByteArray body = QByteArray::fromStdString(result ? result.value() : errorBody(result.error()));
    const auto status = static_cast<QHttpServerResponder::StatusCode>(result ? 200 : statusFor(result.error()));
    auto responder = std::make_shared<QHttpServerResponder>(makeResponder(request, socket));
    auto respond = [responder, body, status] {
        responder->write(body,
                         {{"Content-Type", QByteArrayView(api::kJsonContentType).toByteArray()},
                          {"x-amzn-RequestId", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}},
                         status);
    };
    if (m_faults.latencyMs > 0)
        QTimer::singleShot(m_faults.latencyMs, socket, respond);  // not if the socket is gone by then
    else
        respond();
    return true;
}

void SandboxServer::missingHandler(const QHttpServerRequest &, QTcpSocket *)
{
    // handleRequest answers every request.
}

} // namespace sms::sandbox
