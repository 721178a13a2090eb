// SmsClient against a scripted endpoint on loopback: what it sends (headers,
// signature, client tokens), and what it does with pages, throttling, HTML
// error pages, truncated bodies, slow answers and cancellation.

#include "FakeSmsServer.h"

#include "client/Pager.h"
#include "client/SmsClient.h"

#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

using namespace sms;
using namespace sms::client;
using Status = QHttpServerResponder::StatusCode;

namespace {

constexpr int kWaitMs = 10'000;

ClientConfig configFor(const FakeSmsServer &server)
{
    ClientConfig config;
    config.endpoint = server.url();
    config.region = QStringLiteral("us-east-1");
    config.credentials.accessKeyId = QStringLiteral("AKIDTESTCLIENT");
    config.credentials.secretAccessKey = QStringLiteral("test/secret/key");
    config.retry.baseDelay = std::chrono::milliseconds(5);
    return config;
}

QByteArray page(int first, int count, const char *nextToken, const char *status = "AVAILABLE")
{
    api::Json json;
    json["serverCatalogStatus"] = status;
    json["lastModifiedOn"] = 1700000000 + first;
    json["serverList"] = api::Json::array();
    for (int i = first; i < first + count; ++i)
        json["serverList"].push_back({{"serverId", "s-" + std::to_string(i)}, {"serverType", "VIRTUAL_MACHINE"}});
    if (nextToken)
        json["nextToken"] = nextToken;
    return QByteArray::fromStdString(json.dump());
}

api::Json bodyOf(const ReceivedRequest &request)
{
    return api::Json::parse(request.body.toStdString());
}

// Runs one typed call and waits for its outcome.
template <typename Response, typename Start>
std::optional<Result<Response>> await(Start start)
{
    std::optional<Result<Response>> outcome;
    QObject context;
    start(&context, [&outcome](const Result<Response> &r) { outcome = r; });
    (void)QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs);
    return outcome;
}

} // namespace

class TestSmsClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsSignedJsonRequests()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(page(0, 2, nullptr)));
        ClientConfig config = configFor(server);
        config.credentials.sessionToken = QStringLiteral("session-token-value");
        SmsClient client(config);
        api::GetServersRequest request;
        request.maxResults = 2;

        const auto result = await<api::GetServersResponse>(
            [&](QObject *ctx, auto done) { client.getServers(request, ctx, done); });
        QVERIFY(result.has_value());
        QVERIFY2(result->ok(), result->ok() ? "" : result->error().describe().c_str());
        QCOMPARE(result->value().serverList->size(), size_t(2));

        const ReceivedRequest sent = server.requests().value(0);
        QCOMPARE(sent.method, QByteArray("POST"));
        QCOMPARE(sent.path, QByteArray("/"));
        QCOMPARE(sent.header("X-Amz-Target"), QByteArray("AWSServerMigrationService_V2016_10_24.GetServers"));
        QCOMPARE(sent.header("Content-Type"), QByteArray("application/x-amz-json-1.1"));
        QCOMPARE(sent.header("X-Amz-Security-Token"), QByteArray("session-token-value"));
        QVERIFY(bodyOf(sent) == api::Json({{"maxResults", 2}}));

        // The signature must verify with the same key over what actually arrived.
        const QByteArray authorization = sent.header("Authorization");
        const QByteArray amzDate = sent.header("X-Amz-Date");
        QVERIFY(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDTESTCLIENT/" + amzDate.left(8)
                                         + "/us-east-1/sms/aws4_request, SignedHeaders="));
        const QByteArray signedPart = authorization.split(' ').at(2);
        const QList<QByteArray> signedHeaders = signedPart.mid(14, signedPart.size() - 15).split(';');
        QCOMPARE(signedHeaders, (QList<QByteArray>{"content-type", "host", "x-amz-date",
                                                    "x-amz-security-token", "x-amz-target"}));
        const SigV4Signer verifier(QStringLiteral("us-east-1"), QStringLiteral("sms"));
        const QByteArray expected = verifier.computeSignature(sent.signingInput(), signedHeaders, amzDate,
                                                              "test/secret/key");
        QVERIFY(authorization.endsWith("Signature=" + expected));
    }

    void walksEveryPageAndKeepsFirstPageMembers()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(page(0, 3, "t1", "AVAILABLE")));
        server.enqueue(FakeSmsServer::json(page(3, 3, "t2", "IMPORTING")));
        server.enqueue(FakeSmsServer::json(page(6, 1, nullptr, "EXPIRED")));
        SmsClient client(configFor(server));
        QObject context;
        std::vector<size_t> pageSizes;
        std::optional<Result<api::GetServersResponse>> merged;
        api::GetServersRequest request;
        request.maxResults = 3;
        auto pager = paginate(
            client, request, &context, [&](const api::GetServersResponse &p) { pageSizes.push_back(p.serverList->size()); },
            [&](const Result<api::GetServersResponse> &r) { merged = r; });
        QSignalSpy progress(pager.data(), &PagerBase::progress);
        QVERIFY(QTest::qWaitFor([&] { return merged.has_value(); }, kWaitMs));

        QVERIFY(merged->ok());
        const auto &all = merged->value();
        QCOMPARE(all.serverList->size(), size_t(7));
        QCOMPARE(all.serverList->back().serverId.value(), std::string("s-6"));
        QVERIFY(all.serverCatalogStatus == api::ServerCatalogStatus::Available);
        QCOMPARE(all.lastModifiedOn->epochSeconds, 1700000000.0);
        QVERIFY(!all.nextToken.has_value());
        QCOMPARE(pageSizes, (std::vector<size_t>{3, 3, 1}));
        QCOMPARE(progress.size(), 3);
        QCOMPARE(progress.last().at(1).value<qsizetype>(), qsizetype(7));

        const auto sent = server.requests();
        QCOMPARE(sent.size(), 3);
        QVERIFY(!bodyOf(sent[0]).contains("nextToken"));
        QVERIFY(bodyOf(sent[1])["nextToken"] == "t1");
        QVERIFY(bodyOf(sent[2])["nextToken"] == "t2");
        QVERIFY(bodyOf(sent[2])["maxResults"] == 3);
    }

    void cancelsAPagerBetweenPages()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(page(0, 2, "t1")));
        server.enqueue(FakeSmsServer::slow(500, FakeSmsServer::json(page(2, 2, "t2"))));
        SmsClient client(configFor(server));
        QObject context;
        std::optional<Result<api::GetServersResponse>> result;
        auto pager = paginate(client, api::GetServersRequest{}, &context, nullptr,
                               [&](const Result<api::GetServersResponse> &r) { result = r; });
        QSignalSpy progress(pager.data(), &PagerBase::progress);
        QVERIFY(progress.wait(kWaitMs));
        pager->cancel();
        QVERIFY(result.has_value());
        QVERIFY(result->error().errorCode() == ErrorCode::Canceled);
        QCOMPARE(progress.size(), 1);
    }

    void stopsWithItsContext()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(page(0, 2, "t1")));
        server.enqueue(FakeSmsServer::slow(400, FakeSmsServer::json(page(2, 2, nullptr))));
        SmsClient client(configFor(server));
        QSignalSpy records(&client, &SmsClient::callFinished);
        bool called = false;
        auto context = std::make_unique<QObject>();
        auto pager = paginate(client, api::GetServersRequest{}, context.get(), nullptr,
                              [&](const Result<api::GetServersResponse> &) { called = true; });
        QSignalSpy progress(pager.data(), &PagerBase::progress);
        QVERIFY(progress.wait(kWaitMs));
        context.reset();  // the second page is in flight
        QVERIFY(!pager);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.last().first().value<CallRecord>().errorCode, QStringLiteral("Canceled"));
        QVERIFY(!called);
    }

    void reportsABadPageAndStops()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json("{\"serverList\":[{\"serverId\":5}],\"nextToken\":\"t1\"}"));
        server.setFallback(FakeSmsServer::slow(300, FakeSmsServer::json(page(0, 1, nullptr))));
        SmsClient client(configFor(server));
        QObject context;
        std::optional<Result<api::GetServersResponse>> result;
        paginate(client, api::GetServersRequest{}, &context, nullptr,
                 [&](const Result<api::GetServersResponse> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs));
        QVERIFY(result->error().errorCode() == ErrorCode::InvalidResponse);
        QVERIFY(result->error().message.find("serverList[0].serverId expected a string") != std::string::npos);
    }

    void stopsWhenTheSameTokenComesBack()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::json(page(0, 1, "again")));
        SmsClient client(configFor(server));
        QObject context;
        std::optional<Result<api::ListAppsResponse>> result;
        paginate(client, api::ListAppsRequest{}, &context, nullptr,
                 [&](const Result<api::ListAppsResponse> &r) { result = r; });
        QVERIFY(QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs));
        QVERIFY(!result->ok());
        QVERIFY(result->error().message.find("same nextToken") != std::string::npos);
        QCOMPARE(server.requests().size(), 2);
    }

    void retriesThrottlingThenSucceeds()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::awsError("ThrottlingException", "Rate exceeded", Status::BadRequest));
        server.enqueue(FakeSmsServer::awsError("ThrottlingException", "Rate exceeded", Status::BadRequest));
        server.enqueue(FakeSmsServer::json(R"({"connectorList":[]})"));
        SmsClient client(configFor(server));
        QSignalSpy records(&client, &SmsClient::callFinished);
        const auto result = await<api::GetConnectorsResponse>(
            [&](QObject *ctx, auto done) { client.getConnectors({}, ctx, done); });
        QVERIFY(result && result->ok());
        QCOMPARE(server.requests().size(), 3);
        QCOMPARE(records.size(), 1);
        const auto record = records.first().first().value<CallRecord>();
        QCOMPARE(record.attempts, 3);
        QCOMPARE(record.operation, QStringLiteral("GetConnectors"));
        QVERIFY(record.succeeded());
        QVERIFY(!record.requestId.isEmpty());
    }

    void givesUpAfterMaxAttempts()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::awsError("InternalError", "boom", Status::InternalServerError));
        ClientConfig config = configFor(server);
        config.retry.maxAttempts = 4;
        SmsClient client(config);
        const auto result = await<api::GetAppResponse>(
            [&](QObject *ctx, auto done) { client.getApp({}, ctx, done); });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().code, std::string("InternalError"));
        QCOMPARE(result->error().httpStatus, 500);
        QVERIFY(result->error().retryable);
        QCOMPARE(server.requests().size(), 4);
    }

    void doesNotRetryValidationErrors()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::awsError("InvalidParameterException", "appId is invalid", Status::BadRequest));
        SmsClient client(configFor(server));
        const auto result = await<api::DeleteAppResponse>(
            [&](QObject *ctx, auto done) { client.deleteApp({}, ctx, done); });
        QVERIFY(result && !result->ok());
        const SmsError &error = result->error();
        QVERIFY(error.errorCode() == ErrorCode::InvalidParameterException);
        QCOMPARE(error.message, std::string("appId is invalid"));
        QCOMPARE(error.httpStatus, 400);
        QVERIFY(!error.requestId.empty());
        QVERIFY(!error.retryable);
        QCOMPARE(server.requests().size(), 1);
    }

    // A call canceled after its reply reported an error but before the reply
    // finished (another call's answer ends the work, or the window quits):
    // Qt must not be told to abort it, which makes it report a second error
    // ("QNetworkReplyImplPrivate::error: Internal problem, this method must
    // only be called once").
    void cancelsAnErredReplyQuietly_data()
    {
        QTest::addColumn<int>("status");
        QTest::addRow("an SMS error (400)") << 400;
        QTest::addRow("a server error (500)") << 500;
    }

    void cancelsAnErredReplyQuietly()
    {
        QFETCH(int, status);
        QTest::failOnWarning(QRegularExpression(QStringLiteral("QNetworkReply")));
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::awsError("InternalFailure", "it broke", Status(status)));
        ClientConfig config = configFor(server);
        config.retry.maxAttempts = 1;
        SmsClient client(config);
        std::optional<Result<api::GetConnectorsResponse>> outcome;
        QObject context;
        const CallHandle call = client.getConnectors({}, &context, [&](Result<api::GetConnectorsResponse> r) {
            outcome = std::move(r);
        });
        const auto replies = client.findChildren<QNetworkReply *>();
        QCOMPARE(replies.size(), 1);
        QObject::connect(replies.front(), &QNetworkReply::errorOccurred, &context, [call] {
            if (call)
                call->cancel();
        });
        QVERIFY(QTest::qWaitFor([&] { return outcome.has_value(); }, kWaitMs));
        QVERIFY(outcome->error().errorCode() == ErrorCode::Canceled);
        QTest::qWait(50);  // the reply's own finished() and its deletion
    }

    void explainsHtmlErrorPages()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::raw(
            "text/html", "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            Status::BadGateway));
        SmsClient client(configFor(server));
        const auto result = await<api::GetServersResponse>(
            [&](QObject *ctx, auto done) { client.getServers({}, ctx, done); });
        QVERIFY(result && !result->ok());
        const SmsError &error = result->error();
        QCOMPARE(error.httpStatus, 502);
        QCOMPARE(QString::fromStdString(error.message),
                 QStringLiteral("HTTP 502 from the endpoint with a text/html body: \"502 Bad Gateway\""));
        QCOMPARE(server.requests().size(), 3);  // a 502 is worth retrying
    }

    void rejectsNonJsonSuccess()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::json(R"({"serverList":[{"serverId":"s-1"},)"));
        SmsClient client(configFor(server));
        const auto result = await<api::GetServersResponse>(
            [&](QObject *ctx, auto done) { client.getServers({}, ctx, done); });
        QVERIFY(result && !result->ok());
        QVERIFY(result->error().errorCode() == ErrorCode::InvalidResponse);
        QVERIFY(result->error().message.find("HTTP 200 but the body is not a JSON object") != std::string::npos);
        QCOMPARE(server.requests().size(), 1);
    }

    void rejectsResponsesThatDoNotMatchTheModel()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::json(R"({"serverList":"not a list"})"));
        SmsClient client(configFor(server));
        const auto result = await<api::GetServersResponse>(
            [&](QObject *ctx, auto done) { client.getServers({}, ctx, done); });
        QVERIFY(result && !result->ok());
        QVERIFY(result->error().errorCode() == ErrorCode::InvalidResponse);
        QCOMPARE(QString::fromStdString(result->error().message),
                 QStringLiteral("the response does not match the SMS model: serverList expected an array, got string"));
    }

    void retriesTruncatedBodies()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::truncated(R"({"serverList":[)", 4000));
        server.enqueue(FakeSmsServer::json(page(0, 1, nullptr)));
        SmsClient client(configFor(server));
        const auto result = await<api::GetServersResponse>(
            [&](QObject *ctx, auto done) { client.getServers({}, ctx, done); });
        QVERIFY(result && result->ok());
        QCOMPARE(server.requests().size(), 2);
    }

    void reportsTruncatedBodiesClearly()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::truncated(R"({"serverList":[)", 4000));
        ClientConfig config = configFor(server);
        config.retry.maxAttempts = 1;
        SmsClient client(config);
        const auto result = await<api::GetServersResponse>(
            [&](QObject *ctx, auto done) { client.getServers({}, ctx, done); });
        QVERIFY(result && !result->ok());
        QVERIFY(result->error().errorCode() == ErrorCode::NetworkError);
        QVERIFY2(result->error().message.find("closed before the whole response") != std::string::npos,
                 result->error().message.c_str());
    }

    void timesOutSlowAnswers()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::slow(1500, FakeSmsServer::json("{}")));
        ClientConfig config = configFor(server);
        config.attemptTimeout = std::chrono::milliseconds(200);
        config.retry.maxAttempts = 1;
        SmsClient client(config);
        QElapsedTimer clock;
        clock.start();
        const auto result = await<api::GetAppResponse>(
            [&](QObject *ctx, auto done) { client.getApp({}, ctx, done); });
        QVERIFY(result && !result->ok());
        QVERIFY(result->error().errorCode() == ErrorCode::Timeout);
        QCOMPARE(result->error().message, std::string("no complete response within 200 ms"));
        QVERIFY(clock.elapsed() < 1400);
    }

    void failsFastWhenNothingListens()
    {
        quint16 closedPort = 0;
        {
            FakeSmsServer probe;  // take a free port, then let it go
            closedPort = quint16(probe.url().port());
        }
        ClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(closedPort));
        config.region = QStringLiteral("us-east-1");
        config.credentials = {QStringLiteral("AKID"), QStringLiteral("secret"), {}, {}, {}};
        config.retry.baseDelay = std::chrono::milliseconds(1);
        SmsClient client(config);
        QSignalSpy records(&client, &SmsClient::callFinished);
        const auto result = await<api::GetAppResponse>(
            [&](QObject *ctx, auto done) { client.getApp({}, ctx, done); });
        QVERIFY(result && !result->ok());
        QVERIFY(result->error().errorCode() == ErrorCode::NetworkError);
        QCOMPARE(records.first().first().value<CallRecord>().attempts, 3);
    }

    void reusesTheClientTokenOnRetries()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::awsError("ThrottlingException", "slow down", Status::BadRequest));
        server.enqueue(FakeSmsServer::json(R"({"appSummary":{"appId":"app-1"}})"));
        SmsClient client(configFor(server));
        api::CreateAppRequest request;
        request.name = "billing";
        const auto result = await<api::CreateAppResponse>(
            [&](QObject *ctx, auto done) { client.createApp(request, ctx, done); });
        QVERIFY(result && result->ok());
        const auto sent = server.requests();
        QCOMPARE(sent.size(), 2);
        const auto token = bodyOf(sent[0])["clientToken"].get<std::string>();
        QCOMPARE(token.size(), size_t(36));
        QCOMPARE(bodyOf(sent[1])["clientToken"].get<std::string>(), token);

        // A token the caller chose is kept as it is.
        request.clientToken = "mine";
        server.enqueue(FakeSmsServer::json(R"({})"));
        const auto second = await<api::CreateAppResponse>(
            [&](QObject *ctx, auto done) { client.createApp(request, ctx, done); });
        QVERIFY(second && second->ok());
        QVERIFY(bodyOf(server.requests().last())["clientToken"] == "mine");
    }

    void cancelsACallInFlight()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::slow(800, FakeSmsServer::json("{}")));
        SmsClient client(configFor(server));
        QObject context;
        std::optional<Result<api::GetAppResponse>> result;
        CallHandle handle = client.getApp({}, &context, [&](const Result<api::GetAppResponse> &r) { result = r; });
        QTest::qWait(50);
        QVERIFY(handle);
        handle->cancel();
        QVERIFY(result.has_value());
        QVERIFY(result->error().errorCode() == ErrorCode::Canceled);
    }

    void cancelsCallsWhenTheClientGoes()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::slow(500, FakeSmsServer::json("{}")));
        auto client = std::make_unique<SmsClient>(configFor(server));
        QObject context;
        std::optional<Result<api::GetAppResponse>> result;
        client->getApp({}, &context, [&](const Result<api::GetAppResponse> &r) { result = r; });
        client.reset();
        QVERIFY(result.has_value());
        QVERIFY(result->error().errorCode() == ErrorCode::Canceled);
    }

    void failsLaterWithoutCredentials()
    {
        FakeSmsServer server;
        ClientConfig config = configFor(server);
        config.credentials = {};
        SmsClient client(config);
        QObject context;
        std::optional<Result<api::GetAppResponse>> result;
        client.getApp({}, &context, [&](const Result<api::GetAppResponse> &r) { result = r; });
        QVERIFY(!result.has_value());  // never from inside the call itself
        QTRY_VERIFY(result.has_value());
        QVERIFY(result->error().errorCode() == ErrorCode::CredentialsNotFound);
        QCOMPARE(server.requests().size(), 0);
    }

    void dropsCallbacksOfDestroyedReceivers()
    {
        FakeSmsServer server;
        server.setFallback(FakeSmsServer::slow(200, FakeSmsServer::json("{}")));
        SmsClient client(configFor(server));
        bool called = false;
        QSignalSpy records(&client, &SmsClient::callFinished);
        {
            QObject context;
            client.getApp({}, &context, [&](const Result<api::GetAppResponse> &) { called = true; });
        }
        QVERIFY(records.wait(kWaitMs));
        QVERIFY(!called);
    }

    void callsAnyOperationByName()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::json(R"({"apps":[{"appId":"app-1","futureMember":1}]})"));
        SmsClient client(configFor(server));
        const auto result = await<api::Json>([&](QObject *ctx, auto done) {
            client.call(QStringLiteral("ListApps"), api::Json{{"maxResults", 5}}, ctx, done);
        });
        QVERIFY(result && result->ok());
        QVERIFY(result->value()["apps"][0]["futureMember"] == 1);  // raw JSON is passed through
        QCOMPARE(server.requests().value(0).header("X-Amz-Target"),
                 QByteArray("AWSServerMigrationService_V2016_10_24.ListApps"));

        const auto unknown = await<api::Json>([&](QObject *ctx, auto done) {
            client.call(QStringLiteral("ListBuckets"), api::Json::object(), ctx, done);
        });
        QVERIFY(unknown && !unknown->ok());
        QVERIFY(unknown->error().errorCode() == ErrorCode::UnknownOperationException);
        QCOMPARE(server.requests().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestSmsClient)
#include "tst_smsclient.moc"
