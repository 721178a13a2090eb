// bench-csv-import: how long importing a big RVTools vInfo export takes.
//
//   bench-csv-import [--rows N] [--rounds R] [--dir DIR]
//
// Writes an RVTools vInfo CSV of N rows (default 100,000) with RVTools' 93
// columns and realistic values (2% templates, notes with commas, quotes and
// line breaks, non-ASCII names) to a temporary folder or DIR, reads it back
// once, then times importInventory on its bytes over R rounds and prints the
// median, minimum and maximum wall time, the median CPU time and the file size.
// The target is a median under 1 s on the 2-core development VM.

#include "models/CsvWriter.h"
#include "models/InventoryImport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

// RVTools 4.x's vInfo columns, in its order.
constexpr std::array<std::string_view, 93> kHeaders{
    "VM", "Powerstate", "Template", "SRM Placeholder", "Config status", "DNS Name", "Connection state", "Guest state",
    "Heartbeat", "Consolidation Needed", "PowerOn", "Suspended To Memory", "Suspend time", "Suspend Interval",
    "Creation date", "Change Version", "CPUs", "Overall Cpu Readiness", "Memory", "Active Memory", "NICs", "Disks",
    "Total disk capacity MiB", "Fixed Passthru HotPlug", "min Required EVC Mode Key", "Latency Sensitivity",
    "Op Notification Timeout", "EnableUUID", "CBT", "Primary IP Address", "Network #1", "Network #2", "Network #3",
    "Network #4", "Network #5", "Network #6", "Network #7", "Network #8", "Num Monitors", "Video Ram KiB",
    "Resource pool", "Folder ID", "Folder", "vApp", "DAS protection", "FT State", "FT Role", "FT Latency",
    "FT Bandwidth", "FT Sec. Latency", "Vm Failover In Progress", "Provisioned MiB", "In Use MiB", "Unshared MiB",
    "HA Restart Priority", "HA Isolation Response", "HA VM Monitoring", "Cluster rule(s)", "Cluster rule name(s)",
    "Boot Required", "Boot delay", "Boot retry delay", "Boot retry enabled", "Boot BIOS setup", "Reboot PowerOff",
    "EFI Secure boot", "Firmware", "HW version", "HW upgrade status", "HW upgrade policy", "HW target", "Path",
    "Log directory", "Snapshot directory", "Suspend directory", "Annotation", "Backup status",
    "ClusterInvariantVMMId", "Last backup", "Datacenter", "Cluster", "Host", "OS according to the configuration file",
    "OS according to the VMware Tools", "Customization Info", "Guest Detailed Data", "VM ID", "SMBIOS UUID",
    "VM UUID", "VI SDK Server type", "VI SDK API Version", "VI SDK Server", "VI SDK UUID"};

constexpr std::size_t column(std::string_view header)
{
    for (std::size_t i = 0; i < kHeaders.size(); ++i)
        if (kHeaders[i] == header)
            return i;
    throw "no such column";  // a misspelt header stops the program
}

// SplitMix64: the same file on every run and platform.
struct Random
{
    std::uint64_t state;
    std::uint64_t next()
    {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return std::size_t(next() % n); }
    template <typename T, std::size_t N>
    const T &pick(const std::array<T, N> &items) { return items[below(N)]; }
};

std::string uuid(Random &random)
{
    char text[37];
    const std::uint64_t a = random.next(), b = random.next();
    std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012" PRIx64, unsigned(a >> 32), unsigned(a >> 16) & 0xFFFF,
                  unsigned(a) & 0xFFFF, unsigned(b >> 48), std::uint64_t(b & 0xFFFFFFFFFFFFULL));
    return text;
}

struct Estate
{
    std::string text;
    std::size_t rows = 0;
    std::size_t templates = 0;
};

