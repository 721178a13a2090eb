// sms-bench-page-server: serve a deterministic N-server GetServers catalog on
// loopback for client benchmarks. Same start-up contract as sms-local: once
// listening it prints exactly one line, `sms-local listening on
// http://127.0.0.1:PORT`, on stdout and flushes it.

#include "PageServer.h"
#include "ServerCatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {

bool parseNumber(const QCommandLineParser &parser, const QString &name, qulonglong max,
                 qulonglong &out)
{
    bool ok = false;
    const qulonglong value = parser.value(name).toULongLong(&ok);
    if (!ok || value > max) {
        QTextStream(stderr) << "sms-bench-page-server: invalid --" << name << " '"
                            << parser.value(name) << "'\n";
        return false;
    }
    out = value;
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"sms-bench-page-server"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Serves a precomputed SMS GetServers catalog on 127.0.0.1 for benchmarks."_s);
    parser.addHelpOption();
    parser.addOptions({
        {u"servers"_s, u"Number of servers in the catalog (default 100000)."_s, u"N"_s,
         u"100000"_s},
        {u"port"_s, u"TCP port; 0 picks a free one (default 0)."_s, u"N"_s, u"0"_s},
        {u"seed"_s, u"Seed of the generated catalog (default 1)."_s, u"S"_s, u"1"_s},
    });
    parser.process(app);

    qulonglong servers = 0;
    qulonglong port = 0;
    qulonglong seed = 0;
    if (!parseNumber(parser, u"servers"_s, 10'000'000, servers)
        || !parseNumber(parser, u"port"_s, 65535, port)
        || !parseNumber(parser, u"seed"_s, ~0ULL, seed))
        return 2;

    QElapsedTimer timer;
    timer.start();
    const sms::bench::ServerCatalog catalog(qsizetype(servers), seed);
    QTextStream(stderr) << "sms-bench-page-server: " << catalog.size() << " servers, "
                        << catalog.byteSize() / 1024 << " KiB of JSON, generated in "
                        << timer.elapsed() << " ms\n";

    sms::bench::PageServer server(catalog);
    const quint16 bound = server.listenOnLoopback(quint16(port));
    if (bound == 0) {
        QTextStream(stderr) << "sms-bench-page-server: cannot listen on 127.0.0.1:" << port
                            << '\n';
        return 1;
    }

    QTextStream out(stdout);
    out << "sms-local listening on http://127.0.0.1:" << bound << Qt::endl;

    return QCoreApplication::exec();
}
