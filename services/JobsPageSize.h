#pragma once
// How many jobs the replication monitor asks for in a GetReplicationJobs page.
// Each job comes with replicationRunList, which SMS documents without a cap
// and sms-local fills with every run the job ever had: 100 jobs replicating
// hourly for 40 hours make a page of about 0.8 MB, read into one QByteArray,
// parsed (simdjson keeps buffers of about 14 times the largest document it
// parsed) and decoded on the GUI thread. So the page is sized from the
// longest run list the last pass saw, to hold about kRunsPerPage runs: what a
// page costs in memory and decoding time then stays the same however long
// the jobs have been replicating, at the price of more calls per pass.

#include <cstddef>

namespace sms::services {

// SMS's largest page (maxResults) for GetReplicationJobs.
inline constexpr int kMaxJobsPerPage = 100;
// About 200 KB of JSON in sms-local's answers (simdjson keeps some 4 MB for it).
inline constexpr std::size_t kRunsPerPage = 1000;
// Before a pass has seen the run lists: a quarter of the largest, so that
// the first read of jobs that have replicated for days is not one big answer.
inline constexpr int kFirstJobsPerPage = 25;

// maxResults for jobs whose longest replicationRunList held `longestRunList`
// runs: between 1 and kMaxJobsPerPage.
int jobsPerPageFor(std::size_t longestRunList);

} // namespace sms::services
