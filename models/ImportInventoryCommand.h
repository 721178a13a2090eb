#pragma once
// ImportInventoryCommand: servers and inventory details read from a CSV
// inventory, merged into the document's catalog as CatalogMerge.h sorts them
// (replaced in their rows, appended, or left out as endpoint servers), as one
// undo step. Undo puts back the servers replaced, takes the appended rows off
// the end, and restores the inventory and catalog source, so the catalog is
// exactly as it was. It holds the other side of each change: the servers
// swapped, the rows appended and, when the file gave details, the inventory
// (swapped whole); never a copy of the catalog. A catalog read afresh since
// (beginCatalog) makes it obsolete: its rows are gone, and undoing it would
// take the wrong ones.

#include "models/CatalogMerge.h"
#include "models/PlanDocument.h"

#include <QUndoCommand>

#include <optional>

namespace sms::models {

class ImportInventoryCommand : public QUndoCommand
{
public:
    // Sorts `servers` against the catalog as it is now; redo() merges them.
    ImportInventoryCommand(PlanDocument &document, std::vector<api::Server> servers,
                           std::vector<InventoryDetails> details, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    CatalogMergeCounts counts() const { return m_counts; }

private:
    // False (and obsolete) when the catalog is no longer the one this step
    // left: read afresh, or rows added or taken by something else since.
    bool catalogIsAsLeft(std::size_t expectedSize);
    void exchangeDetails();

    PlanDocument &m_document;
    CatalogMergeCounts m_counts;
    // Before redo the imported copies, after it the ones they replaced.
    std::vector<api::Server> m_replaced;
    std::vector<api::Server> m_added;  // empty while they are in the catalog
    std::optional<std::vector<InventoryDetails>> m_inventory;  // none when the file gave no details
    CatalogSource m_source;
    int m_generation;
    std::size_t m_catalogSize;  // after redo
};

} // namespace sms::models
