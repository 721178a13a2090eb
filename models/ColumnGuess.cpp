#include "models/ColumnGuess.h"

#include <algorithm>
#include <initializer_list>

namespace sms::models {
namespace {

struct Synonyms
{
    InventoryField field;
    std::initializer_list<std::string_view> names;  // squeezed (see below), most telling first
};

// Fields whose names are most specific come first, so that "Host Name"
// becomes the VM's name before "host" is looked for.
const Synonyms kSynonyms[] = {
    {InventoryField::ServerId, {"serverid", "smsserverid", "smsid"}},
    {InventoryField::VmName, {"vmname", "vm", "name", "hostname", "servername", "virtualmachine", "virtualmachinename",
                              "displayname", "vmdisplayname", "machinename", "computername", "server"}},
    {InventoryField::VmId, {"vmid", "moref", "morefid", "vmmoref", "managedobjectreference"}},
    {InventoryField::VmUuid, {"vmuuid", "uuid", "instanceuuid", "biosuuid", "smbiosuuid"}},
    {InventoryField::VmManagerName, {"vmmanagername", "vmmanager", "visdkserver", "vcenter", "vcenterserver", "manager"}},
    {InventoryField::VmManagerType, {"vmmanagertype", "managertype"}},
    {InventoryField::VmManagerId, {"vmmanagerid", "visdkuuid", "vcenteruuid", "vcenterid", "managerid"}},
    {InventoryField::VmPath, {"vmpath", "inventorypath", "folderpath", "folder", "path"}},
    {InventoryField::PowerState, {"powerstate", "powerstatus", "power", "state"}},
    {InventoryField::Cpus, {"cpus", "vcpus", "vcpu", "cpu", "numcpu", "numcpus", "cpucount", "numberofcpus",
                            "processors"}},
    {InventoryField::MemoryMb, {"memorymb", "memorymib", "memory", "rammb", "rammib", "ram", "memorysizemb",
                                "memorysize", "memsize", "memsizemb"}},
    {InventoryField::ProvisionedMb, {"provisionedmb", "provisionedmib", "provisioned", "provisionedspacemb",
                                     "provisionedspace", "disksizemb", "storagemb"}},
    {InventoryField::OperatingSystem, {"operatingsystem", "os", "guestos", "osaccordingtotheconfigurationfile",
                                       "osaccordingtothevmwaretools", "osname", "guestosfullname"}},
    {InventoryField::Datacenter, {"datacenter", "datacentre", "dc"}},
    {InventoryField::Cluster, {"cluster", "clustername"}},
    {InventoryField::Host, {"host", "esxhost", "esxihost", "vmhost", "hypervisorhost"}},
};

// Lower-case ASCII letters and digits only: "RAM (MB)" and "ram_mb" are both
// "rammb". Other UTF-8 bytes are kept, so non-English headers stay distinct.
std::string squeezed(std::string_view header)
{
    std::string key;
    key.reserve(header.size());
    for (const char c : header) {
        if (c >= 'A' && c <= 'Z')
            key += char(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (unsigned char)c >= 0x80)
            key += c;
    }
    return key;
}

} // namespace

ColumnMapping guessColumnMapping(const std::vector<std::string> &headers)
{
    std::vector<std::string> keys;
    keys.reserve(headers.size());
    std::transform(headers.begin(), headers.end(), std::back_inserter(keys), squeezed);
    std::vector<bool> used(headers.size(), false);

    ColumnMapping mapping;
    for (const Synonyms &synonyms : kSynonyms) {
        for (const std::string_view name : synonyms.names) {
            const auto it = std::find_if(keys.begin(), keys.end(), [&](const std::string &key) {
                return key == name && !used[std::size_t(&key - keys.data())];
            });
            if (it != keys.end()) {
                const std::size_t column = std::size_t(it - keys.begin());
                used[column] = true;
                mapping.set(synonyms.field, headers[column]);
                break;
            }
        }
    }
    return mapping;
}

} // namespace sms::models
