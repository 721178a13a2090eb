#pragma once
// Undo commands for servers. PlaceServersCommand puts servers into a server
// group, or takes them out of every group. A server belongs to at most one
// application, so servers planned elsewhere move; undo puts each back where
// it was, in its old place.
// Built for big selections: each source group is scanned once and each
// contiguous run of servers leaves it in one step, so moving 5,000 servers
// sends a handful of change signals, not thousands.

#include "models/PlanDocument.h"

#include <QUndoCommand>

namespace sms::models {

class PlaceServersCommand : public QUndoCommand
{
public:
    // `group` kNoKey takes the servers out of their groups. Row -1 appends.
    // Servers already in `group` stay where they are.
    PlaceServersCommand(PlanDocument &document, std::vector<std::string> serverIds, PlanKey group, int row = -1,
                        QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;

    // After redo(): how many servers came from another application, and how
    // many actually changed place.
    int movedFromOtherApplications() const { return m_fromOtherApps; }
    int placedCount() const { return m_placed; }

private:
    // Servers one group gave up, with the rows they had there (ascending).
    struct Source
    {
        PlanKey group = kNoKey;
        std::vector<std::pair<int, std::string>> rows;
    };

    void takeFromSources();
    void restoreSources();

    PlanDocument &m_document;
    std::vector<std::string> m_serverIds;
    PlanKey m_target;
    int m_row;
    std::vector<Source> m_sources;
    int m_insertedAt = -1;
    int m_placed = 0;
    int m_fromOtherApps = 0;
};

// Sets servers' own replication and launch settings, over their
// application's; settings with neither remove a server's own. Many servers
// (a bulk edit) are one command.
class EditServerSettingsCommand : public QUndoCommand
{
public:
    EditServerSettingsCommand(PlanDocument &document, PlanServerSettings settings, QUndoCommand *parent = nullptr);
    EditServerSettingsCommand(PlanDocument &document, std::vector<PlanServerSettings> settings,
                              QUndoCommand *parent = nullptr);
    void redo() override { m_document.setServerSettings(m_new); }
    void undo() override { m_document.setServerSettings(m_old); }

private:
    PlanDocument &m_document;
    std::vector<PlanServerSettings> m_old;
    std::vector<PlanServerSettings> m_new;
};

} // namespace sms::models
