#pragma once
// The plain data of a CSV inventory (docs/csv-inventories.md): the fields an
// inventory column can hold, and what an imported row knows beyond the
// api::Server that goes into the plan's catalog.
//
// Strings are UTF-8 std::string like the api/ types.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sms::models {

// What a column of an inventory can be mapped to. The names (inventoryFieldName)
// are the ones the mapping string, the mapping JSON and the catalog export use.
enum class InventoryField {
    ServerId,
    VmName,
    VmId,
    VmUuid,
    VmManagerName,
    VmManagerType,
    VmManagerId,
    VmPath,
    PowerState,
    Cpus,
    MemoryMb,
    ProvisionedMb,
    OperatingSystem,
    Datacenter,
    Cluster,
    Host,
};
inline constexpr std::size_t kInventoryFieldCount = 16;

inline constexpr std::array<std::string_view, kInventoryFieldCount> kInventoryFieldNames{
    "serverId", "vmName", "vmId", "vmUuid", "vmManagerName", "vmManagerType", "vmManagerId", "vmPath",
    "powerState", "cpus", "memoryMb", "provisionedMb", "operatingSystem", "datacenter", "cluster", "host"};

inline constexpr std::string_view inventoryFieldName(InventoryField field)
{
    return kInventoryFieldNames[std::size_t(field)];
}

// The field named `name` (case-insensitive), if there is one.
std::optional<InventoryField> inventoryFieldFromName(std::string_view name);

// What an inventory row says about a server that the SMS Server shape has no
// member for: sizing and placement, for planning waves. serverId ties it to
// its api::Server in the catalog.
struct InventoryDetails
{
    std::string serverId;
    std::optional<std::string> vmUuid;  // kept even when VM ID is the server's vmId
    std::optional<std::string> powerState;  // as the inventory words it, e.g. poweredOn
    std::optional<std::int64_t> cpus;
    std::optional<std::int64_t> memoryMb;
    std::optional<std::int64_t> provisionedMb;
    std::optional<std::string> operatingSystem;
    std::optional<std::string> datacenter;
    std::optional<std::string> cluster;
    std::optional<std::string> host;

    bool operator==(const InventoryDetails &) const = default;
};

enum class InventoryFormat {
    RvToolsVInfo,  // RVTools' vInfo tab exported as CSV
    PlainCsv,      // any CSV with a header row, read through a ColumnMapping
};

std::string_view inventoryFormatName(InventoryFormat format);

// A row that was not imported, and why. `line` is the physical line in the
// file (1-based) on which the row starts, counting the newlines inside quoted
// fields, so that it matches what a text editor shows.
struct InventoryProblem
{
    int line = 0;
    std::string reason;

    bool operator==(const InventoryProblem &) const = default;
};

} // namespace sms::models
