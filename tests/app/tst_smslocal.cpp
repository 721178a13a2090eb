// sms-local as a user runs it: a real process that prints where it listens,
// serves the API, refuses bad command lines and files with a message naming
// what is wrong, and on SIGTERM saves a state that loads again.

#include "RunProcess.h"

#include "sandbox/StateFile.h"

#include "api/JsonCodec.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#include <sys/types.h>
#endif

using sms::api::Json;
using sms::testing::Run;

namespace {

QByteArray readBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList words(const char *text)
{
    return QString::fromLatin1(text).split(QLatin1Char(' '));
}

struct Answer
{
    int status = 0;
    Json body;
};

// `host` as it stands in a URL: 127.0.0.1, [::1].
Answer post(quint16 port, const QByteArray &operation, const Json &body = Json::object(),
            const QString &host = QStringLiteral("127.0.0.1"))
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("http://%1:%2/").arg(host).arg(port)));
    request.setRawHeader("Content-Type", "application/x-amz-json-1.1");
    request.setRawHeader("X-Amz-Target", "AWSServerMigrationService_V2016_10_24." + operation);
    std::unique_ptr<QNetworkReply> reply(network.post(request, QByteArray::fromStdString(body.dump())));
    Answer answer;
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15'000))
        return answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = Json::parse(reply->readAll().toStdString(), nullptr, false);
    return answer;
}

} // namespace

