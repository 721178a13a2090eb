// sms-bench-qnam-floor: the least one sequential request costs through a bare
// QNetworkAccessManager, with none of our code (no signing, no retries, no
// decoding). It bounds what any QNAM-based client can reach when paging: a
// 1,000-page listing can never be faster than 1,000 of these.
//
//   sms-bench-qnam-floor URL [--requests N]
//
// URL is an endpoint with the sms-local contract (e.g. the bench page server);
// each request is a tiny GetServers call (maxResults 1) on one keep-alive connection.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <cstdio>
#include <functional>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: sms-bench-qnam-floor URL [--requests N]\n");
        return 2;
    }
    const auto countAt = args.indexOf(QLatin1String("--requests"));
    const int total = countAt > 0 && countAt + 1 < args.size() ? args[countAt + 1].toInt() : 1000;

    QNetworkAccessManager network;
    QNetworkRequest request{QUrl(args[1])};
    request.setRawHeader("X-Amz-Target", "AWSServerMigrationService_V2016_10_24.GetServers");
    request.setRawHeader("Content-Type", "application/x-amz-json-1.1");

    int done = 0;
    QElapsedTimer clock;
    std::function<void()> next = [&] {
        QNetworkReply *reply = network.post(request, QByteArrayLiteral("{\"maxResults\":1}"));
        QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
            reply->readAll();
            reply->deleteLater();
            if (++done < total)
                return next();
            std::printf("%d sequential requests in %lld ms: %.3f ms each\n", total, clock.elapsed(),
                        double(clock.elapsed()) / total);
            app.quit();
        });
    };
    clock.start();
    next();
    return app.exec();
}
