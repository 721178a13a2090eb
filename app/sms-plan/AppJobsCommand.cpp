#include "AppJobsCommand.h"

#include "AllPages.h"
#include "ConsoleOutput.h"
#include "ErrorReport.h"
#include "ExitCodes.h"
#include "ReplicationTables.h"

#include "client/Pager.h"
#include "services/AppLookup.h"

#include <cstdio>
#include <memory>
#include <set>

namespace sms::cli {

AppJobsCommand::AppJobsCommand(CommandLine line, QObject *parent)
    : Command(parent)
    , m_line(std::move(line))
{
}

QString AppJobsCommand::usageProblem() const
{
    // The application's jobs are found on every page, so there is no page to start from.
    if (!m_line.startingToken.isEmpty())
        return QStringLiteral("jobs list --app reads every page; it takes no --starting-token");
    return {};
}

void AppJobsCommand::start(client::SmsClient &client)
{
    m_client = &client;
    services::lookUpApp(client, m_line.app, this, [this](Result<api::AppSummary> app) {
        if (!app)
            return finish(reportLookupError(app.error()));
        m_client->getApp({app->appId}, this, [this](Result<api::GetAppResponse> detail) {
            if (!detail)
                return finish(reportCallError("GetApp", detail.error()));
            listJobs(services::replicationJobIdsOf(detail.value()));
        });
    });
}

void AppJobsCommand::listJobs(const std::vector<std::string> &jobIds)
{
    auto wanted = std::make_shared<std::set<std::string>>(jobIds.begin(), jobIds.end());
    auto jobs = std::make_shared<std::vector<api::ReplicationJob>>();
    api::GetReplicationJobsRequest request;
    request.maxResults = m_line.pageSize.value_or(largestPage<api::GetReplicationJobsRequest>());
    client::paginate(
        *m_client, std::move(request), this,
        [wanted, jobs](api::GetReplicationJobsResponse &page) {
            if (!page.replicationJobList)
                return;
            for (api::ReplicationJob &job : *page.replicationJobList)
                if (job.replicationJobId && wanted->count(*job.replicationJobId))
                    jobs->push_back(std::move(job));
        },
        [this, jobs](Result<api::GetReplicationJobsResponse> merged) {
            if (!merged)
                return finish(reportCallError("GetReplicationJobs", merged.error()));
            if (m_line.output == OutputFormat::Table) {
                writeOut(jobsTable("GetReplicationJobs", *jobs), stdout);
            } else {
                api::GetReplicationJobsResponse response;
                response.replicationJobList = std::move(*jobs);
                writeOut(api::serialize(response, 4) + "\n", stdout);
            }
            finish(Success);
        },
        client::PageItems::Drop);
}

} // namespace sms::cli
