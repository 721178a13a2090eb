// The checks a plan gets before it is applied: one row per kind of issue on
// a minimal plan, plans that have none, and the order issues come in.

#include "models/PlanValidation.h"

#include "PlanFixtures.h"
#include "tests/support/Strings.h"

#include <QTest>

#include <algorithm>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;

Q_DECLARE_METATYPE(sms::models::PlanData)

namespace {

// "error unknown-server at <where>: <message>", so that a failure shows all of it.
QString text(const PlanIssue &issue)
{
    return QString::fromUtf8(severityName(issue.severity)) + QLatin1Char(' ') + QString::fromStdString(issue.code)
           + QStringLiteral(" at ") + QString::fromStdString(issue.where) + QStringLiteral(": ")
           + QString::fromStdString(issue.message);
}

QStringList texts(const std::vector<PlanIssue> &issues)
{
    QStringList list;
    for (const PlanIssue &issue : issues)
        list << text(issue);
    return list;
}

QStringList codes(const std::vector<PlanIssue> &issues)
{
    QStringList list;
    for (const PlanIssue &issue : issues)
        list << QString::fromStdString(issue.code);
    return list;
}

// A plan in the PlanFixtures notation over the catalog s1..s3 (VMs vm-s1..vm-s3), then edited.
template <typename Edit>
PlanData planWith(const char *notation, Edit edit)
{
    PlanData plan = planFrom(QString::fromUtf8(notation), servers(1, 3));
    edit(plan);
    return plan;
}

PlanData plan(const char *notation)
{
    return planWith(notation, [](PlanData &) {});
}

api::ServerReplicationParameters every(int hours)
{
    api::ServerReplicationParameters settings;
    settings.frequency = hours;
    return settings;
}

// Everything a launch needs.
api::ServerLaunchConfiguration launchable()
{
    api::ServerLaunchConfiguration settings;
    settings.instanceType = "m5.large";
    settings.subnet = "subnet-0123456789abcdef0";
    settings.securityGroup = "sg-0123456789abcdef0";
    return settings;
}

api::S3Location location(std::optional<std::string> bucket, std::optional<std::string> key)
{
    api::S3Location s3;
    s3.bucket = std::move(bucket);
    s3.key = std::move(key);
    return s3;
}

PlanServerSettings ownSettings(const std::string &serverId)
{
    PlanServerSettings settings;
    settings.serverId = serverId;
    return settings;
}

void addIssueRow(const char *name, const PlanData &data, const char *severity, const char *code, const char *where,
                 const char *message)
{
    QTest::addRow("%s", name) << data << QString::fromUtf8(severity) + QLatin1Char(' ') + QString::fromUtf8(code)
                                              + QStringLiteral(" at ") + QString::fromUtf8(where)
                                              + QStringLiteral(": ") + QString::fromUtf8(message);
}

// A row about s1, the only server of "Payroll".
void addServerRow(const char *name, const PlanData &data, const char *severity, const char *code, const char *message)
{
    addIssueRow(name, data, severity, code, "applications[0].serverGroups[0].serverIds[0] (\"s1\")", message);
}

// "Payroll{web:s1}" replicating every 12 hours, then edited.
template <typename Edit>
PlanData appReplication(Edit edit)
{
    return planWith("Payroll{web:s1}", [&](PlanData &p) {
        p.applications[0].settings.replication = every(12);
        edit(*p.applications[0].settings.replication);
    });
}

// "Payroll{web:s1}" with launch settings that need nothing more, then edited.
template <typename Edit>
PlanData appLaunch(Edit edit)
{
    return planWith("Payroll{web:s1}", [&](PlanData &p) {
        p.applications[0].settings.launch = launchable();
        edit(*p.applications[0].settings.launch);
    });
}

} // namespace

class TestPlanValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void oneIssue_data()
    {
        QTest::addColumn<PlanData>("plan");
        QTest::addColumn<QString>("expected");

        // --- applications and groups
        addIssueRow("missing-name of an application",
                    planWith("A{web:s1}", [](PlanData &p) { p.applications[0].name.clear(); }), "warning",
                    "missing-name", "applications[0]",
                    "Application at applications[0] has no name; give it one so that people can tell it apart.");
        addIssueRow("missing-name of a group", plan("Payroll{:s1}"), "warning", "missing-name",
                    "applications[0].serverGroups[0]",
                    "Server group at applications[0].serverGroups[0] has no name; give it one so that people can "
                    "tell it apart.");
        addIssueRow("duplicate-application-name", plan("Payroll{web:s1} | Payroll{db:s2}"), "warning",
                    "duplicate-application-name", "applications[1] (\"Payroll\")",
                    "Application \"Payroll\" has the same name as applications[0]; rename one of them, since a plan "
                    "matched by name cannot tell them apart.");
        addIssueRow("empty-application", plan("Payroll{}"), "warning", "empty-application",
                    "applications[0] (\"Payroll\")",
                    "Application \"Payroll\" has no servers, so SMS has nothing to replicate or launch; add servers "
                    "to it or remove it.");
        addIssueRow("empty-group", plan("Payroll{web:s1;db:}"), "warning", "empty-group",
                    "applications[0].serverGroups[1] (\"db\")",
                    "Server group \"db\" of application \"Payroll\" has no servers; add servers to it or remove it.");
        addIssueRow("duplicate-group-name", plan("Payroll{web:s1;web:s2}"), "warning", "duplicate-group-name",
                    "applications[0].serverGroups[1] (\"web\")",
                    "Server group \"web\" of application \"Payroll\" has the same name as "
                    "applications[0].serverGroups[0]; rename one of them.");
        addIssueRow("partial-launch-order",
                    planWith("Payroll{web:s1;db:s2}",
                             [](PlanData &p) { p.applications[0].serverGroups[0].launchOrder = 1; }),
                    "warning", "partial-launch-order", "applications[0].serverGroups[1] (\"db\")",
                    "Server group \"db\" of application \"Payroll\" has no launch order while other groups of its "
                    "application have one, so it launches in no particular order against them; give it a launch "
                    "order.");

        // --- servers and the catalog
        addIssueRow("unknown-server", plan("Payroll{web:s1,s9}"), "error", "unknown-server",
                    "applications[0].serverGroups[0].serverIds[1] (\"s9\")",
                    "Server s9 is not in the plan's catalog, so apply cannot find it; refresh the catalog or remove "
                    "the server from its group.");
        addServerRow("replication-job-terminated", planWith("Payroll{web:s1}", [](PlanData &p) {
                         p.catalog.servers[0].replicationJobId = "sms-job-0123456789abcdef0";
                         p.catalog.servers[0].replicationJobTerminated = true;
                     }),
                     "warning", "replication-job-terminated",
                     "Server s1 (vm-s1) had a replication job that was deleted or failed; replicating it again starts "
                     "over with a full seed replication, so check that this is meant.");
        addServerRow("server-already-replicating", planWith("Payroll{web:s1}", [](PlanData &p) {
                         p.catalog.servers[0].replicationJobId = "sms-job-0123456789abcdef0";
                     }),
                     "warning", "server-already-replicating",
                     "Server s1 (vm-s1) already has replication job sms-job-0123456789abcdef0, which the application "
                     "would adopt with its own settings; delete that job first if the plan's replication settings "
                     "should apply.");

        // --- replication settings, as each server will have them
        addServerRow("frequency-out-of-range from the application",
                     appReplication([](auto &r) { r.frequency = 48; }), "error", "frequency-out-of-range",
                     "Server s1 (vm-s1) would replicate every 48 hours; SMS takes 1 to 24 hours, so choose a "
                     "frequency in that range.");
        addIssueRow("frequency-out-of-range from the server's own", planWith("Payroll{web:s1,s2}", [](PlanData &p) {
                        p.applications[0].settings.replication = every(12);
                        p.serverSettings.push_back(ownSettings("s2"));
                        p.serverSettings[0].replication = every(0);
                    }),
                    "error", "frequency-out-of-range", "applications[0].serverGroups[0].serverIds[1] (\"s2\")",
                    "Server s2 (vm-s2) would replicate every 0 hours; SMS takes 1 to 24 hours, so choose a frequency "
                    "in that range.");
        addServerRow("frequency-ignored", appReplication([](auto &r) { r.runOnce = true; }), "warning",
                     "frequency-ignored",
                     "Server s1 (vm-s1) replicates once (runOnce), so its frequency of 12 hours is ignored; remove "
                     "the frequency or runOnce.");
        addServerRow("frequency-missing", appReplication([](auto &r) { r.frequency.reset(); r.encrypted = true; }),
                     "error", "frequency-missing",
                     "Server s1 (vm-s1) has replication settings but neither a frequency nor runOnce, which SMS "
                     "refuses; set a frequency or runOnce.");
        addServerRow("ami-count-out-of-range", appReplication([](auto &r) { r.numberOfRecentAmisToKeep = -1; }),
                     "warning", "ami-count-out-of-range",
                     "Server s1 (vm-s1) keeps -1 recent AMIs, which SMS treats as 0 (keep them all); set 0 or a "
                     "positive count.");
        addServerRow("kms-key-unused", appReplication([](auto &r) { r.kmsKeyId = "alias/sms"; r.encrypted = false; }),
                     "warning", "kms-key-unused",
                     "Server s1 (vm-s1) names KMS key alias/sms but its AMIs are not encrypted, so the key is not "
                     "used; turn on encryption or remove the key.");
        addServerRow("unknown-license-type",
                     appReplication([](auto &r) { r.licenseType = api::OpenEnum<api::LicenseType>::fromString("SPLA"); }),
                     "error", "unknown-license-type",
                     "Server s1 (vm-s1) has licenseType \"SPLA\", which SMS does not know; choose AWS or BYOL.");

        // --- launch settings
        addServerRow("launch-settings-missing a member", appLaunch([](auto &l) { l.securityGroup.reset(); }),
                     "warning", "launch-settings-missing",
                     "Server s1 (vm-s1) has no securityGroup in its launch settings, so it would launch with the "
                     "account's defaults; set them for the server or its application.");
        addServerRow("launch-settings-missing with autoLaunch",
                     planWith("Payroll{web:s1}", [](PlanData &p) { p.applications[0].settings.autoLaunch = true; }),
                     "warning", "launch-settings-missing",
                     "Server s1 (vm-s1) has no instanceType, subnet or securityGroup in its launch settings, so it "
                     "would launch with the account's defaults; set them for the server or its application.");
        addIssueRow("launch-settings-missing beside a server's own", planWith("Payroll{web:s1,s2}", [](PlanData &p) {
                        p.serverSettings.push_back(ownSettings("s1"));
                        p.serverSettings[0].launch = launchable();
                    }),
                    "warning", "launch-settings-missing", "applications[0].serverGroups[0].serverIds[1] (\"s2\")",
                    "Server s2 (vm-s2) has no instanceType, subnet or securityGroup in its launch settings, so it "
                    "would launch with the account's defaults; set them for the server or its application.");
        addServerRow("s3-location-incomplete",
                     appLaunch([](auto &l) { l.userData = api::UserData{location("scripts", std::nullopt)}; }),
                     "error", "s3-location-incomplete",
                     "Server s1 (vm-s1) has a userData that names no S3 key; give it both a bucket and a key.");
        addServerRow("s3-location-invalid", appLaunch([](auto &l) { l.configureScript = location("ab", "c.sh"); }),
                     "error", "s3-location-invalid",
                     "Server s1 (vm-s1) has a configureScript bucket of 2 characters, \"ab\"; SMS takes 3 to 63.");
        addServerRow("unknown-script-type",
                     appLaunch([](auto &l) { l.configureScriptType = api::OpenEnum<api::ScriptType>::fromString("PERL"); }),
                     "error", "unknown-script-type",
                     "Server s1 (vm-s1) has configureScriptType \"PERL\", which SMS does not know; choose "
                     "SHELL_SCRIPT or POWERSHELL_SCRIPT.");

        addServerRow("vpc-invalid", appLaunch([](auto &l) { l.vpc = "vpc-12345"; }), "warning", "vpc-invalid",
                     "Server s1 (vm-s1) launches in VPC \"vpc-12345\", which is not an id of the form vpc-0a1b2c3d "
                     "(vpc- and 8 or 17 hexadecimal digits), so the launch would fail; correct it.");
        addServerRow("subnet-invalid", appLaunch([](auto &l) { l.subnet = "subnet-0A1B2C3D"; }), "warning",
                     "subnet-invalid",
                     "Server s1 (vm-s1) launches in subnet \"subnet-0A1B2C3D\", which is not an id of the form "
                     "subnet-0a1b2c3d (subnet- and 8 or 17 hexadecimal digits), so the launch would fail; correct it.");
        addServerRow("security-group-invalid", appLaunch([](auto &l) { l.securityGroup = "web-sg"; }), "warning",
                     "security-group-invalid",
                     "Server s1 (vm-s1) launches in security group \"web-sg\", which is not an id of the form "
                     "sg-0a1b2c3d (sg- and 8 or 17 hexadecimal digits), so the launch would fail; correct it.");
        addServerRow("instance-type-invalid", appLaunch([](auto &l) { l.instanceType = "large"; }), "warning",
                     "instance-type-invalid",
                     "Server s1 (vm-s1) launches as instance type \"large\", which is not of the form family.size "
                     "(e.g. m5.large); correct it.");
        addServerRow("logical-id-invalid", appLaunch([](auto &l) { l.logicalId = "web-01"; }), "error",
                     "logical-id-invalid",
                     "Server s1 (vm-s1) has logical id \"web-01\", but CloudFormation takes letters and digits only; "
                     "remove the other characters.");
        addIssueRow("logical-id-duplicate", planWith("Payroll{web:s1;db:s2,s3}", [](PlanData &p) {
                        p.applications[0].settings.launch = launchable();
                        for (const char *id : {"s1", "s3"}) {
                            p.serverSettings.push_back(ownSettings(id));
                            p.serverSettings.back().launch = api::ServerLaunchConfiguration{};
                            p.serverSettings.back().launch->logicalId = "Web";
                        }
                    }),
                    "error", "logical-id-duplicate", "applications[0].serverGroups[1].serverIds[1] (\"s3\")",
                    "Server s3 (vm-s3) has logical id \"Web\", which server s1 of its application has too; SMS "
                    "refuses a launch configuration that repeats one, so give each server its own (Generate in the "
                    "settings editor does).");
        addServerRow("kms-key-invalid", appReplication([](auto &r) { r.encrypted = true; r.kmsKeyId = "my-key"; }),
                     "warning", "kms-key-invalid",
                     "Server s1 (vm-s1) names KMS key \"my-key\", which is no key id, alias or ARN, so its replication "
                     "runs would fail; give a key id (a UUID), alias/NAME or arn:aws:kms:REGION:ACCOUNT:key/ID.");

        addIssueRow("removed-settings-given on the application",
                    planWith("Payroll{web:s1}", [](PlanData &p) {
                        p.applications[0].settings.replication = every(12);
                        p.applications[0].settings.removeReplication = true;
                    }),
                    "error", "removed-settings-given", "applications[0] (\"Payroll\")",
                    "Application \"Payroll\" removes its replication settings at the endpoint (removeReplication), yet "
                    "the plan gives some: on the application. Drop removeReplication or those settings.");
        addIssueRow("removed-settings-given on groups and servers", planWith("Payroll{web:s1,s2}", [](PlanData &p) {
                        p.applications[0].settings.removeLaunch = true;
                        p.applications[0].serverGroups[0].launchOrder = 1;
                        p.serverSettings.push_back(ownSettings("s2"));
                        p.serverSettings[0].launch = launchable();
                    }),
                    "error", "removed-settings-given", "applications[0] (\"Payroll\")",
                    "Application \"Payroll\" removes its launch settings at the endpoint (removeLaunch), yet the plan "
                    "gives some: on its groups (launch order) and 1 of its servers. Drop removeLaunch or those settings.");

        // --- the launch graph (keys: Payroll 1, its groups 2, 3, 4 in order)
        addIssueRow("launch-cycle", planWith("Payroll{db:s1;app:s2;web:s3}", [](PlanData &p) {
                        auto &groups = p.applications[0].serverGroups;
                        groups[0].launchAfter = {4};
                        groups[1].launchAfter = {2};
                        groups[2].launchAfter = {3};
                    }),
                    "error", "launch-cycle", "applications[0] (\"Payroll\")",
                    "Application \"Payroll\" has launch dependencies that go round in a cycle (db → app → web → db), so "
                    "no group of it can launch first; remove one of them.");
        addIssueRow("launch-after-other-application", planWith("Payroll{web:s1} | Intranet{all:s2}", [](PlanData &p) {
                        p.applications[0].serverGroups[0].launchAfter = {4};
                        p.applications[0].serverGroups[0].launchOrder = 1;
                    }),
                    "error", "launch-after-other-application", "applications[0].serverGroups[0] (\"web\")",
                    "Server group \"web\" of application \"Payroll\" launches after server group \"all\" of "
                    "application \"Intranet\"; a group can only wait for groups of its own application. Remove 4 "
                    "from its launchAfter.");
        addIssueRow("launch-after-unknown", planWith("Payroll{web:s1}", [](PlanData &p) {
                        p.applications[0].serverGroups[0].launchAfter = {99};
                        p.applications[0].serverGroups[0].launchOrder = 1;
                    }),
                    "error", "launch-after-unknown", "applications[0].serverGroups[0] (\"web\")",
                    "Server group \"web\" of application \"Payroll\" launches after key 99, which is no server group "
                    "of the plan; remove it from its launchAfter.");
        addIssueRow("launch-order-disagrees", planWith("Payroll{db:s1;web:s2}", [](PlanData &p) {
                        auto &groups = p.applications[0].serverGroups;
                        groups[0].launchOrder = 1;
                        groups[1].launchOrder = 5;
                        groups[1].launchAfter = {2};
                    }),
                    "error", "launch-order-disagrees", "applications[0].serverGroups[1] (\"web\")",
                    "Server group \"web\" of application \"Payroll\" has launchOrder 5, but its launchAfter makes it "
                    "2; set it to 2 or remove it.");

        // --- the plan
        addIssueRow("unused-server-settings", planWith("Payroll{web:s1}", [](PlanData &p) {
                        p.serverSettings.push_back(ownSettings("s3"));
                        p.serverSettings[0].replication = every(12);
                    }),
                    "warning", "unused-server-settings", "serverSettings[0] (\"s3\")",
                    "Server s3 (vm-s3) has settings of its own but is in no application, so they have no effect; add "
                    "the server to a group or remove its settings.");
    }

    void oneIssue()
    {
        QFETCH(PlanData, plan);
        QFETCH(QString, expected);
        QCOMPARE(texts(validatePlan(plan)), QStringList{expected});
    }

    void noIssues_data()
    {
        QTest::addColumn<PlanData>("plan");

        QTest::addRow("empty plan") << PlanData{};
        QTest::addRow("groups and servers") << plan("Payroll{web:s1;db:s2} | Intranet{all:s3}");
        QTest::addRow("every group ordered, equal orders too") << planWith("Payroll{web:s1;db:s2}", [](PlanData &p) {
            p.applications[0].serverGroups[0].launchOrder = 1;
            p.applications[0].serverGroups[1].launchOrder = 1;
        });
        QTest::addRow("dependencies and the orders they make") << planWith("Payroll{db:s1;web:s2}", [](PlanData &p) {
            auto &groups = p.applications[0].serverGroups;
            groups[0].launchOrder = 1;
            groups[1].launchOrder = 2;
            groups[1].launchAfter = {2};
        });
        QTest::addRow("no catalog to resolve servers with")
            << planWith("Payroll{web:s1,s9}", [](PlanData &p) { p.catalog.servers.clear(); });
        QTest::addRow("server imported offline") << planWith("Payroll{web:offline-0123456789abcdef0}", [](PlanData &p) {
            p.catalog.servers.push_back(makeServer("offline-0123456789abcdef0"));
        });
        QTest::addRow("job of an application that exists") << planWith("Payroll{web:s1}", [](PlanData &p) {
            p.applications[0].appId = "app-0123456789abcdef0";
            p.catalog.servers[0].replicationJobId = "sms-job-0123456789abcdef0";
        });
        QTest::addRow("application's frequency overridden by every server") << planWith("Payroll{web:s1}", [](PlanData &p) {
            p.applications[0].settings.replication = every(48);
            p.serverSettings.push_back(ownSettings("s1"));
            p.serverSettings[0].replication = every(6);
        });
        QTest::addRow("a server's own runOnce over the application's frequency")
            << planWith("Payroll{web:s1}", [](PlanData &p) {
                   p.applications[0].settings.replication = every(12);
                   p.serverSettings.push_back(ownSettings("s1"));
                   p.serverSettings[0].replication = api::ServerReplicationParameters{};
                   p.serverSettings[0].replication->runOnce = true;
               });
        QTest::addRow("runOnce without a frequency") << planWith("Payroll{web:s1}", [](PlanData &p) {
            p.applications[0].settings.replication = api::ServerReplicationParameters{};
            p.applications[0].settings.replication->runOnce = true;
        });
        QTest::addRow("every setting in order") << planWith("Payroll{web:s1}", [](PlanData &p) {
            ApplicationSettings &settings = p.applications[0].settings;
            settings.replication = every(24);
            settings.replication->numberOfRecentAmisToKeep = 0;
            settings.replication->encrypted = true;
            settings.replication->kmsKeyId = "alias/sms";
            settings.replication->licenseType = api::LicenseType::Byol;
            settings.launch = launchable();
            settings.launch->userData = api::UserData{location("scripts", "user-data.sh")};
            settings.launch->configureScript = location("scripts", "configure.ps1");
            settings.launch->configureScriptType = api::ScriptType::PowershellScript;
            settings.launch->associatePublicIpAddress = true;
            settings.autoLaunch = true;
            settings.launchRoleName = "sms-launch";
        });
        QTest::addRow("settings removed, none given") << planWith("Payroll{web:s1}", [](PlanData &p) {
            p.applications[0].settings.removeReplication = true;
            p.applications[0].settings.removeLaunch = true;
        });
        QTest::addRow("a server's own settings complete the launch") << planWith("Payroll{web:s1}", [](PlanData &p) {
            p.applications[0].settings.launch = launchable();
            p.applications[0].settings.launch->subnet.reset();
            p.serverSettings.push_back(ownSettings("s1"));
            p.serverSettings[0].launch = api::ServerLaunchConfiguration{};
            p.serverSettings[0].launch->subnet = "subnet-0fedcba9876543210";
        });
        QTest::addRow("logical ids of their own, ids and keys in every form")
            << planWith("Payroll{web:s1;db:s2} | Intranet{all:s3}", [](PlanData &p) {
                   p.applications[0].settings.launch = launchable();
                   p.applications[0].settings.launch->vpc = "vpc-0a1b2c3d";
                   p.applications[0].settings.replication = every(12);
                   p.applications[0].settings.replication->encrypted = true;
                   p.applications[0].settings.replication->kmsKeyId
                       = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
                   // The same logical id in another application is no duplicate.
                   for (const char *id : {"s1", "s2", "s3"}) {
                       p.serverSettings.push_back(ownSettings(id));
                       p.serverSettings.back().launch = launchable();
                       p.serverSettings.back().launch->logicalId = std::string(id) == "s2" ? "Db01" : "Web01";
                   }
               });
    }

    void noIssues()
    {
        QFETCH(PlanData, plan);
        QCOMPARE(texts(validatePlan(plan)), QStringList{});
    }

    void issuesComeInPlanOrder()
    {
        const PlanData data = planWith("Payroll{web:s9;db:} | Payroll{}", [](PlanData &p) {
            p.serverSettings.push_back(ownSettings("s3"));
        });
        QCOMPARE(codes(validatePlan(data)),
                 strings({"unknown-server", "empty-group", "duplicate-application-name", "empty-application",
                          "unused-server-settings"}));
        // An application whose groups are all empty is reported before them.
        QCOMPARE(codes(validatePlan(plan("Payroll{web:}"))), strings({"empty-application", "empty-group"}));
    }

    // Keys of a plan from planFrom: "Payroll{web:s1;db:s9}" gives Payroll 1, web 2, db 3.
    void issuesNameTheirSubject_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<quint64>("application");
        QTest::addColumn<quint64>("group");
        QTest::addColumn<QString>("serverId");
        QTest::addRow("application") << "duplicate-application-name" << quint64(4) << quint64(0) << "";
        QTest::addRow("group") << "empty-group" << quint64(1) << quint64(3) << "";
        QTest::addRow("server") << "unknown-server" << quint64(1) << quint64(2) << "s9";
        QTest::addRow("settings of no server in a group") << "unused-server-settings" << quint64(0) << quint64(0) << "";
    }

    void issuesNameTheirSubject()
    {
        QFETCH(QString, code);
        QFETCH(quint64, application);
        QFETCH(quint64, group);
        QFETCH(QString, serverId);
        const PlanData data = planWith("Payroll{web:s1,s9;db:} | Payroll{x:s2}",
                                       [](PlanData &p) { p.serverSettings.push_back(ownSettings("s3")); });
        const auto issues = validatePlan(data);
        const auto it = std::find_if(issues.begin(), issues.end(),
                                     [&](const PlanIssue &issue) { return issue.code == code.toStdString(); });
        QVERIFY2(it != issues.end(), qPrintable(texts(issues).join(QLatin1Char('\n'))));
        QCOMPARE(it->subject.application, PlanKey(application));
        QCOMPARE(it->subject.group, PlanKey(group));
        QCOMPARE(QString::fromStdString(it->subject.serverId), serverId);
    }

    // The wizard's draft, checked as it would stand at the end of the plan.
    void addedApplication_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("notation");  // the draft's groups
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("a second Payroll")
            << "Payroll" << "{web:s2}"
            << strings({"warning duplicate-application-name at applications[2] (\"Payroll\"): Application"
                        " \"Payroll\" has the same name as applications[0]; rename one of them, since a plan"
                        " matched by name cannot tell them apart."});
        QTest::addRow("a new name") << "Billing" << "{web:s2}" << QStringList{};
        QTest::addRow("a server the plan's catalog lacks")
            << "Billing" << "{web:s9}"
            << strings({"error unknown-server at applications[2].serverGroups[0].serverIds[0] (\"s9\"): Server s9 is"
                        " not in the plan's catalog, so apply cannot find it; refresh the catalog or remove the server"
                        " from its group."});
    }

    void addedApplication()
    {
        QFETCH(QString, name);
        QFETCH(QString, notation);
        QFETCH(QStringList, expected);
        // The plan's own issues (Legacy is empty) are not the draft's.
        const PlanData data = plan("Payroll{web:s1} | Legacy{old:}");
        PlanApplication draft = planFrom(name + notation, servers(1, 3)).applications.front();
        QCOMPARE(texts(validateAddedApplication(data, draft)), expected);
    }

    // SMS's quotas per application, named in the message (sms-local enforces the same).
    void quotasAreNamed()
    {
        PlanData plan = planWith("Big{g:s1}", [](PlanData &p) {
            PlanApplication &app = p.applications[0];
            for (int g = 1; g <= 10; ++g) {
                PlanServerGroup &group = app.serverGroups.emplace_back();
                group.key = PlanKey(100 + g);
                group.name = "g" + std::to_string(g);
                for (int s = 0; s < 5; ++s)
                    group.serverIds.push_back("x-" + std::to_string(g) + "-" + std::to_string(s));
            }
            p.catalog.servers.clear();  // no catalog: no unknown servers either
        });
        const QStringList found = texts(validatePlan(plan));
        QVERIFY2(found.contains(QStringLiteral("error too-many-groups at applications[0] (\"Big\"): Application \"Big\" "
                                               "has 11 server groups; SMS allows at most 10 in an application. Merge "
                                               "groups or split the application.")),
                 qPrintable(found.join(QLatin1Char('\n'))));
        QVERIFY2(found.contains(QStringLiteral("error too-many-servers at applications[0] (\"Big\"): Application \"Big\" "
                                               "has 51 servers; SMS allows at most 50 in an application. Split the "
                                               "application.")),
                 qPrintable(found.join(QLatin1Char('\n'))));
        plan.applications[0].serverGroups.pop_back();
        QVERIFY(codes(validatePlan(plan)).filter(QStringLiteral("too-many")).isEmpty());
    }

    void errorsBlockWarningsDoNot()
    {
        const auto warnings = validatePlan(plan("Payroll{web:s1;db:}"));
        QVERIFY(!warnings.empty());
        QVERIFY(!hasErrors(warnings));
        QVERIFY(hasErrors(validatePlan(plan("Payroll{web:s9}"))));
        QVERIFY(severityName(PlanIssue::Severity::Error) == "error");
        QVERIFY(severityName(PlanIssue::Severity::Warning) == "warning");
    }
};

QTEST_GUILESS_MAIN(TestPlanValidation)
#include "tst_planvalidation.moc"
