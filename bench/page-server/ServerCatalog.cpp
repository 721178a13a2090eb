#include "ServerCatalog.h"

#include <QList>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace sms::bench {

namespace {

// SplitMix64: tiny, fast, and specified bit for bit, unlike std:: distributions.
constexpr std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

class Rng
{
public:
    explicit Rng(std::uint64_t seed) : m_state(seed) { }
    std::uint64_t next() { return mix64(m_state += 0x9e3779b97f4a7c15ULL); }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    bool chance(unsigned percent) { return below(100) < percent; }

private:
    std::uint64_t m_state;
};

std::string hex(std::uint64_t value, int digits)
{
    std::string out(std::size_t(digits), '0');
    for (int i = digits - 1; i >= 0 && value != 0; --i, value >>= 4)
        out[std::size_t(i)] = "0123456789abcdef"[value & 0xf];
    return out;
}

std::string uuid(Rng &rng)
{
    const std::uint64_t a = rng.next();
    const std::uint64_t b = rng.next();
    return hex(a >> 32, 8) + '-' + hex((a >> 16) & 0xffff, 4) + '-'
        + hex(0x4000 | (a & 0x0fff), 4) + '-' + hex(0x8000 | ((b >> 48) & 0x3fff), 4) + '-'
        + hex(b & 0xffffffffffffULL, 12);
}

std::string padded(std::uint64_t value, int width)
{
    std::string digits = std::to_string(value);
    if (int(digits.size()) < width)
        digits.insert(0, std::size_t(width) - digits.size(), '0');
    return digits;
}

template<std::size_t N>
std::string_view pick(Rng &rng, const std::array<std::string_view, N> &items)
{
    return items[rng.below(N)];
}

struct VmManager
{
    std::string id;
    std::string name;
    std::string_view type;
    std::string_view datacenter;
    std::uint64_t nextVmNumber;
};

constexpr std::array<std::string_view, 5> kDatacenters = {
    "Datacenter", "DC-East", "DC-West", "Frankfurt-DC1", "Tokyo-DC2"};
constexpr std::array<std::string_view, 5> kEnvironments = {"prod", "stg", "dev", "test", "dr"};
constexpr std::array<std::string_view, 16> kRoles = {
    "web", "app", "db", "cache", "mq", "batch", "ad", "file",
    "build", "mon", "proxy", "etl", "api", "search", "sftp", "erp"};

std::vector<VmManager> makeManagers(Rng &rng, qsizetype serverCount)
{
    // About one vCenter (or SCVMM / Hyper-V manager) per 4,000 VMs.
    const qsizetype count = std::clamp<qsizetype>(serverCount / 4000 + 1, 1, 64);
    std::vector<VmManager> managers;
    managers.reserve(std::size_t(count));
    for (qsizetype i = 0; i < count; ++i) {
        VmManager m;
        m.id = uuid(rng);
        m.datacenter = pick(rng, kDatacenters);
        if (i % 11 == 10) {
            m.type = "HYPERV-MANAGER";
            m.name = "hyperv-" + padded(std::uint64_t(i + 1), 2) + ".corp.example.com";
        } else if (i % 7 == 6) {
            m.type = "SCVMM";
            m.name = "scvmm-" + padded(std::uint64_t(i + 1), 2) + ".corp.example.com";
        } else {
            m.type = "VSPHERE";
            m.name = "vcenter-" + padded(std::uint64_t(i + 1), 2) + ".corp.example.com";
        }
        m.nextVmNumber = 1000 + rng.below(9000);
        managers.push_back(std::move(m));
    }
    return managers;
}

} // namespace

