#include "services/EndpointLists.h"

#include "client/Pager.h"

#include <memory>

namespace sms::services {

void loadReplicationJobs(client::SmsClient &client, QObject *context, ReplicationJobsCallback done)
{
    auto jobs = std::make_shared<std::vector<models::ReplicationJobSummary>>();
    api::GetReplicationJobsRequest request;
    request.maxResults = 100;
    client::paginate(
        client, request, context,
        [jobs](const api::GetReplicationJobsResponse &page) {
            if (!page.replicationJobList)
                return;
            for (const api::ReplicationJob &job : *page.replicationJobList) {
                if (!job.replicationJobId)
                    continue;
                jobs->push_back({*job.replicationJobId, job.serverId.value_or(std::string()),
                                 job.state.value_or(api::OpenEnum<api::ReplicationJobState>()),
                                 job.statusMessage.value_or(std::string()), job.latestAmiId.value_or(std::string())});
            }
        },
        [jobs, done = std::move(done)](Result<api::GetReplicationJobsResponse> merged) {
            if (!merged)
                done(merged.error());
            else
                done(std::move(*jobs));
        },
        client::PageItems::Drop);
}

void loadConnectors(client::SmsClient &client, QObject *context, ConnectorsCallback done)
{
    client::paginate(client, api::GetConnectorsRequest{}, context, nullptr,
                     [done = std::move(done)](Result<api::GetConnectorsResponse> merged) {
                         if (!merged)
                             done(merged.error());
                         else
                             done(std::move(merged.value().connectorList).value_or(std::vector<api::Connector>()));
                     });
}

} // namespace sms::services
