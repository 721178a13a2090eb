// bench-replication-charts: what a monitor pass costs the charts, offscreen.
//
//   bench-replication-charts [--rounds R] [--samples N] [--apps N] [--screenshot FILE]
//                            [--size WxH] [--dark] [--empty]
//
// Each round is one pass as the store would make it: new values handed to a
// chart's setter, then the chart drawn in full (QWidget::grab renders every
// item, so nothing is left for a later paint). It prints the median, 95th
// percentile and max over R rounds, for the setter alone and with the
// drawing, against the 16 ms of one frame:
//   1. ApplicationStateChart, N samples (300) x 7 buckets, the history moving
//      on by one sample each round;
//   2. StateSummaryChart, N applications (100) at the size it has in the pane
//      at 1366x768: a few counts moving each round (the same bars: values
//      replaced in place); other applications each round (every label new);
//      one application more each round (the list changed, the bars may not);
//      the failures moving to other applications each round (the bars
//      reordered).
// --screenshot writes the whole ReplicationMonitorPane with made-up data to
// FILE (PNG) at --size (1366x768), for looking at, and exits; --empty shows
// what it says before anything is chosen.

#include "ui/monitor/ApplicationStateChart.h"
#include "ui/monitor/ReplicationMonitorPane.h"
#include "ui/monitor/StateSummaryChart.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPixmap>
#include <QStyleFactory>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace sms;

