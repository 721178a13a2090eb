// The offline CloudFormation preview: AMIs known and unknown, launch orders
// as DependsOn, the launch settings an apply would put, the builder's errors
// named after the application; then, on an in-process sms-local, an applied
// and replicated application's preview is the very template GenerateTemplate
// wrote into sms-local's bucket folder.

#include "services/TemplatePreview.h"

#include "ReplicationSandbox.h"
#include "tests/support/Strings.h"
#include "tests/support/YamlJson.h"

#include "sandbox/LocalBucket.h"
#include "services/EndpointLists.h"

#include <QFile>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <algorithm>

using namespace sms;
using namespace sms::services;
using namespace sms::testing;
using api::Json;

namespace {

api::Server catalogServer(const std::string &id, const std::string &vmName)
{
    api::Server server;
    server.serverId = id;
    server.vmServer.emplace();
    server.vmServer->vmName = vmName;
    return server;
}

// "Payroll": a web group (s-1) and a db group (s-2), with these launch orders (0: unset).
models::PlanData payroll(int webOrder, int dbOrder)
{
    models::PlanData plan;
    plan.catalog.servers = {catalogServer("s-1", "web-01"), catalogServer("s-2", "db-01")};
    models::PlanApplication &app = plan.applications.emplace_back();
    app.key = 1;
    app.name = "Payroll";
    models::PlanKey key = 1;
    for (const auto &[name, serverId, order] : {std::tuple{"web", "s-1", webOrder}, std::tuple{"db", "s-2", dbOrder}}) {
        models::PlanServerGroup &group = app.serverGroups.emplace_back();
        group.key = ++key;
        group.name = name;
        group.serverIds = {serverId};
        if (order)
            group.launchOrder = order;
    }
    return plan;
}

void addJob(models::PlanData &plan, const std::string &serverId, const std::string &amiId)
{
    plan.catalog.replicationJobs.push_back(
        {"sms-job-" + serverId, serverId, api::ReplicationJobState::Active, std::string(), amiId});
}

Json preview(const models::PlanData &plan)
{
    const auto tmpl = previewTemplate(plan, plan.applications.front());
    if (!tmpl)
        qWarning("%s", tmpl.error().describe().c_str());
    return tmpl ? tmpl.value() : Json();
}

QStringList keysOf(const Json &object)
{
    QStringList keys;
    if (object.is_object())
        for (auto it = object.begin(); it != object.end(); ++it)
            keys << QString::fromStdString(it.key());
    return keys;
}

QStringList dependsOn(const Json &tmpl, const std::string &logicalId)
{
    QStringList ids;
    for (const Json &id : tmpl.at("Resources").at(logicalId).value("DependsOn", Json::array()))
        ids << QString::fromStdString(id.get<std::string>());
    return ids;
}

// The document at an S3 location in sms-local's bucket folder, as a tree.
Json bucketDocument(services::SandboxHost &host, const api::S3Location &location, bool yaml)
{
    QFile file(host.engine().bucket().pathOf(location));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("no template at %s", qPrintable(file.fileName()));
    const std::string text = file.readAll().toStdString();
    return yaml ? fromYaml(YAML::Load(text)) : Json::parse(text);
}

} // namespace

