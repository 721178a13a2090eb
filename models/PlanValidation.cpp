// The checks of PlanValidation.h, a small function each. The catalog and the
// servers' own settings are indexed once and an application's settings are
// resolved once, so a plan of 100,000 servers takes milliseconds.

#include "models/PlanValidation.h"

#include "api/SmsConstraints.h"
#include "api/SmsQuotas.h"
#include "models/InstanceTypes.h"
#include "models/LaunchFieldChecks.h"
#include "models/LaunchGraph.h"
#include "models/PlanSettings.h"
#include "models/ValidationChecks.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <stdexcept>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace sms::models {
namespace {

using Severity = PlanIssue::Severity;
using Issues = std::vector<PlanIssue>;

// The model gives Frequency no range, but SMS (and sms-local) refuse any
// other; the model's documentation says hours.
constexpr int kMinFrequencyHours = 1;
constexpr int kMaxFrequencyHours = 24;

// The model's limits, read from the generated table so that they stay exact.
constexpr const api::MemberConstraint &constraintOf(std::string_view structure, std::string_view member)
{
    for (const api::MemberConstraint &constraint : api::kMemberConstraints)
        if (constraint.structure == structure && constraint.member == member)
            return constraint;
    throw std::logic_error("no such constraint");  // a compile error: only used in constant expressions
}
constexpr const api::MemberConstraint &kBucketLimits = constraintOf("S3Location", "bucket");
constexpr const api::MemberConstraint &kKeyLimits = constraintOf("S3Location", "key");

// --- text -------------------------------------------------------------------

void report(Issues &out, Severity severity, std::string_view code, std::string where, std::string message)
{
    PlanIssue issue;
    issue.severity = severity;
    issue.code = std::string(code);
    issue.where = std::move(where);
    issue.message = std::move(message);
    out.push_back(std::move(issue));
}

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

// A path with the item's name, as PlanRules names items: `applications[1] ("Payroll")`.
std::string withName(std::string path, std::string_view name)
{
    return name.empty() ? path : path + " (" + quoted(name) + ")";
}

// How a sentence names an item: by its name, or where it is when it has none.
std::string nameOrPlace(std::string_view name, const std::string &path)
{
    return isBlank(name) ? "at " + path : quoted(name);
}

// "a", "a or b", "a, b or c".
std::string orList(const std::vector<std::string_view> &words)
{
    std::string text;
    for (std::size_t i = 0; i < words.size(); ++i)
        text += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + std::string(words[i]);
    return text;
}

// Characters, not bytes: the model's lengths count characters.
long long characterCount(std::string_view text)
{
    return std::count_if(text.begin(), text.end(), [](unsigned char c) { return (c & 0xC0) != 0x80; });
}

template <typename E>
std::string knownValues()
{
    const auto &names = api::EnumTraits<E>::names;
    return orList(std::vector<std::string_view>(names.begin(), names.end()));
}

// --- the items issues are about ---------------------------------------------

// "Server s-1 (web-prod-1)": the VM name is what people know a server by.
std::string serverLabel(const std::string &id, const api::Server *catalog)
{
    const bool named = catalog && catalog->vmServer && catalog->vmServer->vmName && !catalog->vmServer->vmName->empty();
    return "Server " + id + (named ? " (" + *catalog->vmServer->vmName + ")" : std::string());
}

// An application or a group: `path()` is the item's, `siblingPath(row)` that
// of the item in `row` of the same list.
struct AppItem
{
    static constexpr std::string_view kind = "Application";
    const PlanApplication *app = nullptr;
    int row = 0;

    const std::string &name() const { return app->name; }
    std::string siblingPath(int at) const { return "applications[" + std::to_string(at) + "]"; }
    std::string path() const { return siblingPath(row); }
    std::string where() const { return withName(path(), name()); }
    std::string label() const { return "Application " + nameOrPlace(name(), path()); }
};

struct GroupItem
{
    static constexpr std::string_view kind = "Server group";
    const AppItem *owner = nullptr;
    const PlanServerGroup *group = nullptr;
    int row = 0;

