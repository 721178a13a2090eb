#pragma once
// SandboxServer: sms-local's HTTP front on Qt HttpServer. It speaks the SMS
// JSON 1.1 protocol: POST / with X-Amz-Target naming the operation, SigV4
// checked by RequestAuthenticator (unless auth is off), the body decoded and
// validated against the model, and every answer, success or error, carrying an
// x-amzn-RequestId. Errors are {"__type": code, "message": text} with the
// code's HTTP status. Operations are registered by the engine that serves them.
// GET and HEAD read the bucket templates are written to (BucketObjects), with
// SigV4 scoped to the service "s3", as a client reads them from S3.

#include "api/JsonCodec.h"
#include "sandbox/LocalBucket.h"
#include "sandbox/RequestAuthenticator.h"
#include "sandbox/RequestValidator.h"
#include "sandbox/SeededRandom.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace sms::sandbox {

// Faults for resilience testing (sms-local --fault-*, --latency-ms). Each is a
// probability per request: throttle and 5xx answer an error before the
// operation runs; drop runs it, then closes the connection with no answer.
struct FaultSettings
{
    double throttle = 0;
    double serverError = 0;
    double drop = 0;
    int latencyMs = 0;
    std::uint64_t seed = 1;  // the same seed gives the same faults
};

class SandboxServer : public QAbstractHttpServer
{
public:
    // Body text in, response JSON text out.
    using Handler = std::function<Result<std::string>(std::string_view body)>;

    // Without `auth`, requests are not authenticated (--no-auth).
    explicit SandboxServer(std::optional<AuthSettings> auth, QObject *parent = nullptr);

    void addOperation(const std::string &operation, Handler handler);
    // Runs before each authenticated operation (the engine advances its simulation).
    void setBeforeEachOperation(std::function<void()> hook) { m_beforeEach = std::move(hook); }
    // Runs after each operation that succeeded, with its name (sms-local saves its state).
    void setAfterEachOperation(std::function<void(std::string_view)> hook) { m_afterEach = std::move(hook); }

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

    void setFaults(const FaultSettings &faults);
    // Answers GET and HEAD from `bucket`, which must outlive the server.
    void serveObjectsFrom(const LocalBucket &bucket) { m_bucket = &bucket; }

    // Runs an operation as a request would, without HTTP or signature.
    Result<std::string> invoke(std::string_view operation, std::string_view body);

    // Listens with TCP_NODELAY on every connection; returns the port, 0 on failure.
    quint16 listenOn(const QHostAddress &address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    enum class Fault { None, Throttle, ServerError, Drop };

    Result<std::string> dispatch(const QHttpServerRequest &request) const;
    void respondWithObject(const QHttpServerRequest &request, QTcpSocket *socket);
    Result<std::string> run(const std::string &operation, const Handler &handler, std::string_view body) const;
    Fault drawFault();

    std::optional<RequestAuthenticator> m_authenticator;
    std::optional<RequestAuthenticator> m_objectAuthenticator;  // the same keys, scoped to s3
    const LocalBucket *m_bucket = nullptr;
    std::map<std::string, Handler, std::less<>> m_operations;
    std::function<void()> m_beforeEach;
    std::function<void(std::string_view)> m_afterEach;
    FaultSettings m_faults;
    SeededRandom m_faultRandom{1};
};

} // namespace sms::sandbox
