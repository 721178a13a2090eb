// The catalog load against an in-process sandbox: every server arrives, one
// batch per page, with the connectors and the catalog's status; a catalog
// that is not there is a status, not an error; cancel and a refused
// connection end the load with one clear finished().

#include "services/CatalogLoader.h"

#include "client/SmsClient.h"
#include "services/PlainWords.h"
#include "services/SandboxHost.h"

#include <QDateTime>
#include <QPointer>
#include <QTcpServer>
#include <QTest>

#include <optional>
#include <set>

using namespace sms;
using namespace sms::services;

namespace {

// What one load reported, signal by signal.
struct LoadRun
{
    std::vector<std::size_t> batches;
    std::vector<api::Server> servers;
    std::vector<api::Connector> connectors;
    int connectorSignals = 0;
    qsizetype lastProgress = 0;
    int finishedSignals = 0;
    std::optional<Result<models::CatalogSource>> result;
};

void watch(CatalogLoader *loader, LoadRun &run)
{
    QObject::connect(loader, &CatalogLoader::serversArrived, loader, [&run](const std::vector<api::Server> &page) {
        run.batches.push_back(page.size());
        run.servers.insert(run.servers.end(), page.begin(), page.end());
    });
    QObject::connect(loader, &CatalogLoader::progress, loader, [&run](qsizetype n) { run.lastProgress = n; });
    QObject::connect(loader, &CatalogLoader::connectorsArrived, loader,
                     [&run](std::vector<api::Connector> connectors) {
                         ++run.connectorSignals;
                         run.connectors = std::move(connectors);
                     });
    QObject::connect(loader, &CatalogLoader::finished, loader,
                     [&run](const Result<models::CatalogSource> &result) {
                         ++run.finishedSignals;
                         run.result = result;
                     });
}

bool waitForEnd(const LoadRun &run, int timeoutMs = 20'000)
{
    return QTest::qWaitFor([&] { return run.result.has_value(); }, timeoutMs);
}

double nowSeconds()
{
    return double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
}

const char *describe(const std::optional<Result<models::CatalogSource>> &result)
{
    static std::string text;
    text = !result ? "no result" : result->ok() ? "ok" : result->error().describe();
    return text.c_str();
}

} // namespace

class TestCatalogLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void loadsTheWholeCatalog()
    {
        SandboxHost host({.servers = 2500, .demoApplications = false});
        const auto config = host.start();
        QVERIFY(config.ok());
        client::SmsClient client(config.value());

        LoadRun run;
        const double before = nowSeconds();
        QPointer<CatalogLoader> loader = new CatalogLoader(client, this);
        watch(loader, run);
        loader->start();
        QVERIFY(waitForEnd(run));
        QVERIFY2(run.result->ok(), describe(run.result));

        // Pages of the largest size the endpoint allows, one batch each.
        QVERIFY(run.batches == (std::vector<std::size_t>{1000, 1000, 500}));
        QCOMPARE(run.lastProgress, qsizetype(2500));
        const auto &estate = host.engine().state().estate;
        QCOMPARE(run.servers.size(), estate.servers.size());
        std::set<std::string> ids;
        for (const api::Server &server : run.servers)
            ids.insert(server.serverId.value_or(""));
        QCOMPARE(ids.size(), size_t(2500));
        QVERIFY(run.servers.front() == estate.servers.front().server);
        QVERIFY(run.servers.back() == estate.servers.back().server);

        QCOMPARE(run.connectorSignals, 1);
        QVERIFY(run.connectors == estate.connectors);

        const models::CatalogSource &source = run.result->value();
        QCOMPARE(QString::fromStdString(source.endpoint), config->endpoint.toString());
        QCOMPARE(QString::fromStdString(source.region), config->region);
        QVERIFY(source.status == api::ServerCatalogStatus::Available);
        QVERIFY(source.lastModifiedOn.has_value());
        QVERIFY(source.readAt);
        QVERIFY(source.readAt->epochSeconds >= before - 1 && source.readAt->epochSeconds <= nowSeconds() + 1);

        QCOMPARE(run.finishedSignals, 1);
        QVERIFY(QTest::qWaitFor([&] { return loader.isNull(); }, 1000));  // it deleted itself
    }

