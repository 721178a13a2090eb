#include "client/RetryPolicy.h"

#include <QTest>

using namespace sms;
using namespace sms::client;
using std::chrono::milliseconds;

namespace {
SmsError errorOf(const char *code, int status)
{
    SmsError error;
    error.code = code;
    error.httpStatus = status;
    error.retryable = isRetryableError(error);
    return error;
}
} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void classifiesErrors_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryable");
        QTest::addRow("throttling") << "ThrottlingException" << 400 << true;
        QTest::addRow("rate limit") << "RequestLimitExceeded" << 400 << true;
        QTest::addRow("too many requests") << "TooManyRequestsException" << 429 << true;
        QTest::addRow("internal error") << "InternalError" << 500 << true;
        QTest::addRow("temporarily unavailable") << "TemporarilyUnavailableException" << 400 << true;
        QTest::addRow("any 503") << "SomethingNew" << 503 << true;
        QTest::addRow("any 429") << "InvalidResponse" << 429 << true;
        QTest::addRow("network") << "NetworkError" << 0 << true;
        QTest::addRow("timeout") << "Timeout" << 0 << true;
        QTest::addRow("invalid parameter") << "InvalidParameterException" << 400 << false;
        QTest::addRow("missing parameter") << "MissingRequiredParameterException" << 400 << false;
        QTest::addRow("bad signature") << "InvalidSignatureException" << 400 << false;
        QTest::addRow("unknown 4xx") << "SomethingNew" << 400 << false;
        QTest::addRow("canceled") << "Canceled" << 0 << false;
    }

    void classifiesErrors()
    {
        QFETCH(QString, code);
        QFETCH(int, status);
        QFETCH(bool, retryable);
        QCOMPARE(errorOf(code.toLatin1().constData(), status).retryable, retryable);
    }

    void boundsAttempts()
    {
        const RetryPolicy policy({3, milliseconds(1000), milliseconds(20'000)});
        const SmsError throttled = errorOf("ThrottlingException", 400);
        QVERIFY(policy.shouldRetry(throttled, 1));
        QVERIFY(policy.shouldRetry(throttled, 2));
        QVERIFY(!policy.shouldRetry(throttled, 3));
        QVERIFY(!policy.shouldRetry(errorOf("InvalidParameterException", 400), 1));
    }

    void backoffIsFullJitterCappedAt20s_data()
    {
        QTest::addColumn<int>("attemptsMade");
        QTest::addColumn<double>("random");
        QTest::addColumn<int>("expectedMs");
        QTest::addRow("first retry, max jitter") << 1 << 1.0 << 1000;
        QTest::addRow("first retry, half") << 1 << 0.5 << 500;
        QTest::addRow("second retry") << 2 << 1.0 << 2000;
        QTest::addRow("fifth retry") << 5 << 1.0 << 16000;
        QTest::addRow("capped") << 6 << 1.0 << 20000;
        QTest::addRow("capped far out") << 40 << 0.5 << 10000;
        QTest::addRow("zero jitter") << 3 << 0.0 << 0;
    }

    void backoffIsFullJitterCappedAt20s()
    {
        QFETCH(int, attemptsMade);
        QFETCH(double, random);
        QFETCH(int, expectedMs);
        const RetryPolicy policy;
        QCOMPARE(policy.backoff(attemptsMade, random).count(), expectedMs);
    }

    void quotaRunsOutAndRefills()
    {
        RetryQuota quota;
        const SmsError throttled = errorOf("ThrottlingException", 400);
        int granted = 0;
        while (quota.acquire(throttled))
            ++granted;
        QCOMPARE(granted, RetryQuota::kCapacity / RetryQuota::kRetryCost);
        quota.releaseOnSuccess(RetryQuota::kRetryCost);
        QCOMPARE(quota.acquire(throttled), RetryQuota::kRetryCost);
        QCOMPARE(quota.acquire(errorOf("Timeout", 0)), 0);
        quota.releaseOnSuccess(RetryQuota::kTimeoutRetryCost);  // a timeout retry refunds all it took
        QCOMPARE(quota.available(), RetryQuota::kTimeoutRetryCost);
    }
};

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