    const std::string &name() const { return group->name; }
    std::string siblingPath(int at) const { return owner->path() + ".serverGroups[" + std::to_string(at) + "]"; }
    std::string path() const { return siblingPath(row); }
    std::string where() const { return withName(path(), name()); }
    std::string label() const
    {
        if (isBlank(group->name))
            return "Server group at " + path();
        return "Server group " + quoted(group->name) + " of application " + nameOrPlace(owner->app->name, owner->path());
    }
};

struct ServerItem
{
    const GroupItem *owner = nullptr;
    const std::string *id = nullptr;
    int row = 0;
    const api::Server *catalog = nullptr;  // its catalog entry, if any

    std::string where() const { return withName(owner->path() + ".serverIds[" + std::to_string(row) + "]", *id); }
    std::string label() const { return serverLabel(*id, catalog); }
};

// --- applications and groups --------------------------------------------------

// SMS makes a name up for a nameless item (an application's id), which no reader of the plan expects.
void checkName(Issues &out, std::string_view kind, std::string_view name, const std::string &path)
{
    if (!isBlank(name))
        return;
    report(out, Severity::Warning, "missing-name", withName(path, name),
           std::string(kind) + " at " + path + " has no name; give it one so that people can tell it apart.");
}

// The row of the first item of each name, so that a later one can name it.
class FirstByName
{
public:
    // The row of an earlier item named `name`, or -1 (blank names are not compared).
    int earlier(std::string_view name, int row)
    {
        if (isBlank(name))
            return -1;
        const auto [it, added] = m_first.emplace(name, row);
        return added ? -1 : it->second;
    }

private:
    std::unordered_map<std::string_view, int> m_first;
};

// A missing name, or the name of an earlier item of the same list. `why`
// ends the advice to rename.
template <typename Item>
void checkItemName(Issues &out, const Item &item, FirstByName &names, std::string_view duplicateCode,
                   std::string_view why)
{
    checkName(out, Item::kind, item.name(), item.path());
    const int first = names.earlier(item.name(), item.row);
    if (first < 0)
        return;
    report(out, Severity::Warning, duplicateCode, item.where(),
           item.label() + " has the same name as " + item.siblingPath(first) + "; rename one of them" + std::string(why)
               + ".");
}

// SMS allows equal names, but a plan matched by name could not tell them apart.
void checkApplicationName(Issues &out, const AppItem &item, FirstByName &names)
{
    checkItemName(out, item, names, "duplicate-application-name",
                  ", since a plan matched by name cannot tell them apart");
}

// SMS creates such an application but has nothing to replicate or launch.
void checkApplicationHasServers(Issues &out, const AppItem &item)
{
    const auto &groups = item.app->serverGroups;
    if (std::any_of(groups.begin(), groups.end(), [](const PlanServerGroup &g) { return !g.serverIds.empty(); }))
        return;
    report(out, Severity::Warning, "empty-application", item.where(),
           item.label() + " has no servers, so SMS has nothing to replicate or launch; add servers to it or remove it.");
}

void checkGroupName(Issues &out, const GroupItem &item, FirstByName &names)
{
    checkItemName(out, item, names, "duplicate-group-name", "");
}

// SMS accepts an empty group (CreateApp and UpdateApp do), so this only warns.
void checkGroupHasServers(Issues &out, const GroupItem &item)
{
    if (!item.group->serverIds.empty())
        return;
    report(out, Severity::Warning, "empty-group", item.where(),
           item.label() + " has no servers; add servers to it or remove it.");
}

// SMS allows equal orders, but a group without one is not ordered against the rest.
void checkLaunchOrder(Issues &out, const GroupItem &item, bool othersOrdered)
{
    if (!othersOrdered || item.group->launchOrder)
        return;
    report(out, Severity::Warning, "partial-launch-order", item.where(),
           item.label() + " has no launch order while other groups of its application have one, so it launches"
                          " in no particular order against them; give it a launch order.");
}

// --- SMS's quotas and the launch graph ------------------------------------------

// CreateApp and UpdateApp refuse more (sms-local as well).
void checkApplicationQuotas(Issues &out, const AppItem &item)
{
    const auto &groups = item.app->serverGroups;
    if (int(groups.size()) > api::kServerGroupsPerApplication)
        report(out, Severity::Error, "too-many-groups", item.where(),
               item.label() + " has " + std::to_string(groups.size()) + " server groups; SMS allows at most "
                   + std::to_string(api::kServerGroupsPerApplication)
                   + " in an application. Merge groups or split the application.");
    std::set<std::string_view> servers;
    for (const PlanServerGroup &group : groups)
        servers.insert(group.serverIds.begin(), group.serverIds.end());
    if (int(servers.size()) > api::kServersPerApplication)
        report(out, Severity::Error, "too-many-servers", item.where(),
               item.label() + " has " + std::to_string(servers.size()) + " servers; SMS allows at most "
                   + std::to_string(api::kServersPerApplication) + " in an application. Split the application.");
}

// A dependency names a group of its own application; the others have no meaning to SMS.
void checkDependencyKeys(Issues &out, const GroupItem &item, const std::vector<PlanApplication> &apps)
{
    const auto &ownGroups = item.owner->app->serverGroups;
    for (const PlanKey key : item.group->launchAfter) {
        const auto same = [key](const PlanServerGroup &g) { return g.key == key; };
        if (std::any_of(ownGroups.begin(), ownGroups.end(), same))
            continue;
        const PlanPosition elsewhere = findKey(apps, key);
        if (elsewhere.isGroup()) {
            const PlanApplication &other = apps[std::size_t(elsewhere.application)];
            report(out, Severity::Error, "launch-after-other-application", item.where(),
                   item.label() + " launches after server group "
                       + quoted(other.serverGroups[std::size_t(elsewhere.group)].name) + " of application "
                       + quoted(other.name) + "; a group can only wait for groups of its own application. Remove "
                       + std::to_string(key) + " from its launchAfter.");
        } else {
            report(out, Severity::Error, "launch-after-unknown", item.where(),
                   item.label() + " launches after key " + std::to_string(key)
                       + ", which is no server group of the plan; remove it from its launchAfter.");
        }
    }
}

// A cycle has no launch order at all; orders given beside dependencies must be theirs.
void checkLaunchGraph(Issues &out, const AppItem &item)
{
    const auto &groups = item.app->serverGroups;
    if (!hasDependencies(groups))
        return;
    if (const std::vector<PlanKey> cycle = findCycle(groups); !cycle.empty()) {
        report(out, Severity::Error, "launch-cycle", item.where(),
               item.label() + " has launch dependencies that go round in a cycle (" + cycleText(groups, cycle)
                   + "), so no group of it can launch first; remove one of them.");
        out.back().subject = PlanSubject{item.app->key, kNoKey, {}};
        return;
    }
    const std::vector<int> derived = *deriveLaunchOrders(groups);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (!groups[g].launchOrder || *groups[g].launchOrder == derived[g])
            continue;
        const GroupItem group{&item, &groups[g], int(g)};
        report(out, Severity::Error, "launch-order-disagrees", group.where(),
               group.label() + " has launchOrder " + std::to_string(*groups[g].launchOrder)
                   + ", but its launchAfter makes it " + std::to_string(derived[g]) + "; set it to "
                   + std::to_string(derived[g]) + " or remove it.");
        out.back().subject = PlanSubject{item.app->key, groups[g].key, {}};
    }
}

