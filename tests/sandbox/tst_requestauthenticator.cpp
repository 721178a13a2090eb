// sms-local's signature check against requests signed the way SmsClient signs
// them, and every way a request can fail it, with AWS's codes and messages.

#include "sandbox/RequestAuthenticator.h"

#include <QTest>

using namespace sms;
using namespace sms::sandbox;

namespace {

const QDateTime kNow(QDate(2026, 11, 27), QTime(12, 0, 0), Qt::UTC);

client::Credentials credentials(const QString &token = {})
{
    client::Credentials c;
    c.accessKeyId = QStringLiteral("AKIDSANDBOX");
    c.secretAccessKey = QStringLiteral("sandbox/secret");
    c.sessionToken = token;
    return c;
}

// A GetServers request signed at `when` in `region`, with the headers SmsClient sends.
client::SigningInput signedRequest(const QDateTime &when, const client::Credentials &creds = credentials(),
                                   const QString &region = QStringLiteral("us-east-1"),
                                   const QString &service = QStringLiteral("sms"))
{
    client::SigningInput input;
    input.method = "POST";
    input.path = "/";
    input.headers = {{"Content-Type", "application/x-amz-json-1.1"},
                     {"Host", "127.0.0.1:4580"},
                     {"X-Amz-Target", "AWSServerMigrationService_V2016_10_24.GetServers"}};
    input.body = "{\"maxResults\":100}";
    const auto signature = client::SigV4Signer(region, service).sign(input, creds, when);
    if (!signature)
        qFatal("cannot sign");
    input.headers += signature->headersToAdd;
    return input;
}

void setHeader(client::SigningInput &input, const QByteArray &name, const QByteArray &value)
{
    for (auto &[key, existing] : input.headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0) {
            existing = value;
            return;
        }
    }
    input.headers.append({name, value});
}

RequestAuthenticator authenticator(const QString &token = {})
{
    AuthSettings settings;
    settings.keys = {{QStringLiteral("AKIDSANDBOX"), QStringLiteral("sandbox/secret"), token}};
    return RequestAuthenticator(settings);
}

} // namespace

