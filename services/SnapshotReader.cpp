#include "services/SnapshotReader.h"

#include "client/Pager.h"

#include <algorithm>

namespace sms::services {
namespace {

// SMS's default and documented page of applications.
constexpr int kListAppsPageSize = 100;

template <typename Request>
Request forApp(const std::string &appId)
{
    Request request;
    request.appId = appId;
    return request;
}

// A configuration with no server groups configures nothing.
template <typename Groups>
bool hasGroups(const std::optional<Groups> &groups)
{
    return groups && !groups->empty();
}

} // namespace

EndpointApplication endpointApplicationFrom(const std::string &appId, api::GetAppResponse app,
                                            api::GetAppReplicationConfigurationResponse replication,
                                            api::GetAppLaunchConfigurationResponse launch,
                                            api::GetAppValidationConfigurationResponse validation)
{
    EndpointApplication entry;
    entry.summary = std::move(app.appSummary).value_or(api::AppSummary{});
    if (!entry.summary.appId)
        entry.summary.appId = appId;
    entry.serverGroups = std::move(app.serverGroups).value_or(std::vector<api::ServerGroup>{});
    entry.tags = std::move(app.tags).value_or(std::vector<api::Tag>{});
    if (hasGroups(replication.serverGroupReplicationConfigurations))
        entry.replication = std::move(replication.serverGroupReplicationConfigurations);
    if (hasGroups(launch.serverGroupLaunchConfigurations))
        entry.launch = std::move(launch);
    if (hasGroups(validation.appValidationConfigurations) || hasGroups(validation.serverGroupValidationConfigurations))
        entry.validation = std::move(validation);
    return entry;
}

ConfigurationsToRead configurationsOf(const api::AppSummary &summary)
{
    return {.replication = summary.replicationConfigurationStatus != api::AppReplicationConfigurationStatus::NotConfigured,
            .launch = summary.launchConfigurationStatus != api::AppLaunchConfigurationStatus::NotConfigured};
}

bool isApplicationGone(const SmsError &error, std::string_view appId)
{
    if (error.code == "ResourceNotFoundException")
        return true;
    return error.errorCode() == ErrorCode::InvalidParameterException && !appId.empty()
        && error.message.find(appId) != std::string::npos;
}

// --- ApplicationReader -------------------------------------------------------

ApplicationReader::ApplicationReader(client::SmsClient &client, std::string appId, QObject *context,
                                     ApplicationCallback done, ConfigurationsToRead configurations)
    : QObject(context)
    , m_client(client)
    , m_appId(std::move(appId))
    , m_done(std::move(done))
    , m_configurations(configurations)
{
    // What is not asked for is known to be empty.
    if (!m_configurations.replication)
        m_replication.emplace();
    if (!m_configurations.launch)
        m_launch.emplace();
    if (!m_configurations.validation)
        m_validation.emplace();
}

ApplicationReader::~ApplicationReader()
{
    // The context went away: stop the calls in flight too.
    client::cancelCalls(m_calls, this);
}

void ApplicationReader::start()
{
    if (m_finished)
        return;
    m_calls[0] = m_client.getApp(forApp<api::GetAppRequest>(m_appId), this,
                                 [this](Result<api::GetAppResponse> r) { onAnswer(m_app, std::move(r)); });
    if (m_configurations.replication)
        m_calls[1] = m_client.getAppReplicationConfiguration(
            forApp<api::GetAppReplicationConfigurationRequest>(m_appId), this,
            [this](Result<api::GetAppReplicationConfigurationResponse> r) { onAnswer(m_replication, std::move(r)); });
    if (m_configurations.launch)
        m_calls[2] = m_client.getAppLaunchConfiguration(
            forApp<api::GetAppLaunchConfigurationRequest>(m_appId), this,
            [this](Result<api::GetAppLaunchConfigurationResponse> r) { onAnswer(m_launch, std::move(r)); });
    if (m_configurations.validation)
        m_calls[3] = m_client.getAppValidationConfiguration(
            forApp<api::GetAppValidationConfigurationRequest>(m_appId), this,
            [this](Result<api::GetAppValidationConfigurationResponse> r) { onAnswer(m_validation, std::move(r)); });
}

void ApplicationReader::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "the read of application " + m_appId + " was canceled"));
}

template <typename Response>
void ApplicationReader::onAnswer(std::optional<Response> &slot, Result<Response> answer)
{
    if (m_finished)
        return;
    if (!answer) {
        if (isApplicationGone(answer.error(), m_appId))
            finish(std::optional<EndpointApplication>());
        else
            finish(answer.error());
        return;
    }
    slot = std::move(answer.value());
    if (m_app && m_replication && m_launch && m_validation)
        finish(std::optional(endpointApplicationFrom(m_appId, std::move(*m_app), std::move(*m_replication),
                                                     std::move(*m_launch), std::move(*m_validation))));
}

void ApplicationReader::finish(ApplicationRead result)
{
    if (m_finished)
        return;
    m_finished = true;
    // The calls still in flight answer Canceled, which m_finished ignores.
    client::cancelCalls(m_calls);
    // The callback may destroy our context, and with it us: nothing of ours
    // is touched after it.
    auto done = std::move(m_done);
    deleteLater();
    done(std::move(result));
}

