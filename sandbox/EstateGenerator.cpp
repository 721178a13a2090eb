#include "sandbox/EstateGenerator.h"

#include "sandbox/SeededRandom.h"

#include <algorithm>

namespace sms::sandbox {
namespace {

constexpr std::array<std::string_view, 5> kDatacenters = {"Datacenter", "DC-East", "DC-West", "Frankfurt-DC1",
                                                          "Tokyo-DC2"};
constexpr std::array<std::string_view, 5> kEnvironments = {"prod", "stg", "dev", "test", "dr"};
constexpr std::array<std::string_view, 16> kRoles = {"web", "app", "db", "cache", "mq", "batch", "ad", "file",
                                                     "build", "mon", "proxy", "etl", "api", "search", "sftp", "erp"};

struct Manager
{
    std::string id;
    std::string name;
    api::VmManagerType type;
    std::string_view datacenter;
    std::uint64_t nextVmNumber;
};

// About one manager per 4,000 VMs, and at least one of each kind. Every
// eleventh is a Hyper-V manager and every seventh an SCVMM; the rest vCenters.
std::vector<Manager> makeManagers(SeededRandom &random, std::size_t serverCount)
{
    const std::size_t count = std::clamp<std::size_t>(serverCount / 4000 + 1, 3, 64);
    std::vector<Manager> managers;
    for (std::size_t i = 0; i < count; ++i) {
        Manager m;
        m.id = random.uuid();
        m.datacenter = random.pick(kDatacenters);
        const std::string number = zeroPadded(i + 1, 2);
        if (i % 11 == 10 || (count == 3 && i == 2)) {
            m.type = api::VmManagerType::HypervManager;
            m.name = "hyperv-" + number + ".corp.example.com";
        } else if (i % 7 == 6 || (count < 7 && i == 1)) {
            m.type = api::VmManagerType::Scvmm;
            m.name = "scvmm-" + number + ".corp.example.com";
        } else {
            m.type = api::VmManagerType::Vsphere;
            m.name = "vcenter-" + number + ".corp.example.com";
        }
        m.nextVmNumber = 1000 + random.below(9000);
        managers.push_back(std::move(m));
    }
    return managers;
}

api::Server makeServer(std::size_t index, Manager &manager, SeededRandom &random, std::uint64_t idKey)
{
    const std::string_view env = random.pick(kEnvironments);
    const std::string_view role = random.pick(kRoles);

    api::Server server;
    // mix64 is a bijection, so serverIds are unique within an estate.
    server.serverId = "s-" + hexDigits(random.below(16), 1) + hexDigits(mix64(idKey + index), 16);
    server.serverType = api::ServerType::VirtualMachine;

    std::string vmName;
    if (random.chance(20)) {  // Windows shops name servers differently
        vmName = "SRV-";
        for (char c : role)
            vmName += char(c - 'a' + 'A');
        vmName += '-' + zeroPadded(index, 5);
    } else {
        vmName = std::string(role) + '-' + std::string(env) + '-' + zeroPadded(index, 5);
    }
    api::VmServer vm;
    api::VmServerAddress address;
    address.vmManagerId = manager.id;
    if (manager.type == api::VmManagerType::Vsphere) {
        address.vmId = "vm-" + std::to_string(manager.nextVmNumber);
        manager.nextVmNumber += 1 + random.below(3);
        vm.vmPath = '/' + std::string(manager.datacenter) + "/vm/" + std::string(env) + '/' + std::string(role) + '/'
            + vmName;
    } else {
        address.vmId = random.uuid();
        vm.vmPath = "/All Hosts/" + std::string(manager.datacenter) + '/' + std::string(env) + '/' + vmName;
    }
    vm.vmServerAddress = std::move(address);
    vm.vmName = std::move(vmName);
    vm.vmManagerName = manager.name;
    vm.vmManagerType = manager.type;
    server.vmServer = std::move(vm);
    return server;
}

} // namespace

api::Connector makeConnector(const std::string &managerName, const api::OpenEnum<api::VmManagerType> &managerType,
                             const std::string &managerId, SeededRandom &random, bool healthy,
                             api::Timestamp associatedOn)
{
    api::Connector connector;
    connector.connectorId = "c-" + hexDigits(random.below(16), 1) + hexDigits(random.next(), 16);
    connector.version = "1.0." + std::to_string(10 + random.below(20)) + "." + std::to_string(random.below(400));
    connector.status = healthy ? api::ConnectorStatus::Healthy : api::ConnectorStatus::Unhealthy;
    // The capability naming the manager's kind has the manager type's name.
    const auto kind = api::OpenEnum<api::ConnectorCapability>::fromString(managerType.toString());
    connector.capabilityList = std::vector<api::OpenEnum<api::ConnectorCapability>>{
        kind, api::ConnectorCapability::SnapshotBatching, api::ConnectorCapability::SmsOptimized};
    connector.vmManagerName = managerName;
    connector.vmManagerType = managerType;
    connector.vmManagerId = managerId;
    connector.ipAddress = "10." + std::to_string(random.below(256)) + "." + std::to_string(random.below(256)) + "."
        + std::to_string(2 + random.below(250));
    std::string mac = "00";
    for (int octet = 1; octet < 6; ++octet)
        mac += ':' + hexDigits(random.below(256), 2);
    connector.macAddress = mac;
    connector.associatedOn = associatedOn;
    return connector;
}

Estate generateEstate(std::size_t serverCount, std::uint64_t seed)
{
    SeededRandom random(mix64(seed ^ 0x534d534c4f43414cULL));  // "SMSLOCAL"
    Estate estate;
    // A fixed point in 2024, moved by the seed so that estates differ.
    estate.generatedAt = api::Timestamp{1704067200.0 + double(random.below(180 * 86400))};

    std::vector<Manager> managers = makeManagers(random, serverCount);
    for (std::size_t i = 0; i < managers.size(); ++i) {
        const bool healthy = i + 1 < managers.size();  // the last connector is unhealthy
        const Manager &m = managers[i];
        estate.connectors.push_back(makeConnector(m.name, m.type, m.id, random, healthy, estate.generatedAt));
    }

    const std::uint64_t idKey = random.next();
    estate.servers.reserve(serverCount);
    for (std::size_t i = 0; i < serverCount; ++i) {
        Manager &manager = managers[random.below(managers.size())];
        EstateServer entry{makeServer(i, manager, random, idKey), !random.chance(2)};
        estate.servers.push_back(std::move(entry));
    }
    return estate;
}

} // namespace sms::sandbox
