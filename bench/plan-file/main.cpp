// bench-plan-file: how long saving and opening a big .smsplan takes.
//
//   bench-plan-file [--servers N] [--apps A] [--grouped G] [--rounds R] [--dir DIR]
//
// Builds a plan over the sandbox's estate of N servers (seed 7) with A
// applications holding G of them in two or three server groups each, then
// prints the median over R rounds of each step and of the two a user waits
// for: encode+write (Save) and read+decode (Open).

#include "models/PlanFile.h"
#include "sandbox/EstateGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <ctime>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

using sms::models::PlanData;

int argValue(const QStringList &args, const char *name, int fallback)
{
    const auto i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

PlanData makePlan(int servers, int apps, int grouped)
{
    sms::sandbox::Estate estate = sms::sandbox::generateEstate(std::size_t(servers), 7);
    PlanData plan;
    plan.catalog.source.endpoint = "http://127.0.0.1:8080/";
    plan.catalog.source.region = "us-east-1";
    plan.catalog.source.readAt = sms::api::Timestamp{1716272153};
    plan.catalog.source.lastModifiedOn = estate.generatedAt;
    plan.catalog.source.status = sms::api::ServerCatalogStatus::Available;
    plan.catalog.connectors = std::move(estate.connectors);
    for (auto &server : estate.servers)
        plan.catalog.servers.push_back(std::move(server.server));

    sms::models::PlanKey key = 0;
    grouped = std::min(grouped, servers);
    int next = 0;
    for (int a = 0; a < apps; ++a) {
        sms::models::PlanApplication &app = plan.applications.emplace_back();
        app.key = ++key;
        app.name = "application-" + std::to_string(a + 1);
        app.description = "Wave " + std::to_string(a % 4 + 1);
        app.roleName = "sms-app-role";
        app.tags = {{"env", "prod"}, {"owner", "team-" + std::to_string(a % 5)}};
        const int groups = 2 + a % 2;
        const int share = grouped / apps + (a < grouped % apps ? 1 : 0);
        for (int g = 0; g < groups; ++g) {
            sms::models::PlanServerGroup &group = app.serverGroups.emplace_back();
            group.key = ++key;
            group.name = "group-" + std::to_string(g + 1);
            const int count = share / groups + (g < share % groups ? 1 : 0);
            for (int i = 0; i < count; ++i)
                group.serverIds.push_back(*plan.catalog.servers[std::size_t(next++)].serverId);
        }
    }
    return plan;
}

struct Median
{
    double wallMs = 0;
    double cpuMs = 0;  // this process's CPU time: what a busy machine's other load does not change
};

Median median(int rounds, const std::function<bool()> &step)
{
    std::vector<double> wall;
    std::vector<double> cpu;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer clock;
        const std::clock_t cpuStart = std::clock();
        clock.start();
        if (!step()) {
            std::fprintf(stderr, "bench-plan-file: a step failed\n");
            std::exit(1);
        }
        wall.push_back(double(clock.nsecsElapsed()) / 1e6);
        cpu.push_back(double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    return {wall[wall.size() / 2], cpu[cpu.size() / 2]};
}

void print(const char *label, const Median &m)
{
    std::printf("%-36s %8.1f ms  (cpu %7.1f ms)\n", label, m.wallMs, m.cpuMs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int servers = argValue(args, "--servers", 100'000);
    const int apps = std::max(1, argValue(args, "--apps", 20));
    const int grouped = argValue(args, "--grouped", 50'000);
    const int rounds = std::max(1, argValue(args, "--rounds", 7));
    const auto dirArg = args.indexOf(QStringLiteral("--dir"));
    QTemporaryDir temporary;
    const QString dir = dirArg >= 0 && dirArg + 1 < args.size() ? args[dirArg + 1] : temporary.path();
    const QString path = dir + QStringLiteral("/bench.smsplan");

    const PlanData plan = makePlan(servers, apps, grouped);
    std::string text;
    QByteArray bytes;

    const Median encode = median(rounds, [&] { return !(text = sms::models::encodePlan(plan)).empty(); });
    const Median save = median(rounds, [&] { return sms::models::writePlanFile(path, plan).ok(); });
    const Median read = median(rounds, [&] {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && !(bytes = file.readAll()).isEmpty();
    });
    const Median decode = median(rounds, [&] {
        return sms::models::decodePlan(std::string_view(bytes.constData(), std::size_t(bytes.size()))).ok();
    });
    const Median open = median(rounds, [&] { return sms::models::readPlanFile(path).ok(); });
    const Median check = median(rounds, [&] { return sms::models::checkPlanFile(path).ok(); });

    std::printf("plan: %d servers, %d applications holding %d of them; file %.1f MB; median of %d rounds\n",
                servers, apps, grouped, double(text.size()) / 1e6, rounds);
    print("encode (encodePlan)", encode);
    print("encode+write (writePlanFile, Save)", save);
    print("read (file bytes only)", read);
    print("decode (decodePlan)", decode);
    print("read+decode (readPlanFile, Open)", open);
    print("check (checkPlanFile, Open first)", check);
    return 0;
}
