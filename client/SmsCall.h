#pragma once
// SmsCall: one operation call, from the first attempt to the last retry. It
// owns its attempt's reply and timers, reports once through finished() and
// then deletes itself. Callers keep a QPointer (CallHandle) to cancel it.

#include "client/CallRecord.h"
#include "client/ResponseInterpreter.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <span>

class QNetworkReply;

namespace sms::client {

class HttpTransport;

class SmsCall : public QObject
{
    Q_OBJECT

public:
    SmsCall(HttpTransport &transport, QByteArray operation, QByteArray body, QObject *parent = nullptr);

    void start();
    // Stops the call; finished() reports ErrorCode::Canceled.
    void cancel();

    const CallRecord &record() const { return m_record; }

Q_SIGNALS:
    // A 2xx response, or the error the call ended with.
    void finished(const sms::Result<sms::client::HttpResponse> &result);

private:
    void sendAttempt();
    void onReplyFinished();
    void onAttemptTimedOut(const QString &reason);
    Result<HttpResponse> readReply(QNetworkReply &reply) const;
    void complete(const Result<HttpResponse> &result);

    HttpTransport &m_transport;
    QByteArray m_operation;
    QByteArray m_body;
    QPointer<QNetworkReply> m_reply;
    QTimer m_connectTimer;
    QTimer m_attemptTimer;
    QTimer m_retryTimer;
    QElapsedTimer m_elapsed;
    CallRecord m_record;
    QString m_timeoutReason;
    int m_lastRetryCost = 0;
    bool m_done = false;
};

using CallHandle = QPointer<SmsCall>;

// Cancels those of `calls` still in flight (each answers Canceled). With
// `receiver`, their signals to it are cut first, for an owner going away.
void cancelCalls(std::span<const CallHandle> calls, QObject *receiver = nullptr);

} // namespace sms::client
