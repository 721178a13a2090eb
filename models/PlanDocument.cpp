#include "models/PlanDocument.h"

#include "models/PlanRules.h"

#include <QUuid>

#include <algorithm>
#include <unordered_map>
#include <climits>
#include <iterator>
#include <utility>

namespace sms::models {

ApplicationFields fieldsOf(const PlanApplication &app)
{
    return {app.name, app.description, app.roleName, app.tags};
}

PlanDocument::PlanDocument(QObject *parent)
    : QObject(parent)
    , m_undo(this)
{
    connect(&m_undo, &QUndoStack::cleanChanged, this, &PlanDocument::updateModified);
}

PlanDocument::~PlanDocument()
{
    // ~QUndoStack clears the stack: it must not report a clean state of a
    // document that is half gone.
    disconnect(&m_undo, nullptr, this, nullptr);
}

const PlanServerGroup &PlanDocument::group(int app, int row) const
{
    return application(app).serverGroups[std::size_t(row)];
}

void PlanDocument::reset(PlanData data)
{
    Q_EMIT aboutToReset();
    m_data = std::move(data);
    dropHeldRetiredIds(m_data);
    m_catalogRows.clear();
    indexCatalog(0);
    indexJobs();
    rebuildPlacements();
    m_lastKey = largestKey(m_data.applications);
    ++m_catalogGeneration;
    m_undo.clear();
    m_modifiedOutsideUndo = false;
    Q_EMIT resetDone();
    updateModified();
}

std::string newPlanId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
}

const std::string &PlanDocument::ensurePlanId()
{
    if (m_data.planId.empty()) {
        m_data.planId = newPlanId();
        markUnsaved();
    }
    return m_data.planId;
}

void PlanDocument::markSaved()
{
    m_modifiedOutsideUndo = false;
    m_undo.setClean();
    updateModified();
}

int PlanDocument::catalogRow(std::string_view serverId) const
{
    const auto it = m_catalogRows.find(serverId);
    return it == m_catalogRows.end() ? -1 : it->second;
}

Placement PlanDocument::placementOf(std::string_view serverId) const
{
    const auto it = m_placements.find(serverId);
    return it == m_placements.end() ? Placement{} : it->second;
}

void PlanDocument::beginCatalog(CatalogSource source)
{
    Q_EMIT catalogAboutToBeCleared();
    m_data.catalog.servers.clear();
    m_data.catalog.servers.shrink_to_fit();
    m_data.catalog.connectors.clear();
    m_data.catalog.replicationJobs.clear();
    m_catalogRows.clear();
    m_jobRows.clear();
    m_data.catalog.source = std::move(source);
    ++m_catalogGeneration;
    Q_EMIT catalogCleared();
    Q_EMIT catalogSourceChanged();
    Q_EMIT connectorsChanged();
    markEndpointDataUnsaved();
}

void PlanDocument::appendServers(std::vector<api::Server> page)
{
    if (page.empty())
        return;
    appendRows(std::move(page));
    markEndpointDataUnsaved();
}

void PlanDocument::appendRows(std::vector<api::Server> page)
{
    auto &servers = m_data.catalog.servers;
    const std::size_t first = servers.size();
    Q_EMIT serversAboutToBeAppended(int(first), int(first + page.size()) - 1);
    servers.insert(servers.end(), std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()));
    indexCatalog(first);
    Q_EMIT serversAppended(int(first), int(servers.size()) - 1);
    // Servers planned before their page arrived now have a catalog row to show it.
    if (!m_placements.empty())
        Q_EMIT placementsChanged(int(first), int(servers.size()) - 1);
}

void PlanDocument::setCatalogSource(CatalogSource source)
{
    m_data.catalog.source = std::move(source);
    Q_EMIT catalogSourceChanged();
    markEndpointDataUnsaved();
}

std::vector<api::Server> PlanDocument::replaceServers(std::vector<api::Server> servers)
{
    std::vector<api::Server> replaced;
    replaced.reserve(servers.size());
    int first = INT_MAX;
    int last = -1;
    for (api::Server &server : servers) {
        const int row = catalogRow(server.serverId.value_or(std::string()));
        if (row < 0)
            continue;
        // Same id, same row: the indexes and placements hold as they are.
        replaced.push_back(std::exchange(m_data.catalog.servers[std::size_t(row)], std::move(server)));
        first = std::min(first, row);
        last = std::max(last, row);
    }
    if (last >= 0)
        Q_EMIT serversChanged(first, last);
    return replaced;
}

