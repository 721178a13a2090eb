#include "client/SmsCall.h"

#include "client/HttpTransport.h"
#include "client/RetryPolicy.h"

#include <QNetworkReply>
#include <QRandomGenerator>

namespace sms::client {
namespace {

bool hasHttpAnswer(QNetworkReply::NetworkError error)
{
    // Qt reports 4xx/5xx answers as errors too; those carry a body to read.
    return error == QNetworkReply::NoError
        || (error >= QNetworkReply::ContentAccessDenied && error <= QNetworkReply::UnknownContentError)
        || (error >= QNetworkReply::InternalServerError && error <= QNetworkReply::UnknownServerError)
        || error == QNetworkReply::ProtocolInvalidOperationError;
}

SmsError transportError(const QNetworkReply &reply, const QUrl &endpoint)
{
    const auto error = reply.error();
    if (error == QNetworkReply::SslHandshakeFailedError) {
        // Never retried and never ignored: a certificate problem needs a person.
        return SmsError::make(ErrorCode::NetworkError,
                              "TLS verification failed: " + reply.errorString().toStdString());
    }
    std::string message = "could not reach " + endpoint.toDisplayString().toStdString() + ": "
        + reply.errorString().toStdString();
    if (error == QNetworkReply::RemoteHostClosedError || error == QNetworkReply::ProtocolFailure)
        message = "the connection closed before the whole response arrived (" + reply.errorString().toStdString() + ")";
    SmsError e = SmsError::make(ErrorCode::NetworkError, message);
    e.retryable = true;
    return e;
}

// Stops a reply that is still on its way. One that already reported an error
// finishes by itself: aborting it makes Qt report a second error and print
// "QNetworkReplyImplPrivate::error: Internal problem, this method must only
// be called once" (a call canceled between its reply's error and finished(),
// as when another call's answer ends the work, or the window quits).
void abortInFlight(QNetworkReply &reply)
{
    if (!reply.isFinished() && reply.error() == QNetworkReply::NoError)
        reply.abort();
}

} // namespace

SmsCall::SmsCall(HttpTransport &transport, QByteArray operation, QByteArray body, QObject *parent)
    : QObject(parent)
    , m_transport(transport)
    , m_operation(std::move(operation))
    , m_body(std::move(body))
{
    m_record.operation = QString::fromLatin1(m_operation);
    for (QTimer *timer : {&m_connectTimer, &m_attemptTimer, &m_retryTimer})
        timer->setSingleShot(true);
    const auto &config = m_transport.config();
    m_connectTimer.setInterval(config.connectTimeout);
    m_attemptTimer.setInterval(config.attemptTimeout);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        const auto &config = m_transport.config();
        onAttemptTimedOut(QStringLiteral("could not connect to %1 within %2 ms")
                              .arg(config.endpoint.toDisplayString())
                              .arg(config.connectTimeout.count()));
    });
    connect(&m_attemptTimer, &QTimer::timeout, this, [this] {
        onAttemptTimedOut(QStringLiteral("no complete response within %1 ms")
                              .arg(m_transport.config().attemptTimeout.count()));
    });
    connect(&m_retryTimer, &QTimer::timeout, this, &SmsCall::sendAttempt);
}

void SmsCall::start()
{
    m_record.started = QDateTime::currentDateTimeUtc();
    m_elapsed.start();
    sendAttempt();
}

void SmsCall::cancel()
{
    if (m_done)
        return;
    complete(SmsError::make(ErrorCode::Canceled, "the call was canceled"));
}

void SmsCall::sendAttempt()
{
    ++m_record.attempts;
    m_timeoutReason.clear();
    auto reply = m_transport.post(m_operation, m_body, this);
    if (!reply) {
        // Reported from the event loop, like every other outcome, never from start().
        QTimer::singleShot(0, this, [this, error = reply.error()] { complete(error); });
        return;
    }
    m_reply = reply.value();
    // The connect timer stops once the request is on the wire; the attempt
    // timer bounds the whole exchange.
    connect(m_reply, &QNetworkReply::requestSent, &m_connectTimer, &QTimer::stop);
    connect(m_reply, &QNetworkReply::finished, this, &SmsCall::onReplyFinished);
    m_connectTimer.start();
    m_attemptTimer.start();
}

void SmsCall::onAttemptTimedOut(const QString &reason)
{
    m_timeoutReason = reason;
    if (m_reply)
        abortInFlight(*m_reply);  // finishes the reply, which lands in onReplyFinished
}

void SmsCall::onReplyFinished()
{
    m_connectTimer.stop();
    m_attemptTimer.stop();
    QNetworkReply *reply = m_reply;
    if (!reply || m_done)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    m_record.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_record.requestId = QString::fromLatin1(reply->rawHeader("x-amzn-RequestId"));

    Result<HttpResponse> result = readReply(*reply);
    if (result.ok()) {
        m_transport.retryQuota().releaseOnSuccess(m_lastRetryCost);
        complete(result);
        return;
    }
    const RetryPolicy policy(m_transport.config().retry);
    if (policy.shouldRetry(result.error(), m_record.attempts)) {
        m_lastRetryCost = m_transport.retryQuota().acquire(result.error());
        if (m_lastRetryCost > 0) {
            m_retryTimer.start(policy.backoff(m_record.attempts, QRandomGenerator::global()->generateDouble()));
            return;
        }
    }
    complete(result);
}

Result<HttpResponse> SmsCall::readReply(QNetworkReply &reply) const
{
    if (!m_timeoutReason.isEmpty()) {
        SmsError e = SmsError::make(ErrorCode::Timeout, m_timeoutReason.toStdString());
        e.retryable = true;
        return e;
    }
    const QVariant status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid() || !hasHttpAnswer(reply.error()))
        return transportError(reply, m_transport.config().endpoint);

    HttpResponse response;
    response.status = status.toInt();
    response.body = reply.readAll();
    response.requestId = reply.rawHeader("x-amzn-RequestId");
    response.contentType = reply.rawHeader("Content-Type");
    response.errorType = reply.rawHeader("x-amzn-ErrorType");
    return checkStatus(std::move(response));
}

void SmsCall::complete(const Result<HttpResponse> &result)
{
    m_done = true;
    m_connectTimer.stop();
    m_attemptTimer.stop();
    m_retryTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        abortInFlight(*m_reply);
        m_reply->deleteLater();
    }
    m_record.elapsedMs = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (result.ok()) {
        m_record.errorCode.clear();
    } else {
        const SmsError &error = result.error();
        m_record.errorCode = QString::fromStdString(error.code);
        m_record.errorMessage = QString::fromStdString(error.message);
    }
    Q_EMIT finished(result);
    deleteLater();
}

void cancelCalls(std::span<const CallHandle> calls, QObject *receiver)
{
    for (const CallHandle &call : calls) {
        if (!call)
            continue;
        if (receiver)
            call->disconnect(receiver);
        call->cancel();
    }
}

} // namespace sms::client
