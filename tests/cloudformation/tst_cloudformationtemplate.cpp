// The CloudFormation template of GenerateTemplate and GenerateChangeSet: the
// instances and their properties, launch order, logical ids, outputs, the
// errors, and YAML that reads back as the same tree as the JSON.

#include "cloudformation/CloudFormationTemplate.h"
#include "tests/support/YamlJson.h"

#include <QRegularExpression>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <set>

using namespace sms;
using namespace sms::cloudformation;
using namespace sms::testing;
using api::Json;

namespace {

api::Server makeServer(const std::string &id, const std::string &vmName = {})
{
    api::Server server;
    server.serverId = id;
    if (!vmName.empty()) {
        server.vmServer.emplace();
        server.vmServer->vmName = vmName;
    }
    return server;
}

struct Group
{
    int launchOrder = 0;  // 0: not set
    std::vector<api::Server> servers;
};

// An app whose launch configuration has these groups, every server with an AMI
// named after it ("ami-" + server id).
TemplateInput appWith(const std::vector<Group> &groups)
{
    TemplateInput input;
    input.app.appId = "app-0123456789abcdef0";
    input.app.name = "Payroll";
    input.launch.serverGroupLaunchConfigurations.emplace();
    for (const Group &group : groups) {
        api::ServerGroupLaunchConfiguration launchGroup;
        launchGroup.serverGroupId = "sg-" + std::to_string(input.launch.serverGroupLaunchConfigurations->size() + 1);
        if (group.launchOrder)
            launchGroup.launchOrder = group.launchOrder;
        launchGroup.serverLaunchConfigurations.emplace();
        for (const api::Server &server : group.servers) {
            api::ServerLaunchConfiguration config;
            config.server = server;
            launchGroup.serverLaunchConfigurations->push_back(config);
            input.amiByServerId[*server.serverId] = "ami-" + *server.serverId;
        }
        input.launch.serverGroupLaunchConfigurations->push_back(launchGroup);
    }
    return input;
}

api::ServerLaunchConfiguration &configOf(TemplateInput &input, std::size_t group, std::size_t server)
{
    return input.launch.serverGroupLaunchConfigurations->at(group).serverLaunchConfigurations->at(server);
}

Json generated(const TemplateInput &input)
{
    const auto tmpl = cloudFormationTemplate(input);
    if (!tmpl)
        qWarning("%s", tmpl.error().describe().c_str());
    return tmpl ? tmpl.value() : Json();
}

Json propertiesOf(const Json &tmpl, const std::string &logicalId)
{
    return tmpl.at("Resources").at(logicalId).at("Properties");
}

std::set<std::string> keysOf(const Json &object)
{
    std::set<std::string> keys;
    for (auto it = object.begin(); it != object.end(); ++it)
        keys.insert(it.key());
    return keys;
}

} // namespace

class TestCloudFormationTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void describesTheApp()
    {
        TemplateInput input = appWith({{1, {makeServer("s-1", "web-01")}}});
        input.app.description = "Monthly payroll run";
        const Json tmpl = generated(input);
        QVERIFY(tmpl.at("AWSTemplateFormatVersion") == "2010-09-09");
        QVERIFY(tmpl.at("Description")
                == "Launches the servers of SMS application \"Payroll\" (app-0123456789abcdef0): Monthly payroll run");
        QVERIFY(keysOf(tmpl) == std::set<std::string>({"AWSTemplateFormatVersion", "Description", "Outputs", "Resources"}));

        // CloudFormation takes at most 1024 bytes; the cut does not split the
        // two-byte character that would straddle it.
        const std::size_t prefix = tmpl.at("Description").get<std::string>().size() - input.app.description->size();
        input.app.description = std::string(1023 - prefix, 'x') + "\xc3\xa9";
        const std::string cut = generated(input).at("Description").get<std::string>();
        QCOMPARE(cut.size(), size_t(1023));
        QCOMPARE(cut.back(), 'x');
    }

    void mapsTheLaunchConfigurationToInstanceProperties()
    {
        TemplateInput input = appWith({{1, {makeServer("s-1", "web-01"), makeServer("s-2", "db-01")}}});
        api::ServerLaunchConfiguration &web = configOf(input, 0, 0);
        web.instanceType = "m5.large";
        web.ec2KeyName = "ops";
        web.iamInstanceProfileName = "web-profile";
        web.subnet = "subnet-0a1b";
        web.securityGroup = "sg-0c2d";
        web.vpc = "vpc-0e3f";  // an instance has no VPC property: its subnet implies it
        input.tags = {{"CostCenter", "42"}, {"Name", "replaced by the VM name"}, {"aws:reserved", "dropped"}};

        const Json tmpl = generated(input);
        QCOMPARE(tmpl.at("Resources").size(), size_t(2));
        QVERIFY(tmpl.at("Resources").at("Web01").at("Type") == "AWS::EC2::Instance");
        const Json expectedWeb = {{"ImageId", "ami-s-1"},
                                  {"InstanceType", "m5.large"},
                                  {"KeyName", "ops"},
                                  {"IamInstanceProfile", "web-profile"},
                                  {"SubnetId", "subnet-0a1b"},
                                  {"SecurityGroupIds", Json::array({"sg-0c2d"})},
                                  {"Tags", {{{"Key", "CostCenter"}, {"Value", "42"}}, {{"Key", "Name"}, {"Value", "web-01"}}}}};
        QVERIFY2(propertiesOf(tmpl, "Web01") == expectedWeb, propertiesOf(tmpl, "Web01").dump().c_str());
        // Unset members are left out; the instance type has a default.
        const Json expectedDb = {{"ImageId", "ami-s-2"},
                                 {"InstanceType", "t3.medium"},
                                 {"Tags", {{{"Key", "CostCenter"}, {"Value", "42"}}, {{"Key", "Name"}, {"Value", "db-01"}}}}};
        QVERIFY2(propertiesOf(tmpl, "Db01") == expectedDb, propertiesOf(tmpl, "Db01").dump().c_str());
    }

    void publicIpMovesNetworkingOntoAnInterface_data()
    {
        QTest::addColumn<bool>("associate");
        QTest::addColumn<bool>("withNetwork");
        QTest::addRow("public, subnet and group") << true << true;
        QTest::addRow("not public, subnet and group") << false << true;
        QTest::addRow("public, default subnet") << true << false;
    }

    void publicIpMovesNetworkingOntoAnInterface()
    {
        QFETCH(bool, associate);
        QFETCH(bool, withNetwork);
        TemplateInput input = appWith({{1, {makeServer("s-1", "web")}}});
        configOf(input, 0, 0).associatePublicIpAddress = associate;
        Json expected = {{"DeviceIndex", "0"}, {"AssociatePublicIpAddress", associate}, {"DeleteOnTermination", true}};
        if (withNetwork) {
            configOf(input, 0, 0).subnet = "subnet-1";
            configOf(input, 0, 0).securityGroup = "sg-1";
            expected["SubnetId"] = "subnet-1";
            expected["GroupSet"] = Json::array({"sg-1"});
        }
        const Json properties = propertiesOf(generated(input), "Web");
        QVERIFY2(properties.at("NetworkInterfaces") == Json::array({expected}), properties.dump().c_str());
        QVERIFY(!properties.contains("SubnetId"));
        QVERIFY(!properties.contains("SecurityGroupIds"));
    }

    void userDataFetchesTheScriptFromS3()
    {
        TemplateInput input = appWith({{1, {makeServer("s-1", "web")}}});
        api::S3Location location;
        location.bucket = "boot-scripts";
        location.key = "web/it's setup.sh";
        configOf(input, 0, 0).userData.emplace().s3Location = location;
        const Json userData = propertiesOf(generated(input), "Web").at("UserData");
        QCOMPARE(userData.size(), size_t(1));
        const std::string script = userData.at("Fn::Base64").get<std::string>();
        QVERIFY(script.starts_with("#!/bin/bash\n"));
        QVERIFY2(script.find("\naws s3 cp 's3://boot-scripts/web/it'\\''s setup.sh' \"$script\"\n") != std::string::npos,
                 script.c_str());

        configOf(input, 0, 0).userData->s3Location->key.reset();
        const auto incomplete = cloudFormationTemplate(input);
        QVERIFY(!incomplete.ok());
        QVERIFY(incomplete.error().errorCode() == ErrorCode::InvalidParameterException);
        QVERIFY(incomplete.error().message.find("s-1") != std::string::npos);
    }

    void dependsOnFollowsLaunchOrder()
    {
        // Listed out of order, with a gap (1, 2, 5), two groups sharing order 2
        // and one group with no order at all.
        const Json tmpl = generated(appWith({{2, {makeServer("s-c", "c")}},
                                             {1, {makeServer("s-a", "a"), makeServer("s-b", "b")}},
                                             {5, {makeServer("s-d", "d")}},
                                             {0, {makeServer("s-e", "e")}},
                                             {2, {makeServer("s-f", "f")}}}));
        const Json &resources = tmpl.at("Resources");
        const std::map<std::string, Json> expected = {{"A", nullptr}, {"B", nullptr}, {"C", {"A", "B"}},
                                                      {"F", {"A", "B"}}, {"D", {"C", "F"}}, {"E", nullptr}};
        QCOMPARE(resources.size(), expected.size());
        for (const auto &[id, dependsOn] : expected)
            QVERIFY2(resources.at(id).value("DependsOn", Json()) == dependsOn, id.c_str());
    }

    void logicalIdsAreValidAndUnique_data()
    {
        QTest::addColumn<QStringList>("vmNames");
        QTest::addColumn<QStringList>("explicitIds");  // "" = not set
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("from the VM name") << QStringList{u"web-01.corp.local"_qs, u"db_primary"_qs}
                                          << QStringList{QString(), QString()}
                                          << QStringList{u"Web01CorpLocal"_qs, u"DbPrimary"_qs};
        QTest::addRow("explicit, sanitized") << QStringList{u"web"_qs} << QStringList{u"Front-End 1"_qs}
                                             << QStringList{u"FrontEnd1"_qs};
        QTest::addRow("duplicates numbered") << QStringList{u"app"_qs, u"app"_qs, u"App"_qs}
                                             << QStringList{QString(), QString(), QString()}
                                             << QStringList{u"App"_qs, u"App2"_qs, u"App3"_qs};
        QTest::addRow("explicit keeps its id") << QStringList{u"app"_qs, u"other"_qs}
                                               << QStringList{QString(), u"App"_qs}
                                               << QStringList{u"App2"_qs, u"App"_qs};
        QTest::addRow("server id as last resort") << QStringList{u"\u30b5\u30fc\u30d0"_qs, QString()}
                                                  << QStringList{QString(), u"---"_qs}
                                                  << QStringList{u"S1"_qs, u"S2"_qs};
        const QString longName(300, u'a');
        QTest::addRow("cut to 255") << QStringList{longName, longName} << QStringList{QString(), QString()}
                                    << QStringList{u'A' + QString(254, u'a'), u'A' + QString(253, u'a') + u'2'};
    }

    void logicalIdsAreValidAndUnique()
    {
        QFETCH(QStringList, vmNames);
        QFETCH(QStringList, explicitIds);
        QFETCH(QStringList, expected);
        Group group{1, {}};
        for (int i = 0; i < vmNames.size(); ++i)
            group.servers.push_back(makeServer("s-" + std::to_string(i + 1), vmNames[i].toStdString()));
        TemplateInput input = appWith({group});
        for (int i = 0; i < explicitIds.size(); ++i) {
            if (!explicitIds[i].isNull())
                configOf(input, 0, std::size_t(i)).logicalId = explicitIds[i].toStdString();
        }

        const Json tmpl = generated(input);
        const Json &resources = tmpl.at("Resources");
        QCOMPARE(resources.size(), std::size_t(expected.size()));
        for (int i = 0; i < expected.size(); ++i) {
            const std::string id = expected[i].toStdString();
            QVERIFY2(resources.contains(id), resources.dump().c_str());
            QVERIFY(resources.at(id).at("Properties").at("ImageId") == "ami-s-" + std::to_string(i + 1));
        }
        // Resources and outputs share one namespace of [A-Za-z0-9]{1,255}.
        const QRegularExpression valid(u"^[A-Za-z0-9]{1,255}$"_qs);
        std::set<std::string> all;
        for (const Json *section : {&resources, &tmpl.at("Outputs")}) {
            for (const std::string &id : keysOf(*section)) {
                QVERIFY2(valid.match(QString::fromStdString(id)).hasMatch(), id.c_str());
                QVERIFY2(all.insert(id).second, id.c_str());
            }
        }
    }

    void outputsGiveEachInstanceIdAndPrivateIp()
    {
        TemplateInput input = appWith({{1, {makeServer("s-1", "web"), makeServer("s-2", "db")}}});
        configOf(input, 0, 1).logicalId = "WebInstanceId";  // would be Web's output
        const Json tmpl = generated(input);
        const Json &outputs = tmpl.at("Outputs");
        QVERIFY2(keysOf(outputs)
                     == std::set<std::string>({"WebInstanceId2", "WebPrivateIp", "WebInstanceIdInstanceId",
                                               "WebInstanceIdPrivateIp"}),
                 outputs.dump().c_str());
        QVERIFY(outputs.at("WebInstanceId2").at("Value") == Json({{"Ref", "Web"}}));
        QVERIFY(outputs.at("WebPrivateIp").at("Value") == Json({{"Fn::GetAtt", {"Web", "PrivateIp"}}}));
        QVERIFY(outputs.at("WebInstanceIdPrivateIp").at("Value")
                == Json({{"Fn::GetAtt", {"WebInstanceId", "PrivateIp"}}}));
        QVERIFY(outputs.at("WebPrivateIp").at("Description") == "Private IP address of web");
    }

    void missingAmiNamesTheServer()
    {
        TemplateInput input = appWith({{1, {makeServer("s-1", "web"), makeServer("s-2", "db")}}});
        input.amiByServerId.erase("s-2");
        const auto tmpl = cloudFormationTemplate(input);
        QVERIFY(!tmpl.ok());
        QVERIFY(tmpl.error().errorCode() == ErrorCode::InvalidParameterException);
        QCOMPARE(tmpl.error().httpStatus, 400);
        QVERIFY2(tmpl.error().message.find("Server s-2 (db)") != std::string::npos, tmpl.error().message.c_str());
    }

    void unknownAmiBecomesAParameterWhenAllowed()
    {
        TemplateInput input = appWith({{1, {makeServer("s-1", "web"), makeServer("s-2", "db")}}});
        const Json known = generated(input);
        QVERIFY(!known.contains("Parameters"));  // every AMI known: sms-local's template, unchanged

        input.amiByServerId.erase("s-2");
        input.amiParameters = true;
        const Json tmpl = generated(input);
        QVERIFY(propertiesOf(tmpl, "Web").at("ImageId") == Json("ami-s-1"));
        QVERIFY(propertiesOf(tmpl, "Db").at("ImageId") == Json({{"Ref", "DbImageId"}}));
        QVERIFY(keysOf(tmpl.at("Parameters")) == std::set<std::string>{"DbImageId"});
        QVERIFY(tmpl.at("Parameters").at("DbImageId").at("Type") == Json("AWS::EC2::Image::Id"));
        QVERIFY(tmpl.at("Parameters").at("DbImageId").at("Description").get<std::string>().find("s-2 (db)")
                != std::string::npos);
        // The parameter's logical id is taken: no resource or output reuses it.
        QVERIFY(!tmpl.at("Outputs").contains("DbImageId"));
    }

    void rejectsAppsCloudFormationCannotHold()
    {
        const auto empty = cloudFormationTemplate(appWith({}));
        QVERIFY(!empty.ok());
        QVERIFY(empty.error().message.find("no servers") != std::string::npos);

        Group group{1, {}};
        for (std::size_t i = 0; i < kMaxTemplateInstances; ++i)
            group.servers.push_back(makeServer("s-" + std::to_string(i)));
        const Json full = generated(appWith({group}));
        QCOMPARE(full.at("Outputs").size(), kMaxTemplateOutputs);

        group.servers.push_back(makeServer("s-last"));
        const auto tooMany = cloudFormationTemplate(appWith({group}));
        QVERIFY(!tooMany.ok());
        QVERIFY(tooMany.error().errorCode() == ErrorCode::InvalidParameterException);
        QVERIFY(tooMany.error().message.find("101 servers") != std::string::npos);
    }

    void completesTheLaunchConfigurationFromTheApp()
    {
        // The launch configuration names s-1 by id only and leaves s-2 out;
        // the app's server group knows both VM names.
        TemplateInput input = appWith({{1, {makeServer("s-0", "first")}}, {2, {makeServer("s-1")}}});
        api::ServerGroup group;
        group.serverGroupId = "sg-2";
        group.serverList = {makeServer("s-1", "web"), makeServer("s-2", "db")};
        input.serverGroups = {group};
        input.amiByServerId["s-2"] = "ami-s-2";

        const Json tmpl = generated(input);
        QVERIFY(keysOf(tmpl.at("Resources")) == std::set<std::string>({"First", "Web", "Db"}));
        QVERIFY(propertiesOf(tmpl, "Db").at("InstanceType") == kDefaultInstanceType);
        QVERIFY(propertiesOf(tmpl, "Web").at("Tags").back() == Json({{"Key", "Name"}, {"Value", "web"}}));
        // s-2 launches with its group, sg-2, at launch order 2.
        QVERIFY(tmpl.at("Resources").at("Db").at("DependsOn") == Json::array({"First"}));

        // With no launch configuration at all, every server launches with defaults.
        input.launch = {};
        const Json defaults = generated(input);
        QVERIFY(keysOf(defaults.at("Resources")) == std::set<std::string>({"Web", "Db"}));
        QVERIFY(!defaults.at("Resources").at("Web").contains("DependsOn"));
    }

    void yamlReadsBackAsTheJson()
    {
        TemplateInput input = appWith({{1, {makeServer("s-1", "web")}}, {2, {makeServer("s-2", "db")}}});
        input.app.description = "multi\nline: description";
        configOf(input, 0, 0).associatePublicIpAddress = true;
        configOf(input, 0, 0).userData.emplace().s3Location = api::S3Location{"bucket", "key"};
        // Strings YAML would read as something else, or that need quoting.
        for (const char *text : {"0", "1.5", "true", "No", "null", "~", "2010-09-09", "a: b", "#hash", "- dash", "",
                                 " padded ", "ends\n\n", "tab\there", "\xc3\xa9t\xc3\xa9", "[list]", "{map}", "'q'",
                                 "\"dq\"", "*alias", "&anchor", "!tag", "%percent", "@at", "|pipe", ">fold"})
            input.tags.push_back({std::string("k") + std::to_string(input.tags.size()), text});
        const Json tmpl = generated(input);
        QVERIFY(!tmpl.is_null());

        const std::string yaml = renderTemplate(tmpl, api::OutputFormat::Yaml);
        QVERIFY2(yaml.find("AWSTemplateFormatVersion: \"2010-09-09\"\n") != std::string::npos, yaml.c_str());
        QVERIFY2(yaml.find("\n          #!/bin/bash\n") != std::string::npos, yaml.c_str());  // a literal block
        const Json fromYamlText = fromYaml(YAML::Load(yaml));
        QVERIFY2(fromYamlText == tmpl, yaml.c_str());

        const std::string json = renderTemplate(tmpl, api::OutputFormat::Json);
        QVERIFY(json.starts_with("{\n  \"AWSTemplateFormatVersion\": \"2010-09-09\",\n"));
        const auto parsed = api::parseJson(json);
        QVERIFY(parsed.ok() && parsed.value() == tmpl);
        QVERIFY(renderTemplate(tmpl, api::OutputFormat::Unknown) == json);

        // The same input gives the same text.
        QVERIFY(renderTemplate(generated(input), api::OutputFormat::Yaml) == yaml);
    }
};

QTEST_APPLESS_MAIN(TestCloudFormationTemplate)
#include "tst_cloudformationtemplate.moc"
