#pragma once
// The plan as spreadsheets (docs/csv-inventories.md lists the columns):
// UTF-8 CSV with a byte order mark, CRLF line ends, RFC 4180 quoting and a
// guard against formula injection (CsvWriter.h). A header row comes first.
//
// The catalog export's server columns are named like the inventory fields,
// so it imports back as the same servers with the guessed mapping.

#include "models/InventoryTypes.h"
#include "models/PlanTypes.h"

#include <string>
#include <vector>

namespace sms::models {

// One row per catalog server, in catalog order: serverId, vmName,
// vmManagerName, vmManagerType, vmPath, vmId, vmManagerId, replicationJobId,
// the application and server group holding it (if any), then the
// InventoryDetails with the same serverId (if any).
std::string exportCatalogCsv(const CatalogSnapshot &catalog, const std::vector<PlanApplication> &applications,
                             const std::vector<InventoryDetails> &details);

// One row per server in a group, in plan order: application, appId,
// description, roleName, serverGroup, serverGroupId, position (1-based, in
// its group), serverId, the catalog's vmName and vmPath for it, the group's
// launchOrder, and the server's replication and launch settings as they will
// be put (its own over its application's, PlanSettings.h).
std::string exportApplicationsCsv(const std::vector<PlanApplication> &applications, const CatalogSnapshot &catalog,
                                  const std::vector<PlanServerSettings> &serverSettings = {});

} // namespace sms::models
