#pragma once
// The values the replication charts draw (ui/monitor/), as the store keeps
// them (models/ReplicationStore.h). Plain values: a chart never reaches into
// the store, so it can be tested and benchmarked with made-up history.

#include <array>
#include <string>
#include <vector>

namespace sms::models {

// The buckets servers are counted in: a job's state, folded to what an
// engineer watches. A server with no job counts as NoJob.
enum class JobBucket { NoJob, Pending, Replicating, Completed, Failing, Paused, Failed, Count };
inline constexpr int kJobBucketCount = int(JobBucket::Count);

// An application's servers by bucket at one time.
struct StateSample
{
    double at = 0;  // epoch seconds (the pass's takenAt)
    // floats: an averaged bucket of older history holds fractions.
    std::array<float, kJobBucketCount> servers{};
};

// One application's history, oldest first, at most a few hundred samples:
// older samples are averaged into wider ones so that an hour or a day fits.
struct ApplicationHistory
{
    std::string appId;
    std::string name;
    std::vector<StateSample> samples;
};

// The latest counts of one application, for the summary bar chart.
struct ApplicationCounts
{
    std::string appId;
    std::string name;
    std::array<int, kJobBucketCount> servers{};
};

} // namespace sms::models
