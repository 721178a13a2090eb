// The launch and replication settings editor (issue 14): one server, a
// group, servers across groups with mixed values, an application; where each
// value comes from, a reset to the application's, ids flagged in place, and
// one undo step per change however many servers it touches.

#include "ui/PropertiesPane.h"
#include "ui/settings/SettingFieldRow.h"
#include "ui/settings/SettingsEditor.h"

#include "models/PlanEditor.h"
#include "models/PlanSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>

using namespace sms;
using sms::models::PlanKey;
using sms::ui::SettingFieldRow;
using sms::ui::SettingKind;
using sms::ui::SettingsEditor;

namespace {

constexpr PlanKey kShop = 1;
constexpr PlanKey kWeb = 2;
constexpr PlanKey kDb = 3;

api::Server server(const std::string &id, const std::string &vmName)
{
    api::Server server;
    server.serverId = id;
    api::VmServer vm;
    vm.vmName = vmName;
    server.vmServer = vm;
    return server;
}

models::PlanServerSettings own(const std::string &id)
{
    models::PlanServerSettings settings;
    settings.serverId = id;
    settings.launch = api::ServerLaunchConfiguration{};
    return settings;
}

// Shop: web (s1 web-1, s2 web-2) and db (s3 db-1, s4 db-2). The application
// launches m5.large in subnet-0a1b2c3d and replicates every 12 hours; s1 owns
// c5.large and subnet-11111111, s3 subnet-33333333.
models::PlanData fixture()
{
    models::PlanData plan;
    plan.catalog.servers = {server("s1", "web-1"), server("s2", "web-2"), server("s3", "db-1"), server("s4", "db-2")};
    models::PlanApplication shop;
    shop.key = kShop;
    shop.name = "Shop";
    shop.serverGroups.resize(2);
    shop.serverGroups[0].key = kWeb;
    shop.serverGroups[0].name = "web";
    shop.serverGroups[0].serverIds = {"s1", "s2"};
    shop.serverGroups[1].key = kDb;
    shop.serverGroups[1].name = "db";
    shop.serverGroups[1].serverIds = {"s3", "s4"};
    shop.settings.launch = api::ServerLaunchConfiguration{};
    shop.settings.launch->instanceType = "m5.large";
    shop.settings.launch->subnet = "subnet-0a1b2c3d";
    shop.settings.replication = api::ServerReplicationParameters{};
    shop.settings.replication->frequency = 12;
    plan.applications = {shop};
    models::PlanServerSettings one = own("s1");
    one.launch->instanceType = "c5.large";
    one.launch->subnet = "subnet-11111111";
    models::PlanServerSettings three = own("s3");
    three.launch->subnet = "subnet-33333333";
    plan.serverSettings = {one, three};
    return plan;
}

QString q(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestSettingsEditor : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<models::PlanDocument> m_document;
    std::unique_ptr<models::PlanEditor> m_editor;
    std::unique_ptr<SettingsEditor> m_settings;

    const models::PlanData &plan() const { return m_document->data(); }

    SettingFieldRow *row(SettingKind kind, const char *member) const
    {
        SettingFieldRow *found = m_settings->row(kind, member);
        Q_ASSERT(found);
        return found;
    }

    QLineEdit *lineOf(SettingFieldRow *row) const
    {
        if (auto *box = row->findChild<QComboBox *>())
            if (box->isEditable())
                return box->lineEdit();
        return row->findChild<QLineEdit *>();
    }

    // Types `text` into a field and leaves it (Return), as a user commits.
    void type(SettingFieldRow *row, const QString &text)
    {
        QLineEdit *edit = lineOf(row);
        edit->setFocus();
        edit->selectAll();
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, text);
        QTest::keyClick(edit, Qt::Key_Return);
        QCoreApplication::processEvents();  // the refresh after the document changed
    }

