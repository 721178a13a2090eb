#pragma once
// RVTools' vInfo tab as CSV: how to recognise it and read the columns the
// planner uses. RVTools writes about 90 columns; VM, Powerstate, Template,
// CPUs, Memory (MiB), Provisioned MiB (older versions: Provisioned MB), the OS
// "according to the configuration file" (older: OS), Datacenter, Cluster,
// Host, Folder, VM ID (the vSphere MoRef, vm-1234), VM UUID, VI SDK Server and
// VI SDK UUID matter here; the rest are ignored.

#include "models/ColumnMapping.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sms::models {

// VM and Powerstate, and one of VM UUID, VM ID or VI SDK Server.
bool isRvToolsVInfoHeader(const std::vector<std::string> &headers);

// The fields RVTools has columns for, with the headers as this file spells them.
ColumnMapping rvToolsVInfoMapping(const std::vector<std::string> &headers);

inline constexpr std::string_view kRvToolsTemplateHeader = "Template";
inline constexpr std::string_view kRvToolsFolderHeader = "Folder";

// The VM's vSphere inventory path, as SMS shows vmPath for a vCenter VM:
// /<Datacenter>/vm/<folder path>/<VM>. RVTools' Folder holds a folder's name
// ("Discovered virtual machine"), a path below the datacenter's VM folder
// ("Prod/Web") or, from some versions, the whole path from the datacenter
// ("/DC1/vm/Prod"); each gives the same kind of path. The root VM folder
// ("vm", or no folder) gives /<Datacenter>/vm/<VM>.
std::string rvToolsVmPath(std::string_view datacenter, std::string_view folder, std::string_view vmName);

// RVTools' True/False (any case; also yes/no, 1/0); nullopt for anything else.
std::optional<bool> parseRvToolsBool(std::string_view text);

} // namespace sms::models