class TestRequestAuthenticator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptsWhatTheClientSigns()
    {
        QVERIFY(authenticator().verify(signedRequest(kNow), kNow).ok());
        QVERIFY(authenticator().verify(signedRequest(kNow.addSecs(-14 * 60)), kNow).ok());
        QVERIFY(authenticator().verify(signedRequest(kNow.addSecs(14 * 60)), kNow).ok());
        QVERIFY(authenticator().verify(signedRequest(kNow, credentials(QStringLiteral("tok"))), kNow).ok());
        QVERIFY(authenticator(QStringLiteral("tok")).verify(signedRequest(kNow, credentials(QStringLiteral("tok"))), kNow).ok());
    }

    void rejects_data()
    {
        QTest::addColumn<int>("mutation");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");  // the start of it
        QTest::addRow("no authorization") << 0 << "MissingAuthenticationTokenException" << 403 << "Missing Authentication Token";
        QTest::addRow("other algorithm") << 1 << "IncompleteSignatureException" << 400 << "Authorization header requires the AWS4-HMAC-SHA256";
        QTest::addRow("no signature part") << 2 << "IncompleteSignatureException" << 400 << "Authorization header requires 'Signature' parameter.";
        QTest::addRow("unknown key") << 3 << "UnrecognizedClientException" << 400 << "The security token included in the request is invalid.";
        QTest::addRow("tampered body") << 4 << "InvalidSignatureException" << 400 << "The request signature we calculated does not match";
        QTest::addRow("expired") << 5 << "InvalidSignatureException" << 400 << "Signature expired: 20261127T114400Z is now earlier than 20261127T114500Z (20261127T120000Z - 15 min.)";
        QTest::addRow("from the future") << 6 << "InvalidSignatureException" << 400 << "Signature not yet current";
        QTest::addRow("other region") << 7 << "InvalidSignatureException" << 400 << "Credential should be scoped to a valid region, not 'eu-west-1'.";
        QTest::addRow("other service") << 8 << "InvalidSignatureException" << 400 << "Credential should be scoped to correct service: 'sms'.";
        QTest::addRow("wrong secret") << 9 << "InvalidSignatureException" << 400 << "The request signature we calculated does not match";
        QTest::addRow("token not as configured") << 10 << "UnrecognizedClientException" << 400 << "The security token included";
        QTest::addRow("bad date header") << 11 << "IncompleteSignatureException" << 400 << "Authorization header requires existence of a valid 'X-Amz-Date'";
        QTest::addRow("date outside its scope") << 13 << "InvalidSignatureException" << 400
                                               << "Date in Credential scope does not match YYYYMMDD";
        QTest::addRow("host not signed") << 14 << "InvalidSignatureException" << 400 << "'Host' must be a signed header field.";
        QTest::addRow("changed target") << 12 << "InvalidSignatureException" << 400 << "The request signature we calculated does not match";
    }

    void rejects()
    {
        QFETCH(int, mutation);
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(QString, message);

        client::SigningInput request = signedRequest(kNow);
        RequestAuthenticator checker = authenticator();
        QDateTime now = kNow;
        switch (mutation) {
        case 0: request.headers.removeIf([](const auto &h) { return h.first == "Authorization"; }); break;
        case 1: setHeader(request, "Authorization", "AWS3 Credential=x"); break;
        case 2: setHeader(request, "Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20261127/us-east-1/sms/aws4_request, SignedHeaders=host"); break;
        case 3: request = signedRequest(kNow, {QStringLiteral("AKIDOTHER"), QStringLiteral("sandbox/secret"), {}, {}, {}}); break;
        case 4: request.body = "{\"maxResults\":99}"; break;
        case 5: request = signedRequest(kNow.addSecs(-16 * 60)); break;
        case 6: request = signedRequest(kNow.addSecs(16 * 60)); break;
        case 7: request = signedRequest(kNow, credentials(), QStringLiteral("eu-west-1")); break;
        case 8: request = signedRequest(kNow, credentials(), QStringLiteral("us-east-1"), QStringLiteral("ec2")); break;
        case 9: request = signedRequest(kNow, {QStringLiteral("AKIDSANDBOX"), QStringLiteral("wrong"), {}, {}, {}}); break;
        case 10: checker = authenticator(QStringLiteral("expected-token")); request = signedRequest(kNow, credentials(QStringLiteral("other"))); break;
        case 11: setHeader(request, "X-Amz-Date", "yesterday"); break;
        case 12: setHeader(request, "X-Amz-Target", "AWSServerMigrationService_V2016_10_24.DeleteServerCatalog"); break;
        case 13: setHeader(request, "X-Amz-Date", "20261128T000500Z"); now = QDateTime(QDate(2026, 11, 28), QTime(0, 0), Qt::UTC); break;
        case 14:
            request.headers.removeIf([](const auto &h) { return h.first == "Host"; });
            request.headers.removeIf([](const auto &h) { return h.first == "Authorization" || h.first == "X-Amz-Date"; });
            request.headers += client::SigV4Signer(QStringLiteral("us-east-1"), QStringLiteral("sms")).sign(request, credentials(), kNow)->headersToAdd;
            request.headers.append(std::pair<QByteArray, QByteArray>("Host", "127.0.0.1:4580"));
            break;
        }
        const auto result = checker.verify(request, now);
        QVERIFY(!result.ok());
        QCOMPARE(QString::fromStdString(result.error().code), code);
        QCOMPARE(result.error().httpStatus, status);
        QVERIFY2(QString::fromStdString(result.error().message).startsWith(message), result.error().message.c_str());
        QVERIFY(result.error().message.find("sandbox/secret") == std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestRequestAuthenticator)
#include "tst_requestauthenticator.moc"
