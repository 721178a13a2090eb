#include "api/Result.h"

#include <QTest>

using namespace sms;

class TestSmsError : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codesRoundTrip_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("value");
        QTest::addRow("modeled") << "ReplicationJobNotFoundException" << int(ErrorCode::ReplicationJobNotFoundException);
        QTest::addRow("common") << "ThrottlingException" << int(ErrorCode::ThrottlingException);
        QTest::addRow("signature") << "InvalidSignatureException" << int(ErrorCode::InvalidSignatureException);
        QTest::addRow("unknown") << "SomethingNewException" << int(ErrorCode::Unknown);
    }

    void codesRoundTrip()
    {
        QFETCH(QString, code);
        QFETCH(int, value);
        const auto parsed = errorCodeFromString(code.toStdString());
        QCOMPARE(int(parsed), value);
        if (parsed != ErrorCode::Unknown)
            QCOMPARE(QString::fromLatin1(toString(parsed)), code);
    }

    void throttlingCodes()
    {
        QVERIFY(isThrottlingCode(ErrorCode::ThrottlingException));
        QVERIFY(isThrottlingCode(ErrorCode::RequestLimitExceeded));
        QVERIFY(!isThrottlingCode(ErrorCode::InvalidParameterException));
    }

    void describeNamesStatusAndRequestId()
    {
        SmsError error = SmsError::make(ErrorCode::InvalidParameterException, "bad appId", 400);
        error.requestId = "abc-123";
        QCOMPARE(error.describe(), std::string("InvalidParameterException (HTTP 400, request id abc-123): bad appId"));
        QCOMPARE(SmsError::make(ErrorCode::Timeout, "no answer").describe(), std::string("Timeout: no answer"));
    }

    void resultHoldsValueOrError()
    {
        Result<int> good = 5;
        QVERIFY(good.ok());
        QCOMPARE(good.value(), 5);
        Result<int> bad = SmsError::make(ErrorCode::Canceled, "stopped");
        QVERIFY(!bad);
        QVERIFY(bad.error().errorCode() == ErrorCode::Canceled);
        Result<void> fine;
        QVERIFY(fine.ok());
    }
};

QTEST_APPLESS_MAIN(TestSmsError)
#include "tst_smserror.moc"
