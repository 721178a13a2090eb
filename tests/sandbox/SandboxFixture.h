#pragma once
// The sandbox's state, simulation clock and replication jobs as SandboxEngine
// wires them, on a wall clock the test steps, with the kinds of server a test
// picks from the estate, and the same with the application operations on top;
// the simulated times and small conversions the tests check against; and the
// requests several tests build alike. The replication, application and
// state-file tests share it, each adding the operations it drives.

#include "sandbox/AppConfigOperations.h"
#include "sandbox/AppLifecycleOperations.h"
#include "sandbox/AppOperations.h"
#include "sandbox/AppValidationOperations.h"
#include "sandbox/AppViews.h"
#include "sandbox/LocalBucket.h"
#include "sandbox/ReplicationOperations.h"

#include <QString>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sms::sandbox::testing {

inline constexpr double kStart = 1'750'000'000;  // simulated time at wall clock zero
inline constexpr double kHour = 3600;
inline constexpr double kDay = 24 * kHour;
inline constexpr double kLongestRun = 121;  // a replication run lasts 60 to 120 simulated seconds

inline QString qs(const std::string &text)
{
    return QString::fromStdString(text);
}

template <typename E>
QString qs(const std::optional<api::OpenEnum<E>> &value)
{
    if (!value)
        return QStringLiteral("(absent)");
    const std::string_view text = value->toString();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The error code of a result, or "(ok)".
template <typename T>
QString codeOf(const Result<T> &result)
{
    return result.ok() ? QStringLiteral("(ok)") : qs(result.error().code);
}

// A server as requests name it: by id alone.
inline api::Server serverWithId(const std::string &id)
{
    api::Server server;
    server.serverId = id;
    return server;
}

// One group configuration per group of `app`, in order, listing in its
// `entries` one entry per server, named by id and completed by `fill(entry)`.
template <typename Group, typename Entry, typename Fill>
std::vector<Group> everyServer(const AppRecord &app, std::optional<std::vector<Entry>> Group::*entries, Fill fill)
{
    std::vector<Group> groups;
    for (const ServerGroupRecord &record : app.groups) {
        Group &group = groups.emplace_back();
        group.serverGroupId = record.id;
        auto &list = (group.*entries).emplace();
        for (const std::string &id : record.serverIds) {
            Entry &entry = list.emplace_back();
            entry.server = serverWithId(id);
            fill(entry);
        }
    }
    return groups;
}

// A replication configuration covering every server of `app`, each with `params`.
inline api::PutAppReplicationConfigurationRequest replicateEveryServer(const AppRecord &app,
                                                                       const api::ServerReplicationParameters &params)
{
    api::PutAppReplicationConfigurationRequest request;
    request.appId = app.id;
    request.serverGroupReplicationConfigurations
        = everyServer(app, &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations,
                      [&](api::ServerReplicationConfiguration &entry) { entry.serverReplicationParameters = params; });
    return request;
}

// A launch configuration covering every server of `app`: each group launched
// in its order, each server "ServerN" on a t3.small. The caller sets what else
// it needs (autoLaunch, roleName, associatePublicIpAddress).
inline api::PutAppLaunchConfigurationRequest launchEveryServer(const AppRecord &app)
{
    api::PutAppLaunchConfigurationRequest request;
    request.appId = app.id;
    int n = 0;
    request.serverGroupLaunchConfigurations
        = everyServer(app, &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations,
                      [&](api::ServerLaunchConfiguration &entry) {
                          entry.logicalId = "Server" + std::to_string(++n);
                          entry.instanceType = "t3.small";
                      });
    int order = 0;
    for (api::ServerGroupLaunchConfiguration &group : *request.serverGroupLaunchConfigurations)
        group.launchOrder = ++order;
    return request;
}

// A validation configuration for `app`: an app-level SSM "smoke test" and a
// user-data "web check" of the first server of its first group.
inline api::PutAppValidationConfigurationRequest smokeAndWebCheck(const AppRecord &app)
{
    api::PutAppValidationConfigurationRequest request;
    request.appId = app.id;
    api::AppValidationConfiguration smoke;
    smoke.name = "smoke test";
    smoke.appValidationStrategy = api::AppValidationStrategy::Ssm;
    auto &ssm = smoke.ssmValidationParameters.emplace();
    ssm.instanceId = "i-0123456789abcdef0";
    ssm.command = "curl -f http://localhost/health";
    ssm.scriptType = api::ScriptType::ShellScript;
    request.appValidationConfigurations = std::vector<api::AppValidationConfiguration>{smoke};
    api::ServerGroupValidationConfiguration group;
    group.serverGroupId = app.groups.front().id;
    api::ServerValidationConfiguration check;
    check.server = serverWithId(app.groups.front().serverIds.front());
    check.name = "web check";
    check.serverValidationStrategy = api::ServerValidationStrategy::Userdata;
    group.serverValidationConfigurations = std::vector<api::ServerValidationConfiguration>{check};
    request.serverGroupValidationConfigurations = std::vector<api::ServerGroupValidationConfiguration>{group};
    return request;
}

enum class Kind { Replicable, NotReplicable, UnhealthyConnector };

class SandboxFixture
{
public:
    SandboxFixture(std::size_t servers, std::uint64_t seed, double failureRate)
        : state(SandboxState::fromEstate(generateEstate(servers, seed), seed))
        , tokens(state.tokenSecret)
        , clock(api::Timestamp{kStart}, 1.0, [this] { return wall; })
        , replication(state, tokens, clock)
    {
        state.failureRate = failureRate;
    }
    virtual ~SandboxFixture() = default;
    SandboxFixture(const SandboxFixture &) = delete;
    SandboxFixture &operator=(const SandboxFixture &) = delete;

    // Brings the simulation to now, as sms-local does before every request.
    virtual void advance() { replication.advance(); }
    // Moves simulated time to `seconds` after kStart, as a request to sms-local would.
    void at(double seconds)
    {
        wall = std::chrono::milliseconds(std::llround(seconds * 1000));
        advance();
    }
    double now() const { return clock.now().epochSeconds; }

    // The estate's servers of one kind, in catalog order.
    std::vector<std::string> servers(Kind kind) const
    {
        std::vector<std::string> ids;
        for (const EstateServer &entry : state.estate.servers) {
            const Kind found = !entry.replicable                  ? Kind::NotReplicable
                : state.hasHealthyConnector(entry) ? Kind::Replicable
                                                   : Kind::UnhealthyConnector;
            if (found == kind)
                ids.push_back(*entry.server.serverId);
        }
        return ids;
    }

    std::chrono::milliseconds wall{0};
    SandboxState state;
    PageTokens tokens;
    SimulationClock clock;
    ReplicationOperations replication;
};

// The fixture with the application operations wired over it, as SandboxEngine
// wires them; advancing brings both replication and applications to now.
class AppSandboxFixture : public SandboxFixture
{
public:
    AppSandboxFixture(const QString &s3Dir, std::size_t servers, std::uint64_t seed)
        : SandboxFixture(servers, seed, 0.0)
        , views(state, replication, clock, "us-east-1")
        , lifecycle(state, views, replication, LocalBucket(s3Dir), clock)
        , apps(state, views, lifecycle, tokens, clock)
        , configs(state, views, clock)
        , validation(state, views, clock)
    {
    }

    void advance() override
    {
        replication.advance();
        lifecycle.advance();
    }

    // A request naming `appId`, the rest left to the caller.
    template <typename Request>
    static Request forApp(const std::string &appId)
    {
        Request request;
        request.appId = appId;
        return request;
    }

    AppViews views;
    AppLifecycleOperations lifecycle;
    AppOperations apps;
    AppConfigOperations configs;
    AppValidationOperations validation;
};

} // namespace sms::sandbox::testing
