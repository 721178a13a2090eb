// sms-local's faults (--fault-throttle, --fault-5xx, --fault-drop,
// --latency-ms) as a client meets them over loopback: a throttled or failed
// request changes nothing, a dropped one is performed without an answer, a
// delay delays every answer without serializing them, shares come out as set
// and are the same for the same seed, and the project's retrying client gets
// through with a client token creating exactly one application.

#include "AwaitResult.h"

#include "sandbox/SandboxEngine.h"
#include "sandbox/SandboxServer.h"

#include "client/SmsClient.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <set>

using namespace sms;
using namespace sms::sandbox;
using api::Json;

namespace {

struct Answer
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray requestId;
    Json body;
    qint64 elapsedMs = 0;
};

QNetworkReply *send(QNetworkAccessManager &network, quint16 port, const QByteArray &operation, const Json &body)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    request.setRawHeader("Content-Type", "application/x-amz-json-1.1");
    request.setRawHeader("X-Amz-Target", "AWSServerMigrationService_V2016_10_24." + operation);
    return network.post(request, QByteArray::fromStdString(body.dump()));
}

Answer collect(QNetworkReply *reply)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    answer.requestId = reply->rawHeader("x-amzn-RequestId");
    answer.body = Json::parse(reply->readAll().toStdString(), nullptr, false);
    return answer;
}

