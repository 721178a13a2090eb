// The Application Settings dialog as a user drives it: it shows what the plan
// holds, each kind of settings can be left, set or removed, members no field
// shows survive an edit, and OK is held back with the reason in view. Given
// a client, it shows what the endpoint (the in-process sandbox with its demo
// applications) has now and starts "Set them to these" from it.

#include "ui/ApplicationSettingsDialog.h"

#include "client/SmsClient.h"
#include "services/PlanFromEndpoint.h"
#include "services/SandboxHost.h"
#include "services/SnapshotReader.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextDocument>

#include <memory>

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

// The label's text without markup.
QString plain(const QLabel *label)
{
    QTextDocument text;
    text.setHtml(label->text());
    return text.toPlainText().simplified();
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

    void initTestCase()
    {
        const auto config = m_host.start();
        QVERIFY(config.ok());
        QVERIFY(m_host.demoReady().ok());
        m_client = std::make_unique<sms::client::SmsClient>(config.value());
        // The demo applications as a plan made from the endpoint, then with no settings of the plan's own.
        auto *reader = new sms::services::SnapshotReader(*m_client, sms::services::SnapshotScope::ApplicationsOnly, this);
        bool read = false;
        connect(reader, &sms::services::SnapshotReader::finished, this,
                [&](const sms::Result<sms::services::EndpointSnapshot> &snapshot) {
                    QVERIFY(snapshot.ok());
                    m_endpointPlan = sms::services::planFromEndpoint(snapshot.value());
                    read = true;
                });
        reader->start();
        QTRY_VERIFY_WITH_TIMEOUT(read, 10000);
    }

    // What the endpoint has shows under each kind's menu, or why nothing does.
    void showsTheEndpointSettings_data()
    {
        QTest::addColumn<QString>("app");        // a demo application, unsettled in the plan
        QTest::addColumn<QString>("appId");      // "" keeps the endpoint's; "none" clears it
        QTest::addColumn<bool>("connected");
        QTest::addColumn<QString>("replication");  // what the replication tab's box says (a part)
        QTest::addColumn<QString>("launch");
        QTest::addRow("read") << "Payroll" << "" << true
                              << "At the endpoint now: Replicates: Every 12 hour(s) Seed replication: As soon as"
                                 " replication starts License type: AWS AMIs kept: The 3 most recent"
                              << "Instance type: m5.large Subnet: subnet-0a1b2c3d4e5f60718";
        QTest::addRow("launch orders and servers of their own")
            << "Payroll" << "" << true << "Encryption: Off"
            << "Launch order: Database 1, Web tier 2 Servers with settings of their own: 1";
        QTest::addRow("no launch settings") << "CRM" << "" << true << "Every 12 hour(s)"
                                            << "The endpoint has no launch settings for this application.";
        QTest::addRow("not created yet") << "Payroll" << "none" << true
                                         << "The application is not at the endpoint yet"
                                         << "The application is not at the endpoint yet";
        QTest::addRow("offline") << "Payroll" << "" << false << "Not connected: connect to an endpoint"
                                 << "Not connected: connect to an endpoint";
        QTest::addRow("gone") << "Payroll" << "app-0123456789abcdef0" << true
                              << "The endpoint no longer has this application (app-0123456789abcdef0)"
                              << "The endpoint no longer has this application";
    }

    void showsTheEndpointSettings()
    {
        QFETCH(QString, app);
        QFETCH(QString, appId);
        QFETCH(bool, connected);
        QFETCH(QString, replication);
        QFETCH(QString, launch);
        models::PlanApplication planned = unsettled(app);
        if (!appId.isEmpty())
            planned.appId = appId == QLatin1String("none") ? std::string() : appId.toStdString();
        ApplicationSettingsDialog dialog(planned, {});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(child<QComboBox>(dialog, "replicationModeBox")->currentIndex(), int(Management::Leave));
        dialog.readEndpointSettings(connected ? m_client.get() : nullptr);
        if (connected && !planned.appId.empty()) {
            // Read in the background: the dialog says so and stays usable.
            QCOMPARE(plain(dialog.replicationEndpointLabel()), QStringLiteral("Reading the endpoint's settings\u2026"));
            QVERIFY(child<QComboBox>(dialog, "launchModeBox")->isEnabled());
        }
        QTRY_VERIFY(!plain(dialog.launchEndpointLabel()).startsWith(QStringLiteral("Reading")));
        QVERIFY(dialog.replicationEndpointLabel()->isVisible());
        QVERIFY2(plain(dialog.replicationEndpointLabel()).contains(replication),
                 qPrintable(plain(dialog.replicationEndpointLabel())));
        dialog.findChild<QTabWidget *>()->setCurrentIndex(1);
        QVERIFY(dialog.launchEndpointLabel()->isVisible());
        QVERIFY2(plain(dialog.launchEndpointLabel()).contains(launch), qPrintable(plain(dialog.launchEndpointLabel())));
        QVERIFY(dialog.settings() == models::ApplicationSettings{});  // showing is not setting
    }

    // "Set them to these" with nothing of the plan's starts from the
    // endpoint's, chosen before or after the read ends; the plan's own stay.
    void setStartsFromTheEndpoint_data()
    {
        QTest::addColumn<bool>("planHasSettings");
        QTest::addColumn<bool>("chooseBeforeTheRead");
        QTest::addColumn<int>("frequency");
        QTest::addColumn<QString>("instanceType");
        QTest::addColumn<QString>("orders");
        QTest::addRow("after the read") << false << false << 12 << "m5.large" << "1,2";
        QTest::addRow("before the read") << false << true << 12 << "m5.large" << "1,2";
        QTest::addRow("the plan's own stay") << true << false << 6 << "c5.large" << "2,1";
    }

    void setStartsFromTheEndpoint()
    {
        QFETCH(bool, planHasSettings);
        QFETCH(bool, chooseBeforeTheRead);
        QFETCH(int, frequency);
        QFETCH(QString, instanceType);
        QFETCH(QString, orders);
        models::PlanApplication planned = unsettled(QStringLiteral("Payroll"));
        if (planHasSettings) {
            planned.settings.replication = api::ServerReplicationParameters{};
            planned.settings.replication->frequency = 6;
            planned.settings.launch = api::ServerLaunchConfiguration{};
            planned.settings.launch->instanceType = "c5.large";
            planned.serverGroups[0].launchOrder = 2;
            planned.serverGroups[1].launchOrder = 1;
        }
        ApplicationSettingsDialog dialog(planned, {});
        dialog.readEndpointSettings(m_client.get());
        const auto chooseSet = [&] {
            child<QComboBox>(dialog, "replicationModeBox")->setCurrentIndex(int(Management::Set));
            child<QComboBox>(dialog, "launchModeBox")->setCurrentIndex(int(Management::Set));
        };
        if (chooseBeforeTheRead)
            chooseSet();
        QTRY_VERIFY(!plain(dialog.launchEndpointLabel()).startsWith(QStringLiteral("Reading")));
        if (!chooseBeforeTheRead)
            chooseSet();
        const models::ApplicationSettings settings = dialog.settings();
        QVERIFY(settings.replication && settings.launch);
        QCOMPARE(settings.replication->frequency.value_or(0), frequency);
        QCOMPARE(QString::fromStdString(settings.launch->instanceType.value_or("")), instanceType);
        QStringList launchOrders;
        for (const auto &order : dialog.launchOrders())
            launchOrders << (order ? QString::number(*order) : QStringLiteral("-"));
        QCOMPARE(launchOrders.join(QLatin1Char(',')), orders);
        if (!planHasSettings) {
            QVERIFY(settings.replication->licenseType == api::LicenseType::Aws);
            QCOMPARE(settings.launchRoleName, std::string("sms-launch"));
        }
        QVERIFY(okEnabled(dialog));
    }

    // A read that ends after the dialog closed does nothing (it is canceled
    // with the dialog), and the client goes on serving others.
    void closingWhileReadingIsSafe()
    {
        sms::sandbox::FaultSettings slow;
        slow.latencyMs = 300;
        m_host.setFaults(slow);
        auto dialog = std::make_unique<ApplicationSettingsDialog>(unsettled(QStringLiteral("Payroll")),
                                                                   std::vector<models::PlanServerSettings>{});
        dialog->show();
        dialog->readEndpointSettings(m_client.get());
        QTest::qWait(50);
        dialog.reset();
        QTest::qWait(500);  // past the answers' latency
        m_host.setFaults({});

        ApplicationSettingsDialog again(unsettled(QStringLiteral("CRM")), {});
        again.readEndpointSettings(m_client.get());
        QTRY_VERIFY(plain(again.replicationEndpointLabel()).contains(QStringLiteral("Every 12 hour(s)")));
    }

private:
    // The demo application `name` as the endpoint has it, with no settings in the plan.
    models::PlanApplication unsettled(const QString &name) const
    {
        for (models::PlanApplication app : m_endpointPlan.applications) {
            if (app.name != name.toStdString())
                continue;
            app.settings = {};
            for (models::PlanServerGroup &group : app.serverGroups)
                group.launchOrder.reset();
            return app;
        }
        qFatal("no demo application %s", qPrintable(name));
    }

    sms::services::SandboxHost m_host{sms::services::SandboxOptions{200, 1, 1.0, true}};
    std::unique_ptr<sms::client::SmsClient> m_client;
    models::PlanData m_endpointPlan;
};

QTEST_MAIN(TestApplicationSettingsDialog)
#include "tst_applicationsettingsdialog.moc"
