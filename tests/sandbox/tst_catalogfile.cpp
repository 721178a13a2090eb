// The estate behind `sms-local --catalog FILE`: JSON as the AWS CLI prints it,
// CSV as spreadsheets write it, what a file leaves out filled in the same way
// on every load, and bad files refused whole with the place of each problem.

#include "sandbox/CatalogFile.h"

#include "api/JsonCodec.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <tuple>

using namespace sms;
using namespace sms::sandbox;
using namespace Qt::StringLiterals;

namespace {

const char *why(const Result<Estate> &result)
{
    return result.ok() ? "" : result.error().message.c_str();
}

QString dataPath(const QString &name)
{
    return QStringLiteral(SMS_TEST_DATA "/sandbox/catalog/") + name;
}

bool looksLike(const std::optional<std::string> &value, const QString &pattern)
{
    return value && QRegularExpression(u'^' + pattern + u'$').match(QString::fromStdString(*value)).hasMatch();
}

const QString kServerId = u"s-[0-9a-f]{17}"_s;
const QString kUuid = u"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"_s;

const api::VmServer &vmOf(const EstateServer &entry)
{
    return *entry.server.vmServer;
}

// The (id, name, type) of each connector, and of each manager the servers name.
using ManagerKey = std::tuple<std::string, std::string, std::string>;

std::set<ManagerKey> connectorManagers(const Estate &estate)
{
    std::set<ManagerKey> keys;
    for (const api::Connector &c : estate.connectors)
        keys.emplace(*c.vmManagerId, *c.vmManagerName, std::string(c.vmManagerType->toString()));
    return keys;
}

std::set<ManagerKey> serverManagers(const Estate &estate)
{
    std::set<ManagerKey> keys;
    for (const EstateServer &entry : estate.servers) {
        const api::VmServer &vm = vmOf(entry);
        keys.emplace(*vm.vmServerAddress->vmManagerId, *vm.vmManagerName, std::string(vm.vmManagerType->toString()));
    }
    return keys;
}

bool sameServers(const Estate &a, const Estate &b)
{
    return std::equal(a.servers.begin(), a.servers.end(), b.servers.begin(), b.servers.end(),
                      [](const EstateServer &x, const EstateServer &y) {
                          return x.server == y.server && x.replicable == y.replicable;
                      });
}

} // namespace

class TestCatalogFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatFollowsTheExtension()
    {
        QVERIFY(catalogFormatFor(u"/tmp/estate.csv"_s) == CatalogFormat::Csv);
        QVERIFY(catalogFormatFor(u"ESTATE.CSV"_s) == CatalogFormat::Csv);
        QVERIFY(catalogFormatFor(u"estate.json"_s) == CatalogFormat::Json);
        QVERIFY(catalogFormatFor(u"estate"_s) == CatalogFormat::Json);
    }

    void jsonRoundTripsAGeneratedEstate()
    {
        const Estate generated = generateEstate(300, 5);
        api::GetServersResponse response;
        response.serverCatalogStatus = api::ServerCatalogStatus::Available;
        response.lastModifiedOn = generated.generatedAt;
        response.serverList.emplace();
        for (const EstateServer &entry : generated.servers)
            response.serverList->push_back(entry.server);
        const std::string text = api::serialize(response, 4);
        const std::string bareArray = api::toJson(response)["serverList"].dump(2);

        const Result<Estate> fromResponse = loadCatalog(QByteArrayView(text), CatalogFormat::Json, u"estate.json"_s);
        QVERIFY2(fromResponse.ok(), why(fromResponse));
        const Result<Estate> fromArray = loadCatalog(QByteArrayView(bareArray), CatalogFormat::Json, u"estate.json"_s);
        QVERIFY2(fromArray.ok(), why(fromArray));

        QCOMPARE(fromResponse->servers.size(), generated.servers.size());
        for (std::size_t i = 0; i < generated.servers.size(); ++i) {
            QVERIFY(fromResponse->servers[i].server == generated.servers[i].server);
            QVERIFY(fromResponse->servers[i].replicable);  // JSON cannot say otherwise
        }
        QVERIFY(sameServers(fromResponse.value(), fromArray.value()));
        QVERIFY(fromResponse->connectors == fromArray->connectors);

        // One connector per manager the servers name, with the generator's ids.
        QVERIFY(connectorManagers(fromResponse.value()) == serverManagers(fromResponse.value()));
        const std::set<ManagerKey> generatedManagers = connectorManagers(generated);
        const std::set<ManagerKey> loadedManagers = connectorManagers(fromResponse.value());
        QVERIFY(std::includes(generatedManagers.begin(), generatedManagers.end(), loadedManagers.begin(),
                              loadedManagers.end()));
    }

    void jsonAsTheCliPrintsIt()
    {
        const Result<Estate> estate = loadCatalogFile(dataPath(u"servers.json"_s));
        QVERIFY2(estate.ok(), why(estate));
        QCOMPARE(estate->servers.size(), std::size_t(2));
        const api::Server &erp = estate->servers[0].server;
        QCOMPARE(*erp.serverId, "s-12345678901234567");
        QVERIFY(!erp.replicationJobId && !erp.replicationJobTerminated);  // no such job in the sandbox

        // A manager type this build does not know survives, and names its
        // connector's capability.
        const api::VmServer &ahv = vmOf(estate->servers[1]);
        QVERIFY(!ahv.vmManagerType->isKnown());
        QCOMPARE(ahv.vmManagerType->toString(), "NUTANIX-AHV");
        QCOMPARE(estate->connectors.size(), std::size_t(2));
        const api::Connector &prism = estate->connectors[1];
        QCOMPARE(*prism.vmManagerName, "prism.corp.example.com");
        QCOMPARE(prism.capabilityList->front().toString(), "NUTANIX-AHV");
    }

    void csvAsSpreadsheetsWriteIt()
    {
        // A byte order mark, CRLF, headers in any case, a column of the
        // team's own, quoted commas, doubled quotes and a quoted line break.
        const Result<Estate> estate = loadCatalogFile(dataPath(u"spreadsheet.csv"_s));
        QVERIFY2(estate.ok(), why(estate));
        QCOMPARE(estate->servers.size(), std::size_t(3));

        const api::VmServer &web = vmOf(estate->servers[0]);
        QCOMPARE(*web.vmName, "web-01");
        QCOMPARE(*web.vmPath, "/DC-East/vm/prod/web/web-01");
        QCOMPARE(*web.vmServerAddress->vmId, "vm-1001");
        QVERIFY(web.vmManagerType == api::VmManagerType::Vsphere);
        QVERIFY(estate->servers[0].replicable);

        const api::VmServer &db = vmOf(estate->servers[1]);
        QCOMPARE(*db.vmName, "db \"primary\"");
        QCOMPARE(*db.vmPath, "/DC-East/vm/prod/db/db \"primary\"");
        QVERIFY(db.vmManagerType == api::VmManagerType::Vsphere);  // "vsphere" in the file
        QVERIFY(!estate->servers[1].replicable);
        QCOMPARE(*db.vmServerAddress->vmManagerId, *web.vmServerAddress->vmManagerId);

        const api::VmServer &file = vmOf(estate->servers[2]);
        QCOMPARE(*file.vmPath, "/All Hosts/Frankfurt-DC1/prod/SRV-FILE-00003");
        QVERIFY(file.vmManagerType == api::VmManagerType::Scvmm);
        QVERIFY(looksLike(file.vmServerAddress->vmId, kUuid));  // SCVMM VMs have GUIDs
        QVERIFY(estate->servers[2].replicable);

        QCOMPARE(estate->connectors.size(), std::size_t(2));
    }

    void csvLineEnds_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addRow("LF") << QByteArray("vmName,vmPath\na,\"/x\ny\"\nb,/z\n");
        QTest::addRow("CRLF") << QByteArray("vmName,vmPath\r\na,\"/x\ny\"\r\nb,/z\r\n");
        QTest::addRow("CR") << QByteArray("vmName,vmPath\ra,\"/x\ny\"\rb,/z\r");
        QTest::addRow("no last line end") << QByteArray("vmName,vmPath\na,\"/x\ny\"\nb,/z");
        QTest::addRow("blank lines") << QByteArray("\nvmName,vmPath\n\na,\"/x\ny\"\n\r\n \t\nb,/z\n\n");
    }

    void csvLineEnds()
    {
        QFETCH(QByteArray, csv);
        const Result<Estate> estate = loadCatalog(csv, CatalogFormat::Csv, u"ends.csv"_s);
        QVERIFY2(estate.ok(), why(estate));
        QCOMPARE(estate->servers.size(), std::size_t(2));
        QCOMPARE(*vmOf(estate->servers[0]).vmPath, "/x\ny");  // a line break in quotes is kept as is
        QCOMPARE(*vmOf(estate->servers[1]).vmName, "b");
        QCOMPARE(*vmOf(estate->servers[1]).vmPath, "/z");
    }

    void fillsInWhatIsMissingTheSameWayEveryTime()
    {
        const QByteArray csv = "vmName\nweb-01\n   \nweb-02";
        const Result<Estate> estate = loadCatalog(csv, CatalogFormat::Csv, u"names.csv"_s);
        QVERIFY2(estate.ok(), why(estate));
        QCOMPARE(estate->servers.size(), std::size_t(2));
        for (const EstateServer &entry : estate->servers) {
            QVERIFY(looksLike(entry.server.serverId, kServerId));
            QVERIFY(entry.server.serverType == api::ServerType::VirtualMachine);
            const api::VmServer &vm = vmOf(entry);
            QVERIFY(vm.vmManagerType == api::VmManagerType::Vsphere);
            QCOMPARE(*vm.vmManagerName, "vcenter.corp.example.com");
            QVERIFY(looksLike(vm.vmServerAddress->vmManagerId, kUuid));
            QVERIFY(entry.replicable);
        }
        QCOMPARE(*vmOf(estate->servers[0]).vmServerAddress->vmId, "vm-1");
        QCOMPARE(*vmOf(estate->servers[1]).vmServerAddress->vmId, "vm-2");
        QVERIFY(estate->servers[0].server.serverId != estate->servers[1].server.serverId);

        const Result<Estate> again = loadCatalog(csv, CatalogFormat::Csv, u"names.csv"_s);
        QVERIFY(sameServers(estate.value(), again.value()));
        QVERIFY(estate->connectors == again->connectors);
        QVERIFY(estate->generatedAt == again->generatedAt);
    }

    void idsFollowTheVmNotTheRow()
    {
        // With a vmId, a server keeps its serverId wherever its row moves.
        const QByteArray a = "vmName,vmManagerName,vmId\nweb-01,vc1,vm-10\ndb-01,vc1,vm-11\n";
        const QByteArray b = "vmId,vmName,vmManagerName\nvm-11,db-01,vc1\nvm-10,web-01,vc1\n";
        const Result<Estate> first = loadCatalog(a, CatalogFormat::Csv, u"a.csv"_s);
        const Result<Estate> second = loadCatalog(b, CatalogFormat::Csv, u"b.csv"_s);
        QVERIFY2(first.ok() && second.ok(), first.ok() ? why(second) : why(first));
        QVERIFY(first->servers[0].server == second->servers[1].server);
        QVERIFY(first->servers[1].server == second->servers[0].server);
        QVERIFY(first->connectors == second->connectors);
    }

    void derivesOneHealthyConnectorPerManager()
    {
        const QByteArray csv = "vmName,vmManagerName,vmManagerType,vmManagerId\r\n"
                               "a,vc1,VSPHERE,\r\n"
                               "b,scvmm1,SCVMM,\r\n"
                               "c,vc1,VSPHERE,\r\n"
                               "d,hv1,HYPERV-MANAGER,\r\n"
                               "e,,HYPERV-MANAGER,7d0f6a52-6c4e-4b1e-9a55-1d2f3e4a5b6c\r\n";
        const Result<Estate> estate = loadCatalog(csv, CatalogFormat::Csv, u"managers.csv"_s);
        QVERIFY2(estate.ok(), why(estate));
        QCOMPARE(estate->connectors.size(), std::size_t(4));
        QVERIFY(connectorManagers(estate.value()) == serverManagers(estate.value()));
        QSet<QString> connectorIds;
        for (const api::Connector &connector : estate->connectors) {
            QVERIFY(connector.status == api::ConnectorStatus::Healthy);
            QVERIFY(looksLike(connector.connectorId, u"c-[0-9a-f]{17}"_s));
            QVERIFY(looksLike(connector.ipAddress, u"10\\.\\d+\\.\\d+\\.\\d+"_s));
            QVERIFY(connector.version && connector.macAddress);
            QVERIFY(connector.associatedOn == estate->generatedAt);
            QCOMPARE(connector.capabilityList->front().toString(), connector.vmManagerType->toString());
            connectorIds.insert(QString::fromStdString(*connector.connectorId));
        }
        QCOMPARE(connectorIds.size(), 4);
        QCOMPARE(*estate->connectors[3].vmManagerId, "7d0f6a52-6c4e-4b1e-9a55-1d2f3e4a5b6c");
        QCOMPARE(*estate->connectors[3].vmManagerName, "hyperv.corp.example.com");

        // A connector belongs to its manager, not to where its rows are.
        const QByteArray reordered = "vmManagerType,vmName,vmManagerName\nHYPERV-MANAGER,d,hv1\n";
        const Result<Estate> alone = loadCatalog(reordered, CatalogFormat::Csv, u"hv.csv"_s);
        QVERIFY2(alone.ok(), why(alone));
        QVERIFY(alone->connectors.front() == estate->connectors[2]);
    }

    void refusesBadCatalogs_data()
    {
        QTest::addColumn<bool>("csv");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");  // in the message, after the file's name

        const auto json = [](const char *name, QByteArray text, QStringList expected) {
            QTest::addRow("json: %s", name) << false << text << expected;
        };
        const auto csv = [](const char *name, QByteArray text, QStringList expected) {
            QTest::addRow("csv: %s", name) << true << text << expected;
        };

        json("empty", "", {u"bad: the file is empty"_s});
        json("blank", " \n\t\n", {u"bad: the file is empty"_s});
        json("malformed", "{\"serverList\": [\n  {\"vmServer\": }\n]}",
             {u"bad: malformed JSON at line 2, column 16: syntax error"_s});
        json("not a catalog", "42", {u"bad: expected {\"serverList\": [...]} or an array of servers"_s});
        json("no serverList", "{\"servers\": []}", {u"bad: has no serverList"_s});
        json("wrong type in an array", "[{\"vmServer\": {\"vmName\": 7}}]",
             {u"bad: [0].vmServer.vmName expected a string, got number"_s});
        json("wrong type in a response", "{\"serverList\": [{\"serverId\": true}]}",
             {u"bad: serverList[0].serverId expected a string, got boolean"_s});
        json("no vmName", "[{\"vmServer\": {\"vmName\": \"a\"}}, {\"serverId\": \"s-1\"}]",
             {u"bad, [1]: the server has no vmServer.vmName"_s});
        json("duplicate serverId",
             "{\"serverList\": [{\"serverId\": \"s-1\", \"vmServer\": {\"vmName\": \"a\"}},"
             " {\"serverId\": \"s-1\", \"vmServer\": {\"vmName\": \"b\"}}]}",
             {u"bad, serverList[1]: serverId 's-1' is already on serverList[0]"_s});

        csv("empty", "", {u"bad: the file is empty"_s});
        csv("blank lines", "\r\n\r\n", {u"bad: the file is empty"_s});
        csv("no vmName column", "name,vmId\na,b\n", {u"bad, line 1: the header has no vmName column"_s});
        csv("a column twice", "vmName,VMNAME\na,b\n", {u"bad, line 1: the header names the vmName column twice"_s});
        csv("unclosed quote in the header", "\"vmName\n",
            {u"bad, line 1: the header: a quoted field is never closed"_s});
        csv("too few fields", "vmName,vmId\na,1\nb\n", {u"bad, line 3: has 1 field, the header has 2"_s});
        csv("too many fields", "vmName,vmId\na,1,x\n", {u"bad, line 2: has 3 fields, the header has 2"_s});
        csv("line count across a quoted line break", "vmName,vmPath\n\"a\nb\",/p\nc\n",
            {u"bad, line 4: has 1 field, the header has 2"_s});
        csv("bad vmManagerType", "vmName,vmManagerType\na,VMWARE\n",
            {u"bad, line 2: vmManagerType 'VMWARE' is not VSPHERE, SCVMM or HYPERV-MANAGER"_s});
        csv("bad replicable", "vmName,replicable\na,maybe\n",
            {u"bad, line 2: replicable 'maybe' is not true or false"_s});
        csv("empty vmName", "vmName,vmId\n  ,1\n", {u"bad, line 2: vmName is empty"_s});
        csv("every problem of a row", "vmName,vmManagerType,replicable\n,X,2\n",
            {u"bad, line 2: vmName is empty; vmManagerType 'X' is not VSPHERE, SCVMM or HYPERV-MANAGER; "
             u"replicable '2' is not true or false"_s});
        csv("long values are cut", "vmName,replicable\na," + QByteArray(100, 'y') + '\n',
            {u"replicable '"_s + QString(40, u'y') + u"...' is not"_s});
        csv("unclosed quote", "vmName,vmPath\na,\"/p\n", {u"bad, line 2: a quoted field is never closed"_s});
        csv("text after a closing quote", "vmName\n\"a\"b\n", {u"bad, line 2: text follows a closing quote"_s});
        csv("duplicate serverId", "vmName,serverId\na,s-00000000000000001\nb,s-00000000000000001\n",
            {u"bad, line 3: serverId 's-00000000000000001' is already on line 2"_s});
        csv("duplicate VM", "vmName,vmManagerId,vmId\na,m-1,vm-7\nb,m-1,vm-7\n",
            {u"bad, line 3: the VM with vmManagerId 'm-1' and vmId 'vm-7' is already on line 2"_s});
        csv("filled-in vmId clashes", "vmName,vmId\na,vm-2\nb,\n",
            {u"bad, line 3: the VM with vmManagerId '"_s,
             u"and vmId 'vm-2' (filled in from the row number) is already on line 2"_s});
        csv("one manager id, two managers", "vmName,vmManagerName,vmManagerId\na,vc1,m-1\nb,vc2,m-1\n",
            {u"bad, line 3: vmManagerId 'm-1' is 'vc1' (VSPHERE) on line 2, not 'vc2' (VSPHERE)"_s});
        csv("several bad rows", "vmName,replicable\na,x\nb,true\nc,y\n",
            {u"bad: 2 bad rows, nothing loaded:\nbad, line 2: replicable 'x'"_s, u"\nbad, line 4: replicable 'y'"_s});
    }

    void refusesBadCatalogs()
    {
        QFETCH(bool, csv);
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        const Result<Estate> result = loadCatalog(text, csv ? CatalogFormat::Csv : CatalogFormat::Json, u"bad"_s);
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::InvalidConfiguration);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.startsWith(u"bad"_s), qPrintable(message));
        for (const QString &part : expected)
            QVERIFY2(message.contains(part), qPrintable(u"expected «"_s + part + u"» in:\n"_s + message));
    }

    void listsTheFirstTenBadRows()
    {
        QByteArray csv = "vmName,vmManagerType\n";
        for (int i = 0; i < 50; ++i)
            csv += i % 2 ? "ok,VSPHERE\n" : "bad,NOPE" + QByteArray::number(i) + '\n';
        const Result<Estate> result = loadCatalog(csv, CatalogFormat::Csv, u"many.csv"_s);
        QVERIFY(!result.ok());
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.startsWith(u"many.csv: 25 bad rows, nothing loaded:\n"_s), qPrintable(message));
        QCOMPARE(message.count(u"many.csv, line "_s), kMaxListedBadRows);
        QVERIFY2(message.contains(u"many.csv, line 20: vmManagerType 'NOPE18'"_s), qPrintable(message));
        QVERIFY2(!message.contains(u"NOPE20"_s), qPrintable(message));
        QVERIFY2(message.endsWith(u"\n... and 15 more"_s), qPrintable(message));
    }

    void namesAFileItCannotRead()
    {
        const QString missing = u"/nonexistent/estate.csv"_s;
        const Result<Estate> result = loadCatalogFile(missing);
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::InvalidConfiguration);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.startsWith(missing + u": cannot read the catalog ("_s), qPrintable(message));
    }

    void readsTheFormatTheNameSays()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"estate.CSV"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("vmName,replicable\nweb-01,false\n");
        file.close();
        const Result<Estate> estate = loadCatalogFile(path);
        QVERIFY2(estate.ok(), why(estate));
        QCOMPARE(*vmOf(estate->servers.front()).vmName, "web-01");
        QVERIFY(!estate->servers.front().replicable);
    }

    void loadsAHundredThousandServersQuickly()
    {
        constexpr int kRows = 100'000;
        std::string csv = "vmName,vmManagerName,vmManagerType,vmPath,vmId,replicable\r\n";
        csv.reserve(std::size_t(kRows) * 100);
        for (int i = 0; i < kRows; ++i) {
            const std::string n = std::to_string(i);
            const std::string manager = "vcenter-" + std::to_string(i % 25) + ".corp.example.com";
            csv += "app-prod-" + n + ',' + manager + ",VSPHERE,\"/DC-East/vm/prod/app, batch/app-prod-" + n
                + "\",vm-" + n + ',' + (i % 50 ? "true" : "false") + "\r\n";
        }
        QElapsedTimer timer;
        timer.start();
        const Result<Estate> estate = loadCatalog(QByteArrayView(csv), CatalogFormat::Csv, u"big.csv"_s);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(estate.ok(), why(estate));
        QCOMPARE(estate->servers.size(), std::size_t(kRows));
        QCOMPARE(estate->connectors.size(), std::size_t(25));
        qInfo("%d CSV rows in %lld ms", kRows, elapsed);

        api::GetServersResponse response;
        response.serverList.emplace();
        for (EstateServer &entry : generateEstate(kRows, 1).servers)
            response.serverList->push_back(std::move(entry.server));
        const std::string json = api::serialize(response, 4);
        timer.start();
        const Result<Estate> fromJson = loadCatalog(QByteArrayView(json), CatalogFormat::Json, u"big.json"_s);
        const qint64 jsonElapsed = timer.elapsed();
        QVERIFY2(fromJson.ok(), why(fromJson));
        QCOMPARE(fromJson->servers.size(), std::size_t(kRows));
        qInfo("%d JSON servers in %lld ms", kRows, jsonElapsed);
#ifdef NDEBUG
        QVERIFY2(elapsed < 1000, qPrintable(QString::number(elapsed)));
        // Most of the JSON time is simdjson's and the kernel's (60 MB of text,
        // twice the servers in memory); this bound only catches a quadratic slip.
        QVERIFY2(jsonElapsed < 3000, qPrintable(QString::number(jsonElapsed)));
#endif
    }
};

QTEST_APPLESS_MAIN(TestCatalogFile)
#include "tst_catalogfile.moc"
