#include "models/ImportInventoryCommand.h"

#include <unordered_map>

namespace sms::models {
namespace {

// A file may give a server twice; the later copy wins. Each row is replaced
// once, so that undo hands back the copy that was there before the import.
std::vector<api::Server> lastCopyOfEach(std::vector<api::Server> servers)
{
    std::unordered_map<std::string, std::size_t> at;
    std::vector<api::Server> unique;
    unique.reserve(servers.size());
    for (api::Server &server : servers) {
        const auto [it, added] = at.emplace(server.serverId.value_or(std::string()), unique.size());
        if (added)
            unique.push_back(std::move(server));
        else
            unique[it->second] = std::move(server);
    }
    return unique;
}

} // namespace

ImportInventoryCommand::ImportInventoryCommand(PlanDocument &document, std::vector<api::Server> servers,
                                               std::vector<InventoryDetails> details, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_generation(document.catalogGeneration())
{
    CatalogMerge merge = sortIntoCatalog(document.catalog().servers, std::move(servers));
    m_counts = merge.counts();
    if (!details.empty())
        m_inventory = mergedInventory(document.inventory(), std::move(details), merge);
    m_source = document.catalog().source;
    markReadFromFile(m_source);
    m_replaced = lastCopyOfEach(std::move(merge.replacing));
    m_added = std::move(merge.adding);
    m_catalogSize = document.catalog().servers.size() + m_added.size();
}

bool ImportInventoryCommand::catalogIsAsLeft(std::size_t expectedSize)
{
    const bool same = m_document.catalogGeneration() == m_generation
                   && m_document.catalog().servers.size() == expectedSize;
    if (!same)
        setObsolete(true);
    return same;
}

void ImportInventoryCommand::exchangeDetails()
{
    if (m_inventory)
        m_inventory = m_document.exchangeInventory(std::move(*m_inventory));
    // Last: the status bar counts the catalog when its source changes.
    m_source = m_document.exchangeCatalogSource(std::move(m_source));
}

void ImportInventoryCommand::redo()
{
    if (!catalogIsAsLeft(m_catalogSize - m_added.size()))
        return;
    m_replaced = m_document.replaceServers(std::move(m_replaced));
    m_document.addImportedServers(std::exchange(m_added, {}));
    exchangeDetails();
}

void ImportInventoryCommand::undo()
{
    if (!catalogIsAsLeft(m_catalogSize))
        return;
    m_added = m_document.takeLastServers(m_counts.added);
    m_replaced = m_document.replaceServers(std::move(m_replaced));
    exchangeDetails();
}

} // namespace sms::models
