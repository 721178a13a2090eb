// bench-snapshot-read: how long reading an endpoint as one EndpointSnapshot
// takes (services/SnapshotReader), the step a plan diff starts with.
//
//   bench-snapshot-read [--sms-local PATH] [--apps 1000] [--servers-per-app 100]
//                       [--rounds 5] [--window N[,N...]] [--seed S] [--latency-ms N]
//
// It starts `sms-local --port 0` with a catalog of apps × servers-per-app
// servers, gives it that many applications through the client (each of two
// server groups, with replication and launch configurations for every
// server), then times over R rounds, after one warm-up round each:
//   1. the applications-only snapshot (ListApps, then GetApp and both
//      configurations of every application), the part of a diff that has to
//      be under 2 s at 1,000 applications over 100,000 servers;
//   2. the catalog alone (GetServers, every page);
//   3. both together;
//   4. the diff: the applications-only read, then services::diffPlan() of a
//      plan that matches the endpoint (the applications as made, with their
//      settings, over the catalog read at setup), which must find nothing;
// and prints median/min/max wall time, this process's CPU time and
// sms-local's. Several --window sizes time the applications-only read once
// for each, over the same endpoint. --latency-ms is passed to sms-local, which
// then delays every answer, as a distant endpoint would (bench/latency.sh).

#include "bench/support/LocalEndpoint.h"
#include "bench/support/SpinUntil.h"
#include "client/SmsClient.h"
#include "models/PlanTypes.h"
#include "sandbox/SandboxDefaults.h"
#include "services/AppSync.h"
#include "services/PlanDiff.h"
#include "services/SnapshotReader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <functional>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include <unistd.h>

namespace {

using namespace sms;
using bench::LocalEndpoint;
using bench::findSmsLocal;
using bench::runWindowed;
using bench::spinUntil;

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

// What a round does after the read, in this process alone: the diff.
struct Step
{
    double wallMs = 0, cpuMs = 0;
};

struct Figures
{
    std::vector<double> wallMs, releasedMs, cpuMs, endpointCpuMs;  // a step after the read included
    std::vector<double> stepWallMs, stepCpuMs;                      // that step alone (diffPlan)
    std::vector<qint64> callMs;  // each call's time from sending to its answer, queueing included

