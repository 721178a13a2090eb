// The catalog's actions against an in-process sandbox whose simulated time
// runs fast: delete the catalog, import it and poll until it is AVAILABLE,
// disassociate connectors; and the ways they end early (no healthy
// connector, an import that does not finish in time, cancel).

#include "services/CatalogActions.h"

#include "client/SmsClient.h"
#include "services/PlainWords.h"
#include "services/SandboxHost.h"

#include <QPointer>
#include <QTest>

#include <optional>

using namespace sms;
using namespace sms::services;
using namespace std::chrono_literals;

namespace {

struct ChangeRun
{
    QStringList statuses;
    int finishedSignals = 0;
    std::optional<Result<CatalogStatus>> result;
};

void watch(CatalogChange *change, ChangeRun &run)
{
    QObject::connect(change, &CatalogChange::statusChanged, change,
                     [&run](const QString &text) { run.statuses << text; });
    QObject::connect(change, &CatalogChange::finished, change, [&run](const Result<CatalogStatus> &result) {
        ++run.finishedSignals;
        run.result = result;
    });
}

bool waitForEnd(const ChangeRun &run, int timeoutMs = 20'000)
{
    return QTest::qWaitFor([&] { return run.result.has_value(); }, timeoutMs);
}

const char *describe(const std::optional<Result<CatalogStatus>> &result)
{
    static std::string text;
    text = !result ? "no result" : result->ok() ? "ok" : result->error().describe();
    return text.c_str();
}

Result<void> disassociate(client::SmsClient &client, const std::string &connectorId, QObject *context)
{
    std::optional<Result<void>> outcome;
    auto *job = disassociateConnector(client, connectorId, context);
    QObject::connect(job, &ConnectorDisassociation::finished, job,
                     [&outcome](const Result<void> &result) { outcome = result; });
    if (!QTest::qWaitFor([&] { return outcome.has_value(); }, 10'000))
        return SmsError::make(ErrorCode::Timeout, "no answer");
    return *outcome;
}

// Fast polls: the sandbox's import takes 60 simulated seconds plus one per
// 500 servers, a fraction of a second at these time scales.
constexpr CatalogPollSettings kFastPolls{20ms, 10s};

} // namespace

class TestCatalogActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void deletesThenImportsTheCatalog()
    {
        SandboxHost host({.servers = 1000, .timeScale = 200, .demoApplications = false});
        client::SmsClient client(host.start().value());

        ChangeRun deletion;
        QPointer<CatalogChange> change = deleteCatalog(client, this, kFastPolls);
        watch(change, deletion);
        QVERIFY(waitForEnd(deletion));
        QVERIFY2(deletion.result->ok(), describe(deletion.result));
        QVERIFY(deletion.result->value().status == api::ServerCatalogStatus::Deleted);
        QVERIFY(host.engine().state().catalogStatus == api::ServerCatalogStatus::Deleted);
        QCOMPARE(deletion.statuses.first(), QStringLiteral("Deleting the server catalog..."));
        QCOMPARE(deletion.statuses.last(), QStringLiteral("Server catalog deleted."));
        QVERIFY(QTest::qWaitFor([&] { return change.isNull(); }, 1000));

        ChangeRun import;
        change = importCatalog(client, this, kFastPolls);
        watch(change, import);
        QVERIFY(waitForEnd(import));
        QVERIFY2(import.result->ok(), describe(import.result));
        QVERIFY(import.result->value().status == api::ServerCatalogStatus::Available);
        QVERIFY(import.result->value().lastModifiedOn.has_value());
        QCOMPARE(import.finishedSignals, 1);
        // 62 simulated seconds at 200x are about 310 ms: polls saw it importing.
        QVERIFY2(!import.statuses.filter(QStringLiteral("Server catalog: IMPORTING")).isEmpty(),
                 qPrintable(import.statuses.join(QLatin1Char('|'))));
        QCOMPARE(import.statuses.last(), QStringLiteral("Server catalog imported."));
        QVERIFY(host.engine().state().catalogStatus == api::ServerCatalogStatus::Available);
        QVERIFY(QTest::qWaitFor([&] { return change.isNull(); }, 1000));
    }

    void importNeedsAHealthyConnector()
    {
        SandboxHost host({.servers = 100, .timeScale = 400, .demoApplications = false});
        client::SmsClient client(host.start().value());
        std::vector<std::string> healthy;
        for (const api::Connector &connector : host.engine().state().estate.connectors) {
            if (connector.status == api::ConnectorStatus::Healthy)
                healthy.push_back(*connector.connectorId);
        }
        QVERIFY(!healthy.empty());
        for (const std::string &id : healthy) {
            const auto done = disassociate(client, id, this);
            QVERIFY2(done.ok(), done ? "" : done.error().describe().c_str());
        }
        QCOMPARE(host.engine().state().estate.connectors.size(), size_t(1));  // the unhealthy one is left

        ChangeRun import;
        watch(importCatalog(client, this, kFastPolls), import);
        QVERIFY(waitForEnd(import));
        QVERIFY(!import.result->ok());
        QVERIFY(import.result->error().errorCode() == ErrorCode::NoConnectorsAvailableException);
        QVERIFY(plainWords(import.result->error()).contains(QStringLiteral("No healthy SMS connector")));
        QCOMPARE(import.statuses.last(), QStringLiteral("The server catalog could not be changed."));
    }

    void refusesToDisassociateAStranger()
    {
        SandboxHost host({.servers = 10, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const auto done = disassociate(client, "c-0000000000000000a", this);
        QVERIFY(!done.ok());
        QVERIFY(done.error().errorCode() == ErrorCode::InvalidParameterException);
        QVERIFY(plainWords(done.error()).contains(QStringLiteral("does not exist")));
    }

    void givesUpOnAnImportThatTakesTooLong()
    {
        SandboxHost host({.servers = 100, .timeScale = 1, .demoApplications = false});
        client::SmsClient client(host.start().value());
        ChangeRun import;
        watch(importCatalog(client, this, {30ms, 300ms}), import);
        QVERIFY(waitForEnd(import));
        QVERIFY(!import.result->ok());
        QVERIFY(import.result->error().errorCode() == ErrorCode::Timeout);
        QVERIFY2(plainWords(import.result->error()).contains(QStringLiteral("not over after")),
                 qPrintable(plainWords(import.result->error())));
        QVERIFY(import.statuses.filter(QStringLiteral("IMPORTING")).size() >= 1);
        QTest::qWait(100);
        QCOMPARE(import.finishedSignals, 1);
    }

    void stopsWaitingOnCancel()
    {
        SandboxHost host({.servers = 100, .timeScale = 1, .demoApplications = false});
        client::SmsClient client(host.start().value());
        ChangeRun import;
        auto *change = importCatalog(client, this, {30ms, 10s});
        watch(change, import);
        connect(change, &CatalogChange::statusChanged, change, [change](const QString &text) {
            if (text.contains(QStringLiteral("IMPORTING")))
                change->cancel();
        });
        int calls = 0;
        connect(&client, &client::SmsClient::callFinished, this, [&calls] { ++calls; });
        QVERIFY(waitForEnd(import));
        QVERIFY(import.result->error().errorCode() == ErrorCode::Canceled);
        QCOMPARE(import.statuses.last(), QStringLiteral("Stopped waiting for the server catalog."));
        const int callsAtCancel = calls;
        QTest::qWait(150);
        QCOMPARE(import.finishedSignals, 1);
        QCOMPARE(calls, callsAtCancel);  // no poll after the cancel
        // The import goes on at SMS.
        QVERIFY(host.engine().state().catalogStatus == api::ServerCatalogStatus::Importing);
    }

    void cancelsBeforeItStarts()
    {
        SandboxHost host({.servers = 10, .demoApplications = false});
        client::SmsClient client(host.start().value());
        ChangeRun deletion;
        auto *change = deleteCatalog(client, this, kFastPolls);
        watch(change, deletion);
        change->cancel();
        QVERIFY(deletion.result && deletion.result->error().errorCode() == ErrorCode::Canceled);
        QTest::qWait(100);
        QVERIFY(host.engine().state().catalogStatus == api::ServerCatalogStatus::Available);  // never sent
    }

    void cannotDeleteWhileImporting()
    {
        SandboxHost host({.servers = 100, .timeScale = 1, .demoApplications = false});
        host.engine().state().catalogStatus = api::ServerCatalogStatus::Importing;
        host.engine().state().importDoneAt = 1e12;
        client::SmsClient client(host.start().value());
        ChangeRun deletion;
        watch(deleteCatalog(client, this, kFastPolls), deletion);
        QVERIFY(waitForEnd(deletion));
        QVERIFY(deletion.result->error().errorCode() == ErrorCode::OperationNotPermittedException);
        QVERIFY(plainWords(deletion.result->error()).contains(QStringLiteral("while it is being imported")));
    }
};

QTEST_GUILESS_MAIN(TestCatalogActions)
#include "tst_catalogactions.moc"
