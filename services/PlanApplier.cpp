// The plan onto the endpoint, change by change from fresh reads; see the header.

#include "services/PlanApplier.h"

#include "client/RetryPolicy.h"
#include "client/SmsClient.h"
#include "models/PlanRules.h"

#include <QTimer>

#include <algorithm>
#include <iterator>

namespace sms::services {
namespace {

// Changes one application may need in a row before the run gives up on it:
// a create or update, then replication, launch and validation settings, with room for a
// change SMS made differently from what was asked.
constexpr int kMaxRoundsPerApplication = 8;

QString describe(const Change &change)
{
    return QStringLiteral("%1 %2").arg(QLatin1String(change.operation()),
                                       QString::fromStdString(inQuotes(change.appName)));
}

// The client method that sends a settings change.
template <typename Request>
constexpr auto settingsCall()
{
    using client::SmsClient;
    if constexpr (std::is_same_v<Request, api::PutAppReplicationConfigurationRequest>)
        return &SmsClient::putAppReplicationConfiguration;
    else if constexpr (std::is_same_v<Request, api::PutAppLaunchConfigurationRequest>)
        return &SmsClient::putAppLaunchConfiguration;
    else if constexpr (std::is_same_v<Request, api::DeleteAppReplicationConfigurationRequest>)
        return &SmsClient::deleteAppReplicationConfiguration;
    else if constexpr (std::is_same_v<Request, api::PutAppValidationConfigurationRequest>)
        return &SmsClient::putAppValidationConfiguration;
    else if constexpr (std::is_same_v<Request, api::DeleteAppValidationConfigurationRequest>)
        return &SmsClient::deleteAppValidationConfiguration;
    else
        return &SmsClient::deleteAppLaunchConfiguration;
}

// The application a successful read found; nullptr when it is not on the endpoint.
const EndpointApplication *liveOf(const ApplicationRead &read)
{
    return read->has_value() ? &read.value().value() : nullptr;
}

} // namespace

PlanApplier::PlanApplier(client::SmsClient &client, models::PlanData plan, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_plan(std::move(plan))
{
}

PlanApplier::~PlanApplier() = default;

void PlanApplier::start()
{
    readSnapshot();
}

void PlanApplier::startFrom(EndpointSnapshot snapshot)
{
    begin(snapshot.applications, std::move(snapshot.servers));
}

void PlanApplier::readSnapshot()
{
    auto *reader = new SnapshotReader(m_client, SnapshotScope::Everything, this);
    reader->setValidationOnlyFor(validationReadsFor(m_plan));
    connect(reader, &SnapshotReader::finished, this, &PlanApplier::onSnapshot);
    reader->start();
}

void PlanApplier::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "The apply was canceled. Run it again to finish it."));
    // What is in flight answers Canceled, which m_finished ignores.
    for (SnapshotReader *reader : findChildren<SnapshotReader *>(Qt::FindDirectChildrenOnly))
        reader->cancel();
    for (ApplicationReader *reader : findChildren<ApplicationReader *>(Qt::FindDirectChildrenOnly))
        reader->cancel();
    if (m_call)
        m_call->cancel();
}

void PlanApplier::onSnapshot(const Result<EndpointSnapshot> &snapshot)
{
    if (m_finished)
        return;
    if (!snapshot) {
        if (!retry(snapshot.error(), &PlanApplier::readSnapshot))
            fail("Reading the endpoint", snapshot.error());
        return;
    }
    m_tries = 0;
    begin(snapshot->applications, snapshot->servers);
}

void PlanApplier::begin(const std::vector<EndpointApplication> &applications, std::vector<api::Server> servers)
{
    m_endpointServers = std::move(servers);
    const ChangeSet changes = diffPlan(m_plan, applications, m_endpointServers);
    if (!changes.blockers.empty()) {
        std::string text = "The plan cannot be applied: some of its servers are not on the endpoint.";
        for (const std::string &blocker : changes.blockers)
            text += "\n  " + blocker;
        return finish(SmsError::make(ErrorCode::InvalidParameterException, text));
    }
    m_total = int(changes.changes.size());
    for (const Change &change : changes.changes)
        m_differing.push_back(change.application);
    std::sort(m_differing.begin(), m_differing.end());
    m_context = std::make_unique<DiffContext>(m_plan, m_endpointServers);
    nextApplication();
}

