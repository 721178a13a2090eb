#include "models/ApplicationCommands.h"

#include <QCoreApplication>

#include <algorithm>

namespace sms::models {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("sms::models::ApplicationCommands", text);
}

QString quoted(const std::string &name)
{
    return QStringLiteral("\u201C%1\u201D").arg(QString::fromStdString(name));
}

int appRow(const PlanDocument &document, PlanKey key)
{
    const PlanPosition position = document.positionOf(key);
    return position.isValid() && !position.isGroup() ? position.application : -1;
}

// The lowest free number, so that "Application 1" comes back once deleted
// rather than numbering on from the count.
template <typename Named>
std::string unusedName(const std::vector<Named> &items, const QString &stem)
{
    for (int n = 1;; ++n) {
        const std::string candidate = QStringLiteral("%1 %2").arg(stem).arg(n).toStdString();
        if (std::none_of(items.begin(), items.end(), [&](const Named &item) { return item.name == candidate; }))
            return candidate;
    }
}

} // namespace

std::string unusedApplicationName(const PlanDocument &document)
{
    return unusedName(document.applications(), tr("Application"));
}

std::string unusedGroupName(const PlanApplication &app)
{
    return unusedName(app.serverGroups, tr("Group"));
}

CreateApplicationCommand::CreateApplicationCommand(PlanDocument &document, PlanApplication app, int row,
                                                   QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_app(std::move(app))
    , m_row(row)
{
    if (m_app.key == kNoKey)
        m_app.key = document.newKey();
    for (PlanServerGroup &group : m_app.serverGroups) {
        if (group.key == kNoKey)
            group.key = document.newKey();
    }
    setText(tr("Create application %1").arg(quoted(m_app.name)));
}

void CreateApplicationCommand::redo()
{
    const int count = int(m_document.applications().size());
    m_document.insertApplication(m_row < 0 || m_row > count ? count : m_row, m_app);
}

void CreateApplicationCommand::undo()
{
    const int row = appRow(m_document, m_app.key);
    if (row >= 0)
        m_app = m_document.takeApplication(row);
}

DeleteApplicationCommand::DeleteApplicationCommand(PlanDocument &document, PlanKey application,
                                                   QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(application)
{
    const int row = appRow(document, application);
    setText(tr("Delete application %1").arg(row >= 0 ? quoted(document.application(row).name) : QString()));
}

void DeleteApplicationCommand::redo()
{
    m_row = appRow(m_document, m_key);
    if (m_row < 0)
        return;
    m_app = m_document.takeApplication(m_row);
    // One on the endpoint is deleted there by the next apply.
    if (!m_app.appId.empty())
        m_document.setRetired(m_app.appId, true);
}

void DeleteApplicationCommand::undo()
{
    if (m_row < 0)
        return;
    if (!m_app.appId.empty())
        m_document.setRetired(m_app.appId, false);
    m_document.insertApplication(m_row, std::move(m_app));
}

EditApplicationCommand::EditApplicationCommand(PlanDocument &document, PlanKey application,
                                               ApplicationFields fields, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(application)
    , m_new(std::move(fields))
{
    const int row = appRow(document, application);
    if (row >= 0)
        m_old = fieldsOf(document.application(row));
    if (m_old.name != m_new.name)
        setText(tr("Rename application %1 to %2").arg(quoted(m_old.name), quoted(m_new.name)));
    else
        setText(tr("Edit application %1").arg(quoted(m_new.name)));
}

void EditApplicationCommand::apply(const ApplicationFields &fields)
{
    const int row = appRow(m_document, m_key);
    if (row >= 0)
        m_document.setApplicationFields(row, fields);
}

EditApplicationSettingsCommand::EditApplicationSettingsCommand(PlanDocument &document, PlanKey application,
                                                               ApplicationSettings settings, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(application)
    , m_new(std::move(settings))
{
    const int row = appRow(document, application);
    if (row >= 0) {
        m_old = document.application(row).settings;
        setText(tr("Change the settings of %1").arg(quoted(document.application(row).name)));
    }
}

void EditApplicationSettingsCommand::apply(const ApplicationSettings &settings)
{
    const int row = appRow(m_document, m_key);
    if (row >= 0)
        m_document.setApplicationSettings(row, settings);
}

SetLaunchOrderCommand::SetLaunchOrderCommand(PlanDocument &document, PlanKey group, std::optional<int> launchOrder,
                                             QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(group)
    , m_new(launchOrder)
{
    const PlanPosition position = document.positionOf(group);
    if (position.isGroup()) {
        const PlanServerGroup &current = document.group(position.application, position.group);
        m_old = current.launchOrder;
        setText(tr("Change the launch order of %1").arg(quoted(current.name)));
    }
}

void SetLaunchOrderCommand::apply(std::optional<int> launchOrder)
{
    const PlanPosition position = m_document.positionOf(m_key);
    if (position.isGroup())
        m_document.setGroupLaunchOrder(position.application, position.group, launchOrder);
}

CreateGroupCommand::CreateGroupCommand(PlanDocument &document, PlanKey application, PlanServerGroup group, int row,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_application(application)
    , m_group(std::move(group))
    , m_row(row)
{
    if (m_group.key == kNoKey)
        m_group.key = document.newKey();
    setText(tr("Create server group %1").arg(quoted(m_group.name)));
}

void CreateGroupCommand::redo()
{
    const int app = appRow(m_document, m_application);
    if (app < 0)
        return;
    const int count = int(m_document.application(app).serverGroups.size());
    m_document.insertGroup(app, m_row < 0 || m_row > count ? count : m_row, m_group);
}

void CreateGroupCommand::undo()
{
    const PlanPosition position = m_document.positionOf(m_group.key);
    if (position.isGroup())
        m_group = m_document.takeGroup(position.application, position.group);
}

DeleteGroupCommand::DeleteGroupCommand(PlanDocument &document, PlanKey group, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(group)
{
    const PlanPosition position = document.positionOf(group);
    setText(tr("Delete server group %1")
                .arg(position.isGroup() ? quoted(document.group(position.application, position.group).name)
                                        : QString()));
}

void DeleteGroupCommand::redo()
{
    const PlanPosition position = m_document.positionOf(m_key);
    if (!position.isGroup()) {
        m_row = -1;
        return;
    }
    m_application = m_document.application(position.application).key;
    m_row = position.group;
    m_group = m_document.takeGroup(position.application, position.group);
}

void DeleteGroupCommand::undo()
{
    const int app = appRow(m_document, m_application);
    if (m_row >= 0 && app >= 0)
        m_document.insertGroup(app, m_row, std::move(m_group));
}

RenameGroupCommand::RenameGroupCommand(PlanDocument &document, PlanKey group, std::string name,
                                       QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(group)
    , m_new(std::move(name))
{
    const PlanPosition position = document.positionOf(group);
    if (position.isGroup())
        m_old = document.group(position.application, position.group).name;
    setText(tr("Rename server group %1 to %2").arg(quoted(m_old), quoted(m_new)));
}

void RenameGroupCommand::apply(const std::string &name)
{
    const PlanPosition position = m_document.positionOf(m_key);
    if (position.isGroup())
        m_document.renameGroup(position.application, position.group, name);
}

MoveGroupCommand::MoveGroupCommand(PlanDocument &document, PlanKey group, PlanKey toApplication, int row,
                                   QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_key(group)
    , m_to(toApplication)
    , m_toRow(row)
{
    const PlanPosition position = document.positionOf(group);
    const int to = appRow(document, toApplication);
    if (position.isGroup() && to >= 0)
        setText(tr("Move server group %1 to %2")
                    .arg(quoted(document.group(position.application, position.group).name),
                         quoted(document.application(to).name)));
}

std::pair<PlanKey, int> MoveGroupCommand::moveTo(PlanKey application, int row)
{
    const PlanPosition position = m_document.positionOf(m_key);
    if (!position.isGroup() || appRow(m_document, application) < 0)
        return {kNoKey, -1};
    const std::pair<PlanKey, int> was{m_document.application(position.application).key, position.group};
    PlanServerGroup group = m_document.takeGroup(position.application, position.group);
    const int to = appRow(m_document, application);
    const int count = int(m_document.application(to).serverGroups.size());
    m_document.insertGroup(to, row < 0 || row > count ? count : row, std::move(group));
    return was;
}

void MoveGroupCommand::redo()
{
    // A drop row counts the group itself when it moves down its own application.
    int row = m_toRow;
    const PlanPosition position = m_document.positionOf(m_key);
    if (position.isGroup() && m_document.application(position.application).key == m_to && row > position.group)
        --row;
    std::tie(m_from, m_fromRow) = moveTo(m_to, row);
}

void MoveGroupCommand::undo()
{
    if (m_from != kNoKey)
        moveTo(m_from, m_fromRow);
}

} // namespace sms::models
