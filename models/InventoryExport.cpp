#include "models/InventoryExport.h"
#include "models/PlanSettings.h"

#include "models/CsvWriter.h"

#include <span>
#include <string_view>
#include <unordered_map>

namespace sms::models {
namespace {

// A column is a header and how to write a row's cell: adding a column is one
// line in a table below.
template <typename Row>
struct Column
{
    std::string_view header;
    void (*write)(CsvWriter &, const Row &);
};

template <typename Row>
void writeTable(CsvWriter &out, std::span<const Column<Row>> columns, const std::vector<Row> &rows)
{
    for (const Column<Row> &column : columns)
        out.text(column.header);
    out.endRow();
    for (const Row &row : rows) {
        for (const Column<Row> &column : columns)
            column.write(out, row);
        out.endRow();
    }
}

const api::VmServer &vmOf(const api::Server *server)
{
    static const api::VmServer kNone;
    return server && server->vmServer ? *server->vmServer : kNone;
}

const api::VmServerAddress &addressOf(const api::Server *server)
{
    static const api::VmServerAddress kNone;
    const api::VmServer &vm = vmOf(server);
    return vm.vmServerAddress ? *vm.vmServerAddress : kNone;
}

template <typename E>
std::string_view enumText(const std::optional<api::OpenEnum<E>> &value)
{
    return value ? value->toString() : std::string_view();
}

struct Placement
{
    const PlanApplication *application = nullptr;
    const PlanServerGroup *group = nullptr;
};

struct CatalogRow
{
    const api::Server *server;
    Placement placement;
    const InventoryDetails *details;  // null when the server has none
};

const InventoryDetails &detailsOf(const CatalogRow &row)
{
    static const InventoryDetails kNone;
    return row.details ? *row.details : kNone;
}

constexpr std::string_view field(InventoryField f)
{
    return inventoryFieldName(f);
}

using F = InventoryField;
using CatalogColumn = Column<CatalogRow>;
const CatalogColumn kCatalogColumns[] = {
    {field(F::ServerId), [](CsvWriter &w, const CatalogRow &r) { w.text(r.server->serverId); }},
    {field(F::VmName), [](CsvWriter &w, const CatalogRow &r) { w.text(vmOf(r.server).vmName); }},
    {field(F::VmManagerName), [](CsvWriter &w, const CatalogRow &r) { w.text(vmOf(r.server).vmManagerName); }},
    {field(F::VmManagerType), [](CsvWriter &w, const CatalogRow &r) { w.text(enumText(vmOf(r.server).vmManagerType)); }},
    {field(F::VmPath), [](CsvWriter &w, const CatalogRow &r) { w.text(vmOf(r.server).vmPath); }},
    {field(F::VmId), [](CsvWriter &w, const CatalogRow &r) { w.text(addressOf(r.server).vmId); }},
    {field(F::VmManagerId), [](CsvWriter &w, const CatalogRow &r) { w.text(addressOf(r.server).vmManagerId); }},
    {"replicationJobId", [](CsvWriter &w, const CatalogRow &r) { w.text(r.server->replicationJobId); }},
    {"application", [](CsvWriter &w, const CatalogRow &r) { w.text(r.placement.application ? r.placement.application->name : ""); }},
    {"serverGroup", [](CsvWriter &w, const CatalogRow &r) { w.text(r.placement.group ? r.placement.group->name : ""); }},
    {field(F::VmUuid), [](CsvWriter &w, const CatalogRow &r) { w.text(detailsOf(r).vmUuid); }},
    {field(F::PowerState), [](CsvWriter &w, const CatalogRow &r) { w.text(detailsOf(r).powerState); }},
    {field(F::Cpus), [](CsvWriter &w, const CatalogRow &r) { w.number(detailsOf(r).cpus); }},
    {field(F::MemoryMb), [](CsvWriter &w, const CatalogRow &r) { w.number(detailsOf(r).memoryMb); }},
    {field(F::ProvisionedMb), [](CsvWriter &w, const CatalogRow &r) { w.number(detailsOf(r).provisionedMb); }},
    {field(F::OperatingSystem), [](CsvWriter &w, const CatalogRow &r) { w.text(detailsOf(r).operatingSystem); }},
    {field(F::Datacenter), [](CsvWriter &w, const CatalogRow &r) { w.text(detailsOf(r).datacenter); }},
    {field(F::Cluster), [](CsvWriter &w, const CatalogRow &r) { w.text(detailsOf(r).cluster); }},
    {field(F::Host), [](CsvWriter &w, const CatalogRow &r) { w.text(detailsOf(r).host); }},
};

struct ApplicationRow
{
    const PlanApplication *application;
    const PlanServerGroup *group;
    std::size_t position;  // 1-based
    const std::string *serverId;
    const api::Server *server;  // null when the catalog lacks it
    // The server's settings as they will be put (PlanSettings.h).
    api::ServerReplicationParameters replication;
    api::ServerLaunchConfiguration launch;
};

std::optional<std::int64_t> wide(const std::optional<int> &value)
{
    return value ? std::optional<std::int64_t>(*value) : std::nullopt;
}

std::optional<std::string> flagText(const std::optional<bool> &value)
{
    return value ? std::optional<std::string>(*value ? "true" : "false") : std::nullopt;
}

using ApplicationColumn = Column<ApplicationRow>;
const ApplicationColumn kApplicationColumns[] = {
    {"application", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.application->name); }},
    {"appId", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.application->appId); }},
    {"description", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.application->description); }},
    {"roleName", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.application->roleName); }},
    {"serverGroup", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.group->name); }},
    {"serverGroupId", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.group->serverGroupId); }},
    {"position", [](CsvWriter &w, const ApplicationRow &r) { w.number(std::int64_t(r.position)); }},
    {field(F::ServerId), [](CsvWriter &w, const ApplicationRow &r) { w.text(*r.serverId); }},
    {field(F::VmName), [](CsvWriter &w, const ApplicationRow &r) { w.text(vmOf(r.server).vmName); }},
    {field(F::VmPath), [](CsvWriter &w, const ApplicationRow &r) { w.text(vmOf(r.server).vmPath); }},
    {"launchOrder", [](CsvWriter &w, const ApplicationRow &r) { w.number(wide(r.group->launchOrder)); }},
    {"frequency", [](CsvWriter &w, const ApplicationRow &r) { w.number(wide(r.replication.frequency)); }},
    {"runOnce", [](CsvWriter &w, const ApplicationRow &r) { w.text(flagText(r.replication.runOnce)); }},
    {"licenseType", [](CsvWriter &w, const ApplicationRow &r) { w.text(enumText(r.replication.licenseType)); }},
    {"numberOfRecentAmisToKeep",
     [](CsvWriter &w, const ApplicationRow &r) { w.number(wide(r.replication.numberOfRecentAmisToKeep)); }},
    {"encrypted", [](CsvWriter &w, const ApplicationRow &r) { w.text(flagText(r.replication.encrypted)); }},
    {"kmsKeyId", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.replication.kmsKeyId); }},
    {"instanceType", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.launch.instanceType); }},
    {"vpc", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.launch.vpc); }},
    {"subnet", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.launch.subnet); }},
    {"securityGroup", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.launch.securityGroup); }},
    {"ec2KeyName", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.launch.ec2KeyName); }},
    {"associatePublicIpAddress",
     [](CsvWriter &w, const ApplicationRow &r) { w.text(flagText(r.launch.associatePublicIpAddress)); }},
    {"iamInstanceProfileName", [](CsvWriter &w, const ApplicationRow &r) { w.text(r.launch.iamInstanceProfileName); }},
};

