#include "services/ReplicationControl.h"

#include "client/SmsClient.h"

#include <QDateTime>

namespace sms::services {
namespace {

std::optional<std::string> unlessEmpty(const std::string &text)
{
    return text.empty() ? std::nullopt : std::optional(text);
}

// Every answer but CreateReplicationJob's is empty: the caller learns only that it worked.
template <typename Response>
client::Callback<Response> emptyAnswer(std::function<void(Result<std::string>)> done)
{
    return [done = std::move(done)](Result<Response> answer) {
        if (answer)
            done(std::string());
        else
            done(answer.error());
    };
}

// The calls that name only the application and answer nothing.
template <typename Request, typename Response>
void callOnApp(client::SmsClient &client,
               client::CallHandle (client::SmsClient::*method)(const Request &, QObject *, client::Callback<Response>),
               const ReplicationTarget &target, QObject *context, std::function<void(Result<std::string>)> done)
{
    Request request;
    request.appId = target.appId;
    (client.*method)(request, context, emptyAnswer<Response>(std::move(done)));
}

api::CreateReplicationJobRequest createRequest(const ReplicationTarget &target)
{
    const api::ServerReplicationParameters &settings = target.settings;
    api::CreateReplicationJobRequest request;
    request.serverId = target.serverId;
    request.seedReplicationTime = settings.seedTime.value_or(api::Timestamp{double(QDateTime::currentSecsSinceEpoch())});
    request.frequency = settings.frequency;
    request.runOnce = settings.runOnce;
    request.licenseType = settings.licenseType;
    request.roleName = unlessEmpty(target.roleName);
    request.description = unlessEmpty(target.description);
    request.numberOfRecentAmisToKeep = settings.numberOfRecentAmisToKeep;
    request.encrypted = settings.encrypted;
    request.kmsKeyId = settings.kmsKeyId;
    return request;
}

api::UpdateReplicationJobRequest updateRequest(const ReplicationTarget &target)
{
    const api::ServerReplicationParameters &settings = target.settings;
    api::UpdateReplicationJobRequest request;
    request.replicationJobId = target.jobId;
    request.frequency = settings.frequency;
    request.nextReplicationRunStartTime = settings.seedTime;
    request.licenseType = settings.licenseType;
    request.roleName = unlessEmpty(target.roleName);
    request.description = unlessEmpty(target.description);
    request.numberOfRecentAmisToKeep = settings.numberOfRecentAmisToKeep;
    request.encrypted = settings.encrypted;
    request.kmsKeyId = settings.kmsKeyId;
    return request;
}

} // namespace

api::ServerReplicationParameters settingsOf(const api::ReplicationJob &job)
{
    api::ServerReplicationParameters settings;
    settings.frequency = job.frequency;
    settings.runOnce = job.runOnce;
    settings.licenseType = job.licenseType;
    settings.numberOfRecentAmisToKeep = job.numberOfRecentAmisToKeep;
    settings.encrypted = job.encrypted;
    settings.kmsKeyId = job.kmsKeyId;
    return settings;
}

void runReplicationAction(client::SmsClient &client, ReplicationAction action, const ReplicationTarget &target,
                          QObject *context, std::function<void(Result<std::string>)> done)
{
    switch (action) {
    case ReplicationAction::StartApplication:
        return callOnApp(client, &client::SmsClient::startAppReplication, target, context, std::move(done));
    case ReplicationAction::StopApplication:
        return callOnApp(client, &client::SmsClient::stopAppReplication, target, context, std::move(done));
    case ReplicationAction::ReplicateApplication: {
        api::StartOnDemandAppReplicationRequest request;
        request.appId = target.appId;
        request.description = unlessEmpty(target.description);
        client.startOnDemandAppReplication(request, context,
                                           emptyAnswer<api::StartOnDemandAppReplicationResponse>(std::move(done)));
        return;
    }
    case ReplicationAction::LaunchApplication:
        return callOnApp(client, &client::SmsClient::launchApp, target, context, std::move(done));
    case ReplicationAction::TerminateApplication:
        return callOnApp(client, &client::SmsClient::terminateApp, target, context, std::move(done));
    case ReplicationAction::CreateJob:
        client.createReplicationJob(createRequest(target), context,
                                    [done = std::move(done)](Result<api::CreateReplicationJobResponse> answer) {
                                        if (!answer)
                                            return done(answer.error());
                                        done(answer.value().replicationJobId.value_or(std::string()));
                                    });
        return;
    case ReplicationAction::UpdateJob:
        client.updateReplicationJob(updateRequest(target), context,
                                    emptyAnswer<api::UpdateReplicationJobResponse>(std::move(done)));
        return;
    case ReplicationAction::DeleteJob: {
        api::DeleteReplicationJobRequest request;
        request.replicationJobId = target.jobId;
        client.deleteReplicationJob(request, context, emptyAnswer<api::DeleteReplicationJobResponse>(std::move(done)));
        return;
    }
    case ReplicationAction::RunJob: {
        api::StartOnDemandReplicationRunRequest request;
        request.replicationJobId = target.jobId;
        request.description = unlessEmpty(target.description);
        client.startOnDemandReplicationRun(request, context,
                                           emptyAnswer<api::StartOnDemandReplicationRunResponse>(std::move(done)));
        return;
    }
    }
}

} // namespace sms::services
