// The launch settings' own rules: the forms of EC2 and KMS ids, CloudFormation
// logical ids (checked and generated, unique in an application), the instance
// types the editor offers, and effective values across a bulk selection.

#include "PlanFixtures.h"
#include "tests/support/Strings.h"

#include "models/BulkSettings.h"
#include "models/InstanceTypes.h"
#include "models/LaunchFieldChecks.h"
#include "models/LogicalIds.h"
#include "models/PlanEditor.h"

#include <QTest>

#include <set>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;

Q_DECLARE_METATYPE(sms::models::ResourceKind)
Q_DECLARE_METATYPE(sms::models::LogicalIdProblem)

namespace {

PlanServerSettings ownLogicalId(const std::string &serverId, const std::string &logicalId)
{
    PlanServerSettings own{serverId, std::nullopt, api::ServerLaunchConfiguration{}};
    own.launch->logicalId = logicalId;
    return own;
}

QStringList logicalIdTexts(const std::vector<ServerLogicalId> &ids)
{
    QStringList texts;
    for (const ServerLogicalId &id : ids)
        texts << QString::fromStdString(id.serverId + "=" + id.logicalId);
    return texts;
}

} // namespace

class TestLaunchFields : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resourceIds_data()
    {
        QTest::addColumn<ResourceKind>("kind");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");

        QTest::addRow("vpc, 8 digits") << ResourceKind::Vpc << "vpc-0a1b2c3d" << true;
        QTest::addRow("vpc, 17 digits") << ResourceKind::Vpc << "vpc-0123456789abcdef0" << true;
        QTest::addRow("vpc, 9 digits") << ResourceKind::Vpc << "vpc-0a1b2c3d4" << false;
        QTest::addRow("vpc, upper case") << ResourceKind::Vpc << "vpc-0A1B2C3D" << false;
        QTest::addRow("vpc, not hex") << ResourceKind::Vpc << "vpc-0a1b2c3g" << false;
        QTest::addRow("vpc, no prefix") << ResourceKind::Vpc << "0a1b2c3d" << false;
        QTest::addRow("vpc named as a subnet") << ResourceKind::Vpc << "subnet-0a1b2c3d" << false;
        QTest::addRow("subnet, 17 digits") << ResourceKind::Subnet << "subnet-0fedcba9876543210" << true;
        QTest::addRow("subnet, too short") << ResourceKind::Subnet << "subnet-1" << false;
        QTest::addRow("security group, 8 digits") << ResourceKind::SecurityGroup << "sg-0c2d4e6f" << true;
        QTest::addRow("security group by name") << ResourceKind::SecurityGroup << "sg-web" << false;
        QTest::addRow("security group, space") << ResourceKind::SecurityGroup << "sg-0c2d4e6f " << false;
        QTest::addRow("empty") << ResourceKind::SecurityGroup << "" << false;
    }

    void resourceIds()
    {
        QFETCH(ResourceKind, kind);
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(isResourceId(kind, text.toStdString()), valid);
    }

    void kmsKeys_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");

        QTest::addRow("key id") << "1234abcd-12ab-34cd-56ef-1234567890ab" << true;
        QTest::addRow("multi-Region key id") << "mrk-1234abcd12ab34cd56ef1234567890ab" << true;
        QTest::addRow("key id, a digit short") << "1234abcd-12ab-34cd-56ef-1234567890a" << false;
        QTest::addRow("key id, dash misplaced") << "1234abcd1-2ab-34cd-56ef-1234567890ab" << false;
        QTest::addRow("alias") << "alias/sms-key_1" << true;
        QTest::addRow("AWS managed alias") << "alias/aws/ebs" << true;
        QTest::addRow("alias without a name") << "alias/" << false;
        QTest::addRow("alias with a space") << "alias/my key" << false;
        QTest::addRow("key ARN") << "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                                 << true;
        QTest::addRow("alias ARN") << "arn:aws:kms:eu-central-2:123456789012:alias/sms" << true;
        QTest::addRow("GovCloud ARN") << "arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/sms" << true;
        QTest::addRow("ARN of another service") << "arn:aws:s3:us-east-1:123456789012:alias/sms" << false;
        QTest::addRow("ARN, short account") << "arn:aws:kms:us-east-1:12345678901:alias/sms" << false;
        QTest::addRow("ARN, no region") << "arn:aws:kms::123456789012:alias/sms" << false;
        QTest::addRow("ARN, bad key") << "arn:aws:kms:us-east-1:123456789012:key/abc" << false;
        QTest::addRow("a bare name") << "sms" << false;
        QTest::addRow("empty") << "" << false;
    }

    void kmsKeys()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(isKmsKeyForm(text.toStdString()), valid);
    }

    void logicalIdProblems_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<LogicalIdProblem>("problem");

        QTest::addRow("letters and digits") << "Web01" << LogicalIdProblem::None;
        QTest::addRow("digit first") << "01Web" << LogicalIdProblem::None;
        QTest::addRow("255 characters") << QString(255, QLatin1Char('a')) << LogicalIdProblem::None;
        QTest::addRow("256 characters") << QString(256, QLatin1Char('a')) << LogicalIdProblem::TooLong;
        QTest::addRow("hyphen") << "web-01" << LogicalIdProblem::NotAlphanumeric;
        QTest::addRow("underscore") << "web_01" << LogicalIdProblem::NotAlphanumeric;
        QTest::addRow("non-ASCII letter") << QStringLiteral("Caf\u00e9") << LogicalIdProblem::NotAlphanumeric;
        QTest::addRow("empty") << "" << LogicalIdProblem::Empty;
    }

    void logicalIdProblems()
    {
        QFETCH(QString, text);
        QFETCH(LogicalIdProblem, problem);
        QCOMPARE(logicalIdProblem(text.toStdString()), problem);
    }

    void logicalIdFromNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("id");

        QTest::addRow("words") << "web-01.corp" << "Web01Corp";
        QTest::addRow("already an id") << "WebServer" << "WebServer";
        QTest::addRow("spaces and case kept inside words") << "db primary eastUS" << "DbPrimaryEastUS";
        QTest::addRow("non-ASCII dropped") << QStringLiteral("caf\u00e9-1") << "Caf1";
        QTest::addRow("nothing usable") << "--" << "";
        QTest::addRow("cut to 255") << QString(300, QLatin1Char('a')) << QLatin1Char('A') + QString(254, QLatin1Char('a'));
    }

    void logicalIdFromNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, id);
        QCOMPARE(QString::fromStdString(logicalIdFromName(name.toStdString())), id);
    }

    void generatedIdsAreUniqueInTheApplication_data()
    {
        QTest::addColumn<QString>("selected");
        QTest::addColumn<QStringList>("expected");

        // web-1, web.1 and web1 all want "Web1"; s4 keeps "Web1Copy"; s5 is in another application.
        QTest::addRow("all") << "s1,s2,s3" << strings({"s1=Web1", "s2=Web12", "s3=Web13"});
        QTest::addRow("one beside a kept id") << "s2" << strings({"s2=Web1"});
        QTest::addRow("a server without a VM name takes its id") << "s6" << strings({"s6=S6"});
    }

    void generatedIdsAreUniqueInTheApplication()
    {
        QFETCH(QString, selected);
        QFETCH(QStringList, expected);

        PlanData plan = planFrom(QStringLiteral("Shop{web:s1,s2;db:s3,s4,s6} | Other{all:s5}"),
                                 {makeServer("s1", "web-1"), makeServer("s2", "web.1"), makeServer("s3", "web1"),
                                  makeServer("s4", "web1-copy"), makeServer("s5", "web-1"), makeServer("s6", "--")});
        plan.serverSettings = {ownLogicalId("s4", "Web1Copy"), ownLogicalId("s5", "Web1")};
        const std::vector<ServerLogicalId> generated
            = generateLogicalIds(plan, plan.applications[0], idsFrom(selected));
        QCOMPARE(logicalIdTexts(generated), expected);
        // Together with the ids kept, no two servers of the application share one.
        std::set<std::string> seen;
        for (const ServerLogicalId &id : generated)
            QVERIFY(seen.insert(id.logicalId).second);
        for (const ServerLogicalId &kept : logicalIdsOf(plan, plan.applications[0]))
            if (std::none_of(generated.begin(), generated.end(),
                             [&](const ServerLogicalId &g) { return g.serverId == kept.serverId; }))
                QVERIFY2(seen.insert(kept.logicalId).second, kept.logicalId.c_str());
    }

    void instanceTypeForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("form");
        QTest::addColumn<bool>("known");

        QTest::addRow("listed") << "m5.large" << true << true;
        QTest::addRow("listed metal") << "c7g.metal" << true << true;
        QTest::addRow("burstable") << "t3.micro" << true << true;
        QTest::addRow("a size the family lacks") << "t3.metal" << true << false;
        QTest::addRow("not listed, well formed") << "u-6tb1.112xlarge" << true << false;
        QTest::addRow("hyphenated size") << "m7i-flex.large" << true << false;
        QTest::addRow("no size") << "m5" << false << false;
        QTest::addRow("no family") << ".large" << false << false;
        QTest::addRow("upper case") << "M5.Large" << false << false;
        QTest::addRow("two dots") << "m5.large.x" << false << false;
        QTest::addRow("family starts with a digit") << "5m.large" << false << false;
    }

    void instanceTypeForms()
    {
        QFETCH(QString, text);
        QFETCH(bool, form);
        QFETCH(bool, known);
        QCOMPARE(isInstanceTypeForm(text.toStdString()), form);
        QCOMPARE(isKnownInstanceType(text.toStdString()), known);
    }

    void instanceTypeListIsWellFormed()
    {
        const std::vector<std::string> names = instanceTypeNames();
        QVERIFY(names.size() > 300);
        std::set<std::string> unique;
        for (const std::string &name : names) {
            QVERIFY2(isInstanceTypeForm(name), name.c_str());
            QVERIFY2(isKnownInstanceType(name), name.c_str());
            QVERIFY2(unique.insert(name).second, name.c_str());
        }
        for (const char *current : {"t4g.nano", "m7g.16xlarge", "c6i.32xlarge", "r7i.48xlarge", "i4i.metal", "p5.48xlarge"})
            QVERIFY2(unique.count(current), current);
    }

    // What the servers will be put with: own over the application's, mixed where that differs.
    void effectiveAcrossServers()
    {
        PlanData plan = planFrom(QStringLiteral("Shop{web:s1,s2,s3}"), servers(1, 3));
        plan.applications[0].settings.launch = api::ServerLaunchConfiguration{};
        plan.applications[0].settings.launch->instanceType = "m5.large";
        plan.applications[0].settings.launch->subnet = "subnet-0a1b2c3d";
        PlanServerSettings own{"s1", std::nullopt, api::ServerLaunchConfiguration{}};
        own.launch->instanceType = "m5.large";  // the same as the application's
        own.launch->subnet = "subnet-0e0e0e0e";
        plan.serverSettings = {own};

        const auto effective = effectiveLaunchAcross(plan, {"s1", "s2", "s3"});
        QCOMPARE(effective.common.instanceType, std::optional<std::string>("m5.large"));
        QVERIFY(!effective.common.subnet);
        QCOMPARE(effective.mixed, (std::set<std::string>{"subnet"}));
        // Owned, s1 differs from the rest in both.
        QCOMPARE(launchAcross(plan, {"s1", "s2", "s3"}).mixed, (std::set<std::string>{"instanceType", "subnet"}));
        QCOMPARE(effectiveLaunchAcross(plan, {"s2", "s3"}).common.subnet, std::optional<std::string>("subnet-0a1b2c3d"));
    }

    // Generated ids are one value per server, and still one undo step.
    void eachServerItsOwnEditIsOneStep()
    {
        PlanDocument document;
        document.reset(planFrom(QStringLiteral("Shop{web:s1,s2,s3}"), servers(1, 3)));
        PlanEditor editor(document);
        std::vector<ServerSettingsEdit> edits;
        for (const ServerLogicalId &id : generateLogicalIds(document.data(), document.application(0), {"s1", "s2", "s3"})) {
            ServerSettingsEdit edit{id.serverId, {}};
            edit.edit.launch.set.logicalId = id.logicalId;
            edits.push_back(edit);
        }
        QCOMPARE(editor.editEachServerSettings(edits), 3);
        QCOMPARE(document.undoStack().count(), 1);
        QCOMPARE(logicalIdTexts(logicalIdsOf(document.data(), document.application(0))),
                 strings({"s1=VmS1", "s2=VmS2", "s3=VmS3"}));
        QCOMPARE(editor.editEachServerSettings(edits), 0);  // nothing changes: no step
        document.undoStack().undo();
        QVERIFY(document.data().serverSettings.empty());
    }
};

QTEST_GUILESS_MAIN(TestLaunchFields)
#include "tst_launchfields.moc"