    static double median(std::vector<double> v)
    {
        std::sort(v.begin(), v.end());
        const std::size_t n = v.size();
        return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
    static double least(const std::vector<double> &v) { return *std::min_element(v.begin(), v.end()); }
    static double most(const std::vector<double> &v) { return *std::max_element(v.begin(), v.end()); }

    void print(const char *what) const
    {
        std::printf("%-36s median %7.1f ms  min %7.1f  max %7.1f  (freed %7.1f)   cpu: planner %7.1f ms, sms-local %7.1f ms\n",
                    what, median(wallMs), least(wallMs), most(wallMs), median(releasedMs), median(cpuMs),
                    median(endpointCpuMs));
        if (!stepWallMs.empty())
            std::printf("%-36s diffPlan alone: median %7.1f ms  min %7.1f  max %7.1f   cpu %7.1f ms\n", "",
                        median(stepWallMs), least(stepWallMs), most(stepWallMs), median(stepCpuMs));
        if (callMs.empty())
            return;
        std::vector<qint64> calls = callMs;
        std::sort(calls.begin(), calls.end());
        const auto at = [&calls](double share) { return calls[std::size_t(share * double(calls.size() - 1))]; };
        const auto slow = std::count_if(calls.begin(), calls.end(), [](qint64 ms) { return ms >= 35; });
        std::printf("%-36s %zu calls: p50 %lld ms, p90 %lld, p99 %lld, max %lld; %td took 35 ms or more\n", "", calls.size(),
                    at(0.5), at(0.9), at(0.99), calls.back(), slow);
    }
};

// ---------------------------------------------------------------- the applications

template <typename T>
bool report(const Result<T> &result, const char *what)
{
    if (!result)
        std::fprintf(stderr, "bench-snapshot-read: %s failed: %s\n", what, result.error().describe().c_str());
    return result.ok();
}

// The settings every application is given, once in the requests and once in
// the plan that has to match them.
api::ServerReplicationParameters replicationSettings()
{
    api::ServerReplicationParameters settings;
    settings.frequency = 12;
    settings.licenseType = api::LicenseType::Aws;
    settings.numberOfRecentAmisToKeep = 2;
    return settings;
}

api::ServerLaunchConfiguration launchSettings()
{
    api::ServerLaunchConfiguration settings;
    settings.instanceType = "m5.large";
    settings.subnet = "subnet-0123456789abcdef0";
    return settings;
}

constexpr const char *kLaunchRoleName = "sms-launch";

// Groups launch in the order they were made.
int launchOrderOf(std::size_t group)
{
    return int(group) + 1;
}

// A server's own launch setting: "Server" and the letters and digits of its
// id, which CloudFormation takes as a logical id.
std::string logicalIdOf(const std::string &serverId)
{
    std::string id = "Server";
    std::copy_if(serverId.begin(), serverId.end(), std::back_inserter(id),
                 [](unsigned char c) { return std::isalnum(c) != 0; });
    return id;
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
        [](api::ServerReplicationConfiguration &entry) { entry.serverReplicationParameters = replicationSettings(); });
    return request;
}

api::PutAppLaunchConfigurationRequest launchRequest(const api::CreateAppResponse &app)
{
    api::PutAppLaunchConfigurationRequest request;
    request.appId = app.appSummary->appId;
    request.roleName = kLaunchRoleName;
    request.serverGroupLaunchConfigurations = perServer(
        app, &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations,
        [](api::ServerLaunchConfiguration &entry) {
            api::ServerLaunchConfiguration settings = launchSettings();
            settings.server = std::move(entry.server);
            settings.logicalId = logicalIdOf(*settings.server->serverId);
            entry = std::move(settings);
        });
    auto &groups = *request.serverGroupLaunchConfigurations;
    for (std::size_t g = 0; g < groups.size(); ++g)
        groups[g].launchOrder = launchOrderOf(g);
    return request;
}

// The plan's application for one the bench made: what CreateApp answered
// (appId, name, role, tags, groups with their ids and servers), with the
// settings the bench puts. Keys are set with the plan's.
models::PlanApplication plannedApplication(const api::CreateAppResponse &created)
{
    api::GetAppResponse answer;  // CreateApp answers with GetApp's members
    answer.appSummary = created.appSummary;
    answer.serverGroups = created.serverGroups;
    answer.tags = created.tags;
    models::PlanApplication app = services::planApplicationFrom(answer);
    app.settings.replication = replicationSettings();
    app.settings.launch = launchSettings();
    app.settings.launchRoleName = kLaunchRoleName;
    for (std::size_t g = 0; g < app.serverGroups.size(); ++g)
        app.serverGroups[g].launchOrder = launchOrderOf(g);
    return app;
}

// A plan the endpoint matches: the applications as made, a key for each
// application and group, each server's logicalId as its own launch setting,
// and the catalog as read at setup.
models::PlanData matchingPlan(std::vector<models::PlanApplication> applications, std::vector<api::Server> catalog)
{
    models::PlanData plan;
    plan.planId = "bench-snapshot-read";
    plan.catalog.servers = std::move(catalog);
    models::PlanKey key = models::kNoKey;
    for (models::PlanApplication &app : applications) {
        app.key = ++key;
        for (models::PlanServerGroup &group : app.serverGroups) {
            group.key = ++key;
            for (const std::string &serverId : group.serverIds) {
                models::PlanServerSettings &own = plan.serverSettings.emplace_back();
                own.serverId = serverId;
                own.launch.emplace().logicalId = logicalIdOf(serverId);
            }
        }
    }
    plan.applications = std::move(applications);
    return plan;
}

// CreateApp, then both configurations side by side; `planned` becomes the
// plan's application for it.
void populateOne(client::SmsClient &client, QObject *context, int app, const std::vector<api::Server> &servers,
                 models::PlanApplication &planned, std::function<void(bool)> done)
{
    client.createApp(createRequest(app, servers), context,
                     [&client, context, &planned, done](Result<api::CreateAppResponse> created) {
                         if (!report(created, "CreateApp"))
                             return done(false);
                         planned = plannedApplication(created.value());
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
// `validationOnlyFor`: as Review reads for a diff (SnapshotReader::setValidationOnlyFor).
Read readSnapshot(client::SmsClient &client, services::SnapshotScope scope, int window, qint64 endpointPid,
                  const Check &check, const std::vector<std::string> *validationOnlyFor = nullptr)
{
    Read read;
    QObject context;
    auto *reader = new services::SnapshotReader(client, scope, &context);
    if (window > 0)
        reader->setWindow(window);
    if (validationOnlyFor)
        reader->setValidationOnlyFor(*validationOnlyFor);
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

// Whether the diff found nothing to do; else its first few changes and
// blockers, on stderr.
bool foundNothing(const services::ChangeSet &diff)
{
    constexpr std::size_t kShown = 3;
    if (!diff.hasChanges() && diff.blockers.empty())
        return true;
    std::fprintf(stderr, "bench-snapshot-read: the diff against a matching endpoint has %zu changes and %zu blockers\n",
                 diff.changes.size(), diff.blockers.size());
    for (std::size_t i = 0; i < diff.blockers.size() && i < kShown; ++i)
        std::fprintf(stderr, "  blocker: %s\n", diff.blockers[i].c_str());
    for (std::size_t i = 0; i < diff.changes.size() && i < kShown; ++i) {
        const services::Change &change = diff.changes[i];
        std::fprintf(stderr, "  %s %s: %s\n", change.operation(), change.appId.c_str(), change.why.c_str());
        for (const std::string &line : change.details)
            std::fprintf(stderr, "    %s\n", line.c_str());
    }
    return false;
}

// diffPlan() of the applications just read with the catalog held since
// setup: the target leaves the catalog's download out. Nullopt when the diff
// finds anything to do.
std::optional<Step> diffStep(const models::PlanData &plan, const services::EndpointSnapshot &snapshot,
                             const std::vector<api::Server> &catalog)
{
    const double cpu0 = ownCpuMs();
    QElapsedTimer wall;
    wall.start();
    const services::ChangeSet diff = services::diffPlan(plan, snapshot.applications, catalog);
    const Step step{double(wall.nsecsElapsed()) / 1e6, ownCpuMs() - cpu0};
    return foundNothing(diff) ? std::optional(step) : std::nullopt;
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
    const QCommandLineOption latencyOption(QStringLiteral("latency-ms"),
                                           QStringLiteral("sms-local delays every answer by N ms (default 0)."),
                                           QStringLiteral("N"), QStringLiteral("0"));
    parser.addOptions(
        {smsLocalOption, appsOption, perAppOption, roundsOption, windowOption, seedOption, latencyOption});
    parser.process(app);
    const QString smsLocal = parser.value(smsLocalOption);
    const int apps = std::max(1, parser.value(appsOption).toInt());
    const int perApp = std::max(2, parser.value(perAppOption).toInt());
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int latencyMs = std::max(0, parser.value(latencyOption).toInt());
    std::vector<int> windows;
    for (const QString &size : parser.value(windowOption).split(QLatin1Char(',')))
        windows.push_back(size.toInt());  // 0: the reader's default
    const int window = windows.front();
    const int servers = apps * perApp;
    if (smsLocal.isEmpty()) {
        std::fprintf(stderr, "bench-snapshot-read: no sms-local found: pass --sms-local PATH\n");
        return 2;
    }

    std::printf("bench-snapshot-read: %d applications x %d servers (%d servers), %d rounds, window %s, "
                "latency %d ms\n",
                apps, perApp, servers, rounds, qPrintable(parser.value(windowOption)), latencyMs);
    QStringList endpointArguments{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--servers"),
                                  QString::number(servers), QStringLiteral("--seed"), parser.value(seedOption),
                                  QStringLiteral("--max-servers-per-app"), QString::number(perApp)};
    if (latencyMs > 0)
        endpointArguments << QStringLiteral("--latency-ms") << QString::number(latencyMs);
    LocalEndpoint endpoint;
    if (!endpoint.start(smsLocal, endpointArguments)) {
        std::fprintf(stderr, "bench-snapshot-read: %s did not say it was listening\n", qPrintable(smsLocal));
        return 1;
    }
    std::printf("  sms-local listening on %s\n", qPrintable(endpoint.url().toString()));

    client::SmsClient client(endpoint.clientConfig());

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
    std::vector<models::PlanApplication> planned(static_cast<std::size_t>(apps));
    const bool populated = runWindowed(apps, 8, [&](int i, std::function<void(bool)> done) {
        const auto first = estate.begin() + std::ptrdiff_t(i) * perApp;
        populateOne(client, &context, i, std::vector<api::Server>(first, first + perApp), planned[std::size_t(i)],
                    std::move(done));
    });
    if (!populated)
        return 1;
    std::printf("  %d applications made in %.1f s\n\n", apps, double(setup.elapsed()) / 1000.0);
    const models::PlanData plan = matchingPlan(std::move(planned), estate);

    // R rounds of a read of `scope`, after a warm-up one; `step`, when given,
    // runs on each snapshot as the read finishes and is timed with it.
    using TimedStep = std::function<std::optional<Step>(const services::EndpointSnapshot &)>;
    const std::vector<std::string> validationReads = services::validationReadsFor(plan);
    const auto measure = [&](services::SnapshotScope scope, int window, const std::string &what,
                             const TimedStep &step = {}) -> bool {
        Figures figures;
        bool timed = false;
        const QMetaObject::Connection calls = QObject::connect(
            &client, &client::SmsClient::callFinished, &client, [&](const client::CallRecord &record) {
                if (timed)
                    figures.callMs.push_back(record.elapsedMs);
            });
        for (int round = 0; round <= rounds; ++round) {  // round 0 warms up
            timed = round > 0;
            std::optional<Step> after = Step{};
            const Read read = readSnapshot(client, scope, window, endpoint.pid(), [&](const auto &snapshot) {
                const bool appsOk = scope == services::SnapshotScope::CatalogOnly || complete(snapshot, apps, perApp);
                const bool serversOk = scope == services::SnapshotScope::ApplicationsOnly
                    || int(snapshot.servers.size()) == servers;
                if (step)
                    after = step(snapshot);
                return appsOk && serversOk && after;
            }, step ? &validationReads : nullptr);
            if (!read.checked)
                return false;
            if (round > 0) {
                // The step ran in finished(): after the read's wall time, within its
                // release time and its CPU time.
                figures.wallMs.push_back(read.wallMs + after->wallMs);
                figures.releasedMs.push_back(read.releasedMs);
                figures.cpuMs.push_back(read.cpuMs);
                figures.endpointCpuMs.push_back(read.endpointCpuMs);
                if (step) {
                    figures.stepWallMs.push_back(after->wallMs);
                    figures.stepCpuMs.push_back(after->cpuMs);
                }
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
        && measure(services::SnapshotScope::Everything, window, "everything")
        && measure(services::SnapshotScope::ApplicationsOnly, window, "diff (read applications + diffPlan)",
                   [&](const services::EndpointSnapshot &snapshot) { return diffStep(plan, snapshot, estate); });
    return ok ? 0 : 1;
}
