// sms-local's HTTP front and catalog operations, driven by the real SmsClient
// over loopback: signatures, pages, filters, and the protocol's errors; and
// its bucket, read by the client's ObjectReader as from S3.

#include "AwaitResult.h"

#include "sandbox/CatalogOperations.h"
#include "sandbox/SandboxServer.h"

#include "client/ObjectReader.h"
#include "client/Pager.h"
#include "client/SmsClient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using namespace sms::sandbox;

namespace {

AuthSettings sandboxKeys()
{
    AuthSettings auth;
    auth.keys = {{QStringLiteral("AKIDSANDBOXTEST"), QStringLiteral("sandbox-test-secret"), {}}};
    return auth;
}

client::ClientConfig clientFor(quint16 port, const QString &secret = QStringLiteral("sandbox-test-secret"),
                               const QString &key = QStringLiteral("AKIDSANDBOXTEST"))
{
    client::ClientConfig config;
    config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
    config.region = QStringLiteral("us-east-1");
    config.credentials = {key, secret, {}, {}, {}};
    config.retry.baseDelay = std::chrono::milliseconds(1);
    return config;
}

} // namespace

class TestSandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_estate = generateEstate(250, 42);
        m_state = SandboxState::fromEstate(m_estate, 42);
        m_catalog = std::make_unique<CatalogOperations>(m_state, m_tokens, m_clock);
        m_server = std::make_unique<SandboxServer>(sandboxKeys());
        m_catalog->registerWith(*m_server);
        m_port = m_server->listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(m_port != 0);
    }

    void cleanup()
    {
        m_server.reset();
        m_catalog.reset();
    }

    void pagesTheCatalogForTheClient()
    {
        client::SmsClient client(clientFor(m_port));
        api::GetServersRequest request;
        request.maxResults = 100;
        int pages = 0;
        const auto all = awaitResult<api::GetServersResponse>([&](QObject *ctx, auto done) {
            client::paginate(client, request, ctx, [&](const api::GetServersResponse &) { ++pages; }, done);
        });
        QVERIFY2(all.ok(), all ? "" : all.error().describe().c_str());
        QCOMPARE(pages, 3);
        QCOMPARE(all->serverList->size(), size_t(250));
        for (size_t i = 0; i < 250; ++i)
            QVERIFY(all->serverList->at(i) == m_estate.servers[i].server);
        QVERIFY(all->serverCatalogStatus == api::ServerCatalogStatus::Available);
    }

    void filtersByVmServerAddress()
    {
        client::SmsClient client(clientFor(m_port));
        api::GetServersRequest request;
        request.vmServerAddressList = {*m_estate.servers[7].server.vmServer->vmServerAddress,
                                       *m_estate.servers[200].server.vmServer->vmServerAddress};
        const auto found = awaitResult<api::GetServersResponse>(
            [&](QObject *ctx, auto done) { client.getServers(request, ctx, done); });
        QVERIFY(found.ok());
        QCOMPARE(found->serverList->size(), size_t(2));
        QVERIFY(found->serverList->at(1) == m_estate.servers[200].server);
    }

    void listsAndDisassociatesConnectors()
    {
        client::SmsClient client(clientFor(m_port));
        const auto before = awaitResult<api::GetConnectorsResponse>(
            [&](QObject *ctx, auto done) { client.getConnectors({}, ctx, done); });
        QVERIFY(before.ok());
        QCOMPARE(before->connectorList->size(), m_estate.connectors.size());

        api::DisassociateConnectorRequest request;
        request.connectorId = *m_estate.connectors.front().connectorId;
        QVERIFY((awaitResult<api::DisassociateConnectorResponse>(
                     [&](QObject *ctx, auto done) { client.disassociateConnector(request, ctx, done); }))
                    .ok());
        const auto again = awaitResult<api::DisassociateConnectorResponse>(
            [&](QObject *ctx, auto done) { client.disassociateConnector(request, ctx, done); });
        QVERIFY(!again.ok());
        QVERIFY(again.error().errorCode() == ErrorCode::InvalidParameterException);
        QCOMPARE(again.error().httpStatus, 400);
        QVERIFY(!again.error().requestId.empty());
        const auto after = awaitResult<api::GetConnectorsResponse>(
            [&](QObject *ctx, auto done) { client.getConnectors({}, ctx, done); });
        QCOMPARE(after->connectorList->size(), m_estate.connectors.size() - 1);
    }

    void answersProtocolErrors_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addRow("wrong type") << "GetServers" << "{\"maxResults\":\"ten\"}" << "InvalidParameterException"
                                    << "maxResults expected an integer, got string";
        QTest::addRow("missing member") << "DisassociateConnector" << "{}" << "MissingRequiredParameterException"
                                        << "connectorId is required but missing";
        QTest::addRow("forged token") << "GetServers" << "{\"nextToken\":\"bogus\"}" << "InvalidParameterException"
                                      << "The nextToken is invalid or has expired.";
        QTest::addRow("page size zero") << "GetConnectors" << "{\"maxResults\":0}" << "InvalidParameterException"
                                        << "1 validation error detected: Value '0' at 'maxResults'";
    }

    void answersProtocolErrors()
    {
        QFETCH(QString, operation);
        QFETCH(QString, input);
        QFETCH(QString, code);
        QFETCH(QString, message);
        client::SmsClient client(clientFor(m_port));
        const auto result = awaitResult<api::Json>([&](QObject *ctx, auto done) {
            client.call(operation, api::Json::parse(input.toStdString()), ctx, done);
        });
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), code);
        QVERIFY2(QString::fromStdString(result.error().message).startsWith(message), result.error().message.c_str());
        QCOMPARE(result.error().httpStatus, 400);
    }

    void rejectsWrongCredentialsWithoutRetrying_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("code");
        QTest::addRow("wrong secret") << "AKIDSANDBOXTEST" << "not-the-secret" << "InvalidSignatureException";
        QTest::addRow("unknown key") << "AKIDSOMEONEELSE" << "sandbox-test-secret" << "UnrecognizedClientException";
    }

    void rejectsWrongCredentialsWithoutRetrying()
    {
        QFETCH(QString, key);
        QFETCH(QString, secret);
        QFETCH(QString, code);
        client::SmsClient client(clientFor(m_port, secret, key));
        QSignalSpy records(&client, &client::SmsClient::callFinished);
        const auto result = awaitResult<api::GetConnectorsResponse>(
            [&](QObject *ctx, auto done) { client.getConnectors({}, ctx, done); });
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), code);
        QCOMPARE(records.first().first().value<client::CallRecord>().attempts, 1);
    }

    void answersRawProtocolMistakes_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addRow("unknown operation") << QByteArray("AWSServerMigrationService_V2016_10_24.ListBuckets")
                                           << QByteArray("{}") << "UnknownOperationException";
        QTest::addRow("no target") << QByteArray() << QByteArray("{}") << "UnknownOperationException";
        QTest::addRow("malformed JSON") << QByteArray("AWSServerMigrationService_V2016_10_24.GetServers")
                                        << QByteArray("{\"maxResults\":") << "SerializationException";
        QTest::addRow("not an object") << QByteArray("AWSServerMigrationService_V2016_10_24.GetServers")
                                       << QByteArray("[]") << "SerializationException";
    }

    void answersRawProtocolMistakes()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        SandboxServer open(std::nullopt);  // --no-auth, so a bare request gets through
        m_catalog->registerWith(open);
        const quint16 port = open.listenOn(QHostAddress::LocalHost, 0);
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
        request.setRawHeader("Content-Type", "application/x-amz-json-1.1");
        if (!target.isEmpty())
            request.setRawHeader("X-Amz-Target", target);
        QNetworkReply *reply = network.post(request, body);
        QVERIFY(QTest::qWaitFor([&] { return reply->isFinished(); }, 10'000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QVERIFY(!reply->rawHeader("x-amzn-RequestId").isEmpty());
        const auto json = api::Json::parse(reply->readAll().toStdString());
        QCOMPARE(QString::fromStdString(json["__type"].get<std::string>()), code);
        QVERIFY(!json["message"].get<std::string>().empty());
        reply->deleteLater();
    }

    void servesItsBucketAsS3Does()
    {
        QTemporaryDir dir;
        const LocalBucket bucket(dir.path());
        const auto written = bucket.put("app-1/t.json", "{\"Resources\": {}}");
        QVERIFY(written.ok());
        m_server->serveObjectsFrom(bucket);
        const auto read = [&](const client::ClientConfig &config, const api::S3Location &location) {
            client::ObjectReader reader(config);
            return awaitResult<QByteArray>(
                [&](QObject *context, auto done) { reader.read(location, context, std::move(done)); });
        };

        const auto content = read(clientFor(m_port), written.value());
        QVERIFY2(content.ok(), content ? "" : content.error().describe().c_str());
        QCOMPARE(content.value(), QByteArray("{\"Resources\": {}}"));

        api::S3Location missing = written.value();
        missing.key = "app-1/none.json";
        const auto notThere = read(clientFor(m_port), missing);
        QVERIFY(!notThere.ok());
        QCOMPARE(notThere.error().code, std::string("NoSuchKey"));
        QCOMPARE(notThere.error().httpStatus, 404);

        const auto forged = read(clientFor(m_port, QStringLiteral("not-the-secret")), written.value());
        QVERIFY(!forged.ok());
        QCOMPARE(forged.error().code, std::string("SignatureDoesNotMatch"));
        QCOMPARE(forged.error().httpStatus, 403);

        // Unsigned, and HEAD: the object's length without its body.
        QNetworkAccessManager network;
        const QUrl url(QStringLiteral("http://127.0.0.1:%1/sms-local-templates/app-1/t.json").arg(m_port));
        QNetworkReply *anonymous = network.get(QNetworkRequest(url));
        QNetworkReply *head = network.head(QNetworkRequest(url));
        QVERIFY(QTest::qWaitFor([&] { return anonymous->isFinished() && head->isFinished(); }, 10'000));
        QCOMPARE(anonymous->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        QVERIFY(anonymous->readAll().contains("<Code>AccessDenied</Code>"));
        QCOMPARE(head->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);  // unsigned too
        delete anonymous;
        delete head;

        SandboxServer open(std::nullopt);  // --no-auth
        open.serveObjectsFrom(bucket);
        const quint16 port = open.listenOn(QHostAddress::LocalHost, 0);
        QVERIFY(port != 0);
        const QUrl openUrl(QStringLiteral("http://127.0.0.1:%1/sms-local-templates/app-1/t.json").arg(port));
        QNetworkReply *openHead = network.head(QNetworkRequest(openUrl));
        QVERIFY(QTest::qWaitFor([&] { return openHead->isFinished(); }, 10'000));
        QCOMPARE(openHead->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(openHead->header(QNetworkRequest::ContentLengthHeader).toLongLong(), 17);
        QVERIFY(openHead->readAll().isEmpty());
        QVERIFY(!openHead->rawHeader("ETag").isEmpty());
        delete openHead;
    }

private:
    SimulationClock m_clock{api::Timestamp{1.7e9}, 1.0};
    Estate m_estate;
    SandboxState m_state;
    const PageTokens m_tokens{"token-secret"};
    std::unique_ptr<CatalogOperations> m_catalog;
    std::unique_ptr<SandboxServer> m_server;
    quint16 m_port = 0;
};

QTEST_GUILESS_MAIN(TestSandboxServer)
#include "tst_sandboxserver.moc"
