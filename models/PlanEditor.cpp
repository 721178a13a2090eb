#include "models/PlanEditor.h"

#include "models/ApplicationCommands.h"
#include "models/ImportInventoryCommand.h"
#include "models/PlanSettings.h"
#include "models/ServerCommands.h"

#include <algorithm>
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
    for (PlanKey group : groups)
        undo.push(new DeleteGroupCommand(m_document, group));
    for (PlanKey app : apps)
        undo.push(new DeleteApplicationCommand(m_document, app));
    undo.endMacro();
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
