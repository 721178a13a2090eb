#pragma once
// How many items each request of an --all listing asks for when no
// --page-size is given: the largest page the GUI asks for too, so that a
// listing makes as few round trips as it can (at 20 ms a round trip, 10,000
// servers in the service's default pages of 50 cost 200 of them). Jobs come
// 100 to a page, SMS's most, as each carries its whole run list.

#include "api/SmsTypes.h"
#include "services/CatalogLoader.h"  // kCatalogPageSize
#include "services/JobsPageSize.h"   // kMaxJobsPerPage

#include <type_traits>

namespace sms::cli {

template <typename Request>
constexpr int largestPage()
{
    return std::is_same_v<Request, api::GetReplicationJobsRequest> ? services::kMaxJobsPerPage
                                                                   : services::kCatalogPageSize;
}

} // namespace sms::cli
