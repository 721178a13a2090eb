// The Validation tab of Application Settings as a user drives it: the plan's
// validations are shown, a new SSM validation and a server script are
// filled in with the problem shown in place until they are complete, the
// edit goes into the plan as one undo step, and leaving or removing keeps
// what was asked.

#include "ui/ApplicationSettingsDialog.h"
#include "ui/validation/ValidationSettingsEdit.h"

#include "models/PlanDocument.h"
#include "models/PlanEditor.h"
#include "tests/models/ValidationFixtures.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace sms;
using models::testing::ssmValidation;
using models::testing::userDataValidation;
using ui::ValidationSettingsEdit;

namespace {

models::PlanData plan()
{
    models::PlanData data;
    models::PlanApplication &app = data.applications.emplace_back();
    app.key = 1;
    app.name = "Payroll";
    models::PlanServerGroup &web = app.serverGroups.emplace_back();
    web.key = 2;
    web.name = "web";
    web.serverIds = {"s-1", "s-2"};
    models::PlanServerGroup &db = app.serverGroups.emplace_back();
    db.key = 3;
    db.name = "db";
    db.serverIds = {"s-3"};
    return data;
}

void type(QTableWidget *table, int row, int column, const QString &text)
{
    table->setItem(row, column, new QTableWidgetItem(text));
}

QPushButton *okButton(const ui::ApplicationSettingsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestValidationSettingsEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newValidationsAreOneUndoStep()
    {
        models::PlanDocument document;
        document.reset(plan());
        models::PlanEditor editor(document);
        ui::ApplicationSettingsDialog dialog(document.application(0), document.data().serverSettings);
        ValidationSettingsEdit *edit = dialog.validationEdit();
        QCOMPARE(edit->modeBox()->currentIndex(), 0);  // the plan leaves validation alone
        QVERIFY(!edit->appTable()->isEnabled());

        edit->modeBox()->setCurrentIndex(1);
        QVERIFY(edit->appTable()->isEnabled());
        QTest::mouseClick(edit->addAppButton(), Qt::LeftButton);
        QCOMPARE(edit->appTable()->rowCount(), 1);
        // Nothing to run and nowhere to run it: OK waits, and says why.
        QVERIFY(!okButton(dialog)->isEnabled());
        auto *problem = dialog.findChild<QLabel *>(QStringLiteral("problemLabel"));
        QVERIFY2(problem->text().contains(QStringLiteral("neither an SSM document")), qPrintable(problem->text()));
        type(edit->appTable(), 0, ValidationSettingsEdit::Command, QStringLiteral("systemctl is-active nginx"));
        QVERIFY2(problem->text().contains(QStringLiteral("names no instance")), qPrintable(problem->text()));
        type(edit->appTable(), 0, ValidationSettingsEdit::Instance, QStringLiteral("i-0123456789abcdef0"));
        type(edit->appTable(), 0, ValidationSettingsEdit::Timeout, QStringLiteral("soon"));
        QVERIFY2(problem->text().contains(QStringLiteral("whole number")), qPrintable(problem->text()));
        type(edit->appTable(), 0, ValidationSettingsEdit::Timeout, QStringLiteral("300"));
        QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(problem->text()));

        QTest::mouseClick(edit->addServerButton(), Qt::LeftButton);
        auto *server = qobject_cast<QComboBox *>(edit->serverTable()->cellWidget(0, ValidationSettingsEdit::Server));
        QCOMPARE(server->count(), 3);  // the application's servers
        server->setCurrentIndex(2);
        QVERIFY(!okButton(dialog)->isEnabled());  // a script without its S3 location
        type(edit->serverTable(), 0, ValidationSettingsEdit::ScriptBucket, QStringLiteral("checks"));
        type(edit->serverTable(), 0, ValidationSettingsEdit::ScriptKey, QStringLiteral("db/answers.sh"));
        auto *scriptType = qobject_cast<QComboBox *>(edit->serverTable()->cellWidget(0, ValidationSettingsEdit::ServerScriptType));
        scriptType->setCurrentIndex(scriptType->findData(QStringLiteral("SHELL_SCRIPT")));
        QVERIFY2(okButton(dialog)->isEnabled(), qPrintable(problem->text()));

        const int steps = document.undoStack().count();
        editor.editApplicationSettings(1, dialog.settings(), dialog.launchOrders());
        QCOMPARE(document.undoStack().count(), steps + 1);
        const auto &validation = document.application(0).settings.validation;
        QVERIFY(validation);
        QCOMPARE(validation->appValidations.size(), std::size_t(1));
        const auto &ssm = *validation->appValidations[0].ssmValidationParameters;
        QCOMPARE(*ssm.command, std::string("systemctl is-active nginx"));
        QCOMPARE(*ssm.instanceId, std::string("i-0123456789abcdef0"));
        QCOMPARE(*ssm.executionTimeoutSeconds, 300);
        QVERIFY(!ssm.source);
        QCOMPARE(validation->serverValidations.size(), std::size_t(1));
        QCOMPARE(validation->serverValidations[0].serverId, std::string("s-3"));
        QCOMPARE(*validation->serverValidations[0].userData->source->s3Location->key, std::string("db/answers.sh"));
        QVERIFY(validation->serverValidations[0].userData->scriptType == api::ScriptType::ShellScript);

        document.undoStack().undo();
        QVERIFY(!document.application(0).settings.validation);
        document.undoStack().redo();
        QVERIFY(document.application(0).settings.validation);
    }

    // What the plan holds comes back unchanged through the tab, and each mode
    // says what the plan does with the endpoint's.
    void modesKeepWhatWasAsked_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addRow("leave") << 0;
        QTest::addRow("set") << 1;
        QTest::addRow("remove") << 2;
    }

    void modesKeepWhatWasAsked()
    {
        QFETCH(int, mode);
        models::PlanData data = plan();
        auto &validation = data.applications[0].settings.validation.emplace();
        validation.appValidations = {ssmValidation("smoke-test")};
        validation.serverValidations = {userDataValidation("s-2", "web-answers")};
        ui::ApplicationSettingsDialog dialog(data.applications[0], data.serverSettings);
        ValidationSettingsEdit *edit = dialog.validationEdit();
        QCOMPARE(edit->modeBox()->currentIndex(), 1);
        QCOMPARE(edit->appTable()->rowCount(), 1);
        QCOMPARE(edit->serverTable()->rowCount(), 1);
        edit->modeBox()->setCurrentIndex(mode);
        QVERIFY(okButton(dialog)->isEnabled());
        const models::ApplicationSettings settings = dialog.settings();
        QCOMPARE(settings.removeValidation, mode == 2);
        if (mode == 1)
            QVERIFY(settings.validation == validation);
        else
            QVERIFY(!settings.validation);
    }
};

QTEST_MAIN(TestValidationSettingsEdit)
#include "tst_validationsettingsedit.moc"