Answer post(QNetworkAccessManager &network, quint16 port, const QByteArray &operation, const Json &body = Json::object())
{
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> reply(send(network, port, operation, body));
    if (!QTest::qWaitFor([&] { return reply->isFinished(); }, 15'000)) {
        reply->abort();
        Answer answer;
        answer.error = QNetworkReply::TimeoutError;
        return answer;
    }
    Answer answer = collect(reply.get());
    answer.elapsedMs = timer.elapsed();
    return answer;
}

QString typeOf(const Answer &answer)
{
    return answer.body.is_object() ? QString::fromStdString(answer.body.value("__type", "")) : QString();
}

// An engine on a small estate behind an unauthenticated server, on a loopback port.
struct Sandbox
{
    explicit Sandbox(std::uint64_t seed = 7)
        : engine(SandboxState::fromEstate(generateEstate(40, seed), seed), options())
        , server(std::nullopt)
    {
        engine.registerWith(server);
        server.setAfterEachOperation([this](std::string_view) { ++performed; });
        port = server.listenOn(QHostAddress::LocalHost, 0);
    }

    static EngineOptions options()
    {
        EngineOptions options;
        options.start = api::Timestamp{1'750'000'000};
        return options;
    }

    // The applications as ListApps reports them, with the faults off.
    std::size_t appCount()
    {
        const FaultSettings saved = faults;
        server.setFaults({});
        QNetworkAccessManager network;
        const Answer listed = post(network, port, "ListApps");
        setFaults(saved);
        return listed.status == 200 && listed.body.contains("apps") ? listed.body["apps"].size() : size_t(999);
    }

    void setFaults(const FaultSettings &settings)
    {
        faults = settings;
        server.setFaults(settings);
    }

    SandboxEngine engine;
    SandboxServer server;
    FaultSettings faults;
    quint16 port = 0;
    int performed = 0;  // operations that ran and succeeded
};

Json createApp(const std::string &name, std::optional<std::string> clientToken = {})
{
    Json body{{"name", name}, {"description", "made under faults"}};
    if (clientToken)
        body["clientToken"] = *clientToken;
    return body;
}

// Faults striking the given shares of requests, in the order `seed` gives.
FaultSettings shares(double throttle, double serverError, double drop = 0, std::uint64_t seed = FaultSettings{}.seed)
{
    FaultSettings faults;
    faults.throttle = throttle;
    faults.serverError = serverError;
    faults.drop = drop;
    faults.seed = seed;
    return faults;
}

// The outcome of one request, as a letter: . ok, T throttled, E 500, D dropped.
char outcomeOf(const Answer &answer)
{
    if (answer.error != QNetworkReply::NoError && answer.status == 0)
        return 'D';
    if (answer.status == 200)
        return '.';
    if (answer.status == 400 && typeOf(answer) == QLatin1String("ThrottlingException"))
        return 'T';
    if (answer.status == 500 && typeOf(answer) == QLatin1String("InternalError"))
        return 'E';
    return '?';
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedRequestsChangeNothing_data()
    {
        QTest::addColumn<double>("throttle");
        QTest::addColumn<double>("serverError");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QTest::addRow("throttled") << 1.0 << 0.0 << 400 << "ThrottlingException";
        QTest::addRow("5xx") << 0.0 << 1.0 << 500 << "InternalError";
    }

    void refusedRequestsChangeNothing()
    {
        QFETCH(double, throttle);
        QFETCH(double, serverError);
        QFETCH(int, status);
        QFETCH(QString, type);
        Sandbox sandbox;
        QVERIFY(sandbox.port != 0);
        sandbox.setFaults(shares(throttle, serverError));
        QNetworkAccessManager network;
        for (int i = 0; i < 5; ++i) {
            const Answer answer = post(network, sandbox.port, "CreateApp", createApp("refused " + std::to_string(i)));
            QCOMPARE(answer.status, status);
            QCOMPARE(typeOf(answer), type);
            QVERIFY(!answer.body.value("message", "").empty());
            QVERIFY(!answer.requestId.isEmpty());
        }
        // Reads are refused too.
        QCOMPARE(post(network, sandbox.port, "ListApps").status, status);
        QCOMPARE(sandbox.performed, 0);
        QCOMPARE(sandbox.engine.state().apps.size(), size_t(0));
        QCOMPARE(sandbox.appCount(), size_t(0));
        // With the faults off, the same request goes through.
        sandbox.setFaults({});
        const Answer created = post(network, sandbox.port, "CreateApp", createApp("accepted"));
        QCOMPARE(created.status, 200);
        QCOMPARE(sandbox.appCount(), size_t(1));
    }

    void droppedRequestsArePerformed()
    {
        Sandbox sandbox;
        FaultSettings faults;
        faults.drop = 1.0;
        sandbox.setFaults(faults);
        QNetworkAccessManager network;
        const Answer answer = post(network, sandbox.port, "CreateApp", createApp("dropped", "drop-token"));
        QCOMPARE(answer.status, 0);
        QVERIFY2(answer.error == QNetworkReply::RemoteHostClosedError || answer.error == QNetworkReply::UnknownNetworkError
                     || answer.error == QNetworkReply::ProtocolFailure,
                 qPrintable(QString::number(int(answer.error))));
        QVERIFY(answer.requestId.isEmpty());
        // Performed, although no answer came. (Qt may send a request again on
        // a connection closed before any answer: the client token keeps it one.)
        QVERIFY(sandbox.performed >= 1);
        QCOMPARE(sandbox.appCount(), size_t(1));
        QCOMPARE(QString::fromStdString(sandbox.engine.state().apps.front().name), QStringLiteral("dropped"));
    }

    void latencyDelaysEveryAnswer()
    {
        Sandbox sandbox;
        FaultSettings faults;
        faults.latencyMs = 300;
        sandbox.setFaults(faults);
        QNetworkAccessManager network;
        const Answer answer = post(network, sandbox.port, "ListApps");
        QCOMPARE(answer.status, 200);
        QVERIFY2(answer.elapsedMs >= 300, qPrintable(QString::number(answer.elapsedMs)));
        // Errors are delayed as well.
        faults.throttle = 1.0;
        sandbox.setFaults(faults);
        const Answer throttled = post(network, sandbox.port, "ListApps");
        QCOMPARE(throttled.status, 400);
        QVERIFY2(throttled.elapsedMs >= 300, qPrintable(QString::number(throttled.elapsedMs)));
    }

    void latencyDoesNotSerializeConnections()
    {
        Sandbox sandbox;
        FaultSettings faults;
        faults.latencyMs = 500;
        sandbox.setFaults(faults);
        // Two managers: two connections.
        QNetworkAccessManager first, second;
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QNetworkReply> a(send(first, sandbox.port, "ListApps", Json::object()));
        std::unique_ptr<QNetworkReply> b(send(second, sandbox.port, "GetConnectors", Json::object()));
        qint64 aDone = -1, bDone = -1;
        QObject::connect(a.get(), &QNetworkReply::finished, [&] { aDone = timer.elapsed(); });
        QObject::connect(b.get(), &QNetworkReply::finished, [&] { bDone = timer.elapsed(); });
        QVERIFY(QTest::qWaitFor([&] { return aDone >= 0 && bDone >= 0; }, 15'000));
        QCOMPARE(collect(a.get()).status, 200);
        QCOMPARE(collect(b.get()).status, 200);
        QVERIFY2(aDone >= 500 && bDone >= 500, qPrintable(QStringLiteral("%1 %2").arg(aDone).arg(bDone)));
        // One after the other would take 1000 ms at least; allow 400 ms of slack over one delay.
        QVERIFY2(std::max(aDone, bDone) < 900, qPrintable(QStringLiteral("%1 %2").arg(aDone).arg(bDone)));
    }

    void sharesComeOutAsSet_data()
    {
        QTest::addColumn<double>("throttle");
        QTest::addColumn<double>("serverError");
        QTest::addRow("throttle 0.3") << 0.3 << 0.0;
        QTest::addRow("5xx 0.3") << 0.0 << 0.3;
        QTest::addRow("both 0.3") << 0.3 << 0.3;
    }

    void sharesComeOutAsSet()
    {
        QFETCH(double, throttle);
        QFETCH(double, serverError);
        Sandbox sandbox;
        sandbox.setFaults(shares(throttle, serverError, 0, 99));
        QNetworkAccessManager network;
        constexpr int kRequests = 200;
        // All at once, over the manager's few connections: the order does not matter here.
        std::vector<std::unique_ptr<QNetworkReply>> replies;
        for (int i = 0; i < kRequests; ++i)
            replies.emplace_back(send(network, sandbox.port, "GetConnectors", Json::object()));
        QVERIFY(QTest::qWaitFor(
            [&] { return std::all_of(replies.begin(), replies.end(), [](const auto &r) { return r->isFinished(); }); },
            60'000));
        std::map<char, int> seen;
        for (const auto &reply : replies)
            ++seen[outcomeOf(collect(reply.get()))];
        QCOMPARE(seen['?'], 0);
        QCOMPARE(seen['D'], 0);
        const auto near = [](int count, double share) {
            return std::abs(double(count) / kRequests - share) <= 0.1;
        };
        QVERIFY2(near(seen['T'], throttle), qPrintable(QString::number(seen['T'])));
        QVERIFY2(near(seen['E'], serverError), qPrintable(QString::number(seen['E'])));
        QCOMPARE(seen['.'] + seen['T'] + seen['E'], kRequests);
        QCOMPARE(sandbox.performed, seen['.']);
    }

    void sameSeedSameFaults()
    {
        const auto sequence = [](std::uint64_t seed) {
            Sandbox sandbox;
            sandbox.setFaults(shares(0.25, 0.25, 0, seed));
            QNetworkAccessManager network;
            QByteArray outcomes;
            for (int i = 0; i < 40; ++i)
                outcomes += outcomeOf(post(network, sandbox.port, "GetConnectors"));
            return outcomes;
        };
        const QByteArray first = sequence(5);
        QVERIFY(first.contains('T') && first.contains('E') && first.contains('.'));
        QVERIFY(!first.contains('?'));
        QCOMPARE(sequence(5), first);
        QVERIFY(sequence(6) != first);

        // setFaults restarts the sequence.
        Sandbox sandbox;
        const FaultSettings faults = shares(0.25, 0.25, 0, 5);
        QNetworkAccessManager network;
        QByteArray again;
        sandbox.setFaults(faults);
        for (int i = 0; i < 20; ++i)
            again += outcomeOf(post(network, sandbox.port, "GetConnectors"));
        sandbox.setFaults(faults);
        for (int i = 0; i < 20; ++i)
            again += outcomeOf(post(network, sandbox.port, "GetConnectors"));
        QCOMPARE(again, first.left(20) + first.left(20));
    }

    void retryingClientCreatesExactlyOneApp_data()
    {
        QTest::addColumn<double>("throttle");
        QTest::addColumn<double>("drop");
        QTest::addRow("throttle 0.5") << 0.5 << 0.0;
        QTest::addRow("throttle 0.3, drop 0.3") << 0.3 << 0.3;
    }

    void retryingClientCreatesExactlyOneApp()
    {
        QFETCH(double, throttle);
        QFETCH(double, drop);
        Sandbox sandbox;
        sandbox.setFaults(shares(throttle, 0, drop, 3));

        client::ClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(sandbox.port));
        config.region = QStringLiteral("us-east-1");
        config.credentials = {QStringLiteral("AKIDFAULTTEST"), QStringLiteral("fault-test-secret"), {}, {}, {}};
        config.retry.maxAttempts = 30;
        config.retry.baseDelay = std::chrono::milliseconds(1);
        config.retry.maxBackoff = std::chrono::milliseconds(5);
        client::SmsClient client(config);
        QSignalSpy records(&client, &client::SmsClient::callFinished);

        int attempts = 0;
        for (int i = 0; i < 6; ++i) {
            api::CreateAppRequest request;
            request.name = "retried " + std::to_string(i);
            request.clientToken = "retry-token-" + std::to_string(i);
            const auto created = awaitResult<api::CreateAppResponse>(
                [&](QObject *ctx, auto done) { client.createApp(request, ctx, done); }, 30'000);
            QVERIFY2(created.ok(), created ? "" : created.error().describe().c_str());
            QCOMPARE(QString::fromStdString(*created->appSummary->name), QString::fromStdString(*request.name));
            QCOMPARE(records.size(), i + 1);
            attempts += records.at(i).first().value<client::CallRecord>().attempts;
        }
        QVERIFY2(attempts > 6, "the faults never struck: the retries went untested");
        // Each create happened once, however often it was sent.
        QCOMPARE(sandbox.appCount(), size_t(6));
        std::set<std::string> tokens;
        for (const AppRecord &app : sandbox.engine.state().apps)
            tokens.insert(app.clientToken.value_or(""));
        QCOMPARE(tokens.size(), size_t(6));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
