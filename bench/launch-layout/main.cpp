// bench-launch-layout: how long the launch graph's layered layout takes.
//
//   bench-launch-layout [--groups N] [--edges E] [--rounds R] [--seed S]
//
// Lays out one random acyclic graph of N server groups and E edges (the
// tests' generator, tests/models/RandomLaunchGraph.h) R times and prints the
// median, p95 and max wall time of layOutLaunchGraph, with the crossings of
// the index order before the sweeps and those left after; then the check the
// editor makes for each edge the user draws (cycleClosedBy), for R edges
// between random groups of the same graph. Targets (issue 14): 300 groups and
// 1,000 edges laid out under 50 ms; a cycle check under 1 ms.

#include "bench/support/Percentile.h"
#include "models/LaunchGraph.h"
#include "models/LaunchLayout.h"
#include "models/LayerCrossings.h"
#include "models/LayeredGraph.h"
#include "tests/models/RandomLaunchGraph.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("groups"), QStringLiteral("Server groups (nodes)."), QStringLiteral("N"), QStringLiteral("300")},
        {QStringLiteral("edges"), QStringLiteral("Launch-after edges."), QStringLiteral("E"), QStringLiteral("1000")},
        {QStringLiteral("rounds"), QStringLiteral("Layouts timed."), QStringLiteral("R"), QStringLiteral("51")},
        {QStringLiteral("seed"), QStringLiteral("Seed of the random graph."), QStringLiteral("S"), QStringLiteral("7")},
    });
    parser.process(app);
    const auto number = [&](const char *name) { return parser.value(QLatin1String(name)).toInt(); };
    const int groups = std::max(1, number("groups"));
    const int edges = std::max(0, number("edges"));
    const int rounds = std::max(1, number("rounds"));
    const auto seed = unsigned(number("seed"));

    const sms::models::LayoutInput input = sms::models::randomLaunchGraph(groups, edges, seed);
    const sms::models::LayeredGraph layered = sms::models::buildLayeredGraph(input.nodeCount, input.edges);
    const long long before = sms::models::layeredCrossings(layered, layered.rows);

    std::vector<double> ms;
    sms::models::LayoutResult result;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer clock;
        clock.start();
        result = sms::models::layOutLaunchGraph(input);
        ms.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());

    std::printf("graph: %d groups, %zu edges (seed %u): %zu layers, %zu virtual nodes\n", groups,
                input.edges.size(), seed, layered.rows.size(), layered.layer.size() - std::size_t(layered.realCount));
    std::printf("layOutLaunchGraph over %d rounds: median %.2f ms, p95 %.2f ms, max %.2f ms\n", rounds,
                sms::bench::percentile(ms, 0.5), sms::bench::percentile(ms, 0.95), ms.back());
    std::printf("crossings: %lld in index order, %d after the sweeps\n", before, result.crossings);

    // The same graph as an application's groups (keys 1..N), as the editor checks it.
    std::vector<sms::models::PlanServerGroup> planGroups(std::size_t(input.nodeCount));
    for (std::size_t i = 0; i < planGroups.size(); ++i)
        planGroups[i].key = sms::models::PlanKey(i + 1);
    for (const auto &[from, to] : input.edges)
        planGroups[std::size_t(to)].launchAfter.push_back(sms::models::PlanKey(from + 1));
    QRandomGenerator random(seed);
    std::vector<double> checks;
    int closing = 0;
    for (int round = 0; round < rounds; ++round) {
        const auto earlier = sms::models::PlanKey(random.bounded(groups) + 1);
        const auto later = sms::models::PlanKey(random.bounded(groups) + 1);
        QElapsedTimer clock;
        clock.start();
        closing += !sms::models::cycleClosedBy(planGroups, earlier, later).empty();
        checks.push_back(double(clock.nsecsElapsed()) / 1e6);
    }
    std::sort(checks.begin(), checks.end());
    std::printf("cycleClosedBy over %d random edges (%d would close a cycle): median %.3f ms, p95 %.3f ms, max %.3f ms\n",
                rounds, closing, sms::bench::percentile(checks, 0.5), sms::bench::percentile(checks, 0.95),
                checks.back());
    return 0;
}
