// The sandbox catalog's life: import over simulated time, delete, and the
// errors SMS answers on the way.

#include "sandbox/CatalogOperations.h"

#include <QTest>

using namespace sms;
using namespace sms::sandbox;

class TestCatalogOperations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importsOverSimulatedTime()
    {
        std::chrono::milliseconds wall{0};
        const SimulationClock clock(api::Timestamp{1'700'000'000}, 10.0, [&wall] { return wall; });
        SandboxState state = SandboxState::fromEstate(generateEstate(1000, 5), 5);
        state.catalogStatus = api::ServerCatalogStatus::NotImported;
        const PageTokens tokens("secret");
        CatalogOperations catalog(state, tokens, clock);
        const auto listServers = [&] {  // as the engine does before each request
            catalog.advance();
            return catalog.getServers({});
        };

        auto listed = listServers();
        QVERIFY(listed->serverCatalogStatus == api::ServerCatalogStatus::NotImported);
        QVERIFY(listed->serverList->empty());

        QVERIFY(catalog.importServerCatalog({}).ok());
        const auto again = catalog.importServerCatalog({});
        QVERIFY(again.error().errorCode() == ErrorCode::OperationNotPermittedException);
        QVERIFY(catalog.deleteServerCatalog({}).error().errorCode() == ErrorCode::OperationNotPermittedException);

        // 60 s + 1000 servers / 500 = 62 simulated seconds, 6.2 s of wall time at 10x.
        wall = std::chrono::milliseconds(6100);
        QVERIFY(listServers()->serverCatalogStatus == api::ServerCatalogStatus::Importing);
        wall = std::chrono::milliseconds(6300);
        listed = listServers();
        QVERIFY(listed->serverCatalogStatus == api::ServerCatalogStatus::Available);
        QCOMPARE(listed->serverList->size(), size_t(50));
        QCOMPARE(listed->lastModifiedOn->epochSeconds, 1'700'000'062.0);

        QVERIFY(catalog.deleteServerCatalog({}).ok());
        listed = listServers();
        QVERIFY(listed->serverCatalogStatus == api::ServerCatalogStatus::Deleted);
        QVERIFY(listed->serverList->empty());
    }

    void needsAHealthyConnectorToImport()
    {
        const SimulationClock clock(api::Timestamp{1'700'000'000}, 1.0);
        Estate estate = generateEstate(10, 5);
        SandboxState state = SandboxState::fromEstate(estate, 5);
        const PageTokens tokens("secret");
        CatalogOperations catalog(state, tokens, clock);
        for (const api::Connector &connector : estate.connectors) {
            api::DisassociateConnectorRequest request;
            request.connectorId = *connector.connectorId;
            if (connector.status == api::ConnectorStatus::Healthy)
                QVERIFY(catalog.disassociateConnector(request).ok());
        }
        const auto imported = catalog.importServerCatalog({});
        QVERIFY(!imported.ok());
        QVERIFY(imported.error().errorCode() == ErrorCode::NoConnectorsAvailableException);
    }
};

QTEST_APPLESS_MAIN(TestCatalogOperations)
#include "tst_catalogoperations.moc"