ApplicationReadHandle readApplication(client::SmsClient &client, std::string appId, QObject *context,
                                      ApplicationCallback done, ConfigurationsToRead configurations)
{
    auto *reader = new ApplicationReader(client, std::move(appId), context, std::move(done), configurations);
    reader->start();
    return reader;
}

// --- SnapshotReader ----------------------------------------------------------

SnapshotReader::SnapshotReader(client::SmsClient &client, SnapshotScope scope, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_scope(scope)
{
}

void SnapshotReader::setApplications(std::vector<std::string> appIds)
{
    m_appIds = std::move(appIds);
    m_apps.resize(m_appIds.size());
    m_chosen = true;
}

void SnapshotReader::setValidationOnlyFor(std::vector<std::string> appIds)
{
    std::sort(appIds.begin(), appIds.end());
    m_validationOnlyFor = std::move(appIds);
}

ConfigurationsToRead SnapshotReader::configurationsFor(const std::string &appId, ConfigurationsToRead listed) const
{
    if (m_validationOnlyFor)
        listed.validation = std::binary_search(m_validationOnlyFor->begin(), m_validationOnlyFor->end(), appId);
    return listed;
}

void SnapshotReader::start()
{
    if (m_finished)
        return;
    m_listed = m_scope == SnapshotScope::CatalogOnly || m_chosen;
    m_catalogRead = m_scope == SnapshotScope::ApplicationsOnly;
    if (m_chosen && m_scope != SnapshotScope::CatalogOnly) {
        for (const std::string &appId : m_appIds)
            m_configurations.push_back(configurationsFor(appId, {}));
        readFrom(0);
        // Queued, as every other answer is: no finished() from inside start().
        QMetaObject::invokeMethod(this, [this] { finishIfDone(); }, Qt::QueuedConnection);
    }
    if (!m_listed) {
        api::ListAppsRequest request;
        request.maxResults = kListAppsPageSize;
        // Reads start with the first page; the pager asks for the next one first.
        client::paginate(
            m_client, request, this, [this](api::ListAppsResponse &page) { onAppsListed(page); },
            [this](Result<api::ListAppsResponse> done) {
                if (endsOn(done))
                    return;
                m_listed = true;
                finishIfDone();
            },
            client::PageItems::Drop);
    }
    if (!m_catalogRead) {
        api::GetServersRequest request;
        request.maxResults = m_catalogPageSize;
        client::paginate(m_client, request, this, {}, [this](Result<api::GetServersResponse> merged) {
            onCatalogDone(std::move(merged));
        });
    }
}

void SnapshotReader::cancel()
{
    finish(SmsError::make(ErrorCode::Canceled, "the endpoint read was canceled"));
}

template <typename T>
bool SnapshotReader::endsOn(const Result<T> &result)
{
    if (!m_finished && !result)
        finish(result.error());
    return m_finished;
}

void SnapshotReader::onAppsListed(const api::ListAppsResponse &page)
{
    if (m_finished || !page.apps)
        return;
    const std::size_t first = m_appIds.size();
    for (const api::AppSummary &app : *page.apps) {
        if (app.appId) {
            m_appIds.push_back(*app.appId);
            m_configurations.push_back(configurationsFor(*app.appId, configurationsOf(app)));
        }
    }
    m_apps.resize(m_appIds.size());
    // Act first, tell last: a receiver may cancel (or delete us) from progress().
    readFrom(first);
    Q_EMIT progress(m_done, int(m_appIds.size()));
}

void SnapshotReader::onCatalogDone(Result<api::GetServersResponse> merged)
{
    if (endsOn(merged))
        return;
    m_servers = std::move(merged.value().serverList).value_or(std::vector<api::Server>{});
    m_catalogRead = true;
    finishIfDone();
}

void SnapshotReader::readFrom(std::size_t first)
{
    for (std::size_t index = first; index < m_appIds.size(); ++index)
        m_reads.add([this, index] {
            readApplication(
                m_client, m_appIds[index], this,
                [this, index](ApplicationRead read) { onApplicationRead(index, std::move(read)); },
                m_configurations[index]);
        });
}

void SnapshotReader::onApplicationRead(std::size_t index, ApplicationRead read)
{
    if (endsOn(read))
        return;
    ++m_done;
    m_apps[index] = std::move(read.value());  // nullopt: it went while we read it
    m_reads.done();
    const QPointer<SnapshotReader> alive(this);
    Q_EMIT progress(m_done, int(m_appIds.size()));
    if (alive)
        finishIfDone();
}

void SnapshotReader::finishIfDone()
{
    if (!m_listed || !m_catalogRead || std::size_t(m_done) < m_appIds.size())
        return;
    EndpointSnapshot snapshot;
    snapshot.applications.reserve(m_apps.size());
    for (std::optional<EndpointApplication> &app : m_apps) {
        if (app)
            snapshot.applications.push_back(std::move(*app));
    }
    snapshot.servers = std::move(m_servers);
    finish(std::move(snapshot));
}

void SnapshotReader::finish(Result<EndpointSnapshot> result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_reads.clear();
    // Whatever is still walking or in flight answers Canceled, which
    // m_finished ignores.
    for (client::PagerBase *pager : findChildren<client::PagerBase *>(Qt::FindDirectChildrenOnly))
        pager->cancel();
    for (ApplicationReader *reader : findChildren<ApplicationReader *>(Qt::FindDirectChildrenOnly))
        reader->cancel();
    deleteLater();
    Q_EMIT finished(result);
}

} // namespace sms::services
