#pragma once
// Reading the endpoint as one EndpointSnapshot (EndpointSnapshot.h), what the
// plan diff compares with and the apply engine works against:
// - readApplication() reads one application: GetApp,
//   GetAppReplicationConfiguration and GetAppLaunchConfiguration side by side
//   (the apply engine re-reads one before each step);
// - SnapshotReader pages ListApps and, beside it, GetServers (unless the
//   caller holds a fresh catalog), and reads every application the same
//   way, a window of them at a time.
// Both are one-shot: they report once (through the callback, through
// finished()), then delete themselves. An application deleted while it is
// read is not an error: it is "gone" (nullopt) and a snapshot leaves it out.

#include "api/Result.h"
#include "client/RequestWindow.h"
#include "client/SmsCall.h"
#include "services/CatalogLoader.h"  // kCatalogPageSize
#include "services/EndpointSnapshot.h"

#include <QMetaType>
#include <QObject>
#include <QPointer>

#include <algorithm>
#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sms::client {
class SmsClient;
} // namespace sms::client

namespace sms::services {

// --- reading answers ---------------------------------------------------------

// The four answers about `appId` as one snapshot entry. Configurations with
// no server groups (absent or empty) are nullopt: there is nothing to
// replicate or launch; so is a validation configuration with no validation.
// The summary's appId is `appId` when the answer lacks it.
EndpointApplication endpointApplicationFrom(const std::string &appId, api::GetAppResponse app,
                                            api::GetAppReplicationConfigurationResponse replication,
                                            api::GetAppLaunchConfigurationResponse launch,
                                            api::GetAppValidationConfigurationResponse validation = {});

// Whether a read of `appId` failed because the application no longer exists.
// SMS models no not-found error for applications: the sandbox answers
// InvalidParameterException "Application app-… does not exist.", so that code
// naming the id counts, as does a ResourceNotFoundException.
bool isApplicationGone(const SmsError &error, std::string_view appId);

// --- handlers ----------------------------------------------------------------

// The configurations a read asks for. ListApps says which an application has
// (replicationConfigurationStatus, launchConfigurationStatus), so a snapshot
// asks only for those; without a summary, both. Validation has no status: it
// is asked for unless the caller does not want it (a diff looks at it only
// where the plan manages validation). What is not asked for reads as none.
struct ConfigurationsToRead
{
    bool replication = true;
    bool launch = true;
    bool validation = true;
};

// What a summary says exists; a status missing or unknown reads as present.
ConfigurationsToRead configurationsOf(const api::AppSummary &summary);

// nullopt: the application does not exist (any more).
using ApplicationRead = Result<std::optional<EndpointApplication>>;
// Handed over by value, as SmsClient's callbacks are, so a receiver may move
// out of it (an application of 100 servers holds 300 of them).
using ApplicationCallback = std::function<void(ApplicationRead)>;

class ApplicationReader : public QObject
{
    Q_OBJECT

public:
    // `client` must outlive the reader. The reader is a child of `context`:
    // `done` runs once, unless the context is destroyed first.
    ApplicationReader(client::SmsClient &client, std::string appId, QObject *context, ApplicationCallback done,
                      ConfigurationsToRead configurations = {});
    ~ApplicationReader() override;

    // The calls (up to four) go out at once.
    void start();
    // `done` gets Canceled.
    void cancel();

private:
    template <typename Response>
    void onAnswer(std::optional<Response> &slot, Result<Response> answer);
    void finish(ApplicationRead result);

    client::SmsClient &m_client;
    std::string m_appId;
    ApplicationCallback m_done;
    ConfigurationsToRead m_configurations;
    std::optional<api::GetAppResponse> m_app;
    std::optional<api::GetAppReplicationConfigurationResponse> m_replication;
    std::optional<api::GetAppLaunchConfigurationResponse> m_launch;
    std::optional<api::GetAppValidationConfigurationResponse> m_validation;
    std::array<client::CallHandle, 4> m_calls;
    bool m_finished = false;
};

using ApplicationReadHandle = QPointer<ApplicationReader>;

// Starts reading one application; the first error (or "gone") ends the read
// and cancels the other calls.
ApplicationReadHandle readApplication(client::SmsClient &client, std::string appId, QObject *context,
                                      ApplicationCallback done, ConfigurationsToRead configurations = {});

// What a snapshot holds: the catalog part is optional because a caller that
// already holds a fresh catalog need not download 100,000 servers again.
enum class SnapshotScope { Everything, ApplicationsOnly, CatalogOnly };

class SnapshotReader : public QObject
{
    Q_OBJECT

public:
    // Applications read at once, up to four calls each (client/RequestWindow.h
    // says why about this many).
    static constexpr int kDefaultWindow = client::kRequestWindow;

    // `client` must outlive the reader; `parent` is the context object.
    SnapshotReader(client::SmsClient &client, SnapshotScope scope, QObject *parent = nullptr);

    void setWindow(int applications) { m_reads.setSize(applications); }
    void setCatalogPageSize(int servers) { m_catalogPageSize = servers; }
    // Reads these applications instead of every one ListApps names (Bring into
    // Plan reads only what the user chose); one that is gone is left out.
    void setApplications(std::vector<std::string> appIds);
    // Reads validation configurations of these applications only (sorted or
    // not); by default, of every one.
    void setValidationOnlyFor(std::vector<std::string> appIds);

    void start();
    // What is in flight is canceled; finished() reports Canceled.
    void cancel();

Q_SIGNALS:
    // Applications read so far, of how many ListApps has named so far (reads
    // start with the first page, so the total grows until the last).
    void progress(int done, int total);
    // Applications in ListApps' order, without those that went while read.
    void finished(const sms::Result<sms::services::EndpointSnapshot> &result);

private:
    // True when the read is over: finished before, or now by `result`'s error.
    template <typename T>
    bool endsOn(const Result<T> &result);
    void onAppsListed(const api::ListAppsResponse &page);
    void onCatalogDone(Result<api::GetServersResponse> merged);
    ConfigurationsToRead configurationsFor(const std::string &appId, ConfigurationsToRead listed) const;
    // Queues the reads of the applications from `first` on.
    void readFrom(std::size_t first);
    void onApplicationRead(std::size_t index, ApplicationRead read);
    void finishIfDone();
    void finish(Result<EndpointSnapshot> result);

    client::SmsClient &m_client;
    SnapshotScope m_scope;
    std::vector<std::string> m_appIds;  // in ListApps' order
    std::vector<ConfigurationsToRead> m_configurations;  // beside m_appIds
    std::optional<std::vector<std::string>> m_validationOnlyFor;  // sorted
    std::vector<std::optional<EndpointApplication>> m_apps;  // nullopt: gone (or not read yet)
    std::vector<api::Server> m_servers;
    client::RequestWindow m_reads{kDefaultWindow};
    int m_done = 0;
    int m_catalogPageSize = kCatalogPageSize;
    bool m_listed = false;
    bool m_chosen = false;  // setApplications() named the applications: no ListApps
    bool m_catalogRead = false;
    bool m_finished = false;
};

} // namespace sms::services

Q_DECLARE_METATYPE(sms::Result<sms::services::EndpointSnapshot>)
