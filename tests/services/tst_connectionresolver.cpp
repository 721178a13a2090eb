#include "services/ConnectionResolver.h"

#include "TestEnvironment.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using namespace sms::services;

class TestConnectionResolver : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolves_data()
    {
        QTest::addColumn<QStringList>("variables");  // NAME=value
        QTest::addColumn<QString>("endpointOption");
        QTest::addColumn<QString>("endpoint");     // empty: an error is expected
        QTest::addColumn<QString>("errorText");
        QTest::addColumn<int>("attempts");
        const QStringList keys{QStringLiteral("AWS_ACCESS_KEY_ID=AKIDRESOLVE"),
                               QStringLiteral("AWS_SECRET_ACCESS_KEY=resolve-secret")};
        QTest::addRow("region default endpoint") << (keys + QStringList{QStringLiteral("AWS_REGION=eu-west-2")})
                                                 << QString() << "https://sms.eu-west-2.amazonaws.com" << QString() << 3;
        QTest::addRow("endpoint from environment")
            << (keys + QStringList{QStringLiteral("AWS_DEFAULT_REGION=us-west-2"),
                                   QStringLiteral("AWS_ENDPOINT_URL=http://localhost:4580")})
            << QString() << "http://localhost:4580" << QString() << 3;
        QTest::addRow("option beats environment")
            << (keys + QStringList{QStringLiteral("AWS_REGION=us-west-2"), QStringLiteral("AWS_ENDPOINT_URL=http://localhost:1")})
            << "http://127.0.0.1:9" << "http://127.0.0.1:9" << QString() << 3;
        QTest::addRow("max attempts") << (keys + QStringList{QStringLiteral("AWS_REGION=us-east-1"),
                                                            QStringLiteral("AWS_MAX_ATTEMPTS=7")})
                                      << QString() << "https://sms.us-east-1.amazonaws.com" << QString() << 7;
        QTest::addRow("bad max attempts") << (keys + QStringList{QStringLiteral("AWS_REGION=us-east-1"),
                                                                QStringLiteral("AWS_MAX_ATTEMPTS=zero")})
                                          << QString() << QString() << "AWS_MAX_ATTEMPTS must be a whole number" << 0;
        QTest::addRow("no region") << keys << QString() << QString() << "region" << 0;
        QTest::addRow("remote plain http") << (keys + QStringList{QStringLiteral("AWS_REGION=us-east-1")})
                                           << "http://example.com" << QString() << "loopback" << 0;
        QTest::addRow("no credentials") << QStringList{QStringLiteral("AWS_REGION=us-east-1")} << QString() << QString()
                                        << "No AWS credentials found" << 0;
    }

    void resolves()
    {
        QFETCH(QStringList, variables);
        QFETCH(QString, endpointOption);
        QFETCH(QString, endpoint);
        QFETCH(QString, errorText);
        QFETCH(int, attempts);
        QTemporaryDir home;
        ConnectionRequest request;
        request.endpointUrl = endpointOption;
        request.environment = testing::testEnvironment(home.path(), variables);
        const auto config = resolveConnection(request);
        if (endpoint.isEmpty()) {
            QVERIFY(!config.ok());
            QVERIFY2(QString::fromStdString(config.error().message).contains(errorText),
                     config.error().message.c_str());
            QVERIFY(config.error().message.find("resolve-secret") == std::string::npos);
            return;
        }
        QVERIFY2(config.ok(), config ? "" : config.error().message.c_str());
        QCOMPARE(config->endpoint.toString(QUrl::StripTrailingSlash), endpoint);
        QCOMPARE(config->credentials.accessKeyId, QStringLiteral("AKIDRESOLVE"));
        QVERIFY(!config->region.isEmpty());
        QCOMPARE(config->retry.maxAttempts, attempts);
    }
};

QTEST_GUILESS_MAIN(TestConnectionResolver)
#include "tst_connectionresolver.moc"
