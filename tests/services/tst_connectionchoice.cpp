// Where the planner connects at start: the sandbox when asked or when no
// credentials exist anywhere, never silently when the user named a connection.

#include "services/ConnectionChoice.h"

#include <QDir>
#include <QFile>
#include "TestEnvironment.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using namespace sms::services;

Q_DECLARE_METATYPE(sms::services::SandboxReason)

class TestConnectionChoice : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void chooses_data()
    {
        QTest::addColumn<QStringList>("variables");  // NAME=value
        QTest::addColumn<QString>("credentialsFile");  // ~/.aws/credentials, if any
        QTest::addColumn<QString>("profile");
        QTest::addColumn<SandboxReason>("asked");
        QTest::addColumn<QString>("expected");  // "sandbox", "endpoint", or text of the error
        QTest::addColumn<SandboxReason>("reason");  // when the sandbox

        const QStringList keys{QStringLiteral("AWS_ACCESS_KEY_ID=AKIDCHOICE"),
                               QStringLiteral("AWS_SECRET_ACCESS_KEY=choice-secret")};
        const QStringList region{QStringLiteral("AWS_REGION=eu-west-1")};
        const QString profileFile = QStringLiteral("[work]\naws_access_key_id = AKIDWORK\naws_secret_access_key = s\n");
        QTest::addRow("nothing anywhere") << QStringList() << QString() << QString() << SandboxReason::NotAsked << "sandbox" << SandboxReason::NoCredentials;
        QTest::addRow("a region but no credentials") << region << QString() << QString() << SandboxReason::NotAsked << "sandbox" << SandboxReason::NoCredentials;
        QTest::addRow("--sandbox beats credentials") << (keys + region) << QString() << QString() << SandboxReason::CommandLine << "sandbox" << SandboxReason::CommandLine;
        QTest::addRow("credentials and region") << (keys + region) << QString() << QString() << SandboxReason::NotAsked << "endpoint" << SandboxReason::NotAsked;
        QTest::addRow("credentials without a region") << keys << QString() << QString() << SandboxReason::NotAsked << "region" << SandboxReason::NotAsked;
        QTest::addRow("a named profile that is missing")
            << region << QString() << QStringLiteral("nowhere") << SandboxReason::NotAsked << "nowhere" << SandboxReason::NotAsked;
        QTest::addRow("AWS_PROFILE names a missing profile")
            << (region + QStringList{QStringLiteral("AWS_PROFILE=gone")}) << QString() << QString() << SandboxReason::NotAsked << "gone" << SandboxReason::NotAsked;
        QTest::addRow("a profile in the credentials file")
            << region << profileFile << QStringLiteral("work") << SandboxReason::NotAsked << "endpoint" << SandboxReason::NotAsked;
        QTest::addRow("an endpoint named, no credentials")
            << (region + QStringList{QStringLiteral("AWS_ENDPOINT_URL=http://127.0.0.1:9")}) << QString()
            << QString() << SandboxReason::NotAsked << "No AWS credentials found" << SandboxReason::NotAsked;
    }

    void chooses()
    {
        QFETCH(QStringList, variables);
        QFETCH(QString, credentialsFile);
        QFETCH(QString, profile);
        QFETCH(SandboxReason, asked);
        QFETCH(QString, expected);
        QFETCH(SandboxReason, reason);
        QTemporaryDir home;
        if (!credentialsFile.isEmpty()) {
            QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".aws")));
            QFile file(home.filePath(QStringLiteral(".aws/credentials")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(credentialsFile.toUtf8());
        }
        ConnectionRequest request;
        request.profile = profile;
        request.environment = testing::testEnvironment(home.path(), variables);

        const auto choice = chooseConnection(request, asked);
        if (expected == QLatin1String("sandbox")) {
            QVERIFY2(choice.ok(), choice ? "" : choice.error().message.c_str());
            QVERIFY(choice->sandbox);
            QCOMPARE(choice->reason, reason);
        } else if (expected == QLatin1String("endpoint")) {
            QVERIFY2(choice.ok(), choice ? "" : choice.error().message.c_str());
            QVERIFY(!choice->sandbox);
            QCOMPARE(choice->config.endpoint.host(), QStringLiteral("sms.eu-west-1.amazonaws.com"));
        } else {
            QVERIFY(!choice.ok());
            QVERIFY2(QString::fromStdString(choice.error().message).contains(expected), choice.error().message.c_str());
        }
    }
};

QTEST_APPLESS_MAIN(TestConnectionChoice)
#include "tst_connectionchoice.moc"