// --- servers -----------------------------------------------------------------

// Apply resolves servers through the catalog; servers imported from an
// inventory are in it too, under their offline- ids.
void checkInCatalog(Issues &out, const ServerItem &server, bool catalogEmpty)
{
    if (server.catalog || catalogEmpty)
        return;
    report(out, Severity::Error, "unknown-server", server.where(),
           server.label() + " is not in the plan's catalog, so apply cannot find it; refresh the catalog or remove the"
                            " server from its group.");
}

// SMS replicates a server in one place: a job made outside the application
// is adopted as it is. An application that exists at the endpoint may have
// made the job itself, so only a new application's servers are checked.
void checkExistingJob(Issues &out, const ServerItem &server, const PlanApplication &app)
{
    if (!server.catalog)
        return;
    if (server.catalog->replicationJobTerminated.value_or(false)) {
        report(out, Severity::Warning, "replication-job-terminated", server.where(),
               server.label() + " had a replication job that was deleted or failed; replicating it again starts"
                                " over with a full seed replication, so check that this is meant.");
    } else if (server.catalog->replicationJobId && app.appId.empty()) {
        report(out, Severity::Warning, "server-already-replicating", server.where(),
               server.label() + " already has replication job " + *server.catalog->replicationJobId
                   + ", which the application would adopt with its own settings; delete that job first if the"
                     " plan's replication settings should apply.");
    }
}

