#include "services/ConnectionProfiles.h"

#include "TestEnvironment.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using namespace sms::services;

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI-profile-secret");
const QString kToken = QStringLiteral("session-token-that-must-not-leak");
const QString kCommand = QStringLiteral("/usr/bin/fetch-creds --secret-flag");

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

QString kindName(ConnectionProfile::Credentials kind)
{
    switch (kind) {
    case ConnectionProfile::Credentials::None: return QStringLiteral("none");
    case ConnectionProfile::Credentials::AccessKeys: return QStringLiteral("keys");
    case ConnectionProfile::Credentials::Process: return QStringLiteral("process");
    case ConnectionProfile::Credentials::Unsupported: return QStringLiteral("unsupported");
    }
    return {};
}

// "name|region|profile-or-default|kind": one line per profile, easy to read in a data row.
QString describe(const ConnectionProfile &profile)
{
    return QStringLiteral("%1|%2|%3|%4")
        .arg(profile.name, profile.region,
             profile.regionFromProfile ? QStringLiteral("profile") : QStringLiteral("default"),
             kindName(profile.credentials));
}

// QT_NO_CAST_FROM_ASCII keeps QStringList{"..."} out; data rows stay readable this way.
QStringList rows(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list << QString::fromUtf8(text);
    return list;
}

} // namespace

class TestConnectionProfiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lists_data()
    {
        QTest::addColumn<QString>("credentials"); // file text; empty: no file
        QTest::addColumn<QString>("config");
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<QString>("selected");

        const QString keys = QStringLiteral("aws_access_key_id = AKIDPROFILE\naws_secret_access_key = %1\n"
                                            "aws_session_token = %2\n").arg(kSecret, kToken);

        QTest::addRow("no files") << QString() << QString() << QStringList() << QStringList() << "default";
        QTest::addRow("keys and regions")
            << (QStringLiteral("[default]\n") + keys + QStringLiteral("[prod]\n") + keys)
            << QStringLiteral("[default]\nregion = us-east-1\n[profile prod]\nregion = eu-west-2\n")
            << QStringList()
            << rows({"default|us-east-1|profile|keys", "prod|eu-west-2|profile|keys"}) << "default";
        QTest::addRow("default region from environment")
            << QString()
            << QStringLiteral("[profile dev]\ncredential_process = %1\n[profile ops]\nregion = ap-south-1\n").arg(kCommand)
            << rows({"AWS_DEFAULT_REGION=ca-central-1", "AWS_PROFILE=ops"})
            << rows({"dev|ca-central-1|default|process", "ops|ap-south-1|profile|none"}) << "ops";
        QTest::addRow("AWS_REGION beats AWS_DEFAULT_REGION")
            << QString() << QStringLiteral("[profile a]\n")
            << rows({"AWS_REGION=us-west-2", "AWS_DEFAULT_REGION=us-east-2"})
            << rows({"a|us-west-2|default|none"}) << "default";
        QTest::addRow("no region anywhere")
            << QStringLiteral("[lonely]\n") + keys << QString() << QStringList()
            << rows({"lonely||default|keys"}) << "default";
        QTest::addRow("role and sso are unsupported")
            << QString()
            << QStringLiteral("[profile role]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n"
                              "[profile sso]\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-1\n")
            << QStringList() << rows({"role||default|unsupported", "sso||default|unsupported"}) << "default";
        QTest::addRow("half a key pair is not credentials")
            << QStringLiteral("[half]\naws_access_key_id = AKIDHALF\n") << QString() << QStringList()
            << rows({"half||default|none"}) << "default";
        QTest::addRow("keys in the config file")
            << QString() << QStringLiteral("[profile cfg]\n") + keys + QStringLiteral("region = sa-east-1\n")
            << QStringList() << rows({"cfg|sa-east-1|profile|keys"}) << "default";
        QTest::addRow("credentials file region wins")
            << QStringLiteral("[both]\nregion = eu-north-1\n") << QStringLiteral("[profile both]\nregion = eu-south-1\n")
            << QStringList() << rows({"both|eu-north-1|profile|none"}) << "default";
        QTest::addRow("names merge, default first, then sorted")
            << QStringLiteral("[zeta]\n[default]\n") << QStringLiteral("[profile alpha]\n[profile zeta]\n[default]\n")
            << QStringList() << rows({"default||default|none", "alpha||default|none", "zeta||default|none"})
            << "default";
        QTest::addRow("config sections that are not profiles")
            << QString() << QStringLiteral("[plain]\nregion = us-east-1\n[services s]\n[profile real]\n")
            << QStringList() << rows({"real||default|none"}) << "default";
    }

    void lists()
    {
        QFETCH(QString, credentials);
        QFETCH(QString, config);
        QFETCH(QStringList, variables);
        QFETCH(QStringList, expected);
        QFETCH(QString, selected);

        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString credentialsPath = home.filePath(QStringLiteral("creds.ini"));
        const QString configPath = home.filePath(QStringLiteral("config.ini"));
        if (!credentials.isEmpty())
            QVERIFY(writeFile(credentialsPath, credentials));
        if (!config.isEmpty())
            QVERIFY(writeFile(configPath, config));
        variables << QStringLiteral("AWS_SHARED_CREDENTIALS_FILE=") + credentialsPath
                  << QStringLiteral("AWS_CONFIG_FILE=") + configPath;

        const auto listed = listConnectionProfiles(testing::testEnvironment(home.path(), variables));
        QVERIFY2(listed.ok(), listed ? "" : listed.error().message.c_str());
        QStringList described;
        for (const ConnectionProfile &profile : listed->profiles) {
            described << describe(profile);
            QCOMPARE(profile.hasCredentials(), profile.credentials == ConnectionProfile::Credentials::AccessKeys
                                                   || profile.credentials == ConnectionProfile::Credentials::Process);
            QVERIFY(!describe(profile).contains(kSecret));
            QVERIFY(!describe(profile).contains(kToken));
            QVERIFY(!describe(profile).contains(kCommand));
        }
        QCOMPARE(described, expected);
        QCOMPARE(listed->selectedProfile, selected);
        QCOMPARE(listed->credentialsFilePath, credentialsPath);
        QCOMPARE(listed->configFilePath, configPath);
        QVERIFY(!listed->environmentHasKeys);
        for (const QString &line : std::as_const(expected))
            QVERIFY(listed->find(line.section(QLatin1Char('|'), 0, 0)) != nullptr);
        QVERIFY(listed->find(QStringLiteral("no-such-profile")) == nullptr);
    }

    void defaultFilesUnderHome()
    {
        QTemporaryDir home;
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
        QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/config")),
                          QStringLiteral("[profile homely]\nregion = me-south-1\n")));
        const auto listed = listConnectionProfiles(testing::testEnvironment(home.path(), {}));
        QVERIFY(listed.ok());
        QCOMPARE(listed->profiles.size(), std::size_t(1));
        QCOMPARE(listed->profiles.front().name, QStringLiteral("homely"));
        QCOMPARE(listed->profiles.front().region, QStringLiteral("me-south-1"));
    }

    void environmentKeysAreNoticed()
    {
        QTemporaryDir home;
        const auto listed = listConnectionProfiles(testing::testEnvironment(
            home.path(), {QStringLiteral("AWS_ACCESS_KEY_ID=AKIDENV"), QStringLiteral("AWS_SECRET_ACCESS_KEY=") + kSecret}));
        QVERIFY(listed.ok());
        QVERIFY(listed->environmentHasKeys);
    }

    void unreadableFileIsAnError()
    {
        QTemporaryDir home;
        // A directory where the file should be cannot be read.
        const auto listed = listConnectionProfiles(testing::testEnvironment(
            home.path(), {QStringLiteral("AWS_CONFIG_FILE=") + home.path()}));
        QVERIFY(!listed.ok());
        QVERIFY(listed.error().errorCode() == ErrorCode::InvalidConfiguration);
    }
};

QTEST_GUILESS_MAIN(TestConnectionProfiles)
#include "tst_connectionprofiles.moc"
