#include "models/ServerCommands.h"
#include "models/PlanSettings.h"

#include <QCoreApplication>

#include <algorithm>
#include <unordered_set>

namespace sms::models {
PlaceServersCommand::PlaceServersCommand(PlanDocument &document, std::vector<std::string> serverIds, PlanKey group,
                                         int row, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_serverIds(std::move(serverIds))
    , m_target(group)
    , m_row(row)
{
    // A selection may name a server twice (a row per column, say).
    std::unordered_set<std::string_view> seen;
    std::vector<std::string> unique;
    unique.reserve(m_serverIds.size());
    for (std::string &id : m_serverIds) {
        if (seen.insert(id).second)
            unique.push_back(id);
    }
    m_serverIds = std::move(unique);

    const int n = int(m_serverIds.size());
    if (group == kNoKey) {
        setText(QCoreApplication::translate("sms::models::ServerCommands", "Remove %n server(s) from their applications",
                                            nullptr, n));
    } else {
        const PlanPosition position = document.positionOf(group);
        const QString name = position.isGroup()
                                 ? QString::fromStdString(document.group(position.application, position.group).name)
                                 : QString();
        setText(QCoreApplication::translate("sms::models::ServerCommands", "Place %n server(s) in \u201C%1\u201D", nullptr, n)
                    .arg(name));
    }
}

void PlaceServersCommand::redo()
{
    m_placed = 0;
    m_fromOtherApps = 0;
    m_insertedAt = -1;
    PlanPosition target;
    if (m_target != kNoKey) {
        target = m_document.positionOf(m_target);
        if (!target.isGroup())
            return;  // the group is gone; nothing to do
    }
    takeFromSources();
    if (m_target == kNoKey)
        return;

    std::vector<std::string> moving;
    moving.reserve(m_serverIds.size());
    for (const std::string &id : m_serverIds) {
        if (!m_document.placementOf(id).isPlanned())
            moving.push_back(id);
    }
    const int size = int(m_document.group(target.application, target.group).serverIds.size());
    m_insertedAt = m_row < 0 || m_row > size ? size : m_row;
    m_placed = int(moving.size());
    m_document.insertServers(target.application, target.group, m_insertedAt, std::move(moving));
}

void PlaceServersCommand::undo()
{
    if (m_insertedAt >= 0) {
        const PlanPosition target = m_document.positionOf(m_target);
        if (target.isGroup())
            m_document.takeServers(target.application, target.group, m_insertedAt, m_placed);
    }
    restoreSources();
}

void PlaceServersCommand::takeFromSources()
{
    m_sources.clear();
    const PlanKey targetApp =
        m_target == kNoKey ? kNoKey : m_document.application(m_document.positionOf(m_target).application).key;

    // Which groups give servers up, and which of their servers.
    std::vector<PlanKey> groups;
    std::unordered_set<std::string_view> leaving;
    for (const std::string &id : m_serverIds) {
        const Placement placement = m_document.placementOf(id);
        if (!placement.isPlanned() || placement.group == m_target)
            continue;
        leaving.insert(id);
        if (std::find(groups.begin(), groups.end(), placement.group) == groups.end())
            groups.push_back(placement.group);
        if (targetApp != kNoKey && placement.application != targetApp)
            ++m_fromOtherApps;
    }

    for (PlanKey key : groups) {
        const PlanPosition position = m_document.positionOf(key);
        const auto &ids = m_document.group(position.application, position.group).serverIds;
        Source source{key, {}};
        for (int row = 0; row < int(ids.size()); ++row) {
            if (leaving.count(ids[std::size_t(row)]))
                source.rows.emplace_back(row, std::string());
        }
        // Runs leave from the back, so the rows in front keep their numbers.
        for (std::size_t end = source.rows.size(); end > 0;) {
            std::size_t begin = end - 1;
            while (begin > 0 && source.rows[begin - 1].first + 1 == source.rows[begin].first)
                --begin;
            auto taken = m_document.takeServers(position.application, position.group, source.rows[begin].first,
                                                int(end - begin));
            for (std::size_t i = begin; i < end; ++i)
                source.rows[i].second = std::move(taken[i - begin]);
            end = begin;
        }
        if (m_target == kNoKey)
            m_placed += int(source.rows.size());
        m_sources.push_back(std::move(source));
    }
}

void PlaceServersCommand::restoreSources()
{
    for (auto source = m_sources.rbegin(); source != m_sources.rend(); ++source) {
        const PlanPosition position = m_document.positionOf(source->group);
        if (!position.isGroup())
            continue;
        // Runs return from the front, so each lands on the row it had.
        auto &rows = source->rows;
        for (std::size_t begin = 0; begin < rows.size();) {
            std::size_t end = begin + 1;
            while (end < rows.size() && rows[end - 1].first + 1 == rows[end].first)
                ++end;
            std::vector<std::string> ids;
            ids.reserve(end - begin);
            for (std::size_t i = begin; i < end; ++i)
                ids.push_back(rows[i].second);
            m_document.insertServers(position.application, position.group, rows[begin].first, std::move(ids));
            begin = end;
        }
    }
}

EditServerSettingsCommand::EditServerSettingsCommand(PlanDocument &document, PlanServerSettings settings,
                                                     QUndoCommand *parent)
    : EditServerSettingsCommand(document, std::vector<PlanServerSettings>{std::move(settings)}, parent)
{
}

EditServerSettingsCommand::EditServerSettingsCommand(PlanDocument &document, std::vector<PlanServerSettings> settings,
                                                     QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_document(document)
    , m_new(std::move(settings))
{
    const ServerSettingsIndex owned(document.data().serverSettings);
    m_old.reserve(m_new.size());
    for (const PlanServerSettings &edited : m_new) {
        const PlanServerSettings *found = owned.find(edited.serverId);
        m_old.push_back(found ? *found : PlanServerSettings{edited.serverId, {}, {}});
    }
    setText(m_new.size() == 1
                ? QCoreApplication::translate("sms::models::ServerCommands", "Change the settings of server %1")
                      .arg(QString::fromStdString(m_new.front().serverId))
                : QCoreApplication::translate("sms::models::ServerCommands", "Change the settings of %n server(s)",
                                              nullptr, int(m_new.size())));
}

} // namespace sms::models
