// An application's validation settings in the plan (tst_planfile reads them
// back): older plans unchanged, bad members refused with their place, and
// the plan checks of inconsistent settings.

#include "PlanFixtures.h"
#include "ValidationFixtures.h"

#include "api/JsonCodec.h"
#include "models/PlanFile.h"
#include "models/PlanValidation.h"

#include <QTest>

#include <functional>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;

namespace {

// Web (s-1, s-2) and db (s-3) in Payroll; Intranet with s-4.
PlanData twoApplications()
{
    PlanData plan = planFrom(QStringLiteral("Payroll{web:s-1,s-2;db:s-3} | Intranet{all:s-4}"),
                             {makeServer("s-1"), makeServer("s-2"), makeServer("s-3"), makeServer("s-4")});
    return plan;
}

PlanData validated()
{
    PlanData plan = twoApplications();
    AppValidationSettings &validation = plan.applications[0].settings.validation.emplace();
    validation.appValidations = {ssmValidation("smoke-test")};
    validation.serverValidations = {userDataValidation("s-1", "web-answers"), userDataValidation("s-3", "db-up")};
    return plan;
}

using Edit = std::function<void(PlanData &)>;
using JsonEdit = std::function<void(api::Json &)>;

std::vector<std::string> codesOf(const std::vector<PlanIssue> &issues)
{
    std::vector<std::string> codes;
    for (const PlanIssue &issue : issues)
        if (issue.code.rfind("validation-", 0) == 0 || issue.code == "removed-settings-given"
            || issue.code == "unknown-script-type")
            codes.push_back(issue.code);
    return codes;
}

} // namespace

Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(JsonEdit)

class TestValidationSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A plan that says nothing of validation reads as leaving the endpoint's
    // alone, and is written without a word of it.
    void olderPlanUnchanged()
    {
        const PlanData plan = twoApplications();
        const std::string encoded = encodePlan(plan);
        QVERIFY(encoded.find("alidation") == std::string::npos);
        const auto decoded = decodePlan(encoded);
        QVERIFY(decoded.ok());
        for (const PlanApplication &app : decoded.value().applications) {
            QVERIFY(!app.settings.validation);
            QVERIFY(!app.settings.removeValidation);
        }
        QVERIFY(codesOf(validatePlan(decoded.value())).empty());
    }

    void badMember_data()
    {
        QTest::addColumn<JsonEdit>("edit");
        QTest::addColumn<QString>("expected");
        QTest::addRow("validation not an object")
            << JsonEdit([](api::Json &app) { app["validation"] = api::Json::array(); })
            << QStringLiteral("applications[0].validation should be an object, but it is an array");
        QTest::addRow("serverId a number")
            << JsonEdit([](api::Json &app) { app["validation"]["serverValidations"][1]["serverId"] = 3; })
            << QStringLiteral("applications[0].validation.serverValidations[1].serverId should be a string");
        QTest::addRow("timeout not a number")
            << JsonEdit([](api::Json &app) {
                   app["validation"]["appValidations"][0]["ssmValidationParameters"]["executionTimeoutSeconds"] = "soon";
               })
            << QStringLiteral("applications[0].validation.appValidations[0].ssmValidationParameters."
                              "executionTimeoutSeconds should be a whole number");
        QTest::addRow("removeValidation not a flag")
            << JsonEdit([](api::Json &app) { app["removeValidation"] = "yes"; })
            << QStringLiteral("applications[0].removeValidation should be true or false");
    }

    void badMember()
    {
        QFETCH(JsonEdit, edit);
        QFETCH(QString, expected);
        api::Json json = api::Json::parse(encodePlan(validated()));
        edit(json["applications"][0]);
        const auto decoded = decodePlan(json.dump(2));
        QVERIFY(!decoded.ok());
        QVERIFY2(QString::fromStdString(decoded.error().message).contains(expected), decoded.error().message.c_str());
    }

    void checks_data()
    {
        QTest::addColumn<Edit>("edit");
        QTest::addColumn<QStringList>("codes");
        const auto row = [](const char *name, Edit edit, QStringList codes) {
            QTest::addRow("%s", name) << edit << codes;
        };
        const auto validation = [](PlanData &plan) -> AppValidationSettings & {
            return *plan.applications[0].settings.validation;
        };
        row("consistent", [](PlanData &) {}, {});
        row("a server of another application",
            [&](PlanData &plan) { validation(plan).serverValidations.push_back(userDataValidation("s-4", "intranet")); },
            {QStringLiteral("validation-server-elsewhere")});
        row("a server moved out of the application",
            [](PlanData &plan) {
                plan.applications[0].serverGroups[1].serverIds.clear();
                plan.applications[1].serverGroups[0].serverIds.push_back("s-3");
            },
            {QStringLiteral("validation-server-elsewhere")});
        row("a name with a space",
            [&](PlanData &plan) { validation(plan).appValidations[0].name = "smoke test"; },
            {QStringLiteral("validation-name-invalid")});
        row("no name", [&](PlanData &plan) { validation(plan).serverValidations[0].name.clear(); },
            {QStringLiteral("validation-name-invalid")});
        row("a name twice",
            [&](PlanData &plan) { validation(plan).serverValidations[1].name = "smoke-test"; },
            {QStringLiteral("validation-name-duplicate")});
        row("no document and no command",
            [&](PlanData &plan) { validation(plan).appValidations[0].ssmValidationParameters->source.reset(); },
            {QStringLiteral("validation-source-missing")});
        row("a command instead of a document",
            [&](PlanData &plan) {
                auto &ssm = *validation(plan).appValidations[0].ssmValidationParameters;
                ssm.source.reset();
                ssm.command = "systemctl is-active nginx";
            },
            {});
        row("a script without its key",
            [&](PlanData &plan) { validation(plan).serverValidations[1].userData->source->s3Location->key.reset(); },
            {QStringLiteral("validation-source-missing")});
        row("no instance",
            [&](PlanData &plan) { validation(plan).appValidations[0].ssmValidationParameters->instanceId.reset(); },
            {QStringLiteral("validation-instance-invalid")});
        row("not an instance id",
            [&](PlanData &plan) { validation(plan).appValidations[0].ssmValidationParameters->instanceId = "vm-42"; },
            {QStringLiteral("validation-instance-invalid")});
        row("a script type SMS does not know",
            [&](PlanData &plan) {
                validation(plan).serverValidations[0].userData->scriptType
                    = api::OpenEnum<api::ScriptType>::fromString("PYTHON_SCRIPT");
            },
            {QStringLiteral("unknown-script-type")});
        row("removed and given", [](PlanData &plan) { plan.applications[0].settings.removeValidation = true; },
            {QStringLiteral("removed-settings-given")});
    }

    void checks()
    {
        QFETCH(Edit, edit);
        QFETCH(QStringList, codes);
        PlanData plan = validated();
        edit(plan);
        const std::vector<PlanIssue> issues = validatePlan(plan);
        QStringList found;
        for (const std::string &code : codesOf(issues))
            found << QString::fromStdString(code);
        QCOMPARE(found, codes);
        for (const PlanIssue &issue : issues) {
            if (!codes.contains(QString::fromStdString(issue.code)))
                continue;
            QCOMPARE(issue.severity, PlanIssue::Severity::Error);
            QCOMPARE(issue.subject.application, plan.applications[0].key);
            QVERIFY2(issue.where.find("applications[0]") == 0, issue.where.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestValidationSettings)
#include "tst_validationsettings.moc"
