#pragma once
// --output table for replication jobs and runs: one row per job or run with
// the columns a reader looks for (times in ISO 8601 as TimestampText writes
// them, a run's stage with its percentage), where the generic tables would
// flatten every run of every job into one cell.

#include "api/SmsTypes.h"

#include <string>
#include <vector>

namespace sms::cli {

// "Uploading 45%"; the run's state when it reports no stage.
std::string stageText(const api::ReplicationRun &run);

std::string jobsTable(const std::string &title, const std::vector<api::ReplicationJob> &jobs);
std::string runsTable(const std::string &title, const std::vector<api::ReplicationRun> &runs);

// A list command's table: the two above for jobs and runs (with the page's
// nextToken, if any), the generic tables for any other answer.
std::string responseTable(const std::string &operation, const api::GetReplicationJobsResponse &response);
std::string responseTable(const std::string &operation, const api::GetReplicationRunsResponse &response);

} // namespace sms::cli
