#include "sandbox/StateFile.h"

#include "api/JsonCodec.h"

#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <unordered_set>

namespace sms::sandbox {
namespace {

using api::Json;
constexpr std::string_view kFormat = "sms-local state";

// Record members that are API types travel through the API codec.
template <typename T>
Json encode(const T &value)
{
    return api::toJson(value);
}

template <typename T>
T decode(const Json &json, bool &ok)
{
    auto value = api::fromJson<T>(json);
    if (!value) {
        ok = false;
        return T{};
    }
    return std::move(value).value();
}

template <typename T>
Json encodeAll(const std::vector<T> &values)
{
    Json list = Json::array();
    for (const T &value : values)
        list.push_back(encode(value));
    return list;
}

template <typename T>
std::vector<T> decodeAll(const Json &json, bool &ok)
{
    std::vector<T> values;
    if (!json.is_array()) {
        ok = false;
        return values;
    }
    for (const Json &item : json)
        values.push_back(decode<T>(item, ok));
    return values;
}

template <typename T>
Json encodeOptional(const std::optional<T> &value)
{
    return value ? encode(*value) : Json();
}

template <typename T>
std::optional<T> decodeOptional(const Json &json, bool &ok)
{
    return json.is_null() ? std::nullopt : std::optional<T>(decode<T>(json, ok));
}

// Absent optionals are JSON nulls, both ways.
template <typename T>
Json orNull(const std::optional<T> &value)
{
    return value ? Json(*value) : Json();
}

template <typename T>
void readOptional(const Json &json, const char *key, std::optional<T> &out)
{
    if (const Json &value = json.at(key); !value.is_null())
        out = value.get<T>();
}

Json encodeRun(const RunRecord &run)
{
    return {{"id", run.id}, {"type", std::string(api::OpenEnum(run.type).toString())},
            {"description", orNull(run.description)}, {"start", run.start},
            {"duration", run.duration}, {"failsAt", orNull(run.failsAt)},
            {"failure", run.failure}, {"missed", run.missed}, {"amiId", run.amiId},
            {"amiDeleted", run.amiDeleted}, {"settled", run.settled},
            {"encrypted", orNull(run.encrypted)},
            {"kmsKeyId", orNull(run.kmsKeyId)}};
}

RunRecord decodeRun(const Json &json)
{
    RunRecord run;
    run.id = json.at("id").get<std::string>();
    run.type = api::OpenEnum<api::ReplicationRunType>::fromString(json.at("type").get<std::string>()).value();
    readOptional(json, "description", run.description);
    run.start = json.at("start").get<double>();
    run.duration = json.at("duration").get<double>();
    readOptional(json, "failsAt", run.failsAt);
    run.failure = json.at("failure").get<std::string>();
    run.missed = json.at("missed").get<bool>();
    run.amiId = json.at("amiId").get<std::string>();
    run.amiDeleted = json.at("amiDeleted").get<bool>();
    run.settled = json.at("settled").get<bool>();
    readOptional(json, "encrypted", run.encrypted);
    readOptional(json, "kmsKeyId", run.kmsKeyId);
    return run;
}

Json encodeJob(const JobRecord &job)
{
    Json runs = Json::array();
    for (const RunRecord &run : job.runs)
        runs.push_back(encodeRun(run));
    return {{"settings", encode(job.settings)}, {"randomKey", std::to_string(job.randomKey)}, {"runs", runs},
            {"onDemandStarts", job.onDemandStarts}, {"consecutiveFailures", job.consecutiveFailures},
            {"paused", job.paused}, {"appId", orNull(job.appId)}};
}

JobRecord decodeJob(const Json &json, bool &ok)
{
    JobRecord job;
    job.settings = decode<api::ReplicationJob>(json.at("settings"), ok);
    job.randomKey = std::stoull(json.at("randomKey").get<std::string>());
    for (const Json &run : json.at("runs"))
        job.runs.push_back(decodeRun(run));
    job.onDemandStarts = json.at("onDemandStarts").get<std::vector<double>>();
    job.consecutiveFailures = json.at("consecutiveFailures").get<int>();
    job.paused = json.at("paused").get<bool>();
    // Files saved before jobs recorded their application have no "appId".
    if (const auto appId = json.find("appId"); appId != json.end() && !appId->is_null())
        job.appId = appId->get<std::string>();
    return job;
}

Json encodeApp(const AppRecord &app)
{
    Json groups = Json::array();
    for (const ServerGroupRecord &group : app.groups)
        groups.push_back({{"id", group.id}, {"name", group.name}, {"serverIds", group.serverIds}});
    Json notices = Json::object();
    for (const auto &[id, notice] : app.validationNotices)
        notices[id] = {{"context", encode(notice.context)}, {"at", notice.at}};
    return {{"id", app.id}, {"name", app.name}, {"description", app.description}, {"roleName", app.roleName},
            {"clientToken", orNull(app.clientToken)},
            {"importedAppId", orNull(app.importedAppId)},
            {"creationTime", app.creationTime}, {"lastModified", app.lastModified}, {"groups", groups},
            {"tags", encodeAll(app.tags)},
            {"replication", app.replication ? encodeAll(*app.replication) : Json()},
            {"launch", encodeOptional(app.launch)}, {"validation", encodeOptional(app.validation)},
            {"validationNotices", notices}, {"replicationStarted", app.replicationStarted},
            {"replicationStopped", app.replicationStopped}, {"replicationStartedAt", app.replicationStartedAt},
            {"keptAmis", app.keptAmis},
            {"keptReplicationTime", orNull(app.keptReplicationTime)},
            {"launchedAt", orNull(app.launchedAt)},
            {"terminatedAt", orNull(app.terminatedAt)},
            {"templatesWritten", app.templatesWritten}};
}

AppRecord decodeApp(const Json &json, bool &ok)
{
    AppRecord app;
    app.id = json.at("id").get<std::string>();
    app.name = json.at("name").get<std::string>();
    app.description = json.at("description").get<std::string>();
    app.roleName = json.at("roleName").get<std::string>();
    readOptional(json, "clientToken", app.clientToken);
    readOptional(json, "importedAppId", app.importedAppId);
    app.creationTime = json.at("creationTime").get<double>();
    app.lastModified = json.at("lastModified").get<double>();
    for (const Json &group : json.at("groups"))
        app.groups.push_back({group.at("id").get<std::string>(), group.at("name").get<std::string>(),
                              group.at("serverIds").get<std::vector<std::string>>()});
    app.tags = decodeAll<api::Tag>(json.at("tags"), ok);
    if (!json.at("replication").is_null())
        app.replication = decodeAll<api::ServerGroupReplicationConfiguration>(json.at("replication"), ok);
    app.launch = decodeOptional<api::GetAppLaunchConfigurationResponse>(json.at("launch"), ok);
    app.validation = decodeOptional<api::GetAppValidationConfigurationResponse>(json.at("validation"), ok);
    for (const auto &[id, notice] : json.at("validationNotices").items())
        app.validationNotices[id] = {decode<api::NotificationContext>(notice.at("context"), ok),
                                     notice.at("at").get<double>()};
    app.replicationStarted = json.at("replicationStarted").get<bool>();
    app.replicationStopped = json.at("replicationStopped").get<bool>();
    app.replicationStartedAt = json.at("replicationStartedAt").get<double>();
    app.keptAmis = json.at("keptAmis").get<std::map<std::string, std::string>>();
    readOptional(json, "keptReplicationTime", app.keptReplicationTime);
    readOptional(json, "launchedAt", app.launchedAt);
    readOptional(json, "terminatedAt", app.terminatedAt);
    app.templatesWritten = json.at("templatesWritten").get<int>();
    return app;
}

// The ids the engine issues (SandboxState::nextId; ReplicationOperations for
// runs): a prefix and 17 lowercase hex digits. Template paths are made of
// them, so an id read from a file must have this shape: none can carry "/"
// or ".." out of the bucket.
constexpr std::string_view kAppPrefix = "app-";
constexpr std::string_view kImportedAppPrefix = "mh-app-";
constexpr std::string_view kGroupPrefix = "sg-";
constexpr std::string_view kJobPrefix = "sms-job-";
constexpr std::string_view kRunPrefix = "sms-run-";
constexpr std::string_view kValidationPrefix = "val-";
constexpr std::size_t kIdDigits = 17;

bool isIssuedId(std::string_view id, std::string_view prefix)
{
    const auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); };
    return id.size() == prefix.size() + kIdDigits && id.starts_with(prefix)
        && std::all_of(id.begin() + std::ptrdiff_t(prefix.size()), id.end(), hex);
}

