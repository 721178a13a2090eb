#include "services/JobsPageSize.h"

#include <algorithm>

namespace sms::services {

int jobsPerPageFor(std::size_t longestRunList)
{
    const std::size_t jobs = kRunsPerPage / std::max<std::size_t>(longestRunList, 1);
    return int(std::clamp<std::size_t>(jobs, 1, kMaxJobsPerPage));
}

} // namespace sms::services