class TestSmsLocal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_env = sms::testing::cleanEnvironment(m_dir.path());
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    }

    void cleanup()
    {
        if (m_process) {
            if (m_process->state() != QProcess::NotRunning) {
                m_process->kill();
                m_process->waitForFinished(10'000);
            }
            m_process.reset();
        }
    }

    void printsWhereItListensAndServes()
    {
        const quint16 port = start({QStringLiteral("--no-auth")});
        QVERIFY(port != 0);
        const Answer listed = post(port, "ListApps");
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.body.contains("apps"));
        const Answer servers = post(port, "GetServers", {{"maxResults", 5}});
        QCOMPARE(servers.status, 200);
        QCOMPARE(servers.body["serverList"].size(), size_t(5));
        // Nothing but the line on authentication was printed.
        QCOMPARE(m_process->readAllStandardOutput(),
                 QByteArray("Authentication is off (--no-auth): requests are accepted signed or not.\n"));
    }

    void printsTheCredentialsItAccepts_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("expected");
        QTest::addColumn<QByteArray>("neverPrinted");
        QTest::addRow("demo key pair")
            << QStringList()
            << QByteArray("Sign requests with access key id AKIASMSLOCALSANDBOX1 and secret access key "
                          "sms-local/sandbox/secret/do-not-use-for-aws (the sandbox's public demo key pair), "
                          "region us-east-1.\n")
            << QByteArray();
        QTest::addRow("the user's own key pair")
            << words("--access-key AKIAOWNKEY --secret-key own/secret/value --region eu-west-1")
            << QByteArray("Sign requests with access key id AKIAOWNKEY and the secret access key given with "
                          "--secret-key, region eu-west-1.\n")
            << QByteArray("own/secret/value");
        QTest::addRow("no auth") << words("--no-auth")
                                 << QByteArray("Authentication is off (--no-auth): requests are accepted signed or not.\n")
                                 << QByteArray();
    }

    void printsTheCredentialsItAccepts()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, expected);
        QFETCH(QByteArray, neverPrinted);
        QVERIFY(start(arguments) != 0);  // the listening line is still the first
        QVERIFY(QTest::qWaitFor([&] { return m_process->canReadLine(); }, 10'000));
        QCOMPARE(m_process->readLine(), expected);
        if (!neverPrinted.isEmpty()) {
            QTest::qWait(200);
            QVERIFY(!m_process->readAllStandardOutput().contains(neverPrinted));
            QVERIFY(!m_process->readAllStandardError().contains(neverPrinted));
        }
    }

    void printsAnIpv6UrlInBrackets()
    {
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHostIPv6, 0))
                QSKIP("IPv6 loopback (::1) is not available on this machine.");
        }
        const quint16 port = start({QStringLiteral("--no-auth"), QStringLiteral("--bind"), QStringLiteral("::1")},
                                   QStringLiteral("[::1]"));
        QVERIFY(port != 0);
        const Answer listed = post(port, "ListApps", Json::object(), QStringLiteral("[::1]"));
        QCOMPARE(listed.status, 200);
        QVERIFY(listed.body.contains("apps"));
    }

    void signsByDefault()
    {
        const quint16 port = start({});
        QVERIFY(port != 0);
        const Answer unsigned_ = post(port, "ListApps");
        QVERIFY2(unsigned_.status == 400 || unsigned_.status == 403, qPrintable(QString::number(unsigned_.status)));
        QVERIFY(unsigned_.body.is_object() && unsigned_.body.contains("__type"));
    }

    void refusesBadCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::addRow("throttle share above 1") << words("--fault-throttle 2") << "--fault-throttle";
        QTest::addRow("port not a number") << words("--port x") << "--port";
        QTest::addRow("port out of range") << words("--port 70000") << "--port";
        QTest::addRow("port without value") << words("--port") << "port";
        QTest::addRow("access key alone") << words("--access-key A") << "--secret-key";
        QTest::addRow("secret key alone") << words("--secret-key B") << "--access-key";
        QTest::addRow("keys without auth")
            << words("--no-auth --access-key A --secret-key B") << "--no-auth";
        QTest::addRow("unknown flag") << words("--frobnicate") << "frobnicate";
        QTest::addRow("stray argument") << words("extra") << "extra";
        QTest::addRow("fault shares above 1") << words("--fault-throttle 0.6 --fault-5xx 0.6")
                                              << "--fault-";
        QTest::addRow("negative latency") << words("--latency-ms -1") << "--latency-ms";
        QTest::addRow("bad bind address") << words("--bind nowhere") << "--bind";
        QTest::addRow("fractional servers") << words("--servers 1.5") << "--servers";
        // QString::toDouble() takes these with ok set, and NaN passes range checks.
        QTest::addRow("time scale nan") << words("--time-scale nan") << "--time-scale";
        QTest::addRow("time scale inf") << words("--time-scale inf") << "--time-scale";
        QTest::addRow("port nan") << words("--port nan") << "--port";
        QTest::addRow("latency inf") << words("--latency-ms inf") << "--latency-ms";
        QTest::addRow("latency nan") << words("--latency-ms nan") << "--latency-ms";
        QTest::addRow("failure rate nan") << words("--failure-rate nan") << "--failure-rate";
        QTest::addRow("throttle share nan") << words("--fault-throttle NaN") << "--fault-throttle";
        QTest::addRow("seed inf") << words("--seed inf") << "--seed";
        QTest::addRow("servers nan") << words("--servers nan") << "--servers";
        QTest::addRow("group limit nan") << words("--max-server-groups nan") << "--max-server-groups";
    }

    void refusesBadCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        const Run run = runToEnd(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(named.toUtf8()), run.err.constData());
        QVERIFY(run.err.startsWith("sms-local: "));
        QCOMPARE(run.out, QByteArray());
    }

    void refusesAMissingCatalog()
    {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-catalog.json"));
        const Run run = runToEnd({QStringLiteral("--catalog"), missing});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(missing.toUtf8()), run.err.constData());
        QCOMPARE(run.out, QByteArray());
    }

    void refusesACorruptStateAndKeepsIt()
    {
        const QString path = m_dir.filePath(QStringLiteral("corrupt-state.json"));
        const QByteArray corrupt = "{\"format\":\"sms-local state\",\"version\":1,\"seed\":";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(corrupt);
        }
        const Run run = runToEnd({QStringLiteral("--state"), path, QStringLiteral("--no-auth")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(path.toUtf8()), run.err.constData());
        QVERIFY2(run.err.contains("corrupt or truncated"), run.err.constData());
        QCOMPARE(run.out, QByteArray());
        QCOMPARE(readBytes(path), corrupt);
    }

    void savesItsStateOnSigterm()
    {
        const QString path = m_dir.filePath(QStringLiteral("state.json"));
        quint16 port = start({QStringLiteral("--no-auth"), QStringLiteral("--state"), path});
        QVERIFY(port != 0);
        QVERIFY(QFile::exists(path));  // saved at once
        const Answer created = post(port, "CreateApp",
                                    {{"name", "kept-across-restarts"}, {"description", "made before SIGTERM"}});
        QCOMPARE(created.status, 200);
        const std::string appId = created.body["appSummary"]["appId"].get<std::string>();

        m_process->terminate();  // SIGTERM
        const auto loaded = exitedCleanlyLeaving(path);
        QCOMPARE(loaded.apps.size(), size_t(1));
        QCOMPARE(QString::fromStdString(loaded.apps.front().id), QString::fromStdString(appId));
        QCOMPARE(QString::fromStdString(loaded.apps.front().name), QStringLiteral("kept-across-restarts"));
        QCOMPARE(loaded.estate.servers.size(), size_t(60));

        // A restart on the file continues where the first stopped.
        port = start({QStringLiteral("--no-auth"), QStringLiteral("--state"), path});
        QVERIFY(port != 0);
        const Answer got = post(port, "GetApp", {{"appId", appId}});
        QCOMPARE(got.status, 200);
        QVERIFY(got.body["appSummary"]["description"] == "made before SIGTERM");
        m_process->terminate();
        QVERIFY(m_process->waitForFinished(15'000));
        QCOMPARE(m_process->exitCode(), 0);
    }

    void savesSoonAfterAChange()
    {
        const QString path = m_dir.filePath(QStringLiteral("state-soon.json"));
        const quint16 port = start({QStringLiteral("--no-auth"), QStringLiteral("--state"), path});
        QVERIFY(port != 0);
        const auto appsSaved = [&] {
            const auto loaded = sms::sandbox::loadState(path);
            return loaded ? loaded->apps.size() : size_t(0);
        };
        // Small state, fast saves: the delay stays near its 200 ms floor.
        QCOMPARE(post(port, "CreateApp", {{"name", "first"}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(appsSaved(), size_t(1), 10'000);
        QCOMPARE(post(port, "CreateApp", {{"name", "second"}}).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(appsSaved(), size_t(2), 10'000);
        QVERIFY(m_process->state() == QProcess::Running);  // saved while running, not on exit
    }

    void savesOnABurstOfSignals()
    {
#ifdef Q_OS_UNIX
        const QString path = m_dir.filePath(QStringLiteral("state-burst.json"));
        const quint16 port = start({QStringLiteral("--no-auth"), QStringLiteral("--state"), path});
        QVERIFY(port != 0);
        const Answer created = post(port, "CreateApp", {{"name", "burst"}});
        QCOMPARE(created.status, 200);

        const auto pid = pid_t(m_process->processId());
        QVERIFY(pid > 0);
        for (int i = 0; i < 200; ++i)
            ::kill(pid, i % 2 ? SIGINT : SIGTERM);
        QCOMPARE(exitedCleanlyLeaving(path).apps.size(), size_t(1));
#else
        QSKIP("Signals are a Unix matter.");
#endif
    }

private:
    // Waits for the signalled process to exit 0; the state it saved (empty on failure, which is reported).
    sms::sandbox::SandboxState exitedCleanlyLeaving(const QString &path)
    {
        [&] {
            QVERIFY(m_process->waitForFinished(15'000));
            QCOMPARE(m_process->exitStatus(), QProcess::NormalExit);
            QCOMPARE(m_process->exitCode(), 0);
        }();
        auto loaded = sms::sandbox::loadState(path);
        if (!loaded) {
            QTest::qFail(loaded.error().message.c_str(), __FILE__, __LINE__);
            return {};
        }
        return std::move(loaded).value();
    }

    // Starts sms-local with a small catalog; its port once it says where it listens, else 0.
    // `host` is how the listening address must appear in the printed URL.
    quint16 start(QStringList arguments, const QString &host = QStringLiteral("127.0.0.1"))
    {
        cleanup();
        arguments << QStringLiteral("--servers") << QStringLiteral("60") << QStringLiteral("--s3-dir")
                  << m_dir.filePath(QStringLiteral("s3"));
        m_process = std::make_unique<QProcess>();
        m_process->setProcessEnvironment(m_env);
        m_process->start(QStringLiteral(SMS_LOCAL_BINARY), arguments);
        if (!m_process->waitForStarted(10'000))
            return 0;
        if (!QTest::qWaitFor([&] { return m_process->canReadLine() || m_process->state() == QProcess::NotRunning; },
                             20'000))
            return 0;
        const QByteArray line = m_process->readLine();
        const QRegularExpression exact(QStringLiteral("^sms-local listening on http://%1:(\\d+)\\n$")
                                           .arg(QRegularExpression::escape(host)));
        const auto match = exact.match(QString::fromUtf8(line));
        if (!match.hasMatch()) {
            qWarning("unexpected first line: %s; stderr: %s", line.constData(),
                     m_process->readAllStandardError().constData());
            return 0;
        }
        return quint16(match.captured(1).toUInt());
    }

    Run runToEnd(const QStringList &arguments)
    {
        return sms::testing::runToEnd(QStringLiteral(SMS_LOCAL_BINARY), arguments, m_env);
    }

    QTemporaryDir m_dir;
    QProcessEnvironment m_env;
    std::unique_ptr<QProcess> m_process;
};

QTEST_GUILESS_MAIN(TestSmsLocal)
#include "tst_smslocal.moc"
