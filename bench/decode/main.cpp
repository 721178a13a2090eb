// sms-bench-decode: how fast GetServers pages turn from JSON text into typed
// values, the work sms-plan and the GUI do for every page of a catalog.
//
//   sms-bench-decode [--servers N] [--page-size P] [--rounds R]
//
// Prints the median throughput of R rounds over N servers in pages of P: the
// typed decode, a generic nlohmann::json parse of the same text for reference,
// and the typed encode to indented text (what `sms-plan --output json` prints).

#include "api/JsonCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

using namespace sms::api;

namespace {

std::vector<std::string> makePages(int servers, int pageSize)
{
    static const char *kRoles[] = {"web", "app", "db", "cache", "batch", "ad"};
    static const char *kEnvs[] = {"prod", "stg", "dev"};
    std::vector<std::string> pages;
    for (int first = 0; first < servers; first += pageSize) {
        GetServersResponse page;
        page.serverCatalogStatus = ServerCatalogStatus::Available;
        page.lastModifiedOn = Timestamp{1716272153.125};
        auto &list = page.serverList.emplace();
        for (int i = first; i < std::min(servers, first + pageSize); ++i) {
            const std::string role = kRoles[i % 6];
            const std::string env = kEnvs[(i / 6) % 3];
            char id[32];
            std::snprintf(id, sizeof id, "s-%017x", 0x1234567u * unsigned(i + 1));
            Server server;
            server.serverId = id;
            server.serverType = ServerType::VirtualMachine;
            VmServer vm;
            vm.vmName = role + "-" + env + "-" + std::to_string(i);
            vm.vmManagerName = "vcenter-0" + std::to_string(i % 3 + 1) + ".corp.example.com";
            vm.vmManagerType = VmManagerType::Vsphere;
            vm.vmPath = "/Datacenter/vm/" + env + "/" + role + "/" + *vm.vmName;
            vm.vmServerAddress = VmServerAddress{"3ed914ec-b5dc-4dd8-aa73-7cd38155db85", "vm-" + std::to_string(i)};
            server.vmServer = std::move(vm);
            if (i % 4 == 0)
                server.replicationJobId = "sms-job-" + std::string(id + 2);
            server.replicationJobTerminated = false;
            list.push_back(std::move(server));
        }
        if (first + pageSize < servers)
            page.nextToken = "token-" + std::to_string(first + pageSize);
        pages.push_back(serialize(page));
    }
    return pages;
}

// The median over `rounds` of the MB/s of `round()`, which does one pass and
// returns how many bytes it read or wrote.
template <typename Round>
double medianMBps(int rounds, Round round)
{
    std::vector<double> rates;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer clock;
        clock.start();
        const size_t bytes = round();
        rates.push_back(double(bytes) / 1e6 / (double(clock.nsecsElapsed()) / 1e9));
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

int argValue(const QStringList &args, const char *name, int fallback)
{
    const auto i = args.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int servers = argValue(args, "--servers", 100'000);
    const int pageSize = argValue(args, "--page-size", 100);
    const int rounds = argValue(args, "--rounds", 7);

    const auto pages = makePages(servers, pageSize);
    size_t bytes = 0;
    for (const auto &page : pages)
        bytes += page.size();

    // Each pass checks what it produced, so the work cannot be optimised away.
    const auto decodePass = [&pages](auto decodeOne) {
        return [&pages, decodeOne] {
            size_t read = 0;
            for (const auto &page : pages)
                read += decodeOne(page) ? page.size() : 0;
            return read;
        };
    };
    const double typed = medianMBps(rounds, decodePass([](const std::string &page) {
        return parse<GetServersResponse>(page).ok();
    }));
    const double parseOnly = medianMBps(rounds, decodePass([](const std::string &page) {
        return parseJson(page).ok();
    }));
    std::vector<GetServersResponse> typedPages;
    for (const auto &page : pages)
        typedPages.push_back(parse<GetServersResponse>(page).value());
    const double encoded = medianMBps(rounds, [&typedPages] {
        size_t written = 0;
        for (const auto &page : typedPages)
            written += serialize(page, 4).size();
        return written;
    });
    std::printf("GetServers pages: %d servers in %zu pages of %d, %.1f MB of JSON, %d rounds\n", servers,
                pages.size(), pageSize, double(bytes) / 1e6, rounds);
    std::printf("decode, text -> typed (api::parse):            median %7.1f MB/s\n", typed);
    std::printf("generic parse, text -> nlohmann::json (for reference): median %7.1f MB/s\n", parseOnly);
    std::printf("encode, typed -> indented text (api::serialize): median %7.1f MB/s\n", encoded);
    return 0;
}
