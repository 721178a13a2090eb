// The Application Settings dialog as a user drives it: it shows what the plan
// holds, each kind of settings can be left, set or removed, members no field
// shows survive an edit, and OK is held back with the reason in view.

#include "ui/ApplicationSettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using sms::ui::ApplicationSettingsDialog;
namespace api = sms::api;
namespace models = sms::models;

namespace {

using Management = ApplicationSettingsDialog::Management;

// "Payroll": web (s1, s2) launches second, db (s3) first; replicated every
// 6 hours as BYOL, launched as m5.large with a logicalId no field shows.
models::PlanApplication payroll()
{
    models::PlanApplication app;
    app.key = 1;
    app.name = "Payroll";
    for (const auto &[key, name, ids, order] : {std::tuple(2, "web", std::vector<std::string>{"s1", "s2"}, 2),
                                                std::tuple(3, "db", std::vector<std::string>{"s3"}, 1)}) {
        models::PlanServerGroup &group = app.serverGroups.emplace_back();
        group.key = models::PlanKey(key);
        group.name = name;
        group.serverIds = ids;
        group.launchOrder = order;
    }
    app.settings.replication = api::ServerReplicationParameters{};
    app.settings.replication->frequency = 6;
    app.settings.replication->licenseType = api::LicenseType::Byol;
    app.settings.launch = api::ServerLaunchConfiguration{};
    app.settings.launch->instanceType = "m5.large";
    app.settings.launch->logicalId = "PayrollServer";
    app.settings.launchRoleName = "sms-launch";
    return app;
}

std::vector<models::PlanServerSettings> ownReplicationOf(const std::string &serverId)
{
    models::PlanServerSettings own;
    own.serverId = serverId;
    own.replication = api::ServerReplicationParameters{};
    own.replication->runOnce = true;
    return {own};
}

template <typename T>
T *child(const QWidget &dialog, const char *name)
{
    T *found = dialog.findChild<T *>(QLatin1String(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

QSpinBox *orderBox(const ApplicationSettingsDialog &dialog, int row)
{
    return qobject_cast<QSpinBox *>(child<QTableWidget>(dialog, "launchOrderTable")->cellWidget(row, 2));
}

bool okEnabled(const ApplicationSettingsDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled();
}

} // namespace

class TestApplicationSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void showsWhatThePlanHolds()
    {
        const models::PlanApplication app = payroll();
        ApplicationSettingsDialog dialog(app, {});
        QCOMPARE(child<QComboBox>(dialog, "replicationModeBox")->currentIndex(), int(Management::Set));
        QCOMPARE(child<QComboBox>(dialog, "launchModeBox")->currentIndex(), int(Management::Set));
        QCOMPARE(child<QSpinBox>(dialog, "frequencyBox")->value(), 6);
        QCOMPARE(child<QComboBox>(dialog, "licenseBox")->currentIndex(), 2);
        QCOMPARE(child<QLineEdit>(dialog, "instanceTypeEdit")->text(), QStringLiteral("m5.large"));
        QCOMPARE(child<QLineEdit>(dialog, "launchRoleEdit")->text(), QStringLiteral("sms-launch"));
        QCOMPARE(orderBox(dialog, 0)->value(), 2);
        QCOMPARE(orderBox(dialog, 1)->value(), 1);
        // Untouched, OK gives back what came in, members without a field included.
        QVERIFY(okEnabled(dialog));
        QVERIFY(dialog.settings() == app.settings);
        QCOMPARE(dialog.launchOrders(), (std::vector<std::optional<int>>{2, 1}));
    }

    void editsAreReadBack()
    {
        ApplicationSettingsDialog dialog(payroll(), {});
        child<QRadioButton>(dialog, "onceButton")->setChecked(true);
        child<QCheckBox>(dialog, "encryptedCheck")->setChecked(true);
        QTest::keyClicks(child<QLineEdit>(dialog, "kmsKeyEdit"), QStringLiteral("alias/sms"));
        child<QLineEdit>(dialog, "instanceTypeEdit")->setText(QStringLiteral("c5.xlarge"));
        orderBox(dialog, 0)->setValue(0);  // "Any"
        const models::ApplicationSettings settings = dialog.settings();
        QVERIFY(settings.replication->runOnce == true);
        QVERIFY(!settings.replication->frequency);
        QVERIFY(settings.replication->kmsKeyId == "alias/sms");
        QVERIFY(settings.launch->instanceType == "c5.xlarge");
        QVERIFY(settings.launch->logicalId == "PayrollServer");
        QCOMPARE(dialog.launchOrders(), (std::vector<std::optional<int>>{std::nullopt, 1}));
    }

    void leaveAndRemove_data()
    {
        QTest::addColumn<int>("replication");
        QTest::addColumn<int>("launch");
        QTest::addRow("leave both") << int(Management::Leave) << int(Management::Leave);
        QTest::addRow("remove both") << int(Management::Remove) << int(Management::Remove);
        QTest::addRow("remove replication, leave launch") << int(Management::Remove) << int(Management::Leave);
    }

    void leaveAndRemove()
    {
        QFETCH(int, replication);
        QFETCH(int, launch);
        ApplicationSettingsDialog dialog(payroll(), {});
        child<QComboBox>(dialog, "replicationModeBox")->setCurrentIndex(replication);
        child<QComboBox>(dialog, "launchModeBox")->setCurrentIndex(launch);
        QVERIFY(!child<QSpinBox>(dialog, "frequencyBox")->isEnabled());
        QVERIFY(!child<QLineEdit>(dialog, "instanceTypeEdit")->isEnabled());
        const models::ApplicationSettings settings = dialog.settings();
        QVERIFY(!settings.replication && !settings.launch && settings.launchRoleName.empty() && !settings.autoLaunch);
        QCOMPARE(settings.removeReplication, replication == int(Management::Remove));
        QCOMPARE(settings.removeLaunch, launch == int(Management::Remove));
        // Launch order is part of the launch settings: not set unless they are.
        QCOMPARE(dialog.launchOrders(), (std::vector<std::optional<int>>{std::nullopt, std::nullopt}));
        QVERIFY(okEnabled(dialog));
    }

    void opensOnWhatThePlanSays()
    {
        models::PlanApplication app = payroll();
        app.settings = {};
        app.settings.removeReplication = true;
        for (models::PlanServerGroup &group : app.serverGroups)
            group.launchOrder.reset();
        ApplicationSettingsDialog dialog(app, {});
        QCOMPARE(child<QComboBox>(dialog, "replicationModeBox")->currentIndex(), int(Management::Remove));
        QCOMPARE(child<QComboBox>(dialog, "launchModeBox")->currentIndex(), int(Management::Leave));
        QVERIFY(dialog.settings() == app.settings);
    }

    void okWaitsForAValidEntry()
    {
        ApplicationSettingsDialog dialog(payroll(), ownReplicationOf("s2"));
        auto *problem = child<QLabel>(dialog, "problemLabel");
        child<QLineEdit>(dialog, "userDataBucketEdit")->setText(QStringLiteral("scripts"));
        QVERIFY(!okEnabled(dialog));
        QCOMPARE(problem->text(), QStringLiteral("The user data names a bucket but no object key: give both, or neither."));
        child<QLineEdit>(dialog, "userDataKeyEdit")->setText(QStringLiteral("web.sh"));
        QVERIFY(okEnabled(dialog));
        // A server's own replication settings contradict removing the application's.
        child<QComboBox>(dialog, "replicationModeBox")->setCurrentIndex(int(Management::Remove));
        QVERIFY(!okEnabled(dialog));
        // (Tests load no translation, so the plural reads "server(s)".)
        QVERIFY2(problem->text().startsWith(QStringLiteral("The application's replication settings cannot be removed at "
                                                           "the endpoint: its servers have replication settings of "
                                                           "their own (1 server")),
                 qPrintable(problem->text()));
        child<QComboBox>(dialog, "replicationModeBox")->setCurrentIndex(int(Management::Leave));
        QVERIFY(okEnabled(dialog));
        QVERIFY(problem->isHidden());
    }

    void typingIntoSpinBoxes_data()
    {
        QTest::addColumn<QString>("box");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("shown");     // the text while typing
        QTest::addColumn<bool>("problem");      // OK held back with a reason
        QTest::addColumn<QString>("finished");  // the text after Return
        QTest::addRow("frequency in range") << "frequencyBox" << "18" << "18" << false << "18";
        QTest::addRow("frequency too high") << "frequencyBox" << "30" << "30" << true << "24";
        QTest::addRow("frequency zero") << "frequencyBox" << "0" << "0" << true << "1";
        QTest::addRow("frequency, most") << "frequencyBox" << "24" << "24" << false << "24";
        QTest::addRow("AMIs in range") << "amisBox" << "250" << "250" << false << "250";
        QTest::addRow("AMIs too many") << "amisBox" << "1200" << "1200" << true << "999";
        QTest::addRow("AMIs, all") << "amisBox" << "0" << "0" << false << "All";
    }

    // QSpinBox refuses a keystroke that leaves the range: "30" in a 1-24 box
    // became "3" without a word. Now what is typed shows, OK waits with the
    // reason, and Return puts in the nearest value allowed.
    void typingIntoSpinBoxes()
    {
        QFETCH(QString, box);
        QFETCH(QString, typed);
        QFETCH(QString, shown);
        QFETCH(bool, problem);
        QFETCH(QString, finished);
        ApplicationSettingsDialog dialog(payroll(), {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *spin = child<QSpinBox>(dialog, qPrintable(box));
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, typed);
        QCOMPARE(spin->text(), shown);
        auto *label = child<QLabel>(dialog, "problemLabel");
        QCOMPARE(okEnabled(dialog), !problem);
        QCOMPARE(!label->isHidden(), problem);
        if (problem)
            QVERIFY2(label->text().contains(typed), qPrintable(label->text()));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(spin->text(), finished);
        QVERIFY(okEnabled(dialog));
    }
};

QTEST_MAIN(TestApplicationSettingsDialog)
#include "tst_applicationsettingsdialog.moc"
