// bench-snapshot-read: how long reading an endpoint as one EndpointSnapshot
// takes (services/SnapshotReader), the step a plan diff starts with.
//
//   bench-snapshot-read [--sms-local PATH] [--apps 1000] [--servers-per-app 100]
//                       [--rounds 5] [--window N[,N...]] [--seed S]
//
// It starts `sms-local --port 0` with a catalog of apps × servers-per-app
// servers, gives it that many applications through the client (each of two
// server groups, with replication and launch configurations for every
// server), then times over R rounds, after one warm-up round each:
//   1. the applications-only snapshot (ListApps, then GetApp and both
//      configurations of every application), the part of a diff that has to
//      be under 2 s at 1,000 applications over 100,000 servers;
//   2. the catalog alone (GetServers, every page);
// and prints median/min/max wall time, this process's CPU time and
// sms-local's. Several --window sizes time the applications-only read once
// for each, over the same endpoint.

#include "client/SmsClient.h"
#include "sandbox/SandboxDefaults.h"
#include "services/SnapshotReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

namespace {

using namespace sms;

// ---------------------------------------------------------------- measuring

double ownCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// utime + stime of another process, from /proc/PID/stat (fields 14 and 15).
double processCpuMs(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // The command name may hold spaces; the fields after it do not.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = fields[11].toDouble() + fields[12].toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

struct Figures
{
    std::vector<double> wallMs, releasedMs, cpuMs, endpointCpuMs;
    std::vector<qint64> callMs;  // each call's time from sending to its answer, queueing included

    static double median(std::vector<double> v)
    {
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    void print(const char *what) const
    {
        std::printf("%-34s median %7.1f ms  min %7.1f  max %7.1f  (freed %7.1f)   cpu: planner %7.1f ms, sms-local %7.1f ms\n",
                    what, median(wallMs), *std::min_element(wallMs.begin(), wallMs.end()),
                    *std::max_element(wallMs.begin(), wallMs.end()), median(releasedMs), median(cpuMs),
                    median(endpointCpuMs));
        if (callMs.empty())
            return;
        std::vector<qint64> calls = callMs;
        std::sort(calls.begin(), calls.end());
        const auto at = [&calls](double share) { return calls[std::size_t(share * double(calls.size() - 1))]; };
        const auto slow = std::count_if(calls.begin(), calls.end(), [](qint64 ms) { return ms >= 35; });
        std::printf("%-34s %zu calls: p50 %lld ms, p90 %lld, p99 %lld, max %lld; %td took 35 ms or more\n", "", calls.size(),
                    at(0.5), at(0.9), at(0.99), calls.back(), slow);
    }
};

// Runs the event loop until `done` or `seconds` have passed; false on timeout.
// processEvents() with a time limit never waits for events, it spins: it
// would take a core from sms-local and Qt's network thread.
bool spinUntil(const std::function<bool()> &done, int seconds)
{
    QElapsedTimer timer;
    timer.start();
    QTimer tick;  // wakes the loop now and then to look at the clock
    tick.start(100);
    while (!done()) {
        if (timer.hasExpired(qint64(seconds) * 1000))
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// ---------------------------------------------------------------- sms-local

class LocalEndpoint
{
public:
    // Starts `program` and waits for its one "listening" line.
    bool start(const QString &program, const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(program, arguments);
        static const QRegularExpression listening(QStringLiteral("^sms-local listening on (http://\\S+)"));
        const bool heard = spinUntil(
            [&] {
                while (m_url.isEmpty() && m_process.canReadLine()) {
                    const auto match = listening.match(QString::fromUtf8(m_process.readLine()));
                    if (match.hasMatch())
                        m_url = QUrl(match.captured(1));
                }
                return !m_url.isEmpty() || m_process.state() == QProcess::NotRunning;
            },
            120);
        // Whatever it prints later is dropped, so it never blocks on a full pipe.
        QObject::connect(&m_process, &QProcess::readyReadStandardOutput, &m_process,
                         [this] { m_process.readAllStandardOutput(); });
        return heard && !m_url.isEmpty();
    }

    ~LocalEndpoint()
    {
        m_process.terminate();
        m_process.waitForFinished(10'000);
    }

    QUrl url() const { return m_url; }
    qint64 pid() const { return m_process.processId(); }

private:
    QProcess m_process;
    QUrl m_url;
};

QString findSmsLocal()
{
    // build/bench/snapshot-read/ -> build/app/sms-local/sms-local
    const QFileInfo beside(QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../../app/sms-local/sms-local")));
    return beside.isExecutable() ? beside.canonicalFilePath() : QStandardPaths::findExecutable(QStringLiteral("sms-local"));
}

// ---------------------------------------------------------------- the applications

// Runs `count` asynchronous steps, `window` at a time. `step(i, done)` calls
// done(ok) once. False as soon as a step fails.
bool runWindowed(int count, int window, const std::function<void(int, std::function<void(bool)>)> &step)
{
    int next = 0, running = 0, finished = 0;
    bool failed = false;
    std::function<void()> fill = [&] {
        while (!failed && next < count && running < window) {
            ++running;
            step(next++, [&](bool ok) {
                --running;
                ++finished;
                failed = failed || !ok;
                fill();
            });
        }
    };
    fill();
    return spinUntil([&] { return failed || finished == count; }, 600) && !failed;
}

template <typename T>
bool report(const Result<T> &result, const char *what)
{
    if (!result)
        std::fprintf(stderr, "bench-snapshot-read: %s failed: %s\n", what, result.error().describe().c_str());
    return result.ok();
}

api::CreateAppRequest createRequest(int app, const std::vector<api::Server> &servers)
{
    api::CreateAppRequest request;
    request.name = "Application " + std::to_string(app);
    request.description = "bench-snapshot-read";
    request.roleName = "sms-bench";
    request.tags = std::vector<api::Tag>{{"bench", "snapshot-read"}, {"index", std::to_string(app)}};
    auto &groups = request.serverGroups.emplace();
    const std::size_t half = servers.size() / 2;
    for (const auto &[name, first, last] : {std::tuple("front", std::size_t(0), half),
                                            std::tuple("back", half, servers.size())}) {
        api::ServerGroup &group = groups.emplace_back();
        group.name = name;
        auto &list = group.serverList.emplace();
        for (std::size_t i = first; i < last; ++i) {
            api::Server id;
            id.serverId = servers[i].serverId;
            list.push_back(std::move(id));
        }
    }
    return request;
}

// One entry per server of every group the application was created with.
template <typename Group, typename Entry, typename Fill>
std::vector<Group> perServer(const api::CreateAppResponse &app, std::optional<std::vector<Entry>> Group::*entries,
                             Fill fill)
{
    std::vector<Group> groups;
    for (const api::ServerGroup &created : app.serverGroups.value_or(std::vector<api::ServerGroup>{})) {
        Group &group = groups.emplace_back();
        group.serverGroupId = created.serverGroupId;
        auto &list = (group.*entries).emplace();
        for (const api::Server &server : created.serverList.value_or(std::vector<api::Server>{})) {
            Entry &entry = list.emplace_back();
            entry.server.emplace().serverId = server.serverId;
            fill(entry);
        }
    }
    return groups;
}

api::PutAppReplicationConfigurationRequest replicationRequest(const api::CreateAppResponse &app)
{
    api::PutAppReplicationConfigurationRequest request;
    request.appId = app.appSummary->appId;
    request.serverGroupReplicationConfigurations = perServer(
        app, &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations,
        [](api::ServerReplicationConfiguration &entry) {
            auto &params = entry.serverReplicationParameters.emplace();
            params.frequency = 12;
            params.licenseType = api::LicenseType::Aws;
            params.numberOfRecentAmisToKeep = 2;
        });
    return request;
}

api::PutAppLaunchConfigurationRequest launchRequest(const api::CreateAppResponse &app)
{
    api::PutAppLaunchConfigurationRequest request;
    request.appId = app.appSummary->appId;
    request.roleName = "sms-launch";
    int n = 0;
    request.serverGroupLaunchConfigurations = perServer(
        app, &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations,
        [&n](api::ServerLaunchConfiguration &entry) {
            entry.logicalId = "Server" + std::to_string(++n);
            entry.instanceType = "m5.large";
            entry.subnet = "subnet-0123456789abcdef0";
        });
    int order = 0;
    for (api::ServerGroupLaunchConfiguration &group : *request.serverGroupLaunchConfigurations)
        group.launchOrder = ++order;
    return request;
}

// CreateApp, then both configurations side by side.
void populateOne(client::SmsClient &client, QObject *context, int app, const std::vector<api::Server> &servers,
                 std::function<void(bool)> done)
{
    client.createApp(createRequest(app, servers), context,
                     [&client, context, done](Result<api::CreateAppResponse> created) {
                         if (!report(created, "CreateApp"))
                             return done(false);
                         auto pending = std::make_shared<int>(2);
                         auto failed = std::make_shared<bool>(false);
                         const auto one = [pending, failed, done](bool ok) {
                             *failed = *failed || !ok;
                             if (--*pending == 0)
                                 done(!*failed);
                         };
                         client.putAppReplicationConfiguration(
                             replicationRequest(created.value()), context,
                             [one](Result<api::PutAppReplicationConfigurationResponse> r) {
                                 one(report(r, "PutAppReplicationConfiguration"));
                             });
                         client.putAppLaunchConfiguration(launchRequest(created.value()), context,
                                                          [one](Result<api::PutAppLaunchConfigurationResponse> r) {
                                                              one(report(r, "PutAppLaunchConfiguration"));
                                                          });
                     });
}

// ---------------------------------------------------------------- reading

struct Read
{
    bool done = false;
    std::optional<SmsError> error;
    bool checked = false;  // what `check` said of the snapshot
    double wallMs = 0;      // start() to finished(): when a diff could begin
    double releasedMs = 0;  // and until the reader has let go of the snapshot
    double cpuMs = 0, endpointCpuMs = 0;
};

using Check = std::function<bool(const services::EndpointSnapshot &)>;

// The snapshot is checked in the finished() slot: a copy of 300,000 servers
// to look at it later would be timed too.
Read readSnapshot(client::SmsClient &client, services::SnapshotScope scope, int window, qint64 endpointPid,
                  const Check &check)
{
    Read read;
    QObject context;
    auto *reader = new services::SnapshotReader(client, scope, &context);
    if (window > 0)
        reader->setWindow(window);
    QElapsedTimer wall;
    QObject::connect(reader, &services::SnapshotReader::finished, &context,
                     [&read, &check, &wall](const Result<services::EndpointSnapshot> &result) {
                         read.wallMs = double(wall.nsecsElapsed()) / 1e6;
                         read.done = true;
                         if (result)
                             read.checked = check(result.value());
                         else
                             read.error = result.error();
                     });
    const double cpu0 = ownCpuMs();
    const double endpoint0 = processCpuMs(endpointPid);
    wall.start();
    reader->start();
    spinUntil([&] { return read.done; }, 600);
    read.releasedMs = double(wall.nsecsElapsed()) / 1e6;
    read.cpuMs = ownCpuMs() - cpu0;
    read.endpointCpuMs = processCpuMs(endpointPid) - endpoint0;
    if (read.error)
        std::fprintf(stderr, "bench-snapshot-read: the read failed: %s\n", read.error->describe().c_str());
    else if (!read.checked)
        std::fprintf(stderr, "bench-snapshot-read: the snapshot is not what was made\n");
    return read;
}

// Every application with both configurations over all its servers.
bool complete(const services::EndpointSnapshot &snapshot, int apps, int serversPerApp)
{
    if (int(snapshot.applications.size()) != apps)
        return false;
    return std::all_of(snapshot.applications.begin(), snapshot.applications.end(),
                       [serversPerApp](const services::EndpointApplication &app) {
                           std::size_t servers = 0;
                           for (const api::ServerGroup &group : app.serverGroups)
                               servers += group.serverList ? group.serverList->size() : 0;
                           return servers == std::size_t(serversPerApp) && app.replication && app.launch
                               && app.launch->serverGroupLaunchConfigurations->size() == 2;
                       });
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Times reading an sms-local endpoint as one snapshot."));
    parser.addHelpOption();
    const QCommandLineOption smsLocalOption(QStringLiteral("sms-local"), QStringLiteral("sms-local to start."),
                                            QStringLiteral("PATH"), findSmsLocal());
    const QCommandLineOption appsOption(QStringLiteral("apps"), QStringLiteral("Applications (default 1000)."),
                                        QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption perAppOption(QStringLiteral("servers-per-app"),
                                          QStringLiteral("Servers of each application (default 100)."),
                                          QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Timed rounds (default 5)."),
                                          QStringLiteral("R"), QStringLiteral("5"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          QStringLiteral("Applications read at once, a list to compare several "
                                                         "(default: the reader's)."),
                                          QStringLiteral("N[,N...]"), QStringLiteral("0"));
    const QCommandLineOption seedOption(QStringLiteral("seed"), QStringLiteral("Estate seed (default 1)."),
                                        QStringLiteral("S"), QStringLiteral("1"));
    parser.addOptions({smsLocalOption, appsOption, perAppOption, roundsOption, windowOption, seedOption});
    parser.process(app);
    const QString smsLocal = parser.value(smsLocalOption);
    const int apps = std::max(1, parser.value(appsOption).toInt());
    const int perApp = std::max(2, parser.value(perAppOption).toInt());
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    std::vector<int> windows;
    for (const QString &size : parser.value(windowOption).split(QLatin1Char(',')))
        windows.push_back(size.toInt());  // 0: the reader's default
    const int window = windows.front();
    const int servers = apps * perApp;
    if (smsLocal.isEmpty()) {
        std::fprintf(stderr, "bench-snapshot-read: no sms-local found: pass --sms-local PATH\n");
        return 2;
    }

    std::printf("bench-snapshot-read: %d applications x %d servers (%d servers), %d rounds, window %s\n", apps, perApp,
                servers, rounds, qPrintable(parser.value(windowOption)));
    LocalEndpoint endpoint;
    if (!endpoint.start(smsLocal, {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--servers"),
                                   QString::number(servers), QStringLiteral("--seed"), parser.value(seedOption),
                                   QStringLiteral("--max-servers-per-app"), QString::number(perApp)})) {
        std::fprintf(stderr, "bench-snapshot-read: %s did not say it was listening\n", qPrintable(smsLocal));
        return 1;
    }
    std::printf("  sms-local listening on %s\n", qPrintable(endpoint.url().toString()));

    client::ClientConfig config;
    config.endpoint = endpoint.url();
    config.region = QString::fromLatin1(sandbox::kDefaultRegion);
    config.credentials.accessKeyId = QString::fromLatin1(sandbox::kDefaultAccessKeyId);
    config.credentials.secretAccessKey = QString::fromLatin1(sandbox::kDefaultSecretAccessKey);
    client::SmsClient client(config);

    // The catalog, read once untimed, names the servers the applications take.
    std::vector<api::Server> estate;
    const Read catalog = readSnapshot(client, services::SnapshotScope::CatalogOnly, window, endpoint.pid(),
                                      [&](const services::EndpointSnapshot &snapshot) {
                                          estate = snapshot.servers;
                                          return int(estate.size()) == servers;
                                      });
    if (!catalog.checked)
        return 1;
    QElapsedTimer setup;
    setup.start();
    QObject context;
    const bool populated = runWindowed(apps, 8, [&](int i, std::function<void(bool)> done) {
        const auto first = estate.begin() + std::ptrdiff_t(i) * perApp;
        populateOne(client, &context, i, std::vector<api::Server>(first, first + perApp), std::move(done));
    });
    if (!populated)
        return 1;
    std::printf("  %d applications made in %.1f s\n\n", apps, double(setup.elapsed()) / 1000.0);

    const auto measure = [&](services::SnapshotScope scope, int window, const std::string &what) -> bool {
        Figures figures;
        bool timed = false;
        const QMetaObject::Connection calls = QObject::connect(
            &client, &client::SmsClient::callFinished, &client, [&](const client::CallRecord &record) {
                if (timed)
                    figures.callMs.push_back(record.elapsedMs);
            });
        for (int round = 0; round <= rounds; ++round) {  // round 0 warms up
            timed = round > 0;
            const Read read = readSnapshot(client, scope, window, endpoint.pid(), [&](const auto &snapshot) {
                const bool appsOk = scope == services::SnapshotScope::CatalogOnly || complete(snapshot, apps, perApp);
                const bool serversOk = scope == services::SnapshotScope::ApplicationsOnly
                    || int(snapshot.servers.size()) == servers;
                return appsOk && serversOk;
            });
            if (!read.checked)
                return false;
            if (round > 0) {
                figures.wallMs.push_back(read.wallMs);
                figures.releasedMs.push_back(read.releasedMs);
                figures.cpuMs.push_back(read.cpuMs);
                figures.endpointCpuMs.push_back(read.endpointCpuMs);
            }
        }
        QObject::disconnect(calls);
        figures.print(what.c_str());
        std::fflush(stdout);
        return true;
    };
    for (const int size : windows) {
        const std::string what = "applications only, window "
            + (size > 0 ? std::to_string(size) : std::to_string(services::SnapshotReader::kDefaultWindow));
        if (!measure(services::SnapshotScope::ApplicationsOnly, size, what))
            return 1;
    }
    const bool ok = measure(services::SnapshotScope::CatalogOnly, window, "catalog only")
        && measure(services::SnapshotScope::Everything, window, "everything");
    return ok ? 0 : 1;
}
