// The in-process sandbox the GUI falls back to: it starts on loopback and the
// config it hands out reaches it, signed with the sandbox's key pair.

#include "AwaitResult.h"

#include "services/SandboxHost.h"
#include "services/SandboxStartState.h"

#include "client/SmsClient.h"
#include "sandbox/SandboxDefaults.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace sms;
using namespace sms::services;

namespace {

Result<api::GetServersResponse> listServers(const client::ClientConfig &config)
{
    client::SmsClient client(config);
    return awaitResult<api::GetServersResponse>([&](QObject *ctx, auto done) { client.getServers({}, ctx, done); });
}

std::set<std::string> appNames(const client::ClientConfig &config)
{
    client::SmsClient client(config);
    const auto apps = awaitResult<api::ListAppsResponse>([&](QObject *ctx, auto done) { client.listApps({}, ctx, done); });
    std::set<std::string> names;
    if (apps)
        for (const api::AppSummary &app : *apps->apps)
            names.insert(*app.name);
    return names;
}

Result<api::CreateAppResponse> createApp(const client::ClientConfig &config, const char *name)
{
    client::SmsClient client(config);
    api::CreateAppRequest request;
    request.name = name;
    return awaitResult<api::CreateAppResponse>([&](QObject *ctx, auto done) { client.createApp(request, ctx, done); });
}

const std::set<std::string> kDemoApps{"Billing", "CRM", "Intranet", "Payroll"};

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

    void showsDemoApplicationsAtEveryStage()
    {
        SandboxHost host({120, 9, 1.0});
        QVERIFY2(host.demoReady().ok(), host.demoReady() ? "" : host.demoReady().error().describe().c_str());
        const auto config = host.start();
        client::SmsClient client(config.value());
        const auto apps = awaitResult<api::ListAppsResponse>(
            [&](QObject *ctx, auto done) { client.listApps({}, ctx, done); });
        QVERIFY2(apps.ok(), apps ? "" : apps.error().describe().c_str());
        std::map<std::string, api::AppSummary> byName;
        for (const api::AppSummary &app : *apps->apps)
            byName[*app.name] = app;
        QCOMPARE(byName.size(), size_t(4));
        QVERIFY(byName["Payroll"].launchStatus == api::AppLaunchStatus::Launched);
        QVERIFY(byName["Payroll"].replicationStatus == api::AppReplicationStatus::Replicated);
        QVERIFY(byName["Intranet"].replicationStatus == api::AppReplicationStatus::Replicated);
        QVERIFY(byName["Intranet"].launchStatus == api::AppLaunchStatus::ReadyForConfiguration);
        QVERIFY(byName["CRM"].replicationStatus == api::AppReplicationStatus::ReadyForReplication);
        QVERIFY(byName["Billing"].replicationStatus == api::AppReplicationStatus::ReplicationInProgress);
        QCOMPARE(*byName["CRM"].totalServers, 5);
        // The history is in the past: Payroll replicated about two hours ago.
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        QVERIFY(byName["Payroll"].latestReplicationTime->epochSeconds < now - 3600);
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

    // What was done in the sandbox is there again after a restart, and the
    // demo is not added a second time; a reset starts over from the demo.
    void keepsItsStateAcrossRestarts_data()
    {
        QTest::addColumn<bool>("reset");
        QTest::addColumn<bool>("restored");
        QTest::addRow("restart") << false << true;
        QTest::addRow("reset, then restart") << true << false;
    }

    void keepsItsStateAcrossRestarts()
    {
        QFETCH(bool, reset);
        QFETCH(bool, restored);
        QTemporaryDir dir;
        const SandboxOptions options{60, 3, 1.0, true, dir.filePath(QStringLiteral("state/sandbox.jsonl"))};
        {
            SandboxHost host(options);
            QVERIFY(!host.restored());
            const auto made = createApp(host.start().value(), "Kept");
            QVERIFY2(made.ok(), made ? "" : made.error().describe().c_str());
            if (reset) {
                QVERIFY(host.discardState().ok());
                QVERIFY(!QFile::exists(options.stateFile));
            }
        }
        SandboxHost again(options);
        QCOMPARE(again.restored(), restored);
        QVERIFY(again.startNotice().isEmpty());
        std::set<std::string> expected = kDemoApps;
        if (restored)
            expected.insert("Kept");
        QCOMPARE(appNames(again.start().value()), expected);
    }

    void setsACorruptStateFileAside()
    {
        QTemporaryDir dir;
        const SandboxOptions options{60, 3, 1.0, true, dir.filePath(QStringLiteral("sandbox.jsonl"))};
        {
            QFile file(options.stateFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"not\": \"a sandbox state\"\n");
        }
        SandboxHost host(options);
        QVERIFY(!host.restored());
        QVERIFY2(host.startNotice().contains(QStringLiteral("could not be read")), qPrintable(host.startNotice()));
        QVERIFY2(host.startNotice().contains(corruptStatePath(options.stateFile)), qPrintable(host.startNotice()));
        QVERIFY(QFile::exists(corruptStatePath(options.stateFile)));  // kept for a bug report
        QCOMPARE(appNames(host.start().value()), kDemoApps);  // and the planner goes on with the demo
        QVERIFY(QFile::exists(options.stateFile));  // a good state replaces it
    }

    // A second planner on the same state works on a copy and saves nothing:
    // the first one's work is not saved over.
    void oneHostKeepsTheState()
    {
        QTemporaryDir dir;
        const SandboxOptions options{60, 3, 1.0, true, dir.filePath(QStringLiteral("sandbox.jsonl"))};
        auto first = std::make_unique<SandboxHost>(options);
        QVERIFY(first->startNotice().isEmpty());
        auto second = std::make_unique<SandboxHost>(options);
        QVERIFY2(second->startNotice().contains(QStringLiteral("Another planner")), qPrintable(second->startNotice()));
        QVERIFY(createApp(first->start().value(), "First's").ok());
        first.reset();  // saves
        QVERIFY(createApp(second->start().value(), "Second's").ok());
        second.reset();  // saves nothing
        SandboxHost again(options);
        QVERIFY(again.restored());
        std::set<std::string> expected = kDemoApps;
        expected.insert("First's");
        QCOMPARE(appNames(again.start().value()), expected);
    }

    // An older .corrupt copy is never overwritten by a newer one.
    void keepsEveryCorruptCopy()
    {
        QTemporaryDir dir;
        const SandboxOptions options{60, 3, 1.0, true, dir.filePath(QStringLiteral("sandbox.jsonl"))};
        for (int i = 0; i < 2; ++i) {
            QFile file(options.stateFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QByteArray("{\"broken\": ") + QByteArray::number(i));
            file.close();
            SandboxHost host(options);
            QVERIFY(!host.restored());
        }
        QVERIFY(QFile::exists(corruptStatePath(options.stateFile)));
        QVERIFY(QFile::exists(corruptStatePath(options.stateFile) + QStringLiteral(".2")));
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