template <typename Value>
using ByServerId = std::unordered_map<std::string_view, Value>;

} // namespace

std::string exportCatalogCsv(const CatalogSnapshot &catalog, const std::vector<PlanApplication> &applications,
                             const std::vector<InventoryDetails> &details)
{
    ByServerId<Placement> placements;
    for (const PlanApplication &application : applications)
        for (const PlanServerGroup &group : application.serverGroups)
            for (const std::string &id : group.serverIds)
                placements.emplace(id, Placement{&application, &group});
    ByServerId<const InventoryDetails *> detailsById;
    for (const InventoryDetails &d : details)
        detailsById.emplace(d.serverId, &d);

    std::vector<CatalogRow> rows;
    rows.reserve(catalog.servers.size());
    for (const api::Server &server : catalog.servers) {
        CatalogRow &row = rows.emplace_back(CatalogRow{&server, {}, nullptr});
        if (!server.serverId)
            continue;
        if (const auto it = placements.find(*server.serverId); it != placements.end())
            row.placement = it->second;
        if (const auto it = detailsById.find(*server.serverId); it != detailsById.end())
            row.details = it->second;
    }
    CsvWriter out;
    writeTable<CatalogRow>(out, kCatalogColumns, rows);
    return out.take();
}

std::string exportApplicationsCsv(const std::vector<PlanApplication> &applications, const CatalogSnapshot &catalog,
                                  const std::vector<PlanServerSettings> &serverSettings)
{
    ByServerId<const PlanServerSettings *> own;
    for (const PlanServerSettings &settings : serverSettings)
        own.emplace(settings.serverId, &settings);
    ByServerId<const api::Server *> servers;
    for (const api::Server &server : catalog.servers)
        if (server.serverId)
            servers.emplace(*server.serverId, &server);

    std::vector<ApplicationRow> rows;
    for (const PlanApplication &application : applications) {
        for (const PlanServerGroup &group : application.serverGroups) {
            for (std::size_t i = 0; i < group.serverIds.size(); ++i) {
                const auto it = servers.find(group.serverIds[i]);
                const auto settings = own.find(group.serverIds[i]);
                const PlanServerSettings *serverOwn = settings == own.end() ? nullptr : settings->second;
                rows.push_back({&application, &group, i + 1, &group.serverIds[i],
                                it == servers.end() ? nullptr : it->second,
                                effectiveReplication(application, serverOwn), effectiveLaunch(application, serverOwn)});
            }
        }
    }
    CsvWriter out;
    writeTable<ApplicationRow>(out, kApplicationColumns, rows);
    return out.take();
}

} // namespace sms::models
