// One application's settings as the endpoint has them, in the plan's terms,
// against the in-process sandbox with its demo applications: Payroll has
// replication and launch settings (its database launched as another type),
// CRM only replication; an unknown application is nullopt and a failing
// endpoint an error.

#include "services/EndpointSettingsReader.h"

#include "AwaitResult.h"

#include "api/OrEmpty.h"
#include "client/SmsClient.h"
#include "services/SandboxHost.h"

#include <QTest>

using namespace sms;
using namespace sms::services;

namespace {

// The appId of the demo application `name`, or "" when there is none.
std::string appIdOf(client::SmsClient &client, const std::string &name)
{
    const auto apps = awaitResult<api::ListAppsResponse>([&](QObject *ctx, auto done) { client.listApps({}, ctx, done); });
    if (!apps)
        return {};
    for (const api::AppSummary &app : api::orEmpty(apps->apps))
        if (app.name == name)
            return app.appId.value_or("");
    return {};
}

EndpointSettingsRead read(client::SmsClient &client, const std::string &appId)
{
    return awaitResult<std::optional<EndpointSettings>>(
        [&](QObject *ctx, auto done) { readEndpointSettings(client, appId, ctx, done); });
}

} // namespace

class TestEndpointSettingsReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const auto config = m_host.start();
        QVERIFY2(config.ok(), config ? "" : config.error().message.c_str());
        QVERIFY(m_host.demoReady().ok());
        m_client = std::make_unique<client::SmsClient>(config.value());
    }

    void readsAnApplication_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("frequency");          // 0: no replication settings
        QTest::addColumn<QString>("instanceType");   // "": no launch settings
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("ownLaunch");
        QTest::addColumn<QString>("launchOrders");   // in the endpoint's group order
        QTest::addRow("replication and launch") << "Payroll" << 12 << "m5.large" << "sms-launch" << 1 << "1,2";
        QTest::addRow("replication only") << "CRM" << 12 << "" << "" << 0 << "-,-";
    }

    void readsAnApplication()
    {
        QFETCH(QString, name);
        QFETCH(int, frequency);
        QFETCH(QString, instanceType);
        QFETCH(QString, role);
        QFETCH(int, ownLaunch);
        QFETCH(QString, launchOrders);
        const std::string appId = appIdOf(*m_client, name.toStdString());
        QVERIFY(!appId.empty());
        const EndpointSettingsRead result = read(*m_client, appId);
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        QVERIFY(result.value().has_value());
        const EndpointSettings &endpoint = *result.value();
        QCOMPARE(endpoint.settings.replication ? endpoint.settings.replication->frequency.value_or(-1) : 0, frequency);
        QCOMPARE(QString::fromStdString(endpoint.settings.launch ? endpoint.settings.launch->instanceType.value_or("?")
                                                                 : std::string()),
                 instanceType);
        QCOMPARE(QString::fromStdString(endpoint.settings.launchRoleName), role);
        QCOMPARE(endpoint.ownLaunch, ownLaunch);  // the database launches as r5.large
        QCOMPARE(endpoint.ownReplication, 0);
        QStringList orders;
        for (const auto &[groupId, order] : endpoint.launchOrders) {
            QVERIFY(!groupId.empty());
            orders << (order ? QString::number(*order) : QStringLiteral("-"));
            QCOMPARE(endpoint.launchOrderOf(groupId), order);
        }
        QCOMPARE(orders.join(QLatin1Char(',')), launchOrders);
    }

    void unknownApplicationIsNone()
    {
        const EndpointSettingsRead result = read(*m_client, "app-0123456789abcdef0");
        QVERIFY2(result.ok(), result ? "" : result.error().message.c_str());
        QVERIFY(!result.value().has_value());
    }

    void failureIsAnError()
    {
        const std::string appId = appIdOf(*m_client, "Payroll");
        sandbox::FaultSettings faults;
        faults.serverError = 1.0;
        m_host.setFaults(faults);
        client::ClientConfig config = m_client->config();
        config.retry.maxAttempts = 1;
        client::SmsClient once(config);
        const EndpointSettingsRead result = read(once, appId);
        m_host.setFaults({});
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() != ErrorCode::Timeout);  // answered, not waited for in vain
    }

private:
    SandboxHost m_host{SandboxOptions{200, 1, 1.0, true}};
    std::unique_ptr<client::SmsClient> m_client;
};

QTEST_GUILESS_MAIN(TestEndpointSettingsReader)
#include "tst_endpointsettingsreader.moc"
