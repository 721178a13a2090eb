#pragma once
// SandboxServer: sms-local's HTTP front on Qt HttpServer. It speaks the SMS
// JSON 1.1 protocol: POST / with X-Amz-Target naming the operation, SigV4
// checked by RequestAuthenticator (unless auth is off), the body decoded and
// validated against the model, and every answer, success or error, carrying an
// x-amzn-RequestId. Errors are {"__type": code, "message": text} with the
// code's HTTP status. Operations are registered by the engine that serves them.

#include "api/JsonCodec.h"
#include "sandbox/RequestAuthenticator.h"
#include "sandbox/RequestValidator.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace sms::sandbox {

class SandboxServer : public QAbstractHttpServer
{
public:
    // Body text in, response JSON text out.
    using Handler = std::function<Result<std::string>(std::string_view body)>;

    // Without `auth`, requests are not authenticated (--no-auth).
    explicit SandboxServer(std::optional<AuthSettings> auth, QObject *parent = nullptr);

    void addOperation(const std::string &operation, Handler handler);

    // A typed operation: the request is decoded (SerializationException,
    // InvalidParameterException, MissingRequiredParameterException) and
    // validated before `serve` sees it.
    template <typename Request, typename Response>
    void addOperation(const std::string &operation, std::function<Result<Response>(const Request &)> serve)
    {
        addOperation(operation, [serve = std::move(serve)](std::string_view body) -> Result<std::string> {
            auto request = api::parse<Request>(body.empty() ? std::string_view("{}") : body);
            if (!request)
                return request.error();
            if (auto valid = validateRequest(request.value()); !valid)
                return valid.error();
            auto response = serve(request.value());
            if (!response)
                return response.error();
            return api::serialize(response.value());
        });
    }

    // Listens with TCP_NODELAY on every connection; returns the port, 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Result<std::string> dispatch(const QHttpServerRequest &request) const;

    std::optional<RequestAuthenticator> m_authenticator;
    std::map<std::string, Handler, std::less<>> m_operations;
};

} // namespace sms::sandbox
