// sms-plan plan template, offline: the template of a plan application by
// name or id, JSON or YAML, to standard output or a file (the same bytes),
// its AMIs from the catalog's jobs or parameters where the plan knows none;
// and the errors a user can make, each said with its exit code.

#include "RunProcess.h"
#include "Strings.h"

#include "api/JsonCodec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using sms::api::Json;
using sms::testing::Run;

namespace {

// "Payroll" (app-0123456789abcdef0): web (s-1) launches after db (s-2); only s-1 has an AMI.
Json payrollPlan()
{
    const auto server = [](const char *id, const char *vmName) {
        return Json{{"serverId", id}, {"serverType", "VIRTUAL_MACHINE"}, {"vmServer", {{"vmName", vmName}}}};
    };
    return {{"formatVersion", 1},
            {"kind", "sms-migration-plan"},
            {"catalog",
             {{"servers", {server("s-1", "web-01"), server("s-2", "db-01")}},
              {"replicationJobs",
               {{{"replicationJobId", "sms-job-1"}, {"serverId", "s-1"}, {"state", "ACTIVE"},
                 {"latestAmiId", "ami-0123456789abcdef0"}}}}}},
            {"applications",
             {{{"key", 1},
               {"appId", "app-0123456789abcdef0"},
               {"name", "Payroll"},
               {"launch", {{"instanceType", "m5.large"}}},
               {"serverGroups",
                {{{"key", 2}, {"name", "web"}, {"serverIds", {"s-1"}}, {"launchOrder", 2}},
                 {{"key", 3}, {"name", "db"}, {"serverIds", {"s-2"}}, {"launchOrder", 1}}}}}}}};
}

} // namespace

class TestSmsPlanTemplates : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_env = sms::testing::cliEnvironment(m_dir.path());
        QFile file(planPath());
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray::fromStdString(payrollPlan().dump(1))) > 0);
    }

    void planTemplate_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");  // on standard output when it succeeds, else on standard error

        QTest::addRow("json by name") << strings({"--app", "Payroll"}) << 0
                                      << "\"AWSTemplateFormatVersion\": \"2010-09-09\"";
        QTest::addRow("yaml by id") << strings({"--app", "app-0123456789abcdef0", "--format", "yaml"}) << 0
                                    << "AWSTemplateFormatVersion: \"2010-09-09\"";
        QTest::addRow("json asked for") << strings({"--app", "Payroll", "--format", "json"}) << 0
                                        << "\"Type\": \"AWS::EC2::Image::Id\"";
        QTest::addRow("unknown application") << strings({"--app", "Billing"}) << 1
                                             << "No application has the id or the name \u201CBilling\u201D.";
        QTest::addRow("no --app") << QStringList{} << 252 << "plan template needs --app APP";
        QTest::addRow("other format") << strings({"--app", "Payroll", "--format", "xml"}) << 252
                                      << "plan template --format takes json or yaml, not xml";
    }

    void planTemplate()
    {
        QFETCH(QStringList, options);
        QFETCH(int, exitCode);
        QFETCH(QString, says);

        const Run run = smsPlan(strings({"plan", "template"}) + QStringList{planPath()} + options);
        QVERIFY2(run.exitCode == exitCode, run.err.constData());
        QVERIFY2((exitCode ? run.err : run.out).contains(says.toUtf8()), (run.out + run.err).constData());
        if (exitCode)
            return;
        QVERIFY(run.err.isEmpty());

        // -o writes the same document, and says nothing.
        const QString out = m_dir.filePath(QStringLiteral("payroll.template"));
        const Run toFile = smsPlan(strings({"plan", "template"}) + QStringList{planPath()} + options
                                   + QStringList{QStringLiteral("-o"), out});
        QCOMPARE(toFile.exitCode, 0);
        QVERIFY(toFile.out.isEmpty());
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), run.out);
    }

    void planTemplateIsThePreview()
    {
        const Run run = smsPlan(strings({"plan", "template", "--app", "Payroll"}) + QStringList{planPath()});
        QCOMPARE(run.exitCode, 0);
        const Json tmpl = Json::parse(run.out.toStdString());
        const Json &resources = tmpl.at("Resources");
        QVERIFY(resources.at("Web01").at("Properties").at("ImageId") == Json("ami-0123456789abcdef0"));
        QVERIFY(resources.at("Db01").at("Properties").at("ImageId") == Json({{"Ref", "Db01ImageId"}}));
        QVERIFY(resources.at("Web01").at("DependsOn") == Json({"Db01"}));
        QVERIFY(resources.at("Db01").at("Properties").at("InstanceType") == Json("m5.large"));
    }

    void unreadablePlanSaysWhy()
    {
        const Run run = smsPlan(strings({"plan", "template", "--app", "Payroll"})
                                + QStringList{m_dir.filePath(QStringLiteral("missing.smsplan"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("missing.smsplan"), run.err.constData());
    }

private:
    QString planPath() const { return m_dir.filePath(QStringLiteral("plan.smsplan")); }

    Run smsPlan(const QStringList &arguments)
    {
        return sms::testing::runToEnd(QStringLiteral(SMS_PLAN_BINARY), arguments, m_env, 60'000);
    }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
};

QTEST_GUILESS_MAIN(TestSmsPlanTemplates)
#include "tst_smsplan_templates.moc"