class TestTemplatePreview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void amisAndLaunchOrders_data()
    {
        QTest::addColumn<QStringList>("amisKnown");  // servers whose job has an AMI
        QTest::addColumn<int>("webOrder");
        QTest::addColumn<int>("dbOrder");
        QTest::addColumn<QStringList>("parameters");
        QTest::addColumn<QStringList>("webDependsOn");

        QTest::addRow("every AMI known, db first") << strings({"s-1", "s-2"}) << 2 << 1 << QStringList{}
                                                   << strings({"Db01"});
        QTest::addRow("no AMI known") << QStringList{} << 2 << 1 << strings({"Db01ImageId", "Web01ImageId"})
                                      << strings({"Db01"});
        QTest::addRow("one AMI unknown, no orders") << strings({"s-1"}) << 0 << 0 << strings({"Db01ImageId"})
                                                    << QStringList{};
        QTest::addRow("same order launches together") << strings({"s-1", "s-2"}) << 1 << 1 << QStringList{}
                                                       << QStringList{};
        QTest::addRow("web first") << strings({"s-1", "s-2"}) << 1 << 2 << QStringList{} << QStringList{};
    }

    void amisAndLaunchOrders()
    {
        QFETCH(QStringList, amisKnown);
        QFETCH(int, webOrder);
        QFETCH(int, dbOrder);
        QFETCH(QStringList, parameters);
        QFETCH(QStringList, webDependsOn);

        models::PlanData plan = payroll(webOrder, dbOrder);
        for (const QString &serverId : amisKnown)
            addJob(plan, serverId.toStdString(), "ami-" + serverId.toStdString());
        addJob(plan, "s-9", "ami-of-a-server-elsewhere");  // not the application's: ignored
        const Json tmpl = preview(plan);
        QVERIFY(tmpl.is_object());

        QCOMPARE(keysOf(tmpl.value("Parameters", Json::object())), parameters);
        for (const QString &parameter : parameters)
            QVERIFY(tmpl.at("Parameters").at(parameter.toStdString()).at("Type") == Json("AWS::EC2::Image::Id"));
        for (const auto &[logicalId, serverId] : {std::pair{"Web01", "s-1"}, std::pair{"Db01", "s-2"}}) {
            const Json imageId = tmpl.at("Resources").at(logicalId).at("Properties").at("ImageId");
            const Json expected = amisKnown.contains(QLatin1String(serverId))
                ? Json(std::string("ami-") + serverId)
                : Json{{"Ref", std::string(logicalId) + "ImageId"}};
            QVERIFY(imageId == expected);
        }
        QCOMPARE(dependsOn(tmpl, "Web01"), webDependsOn);
        QCOMPARE(dependsOn(tmpl, "Db01"), webOrder && webOrder < dbOrder ? strings({"Web01"}) : QStringList{});
    }

    void launchSettingsAreWhatAnApplyPuts_data()
    {
        QTest::addColumn<bool>("settings");  // the application and one server have launch settings
        QTest::addColumn<QString>("webType");
        QTest::addColumn<QString>("dbType");
        QTest::addColumn<QString>("dbKey");

        QTest::addRow("the plan's settings") << true << "m5.large" << "r5.xlarge" << "ops-key";
        QTest::addRow("none: SMS's defaults") << false << "t3.medium" << "t3.medium" << "";
    }

    void launchSettingsAreWhatAnApplyPuts()
    {
        QFETCH(bool, settings);
        QFETCH(QString, webType);
        QFETCH(QString, dbType);
        QFETCH(QString, dbKey);

        models::PlanData plan = payroll(0, 0);
        models::PlanApplication &app = plan.applications.front();
        app.tags = {api::Tag{"env", "prod"}};
        if (settings) {
            app.settings.launch = api::ServerLaunchConfiguration{};
            app.settings.launch->instanceType = "m5.large";
            app.settings.launch->ec2KeyName = "ops-key";
            models::PlanServerSettings &own = plan.serverSettings.emplace_back();
            own.serverId = "s-2";
            own.launch = api::ServerLaunchConfiguration{};
            own.launch->instanceType = "r5.xlarge";
        }
        const Json tmpl = preview(plan);
        const Json &web = tmpl.at("Resources").at("Web01").at("Properties");
        const Json &db = tmpl.at("Resources").at("Db01").at("Properties");
        QVERIFY(web.at("InstanceType") == Json(webType.toStdString()));
        QVERIFY(db.at("InstanceType") == Json(dbType.toStdString()));
        QCOMPARE(QString::fromStdString(db.value("KeyName", std::string())), dbKey);
        const Json &tags = db.at("Tags");
        for (const Json &tag : {Json({{"Key", "env"}, {"Value", "prod"}}), Json({{"Key", "Name"}, {"Value", "db-01"}})})
            QVERIFY2(std::find(tags.begin(), tags.end(), tag) != tags.end(), tags.dump().c_str());
        QVERIFY(tmpl.at("Description").get<std::string>().find("\"Payroll\" (no id)") != std::string::npos);
    }

    void unbuildableTemplatesSayWhy_data()
    {
        QTest::addColumn<int>("groups");
        QTest::addColumn<int>("servers");  // per group
        QTest::addColumn<QString>("message");

        QTest::addRow("no groups") << 0 << 0 << "“Payroll”: App (no id) has no servers to launch.";
        QTest::addRow("empty groups") << 2 << 0 << "“Payroll”: App (no id) has no servers to launch.";
        QTest::addRow("too many") << 2 << 51
                                  << "“Payroll”: App (no id) has 102 servers; a CloudFormation template launches at "
                                     "most 100 (200 outputs).";
    }

    void unbuildableTemplatesSayWhy()
    {
        QFETCH(int, groups);
        QFETCH(int, servers);
        QFETCH(QString, message);

        models::PlanData plan;
        models::PlanApplication &app = plan.applications.emplace_back();
        app.key = 1;
        app.name = "Payroll";
        for (int g = 0; g < groups; ++g) {
            models::PlanServerGroup &group = app.serverGroups.emplace_back();
            group.key = models::PlanKey(g + 2);
            for (int s = 0; s < servers; ++s)
                group.serverIds.push_back("s-" + std::to_string(g) + "-" + std::to_string(s));
        }
        const auto tmpl = previewTemplate(plan, app);
        QVERIFY(!tmpl.ok());
        QVERIFY(tmpl.error().errorCode() == ErrorCode::InvalidParameterException);
        QCOMPARE(QString::fromStdString(tmpl.error().message), message);
    }

    void equalsWhatSmsLocalGenerates_data()
    {
        QTest::addColumn<bool>("yaml");
        QTest::addRow("json") << false;
        QTest::addRow("yaml") << true;
    }

    // Apply, replicate until every server has an AMI, refresh the jobs into
    // the plan: the preview is the template sms-local writes.
    void equalsWhatSmsLocalGenerates()
    {
        QFETCH(bool, yaml);

        ReplicationSandbox sandbox(services::SandboxOptions{.servers = 100, .demoApplications = false, .failureRate = 0});
        models::PlanData plan = planOf(sandbox.host, 1);
        const auto usable = sandbox.replicableServers(4);
        std::size_t next = 0;
        for (auto &group : plan.applications.front().serverGroups)
            for (std::string &id : group.serverIds)
                id = usable[next++];
        plan.serverSettings.front().serverId = usable[2];
        plan.applications.front().tags = {api::Tag{"env", "prod"}, api::Tag{"owner", std::nullopt}};
        plan.applications.front().description = "Monthly payroll";

        ApplyRun run = apply(*sandbox.client, plan);
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        const std::string appId = run.plan.applications.front().appId;
        const Json unreplicated = preview(run.plan);
        QCOMPARE(keysOf(unreplicated.at("Parameters")).size(), 4);  // no AMI yet: all four are parameters

        QVERIFY(sandbox.startReplication(appId).ok());
        sandbox.endRuns();
        const auto jobs = awaitResult<std::vector<models::ReplicationJobSummary>>(
            [&](QObject *context, auto done) { loadReplicationJobs(*sandbox.client, context, done); });
        QVERIFY(jobs.ok());
        run.plan.catalog.replicationJobs = jobs.value();

        api::GenerateTemplateRequest request;
        request.appId = appId;
        request.templateFormat = yaml ? api::OutputFormat::Yaml : api::OutputFormat::Json;
        const auto generated = callSms(*sandbox.client, &client::SmsClient::generateTemplate, request);
        QVERIFY2(generated.ok(), generated.ok() ? "" : generated.error().describe().c_str());
        const Json written = bucketDocument(sandbox.host, generated->s3Location.value(), yaml);

        const Json previewed = preview(run.plan);
        QVERIFY(!previewed.contains("Parameters"));
        QVERIFY2(previewed == written, (previewed.dump(1) + "\n---\n" + written.dump(1)).c_str());
        // The web servers wait for both db servers (launch orders 2 and 1).
        int waiting = 0;
        for (auto it = previewed.at("Resources").begin(); it != previewed.at("Resources").end(); ++it)
            waiting += it.value().contains("DependsOn") && it.value().at("DependsOn").size() == 2;
        QCOMPARE(waiting, 2);
    }
};

QTEST_GUILESS_MAIN(TestTemplatePreview)
#include "tst_templatepreview.moc"