void PlanDocument::addImportedServers(std::vector<api::Server> servers)
{
    if (!servers.empty())
        appendRows(std::move(servers));
}

std::vector<api::Server> PlanDocument::takeLastServers(std::size_t count)
{
    auto &servers = m_data.catalog.servers;
    count = std::min(count, servers.size());
    if (count == 0)
        return {};
    const int first = int(servers.size() - count);
    const int last = int(servers.size()) - 1;
    Q_EMIT catalogRowsAboutToBeRemoved(first, last);
    std::vector<api::Server> taken(std::make_move_iterator(servers.begin() + first),
                                   std::make_move_iterator(servers.end()));
    servers.erase(servers.begin() + first, servers.end());
    for (const api::Server &server : taken) {
        // A copy earlier in the catalog keeps its row (indexCatalog keeps the first).
        const auto it = server.serverId ? m_catalogRows.find(*server.serverId) : m_catalogRows.end();
        if (it != m_catalogRows.end() && it->second >= first)
            m_catalogRows.erase(it);
    }
    Q_EMIT catalogRowsRemoved(first, last);
    return taken;
}

std::vector<InventoryDetails> PlanDocument::exchangeInventory(std::vector<InventoryDetails> inventory)
{
    std::swap(m_data.inventory, inventory);
    Q_EMIT inventoryChanged();
    return inventory;
}

CatalogSource PlanDocument::exchangeCatalogSource(CatalogSource source)
{
    std::swap(m_data.catalog.source, source);
    Q_EMIT catalogSourceChanged();
    return source;
}

void PlanDocument::setConnectors(std::vector<api::Connector> connectors)
{
    m_data.catalog.connectors = std::move(connectors);
    Q_EMIT connectorsChanged();
    markEndpointDataUnsaved();
}

void PlanDocument::setReplicationJobs(std::vector<ReplicationJobSummary> jobs)
{
    m_data.catalog.replicationJobs = std::move(jobs);
    indexJobs();
    Q_EMIT replicationJobsChanged();
    markEndpointDataUnsaved();
}

const ReplicationJobSummary *PlanDocument::replicationJob(std::string_view replicationJobId) const
{
    const auto it = m_jobRows.find(replicationJobId);
    return it == m_jobRows.end() ? nullptr : &m_data.catalog.replicationJobs[it->second];
}

void PlanDocument::insertApplication(int row, PlanApplication app)
{
    Q_EMIT applicationAboutToBeInserted(row);
    const PlanKey key = app.key;
    auto &apps = m_data.applications;
    // An application the plan holds is not to be deleted at the endpoint.
    setRetired(app.appId, false);
    apps.insert(apps.begin() + row, std::move(app));
    m_lastKey = std::max(m_lastKey, largestKey({apps[std::size_t(row)]}));
    for (const PlanServerGroup &group : apps[std::size_t(row)].serverGroups)
        place(group.serverIds, {key, group.key});
    Q_EMIT applicationInserted(row);
}

PlanApplication PlanDocument::takeApplication(int row)
{
    Q_EMIT applicationAboutToBeRemoved(row);
    auto &apps = m_data.applications;
    PlanApplication app = std::move(apps[std::size_t(row)]);
    apps.erase(apps.begin() + row);
    for (const PlanServerGroup &group : app.serverGroups)
        place(group.serverIds, {});
    Q_EMIT applicationRemoved(row);
    return app;
}

void PlanDocument::setApplicationFields(int row, ApplicationFields fields)
{
    PlanApplication &app = m_data.applications[std::size_t(row)];
    app.name = std::move(fields.name);
    app.description = std::move(fields.description);
    app.roleName = std::move(fields.roleName);
    app.tags = std::move(fields.tags);
    Q_EMIT applicationChanged(row);
}

void PlanDocument::insertGroup(int app, int row, PlanServerGroup group)
{
    Q_EMIT groupAboutToBeInserted(app, row);
    PlanApplication &owner = m_data.applications[std::size_t(app)];
    m_lastKey = std::max(m_lastKey, group.key);
    place(group.serverIds, {owner.key, group.key});
    owner.serverGroups.insert(owner.serverGroups.begin() + row, std::move(group));
    Q_EMIT groupInserted(app, row);
    Q_EMIT applicationChanged(app);  // its server and group counts
}

