#pragma once
// PlanDocument: the open migration plan, the one place it changes. It holds
// the PlanData (catalog snapshot and applications), keeps the indexes every
// pane needs (server id -> catalog row, server id -> where it is planned),
// and tells item models of each change before and after it happens, so that
// they can call their begin/end functions exactly (no model resets for an
// edit).
//
// Catalog changes that come from the endpoint are not undoable (the endpoint
// is read again instead); an inventory import, the user's own, is. Plan
// edits are: user actions go through the QUndoCommands of
// ApplicationCommands.h, ServerCommands.h and ImportInventoryCommand.h, which
// call the primitives below. The primitives trust their arguments (rows in
// range, a server in one group at most); commands check before calling.

#include "models/PlanTypes.h"

#include <QObject>
#include <QUndoStack>

#include <string_view>
#include <unordered_map>

namespace sms::models {

// Lets the indexes be searched with a string_view (no temporary string).
struct StringHash
{
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};
template <typename Value>
using StringMap = std::unordered_map<std::string, Value, StringHash, std::equal_to<>>;

// Where a server is planned; both kNoKey when it is in no application.
struct Placement
{
    PlanKey application = kNoKey;
    PlanKey group = kNoKey;

    bool isPlanned() const { return group != kNoKey; }
};

// The editable fields of an application, as one value for edit commands.
struct ApplicationFields
{
    std::string name;
    std::string description;
    std::string roleName;
    std::vector<api::Tag> tags;

    bool operator==(const ApplicationFields &) const = default;
};
ApplicationFields fieldsOf(const PlanApplication &app);
// A fresh PlanData::planId (a UUID).
std::string newPlanId();

class PlanDocument : public QObject
{
    Q_OBJECT

public:
    explicit PlanDocument(QObject *parent = nullptr);
    ~PlanDocument() override;

    const PlanData &data() const { return m_data; }
    const CatalogSnapshot &catalog() const { return m_data.catalog; }
    const std::vector<PlanApplication> &applications() const { return m_data.applications; }
    const PlanApplication &application(int row) const { return m_data.applications[std::size_t(row)]; }
    const PlanServerGroup &group(int app, int row) const;

    // The plan's id, made now with newPlanId() if it has none (which marks the plan unsaved).
    const std::string &ensurePlanId();

    // Replaces the whole plan (New, Open, recovery); clears the undo history.
    void reset(PlanData data);

    QUndoStack &undoStack() { return m_undo; }
    bool isModified() const { return m_modifiedOutsideUndo || !m_undo.isClean(); }
    void markSaved();
    // Unsaved work that no undo step holds: endpoint ids, a plan recovered
    // after a crash. Endpoint reads (catalog, connectors, jobs) count only in
    // a plan that holds the user's work (markEndpointDataUnsaved).
    void markUnsaved();
    // Applications, own settings, retired ids, inventory details or a plan id:
    // what no endpoint read brings back.
    bool holdsUserWork() const;

    // -1 when the server is not in the catalog.
    int catalogRow(std::string_view serverId) const;
    Placement placementOf(std::string_view serverId) const;
    PlanPosition positionOf(PlanKey key) const { return findKey(m_data.applications, key); }
    PlanKey newKey() { return ++m_lastKey; }

    // Catalog, as read from an endpoint: a fresh start, then pages in order.
    void beginCatalog(CatalogSource source);
    void appendServers(std::vector<api::Server> page);
    void setCatalogSource(CatalogSource source);
    const std::vector<InventoryDetails> &inventory() const { return m_data.inventory; }
    // Bumped when the catalog starts afresh (beginCatalog, reset): an undo
    // step that changed catalog rows knows they are gone.
    int catalogGeneration() const { return m_catalogGeneration; }
    void setConnectors(std::vector<api::Connector> connectors);
    void setReplicationJobs(std::vector<ReplicationJobSummary> jobs);
    // nullptr when the job is not known.
    const ReplicationJobSummary *replicationJob(std::string_view replicationJobId) const;

    // Primitives for ImportInventoryCommand: an import is the one catalog
    // change that is undoable, so these leave "modified" to the undo stack.
    // Newer copies of servers already in the catalog, matched by serverId,
    // each take their server's row (ids not in the catalog are ignored);
    // returns the copies they replaced, in the same order.
    std::vector<api::Server> replaceServers(std::vector<api::Server> servers);
    void addImportedServers(std::vector<api::Server> servers);
    // Takes the last `count` catalog rows out (what addImportedServers added).
    std::vector<api::Server> takeLastServers(std::size_t count);
    // Each replaces the whole value and returns the one it replaced.
    std::vector<InventoryDetails> exchangeInventory(std::vector<InventoryDetails> inventory);
    CatalogSource exchangeCatalogSource(CatalogSource source);

