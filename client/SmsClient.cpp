#include "client/SmsClient.h"

#include <QMetaObject>
#include <QTimer>
#include <QUuid>

#include <array>
#include <optional>

namespace sms::client {
namespace {

constexpr std::array kOperationNames{
#define SMS_OPERATION_NAME(Op, method) #Op,
    SMS_FOR_EACH_OPERATION(SMS_OPERATION_NAME)
#undef SMS_OPERATION_NAME
};

std::string newClientToken()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

// CreateApp is idempotent through its client token: one is made up front so
// that every retry of the same call carries the same token.
template <typename Request>
void prepare(Request &) {}

void prepare(api::CreateAppRequest &request)
{
    if (!request.clientToken || request.clientToken->empty())
        request.clientToken = newClientToken();
}

void prepareJson(const QString &operation, api::Json &input)
{
    if (operation == QLatin1String("CreateApp") && input.is_object()
        && (!input.contains("clientToken") || input["clientToken"] == ""))
        input["clientToken"] = newClientToken();
}

// Hands `done` the 2xx body as `decode` reads it, or the error the call ended with.
template <typename T, typename Decode>
std::function<void(const Result<HttpResponse> &)> decodingInto(Callback<T> done, Decode decode)
{
    return [done = std::move(done), decode](const Result<HttpResponse> &response) {
        if (response)
            done(decode(response.value()));
        else
            done(response.error());
    };
}

// The configuration answers repeat each server's catalog details, which
// their readers take from the catalog (see SmsClient.h): only the servers'
// identities are decoded.
template <typename Response>
constexpr api::ServerDetails kServerDetails
    = std::is_same_v<Response, api::GetAppReplicationConfigurationResponse>
            || std::is_same_v<Response, api::GetAppLaunchConfigurationResponse>
            || std::is_same_v<Response, api::GetAppValidationConfigurationResponse>
        ? api::ServerDetails::IdentityOnly
        : api::ServerDetails::Keep;

} // namespace

SmsClient::SmsClient(ClientConfig config, QObject *parent)
    : QObject(parent)
    , m_transport(std::move(config), this)
{
}

SmsClient::~SmsClient()
{
    for (SmsCall *call : findChildren<SmsCall *>(Qt::FindDirectChildrenOnly))
        call->cancel();
}

bool SmsClient::isKnownOperation(const QString &operation)
{
    return std::find(kOperationNames.begin(), kOperationNames.end(), operation.toStdString())
        != kOperationNames.end();
}

CallHandle SmsClient::send(const QByteArray &operation, std::string body, QObject *context,
                           std::function<void(const Result<HttpResponse> &)> done)
{
    auto *call = new SmsCall(m_transport, operation, QByteArray::fromStdString(body), this);
    connect(call, &SmsCall::finished, this, [this, call] { Q_EMIT callFinished(call->record()); });
    connect(call, &SmsCall::finished, context, std::move(done));
    call->start();
    return call;
}

template <typename Response, typename Request>
CallHandle SmsClient::invoke(const char *operation, Request request, QObject *context, Callback<Response> done)
{
    prepare(request);
    return send(operation, api::serialize(request), context,
                decodingInto(std::move(done), [](const HttpResponse &response) {
                    return decodeBody<Response>(response, kServerDetails<Response>);
                }));
}

#define SMS_DEFINE_METHOD(Op, method)                                                             \
    CallHandle SmsClient::method(const api::Op##Request &request, QObject *context,               \
                                 Callback<api::Op##Response> done)                                \
    {                                                                                             \
        return invoke<api::Op##Response>(#Op, request, context, std::move(done));                 \
    }
SMS_FOR_EACH_OPERATION(SMS_DEFINE_METHOD)
#undef SMS_DEFINE_METHOD

CallHandle SmsClient::call(const QString &operation, const api::Json &input, QObject *context,
                           Callback<api::Json> done)
{
    std::optional<SmsError> rejected;
    if (!isKnownOperation(operation))
        rejected = SmsError::make(ErrorCode::UnknownOperationException,
                                  "SMS has no operation named \"" + operation.toStdString() + "\"");
    else if (!input.is_object())
        rejected = SmsError::make(ErrorCode::SerializationException, "the input must be a JSON object");
    if (rejected) {
        // Still asynchronous, like every other outcome.
        QTimer::singleShot(0, context, [done = std::move(done), error = *rejected] { done(error); });
        return {};
    }
    api::Json body = input;
    prepareJson(operation, body);
    return send(operation.toLatin1(), body.dump(-1, ' ', false, api::Json::error_handler_t::replace), context,
                decodingInto(std::move(done), &parseBody));
}

} // namespace sms::client
