// The in-process sandbox the GUI falls back to: it starts on loopback and the
// config it hands out reaches it, signed with the sandbox's key pair.

#include "AwaitResult.h"

#include "services/SandboxHost.h"

#include "client/SmsClient.h"
#include "sandbox/SandboxDefaults.h"

#include <QTest>

using namespace sms;
using namespace sms::services;

namespace {

Result<api::GetServersResponse> listServers(const client::ClientConfig &config)
{
    client::SmsClient client(config);
    return awaitResult<api::GetServersResponse>([&](QObject *ctx, auto done) { client.getServers({}, ctx, done); });
}

} // namespace

class TestSandboxHost : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesItsDemoEstate()
    {
        SandboxHost host({120, 9, 1.0});
        const auto config = host.start();
        QVERIFY(config.ok());
        QCOMPARE(config->endpoint.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(config->endpoint.port() > 0);
        QCOMPARE(config->credentials.accessKeyId, QString::fromLatin1(sandbox::kDefaultAccessKeyId));
        QCOMPARE(host.start()->endpoint, config->endpoint);  // starting twice keeps the port

        const auto servers = listServers(config.value());
        QVERIFY2(servers.ok(), servers ? "" : servers.error().describe().c_str());
        QCOMPARE(servers->serverList->size(), size_t(50));
        QVERIFY(servers->nextToken.has_value());
        QVERIFY(servers->serverCatalogStatus == api::ServerCatalogStatus::Available);
    }

    void refusesOtherKeys()
    {
        SandboxHost host({10, 1, 1.0});
        auto config = host.start();
        QVERIFY(config.ok());
        config->credentials.secretAccessKey = QStringLiteral("guess");
        const auto servers = listServers(config.value());
        QVERIFY(!servers.ok());
        QVERIFY(servers.error().errorCode() == ErrorCode::InvalidSignatureException);
    }

    void runsSideBySide()
    {
        SandboxHost first({10, 1, 1.0});
        SandboxHost second({10, 2, 1.0});
        QVERIFY(first.start()->endpoint != second.start()->endpoint);
    }
};

QTEST_GUILESS_MAIN(TestSandboxHost)
#include "tst_sandboxhost.moc"
