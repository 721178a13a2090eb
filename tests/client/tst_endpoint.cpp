#include "client/Endpoint.h"

#include <QTest>

using namespace sms;
using namespace sms::client;
using namespace Qt::StringLiterals;

class TestEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolve_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("customUrl");
        QTest::addColumn<QString>("expectedUrl");   // empty when an error is expected
        QTest::addColumn<QString>("errorContains"); // empty when success is expected

        QTest::addRow("default us-east-1") << u"us-east-1"_s << QString()
                                           << u"https://sms.us-east-1.amazonaws.com"_s << QString();
        QTest::addRow("default eu-west-2") << u"eu-west-2"_s << QString()
                                           << u"https://sms.eu-west-2.amazonaws.com"_s << QString();
        QTest::addRow("default govcloud") << u"us-gov-west-1"_s << QString()
                                          << u"https://sms.us-gov-west-1.amazonaws.com"_s << QString();
        QTest::addRow("default china partition")
            << u"cn-north-1"_s << QString() << u"https://sms.cn-north-1.amazonaws.com.cn"_s << QString();
        QTest::addRow("blank custom means default")
            << u"ap-south-1"_s << u"   "_s << u"https://sms.ap-south-1.amazonaws.com"_s << QString();
        QTest::addRow("no region, no url") << QString() << QString() << QString() << u"No region"_s;
        QTest::addRow("region with a dot") << u"us-east-1.evil.com"_s << QString() << QString()
                                           << u"not a valid AWS region"_s;
        QTest::addRow("region upper case") << u"US-EAST-1"_s << QString() << QString()
                                           << u"not a valid AWS region"_s;

        QTest::addRow("https custom") << u"us-east-1"_s << u"https://sms.example.com"_s
                                      << u"https://sms.example.com"_s << QString();
        QTest::addRow("https custom with port and path")
            << u"us-east-1"_s << u"https://proxy.example.com:8443/sms"_s
            << u"https://proxy.example.com:8443/sms"_s << QString();
        QTest::addRow("https custom needs no region")
            << QString() << u"https://sms.example.com"_s << u"https://sms.example.com"_s << QString();
        QTest::addRow("scheme and host normalised")
            << u"us-east-1"_s << u"HTTPS://SMS.Example.COM"_s << u"https://sms.example.com"_s
            << QString();
        QTest::addRow("http localhost") << u"us-east-1"_s << u"http://localhost:4566"_s
                                        << u"http://localhost:4566"_s << QString();
        QTest::addRow("http 127.0.0.1") << u"us-east-1"_s << u"http://127.0.0.1:8080"_s
                                        << u"http://127.0.0.1:8080"_s << QString();
        QTest::addRow("http 127.5.6.7") << u"us-east-1"_s << u"http://127.5.6.7"_s
                                        << u"http://127.5.6.7"_s << QString();
        QTest::addRow("http [::1]") << u"us-east-1"_s << u"http://[::1]:8080"_s
                                    << u"http://[::1]:8080"_s << QString();
        QTest::addRow("http remote rejected") << u"us-east-1"_s << u"http://sms.example.com"_s
                                              << QString()
                                              << u"only allowed for loopback hosts"_s;
        QTest::addRow("http private ip rejected") << u"us-east-1"_s << u"http://192.168.1.10:8080"_s
                                                  << QString()
                                                  << u"only allowed for loopback hosts"_s;
        QTest::addRow("http look-alike rejected")
            << u"us-east-1"_s << u"http://localhost.example.com"_s << QString()
            << u"only allowed for loopback hosts"_s;
        QTest::addRow("ftp rejected") << u"us-east-1"_s << u"ftp://files.example.com"_s << QString()
                                      << u"unsupported scheme 'ftp'"_s;
        QTest::addRow("file rejected") << u"us-east-1"_s << u"file:///etc/passwd"_s << QString()
                                       << u"unsupported scheme 'file'"_s;
        QTest::addRow("userinfo rejected")
            << u"us-east-1"_s << u"https://AKIDEXAMPLE:topsecretpw@sms.example.com"_s << QString()
            << u"contains user credentials"_s;
        QTest::addRow("user only rejected") << u"us-east-1"_s << u"https://admin@sms.example.com"_s
                                            << QString() << u"contains user credentials"_s;
        QTest::addRow("loopback userinfo rejected")
            << u"us-east-1"_s << u"http://user:topsecretpw@localhost:4566"_s << QString()
            << u"contains user credentials"_s;
        QTest::addRow("no scheme") << u"us-east-1"_s << u"sms.example.com"_s << QString()
                                   << u"has no scheme"_s;
        QTest::addRow("host:port without scheme") << u"us-east-1"_s << u"localhost:4566"_s
                                                  << QString() << u"has no scheme"_s;
        QTest::addRow("no host") << u"us-east-1"_s << u"https://"_s << QString() << u"has no host"_s;
        QTest::addRow("no host, path only") << u"us-east-1"_s << u"http:///sms"_s << QString()
                                            << u"has no host"_s;
        QTest::addRow("space in host") << u"us-east-1"_s << u"https://sms example.com"_s
                                       << QString() << u"is malformed"_s;
        QTest::addRow("port out of range") << u"us-east-1"_s << u"https://sms.example.com:99999"_s
                                           << QString() << u"is malformed"_s;
        QTest::addRow("query rejected") << u"us-east-1"_s << u"https://sms.example.com/?a=b"_s
                                        << QString() << u"query or fragment"_s;
    }

    void resolve()
    {
        QFETCH(QString, region);
        QFETCH(QString, customUrl);
        QFETCH(QString, expectedUrl);
        QFETCH(QString, errorContains);

        const Result<QUrl> result = resolveEndpoint(region, customUrl);
        if (errorContains.isEmpty()) {
            QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
            QCOMPARE(result.value().toString(), expectedUrl);
            return;
        }
        QVERIFY(!result.ok());
        QVERIFY(result.error().errorCode() == ErrorCode::InvalidConfiguration);
        const QString message = QString::fromStdString(result.error().message);
        QVERIFY2(message.contains(errorContains), qPrintable(message));
        QVERIFY2(!message.contains(u"topsecretpw"), qPrintable(message));
    }

    void loopbackHosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::addRow("localhost") << u"localhost"_s << true;
        QTest::addRow("LOCALHOST") << u"LOCALHOST"_s << true;
        QTest::addRow("localhost.") << u"localhost."_s << true;
        QTest::addRow("127.0.0.1") << u"127.0.0.1"_s << true;
        QTest::addRow("127.255.255.254") << u"127.255.255.254"_s << true;
        QTest::addRow("::1") << u"::1"_s << true;
        QTest::addRow("[::1]") << u"[::1]"_s << true;
        QTest::addRow("0:0:0:0:0:0:0:1") << u"0:0:0:0:0:0:0:1"_s << true;
        QTest::addRow("128.0.0.1") << u"128.0.0.1"_s << false;
        QTest::addRow("0.0.0.0") << u"0.0.0.0"_s << false;
        QTest::addRow("10.0.0.1") << u"10.0.0.1"_s << false;
        QTest::addRow("::2") << u"::2"_s << false;
        QTest::addRow("localhost.example.com") << u"localhost.example.com"_s << false;
        QTest::addRow("mylocalhost") << u"mylocalhost"_s << false;
        QTest::addRow("127.0.0.1.nip.io") << u"127.0.0.1.nip.io"_s << false;
        QTest::addRow("empty") << QString() << false;
    }

    void loopbackHosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHost(host), loopback);
    }

    void regionNames_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<bool>("valid");
        QTest::addRow("us-east-1") << u"us-east-1"_s << true;
        QTest::addRow("us-gov-west-1") << u"us-gov-west-1"_s << true;
        QTest::addRow("local") << u"local"_s << true;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("leading hyphen") << u"-us-east-1"_s << false;
        QTest::addRow("double hyphen") << u"us--east-1"_s << false;
        QTest::addRow("slash") << u"us-east-1/x"_s << false;
        QTest::addRow("space") << u"us east 1"_s << false;
    }

    void regionNames()
    {
        QFETCH(QString, region);
        QFETCH(bool, valid);
        QCOMPARE(isValidRegionName(region), valid);
    }
};

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