// `own` is the server's own part of `settings`, or nullptr.
void checkFrequency(Issues &out, const ServerItem &server, const api::ServerReplicationParameters &settings,
                    const api::ServerReplicationParameters *own)
{
    const bool runOnce = settings.runOnce.value_or(false);
    // A server's own runOnce cannot take away its application's frequency.
    const bool onlyInherited = own && own->runOnce && !own->frequency;
    if (settings.frequency && (*settings.frequency < kMinFrequencyHours || *settings.frequency > kMaxFrequencyHours)) {
        // SMS refuses it even with runOnce, so this comes first.
        report(out, Severity::Error, "frequency-out-of-range", server.where(),
               server.label() + " would replicate every " + std::to_string(*settings.frequency) + " hours; SMS takes "
                   + std::to_string(kMinFrequencyHours) + " to " + std::to_string(kMaxFrequencyHours)
                   + " hours, so choose a frequency in that range.");
    } else if (settings.frequency && runOnce && !onlyInherited) {
        report(out, Severity::Warning, "frequency-ignored", server.where(),
               server.label() + " replicates once (runOnce), so its frequency of " + std::to_string(*settings.frequency)
                   + " hours is ignored; remove the frequency or runOnce.");
    } else if (!settings.frequency && !runOnce && settings != api::ServerReplicationParameters{}) {
        report(out, Severity::Error, "frequency-missing", server.where(),
               server.label() + " has replication settings but neither a frequency nor runOnce, which SMS refuses;"
                                " set a frequency or runOnce.");
    }
}

// The model gives no range; the documentation says 0 keeps every AMI.
void checkAmiCount(Issues &out, const ServerItem &server, const api::ServerReplicationParameters &settings)
{
    if (!settings.numberOfRecentAmisToKeep || *settings.numberOfRecentAmisToKeep >= 0)
        return;
    report(out, Severity::Warning, "ami-count-out-of-range", server.where(),
           server.label() + " keeps " + std::to_string(*settings.numberOfRecentAmisToKeep)
               + " recent AMIs, which SMS treats as 0 (keep them all); set 0 or a positive count.");
}

void checkKmsKey(Issues &out, const ServerItem &server, const api::ServerReplicationParameters &settings)
{
    if (!settings.kmsKeyId || settings.kmsKeyId->empty())
        return;
    // The model gives the key no pattern: SMS fails the replication run, not the request.
    if (!isKmsKeyForm(*settings.kmsKeyId))
        report(out, Severity::Warning, "kms-key-invalid", server.where(),
               server.label() + " names KMS key " + quoted(*settings.kmsKeyId)
                   + ", which is no key id, alias or ARN, so its replication runs would fail; give a key id (a UUID),"
                     " alias/NAME or arn:aws:kms:REGION:ACCOUNT:key/ID.");
    if (settings.encrypted.value_or(false))
        return;
    report(out, Severity::Warning, "kms-key-unused", server.where(),
           server.label() + " names KMS key " + *settings.kmsKeyId
               + " but its AMIs are not encrypted, so the key is not used; turn on encryption or remove the key.");
}

// A value a newer SMS knows is kept as text, but this API version refuses it.
template <typename E>
void checkKnown(Issues &out, const ServerItem &server, std::string_view code, std::string_view member,
                const std::optional<api::OpenEnum<E>> &value)
{
    if (!value || value->isKnown())
        return;
    report(out, Severity::Error, code, server.where(),
           server.label() + " has " + std::string(member) + " " + quoted(value->toString())
               + ", which SMS does not know; choose " + knownValues<E>() + ".");
}