PlanServerGroup PlanDocument::takeGroup(int app, int row)
{
    Q_EMIT groupAboutToBeRemoved(app, row);
    auto &groups = m_data.applications[std::size_t(app)].serverGroups;
    PlanServerGroup group = std::move(groups[std::size_t(row)]);
    groups.erase(groups.begin() + row);
    place(group.serverIds, {});
    Q_EMIT groupRemoved(app, row);
    Q_EMIT applicationChanged(app);
    return group;
}

void PlanDocument::renameGroup(int app, int row, std::string name)
{
    groupRef(app, row).name = std::move(name);
    Q_EMIT groupChanged(app, row);
}

void PlanDocument::setApplicationSettings(int row, ApplicationSettings settings)
{
    m_data.applications[std::size_t(row)].settings = std::move(settings);
    Q_EMIT applicationChanged(row);
}

void PlanDocument::setGroupLaunchOrder(int app, int row, std::optional<int> launchOrder)
{
    groupRef(app, row).launchOrder = launchOrder;
    Q_EMIT groupChanged(app, row);
}

void PlanDocument::setGroupLaunchAfter(int app, int row, std::vector<PlanKey> launchAfter,
                                       std::optional<int> launchOrder)
{
    PlanServerGroup &group = groupRef(app, row);
    group.launchAfter = std::move(launchAfter);
    group.launchOrder = launchOrder;
    Q_EMIT groupChanged(app, row);
}

void PlanDocument::setGroupPinnedAt(int app, int row, std::optional<GraphPoint> pinnedAt)
{
    groupRef(app, row).pinnedAt = pinnedAt;
    Q_EMIT groupChanged(app, row);
}

bool PlanDocument::setRetired(const std::string &appId, bool retired)
{
    if (retired && holdsAppId(m_data.applications, appId))
        return false;
    auto &ids = m_data.retiredAppIds;
    const auto it = std::find(ids.begin(), ids.end(), appId);
    if (retired && it == ids.end())
        ids.push_back(appId);
    else if (!retired && it != ids.end())
        ids.erase(it);
    return true;
}

void PlanDocument::setServerSettings(PlanServerSettings settings)
{
    auto &all = m_data.serverSettings;
    const std::string serverId = settings.serverId;
    const auto it = std::find_if(all.begin(), all.end(),
                                 [&](const PlanServerSettings &own) { return own.serverId == serverId; });
    const bool empty = !settings.replication && !settings.launch;
    if (it == all.end() && !empty)
        all.push_back(std::move(settings));
    else if (it != all.end() && empty)
        all.erase(it);
    else if (it != all.end())
        *it = std::move(settings);
    Q_EMIT serverSettingsChanged(serverId);
}

