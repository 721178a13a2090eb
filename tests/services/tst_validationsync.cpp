// An application's validation settings between a plan and an in-process
// sms-local: applied after the groups exist (a server's validation names its
// group's id), converged, edited, moved with its server, removed, brought in
// by a refresh, and the outputs a server-side script reported read back.

#include "services/PlanDiff.h"
#include "services/PlanFromEndpoint.h"
#include "services/RefreshMerge.h"
#include "services/ValidationOutputs.h"

#include "client/SmsClient.h"
#include "PlanRuns.h"
#include "tests/models/ValidationFixtures.h"
#include "tests/support/AwaitResult.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace sms;
using namespace sms::models;
using namespace sms::models::testing;
using namespace sms::services;
using namespace sms::testing;

namespace {

// Two applications; the first validated as a whole and on the first server
// of its second group.
PlanData validatedPlan(SandboxHost &host)
{
    PlanData plan = planOf(host, 2);
    PlanApplication &app = plan.applications[0];
    AppValidationSettings &validation = app.settings.validation.emplace();
    validation.appValidations = {ssmValidation("smoke-test")};
    validation.serverValidations = {userDataValidation(app.serverGroups[1].serverIds[0], "db-answers")};
    return plan;
}

api::GetAppValidationConfigurationResponse configurationOf(client::SmsClient &client, const std::string &appId)
{
    api::GetAppValidationConfigurationRequest request;
    request.appId = appId;
    auto read = awaitResult<api::GetAppValidationConfigurationResponse>(
        [&](QObject *context, auto done) { client.getAppValidationConfiguration(request, context, done); });
    if (!read)
        qWarning("GetAppValidationConfiguration failed: %s", read.error().message.c_str());
    return read ? read.value() : api::GetAppValidationConfigurationResponse{};
}

std::vector<std::string> operationsOf(const ChangeSet &set)
{
    std::vector<std::string> operations;
    for (const Change &change : set.changes)
        operations.push_back(change.operation());
    return operations;
}

} // namespace

class TestValidationSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void appliedAfterTheGroupsAndConverges()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const ApplyRun run = apply(client, validatedPlan(host));
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        // create, replication, launch, validation; then the second application's three.
        QCOMPARE(run.result->value(), 7);
        QCOMPARE(run.operations[3], std::string("PutAppValidationConfiguration"));
        verifyConverged(client, run.plan);

        const PlanApplication &app = run.plan.applications[0];
        const auto live = configurationOf(client, app.appId);
        QCOMPARE(live.appValidationConfigurations->size(), std::size_t(1));
        const QRegularExpression validationId(QStringLiteral("^val-[0-9a-f]{17}$"));
        QVERIFY(validationId.match(QString::fromStdString(*live.appValidationConfigurations->front().validationId)).hasMatch());
        QCOMPARE(live.serverGroupValidationConfigurations->size(), std::size_t(1));
        const auto &group = live.serverGroupValidationConfigurations->front();
        QCOMPARE(*group.serverGroupId, app.serverGroups[1].serverGroupId);
        const auto &server = group.serverValidationConfigurations->front();
        QCOMPARE(*server.server->serverId, app.serverGroups[1].serverIds[0]);
        QVERIFY(server.serverValidationStrategy == api::ServerValidationStrategy::Userdata);
        QVERIFY(validationId.match(QString::fromStdString(*server.validationId)).hasMatch());

        const ApplyRun again = apply(client, run.plan);
        QVERIFY(again.result && again.result->ok());
        QCOMPARE(again.result->value(), 0);
    }

    void editedMovedAndRemoved()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        ApplyRun run = apply(client, validatedPlan(host));
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));

        // An edit is one Put that names what changes.
        PlanData plan = run.plan;
        PlanApplication &app = plan.applications[0];
        app.settings.validation->appValidations[0].ssmValidationParameters->executionTimeoutSeconds = 1200;
        const auto read = snapshot(client);
        QVERIFY(read && read->ok());
        const ChangeSet set = diffPlan(plan, read->value());
        QCOMPARE(operationsOf(set), std::vector<std::string>{"PutAppValidationConfiguration"});
        QCOMPARE(set.changes[0].details.size(), std::size_t(1));
        QVERIFY2(set.changes[0].details[0].find("validation \u201Csmoke-test\u201D changes") == 0,
                 set.changes[0].details[0].c_str());

        // The validated server moves to the first group: its validation goes with it.
        const std::string moved = app.serverGroups[1].serverIds[0];
        app.serverGroups[1].serverIds.erase(app.serverGroups[1].serverIds.begin());
        app.serverGroups[0].serverIds.push_back(moved);
        run = apply(client, plan);
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        verifyConverged(client, run.plan);
        auto live = configurationOf(client, app.appId);
        QCOMPARE(*live.appValidationConfigurations->front().ssmValidationParameters->executionTimeoutSeconds, 1200);
        QCOMPARE(live.serverGroupValidationConfigurations->size(), std::size_t(1));
        QCOMPARE(*live.serverGroupValidationConfigurations->front().serverGroupId, app.serverGroups[0].serverGroupId);

        // Removed: one Delete, and the endpoint has none.
        plan = run.plan;
        plan.applications[0].settings.validation.reset();
        plan.applications[0].settings.removeValidation = true;
        run = apply(client, plan);
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        QCOMPARE(run.operations, std::vector<std::string>{"DeleteAppValidationConfiguration"});
        live = configurationOf(client, app.appId);
        QVERIFY(!live.appValidationConfigurations || live.appValidationConfigurations->empty());
        verifyConverged(client, run.plan);
    }

    // A plan that leaves validation to the endpoint takes the endpoint's on a
    // refresh, under the plan's server ids; a plan made from the endpoint
    // holds them too, and either diffs clean.
    void refreshAndExportBringItIn()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const ApplyRun run = apply(client, validatedPlan(host));
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        const auto read = snapshot(client);
        QVERIFY(read && read->ok());

        PlanData plan = run.plan;
        const AppValidationSettings wanted = *plan.applications[0].settings.validation;
        plan.applications[0].settings.validation.reset();
        const RefreshMerge merge = mergeRefresh(plan, read->value());
        const auto item = std::find_if(merge.applications.begin(), merge.applications.end(),
                                       [&](const RefreshedApplication &a) { return a.key == plan.applications[0].key; });
        QVERIFY(item != merge.applications.end());
        QVERIFY(item->app.settings.validation);
        QCOMPARE(item->app.settings.validation->serverValidations, wanted.serverValidations);
        QCOMPARE(item->app.settings.validation->appValidations.size(), std::size_t(1));
        QVERIFY(!item->app.settings.validation->appValidations[0].validationId);
        plan.applications[0].settings.validation = item->app.settings.validation;
        QVERIFY2(!diffPlan(plan, read->value()).hasChanges(), qPrintable(describe(diffPlan(plan, read->value()))));

        // The plan's own validation is kept, and the refresh says so.
        PlanData edited = run.plan;
        edited.applications[0].settings.validation->appValidations[0].name = "renamed";
        const RefreshMerge keeps = mergeRefresh(edited, read->value());
        QVERIFY(std::any_of(keeps.kept.begin(), keeps.kept.end(),
                            [](const std::string &line) { return line.find("its validation settings") != std::string::npos; }));

        const PlanData exported = planFromEndpoint(read->value());
        QVERIFY(exported.applications[0].settings.validation);
        QVERIFY2(!diffPlan(exported, read->value()).hasChanges(), qPrintable(describe(diffPlan(exported, read->value()))));
    }

    // What a server-side script reports (NotifyAppValidationOutput) is what
    // the outputs read says; a validation the application lacks is refused.
    void outputsShowWhatWasNotified()
    {
        SandboxHost host({.servers = 100, .demoApplications = false});
        client::SmsClient client(host.start().value());
        const ApplyRun run = apply(client, validatedPlan(host));
        QVERIFY2(run.result && run.result->ok(), whyNot(run.result));
        const std::string appId = run.plan.applications[0].appId;
        const auto readOutputs = [&] {
            return awaitResult<std::vector<api::ValidationOutput>>(
                [&](QObject *context, auto done) { readValidationOutputs(client, appId, context, done); });
        };
        auto outputs = readOutputs();
        QVERIFY(outputs.ok());
        QCOMPARE(outputs->size(), std::size_t(2));
        for (const api::ValidationOutput &output : outputs.value())
            QVERIFY(output.status == api::ValidationStatus::ReadyForValidation);
        const auto server = std::find_if(outputs->begin(), outputs->end(),
                                         [](const api::ValidationOutput &o) { return o.serverValidationOutput.has_value(); });
        QVERIFY(server != outputs->end());
        const std::optional<std::string> serverValidationId = server->validationId;

        api::NotifyAppValidationOutputRequest notify;
        notify.appId = appId;
        auto &context = notify.notificationContext.emplace();
        context.validationId = serverValidationId;
        context.status = api::ValidationStatus::Failed;
        context.statusMessage = "port 5432 refused the connection";
        QVERIFY(awaitResult<api::NotifyAppValidationOutputResponse>(
                    [&](QObject *c, auto done) { client.notifyAppValidationOutput(notify, c, done); })
                    .ok());
        outputs = readOutputs();
        QVERIFY(outputs.ok());
        const auto reported = std::find_if(outputs->begin(), outputs->end(), [&](const api::ValidationOutput &o) {
            return o.validationId == serverValidationId;
        });
        QVERIFY(reported != outputs->end());
        QVERIFY(reported->status == api::ValidationStatus::Failed);
        QCOMPARE(*reported->statusMessage, std::string("port 5432 refused the connection"));
        QVERIFY(reported->latestValidationTime);

        context.validationId = "val-0000000000000000f";
        const auto refused = awaitResult<api::NotifyAppValidationOutputResponse>(
            [&](QObject *c, auto done) { client.notifyAppValidationOutput(notify, c, done); });
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().errorCode() == ErrorCode::InvalidParameterException);
    }
};

QTEST_GUILESS_MAIN(TestValidationSync)
#include "tst_validationsync.moc"
