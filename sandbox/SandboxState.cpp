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

EstateServer *SandboxState::findServer(std::string_view serverId)
{
    if (m_serverIndex.size() != estate.servers.size()) {  // the catalog is replaced, never edited
        m_serverIndex.clear();
        m_serverIndex.reserve(estate.servers.size());
        for (std::size_t i = 0; i < estate.servers.size(); ++i)
            m_serverIndex.emplace(*estate.servers[i].server.serverId, i);
    }
    const auto it = m_serverIndex.find(std::string(serverId));
    return it == m_serverIndex.end() ? nullptr : &estate.servers[it->second];
}

EstateServer *SandboxState::catalogServer(std::string_view serverId)
{
    return catalogStatus == api::ServerCatalogStatus::Available ? findServer(serverId) : nullptr;
}

bool SandboxState::hasHealthyConnector(const EstateServer &server) const
{
    const auto &managerId = server.server.vmServer->vmServerAddress->vmManagerId;
    return std::any_of(estate.connectors.begin(), estate.connectors.end(), [&](const api::Connector &c) {
        return c.vmManagerId == managerId && c.status == api::ConnectorStatus::Healthy;
    });
}

void SandboxState::indexJobs()
{
    // Valid while every job is indexed: jobs are only appended (addJob, or a
    // state being loaded) and eraseJob empties the index.
    if (m_jobIndex.size() == jobs.size() && m_jobOfServer.size() == jobs.size())
        return;
    m_jobIndex.clear();
    m_jobOfServer.clear();
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        m_jobIndex.emplace(jobs[i].id(), i);
        m_jobOfServer.emplace(jobs[i].serverId(), i);
    }
}

JobRecord &SandboxState::addJob(JobRecord job)
{
    indexJobs();
    jobs.push_back(std::move(job));
    m_jobIndex.emplace(jobs.back().id(), jobs.size() - 1);
    m_jobOfServer.emplace(jobs.back().serverId(), jobs.size() - 1);
    return jobs.back();
}

void SandboxState::eraseJob(std::string_view jobId)
{
    const auto it = std::find_if(jobs.begin(), jobs.end(), [&](const JobRecord &job) { return job.id() == jobId; });
    if (it == jobs.end())
        return;
    jobs.erase(it);
    m_jobIndex.clear();  // positions moved; rebuilt on the next look-up
    m_jobOfServer.clear();
}

JobRecord *SandboxState::findJob(std::string_view jobId)
{
    indexJobs();
    const auto it = m_jobIndex.find(std::string(jobId));
    return it == m_jobIndex.end() ? nullptr : &jobs[it->second];
}

JobRecord *SandboxState::jobForServer(std::string_view serverId)
{
    indexJobs();
    const auto it = m_jobOfServer.find(std::string(serverId));
    return it == m_jobOfServer.end() ? nullptr : &jobs[it->second];
}

AppRecord *SandboxState::findApp(std::string_view appId)
{
    const auto it = std::find_if(apps.begin(), apps.end(), [&](const AppRecord &app) { return app.id == appId; });
    return it == apps.end() ? nullptr : &*it;
}

AppRecord *SandboxState::appOfServer(std::string_view serverId)
{
    if (m_appIndex.empty()) {
        for (std::size_t i = 0; i < apps.size(); ++i)
            for (const ServerGroupRecord &group : apps[i].groups)
                for (const std::string &id : group.serverIds)
                    m_appIndex.emplace(id, i);
    }
    const auto it = m_appIndex.find(std::string(serverId));
    return it == m_appIndex.end() ? nullptr : &apps[it->second];
}

} // namespace sms::sandbox