std::string inQuotes(std::string_view text)
{
    return '"' + std::string(text) + '"';
}

// `what` (e.g. "server group id") with `id`, found `where`, is not one the engine issues.
std::string badId(std::string_view what, std::string_view id, std::string_view prefix, std::string_view where = {})
{
    return std::string(what) + ' ' + inQuotes(id) + std::string(where) + " is not an id sms-local issues ("
        + std::string(prefix) + "<17 hex digits>)";
}

using ServerIds = std::unordered_set<std::string_view>;

// The problems below are "<what, where>"; empty when there is none.

std::string catalogDamage(const Estate &estate, ServerIds &serverIds)
{
    serverIds.reserve(estate.servers.size());
    for (std::size_t i = 0; i < estate.servers.size(); ++i) {
        const api::Server &server = estate.servers[i].server;
        if (!server.serverId)
            return "server " + std::to_string(i + 1) + " of the catalog has no serverId";
        if (!serverIds.insert(*server.serverId).second)
            return "server " + inQuotes(*server.serverId) + " appears more than once in the catalog";
        // CreateReplicationJob dereferences it to find the server's connector.
        if (!server.vmServer || !server.vmServer->vmServerAddress || !server.vmServer->vmServerAddress->vmManagerId)
            return "server " + inQuotes(*server.serverId) + " of the catalog has no vmServer.vmServerAddress.vmManagerId";
    }
    for (std::size_t i = 0; i < estate.connectors.size(); ++i)
        if (!estate.connectors[i].connectorId)
            return "connector " + std::to_string(i + 1) + " has no connectorId";
    return {};
}