    void reportsACatalogThatIsNotThere_data()
    {
        QTest::addColumn<int>("status");
        QTest::addRow("not imported") << int(api::ServerCatalogStatus::NotImported);
        QTest::addRow("importing") << int(api::ServerCatalogStatus::Importing);
        QTest::addRow("deleted") << int(api::ServerCatalogStatus::Deleted);
        QTest::addRow("expired") << int(api::ServerCatalogStatus::Expired);
    }

    void reportsACatalogThatIsNotThere()
    {
        QFETCH(int, status);
        SandboxHost host({.servers = 300, .demoApplications = false});
        host.engine().state().catalogStatus = api::ServerCatalogStatus(status);
        host.engine().state().importDoneAt = nowSeconds() + 3600;  // an import stays IMPORTING
        client::SmsClient client(host.start().value());

        LoadRun run;
        auto *loader = new CatalogLoader(client, this);
        watch(loader, run);
        loader->start();
        QVERIFY(waitForEnd(run));
        QVERIFY2(run.result->ok(), describe(run.result));
        QVERIFY(run.result->value().status == api::ServerCatalogStatus(status));
        QVERIFY(run.batches.empty());
        QCOMPARE(run.connectorSignals, 1);  // connectors do not depend on the catalog
    }

    void cancelsAtOnce()
    {
        SandboxHost host({.servers = 2500, .demoApplications = false});
        client::SmsClient client(host.start().value());

        LoadRun run;
        auto *loader = new CatalogLoader(client, this);
        watch(loader, run);
        loader->start();
        loader->cancel();
        QVERIFY(run.result.has_value());  // reported from cancel() itself
        QVERIFY(!run.result->ok());
        QVERIFY(run.result->error().errorCode() == ErrorCode::Canceled);
        QTest::qWait(200);
        QCOMPARE(run.finishedSignals, 1);
        QVERIFY(run.batches.empty());
        QCOMPARE(run.connectorSignals, 0);
    }

    void cancelsAfterTheFirstPage()
    {
        SandboxHost host({.servers = 2500, .demoApplications = false});
        client::SmsClient client(host.start().value());

        LoadRun run;
        auto *loader = new CatalogLoader(client, this);
        watch(loader, run);
        // The GUI's Stop button, pressed while the first batch is inserted.
        connect(loader, &CatalogLoader::serversArrived, loader, [loader] { loader->cancel(); });
        loader->start();
        QVERIFY(waitForEnd(run));
        QVERIFY(run.result->error().errorCode() == ErrorCode::Canceled);
        QTest::qWait(200);
        QVERIFY(run.batches == std::vector<std::size_t>{1000});
        QCOMPARE(run.finishedSignals, 1);
    }

    void stopsSilentlyWithItsContext()
    {
        SandboxHost host({.servers = 2500, .demoApplications = false});
        client::SmsClient client(host.start().value());

        LoadRun run;
        auto *context = new QObject;
        auto *loader = new CatalogLoader(client, context);
        watch(loader, run);
        // The window that asked for the catalog closes while the first page is shown.
        connect(loader, &CatalogLoader::serversArrived, context, [context] { delete context; });
        loader->start();
        QVERIFY(QTest::qWaitFor([&] { return !run.batches.empty(); }, 10'000));
        QTest::qWait(300);
        QVERIFY(!run.result.has_value());
        QVERIFY(run.batches == std::vector<std::size_t>{1000});
    }

    void saysClearlyWhenNothingListens()
    {
        // A port that was free a moment ago: nothing listens there now.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();

        SandboxHost host({.servers = 10, .demoApplications = false});
        client::ClientConfig config = host.start().value();
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        config.retry.baseDelay = std::chrono::milliseconds(1);
        client::SmsClient client(config);

        LoadRun run;
        auto *loader = new CatalogLoader(client, this);
        watch(loader, run);
        loader->start();
        QVERIFY(waitForEnd(run));
        QVERIFY(!run.result->ok());
        const SmsError &error = run.result->error();
        QVERIFY2(error.errorCode() == ErrorCode::NetworkError, error.describe().c_str());
        const QString words = plainWords(error);
        QVERIFY2(words.contains(QStringLiteral("refused the connection")), qPrintable(words));
        QVERIFY2(words.contains(QString::number(port)), qPrintable(words));
        QCOMPARE(run.finishedSignals, 1);
    }
};

QTEST_GUILESS_MAIN(TestCatalogLoader)
#include "tst_catalogloader.moc"
