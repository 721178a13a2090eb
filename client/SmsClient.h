#pragma once
// SmsClient: the SMS API, one typed asynchronous method per operation.
//
//   client.getServers(request, this, [this](const Result<GetServersResponse> &r) { ... });
//
// The callback runs on the client's thread, and only while `context` is alive:
// it is connected through `context`, so no callback outlives its receiver.
// Errors come back as values (SmsError); nothing throws. Every method returns
// a CallHandle to cancel the call, which then reports ErrorCode::Canceled.
//
// The three GetApp*Configuration answers name their servers by identity only
// (serverId, serverType, replicationJobId...): SMS repeats each server's
// catalog details (vmServer) there, and what reads configurations holds the
// catalog, so decoding them again would only cost time. call() returns the
// raw answer, details and all.

#include "api/JsonCodec.h"
#include "api/SmsOperations.h"
#include "client/ClientConfig.h"
#include "client/HttpTransport.h"
#include "client/SmsCall.h"

#include <QObject>

#include <functional>

namespace sms::client {

// Results are handed over by value, so a receiver may move out of them.
template <typename T>
using Callback = std::function<void(Result<T>)>;

class SmsClient : public QObject
{
    Q_OBJECT

public:
    explicit SmsClient(ClientConfig config, QObject *parent = nullptr);
    // Calls still in flight report Canceled, while the transport is alive.
    ~SmsClient() override;

    const ClientConfig &config() const { return m_transport.config(); }

#define SMS_DECLARE_METHOD(Op, method)                                                            \
    CallHandle method(const api::Op##Request &request, QObject *context, Callback<api::Op##Response> done);
    SMS_FOR_EACH_OPERATION(SMS_DECLARE_METHOD)
#undef SMS_DECLARE_METHOD

    // Any operation by name ("GetServers"), raw JSON in and out. Unknown names
    // fail with UnknownOperationException without a request being sent.
    CallHandle call(const QString &operation, const api::Json &input, QObject *context, Callback<api::Json> done);

    static bool isKnownOperation(const QString &operation);

Q_SIGNALS:
    // After every call, successful or not, for activity logs.
    void callFinished(const sms::client::CallRecord &record);

private:
    template <typename Response, typename Request>
    CallHandle invoke(const char *operation, Request request, QObject *context, Callback<Response> done);
    CallHandle send(const QByteArray &operation, std::string body, QObject *context,
                    std::function<void(const Result<HttpResponse> &)> done);

    HttpTransport m_transport;
};

} // namespace sms::client