ServerCatalog::ServerCatalog(qsizetype count, std::uint64_t seed)
    : m_seed(seed)
{
    Rng rng(mix64(seed ^ 0x534d5342454e4348ULL)); // "SMSBENCH"
    // A fixed point in 2024, moved by the seed so different catalogs differ.
    m_lastModifiedOn = 1704067200.0 + double(rng.below(180 * 86400)) + 0.125;

    std::vector<VmManager> managers = makeManagers(rng, count);
    const std::uint64_t idKey = rng.next();

    count = std::max<qsizetype>(count, 0);
    m_starts.reserve(std::size_t(count));
    m_blob.reserve(count * 420);

    for (qsizetype i = 0; i < count; ++i) {
        VmManager &manager = managers[rng.below(managers.size())];
        const std::string_view env = pick(rng, kEnvironments);
        const std::string_view role = pick(rng, kRoles);

        // mix64 is a bijection, so serverIds are unique within a catalog.
        const std::string serverId =
            "s-" + hex(rng.below(16), 1) + hex(mix64(idKey + std::uint64_t(i)), 16);

        const bool windowsStyle = rng.chance(20);
        std::string vmName;
        if (windowsStyle) {
            vmName = "SRV-";
            for (char c : role)
                vmName += char(c - 'a' + 'A');
            vmName += '-' + padded(std::uint64_t(i), 5);
        } else {
            vmName = std::string(role) + '-' + std::string(env) + '-' + padded(std::uint64_t(i), 5);
        }

        std::string vmId;
        std::string vmPath;
        if (manager.type == "VSPHERE") {
            vmId = "vm-" + std::to_string(manager.nextVmNumber);
            manager.nextVmNumber += 1 + rng.below(3);
            vmPath = '/' + std::string(manager.datacenter) + "/vm/" + std::string(env) + '/'
                + std::string(role) + '/' + vmName;
        } else {
            vmId = uuid(rng);
            vmPath = "/All Hosts/" + std::string(manager.datacenter) + '/' + std::string(env)
                + '/' + vmName;
        }

        nlohmann::ordered_json server = {
            {"serverId", serverId},
            {"serverType", "VIRTUAL_MACHINE"},
            {"vmServer",
             {{"vmServerAddress", {{"vmManagerId", manager.id}, {"vmId", vmId}}},
              {"vmName", vmName},
              {"vmManagerName", manager.name},
              {"vmManagerType", manager.type},
              {"vmPath", vmPath}}},
        };
        if (rng.chance(8)) {
            const std::uint64_t high = rng.below(16); // sequenced: operand order is unspecified
            const std::uint64_t low = rng.next();
            server["replicationJobId"] = "sms-job-" + hex(high, 1) + hex(low, 16);
            server["replicationJobTerminated"] = rng.chance(25);
        }

        if (i > 0)
            m_blob.append(',');
        m_starts.push_back(m_blob.size());
        const std::string text = server.dump();
        m_blob.append(text.data(), qsizetype(text.size()));
    }
    m_blob.squeeze();
}

QByteArrayView ServerCatalog::slice(qsizetype first, qsizetype count) const
{
    first = std::clamp<qsizetype>(first, 0, size());
    const qsizetype last = std::clamp<qsizetype>(first + std::max<qsizetype>(count, 0), first, size());
    if (first == last)
        return {};
    const qsizetype begin = m_starts[std::size_t(first)];
    const qsizetype end = last < size() ? m_starts[std::size_t(last)] - 1 // drop the comma
                                        : m_blob.size();
    return QByteArrayView(m_blob).sliced(begin, end - begin);
}

std::uint64_t ServerCatalog::tokenMac(qsizetype offset) const
{
    return mix64(mix64(m_seed ^ 0x746f6b656eULL) ^ mix64(std::uint64_t(size()))
                 ^ std::uint64_t(offset));
}

QByteArray ServerCatalog::tokenFor(qsizetype offset) const
{
    const std::string plain = "sms-bench:v1:" + std::to_string(offset) + ':'
        + hex(tokenMac(offset), 16);
    return QByteArray(plain.data(), qsizetype(plain.size()))
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<qsizetype> ServerCatalog::offsetFromToken(QByteArrayView token) const
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toByteArray(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    if (parts.size() != 4 || parts[0] != "sms-bench" || parts[1] != "v1")
        return std::nullopt;
    bool ok = false;
    const qlonglong offset = parts[2].toLongLong(&ok);
    if (!ok || offset <= 0 || offset >= size())
        return std::nullopt;
    const std::string mac = hex(tokenMac(qsizetype(offset)), 16);
    if (parts[3] != QByteArrayView(mac.data(), qsizetype(mac.size())))
        return std::nullopt;
    return qsizetype(offset);
}

} // namespace sms::bench
