// bench-replication-monitor: the replication monitor's cost to the GUI thread
// with 1,000 jobs replicating on a real sms-local, over (simulated) hours.
//
//   bench-replication-monitor [--jobs 1000] [--apps 100] [--time-scale 60] [--seconds 240]
//                             [--interval-ms 1000] [--frequency-hours 1] [--warmup 30]
//                             [--rss-every 15] [--failure-rate P] [--sms-local PATH]
//
// It starts sms-local (--time-scale, no concurrency limit), makes --apps
// applications of jobs/apps servers with replication every --frequency-hours
// (SMS's shortest) and starts them, outside the measurement. Then it runs
// what the window runs, offscreen: services::ReplicationMonitor with a pass
// every --interval-ms (the window's is 15 s: a short one packs hundreds of
// passes into a few minutes), models::ReplicationStore fed by passFinished,
// the Endpoint Applications pane (both tables, sorted on the raw role) and
// the monitor pane given the counts, the selected application's history and
// the watched job's runs, as ui::ReplicationWorkspace does. For --seconds it
// measures:
//   - how late a precise 10 ms timer on the GUI thread fires (max, p99, p50),
//     over the whole run and after --warmup (the first pass lays out tables
//     and charts with every row new), and how much of it the GUI thread's
//     own CPU time can account for (the rest is waiting for a shared core);
//   - each pass's ReplicationStore::apply(), the monitor pane's refresh and a
//     full repaint of it, each in its own event-loop turn as the window runs
//     them (p50, p95, max);
//   - VmRSS every --rss-every seconds, and its growth after --warmup seconds,
//     with the number of runs the job list holds (see runsHeld()) and the
//     GetReplicationJobs page size the monitor has come to (JobsPageSize.h).

#include "LatenessProbe.h"
#include "ReplicatingApps.h"

#include "bench/support/LocalEndpoint.h"
#include "client/SmsClient.h"
#include "models/ReplicationStore.h"
#include "sandbox/SandboxDefaults.h"
#include "services/ReplicationMonitor.h"
#include "ui/monitor/ReplicationMonitorPane.h"
#include "ui/replication/EndpointAppsPane.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHBoxLayout>
#include <QStyleFactory>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace sms;

