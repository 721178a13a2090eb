// The Replication Job dialog: what it starts from, what it gives back, and
// the input it refuses, for a job to make and a job that exists.

#include "ui/replication/ReplicationJobDialog.h"
#include "ui/settings/RangeSpinBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace sms;
using ui::ReplicationJobDialog;

class TestReplicationJobDialog : public QObject
{
    Q_OBJECT

private:
    template <typename T>
    static T *child(QWidget *dialog, const char *name)
    {
        T *widget = dialog->findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s named %s", T::staticMetaObject.className(), name);
        return widget;
    }
    static QPushButton *ok(QWidget *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

private Q_SLOTS:
    void createGivesWhatWasEntered()
    {
        ReplicationJobDialog dialog(ReplicationJobDialog::Purpose::Create, QStringLiteral("web-01"));
        api::ServerReplicationParameters planned;
        planned.frequency = 6;
        planned.licenseType = api::LicenseType::Aws;
        planned.encrypted = true;
        dialog.setSettings(planned, QStringLiteral("From the plan"));
        dialog.setRoleName(QStringLiteral("sms-role"));
        dialog.show();

        QCOMPARE(child<ui::RangeSpinBox>(&dialog, "frequencyBox")->value(), 6);
        QVERIFY(child<QRadioButton>(&dialog, "onceButton")->isEnabled());  // a new job may run once
        child<QLineEdit>(&dialog, "descriptionEdit")->setText(QStringLiteral("  web tier  "));
        QVERIFY(ok(&dialog)->isEnabled());

        const services::ReplicationTarget target = dialog.target();
        QCOMPARE(target.settings.frequency, std::optional(6));
        QVERIFY(target.settings.licenseType == api::LicenseType::Aws);
        QCOMPARE(target.settings.encrypted, std::optional(true));
        QVERIFY(!target.settings.seedTime);  // unticked: the seed starts at once
        QCOMPARE(target.roleName, std::string("sms-role"));
        QCOMPARE(target.description, std::string("web tier"));
    }

    // A seed time gone by cannot be sent: OK waits, and the dialog says why.
    void pastSeedTimeBlocksOk()
    {
        ReplicationJobDialog dialog(ReplicationJobDialog::Purpose::Create, QStringLiteral("web-01"));
        dialog.show();
        child<QCheckBox>(&dialog, "seedCheck")->setChecked(true);
        child<QDateTimeEdit>(&dialog, "seedTimeEdit")->setDateTime(QDateTime::currentDateTime().addSecs(-3600));
        QVERIFY(!ok(&dialog)->isEnabled());
        QLabel *problem = child<QLabel>(&dialog, "problemLabel");
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().contains(QStringLiteral("seed time has passed")), qPrintable(problem->text()));

        child<QDateTimeEdit>(&dialog, "seedTimeEdit")->setDateTime(QDateTime::currentDateTime().addDays(2));
        QVERIFY(ok(&dialog)->isEnabled());
        QVERIFY(!problem->isVisible());
        QVERIFY(dialog.target().settings.seedTime.has_value());
    }

    // An existing job's schedule kind is fixed (UpdateReplicationJob has no
    // runOnce), and its seed row sets the next run.
    void updateKeepsOnceOrEvery()
    {
        ReplicationJobDialog dialog(ReplicationJobDialog::Purpose::Update, QStringLiteral("db-01"));
        api::ServerReplicationParameters job;
        job.frequency = 12;
        job.numberOfRecentAmisToKeep = 3;
        dialog.setSettings(job, QStringLiteral("The job's settings"));
        dialog.show();
        QVERIFY(!child<QRadioButton>(&dialog, "onceButton")->isEnabled());
        QVERIFY(!child<QRadioButton>(&dialog, "onceButton")->toolTip().isEmpty());
        QVERIFY(child<QCheckBox>(&dialog, "seedCheck")->text().contains(QStringLiteral("next")));
        child<ui::RangeSpinBox>(&dialog, "frequencyBox")->setValue(24);
        const services::ReplicationTarget target = dialog.target();
        QCOMPARE(target.settings.frequency, std::optional(24));
        QCOMPARE(target.settings.numberOfRecentAmisToKeep, std::optional(3));
        QVERIFY(target.roleName.empty());  // left empty: the job's role stays
    }
};

QTEST_MAIN(TestReplicationJobDialog)
#include "tst_replicationjobdialog.moc"
