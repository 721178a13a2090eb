// CSV inventories in: an RVTools vInfo export and plain CSV (given and guessed
// mappings) become the right servers and details; every delimiter and
// encoding Excel and RVTools write is read; every bad row is listed with its
// physical line and a sentence naming column and value; bad files are refused
// whole with a specific sentence; offline ids are stable; mappings survive
// their string and JSON forms.

#include "models/CatalogMerge.h"
#include "models/ColumnMapping.h"
#include "models/InventoryImport.h"
#include "models/OfflineServerId.h"

#include "tests/support/FileBytes.h"

#include <QCryptographicHash>
#include <QStringEncoder>
#include <QTest>

#include <optional>
#include <set>

using namespace sms;
using namespace sms::models;

Q_DECLARE_METATYPE(sms::ErrorCode)

namespace {

using F = InventoryField;

// Inventory details of a server with `cpus` CPUs.
InventoryDetails details(const std::string &serverId, std::int64_t cpus)
{
    InventoryDetails entry;
    entry.serverId = serverId;
    entry.cpus = cpus;
    entry.operatingSystem = "Linux";
    return entry;
}

Result<InventoryImport> importBytes(const QByteArray &bytes, const std::optional<ColumnMapping> &mapping = std::nullopt)
{
    return importInventory(std::string_view(bytes.constData(), std::size_t(bytes.size())), mapping);
}

QByteArray rvToolsSample()
{
    return readBytes(QStringLiteral(SMS_TEST_DATA "/inventory/rvtools-vinfo.csv"));
}

ColumnMapping mappingOf(std::initializer_list<std::pair<F, const char *>> items)
{
    ColumnMapping mapping;
    for (const auto &[field, header] : items)
        mapping.set(field, header);
    return mapping;
}

const api::Server *serverNamed(const InventoryImport &import, std::string_view name)
{
    for (const api::Server &server : import.servers)
        if (server.vmServer && server.vmServer->vmName == name)
            return &server;
    return nullptr;
}

// Every row is imported, skipped and counted, or listed.
bool accountsForEveryRow(const InventoryImport &import)
{
    return import.rowsRead
        == import.servers.size() + import.templatesSkipped + import.blankRowsSkipped + import.problems.size()
        && import.servers.size() == import.details.size();
}

std::string problemsText(const InventoryImport &import)
{
    std::string text;
    for (const InventoryProblem &problem : import.problems)
        text += "line " + std::to_string(problem.line) + ": " + problem.reason + "\n";
    return text;
}

} // namespace

class TestInventoryImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rvToolsSample()
    {
        const auto result = importBytes(::rvToolsSample());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        const InventoryImport &import = result.value();
        QCOMPARE(import.format, InventoryFormat::RvToolsVInfo);
        QVERIFY(!import.mappingGuessed);
        QCOMPARE(import.delimiter, ',');
        QVERIFY2(import.problems.empty(), problemsText(import).c_str());
        QCOMPARE(import.rowsRead, std::size_t(15));
        QCOMPARE(import.templatesSkipped, std::size_t(3));
        QCOMPARE(import.servers.size(), std::size_t(12));
        QVERIFY(accountsForEveryRow(import));
        QCOMPARE(import.mapping.header(F::ProvisionedMb), std::string("Provisioned MiB"));
        QCOMPARE(import.mapping.header(F::OperatingSystem), std::string("OS according to the configuration file"));
        QVERIFY(!serverNamed(import, "tmpl-win2019") && !serverNamed(import, "tmpl-rhel8"));

        api::Server expected;
        expected.serverId = import.servers[0].serverId;
        expected.serverType = api::ServerType::VirtualMachine;
        api::VmServer vm;
        vm.vmName = "web-prod-01";
        vm.vmManagerName = "vcenter-01.corp.example.com";
        vm.vmManagerType = api::VmManagerType::Vsphere;
        vm.vmPath = "/DC-East/vm/Prod/Web/web-prod-01";
        vm.vmServerAddress = api::VmServerAddress{"3ed914ec-b5dc-4dd8-aa73-7cd38155db85", "vm-101"};
        expected.vmServer = vm;
        QVERIFY(import.servers[0] == expected);
        QVERIFY(sms::models::isOfflineServerId(*expected.serverId));

        InventoryDetails details;
        details.serverId = *expected.serverId;
        details.vmUuid = "5029c1a5-6f4b-3b7e-9d2a-1c0f3e8a7b01";
        details.powerState = "poweredOn";
        details.cpus = 2;
        details.memoryMb = 4096;
        details.provisionedMb = 40960;
        details.operatingSystem = "Microsoft Windows Server 2019 (64-bit)";
        details.datacenter = "DC-East";
        details.cluster = "Prod-Cluster";
        details.host = "esx-01.corp.example.com";
        QVERIFY(import.details[0] == details);
    }

    void rvToolsPaths_data()
    {
        QTest::addColumn<QString>("vmName");
        QTest::addColumn<QString>("vmPath");
        QTest::addRow("folder path") << QStringLiteral("db-prod-01") << QStringLiteral("/DC-East/vm/Prod/DB/db-prod-01");
        QTest::addRow("folder name") << QStringLiteral("app-test-01")
                                     << QStringLiteral("/DC-East/vm/Discovered virtual machine/app-test-01");
        QTest::addRow("whole path") << QStringLiteral("ns1 \"primary\"") << QStringLiteral("/DC-East/vm/Infra/DNS/ns1 \"primary\"");
        QTest::addRow("root VM folder") << QStringLiteral("jump-01") << QStringLiteral("/DC-East/vm/jump-01");
        QTest::addRow("non-ASCII") << QStringLiteral("Zürich-fileserver") << QStringLiteral("/DC-East/vm/Filiale/Zürich/Zürich-fileserver");
        QTest::addRow("CJK") << QStringLiteral("財務-app-02") << QStringLiteral("/DC-East/vm/Finance/財務-app-02");
        QTest::addRow("after a 3-line note") << QStringLiteral("web-dr-01") << QStringLiteral("/DC-West/vm/DR/Web/web-dr-01");
    }

    void rvToolsPaths()
    {
        QFETCH(QString, vmName);
        QFETCH(QString, vmPath);
        const auto result = importBytes(::rvToolsSample());
        QVERIFY(result.ok());
        const api::Server *server = serverNamed(result.value(), vmName.toStdString());
        QVERIFY(server);
        QCOMPARE(QString::fromStdString(server->vmServer->vmPath.value_or("")), vmPath);
    }

    void rvToolsSameMoRefInTwoVCenters()
    {
        const auto result = importBytes(::rvToolsSample());
        QVERIFY(result.ok());
        const api::Server *east = serverNamed(result.value(), "web-prod-01");
        const api::Server *west = serverNamed(result.value(), "web-dr-01");
        QVERIFY(east && west);
        QCOMPARE(west->vmServer->vmServerAddress->vmId, std::optional<std::string>("vm-101"));
        QVERIFY(east->serverId != west->serverId);
    }

    void rvToolsOlderHeaders()
    {
        const QByteArray csv = "VM,Powerstate,Template,CPUs,Memory,Provisioned MB,In Use MB,OS,Datacenter,Cluster,Host,"
                               "Folder,VM UUID,VI SDK Server\r\n"
                               "app-01,poweredOn,false,2,2048,10240.6,5000,Windows 2012,DC1,C1,esx1,Apps,"
                               "4206aaaa-0000-1111-2222-333344445555,vc.example.com\r\n";
        const auto result = importBytes(csv);
        QVERIFY(result.ok());
        const InventoryImport &import = result.value();
        QCOMPARE(import.format, InventoryFormat::RvToolsVInfo);
        QCOMPARE(import.servers.size(), std::size_t(1));
        QCOMPARE(import.details[0].provisionedMb, std::optional<std::int64_t>(10241));
        QCOMPARE(import.details[0].operatingSystem, std::optional<std::string>("Windows 2012"));
        // No VM ID column: the UUID is the vmId.
        QCOMPARE(import.servers[0].vmServer->vmServerAddress->vmId,
                 std::optional<std::string>("4206aaaa-0000-1111-2222-333344445555"));
        QVERIFY(!import.servers[0].vmServer->vmServerAddress->vmManagerId);
    }

    void rvToolsBadTemplateValue()
    {
        QByteArray csv = ::rvToolsSample();
        csv.replace("web-dr-01,poweredOn,False", "web-dr-01,poweredOn,maybe");
        const auto result = importBytes(csv);
        QVERIFY(result.ok());
        const std::vector<InventoryProblem> expected{
            {16, "Column \"Template\" has \"maybe\", which is neither True nor False."}};
        QVERIFY2(result->problems == expected, problemsText(result.value()).c_str());
        QCOMPARE(result->servers.size(), std::size_t(11));
        QVERIFY(accountsForEveryRow(result.value()));
    }

    void delimiters_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<char>("delimiter");
        QTest::addRow("comma") << QByteArray("VM Name,CPUs,Memory MB,Notes\nweb-01,2,4096,\"a; b\tc\"\nweb-02,,8192,\n") << ',';
        QTest::addRow("semicolon (European Excel)")
            << QByteArray("VM Name;CPUs;Memory MB;Notes\r\nweb-01;2;4096;\"a, b\tc\"\r\nweb-02;;8192;\r\n") << ';';
        QTest::addRow("tab") << QByteArray("VM Name\tCPUs\tMemory MB\tNotes\nweb-01\t2\t4096\ta, b; c\nweb-02\t\t8192\t\n") << '\t';
        QTest::addRow("CR line ends") << QByteArray("VM Name,CPUs,Memory MB,Notes\rweb-01,2,4096,x\rweb-02,,8192,\r") << ',';
    }

    void delimiters()
    {
        QFETCH(QByteArray, csv);
        QFETCH(char, delimiter);
        const auto result = importBytes(csv);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->delimiter, delimiter);
        QVERIFY2(result->problems.empty(), problemsText(result.value()).c_str());
        QCOMPARE(result->servers.size(), std::size_t(2));
        QCOMPARE(result->servers[1].vmServer->vmName, std::optional<std::string>("web-02"));
        QCOMPARE(result->details[0].cpus, std::optional<std::int64_t>(2));
        QCOMPARE(result->details[1].cpus, std::optional<std::int64_t>());  // an empty cell is no value
        QCOMPARE(result->details[1].memoryMb, std::optional<std::int64_t>(8192));
    }

    void utf8ByteOrderMark()
    {
        const auto result = importBytes("\xEF\xBB\xBFVM Name,CPUs\r\nweb-01,2\r\n");
        QVERIFY(result.ok());
        QCOMPARE(result->mapping.header(F::VmName), std::string("VM Name"));
        QCOMPARE(result->servers.size(), std::size_t(1));
    }

    void utf16_data()
    {
        QTest::addColumn<int>("encoding");
        QTest::addRow("UTF-16 LE") << int(QStringEncoder::Utf16LE);
        QTest::addRow("UTF-16 BE") << int(QStringEncoder::Utf16BE);
    }

    void utf16()
    {
        QFETCH(int, encoding);
        // Excel's "Unicode text": UTF-16 with a byte order mark, tab-separated.
        QStringEncoder encoder(QStringEncoder::Encoding(encoding), QStringEncoder::Flag::WriteBom);
        const QByteArray bytes = encoder(QStringLiteral("Name\tvCPUs\r\nZürich-01\t4\r\n財務-02\t2\r\n"));
        QVERIFY(bytes.startsWith(encoding == QStringEncoder::Utf16LE ? "\xFF\xFE" : "\xFE\xFF"));
        const auto result = importBytes(bytes);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->delimiter, '\t');
        QCOMPARE(result->servers.size(), std::size_t(2));
        QCOMPARE(result->servers[0].vmServer->vmName, std::optional<std::string>("Zürich-01"));
        QCOMPARE(result->servers[1].vmServer->vmName, std::optional<std::string>("財務-02"));
        QCOMPARE(result->details[0].cpus, std::optional<std::int64_t>(4));
    }

    void plainWithGivenMapping()
    {
        const QByteArray csv = "Server Name,UUID,vCPU,RAM,Mgr,Kind,Where\n"
                               "web-01,4206-1,2,4096,vc1.example.com,vsphere,/DC/vm/web-01\n"
                               "hv-01,hv-uuid-2,4,8192,scvmm.example.com,Hyper-V,\n";
        const auto mapping = mappingFromString("vmName=Server Name,vmId=UUID,cpus=vCPU,memoryMb=RAM,"
                                               "vmManagerName=Mgr,vmManagerType=Kind,vmPath=Where");
        QVERIFY(mapping.ok());
        const auto result = importBytes(csv, mapping.value());
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->format, InventoryFormat::PlainCsv);
        QVERIFY(!result->mappingGuessed);
        QVERIFY(result->mapping == mapping.value());
        QVERIFY2(result->problems.empty(), problemsText(result.value()).c_str());
        const api::VmServer &web = *result->servers[0].vmServer;
        QCOMPARE(web.vmManagerType, std::optional<api::OpenEnum<api::VmManagerType>>(api::VmManagerType::Vsphere));
        QCOMPARE(web.vmPath, std::optional<std::string>("/DC/vm/web-01"));
        QCOMPARE(web.vmServerAddress->vmId, std::optional<std::string>("4206-1"));
        const api::VmServer &hv = *result->servers[1].vmServer;
        QCOMPARE(hv.vmManagerType, std::optional<api::OpenEnum<api::VmManagerType>>(api::VmManagerType::HypervManager));
        QVERIFY(!hv.vmPath);
        QCOMPARE(result->details[1].memoryMb, std::optional<std::int64_t>(8192));
    }

    void givenMappingWinsOverRvTools()
    {
        const auto result = importBytes(::rvToolsSample(), mappingOf({{F::VmName, "VM"}}));
        QVERIFY(result.ok());
        QCOMPARE(result->format, InventoryFormat::PlainCsv);
        QCOMPARE(result->servers.size(), std::size_t(15));  // templates are rows like any other here
        QVERIFY(!result->servers[0].vmServer->vmManagerType);
    }

    void plainWithGuessedMapping()
    {
        const QByteArray csv = "Hostname,vCPUs,RAM (MB),Guest OS,Cluster,Power State,vCenter,Owner\n"
                               "app-01,2,4096,Ubuntu 22.04,C1,on,vc1,team-a\n";
        const auto result = importBytes(csv);
        QVERIFY(result.ok());
        QVERIFY(result->mappingGuessed);
        const ColumnMapping expected = mappingOf({{F::VmName, "Hostname"},
                                                  {F::Cpus, "vCPUs"},
                                                  {F::MemoryMb, "RAM (MB)"},
                                                  {F::OperatingSystem, "Guest OS"},
                                                  {F::Cluster, "Cluster"},
                                                  {F::PowerState, "Power State"},
                                                  {F::VmManagerName, "vCenter"}});
        QCOMPARE(toMappingString(result->mapping), toMappingString(expected));
        QCOMPARE(result->details[0].memoryMb, std::optional<std::int64_t>(4096));
        QCOMPARE(result->servers[0].vmServer->vmManagerName, std::optional<std::string>("vc1"));
    }

    void managerTypes()
    {
        const auto result = importBytes("VM,Manager Type\na,VSPHERE\nb,hyperv-manager\nc,SCVMM\nd,xen\ne,\n");
        QVERIFY(result.ok());
        QCOMPARE(result->servers.size(), std::size_t(4));
        QVERIFY(result->servers[1].vmServer->vmManagerType == api::VmManagerType::HypervManager);
        QVERIFY(result->servers[2].vmServer->vmManagerType == api::VmManagerType::Scvmm);
        QVERIFY(!result->servers[3].vmServer->vmManagerType);
        const std::vector<InventoryProblem> expected{
            {5, "Column \"Manager Type\" has \"xen\", which is not a VM manager type (VSPHERE, SCVMM or HYPERV-MANAGER)."}};
        QVERIFY2(result->problems == expected, problemsText(result.value()).c_str());
    }

    void badRows()
    {
        const QByteArray csv = "VM,VM ID,CPUs,Memory,Notes\n"    // 1
                               "web-01,vm-1,2,4096,ok\n"         // 2
                               "web-02,vm-2,four,4096,bad\n"     // 3
                               "\"web-03\",\"vm-3\",2,\"4096\",\"multi\n" // 4
                               "line\r\n"                        // 5
                               "note\"\n"                        // 6
                               "web-04,vm-4,2,lots,after it\n"   // 7
                               ",,2,4096,no name\n"              // 8
                               "web-05,vm-5,2\n"                 // 9
                               "web-01,vm-1,2,4096,again\n"      // 10
                               "\n"                              // 11
                               ",,,,\n"                          // 12
                               "web-06,vm-6,-1,1.5GB,two\n"      // 13
                               "web-07,vm-7,1,2048,fine";        // 14, no line end
        const auto result = importBytes(csv);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        const std::vector<InventoryProblem> expected{
            {3, "Column \"CPUs\" has \"four\", which is not a whole number."},
            {7, "Column \"Memory\" has \"lots\", which is not a number of megabytes."},
            {8, "The row has no VM name and no VM id: columns \"VM\" and \"VM ID\" are empty."},
            {9, "The row has 3 fields, but the header row has 5 fields."},
            {10, "The row describes the same VM as line 2 (same VM manager, VM id and VM name)."},
            {13, "Column \"CPUs\" has \"-1\", which is not a whole number. Column \"Memory\" has \"1.5GB\", which is "
                 "not a number of megabytes."},
        };
        QVERIFY2(result->problems == expected, problemsText(result.value()).c_str());
        QCOMPARE(result->rowsRead, std::size_t(10));
        QCOMPARE(result->blankRowsSkipped, std::size_t(1));
        QCOMPARE(result->servers.size(), std::size_t(3));
        QCOMPARE(result->servers[1].vmServer->vmName, std::optional<std::string>("web-03"));
        QCOMPARE(result->servers[2].vmServer->vmName, std::optional<std::string>("web-07"));
        QVERIFY(accountsForEveryRow(result.value()));
    }

    void duplicateServerIds()
    {
        const auto result = importBytes("serverId,vmName\ns-0123456789abcdef0,a\ns-0123456789abcdef1,b\n"
                                        "s-0123456789abcdef0,c\n");
        QVERIFY(result.ok());
        const std::vector<InventoryProblem> expected{
            {4, "The row repeats server id \"s-0123456789abcdef0\" from line 2."}};
        QVERIFY2(result->problems == expected, problemsText(result.value()).c_str());
        QCOMPARE(result->servers[0].serverId, std::optional<std::string>("s-0123456789abcdef0"));
        QCOMPARE(result->details[1].serverId, std::string("s-0123456789abcdef1"));
    }

    void fileErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("message");
        const auto serialization = ErrorCode::SerializationException;
        QTest::addRow("empty") << QByteArray() << serialization << QStringLiteral("The inventory is empty");
        QTest::addRow("only a byte order mark") << QByteArray("\xEF\xBB\xBF") << serialization
                                                << QStringLiteral("The inventory is empty");
        QTest::addRow("only blank lines") << QByteArray("\r\n \r\n\t\n") << serialization
                                          << QStringLiteral("The inventory is empty");
        QTest::addRow("header only") << QByteArray("VM,CPUs\r\n") << serialization
                                     << QStringLiteral("The inventory has a header row but no rows below it.");
        QTest::addRow("xlsx") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8) << serialization
                              << QStringLiteral("is a ZIP archive, such as an Excel workbook (.xlsx), not CSV text");
        QTest::addRow("xls") << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", 10) << serialization
                             << QStringLiteral("Excel 97-2003 workbook (.xls)");
        QTest::addRow("binary") << QByteArray("VM\x00\x01\x02\x03", 6) << serialization
                                << QStringLiteral("holds binary data (NUL bytes)");
        QTest::addRow("Windows-1252") << QByteArray("VM,CPUs\nweb-01,2\nZ\xFCrich-01,4\n") << serialization
                                      << QStringLiteral("is not UTF-8 text (line 3 holds bytes that are not UTF-8");
        QTest::addRow("quote never closed") << QByteArray("VM,CPUs\nweb-01,2\n\"web-02,4\nweb-03,2\n") << serialization
                                            << QStringLiteral("has a quoted field that starts on line 3 and never ends");
        QTest::addRow("quote never closed after a closed multi-line one")
            << QByteArray("VM,Notes\na,\"x\ny\"\nb,\"open\nmore\n") << serialization
            << QStringLiteral("starts on line 4 and never ends");
        QTest::addRow("no name or id column")
            << QByteArray("Colour,Size\nred,2\n") << ErrorCode::InvalidParameterException
            << QStringLiteral("None of the columns looks like a VM name or a VM id, so the rows cannot be told apart. "
                              "The header row has \"Colour\", \"Size\".");
    }

    void fileErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        QFETCH(QString, message);
        const auto result = importBytes(bytes);
        QVERIFY(!result.ok());
        QVERIFY2(result.error().errorCode() == code, result.error().code.c_str());
        QVERIFY2(QString::fromStdString(result.error().message).contains(message), result.error().message.c_str());
    }

    void excelAdviceForBinaryFiles()
    {
        const auto result = importBytes(QByteArray("PK\x03\x04", 4));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.find("CSV UTF-8") != std::string::npos);
        QVERIFY(result.error().message.find("RVTools") != std::string::npos);
    }

    // An imported VM the catalog has from the endpoint is not doubled; by VM
    // manager and VM id, or by a name only one endpoint server has.
    void mergeLeavesOutEndpointVms()
    {
        const auto vm = [](const std::string &id, const std::string &name, const std::string &vmId) {
            api::Server server;
            server.serverId = id;
            auto &vmServer = server.vmServer.emplace();
            vmServer.vmName = name;
            if (!vmId.empty())
                vmServer.vmServerAddress = api::VmServerAddress{"vc-1", vmId};
            return server;
        };
        PlanData plan;
        plan.catalog.servers = {vm("s-1", "web-1", "vm-1"), vm("s-2", "db-1", ""), vm("s-3", "twin", ""),
                                vm("s-4", "twin", ""), vm("offline-00000000000000001", "old", "vm-7")};
        const std::vector<api::Server> &catalog = plan.catalog.servers;
        plan.inventory = {details("s-2", 2), details("offline-00000000000000001", 1)};
        const std::vector<api::Server> imported{
            vm("offline-0000000000000000a", "web-one", "vm-1"),  // the VM of s-1, renamed
            vm("offline-0000000000000000b", "db-1", ""),         // s-2's name, no address
            vm("offline-0000000000000000c", "db-1", "vm-9"),     // an address s-2 does not have: a new VM
            vm("offline-0000000000000000d", "twin", ""),         // two endpoint servers of that name
            vm("offline-0000000000000000e", "old-again", "vm-7"),  // offline servers are not the endpoint's
            vm("offline-00000000000000001", "old", "vm-7"),      // the same id: replaced
        };
        const CatalogMergeCounts counts
            = mergeIntoCatalog(plan, imported,
                               {details("offline-0000000000000000a", 4), details("offline-0000000000000000c", 8),
                                details("offline-00000000000000001", 16)});
        QCOMPARE(counts, (CatalogMergeCounts{1, 3, 2}));
        QCOMPARE(catalog.size(), std::size_t(8));
        QCOMPARE(catalog[5].serverId, std::optional<std::string>("offline-0000000000000000c"));
        QCOMPARE(catalog[6].serverId, std::optional<std::string>("offline-0000000000000000d"));
        QCOMPARE(catalog[7].serverId, std::optional<std::string>("offline-0000000000000000e"));
        // A catalog of no endpoint is now one read from a file: complete.
        QVERIFY(plan.catalog.source.readAt.has_value());
        // Details go with their server: the left-out VM's to the endpoint
        // server it is, a replaced server's replace its old ones.
        QCOMPARE(plan.inventory.size(), std::size_t(4));
        QCOMPARE(plan.inventory[0], details("s-2", 2));
        QCOMPARE(plan.inventory[1], details("offline-00000000000000001", 16));
        QCOMPARE(plan.inventory[2], details("s-1", 4));
        QCOMPARE(plan.inventory[3], details("offline-0000000000000000c", 8));
    }

    void sourceNameStartsErrors()
    {
        const auto result = importInventory("", std::nullopt, "The file \"vms.csv\"");
        QVERIFY(!result.ok());
        QCOMPARE(result.error().message, std::string("The file \"vms.csv\" is empty: it has no header row and no rows."));
    }

    void mappingErrors_data()
    {
        QTest::addColumn<QString>("mapping");
        QTest::addColumn<QString>("message");
        QTest::addRow("no server name or id")
            << QStringLiteral("cpus=CPUs,memoryMb=Memory")
            << QStringLiteral("The column mapping must map vmName or vmId so that each row names a server; it maps "
                              "cpus, memoryMb. The header row has \"Name\", \"CPUs\", \"Memory\".");
        QTest::addRow("missing columns")
            << QStringLiteral("vmName=Server,cpus=vCPU")
            << QStringLiteral("The column mapping names columns the header row does not have: \"Server\" (for vmName), "
                              "\"vCPU\" (for cpus). The header row has \"Name\", \"CPUs\", \"Memory\".");
    }

    void mappingErrors()
    {
        QFETCH(QString, mapping);
        QFETCH(QString, message);
        const auto parsed = mappingFromString(mapping.toStdString());
        QVERIFY(parsed.ok());
        const auto result = importBytes("Name,CPUs,Memory\nweb-01,2,4096\n", parsed.value());
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::InvalidParameterException);
        QCOMPARE(QString::fromStdString(result.error().message), message);
    }

    void headersMatchIgnoringCaseAndSpaces()
    {
        const auto result = importBytes(" VM NAME ,Ünits\nweb-01,3\n", mappingOf({{F::VmName, "vm name"}, {F::Cpus, "ünits"}}));
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->details[0].cpus, std::optional<std::int64_t>(3));
    }

    void formulaGuardIsDropped()
    {
        const auto result = importBytes("VM,Path\n'=cmd|' /C calc'!A0,'-x\n'plain,'+5\n");
        QVERIFY(result.ok());
        QCOMPARE(result->servers[0].vmServer->vmName, std::optional<std::string>("=cmd|' /C calc'!A0"));
        QCOMPARE(result->servers[0].vmServer->vmPath, std::optional<std::string>("-x"));
        QCOMPARE(result->servers[1].vmServer->vmName, std::optional<std::string>("'plain"));  // no formula, kept
        QCOMPARE(result->servers[1].vmServer->vmPath, std::optional<std::string>("'+5"));  // a number needs no guard
    }

    void offlineIdsAreStable()
    {
        const auto first = importBytes(::rvToolsSample());
        const auto second = importBytes(::rvToolsSample());
        QVERIFY(first.ok() && second.ok());
        QVERIFY(first->servers == second->servers);
        std::set<std::string> ids;
        for (const api::Server &server : first->servers) {
            QVERIFY(sms::models::isOfflineServerId(*server.serverId));
            ids.insert(*server.serverId);
        }
        QCOMPARE(ids.size(), first->servers.size());

        // SHA-256 over manager name, vmId and VM name, each ended by a unit separator.
        const QByteArray digest = QCryptographicHash::hash("vcenter-01.corp.example.com\x1fvm-101\x1fweb-prod-01\x1f",
                                                           QCryptographicHash::Sha256);
        QCOMPARE(QByteArray::fromStdString(*first->servers[0].serverId), "offline-" + digest.toHex().left(17));
    }

    void offlineIdsDependOnTheRowAlone()
    {
        // A row moved, or other rows added, keeps its id.
        const auto a = importBytes("VM,VM ID,VI SDK Server,Powerstate\nx,vm-1,vc,on\ny,vm-2,vc,on\n");
        const auto b = importBytes("VI SDK Server,Powerstate,VM,VM ID,Notes\nvc,off,z,vm-9,\nvc,on,y,vm-2,n\n");
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(a->servers[1].serverId, b->servers[1].serverId);
    }

    void offlineIdShape_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("offline");
        QTest::addRow("offline") << QStringLiteral("offline-0123456789abcdef0") << true;
        QTest::addRow("upper case") << QStringLiteral("offline-0123456789ABCDEF0") << false;
        QTest::addRow("short") << QStringLiteral("offline-0123456789abcdef") << false;
        QTest::addRow("long") << QStringLiteral("offline-0123456789abcdef01") << false;
        QTest::addRow("SMS id") << QStringLiteral("s-0123456789abcdef0") << false;
        QTest::addRow("empty") << QString() << false;
    }

    void offlineIdShape()
    {
        QFETCH(QString, id);
        QFETCH(bool, offline);
        QCOMPARE(sms::models::isOfflineServerId(id.toStdString()), offline);
    }

    void mappingRoundTrip_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addRow("plain") << QStringLiteral("VM Name");
        QTest::addRow("comma") << QStringLiteral("Name, full");
        QTest::addRow("equals") << QStringLiteral("a=b=c");
        QTest::addRow("quotes") << QStringLiteral("He said \"hi\"");
        QTest::addRow("edge spaces") << QStringLiteral("  padded  ");
        QTest::addRow("semicolon and tab") << QStringLiteral("a;b\tc");
        QTest::addRow("line break") << QStringLiteral("two\nlines");
        QTest::addRow("non-ASCII") << QStringLiteral("Größe (MiB) – 財務");
        QTest::addRow("starts with a quote") << QStringLiteral("\"quoted\" start");
    }

    void mappingRoundTrip()
    {
        QFETCH(QString, header);
        const ColumnMapping mapping = mappingOf({{F::VmName, "VM"}, {F::Cpus, "vCPU"}});
        ColumnMapping awkward = mapping;
        awkward.set(F::MemoryMb, header.toStdString());

        const auto fromString = mappingFromString(toMappingString(awkward));
        QVERIFY2(fromString.ok(), fromString.ok() ? "" : fromString.error().message.c_str());
        QVERIFY2(fromString.value() == awkward, toMappingString(awkward).c_str());

        const auto fromJson = mappingFromJson(toMappingJson(awkward));
        QVERIFY2(fromJson.ok(), fromJson.ok() ? "" : fromJson.error().message.c_str());
        QVERIFY(fromJson.value() == awkward);
    }

    void mappingStringForm()
    {
        const ColumnMapping mapping = mappingOf({{F::Cpus, "vCPU"}, {F::VmId, "UUID"}, {F::VmName, "VM Name"}});
        QCOMPARE(toMappingString(mapping), std::string("vmName=VM Name,vmId=UUID,cpus=vCPU"));
        ColumnMapping awkward = mapping;
        awkward.set(F::VmName, "Name, \"full\"");
        QCOMPARE(toMappingString(awkward), std::string("\"vmName=Name, \"\"full\"\"\",vmId=UUID,cpus=vCPU"));
        // Spaces after commas and around names are forgiven; field names in any case.
        const auto loose = mappingFromString("VMNAME=VM Name, vmid=UUID , cpus=vCPU");
        QVERIFY(loose.ok());
        QCOMPARE(loose->header(F::VmName), std::string("VM Name"));
        QCOMPARE(loose->header(F::VmId), std::string("UUID"));
        QCOMPARE(toMappingJson(mapping), QByteArray(R"({"cpus":"vCPU","vmId":"UUID","vmName":"VM Name"})"));
    }

    void mappingStringErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::addRow("no equals") << QStringLiteral("vmName")
                                   << QStringLiteral("The mapping item \"vmName\" has no '='; write each item as "
                                                     "field=Header, e.g. vmName=VM Name.");
        QTest::addRow("unknown field") << QStringLiteral("cpu=vCPU")
                                       << QStringLiteral("The mapping item \"cpu=vCPU\" names no inventory field. The "
                                                         "fields are serverId, vmName, vmId, vmUuid, vmManagerName, "
                                                         "vmManagerType, vmManagerId, vmPath, powerState, cpus, memoryMb, "
                                                         "provisionedMb, operatingSystem, datacenter, cluster, host.");
        QTest::addRow("no header") << QStringLiteral("vmName=VM,cpus=")
                                   << QStringLiteral("The mapping item \"cpus=\" gives no column header for cpus.");
        QTest::addRow("twice") << QStringLiteral("cpus=a,vmName=b,CPUS=c")
                               << QStringLiteral("The mapping maps cpus twice; give each field one column.");
        QTest::addRow("quote never closed") << QStringLiteral("\"vmName=abc")
                                            << QStringLiteral("The mapping string has a double quote that is never closed.");
        QTest::addRow("two lines") << QStringLiteral("vmName=a\ncpus=b")
                                   << QStringLiteral("The mapping string must be one line; quote a header that holds a "
                                                     "line break.");
    }

    void mappingStringErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto result = mappingFromString(text.toStdString());
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::InvalidParameterException);
        QCOMPARE(QString::fromStdString(result.error().message), message);
    }

    void mappingJsonErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::addRow("not an object") << QByteArray("[\"vmName\"]")
                                       << QStringLiteral("The saved column mapping is not a JSON object");
        QTest::addRow("not JSON") << QByteArray("vmName=VM") << QStringLiteral("is not a JSON object");
        QTest::addRow("number") << QByteArray(R"({"vmName": 3})")
                                << QStringLiteral("gives vmName a value that is not a column header");
        QTest::addRow("unknown field") << QByteArray(R"({"colour": "Colour"})")
                                       << QStringLiteral("The mapping item \"colour=Colour\" names no inventory field.");
    }

    void mappingJsonErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto result = mappingFromJson(json);
        QVERIFY(!result.ok());
        QVERIFY2(QString::fromStdString(result.error().message).contains(message), result.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestInventoryImport)
#include "tst_inventoryimport.moc"