void checkReplication(Issues &out, const ServerItem &server, const api::ServerReplicationParameters &settings,
                      const api::ServerReplicationParameters *own)
{
    checkFrequency(out, server, settings, own);
    checkAmiCount(out, server, settings);
    checkKmsKey(out, server, settings);
    checkKnown(out, server, "unknown-license-type", "licenseType", settings.licenseType);
}

void checkLaunchNeeds(Issues &out, const ServerItem &server, const api::ServerLaunchConfiguration &settings)
{
    const std::vector<std::string_view> missing = missingLaunchNeeds(settings);
    if (missing.empty())
        return;
    report(out, Severity::Warning, "launch-settings-missing", server.where(),
           server.label() + " has no " + orList(missing) + " in its launch settings, so it would launch with the"
                            " account's defaults; set them for the server or its application.");
}

void checkLength(Issues &out, const ServerItem &server, const std::string &what, std::string_view text,
                 const api::MemberConstraint &limits)
{
    const long long length = characterCount(text);
    if (length >= limits.min.value_or(0) && length <= limits.max.value_or(length))
        return;
    const std::string allowed = limits.min ? std::to_string(*limits.min) + " to " + std::to_string(*limits.max)
                                           : "at most " + std::to_string(*limits.max);
    report(out, Severity::Error, "s3-location-invalid", server.where(),
           server.label() + " has a " + what + " of " + std::to_string(length) + " characters, " + quoted(text)
               + "; SMS takes " + allowed + ".");
}

// The sandbox cannot fetch a script from half a location, and SMS refuses
// a bucket or key outside the model's lengths.
void checkS3Location(Issues &out, const ServerItem &server, std::string_view member, const api::S3Location &location)
{
    const bool hasBucket = location.bucket && !location.bucket->empty();
    const bool hasKey = location.key && !location.key->empty();
    std::vector<std::string_view> missing;
    if (!hasBucket)
        missing.push_back("bucket");
    if (!hasKey)
        missing.push_back("key");
    if (!missing.empty())
        report(out, Severity::Error, "s3-location-incomplete", server.where(),
               server.label() + " has a " + std::string(member) + " that names no S3 " + orList(missing)
                   + "; give it both a bucket and a key.");
    if (hasBucket)
        checkLength(out, server, std::string(member) + " bucket", *location.bucket, kBucketLimits);
    if (hasKey)
        checkLength(out, server, std::string(member) + " key", *location.key, kKeyLimits);
}

// Ids CloudFormation would refuse at launch; SMS takes any text when the configuration is put.
void checkResourceIds(Issues &out, const ServerItem &server, const api::ServerLaunchConfiguration &settings)
{
    // code, what the sentence calls it, its kind, the value
    const std::tuple<std::string_view, std::string_view, ResourceKind, const std::optional<std::string> &> ids[] = {
        {"vpc-invalid", "VPC", ResourceKind::Vpc, settings.vpc},
        {"subnet-invalid", "subnet", ResourceKind::Subnet, settings.subnet},
        {"security-group-invalid", "security group", ResourceKind::SecurityGroup, settings.securityGroup},
    };
    for (const auto &[code, noun, kind, id] : ids) {
        if (!id || isBlank(*id) || isResourceId(kind, *id))
            continue;
        const std::string prefix(resourcePrefix(kind));
        report(out, Severity::Warning, code, server.where(),
               server.label() + " launches in " + std::string(noun) + " " + quoted(*id) + ", which is not an id of the form " + prefix + "0a1b2c3d (" + prefix
                   + " and 8 or 17 hexadecimal digits), so the launch would fail; correct it.");
    }
}

// SMS takes any text; only the launch would fail on a type EC2 does not have.
void checkInstanceType(Issues &out, const ServerItem &server, const api::ServerLaunchConfiguration &settings)
{
    if (!settings.instanceType || isBlank(*settings.instanceType) || isInstanceTypeForm(*settings.instanceType))
        return;
    report(out, Severity::Warning, "instance-type-invalid", server.where(),
           server.label() + " launches as instance type " + quoted(*settings.instanceType)
               + ", which is not of the form family.size (e.g. m5.large); correct it.");
}

