// The validation results view against an in-process sandbox: it shows each
// validation of an applied application, what a server-side script reported
// through NotifyAppValidationOutput (sent with the project's SmsClient)
// after a Refresh, and says so when it is not connected or the read fails.

#include "client/SmsClient.h"
#include "models/ValidationOutputsModel.h"
#include "services/EndpointSession.h"
#include "ui/validation/ValidationResultsDialog.h"
#include "PlanRuns.h"
#include "tests/models/ValidationFixtures.h"
#include "tests/support/AwaitResult.h"
#include "tests/support/TestEnvironment.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using models::ValidationOutputsModel;

class TestValidationResults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        services::ConnectionRequest request;
        request.environment = testing::testEnvironment(m_home.path(), {});
        QSignalSpy opened(&m_session, &services::EndpointSession::opened);
        m_session.open(request, services::SandboxReason::CommandLine);
        QVERIFY(opened.wait(20'000));
        QVERIFY(m_session.client());

        models::PlanData plan = testing::planOf(*m_session.sandbox(), 1);
        models::PlanApplication &app = plan.applications[0];
        auto &validation = app.settings.validation.emplace();
        validation.appValidations = {models::testing::ssmValidation("smoke-test")};
        validation.serverValidations = {models::testing::userDataValidation(app.serverGroups[0].serverIds[0], "web-up")};
        const testing::ApplyRun run = testing::apply(*m_session.client(), plan);
        QVERIFY2(run.result && run.result->ok(), testing::whyNot(run.result));
        m_appId = run.plan.applications[0].appId;
    }

    void showsWhatAScriptReported()
    {
        ui::ValidationResultsDialog dialog(m_session, m_appId, QStringLiteral("App 1"));
        QAbstractItemModelTester tester(dialog.view()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.show();
        const QAbstractItemModel &model = *dialog.view()->model();
        QTRY_COMPARE(model.rowCount(), 2);
        QVERIFY(dialog.refreshButton()->isEnabled());
        const int web = rowNamed(model, QStringLiteral("web-up"));
        QVERIFY(web >= 0);
        QCOMPARE(model.index(web, ValidationOutputsModel::Status).data().toString(), QStringLiteral("Ready for validation"));
        QVERIFY(model.index(web, ValidationOutputsModel::Checks).data().toString().startsWith(QStringLiteral("Server ")));
        QCOMPARE(model.index(rowNamed(model, QStringLiteral("smoke-test")), ValidationOutputsModel::Checks).data().toString(),
                 QStringLiteral("Application"));

        // The server's script reports a failure.
        api::NotifyAppValidationOutputRequest notify;
        notify.appId = m_appId;
        auto &context = notify.notificationContext.emplace();
        context.validationId = model.index(web, 0).data(ValidationOutputsModel::ValidationIdRole).toString().toStdString();
        context.status = api::ValidationStatus::Failed;
        context.statusMessage = "nginx did not answer on port 80";
        QVERIFY(awaitResult<api::NotifyAppValidationOutputResponse>([&](QObject *c, auto done) {
                    m_session.client()->notifyAppValidationOutput(notify, c, done);
                }).ok());

        dialog.view()->selectRow(web);
        QTest::mouseClick(dialog.refreshButton(), Qt::LeftButton);
        QTRY_COMPARE(model.index(web, ValidationOutputsModel::Status).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(web, ValidationOutputsModel::Message).data().toString(),
                 QStringLiteral("nginx did not answer on port 80"));
        QVERIFY(!model.index(web, ValidationOutputsModel::LatestTime).data().toString().isEmpty());
        QCOMPARE(model.index(web, 0).data(ValidationOutputsModel::ToneRole).toInt(), int(models::Tone::Bad));
        // The refresh kept the row, and with it the selection.
        QCOMPARE(dialog.view()->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(dialog.view()->selectionModel()->selectedRows().first().row(), web);
        QVERIFY(dialog.statusLabel()->text().startsWith(QStringLiteral("2 validation")));
    }

    void saysWhyNothingShows()
    {
        ui::ValidationResultsDialog dialog(m_session, "app-0123456789abcdef0", QStringLiteral("Gone"));
        QTRY_VERIFY(dialog.statusLabel()->text().startsWith(QStringLiteral("The validation results could not be read")));
        QCOMPARE(dialog.view()->model()->rowCount(), 0);
    }

private:
    static int rowNamed(const QAbstractItemModel &model, const QString &name)
    {
        for (int row = 0; row < model.rowCount(); ++row)
            if (model.index(row, ValidationOutputsModel::Name).data().toString() == name)
                return row;
        return -1;
    }

    QTemporaryDir m_home;
    services::EndpointSession m_session{services::SandboxOptions{.servers = 60, .demoApplications = false}};
    std::string m_appId;
};

QTEST_MAIN(TestValidationResults)
#include "tst_validationresults.moc"
