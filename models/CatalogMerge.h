#pragma once
// Servers read from an inventory file into a catalog, for the GUI's Import
// Inventory and `sms-plan plan import-csv` alike:
// - a server whose id is in the catalog already replaces it in its row;
// - an imported server that is the same VM as an endpoint server of the
//   catalog (same VM manager and VM id; without those, the one endpoint
//   server of its VM name) is left out: the endpoint's entry is that VM, and
//   apply would resolve the imported one to it anyway;
// - the others are added at the end in the order given (a later copy of an
//   id wins).
// The inventory details that come with the servers (InventoryTypes.h) go
// into the plan's inventory, under the endpoint server's id for a VM left
// out, and replace the details a server had.
// A catalog that came from no endpoint becomes a catalog read from a file now
// (so that it counts as complete and a later connect does not read over it);
// an endpoint's catalog keeps its source. In the GUI the merge is one undo
// step (ImportInventoryCommand, through PlanEditor::importInventory).

#include "api/SmsTypes.h"
#include "models/PlanTypes.h"

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

namespace sms::models {

struct CatalogMergeCounts
{
    std::size_t replaced = 0;
    std::size_t added = 0;
    std::size_t onEndpoint = 0;  // left out: the same VM as an endpoint server

    bool operator==(const CatalogMergeCounts &) const = default;
};

// `servers` sorted against `catalog`, nothing changed yet.
struct CatalogMerge
{
    std::vector<api::Server> replacing;  // ids the catalog has
    std::vector<api::Server> adding;     // new, in the order given
    // Each imported server left out, and the endpoint server it is.
    std::unordered_map<std::string, std::string> onEndpoint;

    CatalogMergeCounts counts() const { return {replacing.size(), adding.size(), onEndpoint.size()}; }
};

CatalogMerge sortIntoCatalog(const std::vector<api::Server> &catalog, std::vector<api::Server> servers);

// `inventory` with `details` merged in as `merge` placed their servers.
std::vector<InventoryDetails> mergedInventory(std::vector<InventoryDetails> inventory,
                                              std::vector<InventoryDetails> details, const CatalogMerge &merge);

// A catalog from no endpoint is read from a file now: complete, so that a
// later connect does not read over it.
void markReadFromFile(CatalogSource &source);

CatalogMergeCounts mergeIntoCatalog(PlanData &plan, std::vector<api::Server> servers,
                                    std::vector<InventoryDetails> details = {});

} // namespace sms::models