namespace {

constexpr double kNow = 1'765'000'000;
constexpr double kPassSeconds = 10;

// A migration wave of 40 servers: jobs appear, replicate, complete, and a few
// fail and are retried, as smooth curves plus a wobble per `phase`.
models::StateSample waveSample(double at, double progress, int phase)
{
    const double wobble = 0.5 + 0.5 * std::sin(progress * 20 + phase * 0.3);
    const double done = 40 * std::clamp((progress - 0.35) / 0.6, 0.0, 1.0);
    const double started = 40 * std::clamp(progress / 0.4, 0.0, 1.0);
    const double failing = std::min(3.0, (started - done) * 0.1) * wobble;
    const double failed = progress > 0.5 ? 1 + wobble : 0;
    const double pending = std::max(0.0, std::min(4.0, 40 - started));
    models::StateSample sample;
    sample.at = at;
    auto set = [&](models::JobBucket bucket, double servers) { sample.servers[std::size_t(bucket)] = float(servers); };
    set(models::JobBucket::NoJob, std::max(0.0, 40 - started - pending));
    set(models::JobBucket::Pending, pending);
    set(models::JobBucket::Replicating, std::max(0.0, started - done - failing - failed - 1));
    set(models::JobBucket::Completed, done);
    set(models::JobBucket::Failing, failing);
    set(models::JobBucket::Paused, started > 10 ? 1 : 0);
    set(models::JobBucket::Failed, failed);
    return sample;
}

models::ApplicationHistory history(int samples, int phase)
{
    models::ApplicationHistory history{"app-0001", "payments-web", {}};
    for (int i = 0; i < samples; ++i) {
        const double at = kNow + phase * kPassSeconds - double(samples - 1 - i) * kPassSeconds;
        history.samples.push_back(waveSample(at, double(i + phase) / double(samples + 200), phase));
    }
    return history;
}

std::vector<models::ApplicationCounts> counts(int apps, int phase, const char *prefix)
{
    std::vector<models::ApplicationCounts> all;
    for (int app = 0; app < apps; ++app) {
        models::ApplicationCounts counts{QStringLiteral("app-%1").arg(app, 4, 10, QLatin1Char('0')).toStdString(),
                                         QStringLiteral("%1-%2").arg(QLatin1String(prefix)).arg(app).toStdString(),
                                         {}};
        for (int bucket = 0; bucket < models::kJobBucketCount; ++bucket)
            counts.servers[std::size_t(bucket)] = (app * 7 + bucket * 3 + (app % 5 == 0 ? phase : 0)) % 9;
        all.push_back(counts);
    }
    return all;
}

std::vector<api::ReplicationRun> runs()
{
    struct Spec
    {
        const char *id;
        api::ReplicationRunState state;
        double startAgo;
        double endAgo; // < 0: not completed
        const char *stage;
        const char *progress;
        const char *message;
    };
    const Spec specs[] = {
        {"sms-run-0a41", api::ReplicationRunState::Active, 1500, -1, "Uploading", "62%", nullptr},
        {"sms-run-0a40", api::ReplicationRunState::Failed, 4800, 4100, "Uploading", "30%",
         "The connector lost its connection to the vCenter."},
        {"sms-run-0a3f", api::ReplicationRunState::Completed, 8400, 6600, "Done", "100%", nullptr},
        {"sms-run-0a3e", api::ReplicationRunState::Missed, 10800, -1, nullptr, nullptr, "The connector was busy."},
        {"sms-run-0a3d", api::ReplicationRunState::Completed, 13800, 11900, "Done", "100%", nullptr},
    };
    std::vector<api::ReplicationRun> list;
    for (const Spec &spec : specs) {
        api::ReplicationRun run;
        run.replicationRunId = spec.id;
        run.state = spec.state;
        run.type = api::ReplicationRunType::Automatic;
        run.scheduledStartTime = api::Timestamp{kNow - spec.startAgo};
        if (spec.endAgo >= 0) {
            run.completedTime = api::Timestamp{kNow - spec.endAgo};
            run.amiId = std::string("ami-") + (spec.id + 8);
        }
        if (spec.stage) {
            run.stageDetails.emplace();
            run.stageDetails->stage = spec.stage;
            run.stageDetails->stageProgress = spec.progress;
        }
        if (spec.message)
            run.statusMessage = spec.message;
        list.push_back(run);
    }
    return list;
}

struct Figures
{
    std::vector<double> set;
    std::vector<double> total;
};

void report(const char *what, Figures figures)
{
    const auto line = [](const char *label, std::vector<double> &ms) {
        std::sort(ms.begin(), ms.end());
        std::printf("  %-18s median %7.2f ms   p95 %7.2f ms   max %7.2f ms\n", label, ms[ms.size() / 2],
                    ms[std::min(ms.size() - 1, ms.size() * 95 / 100)], ms.back());
    };
    std::printf("%s (%zu rounds, target: set and draw < 16 ms)\n", what, figures.set.size());
    line("set only", figures.set);
    line("set and draw", figures.total);
}

// One round: `set` hands the values over, then `widget` is drawn in full.
Figures measure(int rounds, QWidget *widget, const std::function<void(int)> &set)
{
    Figures figures;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer timer;
        timer.start();
        set(round);
        const qint64 setNs = timer.nsecsElapsed();
        const QPixmap drawn = widget->grab();
        const qint64 totalNs = timer.nsecsElapsed();
        if (drawn.isNull())
            qFatal("nothing drawn");
        figures.set.push_back(double(setNs) / 1e6);
        figures.total.push_back(double(totalNs) / 1e6);
        QCoreApplication::processEvents();
    }
    return figures;
}

