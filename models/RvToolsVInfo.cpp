#include "models/RvToolsVInfo.h"

#include <algorithm>
#include <initializer_list>

namespace sms::models {
namespace {

// The file's own spelling of the first header among `names` it has, if any.
std::string findHeader(const std::vector<std::string> &headers, std::initializer_list<std::string_view> names)
{
    for (const std::string_view name : names)
        if (const int column = headerColumn(headers, name); column >= 0)
            return headers[std::size_t(column)];
    return {};
}

} // namespace

bool isRvToolsVInfoHeader(const std::vector<std::string> &headers)
{
    return !findHeader(headers, {"VM"}).empty() && !findHeader(headers, {"Powerstate"}).empty()
        && !findHeader(headers, {"VM UUID", "VM ID", "VI SDK Server"}).empty();
}

ColumnMapping rvToolsVInfoMapping(const std::vector<std::string> &headers)
{
    struct Column
    {
        InventoryField field;
        std::initializer_list<std::string_view> names;  // newest RVTools spelling first
    };
    static const Column kColumns[] = {
        {InventoryField::VmName, {"VM"}},
        {InventoryField::VmId, {"VM ID"}},
        {InventoryField::VmUuid, {"VM UUID"}},
        {InventoryField::VmManagerName, {"VI SDK Server"}},
        {InventoryField::VmManagerId, {"VI SDK UUID"}},
        {InventoryField::PowerState, {"Powerstate"}},
        {InventoryField::Cpus, {"CPUs"}},
        {InventoryField::MemoryMb, {"Memory"}},
        {InventoryField::ProvisionedMb, {"Provisioned MiB", "Provisioned MB"}},
        {InventoryField::OperatingSystem, {"OS according to the configuration file", "OS"}},
        {InventoryField::Datacenter, {"Datacenter"}},
        {InventoryField::Cluster, {"Cluster"}},
        {InventoryField::Host, {"Host"}},
    };
    ColumnMapping mapping;
    for (const Column &column : kColumns)
        mapping.set(column.field, findHeader(headers, column.names));
    return mapping;
}

std::string rvToolsVmPath(std::string_view datacenter, std::string_view folder, std::string_view vmName)
{
    const std::string root = datacenter.empty() ? std::string("/vm") : "/" + std::string(datacenter) + "/vm";
    std::string path;
    if (!datacenter.empty() && folder.starts_with("/" + std::string(datacenter) + "/")) {
        path = folder;  // already the whole path from the datacenter
    } else {
        while (folder.starts_with('/'))
            folder.remove_prefix(1);
        path = folder.empty() || folder == "vm" ? root : root + "/" + std::string(folder);
    }
    while (path.ends_with('/'))
        path.pop_back();
    return path + "/" + std::string(vmName);
}

std::optional<bool> parseRvToolsBool(std::string_view text)
{
    const std::string key = headerKey(text);
    if (key == "true" || key == "yes" || key == "1")
        return true;
    if (key == "false" || key == "no" || key == "0")
        return false;
    return std::nullopt;
}

} // namespace sms::models