// sms-local's PutAppLaunchConfiguration refuses the whole configuration, as SMS does.
void checkLogicalId(Issues &out, const ServerItem &server, const std::string &logicalId)
{
    switch (logicalIdProblem(logicalId)) {
    case LogicalIdProblem::None:
    case LogicalIdProblem::Empty:
        return;
    case LogicalIdProblem::NotAlphanumeric:
        report(out, Severity::Error, "logical-id-invalid", server.where(),
               server.label() + " has logical id " + quoted(logicalId)
                   + ", but CloudFormation takes letters and digits only; remove the other characters.");
        return;
    case LogicalIdProblem::TooLong:
        report(out, Severity::Error, "logical-id-invalid", server.where(),
               server.label() + " has a logical id of " + std::to_string(logicalId.size())
                   + " characters; CloudFormation takes at most " + std::to_string(kMaxLogicalIdLength) + ".");
        return;
    }
}

// The first server of an application with each logical id, by id, so that a later one can name it.
using LogicalIdOwners = std::unordered_map<std::string, std::string>;

void checkLogicalIdUnique(Issues &out, const ServerItem &server, const std::string &logicalId, LogicalIdOwners &owners)
{
    if (logicalId.empty())
        return;
    const auto [first, added] = owners.emplace(logicalId, *server.id);
    if (added)
        return;
    report(out, Severity::Error, "logical-id-duplicate", server.where(),
           server.label() + " has logical id " + quoted(logicalId) + ", which server " + first->second
               + " of its application has too; SMS refuses a launch configuration that repeats one, so give each"
                 " server its own (Generate in the settings editor does).");
}

void checkLaunch(Issues &out, const ServerItem &server, const api::ServerLaunchConfiguration &settings, bool launches,
                 LogicalIdOwners &logicalIds)
{
    if (launches)
        checkLaunchNeeds(out, server, settings);
    checkResourceIds(out, server, settings);
    checkInstanceType(out, server, settings);
    checkLogicalId(out, server, settings.logicalId.value_or(std::string()));
    checkLogicalIdUnique(out, server, settings.logicalId.value_or(std::string()), logicalIds);
    if (settings.userData)
        checkS3Location(out, server, "userData", settings.userData->s3Location.value_or(api::S3Location{}));
    if (settings.configureScript)
        checkS3Location(out, server, "configureScript", *settings.configureScript);
    checkKnown(out, server, "unknown-script-type", "configureScriptType", settings.configureScriptType);
}

// `own` over `appLevel`, as effectiveReplication() and effectiveLaunch() do,
// without copying the application's settings for a server that has none.
template <typename T, typename Check>
void checkEffective(const T &appLevel, const T *own, Check &&check)
{
    if (own)
        check(overlaid(appLevel, *own));
    else
        check(appLevel);
}

// --- the whole plan ----------------------------------------------------------

// Items by id, for a whole catalog; the first of equal ids stays.
template <typename T>
class IdIndex
{
public:
    explicit IdIndex(std::size_t count) { m_items.reserve(count); }

    void insert(std::string_view id, const T *item) { m_items.emplace(id, item); }

    const T *find(std::string_view id) const
    {
        const auto it = m_items.find(id);
        return it == m_items.end() ? nullptr : it->second;
    }

private:
    std::unordered_map<std::string_view, const T *> m_items;
};

class PlanValidator
{
public:
    explicit PlanValidator(const PlanData &plan)
        : m_plan(plan)
        , m_catalog(plan.catalog.servers.size())
        , m_settings(plan.serverSettings.size())
        , m_claimed(plan.serverSettings.size(), false)
    {
        for (const api::Server &server : plan.catalog.servers)
            if (server.serverId)
                m_catalog.insert(*server.serverId, &server);
        for (const PlanServerSettings &settings : plan.serverSettings)
            m_settings.insert(settings.serverId, &settings);
    }