Estate makeRvToolsExport(std::size_t rows)
{
    static constexpr std::array<std::string_view, 4> kEnvironments{"prd", "tst", "dev", "uat"};
    static constexpr std::array<std::string_view, 8> kRoles{"web", "app", "db", "sql", "file", "dc", "mq", "batch"};
    static constexpr std::array<std::string_view, 6> kOs{
        "Microsoft Windows Server 2019 (64-bit)", "Microsoft Windows Server 2016 (64-bit)",
        "Red Hat Enterprise Linux 8 (64-bit)", "Ubuntu Linux (64-bit)", "SUSE Linux Enterprise 15 (64-bit)",
        "CentOS 7 (64-bit)"};
    static constexpr std::array<std::string_view, 3> kDatacenters{"DC-East", "DC-West", "Zürich-RZ"};
    static constexpr std::array<std::string_view, 3> kPower{"poweredOn", "poweredOn", "poweredOff"};
    static constexpr std::array<std::string_view, 5> kNotes{
        "", "", "", "Owner: app team, cost centre 4711", "Migrate in wave 3\r\nDo not reboot on Fridays"};
    Random random{7};
    std::vector<std::string> vCenters, vCenterUuids;
    for (int i = 0; i < 4; ++i) {
        vCenters.push_back("vcenter-0" + std::to_string(i + 1) + ".corp.example.com");
        vCenterUuids.push_back(uuid(random));
    }

    Estate estate;
    estate.rows = rows;
    estate.text.reserve(rows * 1000);
    for (std::size_t i = 0; i < kHeaders.size(); ++i) {
        if (i > 0)
            estate.text += ',';
        sms::models::appendCsvField(estate.text, kHeaders[i]);
    }
    estate.text += "\r\n";

    std::vector<std::string> cells(kHeaders.size());
    for (std::size_t row = 0; row < rows; ++row) {
        std::fill(cells.begin(), cells.end(), std::string());
        const auto set = [&cells](std::string_view header, std::string value) { cells[column(header)] = std::move(value); };
        const bool isTemplate = random.below(50) == 0;
        estate.templates += isTemplate;
        const std::string_view env = random.pick(kEnvironments), role = random.pick(kRoles);
        const std::string name = std::string(env) + "-" + std::string(role) + "-" + std::to_string(10000 + row);
        const std::string_view dc = random.pick(kDatacenters);
        const std::string_view power = isTemplate ? "poweredOff" : random.pick(kPower);
        const std::size_t vc = row % vCenters.size();
        const int cpus = 1 << random.below(4);
        const std::size_t provisioned = 20480 * (1 + random.below(40));
        const std::string datastore = "[ds-" + std::to_string(random.below(64)) + "] " + name + "/";
        const std::string vmUuid = uuid(random);
        set("VM", name);
        set("Powerstate", std::string(power));
        set("Template", isTemplate ? "True" : "False");
        set("SRM Placeholder", "False");
        set("Config status", "green");
        set("DNS Name", name + ".corp.example.com");
        set("Connection state", "connected");
        set("Guest state", power == "poweredOn" ? "running" : "notRunning");
        set("Heartbeat", power == "poweredOn" ? "green" : "gray");
        set("Consolidation Needed", "False");
        set("PowerOn", power == "poweredOn" ? "2024/03/11 06:12:40" : "");
        set("Suspend Interval", "0");
        set("Creation date", "2021/05/" + std::to_string(10 + row % 18) + " 10:14:02");
        set("Change Version", "2024-11-27T08:15:33.512345Z");
        set("CPUs", std::to_string(cpus));
        set("Memory", std::to_string(cpus * 4096));
        set("Active Memory", std::to_string(cpus * 512));
        set("NICs", "1");
        set("Disks", std::to_string(1 + random.below(3)));
        set("Total disk capacity MiB", std::to_string(provisioned - 4096));
        set("Latency Sensitivity", "normal");
        set("EnableUUID", "False");
        set("CBT", "True");
        set("Primary IP Address", "10." + std::to_string(row % 250) + "." + std::to_string(random.below(250)) + "."
                                      + std::to_string(1 + random.below(250)));
        set("Network #1", "VLAN-" + std::to_string(100 + random.below(40)));
        set("Num Monitors", "1");
        set("Video Ram KiB", "8192");
        set("Resource pool", "/" + std::string(dc) + "/Resources");
        set("Folder ID", "group-v" + std::to_string(20 + random.below(200)));
        set("Folder", std::string(env) + "/" + std::string(role));
        set("DAS protection", "True");
        set("FT State", "notConfigured");
        set("Provisioned MiB", std::to_string(provisioned));
        set("In Use MiB", std::to_string(provisioned / 2));
        set("Unshared MiB", std::to_string(provisioned / 2));
        set("HA Restart Priority", "medium");
        set("HA Isolation Response", "none");
        set("HA VM Monitoring", "vmMonitoringDisabled");
        set("Boot Required", "False");
        set("Boot delay", "0");
        set("Boot retry delay", "10000");
        set("Boot retry enabled", "False");
        set("Boot BIOS setup", "False");
        set("Reboot PowerOff", "False");
        set("EFI Secure boot", "False");
        set("Firmware", "bios");
        set("HW version", "vmx-15");
        set("HW upgrade status", "none");
        set("HW upgrade policy", "never");
        set("Path", datastore + name + ".vmx");
        set("Log directory", datastore);
        set("Snapshot directory", datastore);
        set("Suspend directory", datastore);
        set("Annotation", std::string(random.pick(kNotes)));
        set("ClusterInvariantVMMId", vmUuid);
        set("Datacenter", std::string(dc));
        set("Cluster", std::string(dc) + "-Cluster-" + std::to_string(1 + random.below(8)));
        set("Host", "esx-" + std::to_string(100 + random.below(400)) + ".corp.example.com");
        const std::string_view os = random.pick(kOs);
        set("OS according to the configuration file", std::string(os));
        set("OS according to the VMware Tools", power == "poweredOn" ? std::string(os) : "");
        set("VM ID", "vm-" + std::to_string(1000 + row));
        set("SMBIOS UUID", uuid(random));
        set("VM UUID", vmUuid);
        set("VI SDK Server type", "VMware vCenter Server");
        set("VI SDK API Version", "7.0.3");
        set("VI SDK Server", vCenters[vc]);
        set("VI SDK UUID", vCenterUuids[vc]);
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0)
                estate.text += ',';
            sms::models::appendCsvField(estate.text, cells[i]);
        }
        estate.text += "\r\n";
    }
    return estate;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rowsOption(QStringLiteral("rows"), QStringLiteral("Rows in the export."),
                                        QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Imports timed."),
                                          QStringLiteral("R"), QStringLiteral("7"));
    const QCommandLineOption dirOption(QStringLiteral("dir"), QStringLiteral("Where the file goes (default: a temporary folder)."),
                                       QStringLiteral("DIR"));
    parser.addOptions({rowsOption, roundsOption, dirOption});
    parser.process(app);
    const int rows = std::max(1, parser.value(rowsOption).toInt());
    const int rounds = std::max(1, parser.value(roundsOption).toInt());
    QTemporaryDir temporary;
    const QString path = (parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path())
                       + QStringLiteral("/rvtools-vinfo.csv");

    {
        const Estate estate = makeRvToolsExport(std::size_t(rows));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)
            || file.write(estate.text.data(), qint64(estate.text.size())) != qint64(estate.text.size())) {
            std::fprintf(stderr, "bench-csv-import: could not write %s\n", qPrintable(path));
            return 1;
        }
        std::printf("RVTools vInfo export: %d rows (%zu templates), %zu columns, %.1f MB\n", rows, estate.templates,
                    kHeaders.size(), double(estate.text.size()) / 1e6);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "bench-csv-import: could not read %s\n", qPrintable(path));
        return 1;
    }
    const QByteArray bytes = file.readAll();

    std::vector<double> wall, cpu;
    std::size_t servers = 0;
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer clock;
        const std::clock_t cpuStart = std::clock();
        clock.start();
        const auto imported = sms::models::importInventory(std::string_view(bytes.constData(), std::size_t(bytes.size())));
        wall.push_back(double(clock.nsecsElapsed()) / 1e6);
        cpu.push_back(double(std::clock() - cpuStart) * 1000.0 / CLOCKS_PER_SEC);
        if (!imported || !imported->problems.empty()) {
            std::fprintf(stderr, "bench-csv-import: the import failed: %s\n",
                         imported ? imported->problems.front().reason.c_str() : imported.error().message.c_str());
            return 1;
        }
        servers = imported->servers.size();
    }
    std::sort(wall.begin(), wall.end());
    std::sort(cpu.begin(), cpu.end());
    std::printf("importInventory: %zu servers; %d rounds: median %.1f ms (cpu %.1f ms), min %.1f ms, max %.1f ms\n",
                servers, rounds, wall[wall.size() / 2], cpu[cpu.size() / 2], wall.front(), wall.back());
    return 0;
}
