#include "models/PlanEditor.h"

#include "models/ApplicationCommands.h"
#include "models/ImportInventoryCommand.h"
#include "models/LaunchGraph.h"
#include "models/LaunchGraphCommands.h"
#include "models/PlanSettings.h"
#include "models/ServerCommands.h"

#include <algorithm>
#include <map>
#include <utility>

namespace sms::models {

PlanEditor::PlanEditor(PlanDocument &document, QObject *parent)
    : QObject(parent)
    , m_document(document)
{
}

int PlanEditor::place(std::vector<std::string> serverIds, PlanKey group, int row)
{
    auto *command = new PlaceServersCommand(m_document, std::move(serverIds), group, row);
    m_document.undoStack().push(command);
    const int fromOthers = command->movedFromOtherApplications();
    if (fromOthers > 0)
        Q_EMIT notice(tr("%n server(s) moved out of another application: a server belongs to one application at most.",
                         nullptr, fromOthers));
    return command->placedCount();
}

int PlanEditor::addServersToGroup(std::vector<std::string> serverIds, PlanKey group, int row)
{
    if (serverIds.empty() || !m_document.positionOf(group).isGroup())
        return 0;
    return place(std::move(serverIds), group, row);
}

PlanKey PlanEditor::newGroupFromServers(std::vector<std::string> serverIds, PlanKey application, std::string name)
{
    const PlanPosition position = m_document.positionOf(application);
    if (!position.isValid() || position.isGroup())
        return kNoKey;
    PlanServerGroup group;
    group.name = name.empty() ? unusedGroupName(m_document.application(position.application)) : std::move(name);
    auto &undo = m_document.undoStack();
    undo.beginMacro(tr("New server group \u201C%1\u201D with %n server(s)", nullptr, int(serverIds.size()))
                        .arg(QString::fromStdString(group.name)));
    auto *create = new CreateGroupCommand(m_document, application, std::move(group));
    const PlanKey key = create->key();
    undo.push(create);
    place(std::move(serverIds), key, -1);
    undo.endMacro();
    return key;
}

PlanKey PlanEditor::newApplicationFromServers(std::vector<std::string> serverIds, std::string name)
{
    PlanApplication app;
    app.name = name.empty() ? unusedApplicationName(m_document) : std::move(name);
    PlanServerGroup group;
    group.name = unusedGroupName(app);
    app.serverGroups.push_back(std::move(group));
    auto &undo = m_document.undoStack();
    undo.beginMacro(tr("New application \u201C%1\u201D with %n server(s)", nullptr, int(serverIds.size()))
                        .arg(QString::fromStdString(app.name)));
    auto *create = new CreateApplicationCommand(m_document, std::move(app));
    const PlanKey key = create->key();
    undo.push(create);
    const PlanPosition position = m_document.positionOf(key);
    place(std::move(serverIds), m_document.application(position.application).serverGroups.front().key, -1);
    undo.endMacro();
    return key;
}

PlanKey PlanEditor::newApplication(std::string name)
{
    PlanApplication app;
    app.name = name.empty() ? unusedApplicationName(m_document) : std::move(name);
    auto *create = new CreateApplicationCommand(m_document, std::move(app));
    const PlanKey key = create->key();
    m_document.undoStack().push(create);
    return key;
}

PlanKey PlanEditor::newGroup(PlanKey application, std::string name)
{
    const PlanPosition position = m_document.positionOf(application);
    if (!position.isValid() || position.isGroup())
        return kNoKey;
    PlanServerGroup group;
    group.name = name.empty() ? unusedGroupName(m_document.application(position.application)) : std::move(name);
    auto *create = new CreateGroupCommand(m_document, application, std::move(group));
    const PlanKey key = create->key();
    m_document.undoStack().push(create);
    return key;
}

void PlanEditor::moveGroups(const std::vector<PlanKey> &groups, PlanKey application, int row)
{
    if (groups.empty())
        return;
    auto &undo = m_document.undoStack();
    undo.beginMacro(tr("Move %n server group(s)", nullptr, int(groups.size())));
    std::vector<PlanKey> leaving;  // to another application, where their dependencies mean nothing
    const PlanPosition target = m_document.positionOf(application);
    for (PlanKey group : groups)
        if (const PlanPosition from = m_document.positionOf(group); from.isGroup() && from.application != target.application)
            leaving.push_back(group);
    dropFromLaunchGraphs(leaving);
    for (PlanKey group : groups) {
        undo.push(new MoveGroupCommand(m_document, group, application, row));
        // The next group goes right after this one, which keeps the dropped
        // groups in their order (a plain ++row is off by one when this group
        // came from above the drop row of its own application).
        const PlanPosition moved = m_document.positionOf(group);
        if (row >= 0 && moved.isGroup())
            row = moved.group + 1;
    }
    undo.endMacro();
}

PlanKey PlanEditor::newApplicationFromGroups(const std::vector<PlanKey> &groups)
{
    PlanApplication app;
    app.name = unusedApplicationName(m_document);
    auto &undo = m_document.undoStack();
    undo.beginMacro(tr("New application \u201C%1\u201D from %n server group(s)", nullptr, int(groups.size()))
                        .arg(QString::fromStdString(app.name)));
    auto *create = new CreateApplicationCommand(m_document, std::move(app));
    const PlanKey key = create->key();
    undo.push(create);
    for (PlanKey group : groups)
        undo.push(new MoveGroupCommand(m_document, group, key));
    undo.endMacro();
    return key;
}

void PlanEditor::removeServers(std::vector<std::string> serverIds)
{
    if (!serverIds.empty())
        m_document.undoStack().push(new PlaceServersCommand(m_document, std::move(serverIds), kNoKey));
}

void PlanEditor::deleteItems(const std::vector<PlanKey> &applicationsAndGroups, std::vector<std::string> serverIds)
{
    std::vector<PlanKey> apps;
    std::vector<PlanKey> groups;
    for (PlanKey key : applicationsAndGroups) {
        const PlanPosition position = m_document.positionOf(key);
        if (position.isGroup())
            groups.push_back(key);
        else if (position.isValid())
            apps.push_back(key);
    }
    if (apps.empty() && groups.empty() && serverIds.empty())
        return;
    auto &undo = m_document.undoStack();
    undo.beginMacro(tr("Delete %n item(s)", nullptr, int(apps.size() + groups.size() + serverIds.size())));
    if (!serverIds.empty())
        undo.push(new PlaceServersCommand(m_document, std::move(serverIds), kNoKey));
    dropFromLaunchGraphs(groups);
    for (PlanKey group : groups)
        undo.push(new DeleteGroupCommand(m_document, group));
    for (PlanKey app : apps)
        undo.push(new DeleteApplicationCommand(m_document, app));
    undo.endMacro();
}

void PlanEditor::dropFromLaunchGraphs(const std::vector<PlanKey> &groups)
{
    const auto dropped = [&groups](PlanKey key) { return std::find(groups.begin(), groups.end(), key) != groups.end(); };
    for (const PlanApplication &app : m_document.applications()) {
        // A group that waited for a dropped one waits for what that one waited
        // for: db → app → web without app is db → web, and the orders stay.
        const auto bridged = [&](const PlanServerGroup &group) {
            std::vector<PlanKey> kept;
            std::vector<PlanKey> pending = group.launchAfter;
            std::vector<PlanKey> seen;
            while (!pending.empty()) {
                const PlanKey key = pending.back();
                pending.pop_back();
                if (std::find(seen.begin(), seen.end(), key) != seen.end())
                    continue;  // a cycle in a hand-edited file, or a diamond
                seen.push_back(key);
                if (!dropped(key)) {
                    kept.push_back(key);
                    continue;
                }
                const auto via = std::find_if(app.serverGroups.begin(), app.serverGroups.end(),
                                              [key](const PlanServerGroup &g) { return g.key == key; });
                if (via != app.serverGroups.end())
                    pending.insert(pending.end(), via->launchAfter.rbegin(), via->launchAfter.rend());
            }
            return kept;
        };
        std::vector<std::pair<PlanKey, std::vector<PlanKey>>> changes;
        for (const PlanServerGroup &group : app.serverGroups) {
            std::vector<PlanKey> kept = dropped(group.key) ? std::vector<PlanKey>{} : bridged(group);
            if (kept != group.launchAfter)
                changes.emplace_back(group.key, std::move(kept));
        }
        if (!changes.empty())
            m_document.undoStack().push(new SetLaunchDependenciesCommand(
                m_document, app.key, std::move(changes),
                tr("Remove dependencies of \u201C%1\u201D").arg(QString::fromStdString(app.name))));
    }
}

QString PlanEditor::addLaunchDependency(PlanKey before, PlanKey after)
{
    const PlanPosition from = m_document.positionOf(before);
    const PlanPosition to = m_document.positionOf(after);
    if (!from.isGroup() || !to.isGroup())
        return tr("Only server groups launch before one another.");
    if (from.application != to.application)
        return tr("A server group can only launch after groups of its own application.");
    const PlanApplication &app = m_document.application(to.application);
    std::vector<PlanServerGroup> groups = app.serverGroups;
    // Orders without dependencies (from an endpoint, or an older plan) become dependencies first.
    const bool inferring = !hasDependencies(groups)
                        && std::any_of(groups.begin(), groups.end(), [](const auto &g) { return g.launchOrder.has_value(); });
    if (inferring) {
        const auto inferred = inferLaunchAfter(groups);
        for (std::size_t i = 0; i < groups.size(); ++i)
            groups[i].launchAfter = inferred[i];
    }
    PlanServerGroup &later = groups[std::size_t(to.group)];
    const bool present = std::find(later.launchAfter.begin(), later.launchAfter.end(), before) != later.launchAfter.end();
    if (present && !inferring)
        return {};
    if (const std::vector<PlanKey> cycle = cycleClosedBy(groups, before, after); !cycle.empty())
        return tr("\u201C%1\u201D cannot launch before \u201C%2\u201D: that would make a cycle, %3.")
            .arg(QString::fromStdString(groups[std::size_t(from.group)].name),
                 QString::fromStdString(later.name), QString::fromStdString(cycleText(groups, cycle)));
    if (!present)
        later.launchAfter.push_back(before);
    std::vector<std::pair<PlanKey, std::vector<PlanKey>>> changes;
    for (std::size_t i = 0; i < groups.size(); ++i)
        if (groups[i].launchAfter != app.serverGroups[i].launchAfter)
            changes.emplace_back(groups[i].key, groups[i].launchAfter);
    m_document.undoStack().push(new SetLaunchDependenciesCommand(
        m_document, app.key, std::move(changes),
        tr("\u201C%1\u201D launches before \u201C%2\u201D")
            .arg(QString::fromStdString(groups[std::size_t(from.group)].name), QString::fromStdString(later.name))));
    if (inferring)
        Q_EMIT notice(tr("Dependencies of \u201C%1\u201D were made from its launch orders: each group after the groups "
                         "of the next lower order. Undo takes them back with the new one.")
                          .arg(QString::fromStdString(app.name)));
    return {};
}

void PlanEditor::removeLaunchDependencies(const std::vector<std::pair<PlanKey, PlanKey>> &dependencies)
{
    // What each group keeps, by application: a command each, in one step.
    std::map<PlanKey, std::map<PlanKey, std::vector<PlanKey>>> kept;
    int removed = 0;
    for (const auto &[before, after] : dependencies) {
        const PlanPosition to = m_document.positionOf(after);
        if (!to.isGroup())
            continue;
        const std::vector<PlanKey> &now = m_document.group(to.application, to.group).launchAfter;
        if (std::find(now.begin(), now.end(), before) == now.end())
            continue;
        auto &groups = kept[m_document.application(to.application).key];
        std::erase(groups.try_emplace(after, now).first->second, before);
        ++removed;
    }
    if (kept.empty())
        return;
    auto &undo = m_document.undoStack();
    undo.beginMacro(tr("Remove %n launch dependency(ies)", nullptr, removed));
    for (const auto &[app, groups] : kept)
        undo.push(new SetLaunchDependenciesCommand(m_document, app, {groups.begin(), groups.end()}, QString()));
    undo.endMacro();
}

void PlanEditor::pinGroups(std::vector<std::pair<PlanKey, std::optional<GraphPoint>>> positions)
{
    std::erase_if(positions, [this](const auto &pin) {
        const PlanPosition at = m_document.positionOf(pin.first);
        return !at.isGroup() || m_document.group(at.application, at.group).pinnedAt == pin.second;
    });
    if (!positions.empty())
        m_document.undoStack().push(new PinGroupsCommand(m_document, std::move(positions)));
}

int PlanEditor::editServerSettings(const std::vector<std::string> &serverIds, const BulkSettingsEdit &edit)
{
    return pushServerSettings(bulkEdited(m_document.data(), serverIds, edit));
}

int PlanEditor::editEachServerSettings(const std::vector<ServerSettingsEdit> &edits)
{
    return pushServerSettings(eachEdited(m_document.data(), edits));
}

int PlanEditor::pushServerSettings(std::vector<PlanServerSettings> changed)
{
    const int count = int(changed.size());
    if (count > 0)
        m_document.undoStack().push(new EditServerSettingsCommand(m_document, std::move(changed)));
    return count;
}

void PlanEditor::renameApplication(PlanKey application, std::string name)
{
    const PlanPosition position = m_document.positionOf(application);
    if (!position.isValid() || position.isGroup() || name.empty())
        return;
    ApplicationFields fields = fieldsOf(m_document.application(position.application));
    if (fields.name == name)
        return;
    fields.name = std::move(name);
    m_document.undoStack().push(new EditApplicationCommand(m_document, application, std::move(fields)));
}

void PlanEditor::editApplication(PlanKey application, ApplicationFields fields)
{
    const PlanPosition position = m_document.positionOf(application);
    // A name is required (the API needs one to create the application).
    if (!position.isValid() || position.isGroup() || fields.name.empty()
        || fieldsOf(m_document.application(position.application)) == fields)
        return;
    m_document.undoStack().push(new EditApplicationCommand(m_document, application, std::move(fields)));
}

void PlanEditor::editApplicationSettings(PlanKey application, ApplicationSettings settings,
                                         const std::vector<std::optional<int>> &launchOrders)
{
    const PlanPosition position = m_document.positionOf(application);
    if (!position.isValid() || position.isGroup())
        return;
    const PlanApplication &app = m_document.application(position.application);
    std::vector<std::pair<PlanKey, std::optional<int>>> orders;
    for (std::size_t g = 0; g < app.serverGroups.size() && g < launchOrders.size(); ++g)
        if (app.serverGroups[g].launchOrder != launchOrders[g])
            orders.emplace_back(app.serverGroups[g].key, launchOrders[g]);
    const bool settingsDiffer = app.settings != settings;
    if (!settingsDiffer && orders.empty())
        return;
    QUndoStack &undo = m_document.undoStack();
    undo.beginMacro(tr("Settings of “%1”").arg(QString::fromStdString(app.name)));
    if (settingsDiffer)
        undo.push(new EditApplicationSettingsCommand(m_document, application, std::move(settings)));
    for (const auto &[group, order] : orders)
        undo.push(new SetLaunchOrderCommand(m_document, group, order));
    undo.endMacro();
}

void PlanEditor::renameGroup(PlanKey group, std::string name)
{
    const PlanPosition position = m_document.positionOf(group);
    if (!position.isGroup() || name.empty() || m_document.group(position.application, position.group).name == name)
        return;
    m_document.undoStack().push(new RenameGroupCommand(m_document, group, std::move(name)));
}

int PlanEditor::refreshApplications(std::vector<RefreshedApplication> refreshed)
{
    if (refreshed.empty())
        return 0;
    auto &undo = m_document.undoStack();
    undo.beginMacro(tr("Refresh %n application(s) from the endpoint", nullptr, int(refreshed.size())));
    for (RefreshedApplication &item : refreshed) {
        if (item.key == kNoKey) {
            addFromEndpoint(std::move(item.app));
        } else {
            std::vector<std::optional<int>> launchOrders;
            for (const PlanServerGroup &group : item.app.serverGroups)
                launchOrders.push_back(group.launchOrder);
            editApplicationSettings(item.key, std::move(item.app.settings), launchOrders);
        }
        for (PlanServerSettings &own : item.serverSettings) {
            const PlanServerSettings *current = findServerSettings(m_document.data().serverSettings, own.serverId);
            if (current ? *current != own : own.replication || own.launch)
                undo.push(new EditServerSettingsCommand(m_document, std::move(own)));
        }
    }
    undo.endMacro();
    return int(refreshed.size());
}

void PlanEditor::addFromEndpoint(PlanApplication app)
{
    // Created with empty groups, then filled through place(), which keeps the
    // one-application rule (RefreshMerge leaves out the servers the plan has
    // elsewhere, so normally none moves) and says what moved if one does.
    std::vector<std::vector<std::string>> servers;
    for (PlanServerGroup &group : app.serverGroups) {
        group.key = kNoKey;
        servers.push_back(std::exchange(group.serverIds, {}));
    }
    app.key = kNoKey;
    auto *create = new CreateApplicationCommand(m_document, std::move(app), -1);
    const PlanKey key = create->key();
    m_document.undoStack().push(create);
    const PlanApplication &created = m_document.application(m_document.positionOf(key).application);
    std::vector<PlanKey> groups;
    for (const PlanServerGroup &group : created.serverGroups)
        groups.push_back(group.key);
    for (std::size_t g = 0; g < groups.size(); ++g)
        place(std::move(servers[g]), groups[g], -1);
}

CatalogMergeCounts PlanEditor::importInventory(std::vector<api::Server> servers, std::vector<InventoryDetails> details)
{
    auto *command = new ImportInventoryCommand(m_document, std::move(servers), std::move(details));
    const CatalogMergeCounts counts = command->counts();
    command->setText(tr("Import %n server(s)", nullptr, int(counts.added + counts.replaced + counts.onEndpoint)));
    m_document.undoStack().push(command);
    return counts;
}

} // namespace sms::models
