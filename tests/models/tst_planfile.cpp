// The .smsplan file: plans survive a round trip whole (keys, endpoint ids,
// unknown enum values, non-ASCII text, an empty plan), every kind of bad file
// is refused whole with a sentence naming the problem, a failed save leaves
// the old file as it was, and no credential reaches the file.

#include "PlanFixtures.h"
#include "ValidationFixtures.h"

#include "models/CatalogListsCheck.h"
#include "models/LaunchGraph.h"
#include "models/PlanDecoder.h"
#include "models/PlanFile.h"

#include "api/JsonCodec.h"

#include "tests/support/FileBytes.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/resource.h>
#endif

#include <functional>
#include <limits>

using namespace sms;
using namespace sms::models;
using sms::models::testing::fullConnector;

Q_DECLARE_METATYPE(sms::models::PlanData)

namespace {

api::Server server(int i)
{
    api::Server s;
    s.serverId = "s-" + std::to_string(10000000 + i);
    s.serverType = api::ServerType::VirtualMachine;
    api::VmServer vm;
    vm.vmName = "web-prod-" + std::to_string(i);
    vm.vmManagerName = "vcenter-01.corp.example.com";
    vm.vmManagerType = api::VmManagerType::Vsphere;
    vm.vmPath = "/Datacenter/vm/prod/web/" + *vm.vmName;
    vm.vmServerAddress = api::VmServerAddress{"3ed914ec-b5dc-4dd8-aa73-7cd38155db85", "vm-" + std::to_string(i)};
    s.vmServer = std::move(vm);
    if (i % 3 == 0)
        s.replicationJobId = "sms-job-" + std::to_string(i);
    s.replicationJobTerminated = i % 5 == 0;
    return s;
}

PlanServerGroup group(PlanKey key, std::string name, std::vector<std::string> ids, std::string endpointId = {})
{
    PlanServerGroup group = testing::namedGroup(name, key, std::move(ids));
    group.serverGroupId = std::move(endpointId);
    return group;
}

PlanApplication application(PlanKey key, std::string name, std::vector<PlanServerGroup> groups)
{
    PlanApplication app;
    app.key = key;
    app.name = std::move(name);
    app.serverGroups = std::move(groups);
    return app;
}

// A plan with a bit of everything, `servers` of them in the catalog.
PlanData richPlan(int servers = 6)
{
    PlanData plan;
    plan.catalog.source.endpoint = "https://sms.eu-west-1.amazonaws.com/";
    plan.catalog.source.region = "eu-west-1";
    plan.catalog.source.readAt = api::Timestamp{1716272153.25};
    plan.catalog.source.lastModifiedOn = api::Timestamp{1716270000};
    plan.catalog.source.status = api::ServerCatalogStatus::Available;
    for (int i = 0; i < servers; ++i)
        plan.catalog.servers.push_back(server(i));
    plan.catalog.connectors.push_back(fullConnector());

    PlanApplication payroll = application(1, "Payroll", {group(2, "web", {"s-10000000", "s-10000001"}, "sg-1"),
                                                         group(3, "db", {"s-10000002"})});
    payroll.appId = "app-0123456789abcdef0";
    payroll.description = "Payroll and its database";
    payroll.roleName = "sms-app-role";
    payroll.tags = {{"env", "prod"}, {"owner", std::nullopt}};
    plan.applications.push_back(std::move(payroll));
    plan.applications.push_back(application(7, "Intranet", {group(4, "all", {"s-10000003"})}));
    plan.applications.push_back(application(9, "Not yet grouped", {}));
    return plan;
}

// `plan` with replication and launch settings: Payroll's, its groups' launch
// order, and two servers' own.
PlanData withSettings(PlanData plan)
{
    ApplicationSettings &payroll = plan.applications[0].settings;
    payroll.replication = api::ServerReplicationParameters{};
    payroll.replication->frequency = 12;
    payroll.replication->seedTime = api::Timestamp{1716300000};
    payroll.replication->licenseType = api::LicenseType::Byol;
    payroll.replication->numberOfRecentAmisToKeep = 3;
    payroll.replication->encrypted = true;
    payroll.replication->kmsKeyId = "alias/sms";
    payroll.launch = api::ServerLaunchConfiguration{};
    payroll.launch->vpc = "vpc-0abc";
    payroll.launch->subnet = "subnet-0def";
    payroll.launch->instanceType = "m5.large";
    payroll.launch->associatePublicIpAddress = false;
    payroll.launchRoleName = "sms-launch-role";
    payroll.autoLaunch = true;
    plan.applications[0].serverGroups[0].launchOrder = 2;
    plan.applications[0].serverGroups[1].launchOrder = 1;

    PlanServerSettings bigger;
    bigger.serverId = "s-10000002";
    bigger.launch = api::ServerLaunchConfiguration{};
    bigger.launch->instanceType = "r5.2xlarge";
    bigger.launch->userData = api::UserData{api::S3Location{"bucket", "db/user-data.sh"}};
    PlanServerSettings once;
    once.serverId = "s-10000003";
    once.replication = api::ServerReplicationParameters{};
    once.replication->runOnce = true;
    plan.serverSettings = {bigger, once};
    plan.planId = "0b7e6a52-3c1d-4d7e-9f00-5a1e2b3c4d5e";
    plan.retiredAppIds = {"app-0fedcba9876543210"};
    InventoryDetails sized;
    sized.serverId = "s-10000002";
    sized.cpus = 8;
    sized.memoryMb = 32768;
    sized.operatingSystem = "Red Hat Enterprise Linux 8 (64-bit)";
    sized.cluster = "Cluster \"B\"";
    plan.inventory = {sized};
    plan.applications[1].settings.removeReplication = true;
    plan.applications[1].settings.removeLaunch = true;
    return plan;
}

// Payroll (web, db), Intranet (all), Billing (db): for messages that name places.
PlanData threeApplications()
{
    PlanData plan = richPlan();
    plan.applications[2] = application(9, "Billing", {group(10, "db", {"s-10000005"})});
    return plan;
}

QString withThousands(qsizetype number)
{
    QString digits = QString::number(number);
    for (qsizetype at = digits.size() - 3; at > 0; at -= 3)
        digits.insert(at, QLatin1Char(','));
    return digits;
}

std::string text(const QByteArray &bytes)
{
    return std::string(bytes.constData(), std::size_t(bytes.size()));
}

// A plan's text as JSON, edited by `edit`, back to text: bad files made from good ones.
QByteArray edited(const PlanData &plan, const std::function<void(api::Json &)> &edit)
{
    api::Json json = api::Json::parse(encodePlan(plan));
    edit(json);
    return QByteArray::fromStdString(json.dump(2));
}

QByteArray editedRich(const std::function<void(api::Json &)> &edit)
{
    return edited(richPlan(), edit);
}

// The same plan as encodePlan writes it, without the savedAt line, which
// holds the time of the save.
std::string withoutSavedAt(std::string text)
{
    const auto at = text.find("\n  \"savedAt\":");
    if (at != std::string::npos)
        text.erase(at, text.find('\n', at + 1) - at);
    return text;
}

} // namespace

class TestPlanFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<PlanData>("plan");
        QTest::addRow("empty plan") << PlanData{};
        QTest::addRow("rich plan") << richPlan();

        PlanData unknown = richPlan();
        unknown.catalog.source.status = api::OpenEnum<api::ServerCatalogStatus>::fromString("ARCHIVED_2030");
        unknown.catalog.servers[0].serverType = api::OpenEnum<api::ServerType>::fromString("CONTAINER");
        unknown.catalog.servers[1].vmServer->vmManagerType = api::OpenEnum<api::VmManagerType>::fromString("KVM");
        unknown.catalog.connectors[0].capabilityList->push_back(
            api::OpenEnum<api::ConnectorCapability>::fromString("NUTANIX"));
        QTest::addRow("unknown enum values") << unknown;

        PlanData nonAscii = richPlan();
        nonAscii.applications[0].name = "Gehaltsabrechnung Zürich – Größe";
        nonAscii.applications[0].description = "給与システム 🚀 \"quoted\" \\ back\\slash\ttab\nnewline \x01 control";
        nonAscii.applications[0].serverGroups[0].name = "Ελληνικά";
        nonAscii.catalog.servers[0].vmServer->vmPath = "/Datacenter/vm/Москва/web";
        nonAscii.applications[0].tags = {{"Kostenstelle", "Zürich-42"}};
        QTest::addRow("non-ASCII and escaped text") << nonAscii;

        PlanData keys = richPlan();
        keys.applications[0].key = std::numeric_limits<PlanKey>::max();
        keys.applications[0].serverGroups[0].key = (PlanKey(1) << 53) + 1;  // not exact as a double
        keys.applications[1].appId = "app-ffffffffffffffff0";
        keys.applications[1].serverGroups[0].serverGroupId = "sg-0123";
        QTest::addRow("endpoint ids and large keys") << keys;

        PlanData catalogOnly;
        catalogOnly.catalog.source.region = "us-east-1";  // a catalog from a file has no endpoint
        catalogOnly.catalog.servers = {server(1), api::Server{}};
        QTest::addRow("catalog only, an empty server") << catalogOnly;

        PlanData appsOnly;
        appsOnly.applications.push_back(application(1, {}, {group(2, {}, {})}));
        QTest::addRow("unnamed application and group") << appsOnly;

        PlanData jobs = richPlan();
        jobs.catalog.replicationJobs = {
            {"sms-job-0123456789abcdef0", "s-10000001", api::ReplicationJobState::Active, {}},
            {"sms-job-0123456789abcdef1", "s-10000002", api::OpenEnum<api::ReplicationJobState>::fromString("HIBERNATING"),
             "paused by \"ops\""},
        };
        QTest::addRow("replication job states") << jobs;

        QTest::addRow("8,000 servers") << richPlan(8000);
        QTest::addRow("replication and launch settings") << withSettings(richPlan());

        PlanData graph = richPlan();
        graph.applications[0].serverGroups[1].launchAfter = {graph.applications[0].serverGroups[0].key, 99};
        graph.applications[0].serverGroups[0].pinnedAt = GraphPoint{-160.5, 70};
        graph.applications[0].serverGroups[1].pinnedAt = GraphPoint{0.1, 1e-7};  // doubles written exactly
        fillDerivedLaunchOrders(graph.applications[0].serverGroups);  // as a saved plan has them
        QTest::addRow("launch dependencies and pinned positions") << graph;

        PlanData validated = richPlan();
        AppValidationSettings &validation = validated.applications[0].settings.validation.emplace();
        validation.appValidations = {models::testing::ssmValidation("smoke-test")};
        validation.appValidations[0].ssmValidationParameters->command = "curl -sf http://localhost/\n\"ok\"";
        validation.serverValidations = {models::testing::userDataValidation("s-10000002", "db-answers")};
        validated.applications[1].settings.validation.emplace();  // configures none
        validated.applications[2].settings.removeValidation = true;
        QTest::addRow("validation settings") << validated;
    }

    void roundTrip()
    {
        QFETCH(PlanData, plan);
        const std::string encoded = encodePlan(plan);
        const auto decoded = decodePlan(encoded);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QVERIFY(decoded.value() == plan);
        // And the text is stable: what was read writes out the same again.
        QVERIFY(withoutSavedAt(encodePlan(decoded.value())) == withoutSavedAt(encoded));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("plan.smsplan"));
        const auto written = writePlanFile(path, plan);
        QVERIFY2(written.ok(), written.ok() ? "" : written.error().message.c_str());
        const auto read = readPlanFile(path);
        QVERIFY2(read.ok(), read.ok() ? "" : read.error().message.c_str());
        QVERIFY(read.value() == plan);
        QVERIFY(checkPlanFile(path).ok());
    }

    void layout()
    {
        const std::string encoded = encodePlan(richPlan());
        const api::Json json = api::Json::parse(encoded);
        QVERIFY(json.at("formatVersion") == kPlanFormatVersion);
        QVERIFY(json.at("kind") == std::string(kPlanFileKind));
        QVERIFY(json.at("generator") == "sms-planner " SMS_VERSION);
        QVERIFY(json.at("savedAt").is_number_integer());
        QVERIFY(encoded.starts_with("{\n  \"formatVersion\": 1,\n  \"kind\": \"sms-migration-plan\",\n"));
        // Catalog entries exactly as the SMS API shapes them.
        QVERIFY(json.at("catalog").at("servers").at(0) == api::toJson(server(0)));
        QVERIFY(json.at("catalog").at("connectors").at(0) == api::toJson(fullConnector()));
        QVERIFY(json.at("catalog").at("source").at("readAt") == 1716272153.25);
        QVERIFY(json.at("catalog").at("source").at("lastModifiedOn").is_number_integer());
        // One catalog entry a line, so that plans diff well.
        QVERIFY(encoded.find("\n      {\"serverId\":\"s-10000001\"") != std::string::npos);
        const api::Json &payroll = json.at("applications").at(0);
        QVERIFY(payroll.at("key") == 1);
        QVERIFY(payroll.at("tags").at(1) == api::Json::parse(R"({"key":"owner"})"));
        QVERIFY(payroll.at("serverGroups").at(0).at("serverIds").at(1) == "s-10000001");
        // Empty members are left out.
        QVERIFY(!payroll.at("serverGroups").at(1).contains("serverGroupId"));
        QVERIFY(!json.at("applications").at(2).contains("serverGroups"));
        QVERIFY(!json.at("applications").at(2).contains("appId"));

        // Settings: api shapes, compact, where they belong.
        const std::string withSettingsText = encodePlan(withSettings(richPlan()));
        const api::Json settings = api::Json::parse(withSettingsText);
        QVERIFY(settings.at("applications").at(0).at("replication")
                == api::Json::parse(R"({"frequency":12,"encrypted":true,"kmsKeyId":"alias/sms","licenseType":"BYOL",)"
                                    R"("numberOfRecentAmisToKeep":3,"seedTime":1716300000})"));
        QVERIFY(settings.at("applications").at(0).at("autoLaunch") == true);
        QVERIFY(settings.at("applications").at(0).at("serverGroups").at(1).at("launchOrder") == 1);
        QVERIFY(settings.at("serverSettings").at(0).at("launch").at("userData").at("s3Location").at("key")
                == "db/user-data.sh");
        QVERIFY(withSettingsText.find("\"launch\": {\"vpc\":\"vpc-0abc\",") != std::string::npos);
        QVERIFY(!json.at("applications").at(0).contains("replication"));  // none set: none written
        QVERIFY(settings.at("applications").at(1).at("removeReplication") == true);
        QVERIFY(settings.at("applications").at(1).at("removeLaunch") == true);
        QVERIFY(!settings.at("applications").at(0).contains("removeLaunch"));
        const api::Json sized = {{"serverId", "s-10000002"},
                                 {"cpus", 8},
                                 {"memoryMb", 32768},
                                 {"operatingSystem", "Red Hat Enterprise Linux 8 (64-bit)"},
                                 {"cluster", "Cluster \"B\""}};
        QVERIFY(settings.at("inventory").at(0) == sized);
        QVERIFY(withSettingsText.find("\n    {\"serverId\":\"s-10000002\",\"cpus\":8,") != std::string::npos);  // a line each
        QVERIFY(settings.at("planId") == "0b7e6a52-3c1d-4d7e-9f00-5a1e2b3c4d5e");
        QVERIFY(settings.at("retiredAppIds").at(0) == "app-0fedcba9876543210");
        QVERIFY(!json.contains("planId") && !json.contains("retiredAppIds"));

        // Dependencies and a pinned position, a line each.
        PlanData graph = richPlan();
        graph.applications[0].serverGroups[1].launchAfter = {3, 4};
        graph.applications[0].serverGroups[1].pinnedAt = GraphPoint{160, -35.5};
        const std::string graphText = encodePlan(graph);
        QVERIFY(graphText.find("\"launchAfter\": [3, 4],\n") != std::string::npos);
        QVERIFY(graphText.find("\"pinnedAt\": {\"x\": 160, \"y\": -35.5}\n") != std::string::npos);
        QVERIFY(!json.at("applications").at(0).at("serverGroups").at(0).contains("launchAfter"));
        QVERIFY(!json.at("applications").at(0).at("serverGroups").at(0).contains("pinnedAt"));

        const api::Json empty = api::Json::parse(encodePlan(PlanData{}));
        QCOMPARE(empty.size(), std::size_t(4));  // formatVersion, kind, generator, savedAt
    }

    // launchOrder follows from launchAfter: a file may give the dependencies alone.
    void launchOrdersFollowDependencies()
    {
        api::Json json = api::Json::parse(encodePlan(threeApplications()));
        api::Json &groups = json["applications"][0]["serverGroups"];
        QVERIFY(groups.size() >= 2);
        const PlanKey first = groups[0]["key"].get<PlanKey>();
        groups[1]["launchAfter"] = {first};
        const auto decoded = decodePlan(json.dump());
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        const auto &read = decoded.value().applications[0].serverGroups;
        QCOMPARE(read[0].launchOrder, std::optional(1));
        QCOMPARE(read[1].launchOrder, std::optional(2));
        QCOMPARE(read[1].launchAfter, std::vector<PlanKey>{first});
    }

    void tolerantReading_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("unknown members anywhere") << editedRich([](api::Json &json) {
            json["futureOption"] = {{"a", 1}};
            json["catalog"]["source"]["profile"] = "x";
            json["catalog"]["servers"][0]["futureMember"] = true;
            json["applications"][0]["colour"] = "#ff0000";
            json["applications"][0]["serverGroups"][0]["dependsOn"] = {3};
        });
        QTest::addRow("null members") << editedRich([](api::Json &json) {
            json["applications"][1]["description"] = nullptr;
            json["applications"][2]["appId"] = nullptr;
            json["applications"][2]["serverGroups"] = nullptr;
            json["catalog"]["servers"][1]["replicationJobId"] = nullptr;
        });
        QTest::addRow("byte order mark") << QByteArray("\xEF\xBB\xBF") + QByteArray::fromStdString(encodePlan(richPlan()));
        QTest::addRow("no generator or savedAt") << editedRich([](api::Json &json) {
            json.erase("generator");
            json.erase("savedAt");
        });
        // Saved by a planner whose Refresh Apps retired what it brought back in:
        // the application is kept, and nothing it holds is deleted by an apply.
        QTest::addRow("retires an application it holds") << editedRich([](api::Json &json) {
            json["retiredAppIds"].push_back("app-0123456789abcdef0");
        });
    }

    void tolerantReading()
    {
        QFETCH(QByteArray, bytes);
        const auto decoded = decodePlan(text(bytes));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QVERIFY(decoded.value() == richPlan());
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tolerant.smsplan"));
        QVERIFY(writeBytes(path, bytes));
        QVERIFY(checkPlanFile(path).ok());
    }

    // checkPlanFile checks the catalog's lists with simdjson On-Demand and
    // blanks them before the decoder sees the rest (CatalogListsCheck.h).
    void savedPlansTakeTheLowMemoryCheck()
    {
        std::string saved = encodePlan(richPlan(40));
        const std::size_t size = saved.size();
        saved.append(detail::kPlanDecodePadding, '\0');
        QVERIFY(detail::checkAndBlankCatalogLists(saved.data(), size));
        saved.resize(size);
        QVERIFY(saved.find("s-10000039") == std::string::npos);  // the servers were blanked ...
        QVERIFY(saved.find("\"Payroll\"") != std::string::npos);  // ... and nothing else
        const auto rest = decodePlan(saved);
        QVERIFY(rest.ok());
        QVERIFY(rest->catalog.servers.empty() && rest->catalog.connectors.empty());
        QVERIFY(rest->applications == richPlan().applications);
    }

    // Whatever way checkPlanFile takes, its verdict is the decoder's: the
    // cases the On-Demand pass must leave to the decoder, in the server list.
    void checkAgreesWithTheDecoder_data()
    {
        QTest::addColumn<QByteArray>("servers");
        QTest::addColumn<bool>("good");
        const auto add = [](const char *name, const char *servers, bool good) {
            QTest::addRow("%s", name) << QByteArray(servers) << good;
        };
        add("plain", R"([{"serverId": "s-1", "vmServer": {"vmName": "a"}}])", true);
        add("escapes, control characters, unknown members",
            "[{\"serverId\": \"s-\\u00e9\\\"\", \"x\": [1, {\"y\": null}, -2.5e3, true], \"vmServer\": {\"vmPath\": \"a\\tb\"}}]",
            true);
        add("an escaped key hides a member of the wrong type", R"([{"server\u0049d": 5}])", false);
        add("an escaped key hides a good member", R"([{"server\u0049d": "s-1"}])", true);
        add("a member twice, the first wrong", R"([{"serverId": 5, "serverId": "s-1"}])", false);
        add("a member twice, the first null", R"([{"serverId": null, "serverId": 5}])", true);
        add("bad JSON in an unknown member", R"([{"serverId": "s-1", "future": [1,,2]}])", false);
        // Found by fuzz_plan: On-Demand skips a value left unread by counting brackets alone.
        add("a colon after a value", R"([{"replicationJobId": "x": "y", "vmServer": {"vmName": "b"}}}, {}])", false);
        add("a bad escape", R"([{"serverId": "s-\q"}])", false);
        add("a number too big in an unknown member", R"([{"future": 123456789012345678901234567890}])", false);
        add("a deep wrong type", R"([{"vmServer": {"vmServerAddress": {"vmId": 7}}}])", false);
        add("a server that is null", R"([{"serverId": "s-1"}, null])", false);
        add("servers twice, the first good", R"([], "servers": 5)", true);
        add("servers twice, the first wrong", R"(5, "servers": [])", false);
    }

    void checkAgreesWithTheDecoder()
    {
        QFETCH(QByteArray, servers);
        QFETCH(bool, good);
        const QByteArray plan = R"({"formatVersion": 1, "kind": "sms-migration-plan", "catalog": {"servers": )" + servers
            + R"(, "connectors": [{"connectorId": "c-1", "capabilityList": ["VSPHERE"]}]}})";
        const auto decoded = decodePlan(text(plan));
        QCOMPARE(decoded.ok(), good);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tricky.smsplan"));
        QVERIFY(writeBytes(path, plan));
        const auto checked = checkPlanFile(path);
        QCOMPARE(checked.ok(), good);
        if (!good)
            QVERIFY2(QString::fromStdString(checked.error().message).contains(QStringLiteral("tricky.smsplan")),
                     checked.error().message.c_str());
    }

    void badFile_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");  // the message, or a fragment of it
        QTest::addColumn<QString>("code");

        const QString serialization = QStringLiteral("SerializationException");
        const QString rules = QStringLiteral("InvalidParameterException");
        const QByteArray good = QByteArray::fromStdString(encodePlan(richPlan(40)));

        QTest::addRow("empty") << QByteArray() << QStringLiteral("The plan is empty: it holds no plan.") << serialization;
        QTest::addRow("only white space") << QByteArray(" \n\t\n") << QStringLiteral("is empty") << serialization;
        const qsizetype betweenServers = good.indexOf("\n      {\"serverId\":\"s-10000020\"");
        QTest::addRow("cut between two servers")
            << good.left(betweenServers)
            << QStringLiteral("The plan ends in the middle of an array, after %1 bytes: it was cut short, for example "
                              "by a full disk or an interrupted copy.")
                   .arg(withThousands(betweenServers))
            << serialization;
        QTest::addRow("cut in a server") << good.left(good.lastIndexOf("\"replicationJobTerminated\"", betweenServers))
                                         << QStringLiteral("ends in the middle of an object") << serialization;
        const qsizetype inString = good.indexOf("Payroll and") + 4;
        QTest::addRow("cut in a string") << good.left(inString) << QStringLiteral("ends in the middle of a string")
                                         << serialization;
        QTest::addRow("cut after a comma") << good.left(good.indexOf("\"kind\""))
                                           << QStringLiteral("ends in the middle of an object") << serialization;
        QTest::addRow("missing final brace") << good.trimmed().chopped(1)
                                             << QStringLiteral("ends in the middle of an object") << serialization;
        QTest::addRow("text") << QByteArray("Payroll,web,s-1\n")
                              << QStringLiteral("is not an SMS Migration Planner plan: it is not valid JSON")
                              << serialization;
        QTest::addRow("zip archive") << QByteArray("PK\x03\x04\x14\x00\x06\x00", 8)
                                     << QStringLiteral("is not an SMS Migration Planner plan: it is not valid JSON")
                                     << serialization;
        QTest::addRow("comma missing in the middle") << QByteArray(good).replace("\"kind\"", "\"kind\" \"x\" ")
                                                     << QStringLiteral("not valid JSON") << serialization;
        QTest::addRow("not UTF-8") << QByteArray("{\"kind\": \"\xff\xfe\"}") << QStringLiteral("it is not UTF-8 text")
                                   << serialization;
        QTest::addRow("JSON array")
            << QByteArray("[1, 2, 3]")
            << QStringLiteral("The plan is not an SMS Migration Planner plan: it is JSON, but an array instead of an object.")
            << serialization;
        QTest::addRow("other JSON object")
            << QByteArray(R"({"name": "x", "version": 1})")
            << QStringLiteral("is not an SMS Migration Planner plan: it is JSON, but has no \"kind\"") << serialization;
        QTest::addRow("other kind")
            << QByteArray(R"({"kind": "vscode-workspace", "formatVersion": 1})")
            << QStringLiteral("is not an SMS Migration Planner plan: its \"kind\" is \"vscode-workspace\"") << serialization;
        QTest::addRow("newer format") << editedRich([](api::Json &json) {
            json["formatVersion"] = 3;
            json["applications"] = "changed shape";
        }) << QStringLiteral("The plan was saved by a newer version of SMS Migration Planner (plan format 3); "
                             "this version reads format 1. Update the planner to open it.")
                                      << serialization;
        const auto badVersion = [](api::Json version) {
            return editedRich([version](api::Json &json) { json["formatVersion"] = version; });
        };
        const QString positive
            = QStringLiteral("is damaged: its formatVersion should be a positive whole number, but it is ");
        QTest::addRow("formatVersion as text") << badVersion("1") << positive + QStringLiteral("\"1\".") << serialization;
        QTest::addRow("formatVersion 0") << badVersion(0) << positive + QStringLiteral("0.") << serialization;
        QTest::addRow("formatVersion -1") << badVersion(-1) << positive + QStringLiteral("-1.") << serialization;
        QTest::addRow("formatVersion 1.5") << badVersion(1.5) << positive + QStringLiteral("1.5.") << serialization;
        QTest::addRow("no formatVersion") << editedRich([](api::Json &json) { json.erase("formatVersion"); })
                                          << QStringLiteral("is damaged: it has no formatVersion.") << serialization;

        const auto wrongType = [serialization](const char *name, std::function<void(api::Json &)> edit,
                                               const char *message) {
            QTest::addRow("%s", name) << edited(threeApplications(), edit) << QString::fromUtf8(message)
                                      << serialization;
        };
        wrongType("group name a number",
                  [](api::Json &json) { json["applications"][2]["serverGroups"][0]["name"] = 12; },
                  "The plan is damaged: applications[2].serverGroups[0].name should be a string, but it is a number.");
        wrongType("serverIds an object",
                  [](api::Json &json) { json["applications"][1]["serverGroups"][0]["serverIds"] = api::Json::object(); },
                  "applications[1].serverGroups[0].serverIds should be an array, but it is an object.");
        wrongType("a server id a number",
                  [](api::Json &json) { json["applications"][0]["serverGroups"][0]["serverIds"][1] = 5; },
                  "applications[0].serverGroups[0].serverIds[1] should be a string, but it is a number.");
        wrongType("applications an object", [](api::Json &json) { json["applications"] = {{"a", 1}}; },
                  "applications should be an array, but it is an object.");
        wrongType("an application a string", [](api::Json &json) { json["applications"][1] = "Payroll"; },
                  "applications[1] should be an object, but it is a string.");
        wrongType("tag value true",
                  [](api::Json &json) { json["applications"][0]["tags"] = {{{"key", "a"}, {"value", true}}}; },
                  "applications[0].tags[0].value should be a string, but it is true or false.");
        wrongType("catalog an array", [](api::Json &json) { json["catalog"] = api::Json::array(); },
                  "catalog should be an object, but it is an array.");
        wrongType("readAt a date string", [](api::Json &json) { json["catalog"]["source"]["readAt"] = "2024-05-21"; },
                  "catalog.source.readAt should be a time in seconds since 1970, but it is a string.");
        wrongType("servers an object", [](api::Json &json) { json["catalog"]["servers"] = api::Json::object(); },
                  "catalog.servers should be an array, but it is an object.");
        wrongType("a server's vmName a number",
                  [](api::Json &json) { json["catalog"]["servers"][1]["vmServer"]["vmName"] = 3; },
                  "The plan is damaged: catalog.servers[1].vmServer.vmName should be a string, but it is a number.");
        wrongType("a connector a string", [](api::Json &json) { json["catalog"]["connectors"][0] = "c-1"; },
                  "catalog.connectors[0] should be an object, but it is a string.");
        wrongType("a flag a string",
                  [](api::Json &json) { json["catalog"]["servers"][2]["replicationJobTerminated"] = "no"; },
                  "catalog.servers[2].replicationJobTerminated should be true or false, but it is a string.");
        QTest::addRow("a server far into the list")
            << edited(richPlan(9000), [](api::Json &json) { json["catalog"]["servers"][8765]["serverType"] = 1; })
            << QStringLiteral("catalog.servers[8765].serverType should be a string, but it is a number.")
            << serialization;

        wrongType("key missing", [](api::Json &json) { json["applications"][1]["serverGroups"][0].erase("key"); },
                  "The plan is damaged: applications[1].serverGroups[0] has no key.");
        wrongType("key negative", [](api::Json &json) { json["applications"][1]["key"] = -4; },
                  "applications[1].key should be a positive whole number, but it is -4.");
        wrongType("key text", [](api::Json &json) { json["applications"][1]["key"] = "4"; },
                  "applications[1].key should be a positive whole number, but it is \"4\".");

        wrongType("a replication frequency as text",
                  [](api::Json &json) { json["applications"][0]["replication"] = {{"frequency", "12h"}}; },
                  "applications[0].replication.frequency should be a whole number, but it is a string.");
        wrongType("autoLaunch as text", [](api::Json &json) { json["applications"][1]["autoLaunch"] = "yes"; },
                  "applications[1].autoLaunch should be true or false, but it is a string.");
        wrongType("launchOrder a fraction",
                  [](api::Json &json) { json["applications"][0]["serverGroups"][1]["launchOrder"] = 1.5; },
                  "applications[0].serverGroups[1].launchOrder should be a whole number, but it is a number.");
        wrongType("launchAfter not a key",
                  [](api::Json &json) { json["applications"][0]["serverGroups"][1]["launchAfter"] = {3, 0}; },
                  "applications[0].serverGroups[1].launchAfter[1] should be a key, a positive whole number, but it "
                  "is 0.");
        wrongType("pinnedAt without y",
                  [](api::Json &json) { json["applications"][0]["serverGroups"][1]["pinnedAt"] = {{"x", 1}}; },
                  "The plan is damaged: applications[0].serverGroups[1].pinnedAt.y is missing.");
        wrongType("pinnedAt as text",
                  [](api::Json &json) { json["applications"][0]["serverGroups"][1]["pinnedAt"] = {{"x", "1"}, {"y", 2}}; },
                  "applications[0].serverGroups[1].pinnedAt.x should be a number, but it is a string.");
        wrongType("server settings without a server",
                  [](api::Json &json) { json["serverSettings"] = {{{"launch", {{"vpc", "vpc-1"}}}}}; },
                  "The plan is damaged: serverSettings[0] has no serverId.");
        wrongType("negative CPUs",
                  [](api::Json &json) { json["inventory"] = {{{"serverId", "s-10000001"}, {"cpus", -2}}}; },
                  "The plan is damaged: inventory[0].cpus should be a whole number of 0 or more, but it is -2.");
        wrongType("two inventory entries of a server",
                  [](api::Json &json) {
                      json["inventory"] = {{{"serverId", "s-10000001"}}, {{"serverId", "s-10000002"}},
                                           {{"serverId", "s-10000001"}, {"cpus", 4}}};
                  },
                  "The plan is damaged: inventory[2] repeats serverId \"s-10000001\" of inventory[0].");

        const auto broken = [rules](const char *name, std::function<void(api::Json &)> edit, const char *message) {
            QTest::addRow("%s", name) << edited(threeApplications(), edit) << QString::fromUtf8(message) << rules;
        };
        broken("key 0", [](api::Json &json) { json["applications"][1]["key"] = 0; },
               "The plan breaks the plan's rules: applications[1] (\"Intranet\") has key 0; keys start at 1.");
        broken("two applications with one key", [](api::Json &json) { json["applications"][2]["key"] = 1; },
               "key 1 is used by both applications[0] (\"Payroll\") and applications[2] (\"Billing\"); "
               "each application and server group needs a key of its own.");
        broken("a group with its application's key",
               [](api::Json &json) { json["applications"][1]["serverGroups"][0]["key"] = 7; },
               "key 7 is used by both applications[1] (\"Intranet\") and applications[1].serverGroups[0] (\"all\")");
        broken("a server in two applications",
               [](api::Json &json) { json["applications"][2]["serverGroups"][0]["serverIds"].push_back("s-10000001"); },
               "The plan breaks the plan's rules: server s-10000001 is in both applications[0].serverGroups[0] "
               "(\"web\") and applications[2].serverGroups[0] (\"db\"); a server belongs to at most one application.");
        broken("a server in two groups of one application",
               [](api::Json &json) { json["applications"][0]["serverGroups"][1]["serverIds"].push_back("s-10000000"); },
               "server s-10000000 is in both applications[0].serverGroups[0] (\"web\") and "
               "applications[0].serverGroups[1] (\"db\"); a server is in one server group at most.");
        broken("a server's settings twice",
               [](api::Json &json) {
                   json["serverSettings"] = {{{"serverId", "s-1"}, {"launch", {{"vpc", "vpc-1"}}}},
                                             {{"serverId", "s-2"}},
                                             {{"serverId", "s-1"}, {"replication", {{"runOnce", true}}}}};
               },
               "The plan breaks the plan's rules: server s-1 has settings twice, serverSettings[0] and "
               "serverSettings[2]; a server has one set of its own settings.");
        broken("a server twice in one group",
               [](api::Json &json) { json["applications"][1]["serverGroups"][0]["serverIds"].push_back("s-10000003"); },
               "server s-10000003 is listed twice in applications[1].serverGroups[0] (\"all\").");
    }

    void badFile()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QFETCH(QString, code);

        const auto decoded = decodePlan(text(bytes));
        QVERIFY2(!decoded.ok(), "a bad plan was accepted");  // and so nothing of it came back
        const QString message = QString::fromStdString(decoded.error().message);
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.startsWith(QStringLiteral("The plan ")), qPrintable(message));
        QCOMPARE(QString::fromStdString(decoded.error().code), code);

        // From a file, the message names the file instead.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.smsplan"));
        QVERIFY(writeBytes(path, bytes));
        const auto read = readPlanFile(path);
        QVERIFY(!read.ok());
        const QString fileMessage = QString::fromStdString(read.error().message);
        QVERIFY2(fileMessage.startsWith(QStringLiteral("The file \"%1\" ").arg(path)), qPrintable(fileMessage));
        QVERIFY2(fileMessage.contains(QString(expected).replace(QStringLiteral("The plan "), QString())),
                 qPrintable(fileMessage));
        // Open checks first, with the very same verdict.
        const auto checked = checkPlanFile(path);
        QVERIFY(!checked.ok());
        QCOMPARE(QString::fromStdString(checked.error().message), fileMessage);
        QCOMPARE(checked.error().code, read.error().code);
    }

    // The plan decoder reads catalog entries straight from its document; it
    // must read them exactly as the API codec reads a GetServers or
    // GetConnectors answer, which is where they come from.
    void catalogEntriesReadAsTheApiReadsThem_data()
    {
        QTest::addColumn<QByteArray>("servers");
        QTest::addColumn<QByteArray>("connectors");
        const auto sample = [](const char *name, const char *list) {
            QFile file(QStringLiteral(SMS_TEST_DATA "/api/samples/%1.json").arg(QLatin1String(name)));
            if (!file.open(QIODevice::ReadOnly))
                return QByteArray();
            return QByteArray::fromStdString(api::Json::parse(file.readAll().toStdString()).at(list).dump(1));
        };
        QTest::addRow("the API round-trip samples") << sample("GetServersResponse", "serverList")
                                                    << sample("GetConnectorsResponse", "connectorList");
        QTest::addRow("nulls, unknown members, empty entries")
            << QByteArray(R"([{"serverId": "s-1", "serverType": null, "vmServer": {"vmName": null, "future": [1, {}]}},
                              {}, {"replicationJobTerminated": false, "extra": {"a": null}}])")
            << QByteArray(R"([{"capabilityList": [], "associatedOn": 0.001, "status": null}, {"associatedOn": -5}])");
        QTest::addRow("escapes and non-ASCII")
            // Not a raw string: moc loses its way in one that holds \".
            << QByteArray("[{\"serverId\": \"s-\\u00e9\\ud83d\\ude80\", "
                          "\"vmServer\": {\"vmPath\": \"/a\\\\b\\\"c\\n\\u0001\"}}]")
            << QByteArray("[]");
    }

    void catalogEntriesReadAsTheApiReadsThem()
    {
        QFETCH(QByteArray, servers);
        QFETCH(QByteArray, connectors);
        QVERIFY(!servers.isEmpty() && !connectors.isEmpty());
        const QByteArray plan = "{\"formatVersion\": 1, \"kind\": \"sms-migration-plan\", \"catalog\": {\"servers\": "
            + servers + ", \"connectors\": " + connectors + "}}";
        const auto decoded = decodePlan(text(plan));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        const auto serverPage = api::parse<api::GetServersResponse>(text("{\"serverList\": " + servers + "}"));
        const auto connectorPage
            = api::parse<api::GetConnectorsResponse>(text("{\"connectorList\": " + connectors + "}"));
        QVERIFY(serverPage.ok() && connectorPage.ok());
        QVERIFY(decoded->catalog.servers == serverPage->serverList.value());
        QVERIFY(decoded->catalog.connectors == connectorPage->connectorList.value());
    }

    void missingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("nowhere.smsplan"));
        const auto read = readPlanFile(path);
        QVERIFY(!read.ok());
        const QString message = QString::fromStdString(read.error().message);
        QVERIFY2(message.contains(path) && message.contains(QStringLiteral("No such file")), qPrintable(message));
    }

    void failedSaveKeepsTheOldFile_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addRow("folder missing") << QStringLiteral("folder");
        QTest::addRow("disk full (file size limit)") << QStringLiteral("limit");
    }

    void failedSaveKeepsTheOldFile()
    {
        QFETCH(QString, how);
        QTemporaryDir dir;
        QString path = dir.filePath(QStringLiteral("kept.smsplan"));
        QVERIFY(writePlanFile(path, richPlan()).ok());
        const QByteArray previous = readBytes(path);
        const PlanData bigger = richPlan(2000);

        Result<void> saved;
        QString reason;
        if (how == QLatin1String("folder")) {
            path = dir.filePath(QStringLiteral("gone/kept.smsplan"));
            saved = writePlanFile(path, bigger);
            reason = QStringLiteral("No such file or directory");
        } else {
#ifdef Q_OS_UNIX
            // A file size limit makes the write fail the way a full disk does, even for root.
            rlimit old{};
            QVERIFY(getrlimit(RLIMIT_FSIZE, &old) == 0);
            const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
            rlimit limited = old;
            limited.rlim_cur = 64 * 1024;
            QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
            saved = writePlanFile(path, bigger);
            setrlimit(RLIMIT_FSIZE, &old);
            std::signal(SIGXFSZ, oldHandler);
            reason = QStringLiteral("File too large");
#else
            QSKIP("needs RLIMIT_FSIZE");
#endif
        }
        QVERIFY(!saved.ok());
        const QString message = QString::fromStdString(saved.error().message);
        QVERIFY2(message.startsWith(QStringLiteral("Could not save the plan to \"%1\": ").arg(path)),
                 qPrintable(message));
        QVERIFY2(message.contains(reason), qPrintable(message));
        QCOMPARE(readBytes(dir.filePath(QStringLiteral("kept.smsplan"))), previous);
        // No half-written temporary file is left beside it.
        const QStringList left = QDir(dir.path()).entryList(QDir::Files);
        QCOMPARE(left, QStringList{QStringLiteral("kept.smsplan")});
    }

    void noCredentialsWritten_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<QString>("stored");
        QTest::addRow("access key and secret")
            << QStringLiteral("https://AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI%2FK7MDENG%2FbPxRfiCYEXAMPLEKEY"
                              "@sms.eu-west-1.amazonaws.com/")
            << QStringLiteral("https://sms.eu-west-1.amazonaws.com/");
        QTest::addRow("user only, port") << QStringLiteral("http://AKIAIOSFODNN7EXAMPLE@127.0.0.1:8080")
                                         << QStringLiteral("http://127.0.0.1:8080");
        QTest::addRow("@ in the secret") << QStringLiteral("https://AKIAIOSFODNN7EXAMPLE:se@cret@host.example/sms/")
                                         << QStringLiteral("https://host.example/sms/");
        QTest::addRow("no scheme") << QStringLiteral("AKIAIOSFODNN7EXAMPLE:secret@host.example")
                                   << QStringLiteral("host.example");
        QTest::addRow("token in the query")
            << QStringLiteral("https://host.example/?X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLE#frag")
            << QStringLiteral("https://host.example/");
        QTest::addRow("@ in the path stays") << QStringLiteral("https://host.example/a@b")
                                             << QStringLiteral("https://host.example/a@b");
        QTest::addRow("plain") << QStringLiteral("https://sms.us-east-1.amazonaws.com")
                               << QStringLiteral("https://sms.us-east-1.amazonaws.com");
    }

    void noCredentialsWritten()
    {
        QFETCH(QString, endpoint);
        QFETCH(QString, stored);
        QCOMPARE(QString::fromStdString(endpointWithoutCredentials(endpoint.toStdString())), stored);

        PlanData plan = richPlan();
        plan.catalog.source.endpoint = endpoint.toStdString();
        const std::string encoded = encodePlan(plan);
        for (const char *secret : {"AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI", "secret", "cret@", "IQoJb3JpZ2lu"})
            QVERIFY2(encoded.find(secret) == std::string::npos, secret);
        const auto decoded = decodePlan(encoded);
        QVERIFY(decoded.ok());
        QCOMPARE(QString::fromStdString(decoded->catalog.source.endpoint), stored);
    }

    void invalidUtf8IsRepairedNotRefused()
    {
        // Text from a CSV in another encoding must not make a plan unreadable.
        PlanData plan = richPlan();
        plan.applications[0].name = "Z\xfcrich";  // Latin-1
        plan.catalog.servers[0].vmServer->vmName = "web-\xc3";  // cut in the middle of a character
        const auto decoded = decodePlan(encodePlan(plan));
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QVERIFY(decoded->applications[0].name == "Z\xef\xbf\xbdrich");
        QVERIFY(decoded->catalog.servers[0].vmServer->vmName == "web-\xef\xbf\xbd");
    }
};

QTEST_GUILESS_MAIN(TestPlanFile)
#include "tst_planfile.moc"