std::string jobsDamage(const std::vector<JobRecord> &jobs, const ServerIds &serverIds)
{
    std::unordered_set<std::string_view> jobIds;
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        const api::ReplicationJob &settings = jobs[i].settings;
        if (!settings.replicationJobId)
            return "replication job " + std::to_string(i + 1) + " has no replicationJobId";
        const std::string &id = *settings.replicationJobId;
        if (!isIssuedId(id, kJobPrefix))
            return badId("replication job id", id, kJobPrefix);
        if (!jobIds.insert(id).second)
            return "replication job " + inQuotes(id) + " appears more than once";
        if (!settings.serverId)
            return "replication job " + inQuotes(id) + " has no serverId";
        if (!serverIds.contains(*settings.serverId))
            return "replication job " + inQuotes(id) + " names server " + inQuotes(*settings.serverId)
                + ", which is not in the catalog";
        if (const auto &appId = jobs[i].appId; appId && !isIssuedId(*appId, kAppPrefix))
            return badId("application id", *appId, kAppPrefix, " of replication job " + inQuotes(id));
        for (const RunRecord &run : jobs[i].runs)
            if (!isIssuedId(run.id, kRunPrefix))
                return badId("replication run id", run.id, kRunPrefix, " of replication job " + inQuotes(id));
    }
    return {};
}

// A stored replication, launch or validation configuration: the engine looks
// its groups and servers up by id.
template <typename Group, typename Entry>
std::string configurationDamage(const std::optional<std::vector<Group>> &groups,
                                std::optional<std::vector<Entry>> Group::*entries, const std::string &where)
{
    for (const Group &group : groups.value_or(std::vector<Group>{})) {
        if (!group.serverGroupId)
            return "a server group configuration" + where + " has no serverGroupId";
        if (!isIssuedId(*group.serverGroupId, kGroupPrefix))
            return badId("server group id", *group.serverGroupId, kGroupPrefix, where);
        for (const Entry &entry : (group.*entries).value_or(std::vector<Entry>{}))
            if (!entry.server || !entry.server->serverId)
                return "a server configuration of server group " + inQuotes(*group.serverGroupId) + where
                    + " has no server with a serverId";
    }
    return {};
}

std::string validationDamage(const api::GetAppValidationConfigurationResponse &validation, const std::string &where)
{
    if (std::string problem
        = configurationDamage(validation.serverGroupValidationConfigurations,
                              &api::ServerGroupValidationConfiguration::serverValidationConfigurations, where);
        !problem.empty())
        return problem;
    // Their outputs and notifications are looked up by validationId.
    const auto check = [&](const std::optional<std::string> &id) -> std::string {
        if (!id)
            return "a validation configuration" + where + " has no validationId";
        return isIssuedId(*id, kValidationPrefix) ? std::string() : badId("validation id", *id, kValidationPrefix, where);
    };
    for (const auto &app : validation.appValidationConfigurations.value_or(std::vector<api::AppValidationConfiguration>{}))
        if (std::string problem = check(app.validationId); !problem.empty())
            return problem;
    for (const auto &group : validation.serverGroupValidationConfigurations.value_or(
             std::vector<api::ServerGroupValidationConfiguration>{}))
        for (const auto &server : group.serverValidationConfigurations.value_or(
                 std::vector<api::ServerValidationConfiguration>{}))
            if (std::string problem = check(server.validationId); !problem.empty())
                return problem;
    return {};
}

