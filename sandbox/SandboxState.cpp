#include "sandbox/SandboxState.h"

#include "sandbox/SeededRandom.h"

#include <QRandomGenerator>

#include <algorithm>

namespace sms::sandbox {

int AppRecord::serverCount() const
{
    int count = 0;
    for (const ServerGroupRecord &group : groups)
        count += int(group.serverIds.size());
    return count;
}

SandboxState SandboxState::fromEstate(Estate estate, std::uint64_t seed)
{
    SandboxState state;
    state.catalogModified = estate.generatedAt.epochSeconds;
    state.estate = std::move(estate);
    state.seed = seed;
    state.tokenSecret.resize(32);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(state.tokenSecret.data()), 8);
    return state;
}

std::string SandboxState::nextId(std::string_view prefix)
{
    // mix64 is a bijection, so ids never repeat within one state.
    return std::string(prefix) + hexDigits(mix64(seed * 0x100000001b3ULL + ++idCounter), 17);
}

void SandboxState::reindexServers()
{
    m_serverIndex.clear();
    m_serverIndex.reserve(estate.servers.size());
    for (std::size_t i = 0; i < estate.servers.size(); ++i)
        m_serverIndex.emplace(*estate.servers[i].server.serverId, i);
}

EstateServer *SandboxState::findServer(std::string_view serverId)
{
    if (m_serverIndex.size() != estate.servers.size())
        reindexServers();
    const auto it = m_serverIndex.find(std::string(serverId));
    return it == m_serverIndex.end() ? nullptr : &estate.servers[it->second];
}

JobRecord *SandboxState::findJob(std::string_view jobId)
{
    const auto it = std::find_if(jobs.begin(), jobs.end(), [&](const JobRecord &job) { return job.id() == jobId; });
    return it == jobs.end() ? nullptr : &*it;
}

JobRecord *SandboxState::jobForServer(std::string_view serverId)
{
    const auto it = std::find_if(jobs.begin(), jobs.end(),
                                 [&](const JobRecord &job) { return job.serverId() == serverId; });
    return it == jobs.end() ? nullptr : &*it;
}

AppRecord *SandboxState::findApp(std::string_view appId)
{
    const auto it = std::find_if(apps.begin(), apps.end(), [&](const AppRecord &app) { return app.id == appId; });
    return it == apps.end() ? nullptr : &*it;
}

AppRecord *SandboxState::appOfServer(std::string_view serverId)
{
    for (AppRecord &app : apps)
        for (const ServerGroupRecord &group : app.groups)
            if (std::find(group.serverIds.begin(), group.serverIds.end(), serverId) != group.serverIds.end())
                return &app;
    return nullptr;
}

} // namespace sms::sandbox
