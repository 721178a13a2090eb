#include "ui/ConnectionDialog.h"

#include "TestEnvironment.h"

#include "client/AwsConfigFile.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using sms::ui::ConnectionDialog;

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI-dialog-secret");
const QString kToken = QStringLiteral("dialog-session-token");
const QString kProcess = QStringLiteral("/opt/bin/creds --token-flag");

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

template <typename T>
T *child(const QWidget &parent, const char *name)
{
    return parent.findChild<T *>(QString::fromLatin1(name));
}

QPushButton *connectButton(const ConnectionDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void type(QLineEdit *field, const QString &text)
{
    field->clear();
    QTest::keyClicks(field, text);
}

// Every text the dialog shows or holds, to prove no secret is among them.
QStringList visibleTexts(const ConnectionDialog &dialog)
{
    QStringList texts;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        texts << label->text() << label->toolTip();
    for (const QLineEdit *edit : dialog.findChildren<QLineEdit *>())
        texts << edit->text() << edit->placeholderText();
    for (const QComboBox *combo : dialog.findChildren<QComboBox *>()) {
        for (int i = 0; i < combo->count(); ++i)
            texts << combo->itemText(i) << combo->itemData(i).toString();
    }
    return texts;
}

QString readText(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestConnectionDialog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    client::AwsEnvironment m_environment;

    client::AwsEnvironment environmentWith(const QString &credentials, const QString &config,
                                           QStringList variables = {})
    {
        const QString credentialsPath = m_home.filePath(QStringLiteral("credentials"));
        const QString configPath = m_home.filePath(QStringLiteral("config"));
        QFile::remove(credentialsPath);
        QFile::remove(configPath);
        if (!credentials.isEmpty())
            writeFile(credentialsPath, credentials);
        if (!config.isEmpty())
            writeFile(configPath, config);
        variables << QStringLiteral("AWS_SHARED_CREDENTIALS_FILE=") + credentialsPath
                  << QStringLiteral("AWS_CONFIG_FILE=") + configPath;
        return testing::testEnvironment(m_home.path(), variables);
    }

private Q_SLOTS:
    void initTestCase()
    {
        // QSettings then writes under a test location, never the user's.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("sms-planner-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectiondialog"));
        QVERIFY(m_home.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_environment = environmentWith(
            QStringLiteral("[default]\naws_access_key_id = AKIDDIALOG\naws_secret_access_key = %1\n"
                           "aws_session_token = %2\n").arg(kSecret, kToken),
            QStringLiteral("[default]\nregion = us-east-1\n[profile prod]\nregion = eu-west-2\n"
                           "credential_process = %1\n[profile bare]\n[profile role]\nrole_arn = arn:aws:iam::1:role/r\n")
                .arg(kProcess),
            {QStringLiteral("AWS_DEFAULT_REGION=ca-central-1")});
    }

    void validation_data()
    {
        QTest::addColumn<QString>("choice");  // object name of the radio button
        QTest::addColumn<QString>("field");   // line edit to type into; empty: none
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("reasonLabel");
        QTest::addColumn<QString>("reason");  // expected part of the reason; empty: valid

        QTest::addRow("sandbox") << "sandboxChoice" << QString() << QString() << QString() << QString();
        QTest::addRow("profile region") << "profileChoice" << "profileRegion" << "eu-west-1" << "profileRegionReason"
                                        << QString();
        QTest::addRow("gov region") << "profileChoice" << "profileRegion" << "us-gov-west-1" << "profileRegionReason"
                                    << QString();
        QTest::addRow("empty region") << "profileChoice" << "profileRegion" << QString() << "profileRegionReason"
                                      << "Enter a region";
        QTest::addRow("upper-case region") << "profileChoice" << "profileRegion" << "US-EAST-1"
                                           << "profileRegionReason" << "lower-case";
        QTest::addRow("not region-shaped") << "profileChoice" << "profileRegion" << "useast"
                                           << "profileRegionReason" << "Not an AWS region";
        QTest::addRow("https") << "endpointChoice" << "endpointUrl" << "https://sms.example.com"
                               << "endpointUrlReason" << QString();
        QTest::addRow("http localhost") << "endpointChoice" << "endpointUrl" << "http://localhost:8080"
                                        << "endpointUrlReason" << QString();
        QTest::addRow("http 127.x") << "endpointChoice" << "endpointUrl" << "http://127.0.0.2:9/"
                                    << "endpointUrlReason" << QString();
        QTest::addRow("http ::1") << "endpointChoice" << "endpointUrl" << "http://[::1]:4580"
                                  << "endpointUrlReason" << QString();
        QTest::addRow("http remote") << "endpointChoice" << "endpointUrl" << "http://sms.example.com"
                                     << "endpointUrlReason" << "only goes to this computer";
        QTest::addRow("no scheme") << "endpointChoice" << "endpointUrl" << "localhost:8080"
                                   << "endpointUrlReason" << "Start with https://";
        QTest::addRow("other scheme") << "endpointChoice" << "endpointUrl" << "ftp://example.com"
                                      << "endpointUrlReason" << "Use https://";
        QTest::addRow("user info") << "endpointChoice" << "endpointUrl" << "https://me:pw@example.com"
                                   << "endpointUrlReason" << "Remove the user name and password";
        QTest::addRow("query") << "endpointChoice" << "endpointUrl" << "https://example.com/?a=1"
                               << "endpointUrlReason" << "query";
        QTest::addRow("no host") << "endpointChoice" << "endpointUrl" << "https://"
                                 << "endpointUrlReason" << "host";
        QTest::addRow("empty url") << "endpointChoice" << "endpointUrl" << QString() << "endpointUrlReason"
                                   << "Enter the endpoint";
        QTest::addRow("endpoint region") << "endpointChoice" << "endpointRegion" << "nowhere"
                                         << "endpointRegionReason" << "Not an AWS region";
    }

    void validation()
    {
        QFETCH(QString, choice);
        QFETCH(QString, field);
        QFETCH(QString, text);
        QFETCH(QString, reasonLabel);
        QFETCH(QString, reason);

        ConnectionDialog dialog(m_environment);
        dialog.findChild<QRadioButton *>(choice)->click();
        // The other field of the endpoint section starts valid, so only the typed one decides.
        child<QLineEdit>(dialog, "endpointUrl")->setText(QStringLiteral("https://sms.example.com"));
        child<QLineEdit>(dialog, "endpointRegion")->setText(QStringLiteral("us-east-1"));
        if (!field.isEmpty())
            type(dialog.findChild<QLineEdit *>(field), text);

        QCOMPARE(connectButton(dialog)->isEnabled(), reason.isEmpty());
        QCOMPARE(dialog.problem().isEmpty(), reason.isEmpty());
        if (reasonLabel.isEmpty())
            return;
        const QLabel *label = dialog.findChild<QLabel *>(reasonLabel);
        QCOMPARE(label->isVisibleTo(&dialog), !reason.isEmpty());
        QVERIFY2(label->text().contains(reason), qPrintable(label->text()));
        QVERIFY(!label->text().contains(QStringLiteral("pw@")));
        // Reasons of sections not in use stay hidden.
        for (const char *name : {"profileRegionReason", "endpointUrlReason", "endpointRegionReason"}) {
            if (reasonLabel != QLatin1String(name))
                QVERIFY(child<QLabel>(dialog, name)->isHidden());
        }
    }

    void returnsRequest_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("profile");   // combo selection, when choosing a profile
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("sandbox");
        QTest::addColumn<QString>("wantProfile");
        QTest::addColumn<QString>("wantRegion");
        QTest::addColumn<QString>("wantUrl");

        QTest::addRow("sandbox") << "sandboxChoice" << QString() << QString() << true << QString() << QString()
                                 << QString();
        QTest::addRow("profile with its region") << "profileChoice" << "prod" << QString() << false << "prod"
                                                 << "eu-west-2" << QString();
        QTest::addRow("profile without region takes the default") << "profileChoice" << "bare" << QString() << false
                                                                  << "bare" << "ca-central-1" << QString();
        QTest::addRow("endpoint, trimmed") << "endpointChoice" << QString() << "  http://localhost:4580  " << false
                                           << QString() << "us-east-1" << "http://localhost:4580";
    }

    void returnsRequest()
    {
        QFETCH(QString, choice);
        QFETCH(QString, profile);
        QFETCH(QString, url);
        QFETCH(bool, sandbox);
        QFETCH(QString, wantProfile);
        QFETCH(QString, wantRegion);
        QFETCH(QString, wantUrl);

        ConnectionDialog dialog(m_environment);
        dialog.findChild<QRadioButton *>(choice)->click();
        if (!profile.isEmpty()) {
            auto *combo = child<QComboBox>(dialog, "profileCombo");
            combo->setCurrentIndex(combo->findData(profile));
        }
        if (!url.isEmpty()) {
            child<QLineEdit>(dialog, "endpointUrl")->setText(url);
            child<QLineEdit>(dialog, "endpointRegion")->setText(QStringLiteral("us-east-1"));
        }
        QVERIFY(connectButton(dialog)->isEnabled());
        const services::ConnectionRequest request = dialog.request();
        QCOMPARE(dialog.sandboxChosen(), sandbox);
        QCOMPARE(request.profile, wantProfile);
        QCOMPARE(request.region, wantRegion);
        QCOMPARE(request.endpointUrl, wantUrl);
        QCOMPARE(request.environment.homeDir, m_environment.homeDir);
        QVERIFY(request.environment.variables == m_environment.variables);
    }

    void profileNotes_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("note");
        QTest::addRow("keys") << "default" << "access keys";
        QTest::addRow("process") << "prod" << "credential_process";
        QTest::addRow("none") << "bare" << "No credentials";
        QTest::addRow("role") << "role" << "Assumes a role";
    }

    void profileNotes()
    {
        QFETCH(QString, profile);
        QFETCH(QString, note);
        ConnectionDialog dialog(m_environment);
        auto *combo = child<QComboBox>(dialog, "profileCombo");
        combo->setCurrentIndex(combo->findData(profile));
        QVERIFY2(child<QLabel>(dialog, "profileNote")->text().contains(note),
                 qPrintable(child<QLabel>(dialog, "profileNote")->text()));
    }

    void profilesAreListedWithRegions()
    {
        ConnectionDialog dialog(m_environment);
        auto *combo = child<QComboBox>(dialog, "profileCombo");
        QCOMPARE(combo->count(), 4);
        QCOMPARE(combo->itemData(0).toString(), QStringLiteral("default"));
        QVERIFY(combo->itemText(0).contains(QStringLiteral("us-east-1")));
        QVERIFY(combo->itemText(combo->findData(QStringLiteral("prod"))).contains(QStringLiteral("eu-west-2")));
        // First time, with a profile that can sign: that profile, AWS_PROFILE or "default".
        QVERIFY(dialog.kind() == ConnectionDialog::Kind::Profile);
        QCOMPARE(combo->currentData().toString(), QStringLiteral("default"));
    }

    void noSecretIsShown()
    {
        ConnectionDialog dialog(m_environment);
        auto *combo = child<QComboBox>(dialog, "profileCombo");
        for (int i = 0; i < combo->count(); ++i) {
            combo->setCurrentIndex(i);
            const QString all = visibleTexts(dialog).join(QLatin1Char('\n'));
            QVERIFY(!all.contains(kSecret));
            QVERIFY(!all.contains(kToken));
            QVERIFY(!all.contains(kProcess));
            QVERIFY(!all.contains(QStringLiteral("AKIDDIALOG")));
        }
    }

    void remembersTheLastChoice()
    {
        {
            ConnectionDialog dialog(m_environment);
            child<QRadioButton>(dialog, "endpointChoice")->click();
            child<QLineEdit>(dialog, "endpointUrl")->setText(QStringLiteral("http://localhost:4580"));
            child<QLineEdit>(dialog, "endpointRegion")->setText(QStringLiteral("eu-central-1"));
            dialog.accept();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
        }
        {
            ConnectionDialog dialog(m_environment);
            QVERIFY(dialog.kind() == ConnectionDialog::Kind::Endpoint);
            QCOMPARE(dialog.request().endpointUrl, QStringLiteral("http://localhost:4580"));
            QCOMPARE(dialog.request().region, QStringLiteral("eu-central-1"));
            child<QRadioButton>(dialog, "profileChoice")->click();
            auto *combo = child<QComboBox>(dialog, "profileCombo");
            combo->setCurrentIndex(combo->findData(QStringLiteral("prod")));
            child<QLineEdit>(dialog, "profileRegion")->setText(QStringLiteral("eu-west-3"));
            dialog.accept();
        }
        ConnectionDialog dialog(m_environment);
        QVERIFY(dialog.kind() == ConnectionDialog::Kind::Profile);
        QCOMPARE(dialog.request().profile, QStringLiteral("prod"));
        QCOMPARE(dialog.request().region, QStringLiteral("eu-west-3"));

        QSettings settings;
        for (const QString &key : settings.allKeys()) {
            const QString value = settings.value(key).toString();
            QVERIFY(!value.contains(kSecret) && !value.contains(kToken) && !value.contains(kProcess));
        }
    }

    // A key pair typed for a custom endpoint goes into the AWS credentials
    // file as a named profile (owner-only, other profiles kept) and leaves
    // the dialog; the request names the profile, and the environment's keys
    // no longer come first.
    void savesTheKeyPairAsAProfile_data()
    {
        QTest::addColumn<QString>("before");  // the credentials file before, empty: none
        QTest::addRow("no credentials file yet") << QString();
        QTest::addRow("the profile had a region only")
            << QStringLiteral("# mine\n[default]\naws_access_key_id = AKIDDIALOG\naws_secret_access_key = %1\n\n"
                              "[sms-local]\nregion = eu-west-1\n")
                   .arg(kSecret);
    }

    // Keys another tool may sign with are never replaced from here: the
    // dialog asks for a new profile name and leaves the file as it was.
    void refusesToReplaceAProfilesKeys()
    {
        const QString before = QStringLiteral("[sms-local]\naws_access_key_id = AKIAOLD\naws_secret_access_key = old-secret\n");
        const client::AwsEnvironment environment = environmentWith(before, QString(), {});
        const QString path = m_home.filePath(QStringLiteral("credentials"));
        ConnectionDialog dialog(environment);
        child<QRadioButton>(dialog, "endpointChoice")->click();
        child<QLineEdit>(dialog, "endpointUrl")->setText(QStringLiteral("http://127.0.0.1:4580"));
        child<QLineEdit>(dialog, "endpointRegion")->setText(QStringLiteral("us-east-1"));
        type(child<QLineEdit>(dialog, "accessKeyId"), QStringLiteral("AKIATYPED"));
        type(child<QLineEdit>(dialog, "secretAccessKey"), QStringLiteral("typed/secret/value"));
        type(child<QLineEdit>(dialog, "keyProfile"), QStringLiteral("sms-local"));
        QVERIFY(!connectButton(dialog)->isEnabled());
        QVERIFY2(child<QLabel>(dialog, "keysReason")->text().contains(QStringLiteral("already has credentials")),
                 qPrintable(child<QLabel>(dialog, "keysReason")->text()));
        QCOMPARE(readText(path), before);
    }

    void savesTheKeyPairAsAProfile()
    {
        QFETCH(QString, before);
        const client::AwsEnvironment environment =
            environmentWith(before, QString(), {QStringLiteral("AWS_ACCESS_KEY_ID=AKIDENV"),
                                                QStringLiteral("AWS_SECRET_ACCESS_KEY=env-secret")});
        const QString path = m_home.filePath(QStringLiteral("credentials"));
        const QString newSecret = QStringLiteral("typed/secret/value");
        ConnectionDialog dialog(environment);
        child<QRadioButton>(dialog, "endpointChoice")->click();
        child<QLineEdit>(dialog, "endpointUrl")->setText(QStringLiteral("http://127.0.0.1:4580"));
        child<QLineEdit>(dialog, "endpointRegion")->setText(QStringLiteral("us-east-1"));
        type(child<QLineEdit>(dialog, "accessKeyId"), QStringLiteral("AKIATYPED"));
        QVERIFY(!connectButton(dialog)->isEnabled());  // the secret is missing
        QVERIFY(child<QLabel>(dialog, "keysReason")->text().contains(QStringLiteral("secret access key")));
        type(child<QLineEdit>(dialog, "secretAccessKey"), newSecret);
        QVERIFY(!connectButton(dialog)->isEnabled());  // and the profile's name
        type(child<QLineEdit>(dialog, "keyProfile"), QStringLiteral("sms-local"));
        QVERIFY(connectButton(dialog)->isEnabled());
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        const auto saved = client::AwsConfigFile::load(path, client::AwsConfigFile::Kind::Credentials);
        QVERIFY(saved.ok());
        const auto profile = saved->profile(QStringLiteral("sms-local"));
        QCOMPARE(profile.value(QStringLiteral("aws_access_key_id")), QStringLiteral("AKIATYPED"));
        QCOMPARE(profile.value(QStringLiteral("aws_secret_access_key")), newSecret);
        QVERIFY(!profile.contains(QStringLiteral("aws_session_token")));
        if (!before.isEmpty()) {
            QCOMPARE(profile.value(QStringLiteral("region")), QStringLiteral("eu-west-1"));
            QCOMPARE(saved->profile(QStringLiteral("default")).value(QStringLiteral("aws_secret_access_key")), kSecret);
            QVERIFY(readText(path).startsWith(QStringLiteral("# mine\n")));
        }
        const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
                                              | QFileDevice::ReadOther | QFileDevice::WriteOther;
        QCOMPARE(QFile::permissions(path) & others, QFileDevice::Permissions());

        const services::ConnectionRequest request = dialog.request();
        QCOMPARE(request.profile, QStringLiteral("sms-local"));
        QVERIFY(!request.environment.variables.contains(QStringLiteral("AWS_ACCESS_KEY_ID")));
        QVERIFY(!request.environment.variables.contains(QStringLiteral("AWS_SECRET_ACCESS_KEY")));
        QVERIFY(!visibleTexts(dialog).join(QLatin1Char('\n')).contains(newSecret));
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY(!settings.value(key).toString().contains(newSecret));
        QCOMPARE(settings.value(QStringLiteral("connection/endpointProfile")).toString(), QStringLiteral("sms-local"));
    }

    // With setTriesFirst, Connect keeps the dialog open while the caller
    // tries; a failure is shown once, whole, in a label that wraps.
    void showsTheWholeFailureOnce()
    {
        ConnectionDialog dialog(m_environment);
        dialog.setTriesFirst(true);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        child<QRadioButton>(dialog, "endpointChoice")->click();
        child<QLineEdit>(dialog, "endpointUrl")->setText(QStringLiteral("http://127.0.0.1:9"));
        child<QLineEdit>(dialog, "endpointRegion")->setText(QStringLiteral("us-east-1"));
        QSignalSpy requested(&dialog, &ConnectionDialog::connectRequested);
        dialog.accept();
        QCOMPARE(requested.count(), 1);
        QVERIFY(dialog.isVisible());
        QVERIFY(!connectButton(dialog)->isEnabled());

        const QString why = QStringLiteral("The endpoint refused the connection: nothing is listening at that "
                                           "address. ")
                          + QString(40, QLatin1Char('w')).replace(QLatin1Char('w'), QStringLiteral("word "))
                          + QStringLiteral("the end.");
        dialog.connectFailed(why);
        auto *failure = child<QLabel>(dialog, "connectionFailure");
        QCOMPARE(failure->text(), why);
        QCOMPARE(dialog.failure(), why);
        QVERIFY(failure->wordWrap());
        QVERIFY(failure->isVisible());
        QCoreApplication::processEvents();
        QVERIFY2(failure->height() >= failure->heightForWidth(failure->width()),
                 qPrintable(QStringLiteral("%1 < %2").arg(failure->height()).arg(failure->heightForWidth(failure->width()))));
        QVERIFY(connectButton(dialog)->isEnabled());  // the user may change the input and try again
        QVERIFY(dialog.isVisible());

        dialog.accept();
        QCOMPARE(requested.count(), 2);
        QVERIFY(failure->isHidden());  // a new try clears the old reason
        dialog.connected();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void invalidInputIsNotAccepted()
    {
        ConnectionDialog dialog(m_environment);
        child<QRadioButton>(dialog, "endpointChoice")->click();
        child<QLineEdit>(dialog, "endpointUrl")->setText(QStringLiteral("https://me:pw@example.com"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(!QSettings().contains(QStringLiteral("connection/endpointUrl")));
    }

    void setChoiceShowsAConnection()
    {
        ConnectionDialog dialog(m_environment);
        services::ConnectionRequest request;
        request.endpointUrl = QStringLiteral("https://sms.example.com");
        request.region = QStringLiteral("ap-south-1");
        dialog.setChoice(request, false);
        QVERIFY(dialog.kind() == ConnectionDialog::Kind::Endpoint);
        QCOMPARE(dialog.request().region, QStringLiteral("ap-south-1"));
        dialog.setChoice({}, true);
        QVERIFY(dialog.sandboxChosen());
        request = {};
        request.profile = QStringLiteral("prod");
        dialog.setChoice(request, false);
        QCOMPARE(dialog.request().profile, QStringLiteral("prod"));
        QCOMPARE(dialog.request().region, QStringLiteral("eu-west-2"));
    }

    void withoutProfiles()
    {
        const auto empty = environmentWith(QString(), QString());
        ConnectionDialog dialog(empty);
        QVERIFY(!child<QRadioButton>(dialog, "profileChoice")->isEnabled());
        QVERIFY(dialog.sandboxChosen());
        QVERIFY(child<QLabel>(dialog, "profileNote")->text().contains(QStringLiteral("No profiles")));
        QVERIFY(connectButton(dialog)->isEnabled());
    }
};

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