    std::optional<api::ServerLaunchConfiguration> ownLaunch(const char *id) const
    {
        const models::PlanServerSettings *settings = models::findServerSettings(plan().serverSettings, id);
        return settings ? settings->launch : std::nullopt;
    }

    std::optional<api::ServerReplicationParameters> ownReplication(const char *id) const
    {
        const models::PlanServerSettings *settings = models::findServerSettings(plan().serverSettings, id);
        return settings ? settings->replication : std::nullopt;
    }

    int undoSteps() const { return m_document->undoStack().count(); }

private Q_SLOTS:
    void init()
    {
        m_document = std::make_unique<models::PlanDocument>();
        m_document->reset(fixture());
        m_editor = std::make_unique<models::PlanEditor>(*m_document);
        m_settings = std::make_unique<SettingsEditor>(*m_editor);
        m_settings->resize(700, 1200);
        m_settings->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_settings.get()));
    }

    void cleanup()
    {
        m_settings.reset();
        m_editor.reset();
        m_document.reset();
    }

    // Each field shows the effective value and where it comes from.
    void singleServerShowsOrigin_data()
    {
        QTest::addColumn<QString>("serverId");
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("placeholder");
        QTest::addColumn<QString>("origin");

        QTest::addRow("own value") << "s1" << "instanceType" << "c5.large" << "c5.large"
                                   << "The server's own setting";
        QTest::addRow("the application's") << "s2" << "instanceType" << "" << "m5.large" << "From the application";
        QTest::addRow("own over the application's") << "s3" << "subnet" << "subnet-33333333" << "subnet-33333333"
                                                    << "The server's own setting";
        QTest::addRow("not set anywhere") << "s2" << "vpc" << "" << "e.g. vpc-0a1b2c3d" << "Not set: SMS's default";
    }

    void singleServerShowsOrigin()
    {
        QFETCH(QString, serverId);
        QFETCH(QString, member);
        QFETCH(QString, text);
        QFETCH(QString, placeholder);
        QFETCH(QString, origin);
        m_settings->showServers({serverId.toStdString()});
        SettingFieldRow *field = row(SettingKind::Launch, member.toUtf8().constData());
        QCOMPARE(lineOf(field)->text(), text);
        QCOMPARE(lineOf(field)->placeholderText(), placeholder);
        QCOMPARE(field->origin(), origin);
        // Only a value the server owns can be reset.
        QCOMPARE(field->findChild<QToolButton *>()->isEnabled(), !text.isEmpty());
    }

    // A group's editor edits all its servers; a field left mixed keeps each one's own.
    void groupEditKeepsMixedFields()
    {
        m_settings->showGroup(kWeb);
        QCOMPARE(m_settings->servers(), (std::vector<std::string>{"s1", "s2"}));
        SettingFieldRow *instanceType = row(SettingKind::Launch, "instanceType");
        QCOMPARE(lineOf(instanceType)->text(), QString());
        QCOMPARE(lineOf(instanceType)->placeholderText(), q("Mixed: each server keeps its own"));
        QVERIFY(instanceType->origin().startsWith(q("Mixed")));

        type(row(SettingKind::Launch, "ec2KeyName"), q("migration-keys"));
        QCOMPARE(undoSteps(), 1);
        QCOMPARE(ownLaunch("s1")->ec2KeyName, std::optional<std::string>("migration-keys"));
        QCOMPARE(ownLaunch("s2")->ec2KeyName, std::optional<std::string>("migration-keys"));
        QCOMPARE(ownLaunch("s1")->instanceType, std::optional<std::string>("c5.large"));  // kept
        QVERIFY(!ownLaunch("s2")->instanceType);                                            // still the application's
        QCOMPARE(row(SettingKind::Launch, "ec2KeyName")->origin(), q("Own setting of all 2 servers"));

        m_document->undoStack().undo();
        QCoreApplication::processEvents();
        QVERIFY(!ownLaunch("s2"));
        QCOMPARE(lineOf(row(SettingKind::Launch, "ec2KeyName"))->text(), QString());
    }

    // Servers picked across groups: every kind of field, set on all in one step, the mixed ones kept.
    void multiSelectionAcrossGroups_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("input");

        QTest::addRow("text") << "iamInstanceProfileName" << "app-profile";
        QTest::addRow("instance type") << "instanceType" << "r6i.xlarge";
        QTest::addRow("S3 location") << "userData" << "s3://scripts/web.sh";
        QTest::addRow("seed time") << "seedTime" << "2030-01-15 02:00";
        QTest::addRow("number") << "numberOfRecentAmisToKeep" << "3";
        QTest::addRow("check box") << "encrypted" << "click";
        QTest::addRow("choice") << "licenseType" << "BYOL";
    }

    void multiSelectionAcrossGroups()
    {
        QFETCH(QString, member);
        QFETCH(QString, input);
        m_settings->showServers({"s1", "s3"});
        QVERIFY(lineOf(row(SettingKind::Launch, "subnet"))->placeholderText().startsWith(q("Mixed")));

        const QByteArray name = member.toUtf8();
        const bool launch = ui::findSettingField(SettingKind::Launch, name.constData()) != nullptr;
        SettingFieldRow *field = row(launch ? SettingKind::Launch : SettingKind::Replication, name.constData());
        if (input == q("click")) {
            auto *check = field->findChild<QCheckBox *>();
            QCOMPARE(check->checkState(), Qt::Unchecked);
            QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(check->height() / 2, check->height() / 2));
            QCoreApplication::processEvents();
        } else if (auto *box = field->findChild<QComboBox *>(); box && !box->isEditable()) {
            box->setCurrentIndex(box->findData(input));
            Q_EMIT box->activated(box->currentIndex());
            QCoreApplication::processEvents();
        } else {
            type(field, input);
        }
        QCOMPARE(undoSteps(), 1);
        for (const char *id : {"s1", "s3"}) {
            QCOMPARE(ownLaunch(id)->subnet, std::optional<std::string>(id == std::string("s1") ? "subnet-11111111"
                                                                                              : "subnet-33333333"));
            const models::PlanServerSettings *settings = models::findServerSettings(plan().serverSettings, id);
            QVERIFY(settings);
            QCOMPARE(launch ? bool(settings->launch) : bool(settings->replication), true);
        }
        QVERIFY(!ownLaunch("s2"));  // not selected
        QVERIFY(field->origin().startsWith(q("Own setting of all 2 servers")));
        QVERIFY(field->problem().isEmpty());
        if (member == q("encrypted"))
            QCOMPARE(ownReplication("s3")->encrypted, std::optional<bool>(true));
        if (member == q("licenseType"))
            QVERIFY(ownReplication("s1")->licenseType == api::LicenseType::Byol);
        if (member == q("seedTime"))
            QVERIFY(ownReplication("s1")->seedTime);
    }

    // Reset takes the server's own value away: the application's applies again.
    void resetToApplication()
    {
        m_settings->showServers({"s1"});
        SettingFieldRow *instanceType = row(SettingKind::Launch, "instanceType");
        QTest::mouseClick(instanceType->findChild<QToolButton *>(), Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(undoSteps(), 1);
        QVERIFY(!ownLaunch("s1")->instanceType);
        QCOMPARE(ownLaunch("s1")->subnet, std::optional<std::string>("subnet-11111111"));
        QCOMPARE(lineOf(instanceType)->text(), QString());
        QCOMPARE(lineOf(instanceType)->placeholderText(), q("m5.large"));
        QCOMPARE(instanceType->origin(), q("From the application"));

        // Emptying a field is the same reset.
        type(row(SettingKind::Launch, "subnet"), QString());
        QCOMPARE(undoSteps(), 2);
        QVERIFY(!ownLaunch("s1"));  // nothing of its own left
    }

    // Problems show in place: some refuse the value (nothing written), others warn and keep it.
    void invalidValuesFlagged_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("problem");
        QTest::addColumn<bool>("written");

        QTest::addRow("vpc, short") << "vpc" << "vpc-123"
                                    << "Not an id of the form vpc- and 8 or 17 hexadecimal digits (e.g. vpc-0a1b2c3d); "
                                       "the launch would fail."
                                    << true;
        QTest::addRow("subnet, upper case") << "subnet" << "subnet-0A1B2C3D"
                                            << "Not an id of the form subnet- and 8 or 17 hexadecimal digits (e.g. "
                                               "subnet-0a1b2c3d); the launch would fail."
                                            << true;
        QTest::addRow("security group by name") << "securityGroup" << "web-servers"
                                                << "Not an id of the form sg- and 8 or 17 hexadecimal digits (e.g. "
                                                   "sg-0a1b2c3d); the launch would fail."
                                                << true;
        QTest::addRow("instance type") << "instanceType" << "large"
                                       << "Not an instance type of the form family.size, e.g. m5.large; the launch "
                                          "would fail."
                                       << true;
        QTest::addRow("KMS key") << "kmsKeyId" << "my-key"
                                 << "Not a KMS key: give a key id (a UUID), alias/NAME or "
                                    "arn:aws:kms:REGION:ACCOUNT:key/ID; replication runs would fail."
                                 << true;
        QTest::addRow("logical ID") << "logicalId" << "web-01"
                                    << "CloudFormation takes letters and digits only (A-Z, a-z, 0-9) in a logical ID."
                                    << false;
        QTest::addRow("logical ID of another server") << "logicalId" << "Db1"
                                                      << "Server s3 of this application has the logical ID Db1: each "
                                                         "server needs its own."
                                                      << false;
        QTest::addRow("frequency") << "frequency" << "48"
                                   << "SMS replicates every 1 to 24 hours: type a whole number in that range." << false;
        QTest::addRow("S3 location") << "configureScript" << "scripts/configure.sh"
                                     << "Give the S3 location as s3://bucket/key." << false;
    }

    void invalidValuesFlagged()
    {
        QFETCH(QString, member);
        QFETCH(QString, input);
        QFETCH(QString, problem);
        QFETCH(bool, written);
        QVERIFY(m_editor->editEachServerSettings({{"s3", [] {
                                                      models::BulkSettingsEdit edit;
                                                      edit.launch.set.logicalId = "Db1";
                                                      return edit;
                                                  }()}}) == 1);
        m_document->undoStack().clear();

        m_settings->showServers({"s2"});
        const QByteArray name = member.toUtf8();
        const bool launch = ui::findSettingField(SettingKind::Launch, name.constData()) != nullptr;
        SettingFieldRow *field = row(launch ? SettingKind::Launch : SettingKind::Replication, name.constData());
        type(field, input);
        QCOMPARE(field->problem(), problem);
        QCOMPARE(undoSteps(), written ? 1 : 0);
        QCOMPARE(lineOf(field)->text(), input);  // nothing the user typed is lost
        // Mended, the problem goes as the user types.
        lineOf(field)->clear();
        QTest::keyClick(lineOf(field), Qt::Key_Escape);
        QVERIFY(field->problem().isEmpty() || written);
    }

    // Logical IDs from VM names, unique in the application, for the whole group in one step.
    void generateLogicalIds()
    {
        m_settings->showGroup(kWeb);
        QTest::mouseClick(m_settings->findChild<QPushButton *>(q("generateLogicalIdsButton")), Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(undoSteps(), 1);
        QCOMPARE(ownLaunch("s1")->logicalId, std::optional<std::string>("Web1"));
        QCOMPARE(ownLaunch("s2")->logicalId, std::optional<std::string>("Web2"));
        QVERIFY(lineOf(row(SettingKind::Launch, "logicalId"))->placeholderText().startsWith(q("Mixed")));

        // A duplicate made outside the editor is flagged where it shows.
        models::BulkSettingsEdit edit;
        edit.launch.set.logicalId = "Web1";
        m_editor->editServerSettings({"s4"}, edit);
        m_settings->showServers({"s4"});
        QVERIFY(row(SettingKind::Launch, "logicalId")->problem().startsWith(q("Another server of the application has the logical ID Web1")));
    }

    // The application's own settings: the defaults every server starts from.
    void applicationSettings()
    {
        m_settings->showApplication(kShop);
        SettingFieldRow *instanceType = row(SettingKind::Launch, "instanceType");
        QCOMPARE(lineOf(instanceType)->text(), q("m5.large"));
        QCOMPARE(instanceType->origin(), q("The application's setting"));
        type(instanceType, q("m6i.large"));
        QCOMPARE(undoSteps(), 1);
        QCOMPARE(m_document->application(0).settings.launch->instanceType, std::optional<std::string>("m6i.large"));
        QVERIFY(plan().serverSettings.size() == 2);  // no server's own settings touched

        QTest::mouseClick(row(SettingKind::Replication, "frequency")->findChild<QToolButton *>(), Qt::LeftButton);
        QCoreApplication::processEvents();
        QCOMPARE(undoSteps(), 2);
        QVERIFY(!m_document->application(0).settings.replication);  // nothing left of it
        QCOMPARE(row(SettingKind::Replication, "frequency")->origin(), q("Not set: SMS's default"));

        // The servers that take it see the new value as the application's.
        m_settings->showServers({"s2"});
        QCOMPARE(lineOf(row(SettingKind::Launch, "instanceType"))->placeholderText(), q("m6i.large"));
    }

    // 5,000 servers in a group: one field typed, one undo step.
    void bulkEditOfThousandsIsOneStep()
    {
        models::PlanData big = fixture();
        auto &group = big.applications[0].serverGroups[0];
        for (int i = 0; i < 5000; ++i) {
            const std::string id = "s-" + std::to_string(100000 + i);
            big.catalog.servers.push_back(server(id, "vm-" + std::to_string(i)));
            group.serverIds.push_back(id);
        }
        m_document->reset(std::move(big));
        m_settings->showGroup(kWeb);
        QCOMPARE(int(m_settings->servers().size()), 5002);
        QElapsedTimer timer;
        timer.start();
        type(row(SettingKind::Launch, "securityGroup"), q("sg-0a1b2c3d"));
        qInfo("typed into 5,002 servers' settings and refreshed in %lld ms", timer.elapsed());
        QCOMPARE(undoSteps(), 1);
        QCOMPARE(int(plan().serverSettings.size()), 5003);  // and s3's, in the other group
        m_document->undoStack().undo();
        QCOMPARE(int(plan().serverSettings.size()), 2);
    }

    // In the Properties pane, a multi-selection gets the editor under its summary.
    void propertiesPaneBulkEdits()
    {
        ui::PropertiesPane pane(*m_editor);
        pane.resize(600, 900);
        pane.show();
        pane.showSelectionSummary(0, 1, 1, {"s1", "s3", "s4", "s-not-planned"});
        QCOMPARE(pane.showing(), ui::PropertiesPane::Showing::Summary);
        QVERIFY(pane.settingsEditor()->isVisible());
        QCOMPARE(pane.settingsEditor()->servers(), (std::vector<std::string>{"s1", "s3", "s4"}));
        pane.showSelectionSummary(2, 0, 0, {});
        QVERIFY(!pane.settingsEditor()->isVisible());
        pane.showGroup(kDb);
        QVERIFY(pane.settingsEditor()->isVisible());
        QCOMPARE(pane.settingsEditor()->servers(), (std::vector<std::string>{"s3", "s4"}));
    }
};

QTEST_MAIN(TestSettingsEditor)
#include "tst_settingseditor.moc"
