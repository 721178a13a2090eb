// The endpoint the planner works with: Connect… tries a new endpoint before it
// lets go of the one in use, and the window's words for the sandbox say what
// happened.

#include "TestEnvironment.h"

#include "services/EndpointSession.h"

#include "sandbox/SandboxDefaults.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using namespace sms::services;

Q_DECLARE_METATYPE(sms::services::SandboxReason)
Q_DECLARE_METATYPE(sms::ErrorCode)
Q_DECLARE_METATYPE(sms::SmsError)

namespace {

const SandboxOptions kSmallSandbox{60, 1, 1.0, false};

// A loopback port nothing listens on (taken, then let go).
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QStringList keys(const char *secret)
{
    return {QStringLiteral("AWS_ACCESS_KEY_ID=") + QString::fromLatin1(sandbox::kDefaultAccessKeyId),
            QStringLiteral("AWS_SECRET_ACCESS_KEY=") + QString::fromLatin1(secret)};
}

} // namespace

class TestEndpointSession : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failedSwitchKeepsTheWorkingConnection_data()
    {
        QTest::addColumn<QString>("url");  // "other": a second sandbox; "closed": a port nothing listens on
        QTest::addColumn<QStringList>("variables");
        QTest::addColumn<ErrorCode>("error");
        QTest::addRow("nothing listening") << "closed" << keys(sandbox::kDefaultSecretAccessKey)
                                           << ErrorCode::NetworkError;
        QTest::addRow("a wrong secret key") << "other" << keys("not-the-secret") << ErrorCode::InvalidSignatureException;
        QTest::addRow("no credentials") << "other" << QStringList() << ErrorCode::CredentialsNotFound;
    }

    void failedSwitchKeepsTheWorkingConnection()
    {
        QFETCH(QString, url);
        QFETCH(QStringList, variables);
        QFETCH(ErrorCode, error);
        SandboxHost other(kSmallSandbox);
        const QUrl otherUrl = other.start()->endpoint;
        EndpointSession session(kSmallSandbox);
        QVERIFY(openSandbox(session, SandboxReason::CommandLine));
        client::SmsClient *working = session.client();
        const QString description = session.description();

        ConnectionRequest request;
        request.endpointUrl = url == u"closed" ? QStringLiteral("http://127.0.0.1:%1").arg(closedPort())
                                               : otherUrl.toString();
        request.region = QStringLiteral("us-east-1");
        request.environment = testing::testEnvironment(m_home.path(), variables);
        QSignalSpy failed(&session, &EndpointSession::switchFailed);
        QSignalSpy closing(&session, &EndpointSession::aboutToClose);
        session.switchTo(request, SandboxReason::NotAsked);
        QVERIFY(failed.wait(20'000));
        QVERIFY(failed.front().front().value<SmsError>().errorCode() == error);
        QCOMPARE(closing.count(), 0);
        QCOMPARE(session.client(), working);
        QCOMPARE(session.description(), description);
        QVERIFY(session.isSandbox());
        QVERIFY(!session.isSwitching());
    }

    void switchesOnceTheNewOneAnswers()
    {
        SandboxHost other(kSmallSandbox);
        const QUrl otherUrl = other.start()->endpoint;
        EndpointSession session(kSmallSandbox);
        QVERIFY(openSandbox(session, SandboxReason::CommandLine));

        ConnectionRequest request;
        request.endpointUrl = otherUrl.toString();
        request.region = QStringLiteral("us-east-1");
        request.environment = testing::testEnvironment(m_home.path(), keys(sandbox::kDefaultSecretAccessKey));
        QSignalSpy opened(&session, &EndpointSession::opened);
        session.switchTo(request, SandboxReason::NotAsked);
        QVERIFY(opened.wait(20'000));
        QCOMPARE(session.endpoint(), otherUrl);
        QVERIFY(!session.isSandbox());
        QCOMPARE(session.description(), otherUrl.toString() + QStringLiteral(" \u00B7 us-east-1"));
        QCOMPARE(session.endpointName(), session.description());
    }

    void wordsTheSandboxForWhatHappened_data()
    {
        QTest::addColumn<SandboxReason>("atStart");
        QTest::addColumn<SandboxReason>("inDialog");  // NotAsked: Connect… not used
        QTest::addColumn<QString>("description");
        QTest::addRow("nothing set up") << SandboxReason::NotAsked << SandboxReason::NotAsked
                                        << "Local sandbox (no AWS credentials were found)";
        QTest::addRow("--sandbox") << SandboxReason::CommandLine << SandboxReason::NotAsked
                                   << "Local sandbox (started with --sandbox)";
        QTest::addRow("chosen in Connect\u2026") << SandboxReason::CommandLine << SandboxReason::ConnectDialog
                                                 << "Local sandbox (chosen in Connect\u2026)";
    }

    void wordsTheSandboxForWhatHappened()
    {
        QFETCH(SandboxReason, atStart);
        QFETCH(SandboxReason, inDialog);
        QFETCH(QString, description);
        EndpointSession session(kSmallSandbox);
        QVERIFY(openSandbox(session, atStart));
        if (inDialog != SandboxReason::NotAsked) {
            QSignalSpy opened(&session, &EndpointSession::opened);
            session.switchTo(request(), inDialog);
            QVERIFY(opened.count() == 1 || opened.wait(20'000));
        }
        QCOMPARE(session.description(), description);
        QCOMPARE(session.endpointName(), QStringLiteral("the local sandbox"));
    }

private:
    ConnectionRequest request() const
    {
        ConnectionRequest request;
        request.environment = testing::testEnvironment(m_home.path(), {});
        return request;
    }

    bool openSandbox(EndpointSession &session, SandboxReason reason)
    {
        QSignalSpy opened(&session, &EndpointSession::opened);
        session.open(request(), reason);
        return opened.wait(20'000) && session.isSandbox();
    }

    QTemporaryDir m_home;
};

QTEST_GUILESS_MAIN(TestEndpointSession)
#include "tst_endpointsession.moc"
