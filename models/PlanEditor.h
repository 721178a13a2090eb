#pragma once
// PlanEditor: the plan edits as the user names them ("New application from
// selection", a drop onto a group, Delete), each one step on the undo stack,
// built from the commands of ApplicationCommands.h and ServerCommands.h.
// Drag and drop, menus, shortcuts and the clipboard all come through here, so
// they behave alike; notice() says what happened in words for the status bar
// (servers that moved out of another application, above all).

#include "models/BulkSettings.h"
#include "models/CatalogMerge.h"
#include "models/PlanDocument.h"

#include <QObject>

namespace sms::models {

// One application as Refresh Apps brings it into the plan.
struct RefreshedApplication
{
    PlanKey key = kNoKey;  // the plan's application it updates; kNoKey: new to the plan
    // New: the whole application. Else: its settings and its groups' launch
    // order, group for group, as they are to be.
    PlanApplication app;
    std::vector<PlanServerSettings> serverSettings;  // servers' own settings as they are to be
};

class PlanEditor : public QObject
{
    Q_OBJECT

public:
    explicit PlanEditor(PlanDocument &document, QObject *parent = nullptr);

    PlanDocument &document() { return m_document; }

    // Row -1 appends. Returns how many servers changed place.
    int addServersToGroup(std::vector<std::string> serverIds, PlanKey group, int row = -1);
    // Empty names pick "Group N" / "Application N". Return the new key.
    PlanKey newGroupFromServers(std::vector<std::string> serverIds, PlanKey application, std::string name = {});
    PlanKey newApplicationFromServers(std::vector<std::string> serverIds, std::string name = {});
    PlanKey newApplication(std::string name = {});
    PlanKey newGroup(PlanKey application, std::string name = {});
    void moveGroups(const std::vector<PlanKey> &groups, PlanKey application, int row = -1);
    PlanKey newApplicationFromGroups(const std::vector<PlanKey> &groups);
    // Takes servers out of their groups (they stay in the catalog).
    void removeServers(std::vector<std::string> serverIds);
    // Deletes applications, groups and servers from the plan in one step.
    void deleteItems(const std::vector<PlanKey> &applicationsAndGroups, std::vector<std::string> serverIds);
    void renameApplication(PlanKey application, std::string name);
    void renameGroup(PlanKey group, std::string name);
    void editApplication(PlanKey application, ApplicationFields fields);
    // An application's replication and launch settings and its groups'
    // launch order (one per group, in its order), as one step; nothing when
    // nothing differs.
    void editApplicationSettings(PlanKey application, ApplicationSettings settings,
                                 const std::vector<std::optional<int>> &launchOrders);
    // The launch graph, an undo step each. Adds "`before` launches before
    // `after`" (groups of one application) and returns empty, or returns why
    // not in a sentence: another application's group, or the cycle it would
    // close, named. An application with launch orders but no dependencies
    // gets them inferred from its orders first, in the same step, and the
    // user is told (notice).
    QString addLaunchDependency(PlanKey before, PlanKey after);
    // Each pair (before, after); pairs that are no dependency are ignored.
    void removeLaunchDependencies(const std::vector<std::pair<PlanKey, PlanKey>> &dependencies);
    // Pins groups where the user dropped them; nullopt lays a group out again.
    void pinGroups(std::vector<std::pair<PlanKey, std::optional<GraphPoint>>> positions);
    // Servers' own settings edited as one (BulkSettings.h): one undo step
    // however many; nothing when nothing changes. Returns how many changed.
    int editServerSettings(const std::vector<std::string> &serverIds, const BulkSettingsEdit &edit);
    // The same with an edit for each server (generated logical ids), one undo step.
    int editEachServerSettings(const std::vector<ServerSettingsEdit> &edits);
    // Brings the endpoint's applications into the plan in one step (what
    // comes in, services/RefreshMerge.h decides). A new one is appended, its
    // servers moved to it from wherever the plan had them; one the plan has
    // takes the settings and groups' launch order given, and stays where it
    // is. Nothing is retired: a refresh never deletes at the endpoint.
    // Returns how many came in.
    int refreshApplications(std::vector<RefreshedApplication> refreshed);
    // Servers and inventory details from a CSV inventory into the catalog
    // (CatalogMerge.h), one step that undo takes back whole.
    CatalogMergeCounts importInventory(std::vector<api::Server> servers, std::vector<InventoryDetails> details);

Q_SIGNALS:
    void notice(const QString &message);

private:
    // Places servers as part of the open macro, and says what moved.
    int place(std::vector<std::string> serverIds, PlanKey group, int row);
    // Part of refreshApplications' macro.
    void addFromEndpoint(PlanApplication app);
    // Part of a delete's or move's macro: the groups leave their
    // application's launch graph (their own dependencies, and the others'
    // on them, which take theirs over).
    void dropFromLaunchGraphs(const std::vector<PlanKey> &groups);
    // Servers' own settings as they are to be, one undo step when any; returns how many.
    int pushServerSettings(std::vector<PlanServerSettings> changed);

    PlanDocument &m_document;
};

} // namespace sms::models
