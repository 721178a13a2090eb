// ObjectReader: where an S3 object is read from, the signed GET, and what
// each kind of bad answer becomes.

#include "AwaitResult.h"
#include "FakeSmsServer.h"

#include "client/ObjectReader.h"

#include <QTcpServer>
#include <QTest>

using namespace sms;
using namespace sms::client;

namespace {

const QString kRegion = QStringLiteral("us-east-1");

api::S3Location location(std::string bucket, std::string key)
{
    api::S3Location result;
    result.bucket = std::move(bucket);
    result.key = std::move(key);
    return result;
}

ClientConfig configFor(const QUrl &endpoint)
{
    ClientConfig config;
    config.endpoint = endpoint;
    config.region = kRegion;
    config.credentials.accessKeyId = QStringLiteral("AKIDTESTCLIENT");
    config.credentials.secretAccessKey = QStringLiteral("test/secret/key");
    config.attemptTimeout = std::chrono::milliseconds(5'000);
    return config;
}

Result<QByteArray> readFrom(const QUrl &endpoint, const api::S3Location &where)
{
    ObjectReader reader(configFor(endpoint));
    return awaitResult<QByteArray>(
        [&](QObject *context, auto done) { reader.read(where, context, std::move(done)); });
}

} // namespace

class TestObjectReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void urlForTheEndpoint_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected");

        QTest::addRow("aws, virtual-hosted") << "https://sms.eu-west-1.amazonaws.com" << "eu-west-1" << "sms-b"
                                             << "app-1/t.json" << "https://sms-b.s3.eu-west-1.amazonaws.com/app-1/t.json";
        QTest::addRow("aws china") << "https://sms.cn-north-1.amazonaws.com.cn" << "cn-north-1" << "b" << "k"
                                   << "https://b.s3.cn-north-1.amazonaws.com.cn/k";
        QTest::addRow("dotted bucket, path-style") << "https://sms.us-east-1.amazonaws.com" << "us-east-1" << "my.b"
                                                   << "k" << "https://s3.us-east-1.amazonaws.com/my.b/k";
        QTest::addRow("sms-local, path-style") << "http://127.0.0.1:8443" << "us-east-1" << "sms-local-templates"
                                               << "app-1/t.yaml" << "http://127.0.0.1:8443/sms-local-templates/app-1/t.yaml";
        QTest::addRow("key encoded per segment") << "http://localhost:9" << "us-east-1" << "b" << "a b/c+d?"
                                                 << "http://localhost:9/b/a%20b/c%2Bd%3F";
    }

    void urlForTheEndpoint()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, region);
        QFETCH(QString, bucket);
        QFETCH(QString, key);
        QFETCH(QString, expected);

        const auto url = objectUrl(QUrl(endpoint), region, location(bucket.toStdString(), key.toStdString()));
        QVERIFY2(url, url ? "" : url.error().message.c_str());
        QCOMPARE(url->toString(QUrl::FullyEncoded), expected);
    }

    void noObjectNoUrl()
    {
        const auto url = objectUrl(QUrl(QStringLiteral("http://127.0.0.1:1")), kRegion, location("b", ""));
        QVERIFY(!url);
        QVERIFY(url.error().errorCode() == ErrorCode::InvalidResponse);
        QVERIFY(QString::fromStdString(url.error().message).contains(QLatin1String("s3://b/")));
    }

    // One GET, signed for s3 with the empty payload's hash declared.
    void readsASignedGet()
    {
        FakeSmsServer server;
        server.enqueue(FakeSmsServer::raw("binary/octet-stream", "{\"Resources\": {}}", QHttpServerResponder::StatusCode::Ok));
        const auto content = readFrom(server.url(), location("sms-local-templates", "app-1/t.json"));
        QVERIFY2(content, content ? "" : content.error().describe().c_str());
        QCOMPARE(content.value(), QByteArray("{\"Resources\": {}}"));

        const ReceivedRequest request = server.requests().value(0);
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.path, QByteArray("/sms-local-templates/app-1/t.json"));
        QCOMPARE(request.header("x-amz-content-sha256"),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        const QByteArray authorization = request.header("Authorization");
        QVERIFY2(authorization.contains("/us-east-1/s3/aws4_request"), authorization.constData());
        const QByteArray signedHeaders = authorization.mid(authorization.indexOf("SignedHeaders=") + 14).split(',').at(0);
        const QByteArray signature = authorization.mid(authorization.indexOf("Signature=") + 10);
        const SigV4Signer s3(kRegion, QStringLiteral("s3"));
        QCOMPARE(s3.computeSignature(request.signingInput(), signedHeaders.split(';'), request.header("X-Amz-Date"),
                                     "test/secret/key"),
                 signature);
    }

    void badAnswers_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("says");

        QTest::addRow("s3 error") << "s3 error" << "NoSuchKey"
                                  << "S3 refused to read s3://b/k: The specified key does not exist.";
        QTest::addRow("proxy page") << "proxy page" << "InvalidResponse"
                                    << "got HTTP 502 with text/html, not an answer from S3";
        QTest::addRow("cut short") << "cut short" << "InvalidResponse" << "was cut short";
    }

    void badAnswers()
    {
        QFETCH(QString, kind);
        QFETCH(QString, code);
        QFETCH(QString, says);

        FakeSmsServer server;
        if (kind == QLatin1String("s3 error"))
            server.enqueue(FakeSmsServer::raw("application/xml",
                                              "<?xml version=\"1.0\"?><Error><Code>NoSuchKey</Code><Message>The "
                                              "specified key does not exist.</Message></Error>",
                                              QHttpServerResponder::StatusCode::NotFound));
        else if (kind == QLatin1String("proxy page"))
            server.enqueue(FakeSmsServer::raw("text/html", "<html><body>Bad gateway</body></html>",
                                              QHttpServerResponder::StatusCode::BadGateway));
        else
            server.enqueue(FakeSmsServer::truncated("{\"Resour", 400));
        const auto content = readFrom(server.url(), location("b", "k"));
        QVERIFY(!content);
        QCOMPARE(QString::fromStdString(content.error().code), code);
        QVERIFY2(QString::fromStdString(content.error().message).contains(says), content.error().message.c_str());
    }

    void networkDown()
    {
        QTcpServer closed;  // a port that was free a moment ago and is closed again
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const auto content = readFrom(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), location("b", "k"));
        QVERIFY(!content);
        QVERIFY(content.error().errorCode() == ErrorCode::NetworkError);
        QVERIFY2(QString::fromStdString(content.error().message).startsWith(QLatin1String("Could not read s3://b/k from")),
                 content.error().message.c_str());
    }
};

QTEST_MAIN(TestObjectReader)
#include "tst_objectreader.moc"