void PlanApplier::nextApplication()
{
    m_roundsOnApp = 0;
    // What the snapshot found matching is not read again here: the check at
    // the end reads every application anyway.
    while (m_app < m_plan.applications.size()
           && !std::binary_search(m_differing.begin(), m_differing.end(), m_plan.applications[m_app].key))
        ++m_app;
    if (m_app >= m_plan.applications.size())
        return nextRetired();
    readCurrent();
}

void PlanApplier::readCurrent()
{
    readAfresh(m_plan.applications[m_app], &PlanApplier::onCurrentRead);
}

void PlanApplier::readAfresh(const models::PlanApplication &app, void (PlanApplier::*then)(ApplicationRead))
{
    if (app.appId.empty())  // not on the endpoint: nothing to read
        return (this->*then)(std::optional<EndpointApplication>());
    readApplication(
        m_client, app.appId, this, [this, then](ApplicationRead read) { (this->*then)(std::move(read)); },
        {.validation = readsValidation(app)});
}

bool PlanApplier::readOk(const ApplicationRead &read, void (PlanApplier::*again)(), const std::string &what)
{
    if (read)
        return true;
    if (!retry(read.error(), again))
        fail(what, read.error());
    return false;
}

void PlanApplier::onCurrentRead(ApplicationRead read)
{
    if (m_finished)
        return;
    const models::PlanApplication &app = m_plan.applications[m_app];
    if (!readOk(read, &PlanApplier::readCurrent, "Reading " + inQuotes(app.name)))
        return;
    std::vector<std::string> blockers;
    const std::vector<Change> changes = diffApplication(*m_context, app, liveOf(read), blockers);
    if (!blockers.empty())
        return finish(SmsError::make(ErrorCode::InvalidParameterException,
                                     "The plan cannot be applied: " + blockers.front()));
    if (changes.empty()) {
        ++m_app;
        return nextApplication();
    }
    if (++m_roundsOnApp > kMaxRoundsPerApplication)
        return finish(SmsError::make(ErrorCode::InternalError,
                                     "The endpoint did not come to match " + inQuotes(app.name) + " after "
                                         + std::to_string(kMaxRoundsPerApplication) + " changes; the last one wanted: "
                                         + changes.front().operation() + ". Nothing after it was changed."));
    run(changes.front());
}

void PlanApplier::run(const Change &change)
{
    m_total = std::max(m_total, m_done + 1);
    Q_EMIT progress(m_done, m_total, describe(change));
    // Creates and updates are of the application in hand; deletions come after the last.
    const models::PlanApplication planApp
        = m_app < m_plan.applications.size() ? m_plan.applications[m_app] : models::PlanApplication{};
    const auto done = [this, change](Result<EndpointIds> result) { onChangeDone(change, result); };
    std::visit(
        [&](const auto &request) {
            using Request = std::decay_t<decltype(request)>;
            if constexpr (std::is_same_v<Request, api::CreateAppRequest>)
                m_call = m_client.createApp(request, this, [done, planApp](Result<api::CreateAppResponse> r) {
                    done(endpointIdsFrom(planApp, r));
                });
            else if constexpr (std::is_same_v<Request, api::UpdateAppRequest>)
                m_call = m_client.updateApp(request, this, [done, planApp](Result<api::UpdateAppResponse> r) {
                    done(endpointIdsFrom(planApp, r));
                });
            else if constexpr (std::is_same_v<Request, api::DeleteAppRequest>)
                m_call = m_client.deleteApp(request, this, [done, appId = *request.appId](Result<api::DeleteAppResponse> r) {
                    // Gone already (a delete whose answer was lost) is what was wanted.
                    done(r || isApplicationGone(r.error(), appId) ? Result<EndpointIds>(EndpointIds{appId, {}})
                                                                  : Result<EndpointIds>(r.error()));
                });
            else
                // Settings answer with nothing to record, only whether they took.
                m_call = (m_client.*settingsCall<Request>())(request, this, [done](auto r) {
                    done(r ? Result<EndpointIds>(EndpointIds{}) : Result<EndpointIds>(r.error()));
                });
        },
        change.request);
}

void PlanApplier::onChangeDone(const Change &change, const Result<EndpointIds> &result)
{
    if (m_finished)
        return;
    const bool deletion = std::holds_alternative<api::DeleteAppRequest>(change.request);
    if (!result) {
        if (!retry(result.error(), deletion ? &PlanApplier::nextRetired : &PlanApplier::readCurrent))
            fail(std::string(change.operation()) + " for " + inQuotes(change.appName), result.error());
        return;
    }
    m_tries = 0;
    ++m_done;
    if (deletion) {
        auto &retired = m_plan.retiredAppIds;
        retired.erase(std::remove(retired.begin(), retired.end(), result->appId), retired.end());
        Q_EMIT changeApplied(change);
        Q_EMIT retiredDeleted(QString::fromStdString(result->appId));
        return nextRetired();
    }
    if (!result->appId.empty())
        record(change.application, result.value());
    Q_EMIT changeApplied(change);
    readCurrent();
}