    // Primitives for PlanCommands.
    void insertApplication(int row, PlanApplication app);
    PlanApplication takeApplication(int row);
    void setApplicationFields(int row, ApplicationFields fields);
    void insertGroup(int app, int row, PlanServerGroup group);
    PlanServerGroup takeGroup(int app, int row);
    void renameGroup(int app, int row, std::string name);
    void setApplicationSettings(int row, ApplicationSettings settings);
    void setGroupLaunchOrder(int app, int row, std::optional<int> launchOrder);
    // The group's dependencies and the launch order they make, together (LaunchGraphCommands).
    void setGroupLaunchAfter(int app, int row, std::vector<PlanKey> launchAfter, std::optional<int> launchOrder);
    void setGroupPinnedAt(int app, int row, std::optional<GraphPoint> pinnedAt);
    // Adds an endpoint application to the plan's retiredAppIds (to be deleted
    // there by the next apply), or takes it off. An id one of the plan's
    // applications holds is never retired (false): inserting an application,
    // or giving one endpoint ids, takes its id off the list, and reset()
    // mends data that says both (PlanRules.h).
    bool setRetired(const std::string &appId, bool retired);
    // Replaces the server's own settings; settings with nothing but the id remove them.
    void setServerSettings(PlanServerSettings settings);
    // The same for many servers at once (a bulk edit of thousands): one pass over the list.
    void setServerSettings(std::vector<PlanServerSettings> settings);
    // The servers must be in no group.
    void insertServers(int app, int group, int at, std::vector<std::string> serverIds);
    std::vector<std::string> takeServers(int app, int group, int first, int count);
    // After a push: the endpoint's ids of an application and its groups. Not
    // undoable (they are facts about the endpoint), but they make the plan modified.
    void setEndpointIds(PlanKey application, std::string appId,
                        const std::vector<std::pair<PlanKey, std::string>> &groupIds);

Q_SIGNALS:
    void aboutToReset();
    void resetDone();
    void catalogAboutToBeCleared();
    void catalogCleared();
    void serversAboutToBeAppended(int first, int last);
    void serversAppended(int first, int last);
    void catalogRowsAboutToBeRemoved(int first, int last);
    void catalogRowsRemoved(int first, int last);
    // Catalog rows within [first, last] were replaced (replaceServers).
    void serversChanged(int first, int last);
    void catalogSourceChanged();
    void inventoryChanged();
    void connectorsChanged();
    void replicationJobsChanged();
    // Catalog rows whose application changed lie within [firstRow, lastRow].
    void placementsChanged(int firstRow, int lastRow);

    void applicationAboutToBeInserted(int row);
    void applicationInserted(int row);
    void applicationAboutToBeRemoved(int row);
    void applicationRemoved(int row);
    void applicationChanged(int row);
    void groupAboutToBeInserted(int app, int row);
    void groupInserted(int app, int row);
    void groupAboutToBeRemoved(int app, int row);
    void groupRemoved(int app, int row);
    void groupChanged(int app, int row);
    void serversAboutToBeInserted(int app, int group, int first, int last);
    void serversInserted(int app, int group, int first, int last);
    void serversAboutToBeRemoved(int app, int group, int first, int last);
    void serversRemoved(int app, int group, int first, int last);
    void serverSettingsChanged(const std::string &serverId);

    void modifiedChanged(bool modified);

private:
    PlanServerGroup &groupRef(int app, int row) { return m_data.applications[std::size_t(app)].serverGroups[std::size_t(row)]; }
    void indexCatalog(std::size_t from);
    void appendRows(std::vector<api::Server> page);
    void indexJobs();
    void rebuildPlacements();
    void place(const std::vector<std::string> &serverIds, Placement placement);
    void markEndpointDataUnsaved();
    // Emits modifiedChanged when isModified() differs from what was last said.
    void updateModified();

    PlanData m_data;
    QUndoStack m_undo;
    StringMap<int> m_catalogRows;
    StringMap<std::size_t> m_jobRows;
    StringMap<Placement> m_placements;
    PlanKey m_lastKey = kNoKey;
    int m_catalogGeneration = 0;
    bool m_modifiedOutsideUndo = false;
    bool m_reportedModified = false;
};

} // namespace sms::models
