#pragma once
// The plan's applications and the endpoint's, in both directions:
// - AppRefresh reads every application (ListApps, then GetApp for each) into
//   plan applications;
// - AppPush writes plan applications to the endpoint (CreateApp, UpdateApp)
//   and deletes others (DeleteApp), and hands back the ids the endpoint gave,
//   so that the GUI can write them into the plan.
// Both are one-shot handlers: they report once through finished(), then
// delete themselves. The request building is in small free functions, which
// the later plan diff/apply engine shares.

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "client/SmsCall.h"
#include "models/PlanTypes.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sms::client {
class PagerBase;
class SmsClient;
} // namespace sms::client

namespace sms::services {

// What the endpoint calls an application and its server groups.
struct EndpointIds
{
    std::string appId;
    // The plan's group key and the endpoint's serverGroupId, for each group
    // of the plan application that could be matched in the answer.
    std::vector<std::pair<models::PlanKey, std::string>> serverGroupIds;
};

struct AppPushOutcome
{
    models::PlanKey appKey = models::kNoKey;
    Result<EndpointIds> ids;
};

struct AppDeletionOutcome
{
    std::string appId;
    Result<void> result;
};

// One outcome for every application given, in the order given; what a
// cancel left undone reports Canceled.
struct AppPushReport
{
    std::vector<AppPushOutcome> pushed;
    std::vector<AppDeletionOutcome> deleted;

    bool allSucceeded() const;
};

// --- request building -------------------------------------------------------

// A group as CreateApp and UpdateApp take it: name and server ids, and the
// serverGroupId when `keepId` and the group has one.
api::ServerGroup serverGroupRequest(const models::PlanServerGroup &group, bool keepId);
// CreateApp for an application without an appId (its group ids are dropped:
// they cannot belong to an application that does not exist yet).
api::CreateAppRequest createAppRequest(const models::PlanApplication &app);
// UpdateApp replaces the whole application: every group (an empty list
// removes them all), the description and the tags.
api::UpdateAppRequest updateAppRequest(const models::PlanApplication &app);
// Never forces: an application that replicates or runs stays, with SMS's reason.
api::DeleteAppRequest deleteAppRequest(const std::string &appId);

// --- reading answers ---------------------------------------------------------

// A GetApp answer as a plan application; keys are left kNoKey for the
// document to assign.
models::PlanApplication planApplicationFrom(const api::GetAppResponse &response);
// The same from its parts, as a snapshot keeps them (EndpointApplication).
models::PlanApplication planApplicationFrom(const api::AppSummary &summary, const std::vector<api::ServerGroup> &groups,
                                            const std::vector<api::Tag> &tags);
// Pairs the plan's groups with the answer's: by serverGroupId when the group
// has one, else by position when the names agree, else by unique name, else
// by position. Unmatched groups are left out.
std::vector<std::pair<models::PlanKey, std::string>>
matchServerGroups(const std::vector<models::PlanServerGroup> &plan, const std::vector<api::ServerGroup> &answer);

// The ids a CreateApp or UpdateApp answer gives the application and its
// groups (the answer lists the groups in the order they were sent).
template <typename Response>
Result<EndpointIds> endpointIdsFrom(const models::PlanApplication &app, const Result<Response> &response)
{
    if (!response)
        return response.error();
    EndpointIds ids;
    const auto &summary = response->appSummary;
    ids.appId = summary && summary->appId ? *summary->appId : app.appId;
    if (ids.appId.empty())
        return SmsError::make(ErrorCode::InvalidResponse, "the endpoint created the application without an appId");
    ids.serverGroupIds =
        matchServerGroups(app.serverGroups, response->serverGroups.value_or(std::vector<api::ServerGroup>{}));
    return ids;
}

// --- handlers ----------------------------------------------------------------

class AppRefresh : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaxInFlight = 4;

    // `client` must outlive the handler; `parent` is the context object.
    explicit AppRefresh(client::SmsClient &client, QObject *parent = nullptr);

    void start();
    // finished() reports Canceled.
    void cancel();

Q_SIGNALS:
    // Applications read so far, of how many ListApps named.
    void progress(int done, int total);
    // Every application, in ListApps' order.
    void finished(const sms::Result<std::vector<sms::models::PlanApplication>> &result);

private:
    void onListed(Result<api::ListAppsResponse> listed);
    void fetchNext();
    void onFetched(std::size_t index, Result<api::GetAppResponse> response);
    void finish(Result<std::vector<models::PlanApplication>> result);

    client::SmsClient &m_client;
    QPointer<client::PagerBase> m_pager;
    std::vector<std::string> m_appIds;
    std::vector<std::optional<models::PlanApplication>> m_apps;
    std::vector<client::CallHandle> m_calls;
    std::size_t m_next = 0;
    int m_done = 0;
    bool m_finished = false;
};

class AppPush : public QObject
{
    Q_OBJECT

public:
    // Applications without an appId are created, the others updated;
    // `deletions` are appIds to delete. Deletions go first, then updates,
    // then creations, so that servers freed by one are there for the next.
    AppPush(client::SmsClient &client, std::vector<models::PlanApplication> applications,
            std::vector<std::string> deletions, QObject *parent = nullptr);

    void start();
    // The call in flight is canceled (SMS may have done it anyway); what is
    // left reports Canceled.
    void cancel();

Q_SIGNALS:
    // Before each call: how many are done, of how many, and which is next
    // (an application's name, or the appId being deleted).
    void progress(int done, int total, const QString &current);
    void appPushed(const sms::services::AppPushOutcome &outcome);
    void appDeleted(const sms::services::AppDeletionOutcome &outcome);
    void finished(const sms::services::AppPushReport &report);

private:
    struct Step
    {
        enum class Kind { Delete, Update, Create } kind;
        std::size_t index;  // into m_deletions or m_applications
    };

    void runNext();
    void run(const Step &step);
    void onPushed(std::size_t index, Result<EndpointIds> ids);
    void onDeleted(std::size_t index, Result<void> result);
    void finish();

    client::SmsClient &m_client;
    std::vector<models::PlanApplication> m_applications;
    std::vector<std::string> m_deletions;
    std::vector<Step> m_steps;
    std::vector<std::optional<Result<EndpointIds>>> m_pushed;
    std::vector<std::optional<Result<void>>> m_deleted;
    client::CallHandle m_call;
    std::size_t m_next = 0;
    bool m_inFlight = false;
    bool m_canceled = false;
    bool m_finished = false;
};

} // namespace sms::services

Q_DECLARE_METATYPE(sms::services::AppPushOutcome)
Q_DECLARE_METATYPE(sms::services::AppDeletionOutcome)
Q_DECLARE_METATYPE(sms::services::AppPushReport)
Q_DECLARE_METATYPE(sms::Result<std::vector<sms::models::PlanApplication>>)