    Issues run()
    {
        FirstByName names;
        for (int a = 0; a < int(m_plan.applications.size()); ++a)
            checkApplication(AppItem{&m_plan.applications[std::size_t(a)], a}, names);
        checkUnclaimedSettings();
        return std::move(m_issues);
    }

    // Only `app`'s issues, with the plan's applications as its elder siblings.
    Issues runAdded(const PlanApplication &app)
    {
        FirstByName names;
        const int row = int(m_plan.applications.size());
        for (int a = 0; a < row; ++a)
            names.earlier(m_plan.applications[std::size_t(a)].name, a);
        checkApplication(AppItem{&app, row}, names);
        return std::move(m_issues);
    }

private:
    // What every server of an application starts from, resolved once.
    struct AppDefaults
    {
        api::ServerReplicationParameters replication;
        api::ServerLaunchConfiguration launch;
        bool launches = false;  // the application is to be launched, so every server needs launch settings
    };

    const api::Server *catalogServer(std::string_view serverId) const { return m_catalog.find(serverId); }
    const PlanServerSettings *settingsOf(std::string_view serverId) const { return m_settings.find(serverId); }

    // Servers of the application with settings of their own of one kind.
    template <typename Setting>
    int serversWith(const PlanApplication &app, Setting PlanServerSettings::*kind) const
    {
        int count = 0;
        for (const PlanServerGroup &group : app.serverGroups)
            for (const std::string &id : group.serverIds)
                if (const PlanServerSettings *own = settingsOf(id); own && own->*kind)
                    ++count;
        return count;
    }

    bool launches(const PlanApplication &app) const
    {
        const ApplicationSettings &settings = app.settings;
        if (settings.removeLaunch)
            return false;
        if (settings.autoLaunch.value_or(false) || settings.launch || !settings.launchRoleName.empty())
            return true;
        return serversWith(app, &PlanServerSettings::launch) > 0;
    }

    // An application cannot both remove its settings of a kind at the
    // endpoint and give some: which one the apply should do is not clear.
    void checkRemovals(const AppItem &item)
    {
        const PlanApplication &app = *item.app;
        const ApplicationSettings &settings = app.settings;
        // `given`: where the plan still gives such settings.
        const auto contradiction = [&](std::string_view flag, std::string_view kind, std::vector<std::string> given,
                                       int servers) {
            if (servers > 0)
                given.push_back(std::to_string(servers) + " of its servers");
            if (given.empty())
                return;
            std::string places;
            for (std::size_t i = 0; i < given.size(); ++i)
                places += (i == 0 ? "" : i + 1 == given.size() ? " and " : ", ") + given[i];
            report(m_issues, Severity::Error, "removed-settings-given", item.where(),
                   item.label() + " removes its " + std::string(kind) + " settings at the endpoint (" + std::string(flag)
                       + "), yet the plan gives some: on " + places + ". Drop " + std::string(flag)
                       + " or those settings.");
        };
        if (settings.removeReplication)
            contradiction("removeReplication", "replication",
                          settings.replication ? std::vector<std::string>{"the application"} : std::vector<std::string>{},
                          serversWith(app, &PlanServerSettings::replication));
        if (settings.removeLaunch) {
            std::vector<std::string> given;
            if (settings.launch || !settings.launchRoleName.empty() || settings.autoLaunch)
                given.push_back("the application");
            if (std::any_of(app.serverGroups.begin(), app.serverGroups.end(),
                            [](const PlanServerGroup &g) { return g.launchOrder.has_value(); }))
                given.push_back("its groups (launch order)");
            contradiction("removeLaunch", "launch", std::move(given), serversWith(app, &PlanServerSettings::launch));
        }
    }

    // Issues reported since `from` are about `subject`.
    void aboutSince(std::size_t from, const PlanSubject &subject)
    {
        for (std::size_t i = from; i < m_issues.size(); ++i)
            m_issues[i].subject = subject;
    }

