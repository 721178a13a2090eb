#pragma once
// Undo commands that create, edit, move and delete applications and their
// server groups. They find their targets by PlanKey when they run, so they
// stay right however other commands moved rows in between.

#include "models/PlanDocument.h"

#include <QUndoCommand>

namespace sms::models {

class CreateApplicationCommand : public QUndoCommand
{
public:
    // Gives `app` and its groups keys if they have none; their servers must
    // be in no group yet (move them first with PlaceServersCommand). Row -1
    // appends.
    CreateApplicationCommand(PlanDocument &document, PlanApplication app, int row = -1,
                             QUndoCommand *parent = nullptr);
    PlanKey key() const { return m_app.key; }
    void redo() override;
    void undo() override;

private:
    PlanDocument &m_document;
    PlanApplication m_app;
    int m_row;
};

class DeleteApplicationCommand : public QUndoCommand
{
public:
    DeleteApplicationCommand(PlanDocument &document, PlanKey application, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument &m_document;
    PlanKey m_key;
    PlanApplication m_app;  // while deleted
    int m_row = -1;
};

class EditApplicationCommand : public QUndoCommand
{
public:
    EditApplicationCommand(PlanDocument &document, PlanKey application, ApplicationFields fields,
                           QUndoCommand *parent = nullptr);
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }

private:
    void apply(const ApplicationFields &fields);

    PlanDocument &m_document;
    PlanKey m_key;
    ApplicationFields m_old;
    ApplicationFields m_new;
};

class CreateGroupCommand : public QUndoCommand
{
public:
    // Row -1 appends. The group's servers must be in no group yet.
    CreateGroupCommand(PlanDocument &document, PlanKey application, PlanServerGroup group, int row = -1,
                       QUndoCommand *parent = nullptr);
    PlanKey key() const { return m_group.key; }
    void redo() override;
    void undo() override;

private:
    PlanDocument &m_document;
    PlanKey m_application;
    PlanServerGroup m_group;
    int m_row;
};

class DeleteGroupCommand : public QUndoCommand
{
public:
    DeleteGroupCommand(PlanDocument &document, PlanKey group, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    PlanDocument &m_document;
    PlanKey m_key;
    PlanKey m_application = kNoKey;
    PlanServerGroup m_group;
    int m_row = -1;
};

class RenameGroupCommand : public QUndoCommand
{
public:
    RenameGroupCommand(PlanDocument &document, PlanKey group, std::string name, QUndoCommand *parent = nullptr);
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }

private:
    void apply(const std::string &name);

    PlanDocument &m_document;
    PlanKey m_key;
    std::string m_old;
    std::string m_new;
};

// Moves a server group, with its servers, to another application (or to
// another row of its own). Row -1 appends.
class MoveGroupCommand : public QUndoCommand
{
public:
    MoveGroupCommand(PlanDocument &document, PlanKey group, PlanKey toApplication, int row = -1,
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    // Moves the group to `application` at `row`; returns where it was.
    std::pair<PlanKey, int> moveTo(PlanKey application, int row);

    PlanDocument &m_document;
    PlanKey m_key;
    PlanKey m_to;
    int m_toRow;
    PlanKey m_from = kNoKey;
    int m_fromRow = -1;
};

// Sets an application's replication and launch settings as one value.
class EditApplicationSettingsCommand : public QUndoCommand
{
public:
    EditApplicationSettingsCommand(PlanDocument &document, PlanKey application, ApplicationSettings settings,
                                   QUndoCommand *parent = nullptr);
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }

private:
    void apply(const ApplicationSettings &settings);

    PlanDocument &m_document;
    PlanKey m_key;
    ApplicationSettings m_old;
    ApplicationSettings m_new;
};

// Sets (or, with nullopt, clears) where a server group launches among its
// application's groups.
class SetLaunchOrderCommand : public QUndoCommand
{
public:
    SetLaunchOrderCommand(PlanDocument &document, PlanKey group, std::optional<int> launchOrder,
                          QUndoCommand *parent = nullptr);
    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }

private:
    void apply(std::optional<int> launchOrder);

    PlanDocument &m_document;
    PlanKey m_key;
    std::optional<int> m_old;
    std::optional<int> m_new;
};

// A name no application of the plan has yet: "Application 3".
std::string unusedApplicationName(const PlanDocument &document);
// A name no group of the application has yet: "Group 2".
std::string unusedGroupName(const PlanApplication &app);

} // namespace sms::models