std::string appDamage(const AppRecord &app, const ServerIds &serverIds)
{
    const std::string where = " of application " + inQuotes(app.id);
    if (app.importedAppId && !isIssuedId(*app.importedAppId, kImportedAppPrefix))
        return badId("imported application id", *app.importedAppId, kImportedAppPrefix, where);
    for (const ServerGroupRecord &group : app.groups) {
        if (!isIssuedId(group.id, kGroupPrefix))
            return badId("server group id", group.id, kGroupPrefix, where);
        for (const std::string &serverId : group.serverIds)
            if (!serverIds.contains(serverId))
                return "server group " + inQuotes(group.id) + where + " names server " + inQuotes(serverId)
                    + ", which is not in the catalog";
    }
    std::string problem
        = configurationDamage(app.replication, &api::ServerGroupReplicationConfiguration::serverReplicationConfigurations,
                              where);
    if (problem.empty() && app.launch)
        problem = configurationDamage(app.launch->serverGroupLaunchConfigurations,
                                      &api::ServerGroupLaunchConfiguration::serverLaunchConfigurations, where);
    if (problem.empty() && app.validation)
        problem = validationDamage(*app.validation, where);
    if (!problem.empty())
        return problem;
    for (const auto &[validationId, notice] : app.validationNotices)
        if (!isIssuedId(validationId, kValidationPrefix))
            return badId("validation id", validationId, kValidationPrefix, where);
    return {};
}

std::string appsDamage(const std::vector<AppRecord> &apps, const ServerIds &serverIds)
{
    std::unordered_set<std::string_view> appIds;
    for (const AppRecord &app : apps) {
        if (!isIssuedId(app.id, kAppPrefix))
            return badId("application id", app.id, kAppPrefix);
        if (!appIds.insert(app.id).second)
            return "application " + inQuotes(app.id) + " appears more than once";
        if (std::string problem = appDamage(app, serverIds); !problem.empty())
            return problem;
    }
    return {};
}

// A decoded state can still be unfit to run: the engine trusts every id in it
// to be present, unique, issued by it and to name what exists.
std::string stateDamage(const SandboxState &state)
{
    ServerIds serverIds;
    std::string problem = catalogDamage(state.estate, serverIds);
    if (problem.empty())
        problem = jobsDamage(state.jobs, serverIds);
    if (problem.empty())
        problem = appsDamage(state.apps, serverIds);
    return problem;
}

// The catalog's lines after the head, one Server each, every line ended.
Result<std::vector<EstateServer>> readServers(std::string_view text, std::size_t headEnd, std::size_t expected)
{
    std::vector<EstateServer> servers;
    servers.reserve(expected);
    std::size_t start = headEnd == std::string_view::npos ? text.size() : headEnd + 1;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string where = "server line " + std::to_string(servers.size() + 1);
        if (end == std::string_view::npos)
            return SmsError::make(ErrorCode::InvalidConfiguration, where + " is cut short.");
        auto server = api::parse<api::Server>(text.substr(start, end - start));
        if (!server)
            return SmsError::make(ErrorCode::InvalidConfiguration, where + ": " + server.error().message);
        servers.push_back({std::move(server).value(), true});
        start = end + 1;
    }
    if (servers.size() != expected || headEnd == std::string_view::npos)
        return SmsError::make(ErrorCode::InvalidConfiguration,
                              "it lists " + std::to_string(servers.size()) + " of its "
                                  + std::to_string(expected) + " servers.");
    return servers;
}

SmsError stateError(const QString &source, const std::string &problem)
{
    return SmsError::make(ErrorCode::InvalidConfiguration,
                          "The sms-local state " + source.toStdString() + " " + problem);
}

} // namespace

std::string stateToText(const SandboxState &state)
{
    Json jobs = Json::array();
    for (const JobRecord &job : state.jobs)
        jobs.push_back(encodeJob(job));
    Json apps = Json::array();
    for (const AppRecord &app : state.apps)
        apps.push_back(encodeApp(app));
    Json notReplicable = Json::array();
    for (const EstateServer &server : state.estate.servers)
        if (!server.replicable)
            notReplicable.push_back(*server.server.serverId);
    const Json head = {
        {"format", kFormat},
        {"version", kStateFormatVersion},
        {"seed", std::to_string(state.seed)},
        {"idCounter", std::to_string(state.idCounter)},
        {"tokenSecret", state.tokenSecret.toBase64().toStdString()},
        {"simulatedNow", state.simulatedNow},
        {"catalog",
         {{"status", std::string(api::OpenEnum(state.catalogStatus).toString())},
          {"modified", state.catalogModified},
          {"importDoneAt", state.importDoneAt},
          {"generatedAt", state.estate.generatedAt.epochSeconds}}},
        {"connectors", encodeAll(state.estate.connectors)},
        {"notReplicable", notReplicable},
        {"jobs", jobs},
        {"apps", apps},
        {"importedFolders", state.importedFolders},
        {"serverCount", state.estate.servers.size()},
    };
    // The catalog is most of the file: a server per line, each written and read
    // by the API codec. A document-model parse of 100,000 servers at once
    // would take hundreds of megabytes.
    std::string text = head.dump() + '\n';
    for (const EstateServer &server : state.estate.servers) {
        api::serializeInto(text, server.server);
        text += '\n';
    }
    return text;
}