    void checkApplication(const AppItem &item, FirstByName &names)
    {
        const std::size_t first = m_issues.size();
        checkApplicationName(m_issues, item, names);
        checkApplicationHasServers(m_issues, item);
        checkApplicationQuotas(m_issues, item);
        checkRemovals(item);
        aboutSince(first, PlanSubject{item.app->key, kNoKey, {}});
        checkValidationSettings(m_issues, *item.app, item.where(), item.label());

        AppDefaults defaults;
        defaults.replication = effectiveReplication(*item.app, nullptr);
        defaults.launch = effectiveLaunch(*item.app, nullptr);
        defaults.launches = launches(*item.app);

        const auto &groups = item.app->serverGroups;
        const bool anyOrdered = std::any_of(groups.begin(), groups.end(),
                                            [](const PlanServerGroup &g) { return g.launchOrder.has_value(); });
        FirstByName groupNames;
        LogicalIdOwners logicalIds;
        for (int g = 0; g < int(groups.size()); ++g) {
            const GroupItem group{&item, &groups[std::size_t(g)], g};
            const std::size_t groupFirst = m_issues.size();
            checkGroupName(m_issues, group, groupNames);
            checkGroupHasServers(m_issues, group);
            checkLaunchOrder(m_issues, group, anyOrdered);
            checkDependencyKeys(m_issues, group, m_plan.applications);
            aboutSince(groupFirst, PlanSubject{item.app->key, group.group->key, {}});
            checkServers(group, defaults, logicalIds);
        }
        checkLaunchGraph(m_issues, item);
    }

    void checkServers(const GroupItem &group, const AppDefaults &defaults, LogicalIdOwners &logicalIds)
    {
        const PlanApplication &app = *group.owner->app;
        const auto &ids = group.group->serverIds;
        for (int s = 0; s < int(ids.size()); ++s) {
            const std::string &id = ids[std::size_t(s)];
            const ServerItem server{&group, &id, s, catalogServer(id)};
            const std::size_t first = m_issues.size();
            checkInCatalog(m_issues, server, m_plan.catalog.servers.empty());
            checkExistingJob(m_issues, server, app);

            const PlanServerSettings *own = settingsOf(id);
            if (own)
                m_claimed[std::size_t(own - m_plan.serverSettings.data())] = true;
            const auto *ownReplication = own && own->replication ? &*own->replication : nullptr;
            const auto *ownLaunch = own && own->launch ? &*own->launch : nullptr;
            checkEffective(defaults.replication, ownReplication, [&](const auto &settings) {
                checkReplication(m_issues, server, settings, ownReplication);
            });
            checkEffective(defaults.launch, ownLaunch, [&](const auto &settings) {
                checkLaunch(m_issues, server, settings, defaults.launches, logicalIds);
            });
            aboutSince(first, PlanSubject{app.key, group.group->key, id});
        }
    }

    // Settings kept for a server in no group have no effect until it joins one.
    void checkUnclaimedSettings()
    {
        for (std::size_t i = 0; i < m_claimed.size(); ++i) {
            if (m_claimed[i])
                continue;
            const std::string &id = m_plan.serverSettings[i].serverId;
            report(m_issues, Severity::Warning, "unused-server-settings",
                   withName("serverSettings[" + std::to_string(i) + "]", id),
                   serverLabel(id, catalogServer(id)) + " has settings of its own but is in no application, so they"
                                                        " have no effect; add the server to a group or remove its settings.");
        }
    }

    const PlanData &m_plan;
    IdIndex<api::Server> m_catalog;
    IdIndex<PlanServerSettings> m_settings;
    std::vector<bool> m_claimed;  // per serverSettings entry: its server is in the plan
    Issues m_issues;
};

} // namespace

std::vector<PlanIssue> validatePlan(const PlanData &plan)
{
    return PlanValidator(plan).run();
}

std::vector<PlanIssue> validateAddedApplication(const PlanData &plan, const PlanApplication &app)
{
    return PlanValidator(plan).runAdded(app);
}

bool hasErrors(const std::vector<PlanIssue> &issues)
{
    return std::any_of(issues.begin(), issues.end(),
                       [](const PlanIssue &issue) { return issue.severity == PlanIssue::Severity::Error; });
}

std::string_view severityName(PlanIssue::Severity severity)
{
    return severity == PlanIssue::Severity::Error ? "error" : "warning";
}

} // namespace sms::models