void PlanDocument::setServerSettings(std::vector<PlanServerSettings> settings)
{
    auto &all = m_data.serverSettings;
    std::unordered_map<std::string, std::size_t> rowOf;
    rowOf.reserve(all.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        rowOf.emplace(all[i].serverId, i);
    std::vector<std::string> changed;
    changed.reserve(settings.size());
    all.reserve(all.size() + settings.size());
    for (PlanServerSettings &own : settings) {
        changed.push_back(own.serverId);
        if (const auto row = rowOf.find(own.serverId); row != rowOf.end()) {
            all[row->second] = std::move(own);  // emptied ones go below
        } else if (own.replication || own.launch) {
            rowOf.emplace(own.serverId, all.size());
            all.push_back(std::move(own));
        }
    }
    std::erase_if(all, [](const PlanServerSettings &own) { return !own.replication && !own.launch; });
    for (const std::string &serverId : changed)
        Q_EMIT serverSettingsChanged(serverId);
}

void PlanDocument::insertServers(int app, int group, int at, std::vector<std::string> serverIds)
{
    if (serverIds.empty())
        return;
    PlanServerGroup &target = groupRef(app, group);
    const int count = int(serverIds.size());
    Q_EMIT serversAboutToBeInserted(app, group, at, at + count - 1);
    place(serverIds, {m_data.applications[std::size_t(app)].key, target.key});
    target.serverIds.insert(target.serverIds.begin() + at, std::make_move_iterator(serverIds.begin()),
                            std::make_move_iterator(serverIds.end()));
    Q_EMIT serversInserted(app, group, at, at + count - 1);
    Q_EMIT groupChanged(app, group);
    Q_EMIT applicationChanged(app);
}

std::vector<std::string> PlanDocument::takeServers(int app, int group, int first, int count)
{
    if (count <= 0)
        return {};
    Q_EMIT serversAboutToBeRemoved(app, group, first, first + count - 1);
    auto &ids = groupRef(app, group).serverIds;
    std::vector<std::string> taken(std::make_move_iterator(ids.begin() + first),
                                   std::make_move_iterator(ids.begin() + first + count));
    ids.erase(ids.begin() + first, ids.begin() + first + count);
    place(taken, {});
    Q_EMIT serversRemoved(app, group, first, first + count - 1);
    Q_EMIT groupChanged(app, group);
    Q_EMIT applicationChanged(app);
    return taken;
}

void PlanDocument::setEndpointIds(PlanKey application, std::string appId,
                                  const std::vector<std::pair<PlanKey, std::string>> &groupIds)
{
    const PlanPosition position = positionOf(application);
    if (!position.isValid() || position.isGroup())
        return;
    PlanApplication &app = m_data.applications[std::size_t(position.application)];
    // No app at the endpoint, no groups there either.
    const bool forgotten = appId.empty();
    setRetired(appId, false);
    app.appId = std::move(appId);
    for (int g = 0; g < int(app.serverGroups.size()); ++g) {
        PlanServerGroup &group = app.serverGroups[std::size_t(g)];
        const auto it = std::find_if(groupIds.begin(), groupIds.end(),
                                     [&](const auto &entry) { return entry.first == group.key; });
        const std::string id = it != groupIds.end() ? it->second : forgotten ? std::string() : group.serverGroupId;
        if (group.serverGroupId != id) {
            group.serverGroupId = id;
            Q_EMIT groupChanged(position.application, g);
        }
    }
    Q_EMIT applicationChanged(position.application);
    markUnsaved();
}

void PlanDocument::indexCatalog(std::size_t from)
{
    const auto &servers = m_data.catalog.servers;
    // Reserving per page would rehash the whole index for every page.
    if (from == 0)
        m_catalogRows.reserve(servers.size());
    for (std::size_t row = from; row < servers.size(); ++row) {
        if (servers[row].serverId)
            m_catalogRows.emplace(*servers[row].serverId, int(row));
    }
}

void PlanDocument::indexJobs()
{
    m_jobRows.clear();
    const auto &jobs = m_data.catalog.replicationJobs;
    for (std::size_t row = 0; row < jobs.size(); ++row)
        m_jobRows.emplace(jobs[row].replicationJobId, row);
}

void PlanDocument::rebuildPlacements()
{
    m_placements.clear();
    for (const PlanApplication &app : m_data.applications) {
        for (const PlanServerGroup &group : app.serverGroups) {
            for (const std::string &id : group.serverIds)
                m_placements[id] = {app.key, group.key};
        }
    }
}

void PlanDocument::place(const std::vector<std::string> &serverIds, Placement placement)
{
    int first = INT_MAX;
    int last = -1;
    for (const std::string &id : serverIds) {
        if (placement.isPlanned())
            m_placements[id] = placement;
        else
            m_placements.erase(id);
        const int row = catalogRow(id);
        if (row >= 0) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (last >= 0)
        Q_EMIT placementsChanged(first, last);
}

bool PlanDocument::holdsUserWork() const
{
    return !m_data.applications.empty() || !m_data.serverSettings.empty() || !m_data.retiredAppIds.empty()
        || !m_data.inventory.empty() || !m_data.planId.empty();
}

void PlanDocument::markEndpointDataUnsaved()
{
    // A plan of nothing but what the endpoint said loses nothing unsaved: the
    // next session reads it again. Beside the user's work it is part of the
    // plan they would save (an offline plan keeps its catalog).
    if (holdsUserWork())
        markUnsaved();
}

void PlanDocument::markUnsaved()
{
    m_modifiedOutsideUndo = true;
    updateModified();
}

void PlanDocument::updateModified()
{
    // The undo stack's cleanChanged comes in the middle of reset() and
    // markSaved(); comparing with what was said last reports each change once.
    if (m_reportedModified == isModified())
        return;
    m_reportedModified = !m_reportedModified;
    Q_EMIT modifiedChanged(m_reportedModified);
}

} // namespace sms::models
