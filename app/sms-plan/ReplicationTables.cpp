#include "ReplicationTables.h"

#include "TableRenderer.h"
#include "TimestampText.h"

#include <algorithm>

namespace sms::cli {
namespace {

std::string timeText(const std::optional<api::Timestamp> &time)
{
    return time ? isoTimestamp(time->epochSeconds) : std::string();
}

template <typename E>
std::string enumText(const std::optional<api::OpenEnum<E>> &value)
{
    return value ? std::string(value->toString()) : std::string();
}

// The run a job's row shows: the one scheduled last.
const api::ReplicationRun *latestRun(const api::ReplicationJob &job)
{
    if (!job.replicationRunList || job.replicationRunList->empty())
        return nullptr;
    const auto start = [](const api::ReplicationRun &run) {
        return run.scheduledStartTime ? run.scheduledStartTime->epochSeconds : 0.0;
    };
    return &*std::max_element(job.replicationRunList->begin(), job.replicationRunList->end(),
                              [&](const auto &a, const auto &b) { return start(a) < start(b); });
}

// The page's token, as the generic tables show it, then the list.
std::string withNextToken(const std::string &operation, const std::optional<std::string> &nextToken,
                          std::string list)
{
    if (!nextToken)
        return list;
    return renderRows(operation, {"Member", "Value"}, {{"nextToken", *nextToken}}) + list;
}

} // namespace

std::string stageText(const api::ReplicationRun &run)
{
    if (!run.stageDetails || !run.stageDetails->stage)
        return enumText(run.state);
    std::string text = *run.stageDetails->stage;
    if (const auto &progress = run.stageDetails->stageProgress; progress && !progress->empty()) {
        text += ' ';
        text += *progress;
        if (progress->back() != '%')
            text += '%';
    }
    return text;
}

std::string jobsTable(const std::string &title, const std::vector<api::ReplicationJob> &jobs)
{
    std::vector<std::vector<std::string>> rows;
    rows.reserve(jobs.size());
    for (const api::ReplicationJob &job : jobs) {
        const api::ReplicationRun *run = latestRun(job);
        rows.push_back({job.replicationJobId.value_or(""), job.serverId.value_or(""),
                        job.vmServer ? job.vmServer->vmName.value_or("") : std::string(), enumText(job.state),
                        job.frequency ? std::to_string(*job.frequency) + " h" : std::string(),
                        timeText(job.nextReplicationRunStartTime), run ? run->replicationRunId.value_or("") : "",
                        run ? stageText(*run) : std::string(), job.statusMessage.value_or("")});
    }
    return renderRows(title,
                      {"replicationJobId", "serverId", "vmName", "state", "frequency", "nextReplicationRunStartTime",
                       "latestRun", "stage", "statusMessage"},
                      rows);
}

std::string runsTable(const std::string &title, const std::vector<api::ReplicationRun> &runs)
{
    std::vector<std::vector<std::string>> rows;
    rows.reserve(runs.size());
    for (const api::ReplicationRun &run : runs)
        rows.push_back({run.replicationRunId.value_or(""), enumText(run.type), enumText(run.state),
                        timeText(run.scheduledStartTime), timeText(run.completedTime), stageText(run),
                        run.amiId.value_or(""), run.description.value_or(""), run.statusMessage.value_or("")});
    return renderRows(title,
                      {"replicationRunId", "type", "state", "scheduledStartTime", "completedTime", "stage", "amiId",
                       "description", "statusMessage"},
                      rows);
}

std::string responseTable(const std::string &operation, const api::GetReplicationJobsResponse &response)
{
    return withNextToken(operation, response.nextToken,
                         jobsTable(operation, response.replicationJobList.value_or(std::vector<api::ReplicationJob>())));
}

std::string responseTable(const std::string &operation, const api::GetReplicationRunsResponse &response)
{
    return withNextToken(operation, response.nextToken,
                         runsTable(operation, response.replicationRunList.value_or(std::vector<api::ReplicationRun>())));
}

} // namespace sms::cli