Result<SandboxState> stateFromText(std::string_view text, const QString &sourceName)
{
    const std::size_t lineEnd = text.find('\n');
    const auto doc = api::parseJson(text.substr(0, lineEnd));
    if (!doc)
        return stateError(sourceName, "is corrupt or truncated: " + doc.error().message);
    const Json &json = doc.value();
    // Types checked before use: nlohmann throws on a mistyped value(), and this is outside the try.
    const auto format = json.is_object() ? json.find("format") : json.end();
    if (format == json.end() || !format->is_string() || format->get_ref<const std::string &>() != kFormat)
        return stateError(sourceName, "is not an sms-local state file.");
    const auto versionMember = json.find("version");
    const std::uint64_t version = versionMember != json.end() && versionMember->is_number_unsigned()
        ? versionMember->get<std::uint64_t>()
        : 0;
    if (version == 0)
        return stateError(sourceName, "is damaged: its version is not a positive whole number.");
    if (version > std::uint64_t(kStateFormatVersion))
        return stateError(sourceName, "was written by a newer sms-local (state version " + std::to_string(version)
                                          + "; this one reads up to " + std::to_string(kStateFormatVersion) + ").");
    SandboxState state;
    bool ok = true;
    try {
        state.seed = std::stoull(json.at("seed").get<std::string>());
        state.idCounter = std::stoull(json.at("idCounter").get<std::string>());
        state.tokenSecret = QByteArray::fromBase64(QByteArray::fromStdString(json.at("tokenSecret").get<std::string>()));
        state.simulatedNow = json.at("simulatedNow").get<double>();
        const Json &catalog = json.at("catalog");
        state.catalogStatus
            = api::OpenEnum<api::ServerCatalogStatus>::fromString(catalog.at("status").get<std::string>()).value();
        state.catalogModified = catalog.at("modified").get<double>();
        state.importDoneAt = catalog.at("importDoneAt").get<double>();
        state.estate.generatedAt = api::Timestamp{catalog.at("generatedAt").get<double>()};
        state.estate.connectors = decodeAll<api::Connector>(json.at("connectors"), ok);
        for (const Json &job : json.at("jobs"))
            state.jobs.push_back(decodeJob(job, ok));
        for (const Json &app : json.at("apps"))
            state.apps.push_back(decodeApp(app, ok));
        state.importedFolders = json.at("importedFolders").get<std::vector<std::string>>();
        if (auto servers = readServers(text, lineEnd, json.at("serverCount").get<std::size_t>()); !servers)
            return stateError(sourceName, "is corrupt or truncated: " + servers.error().message);
        else
            state.estate.servers = std::move(servers).value();
        if (!ok || state.tokenSecret.isEmpty())
            return stateError(sourceName, "is damaged: a job or application record does not decode.");
        // Before findServer below, which indexes the catalog by serverId.
        if (const std::string problem = stateDamage(state); !problem.empty())
            return stateError(sourceName, "is damaged: " + problem + ".");
        for (const Json &id : json.at("notReplicable"))
            if (EstateServer *server = state.findServer(id.get<std::string>()))
                server->replicable = false;
    } catch (const Json::exception &error) {
        // nlohmann reports a missing or mistyped member by exception; it stops here.
        return stateError(sourceName, std::string("is damaged: ") + error.what());
    } catch (const std::logic_error &) {
        return stateError(sourceName, "is damaged: a counter is not a number.");
    }
    return state;
}

Result<void> saveState(const SandboxState &state, const QString &path)
{
    const std::string text = stateToText(state);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !file.commit())
        return SmsError::make(ErrorCode::InvalidConfiguration,
                              "Could not save the sms-local state to " + path.toStdString() + ": "
                                  + file.errorString().toStdString());
    return {};
}

Result<SandboxState> loadState(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return stateError(path, "could not be read: " + file.errorString().toStdString());
    const QByteArray text = file.readAll();
    return stateFromText(std::string_view(text.constData(), size_t(text.size())), path);
}

} // namespace sms::sandbox
