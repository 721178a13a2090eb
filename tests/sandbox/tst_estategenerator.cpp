// The sandbox's generated estate: deterministic, realistic and consistent.

#include "sandbox/EstateGenerator.h"

#include "api/JsonCodec.h"

#include <QSet>
#include <QTest>

using namespace sms;
using namespace sms::sandbox;

class TestEstateGenerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isDeterministicPerSeed()
    {
        const Estate a = generateEstate(500, 7);
        const Estate b = generateEstate(500, 7);
        const Estate c = generateEstate(500, 8);
        QCOMPARE(a.servers.size(), size_t(500));
        QVERIFY(a.connectors == b.connectors);
        QVERIFY(std::equal(a.servers.begin(), a.servers.end(), b.servers.begin(),
                           [](const EstateServer &x, const EstateServer &y) { return x.server == y.server; }));
        QVERIFY(!(a.servers.front().server == c.servers.front().server));
    }

    void hasOneConnectorPerManagerOfEveryKindAndOneUnhealthy()
    {
        for (const size_t count : {size_t(0), size_t(10), size_t(50'000)}) {
            const Estate estate = generateEstate(count, 1);
            QSet<QString> kinds;
            int unhealthy = 0;
            for (const api::Connector &connector : estate.connectors) {
                kinds.insert(QString::fromLatin1(connector.vmManagerType->toString().data()));
                unhealthy += connector.status == api::ConnectorStatus::Unhealthy;
                QCOMPARE(connector.connectorId->size(), size_t(19));
            }
            QCOMPARE(kinds, (QSet<QString>{QStringLiteral("VSPHERE"), QStringLiteral("SCVMM"),
                                           QStringLiteral("HYPERV-MANAGER")}));
            QCOMPARE(unhealthy, 1);
        }
    }

    void serversAreUniqueAndBelongToAManager()
    {
        const Estate estate = generateEstate(20'000, 3);
        QSet<std::string> managerIds;
        for (const api::Connector &connector : estate.connectors)
            managerIds.insert(*connector.vmManagerId);
        QSet<std::string> serverIds;
        size_t notReplicable = 0;
        for (const EstateServer &entry : estate.servers) {
            const api::Server &server = entry.server;
            serverIds.insert(*server.serverId);
            QCOMPARE(server.serverId->size(), size_t(19));
            QVERIFY(managerIds.contains(*server.vmServer->vmServerAddress->vmManagerId));
            QVERIFY(server.vmServer->vmPath->front() == '/');
            QVERIFY(server.vmServer->vmPath->find(*server.vmServer->vmName) != std::string::npos);
            notReplicable += !entry.replicable;
        }
        QCOMPARE(size_t(serverIds.size()), estate.servers.size());
        QVERIFY2(notReplicable > 200 && notReplicable < 800, qPrintable(QString::number(notReplicable)));
    }
};

QTEST_APPLESS_MAIN(TestEstateGenerator)
#include "tst_estategenerator.moc"