int screenshot(const QString &path, const QSize &size, bool dark, bool empty)
{
    if (dark) {
        QPalette palette(QColor(0x35, 0x35, 0x35));
        palette.setColor(QPalette::Base, QColor(0x24, 0x24, 0x24));
        palette.setColor(QPalette::AlternateBase, QColor(0x2c, 0x2c, 0x2c));
        palette.setColor(QPalette::Text, Qt::white);
        palette.setColor(QPalette::WindowText, Qt::white);
        palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
        QApplication::setPalette(palette);
    }
    ui::ReplicationMonitorPane pane;
    if (!empty) {
        pane.setHistory(history(300, 0), kNow);
        pane.setCounts(counts(14, 0, "app"));
        pane.setRuns(QStringLiteral("web-01 (s-0a1b2c3d)"), runs(), kNow);
    }
    pane.resize(size);
    pane.show();
    QCoreApplication::processEvents();
    if (!pane.grab().save(path, "PNG")) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
        return 1;
    }
    std::printf("wrote %s\n", qPrintable(path));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // The same style wherever it runs, so figures compare.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Passes per figure."),
                                          QStringLiteral("R"), QStringLiteral("200"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"), QStringLiteral("History samples."),
                                           QStringLiteral("N"), QStringLiteral("300"));
    const QCommandLineOption appsOption(QStringLiteral("apps"), QStringLiteral("Applications in the summary."),
                                        QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Write the pane with made-up data as PNG and exit."),
                                              QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("The pane's size for --screenshot."),
                                        QStringLiteral("WxH"), QStringLiteral("1366x768"));
    const QCommandLineOption darkOption(QStringLiteral("dark"), QStringLiteral("A dark palette for --screenshot."));
    const QCommandLineOption emptyOption(QStringLiteral("empty"), QStringLiteral("No data for --screenshot."));
    parser.addOptions({roundsOption, samplesOption, appsOption, screenshotOption, sizeOption, darkOption, emptyOption});
    parser.process(app);

    if (parser.isSet(screenshotOption)) {
        const QStringList wh = parser.value(sizeOption).split(QLatin1Char('x'));
        return screenshot(parser.value(screenshotOption), QSize(wh.value(0).toInt(), wh.value(1).toInt()),
                          parser.isSet(darkOption), parser.isSet(emptyOption));
    }

    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    const int samples = std::max(1, parser.value(samplesOption).toInt());
    const int apps = std::max(1, parser.value(appsOption).toInt());

    ui::ApplicationStateChart chart;
    chart.resize(800, 400);
    chart.show();
    std::vector<models::ApplicationHistory> histories;
    for (int round = 0; round < rounds; ++round)
        histories.push_back(history(samples, round));
    report(qPrintable(QStringLiteral("ApplicationStateChart, %1 samples x %2 buckets, 800x400")
                          .arg(samples)
                          .arg(models::kJobBucketCount)),
           measure(rounds, &chart, [&](int round) {
               chart.setHistory(histories[std::size_t(round)], kNow + round * kPassSeconds);
           }));

    ui::StateSummaryChart summary;
    // As the pane shows it at 1366x768: the bars that fit, worst first.
    summary.resize(560, 300);
    summary.show();
    const auto summaryCase = [&](const char *what, const std::function<std::vector<models::ApplicationCounts>(int)> &pass) {
        std::vector<std::vector<models::ApplicationCounts>> passes;
        for (int round = 0; round < rounds; ++round)
            passes.push_back(pass(round));
        summary.setCounts(pass(rounds));
        report(qPrintable(QStringLiteral("StateSummaryChart, %1 applications, %2, 560x300 (%3 bars)")
                              .arg(apps)
                              .arg(QLatin1String(what))
                              .arg(summary.categories().size())),
               measure(rounds, &summary, [&](int round) { summary.setCounts(passes[std::size_t(round)]); }));
    };
    summaryCase("same applications each pass", [&](int round) { return counts(apps, round, "app"); });
    summaryCase("other applications each pass",
                [&](int round) { return counts(apps, round, round % 2 ? "odd" : "even"); });
    summaryCase("one more application each pass", [&](int round) { return counts(apps + round, 0, "app"); });
    summaryCase("the failures move each pass", [&](int round) {
        std::vector<models::ApplicationCounts> all = counts(apps, 0, "app");
        for (auto &app : all)
            app.servers[std::size_t(models::JobBucket::Failed)] = 0;
        for (int i = 0; i < 5; ++i)
            all[std::size_t((round * 7 + i * 13) % apps)].servers[std::size_t(models::JobBucket::Failed)] = 1 + i;
        return all;
    });
    return 0;
}