namespace {

double statusMB(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(int(std::strlen(field))).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

double at(const std::vector<double> &sorted, double share)
{
    return sorted[std::size_t(std::ceil(share * double(sorted.size()))) - 1];
}

void printPercentiles(const char *label, std::vector<double> ms, double p = 0.95)
{
    if (ms.empty())
        return;
    std::sort(ms.begin(), ms.end());
    std::printf("  %-30s p50 %7.2f ms  p%.0f %7.2f ms  max %7.2f ms  (%zu)\n", label, at(ms, 0.5), p * 100, at(ms, p),
                ms.back(), ms.size());
}

// The runs the last pass's job list holds: sms-local lists every run a job
// ever had with it, so this grows with simulated time, and memory with it.
std::size_t runsHeld(const models::SnapshotPtr &snapshot)
{
    std::size_t runs = 0;
    if (snapshot)
        for (const api::ReplicationJob &job : snapshot->jobs)
            runs += job.replicationRunList ? job.replicationRunList->size() : 0;
    return runs;
}

// What each pass cost the GUI thread, in milliseconds.
struct PassFigures
{
    std::vector<double> applyMs, refreshMs, repaintMs, readMs;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    // The same style wherever it runs, so figures compare.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The replication monitor's cost to the GUI thread."));
    parser.addHelpOption();
    const auto option = [&parser](const char *name, const char *what, const char *fallback) {
        QCommandLineOption added(QString::fromLatin1(name), QString::fromLatin1(what), QStringLiteral("N"),
                                 QString::fromLatin1(fallback));
        parser.addOption(added);
        return added;
    };
    const auto jobsOption = option("jobs", "Replication jobs (default 1000).", "1000");
    const auto appsOption = option("apps", "Applications they are spread over (default 100).", "100");
    const auto scaleOption = option("time-scale", "sms-local's simulated seconds per second (default 60).", "60");
    const auto secondsOption = option("seconds", "Wall seconds measured (default 240).", "240");
    const auto intervalOption = option("interval-ms", "The monitor's pass interval (default 1000).", "1000");
    const auto frequencyOption = option("frequency-hours", "Each job's replication frequency (default 1).", "1");
    const auto warmupOption = option("warmup", "Seconds before the memory baseline (default 30).", "30");
    const auto rssOption = option("rss-every", "Seconds between memory samples (default 15).", "15");
    const auto failureOption = option("failure-rate", "sms-local's --failure-rate (default: its own).", "");
    const auto smsLocalOption = option("sms-local", "sms-local to start.", "");
    parser.process(application);
    const int apps = std::max(1, parser.value(appsOption).toInt());
    const int perApp = std::max(1, parser.value(jobsOption).toInt() / apps);
    const int jobs = apps * perApp;
    const double timeScale = std::max(1.0, parser.value(scaleOption).toDouble());
    const int seconds = std::max(1, parser.value(secondsOption).toInt());
    const int intervalMs = std::max(10, parser.value(intervalOption).toInt());
    const int warmup = std::max(0, parser.value(warmupOption).toInt());
    const QString smsLocal = parser.isSet(smsLocalOption) ? parser.value(smsLocalOption) : bench::findSmsLocal();

    std::printf("bench-replication-monitor: %d jobs in %d applications, time scale %g, %d s (%.1f simulated h), "
                "a pass every %d ms\n",
                jobs, apps, timeScale, seconds, seconds * timeScale / 3600, intervalMs);
    QStringList endpointArgs{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--no-auth"),
                             // Twice the servers needed: those behind the unhealthy connector cannot replicate.
                             QStringLiteral("--servers"), QString::number(2 * jobs),
                             QStringLiteral("--time-scale"), QString::number(timeScale),
                             QStringLiteral("--max-servers-per-app"), QString::number(perApp),
                             QStringLiteral("--max-concurrent-migrations"), QStringLiteral("0")};
    if (!parser.value(failureOption).isEmpty())
        endpointArgs << QStringLiteral("--failure-rate") << parser.value(failureOption);
    bench::LocalEndpoint endpoint;
    if (smsLocal.isEmpty() || !endpoint.start(smsLocal, endpointArgs)) {
        std::fprintf(stderr, "bench-replication-monitor: no sms-local listening (pass --sms-local PATH)\n");
        return 1;
    }
    client::SmsClient client(endpoint.clientConfig());

    QElapsedTimer setup;
    setup.start();
    std::string why;
    if (!bench::makeReplicatingApps(client, apps, perApp, parser.value(frequencyOption).toInt(), why)) {
        std::fprintf(stderr, "bench-replication-monitor: set-up failed: %s\n", why.c_str());
        return 1;
    }
    std::printf("  set-up: %d applications replicating on %s in %.1f s\n", apps,
                qPrintable(endpoint.url().toString()), double(setup.elapsed()) / 1000.0);

    // The window's pipeline, wired as ui::ReplicationWorkspace wires it.
    const std::chrono::milliseconds interval(intervalMs);
    services::ReplicationMonitor monitor(services::MonitorTimings{.active = interval, .idle = interval});
    models::ReplicationStore store;
    QWidget window;
    auto *appsPane = new ui::EndpointAppsPane(store, &window);
    auto *monitorPane = new ui::ReplicationMonitorPane(&window);
    auto *layout = new QHBoxLayout(&window);
    layout->addWidget(appsPane, 1);
    layout->addWidget(monitorPane, 1);
    window.resize(1920, 1080);
    window.show();
    std::string selectedApp, watchedJob;
    QObject::connect(appsPane, &ui::EndpointAppsPane::applicationSelected, &window,
                     [&](const QString &appId) { selectedApp = appId.toStdString(); });
    QObject::connect(appsPane, &ui::EndpointAppsPane::jobSelected, &window, [&](const QString &jobId) {
        watchedJob = jobId.toStdString();
        monitor.setWatchedJobs(watchedJob.empty() ? std::vector<std::string>{} : std::vector{watchedJob});
    });

    PassFigures figures;
    QElapsedTimer sincePassStarted;
    int failures = 0;
    QObject::connect(&monitor, &services::ReplicationMonitor::passStarted, &window, [&] { sincePassStarted.start(); });
    QObject::connect(&monitor, &services::ReplicationMonitor::passFailed, &window, [&](const SmsError &error) {
        if (failures++ == 0)
            std::fprintf(stderr, "  a pass failed: %s\n", error.describe().c_str());
    });
    // As ReplicationWorkspace: apply() at the pass's end, the monitor pane in
    // the next event-loop turn; and here its full paint in the turn after.
    QTimer paneRefresh, panePaint;
    for (QTimer *turn : {&paneRefresh, &panePaint}) {
        turn->setSingleShot(true);
        turn->setInterval(0);
    }
    QObject::connect(&monitor, &services::ReplicationMonitor::passFinished, &window,
                     [&](const models::SnapshotPtr &snapshot) {
                         figures.readMs.push_back(double(sincePassStarted.nsecsElapsed()) / 1e6);
                         QElapsedTimer clock;
                         clock.start();
                         store.apply(snapshot);
                         figures.applyMs.push_back(double(clock.nsecsElapsed()) / 1e6);
                         paneRefresh.start();
                     });
    QObject::connect(&paneRefresh, &QTimer::timeout, &window, [&] {
        QElapsedTimer clock;
        clock.start();
        const models::SnapshotPtr &snapshot = store.lastSnapshot();
        monitorPane->setCounts(store.counts());
        if (store.applications().rowOf(selectedApp) >= 0)
            monitorPane->setHistory(store.history(selectedApp), snapshot->takenAt);
        const int row = store.jobs().rowOf(watchedJob);
        const auto runs = snapshot->runs.find(watchedJob);
        if (row >= 0 && runs != snapshot->runs.end())
            monitorPane->setRuns(QString::fromStdString(store.jobs().row(row).vmName), runs->second,
                                 snapshot->takenAt);
        figures.refreshMs.push_back(double(clock.nsecsElapsed()) / 1e6);
        panePaint.start();
    });
    QObject::connect(&panePaint, &QTimer::timeout, &window, [&] {
        QElapsedTimer clock;
        clock.start();
        monitorPane->repaint();  // a full paint now, rather than only what the next update covers
        figures.repaintMs.push_back(double(clock.nsecsElapsed()) / 1e6);
    });

    bench::LatenessProbe probe(10);
    QElapsedTimer wall;
    double baselineMB = 0;
    std::size_t warmupTicks = 0;  // the probe's ticks before the warm-up ended
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout, &window, [&] {
        const double seconds = double(wall.elapsed()) / 1000.0;
        const double rss = statusMB("VmRSS:");
        if (baselineMB == 0 && seconds + 0.5 >= warmup) {  // the sampler ticks a little early or late
            baselineMB = rss;
            warmupTicks = probe.latenessMs().size();
        }
        std::printf("  %6.0f s (%5.2f simulated h): %4zu passes, VmRSS %6.1f MB, %6zu runs in the job list, "
                    "%3d jobs a page\n",
                    seconds, seconds * timeScale / 3600, figures.applyMs.size(), rss, runsHeld(store.lastSnapshot()),
                    monitor.jobsPerPage());
        std::fflush(stdout);
    });

    wall.start();
    probe.start();
    sampler.start(std::max(1, parser.value(rssOption).toInt()) * 1000);
    monitor.setClient(&client);
    monitor.setActive(true);
    QTimer::singleShot(seconds * 1000, &application, &QCoreApplication::quit);
    QApplication::exec();
    probe.stop();
    monitor.stop();
    sampler.stop();
    const double lastMB = statusMB("VmRSS:");

    std::printf("after %.0f s (%.2f simulated h), %zu passes, %d failed:\n", double(wall.elapsed()) / 1000.0,
                double(wall.elapsed()) / 1000.0 * timeScale / 3600, figures.applyMs.size(), failures);
    const auto printLateness = [](const char *when, std::vector<double> late, const std::vector<double> &cpu) {
        if (late.empty())
            return;
        // What the GUI thread's own work can account for: a tick is late by
        // no more of it than the CPU time the thread used meanwhile.
        double ownMax = 0;
        for (std::size_t i = 0; i < late.size(); ++i)
            ownMax = std::max(ownMax, std::min(late[i], cpu[i]));
        std::sort(late.begin(), late.end());
        std::printf("  10 ms timer lateness, %s: max %.2f ms  p99 %.2f ms  p50 %.2f ms  (%zu ticks; %td over 16 ms, "
                    "%td over 50 ms); the GUI thread's own part at most %.2f ms\n",
                    when, late.back(), at(late, 0.99), at(late, 0.5), late.size(),
                    late.end() - std::upper_bound(late.begin(), late.end(), 16.0),
                    late.end() - std::upper_bound(late.begin(), late.end(), 50.0), ownMax);
    };
    const std::vector<double> &late = probe.latenessMs();
    const std::vector<double> &cpu = probe.cpuMs();
    const auto warm = std::ptrdiff_t(warmupTicks);
    printLateness("whole run", late, cpu);
    printLateness("after warm-up", std::vector<double>(late.begin() + warm, late.end()),
                  std::vector<double>(cpu.begin() + warm, cpu.end()));
    std::printf("  (target: never over 50 ms)\n");
    printPercentiles("apply() (target p95 < 20 ms)", figures.applyMs);
    printPercentiles("monitor pane refresh", figures.refreshMs);
    printPercentiles("monitor pane repaint", figures.repaintMs);
    printPercentiles("pass read (start to finished)", figures.readMs);
    if (!figures.repaintMs.empty())
        std::printf("  first pass (every row new, charts and tables laid out): apply() %.2f ms, refresh %.2f ms, "
                    "repaint %.2f ms\n",
                    figures.applyMs.front(), figures.refreshMs.front(), figures.repaintMs.front());
    std::printf("  VmRSS after %d s warm-up %.1f MB, at the end %.1f MB: %+.1f MB; VmHWM %.1f MB\n", warmup,
                baselineMB, lastMB, lastMB - baselineMB, statusMB("VmHWM:"));
    int running = 0;
    for (const models::ReplicationJobRow &row : store.jobs().rows())
        running += !row.runId.empty();
    std::printf("  at the end: %d job rows, %d runs in progress, %zu runs in the job list\n", store.jobs().rowCount(),
                running, runsHeld(store.lastSnapshot()));
    return failures == 0 && !figures.applyMs.empty() ? 0 : 1;
}