void PlanApplier::record(models::PlanKey application, const EndpointIds &ids)
{
    models::PlanApplication &app = m_plan.applications[m_app];
    if (app.key != application)
        return;
    app.appId = ids.appId;
    for (const auto &[key, groupId] : ids.serverGroupIds)
        for (models::PlanServerGroup &group : app.serverGroups)
            if (group.key == key)
                group.serverGroupId = groupId;
    Q_EMIT idsRecorded(application, ids);
}

void PlanApplier::nextRetired()
{
    // Never an application the plan holds, whatever made its data say both.
    models::dropHeldRetiredIds(m_plan);
    if (m_plan.retiredAppIds.empty())
        return verify();
    Change change;
    change.appId = m_plan.retiredAppIds.front();
    change.appName = change.appId;
    change.request = deleteAppRequest(change.appId);
    run(change);
}

void PlanApplier::verify()
{
    const std::size_t count = m_plan.applications.size();
    m_verifiedChanges.assign(count, {});
    m_toVerify = count;
    if (count == 0)
        return finish(m_done);
    for (std::size_t i = 0; i < count; ++i)
        m_verifyWindow.add([this, i] { verifyApplication(i, 0); });
}

void PlanApplier::verifyApplication(std::size_t index, int tries)
{
    if (m_finished)  // canceled while this read waited to be tried again
        return;
    const std::string &appId = m_plan.applications[index].appId;
    if (appId.empty())  // not on the endpoint: nothing to read
        return onVerified(index, tries, std::optional<EndpointApplication>());
    readApplication(
        m_client, appId, this,
        [this, index, tries](ApplicationRead read) { onVerified(index, tries, std::move(read)); },
        {.validation = readsValidation(m_plan.applications[index])});
}

void PlanApplier::onVerified(std::size_t index, int tries, ApplicationRead read)
{
    if (m_finished)
        return;
    const models::PlanApplication &app = m_plan.applications[index];
    if (!read) {
        // Each application has its own tries: a read of a thousand need not
        // succeed whole on a flaky connection.
        if (client::isRetryableError(read.error()) && tries + 1 < kMaxTries)
            QTimer::singleShot(100 * (tries + 1), this, [this, index, tries] { verifyApplication(index, tries + 1); });
        else
            fail("Reading " + inQuotes(app.name) + " after the changes", read.error());
        return;
    }
    std::vector<std::string> blockers;
    for (Change &change : diffApplication(*m_context, app, liveOf(read), blockers))
        if (change.certain())
            m_verifiedChanges[index].push_back(std::move(change));
    m_verifyWindow.done();
    if (--m_toVerify > 0)
        return;
    // In the plan's order, whatever order the answers came in.
    for (std::vector<Change> &changes : m_verifiedChanges)
        std::move(changes.begin(), changes.end(), std::back_inserter(m_remaining.changes));
    finish(m_done);
}

bool PlanApplier::retry(const SmsError &error, void (PlanApplier::*again)())
{
    if (!client::isRetryableError(error) || ++m_tries >= kMaxTries)
        return false;
    // The client has backed off already; a short pause lets a throttled endpoint breathe.
    QTimer::singleShot(100 * m_tries, this, again);
    return true;
}

void PlanApplier::fail(const std::string &what, const SmsError &error)
{
    SmsError stopped = error;
    stopped.message = what + " failed: " + error.message
                    + (error.message.ends_with('.') ? "" : ".") + " The changes after it were not made; apply again to resume.";
    finish(stopped);
}

void PlanApplier::finish(Result<int> result)
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(result);
}

std::string appliedSummary(int applied, const ChangeSet &remaining)
{
    std::string text = "Applied " + std::to_string(applied) + (applied == 1 ? " change" : " changes");
    if (!remaining.hasChanges())
        return text + "; a fresh read shows the endpoint matches the plan.";
    const std::size_t left = remaining.changes.size();
    text += ", but a fresh read shows the endpoint still differs from the plan (" + std::to_string(left)
          + (left == 1 ? " change" : " changes") + " left):";
    for (const Change &change : remaining.changes)
        text += "\n  " + std::string(change.operation()) + " " + inQuotes(change.appName) + ": " + change.why;
    return text;
}

} // namespace sms::services
