// CSV inventories out: the catalog and applications exports have their header
// and rows, quote by RFC 4180, guard formula-like text, start with a UTF-8
// byte order mark and end lines with CRLF; a catalog export imports back as
// the same servers and details.

#include "models/CsvWriter.h"
#include "models/InventoryExport.h"
#include "models/InventoryImport.h"

#include <QTest>

using namespace sms;
using namespace sms::models;

namespace {

// The applications export's launch order and settings columns, and a row's cells when there are none.
constexpr const char *kSettingsColumns
    = ",launchOrder,frequency,runOnce,licenseType,numberOfRecentAmisToKeep,encrypted,kmsKeyId,instanceType,vpc,"
      "subnet,securityGroup,ec2KeyName,associatePublicIpAddress,iamInstanceProfileName";
constexpr const char *kNoSettings = ",,,,,,,,,,,,,,";

constexpr std::string_view kBom = "\xEF\xBB\xBF";

api::Server server(std::string id, std::string name, std::string path = {})
{
    api::Server s;
    s.serverId = std::move(id);
    s.serverType = api::ServerType::VirtualMachine;
    api::VmServer vm;
    vm.vmName = std::move(name);
    vm.vmManagerName = "vcenter-01.corp.example.com";
    vm.vmManagerType = api::VmManagerType::Vsphere;
    if (!path.empty())
        vm.vmPath = std::move(path);
    vm.vmServerAddress = api::VmServerAddress{"3ed914ec-b5dc-4dd8-aa73-7cd38155db85", "vm-" + *s.serverId};
    s.vmServer = std::move(vm);
    return s;
}

CatalogSnapshot catalog()
{
    CatalogSnapshot snapshot;
    snapshot.servers = {server("s-1", "web-01", "/DC/vm/web/web-01"), server("s-2", "db-01", "/DC/vm/db/db-01"),
                        server("s-3", "batch-01")};
    snapshot.servers[1].replicationJobId = "sms-job-0123456789abcdef0";
    return snapshot;
}

std::vector<PlanApplication> applications()
{
    PlanApplication payroll;
    payroll.key = 1;
    payroll.name = "Payroll";
    payroll.appId = "app-0123456789abcdef0";
    payroll.description = "Payroll, and its database";
    payroll.roleName = "sms-app-role";
    PlanServerGroup &db = payroll.serverGroups.emplace_back();
    db.key = 2;
    db.serverGroupId = "sg-1";
    db.name = "db";
    db.serverIds = {"s-2"};
    PlanServerGroup &web = payroll.serverGroups.emplace_back();
    web.key = 3;
    web.name = "web";
    web.serverIds = {"s-1", "s-gone"};
    return {payroll};
}

InventoryDetails details(std::string serverId)
{
    InventoryDetails d;
    d.serverId = std::move(serverId);
    d.powerState = "poweredOn";
    d.cpus = 4;
    d.memoryMb = 8192;
    d.provisionedMb = 102400;
    d.operatingSystem = "Red Hat Enterprise Linux 8 (64-bit)";
    d.datacenter = "DC";
    d.cluster = "Prod";
    d.host = "esx-01";
    d.vmUuid = "5029c1a5-6f4b-3b7e-9d2a-1c0f3e8a7b01";
    return d;
}

// The lines after the byte order mark, without their CRLF.
std::vector<std::string> lines(std::string_view text)
{
    text.remove_prefix(kBom.size());
    std::vector<std::string> result;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = text.find("\r\n", start);
        result.emplace_back(text.substr(start, end - start));
        start = end + 2;
    }
    return result;
}

// One text cell as CsvWriter writes it.
std::string cell(std::string_view text)
{
    CsvWriter writer;
    writer.text(text);
    return writer.take().substr(kBom.size());
}

} // namespace

class TestInventoryExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void catalogHeaderAndRows()
    {
        const auto rows = lines(exportCatalogCsv(catalog(), applications(), {details("s-2")}));
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[0], std::string("serverId,vmName,vmManagerName,vmManagerType,vmPath,vmId,vmManagerId,"
                                      "replicationJobId,application,serverGroup,vmUuid,powerState,cpus,memoryMb,"
                                      "provisionedMb,operatingSystem,datacenter,cluster,host"));
        QCOMPARE(rows[1], std::string("s-1,web-01,vcenter-01.corp.example.com,VSPHERE,/DC/vm/web/web-01,vm-s-1,"
                                      "3ed914ec-b5dc-4dd8-aa73-7cd38155db85,,Payroll,web,,,,,,,,,"));
        QCOMPARE(rows[2], std::string("s-2,db-01,vcenter-01.corp.example.com,VSPHERE,/DC/vm/db/db-01,vm-s-2,"
                                      "3ed914ec-b5dc-4dd8-aa73-7cd38155db85,sms-job-0123456789abcdef0,Payroll,db,"
                                      "5029c1a5-6f4b-3b7e-9d2a-1c0f3e8a7b01,poweredOn,4,8192,102400,"
                                      "Red Hat Enterprise Linux 8 (64-bit),DC,Prod,esx-01"));
        QCOMPARE(rows[3], std::string("s-3,batch-01,vcenter-01.corp.example.com,VSPHERE,,vm-s-3,"
                                      "3ed914ec-b5dc-4dd8-aa73-7cd38155db85,,,,,,,,,,,,"));
    }

    void catalogOfServersWithoutVm()
    {
        CatalogSnapshot bare;
        bare.servers = {api::Server{}};
        const auto rows = lines(exportCatalogCsv(bare, {}, {}));
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[1], std::string(18, ','));
    }

    void applicationsHeaderAndRows()
    {
        const auto rows = lines(exportApplicationsCsv(applications(), catalog()));
        QCOMPARE(rows.size(), std::size_t(4));
        QCOMPARE(rows[0], std::string("application,appId,description,roleName,serverGroup,serverGroupId,position,"
                                      "serverId,vmName,vmPath") + kSettingsColumns);
        QCOMPARE(rows[1], std::string("Payroll,app-0123456789abcdef0,\"Payroll, and its database\",sms-app-role,db,sg-1,1,"
                                      "s-2,db-01,/DC/vm/db/db-01") + kNoSettings);
        QCOMPARE(rows[2], std::string("Payroll,app-0123456789abcdef0,\"Payroll, and its database\",sms-app-role,web,,1,"
                                      "s-1,web-01,/DC/vm/web/web-01") + kNoSettings);
        // A server the catalog no longer has keeps its row; the catalog's columns are empty.
        QCOMPARE(rows[3], std::string("Payroll,app-0123456789abcdef0,\"Payroll, and its database\",sms-app-role,web,,2,"
                                      "s-gone,,") + kNoSettings);
    }

    // Launch order and each server's settings as they will be put: its own over its application's.
    void applicationsWithSettings()
    {
        std::vector<PlanApplication> apps = applications();
        apps[0].serverGroups[0].launchOrder = 2;
        apps[0].settings.replication = api::ServerReplicationParameters{};
        apps[0].settings.replication->frequency = 12;
        apps[0].settings.replication->licenseType = api::LicenseType::Byol;
        apps[0].settings.launch = api::ServerLaunchConfiguration{};
        apps[0].settings.launch->instanceType = "m5.large";
        apps[0].settings.launch->associatePublicIpAddress = false;
        PlanServerSettings own;
        own.serverId = "s-1";
        own.launch = api::ServerLaunchConfiguration{};
        own.launch->instanceType = "r5.xlarge";
        const auto rows = lines(exportApplicationsCsv(apps, catalog(), {own}));
        QCOMPARE(rows[1], std::string("Payroll,app-0123456789abcdef0,\"Payroll, and its database\",sms-app-role,db,sg-1,1,"
                                      "s-2,db-01,/DC/vm/db/db-01,2,12,,BYOL,,,,m5.large,,,,,false,"));
        QCOMPARE(rows[2], std::string("Payroll,app-0123456789abcdef0,\"Payroll, and its database\",sms-app-role,web,,1,"
                                      "s-1,web-01,/DC/vm/web/web-01,,12,,BYOL,,,,r5.xlarge,,,,,false,"));
    }

    void emptyPlan()
    {
        QCOMPARE(exportApplicationsCsv({}, {}), std::string(kBom) + "application,appId,description,roleName,"
                                                    "serverGroup,serverGroupId,position,serverId,vmName,vmPath"
                                                    + kSettingsColumns + "\r\n");
    }

    // RFC 4180 quoting, and the guard against formula injection.
    void cells_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("written");
        QTest::addRow("plain") << QStringLiteral("web-01") << QStringLiteral("web-01");
        QTest::addRow("empty") << QString() << QString();
        QTest::addRow("comma") << QStringLiteral("a, b") << QStringLiteral("\"a, b\"");
        QTest::addRow("quote") << QStringLiteral("ns1 \"primary\"") << QStringLiteral("\"ns1 \"\"primary\"\"\"");
        QTest::addRow("line break") << QStringLiteral("two\r\nlines") << QStringLiteral("\"two\r\nlines\"");
        QTest::addRow("semicolon") << QStringLiteral("a;b") << QStringLiteral("\"a;b\"");
        QTest::addRow("edge space") << QStringLiteral(" padded") << QStringLiteral("\" padded\"");
        QTest::addRow("non-ASCII") << QStringLiteral("Zürich 財務") << QStringLiteral("Zürich 財務");
        QTest::addRow("=") << QStringLiteral("=HYPERLINK(\"http://x\")") << QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"");
        QTest::addRow("+") << QStringLiteral("+cmd") << QStringLiteral("'+cmd");
        QTest::addRow("-") << QStringLiteral("-2+3") << QStringLiteral("'-2+3");
        QTest::addRow("@") << QStringLiteral("@SUM(A1:A9)") << QStringLiteral("'@SUM(A1:A9)");
        QTest::addRow("tab") << QStringLiteral("\t=1") << QStringLiteral("\"'\t=1\"");
        QTest::addRow("CR") << QStringLiteral("\r=1") << QStringLiteral("\"'\r=1\"");
        QTest::addRow("negative number") << QStringLiteral("-5") << QStringLiteral("-5");
        QTest::addRow("signed decimal") << QStringLiteral("+1.25") << QStringLiteral("+1.25");
        QTest::addRow("lone minus") << QStringLiteral("-") << QStringLiteral("'-");
        QTest::addRow("= inside") << QStringLiteral("a=b") << QStringLiteral("a=b");
    }

    void cells()
    {
        QFETCH(QString, text);
        QFETCH(QString, written);
        QCOMPARE(QString::fromStdString(cell(text.toStdString())), written);
    }

    void formulaGuardInTheCatalog()
    {
        CatalogSnapshot snapshot;
        snapshot.servers = {server("s-1", "=cmd|' /C calc'!A0")};
        const auto rows = lines(exportCatalogCsv(snapshot, {}, {}));
        QVERIFY(rows[1].starts_with("s-1,'=cmd|' /C calc'!A0,"));
    }

    void byteOrderMarkAndCrlf()
    {
        CatalogSnapshot snapshot = catalog();
        snapshot.servers[0].vmServer->vmName = "multi\nline";
        const std::string text = exportCatalogCsv(snapshot, applications(), {details("s-1")});
        QVERIFY(text.starts_with(kBom));
        QVERIFY(text.ends_with("\r\n"));
        // Every line ends with CRLF; the only bare LF is the one inside the quoted name.
        std::size_t bareLineFeeds = 0;
        for (std::size_t i = 0; i < text.size(); ++i)
            bareLineFeeds += text[i] == '\n' && (i == 0 || text[i - 1] != '\r');
        QCOMPARE(bareLineFeeds, std::size_t(1));
        QVERIFY(text.find("\"multi\nline\"") != std::string::npos);
    }

    void roundTripThroughImport()
    {
        CatalogSnapshot snapshot;
        snapshot.servers = {server("s-0123456789abcdef0", "web-01", "/DC/vm/web/web-01"),
                            server("offline-0123456789abcdef0", "Zürich, \"Filiale\" 財務", "/DC/vm/Zürich"),
                            server("s-2", "=SUM(A1)", "-tmp/x"),
                            server("s-3", "  spaced  ", "@home"),
                            server("s-4", "multi\r\nline name", "+1"),
                            server("s-5", "-42")};
        snapshot.servers[1].vmServer->vmManagerType = api::VmManagerType::HypervManager;
        snapshot.servers[2].vmServer->vmManagerType = api::VmManagerType::Scvmm;
        snapshot.servers[3].vmServer->vmServerAddress->vmManagerId.reset();
        snapshot.servers[4].vmServer->vmManagerName.reset();
        std::vector<InventoryDetails> inventory{details("s-0123456789abcdef0"), details("s-2")};
        inventory[1].operatingSystem = "-\"weird\", OS";
        inventory[1].cpus.reset();

        const std::string text = exportCatalogCsv(snapshot, applications(), inventory);
        const auto imported = importInventory(text);
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().message.c_str());
        QVERIFY(imported->mappingGuessed);
        QCOMPARE(imported->format, InventoryFormat::PlainCsv);
        QVERIFY(imported->problems.empty());
        QCOMPARE(imported->servers.size(), snapshot.servers.size());
        for (std::size_t i = 0; i < snapshot.servers.size(); ++i)
            QVERIFY2(imported->servers[i] == snapshot.servers[i], std::to_string(i).c_str());
        QVERIFY(imported->details[0] == inventory[0]);
        QVERIFY(imported->details[2] == inventory[1]);
        // A server without details comes back with none but its id.
        InventoryDetails idOnly;
        idOnly.serverId = *snapshot.servers[1].serverId;
        QVERIFY(imported->details[1] == idOnly);
    }
};

QTEST_GUILESS_MAIN(TestInventoryExport)
#include "tst_inventoryexport.moc"
