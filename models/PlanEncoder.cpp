// PlanData -> .smsplan text. The envelope is written here, member by member;
// each catalog entry goes through the API codec (api::serializeInto), one
// entry per line so that a plan kept in version control diffs line by line.

#include "models/PlanFile.h"

#include "api/JsonCodec.h"

#include <QString>

#include <simdjson.h>

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>

namespace sms::models {
namespace {

void appendNumber(std::string &out, auto number)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
    out.append(buffer, end);
}

void appendString(std::string &out, std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plainFrom = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.substr(plainFrom, i - plainFrom));
        plainFrom = i + 1;
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    out.append(text.substr(plainFrom));
    out += '"';
}

// One JSON object or array being written: commas, a line per member or item,
// two spaces of indentation per level. An empty one comes out as {} or [].
class Block
{
public:
    Block(std::string &out, int depth, char open) : m_out(out), m_depth(depth), m_close(open == '{' ? '}' : ']')
    {
        m_out += open;
    }
    ~Block()
    {
        if (m_count > 0) {
            m_out += '\n';
            m_out.append(std::size_t(m_depth) * 2, ' ');
        }
        m_out += m_close;
    }
    Block(const Block &) = delete;
    Block &operator=(const Block &) = delete;

    // Starts the next array item; the caller appends it.
    void item()
    {
        m_out += m_count++ > 0 ? ",\n" : "\n";
        m_out.append(std::size_t(m_depth + 1) * 2, ' ');
    }
    // Starts the next object member; the caller appends its value.
    void key(std::string_view name)
    {
        item();
        appendString(m_out, name);
        m_out += ": ";
    }
    void string(std::string_view name, std::string_view value)
    {
        if (value.empty())
            return;
        key(name);
        appendString(m_out, value);
    }
    void timestamp(std::string_view name, const std::optional<api::Timestamp> &value)
    {
        // JSON has no NaN or infinity: such a time is left out like an unset one.
        if (!value || !std::isfinite(value->epochSeconds))
            return;
        key(name);
        // Whole seconds as integers while exact, as the API codec writes them.
        if (value->isWholeSecond() && std::abs(value->epochSeconds) < 0x1p53)
            appendNumber(m_out, static_cast<std::int64_t>(value->epochSeconds));
        else
            appendNumber(m_out, value->epochSeconds);
    }
    void number(std::string_view name, const std::optional<int> &value)
    {
        if (!value)
            return;
        key(name);
        appendNumber(m_out, *value);
    }
    void flag(std::string_view name, const std::optional<bool> &value)
    {
        if (!value)
            return;
        key(name);
        m_out += *value ? "true" : "false";
    }
    // An api structure, compact on one line, as the API codec writes it.
    template <typename Value>
    void compact(std::string_view name, const std::optional<Value> &value)
    {
        if (!value)
            return;
        key(name);
        api::serializeInto(m_out, *value);
    }
    int childDepth() const { return m_depth + 1; }

private:
    std::string &m_out;
    int m_depth;
    char m_close;
    int m_count = 0;
};

bool isEmpty(const CatalogSource &source)
{
    return source.endpoint.empty() && source.region.empty() && !source.readAt && !source.lastModifiedOn
        && !source.status;
}

void writeSource(std::string &out, int depth, const CatalogSource &source)
{
    Block object(out, depth, '{');
    object.string("endpoint", endpointWithoutCredentials(source.endpoint));
    object.string("region", source.region);
    object.timestamp("readAt", source.readAt);
    object.timestamp("lastModifiedOn", source.lastModifiedOn);
    if (source.status)
        object.string("status", source.status->toString());
}

// Catalog entries compact, one a line: the bulk of a big plan's bytes.
template <typename Entry>
void writeEntries(std::string &out, Block &parent, std::string_view name, const std::vector<Entry> &entries)
{
    if (entries.empty())
        return;
    parent.key(name);
    Block array(out, parent.childDepth(), '[');
    for (const Entry &entry : entries) {
        array.item();
        api::serializeInto(out, entry);
    }
}

void writeJobs(std::string &out, Block &parent, const std::vector<ReplicationJobSummary> &jobs)
{
    if (jobs.empty())
        return;
    parent.key("replicationJobs");
    Block array(out, parent.childDepth(), '[');
    for (const ReplicationJobSummary &job : jobs) {
        array.item();
        Block object(out, array.childDepth(), '{');
        object.string("replicationJobId", job.replicationJobId);
        object.string("serverId", job.serverId);
        object.string("state", job.state.toString());
        object.string("statusMessage", job.statusMessage);
        object.string("latestAmiId", job.latestAmiId);
    }
}

void writeCatalog(std::string &out, Block &root, const CatalogSnapshot &catalog)
{
    if (isEmpty(catalog.source) && catalog.servers.empty() && catalog.connectors.empty()
        && catalog.replicationJobs.empty())
        return;
    root.key("catalog");
    Block object(out, root.childDepth(), '{');
    if (!isEmpty(catalog.source)) {
        object.key("source");
        writeSource(out, object.childDepth(), catalog.source);
    }
    writeEntries(out, object, "servers", catalog.servers);
    writeEntries(out, object, "connectors", catalog.connectors);
    writeJobs(out, object, catalog.replicationJobs);
}

// A list of strings, one a line; left out when empty.
void writeStrings(std::string &out, Block &parent, std::string_view name, const std::vector<std::string> &values)
{
    if (values.empty())
        return;
    parent.key(name);
    Block array(out, parent.childDepth(), '[');
    for (const std::string &value : values) {
        array.item();
        appendString(out, value);
    }
}

void writeGroup(std::string &out, int depth, const PlanServerGroup &group)
{
    Block object(out, depth, '{');
    object.key("key");
    appendNumber(out, group.key);
    object.string("serverGroupId", group.serverGroupId);
    object.string("name", group.name);
    writeStrings(out, object, "serverIds", group.serverIds);
    object.number("launchOrder", group.launchOrder);
    // Short enough for one line each: [2, 5] and {"x": 0, "y": 70}.
    if (!group.launchAfter.empty()) {
        object.key("launchAfter");
        out += '[';
        for (std::size_t i = 0; i < group.launchAfter.size(); ++i) {
            if (i > 0)
                out += ", ";
            appendNumber(out, group.launchAfter[i]);
        }
        out += ']';
    }
    // JSON has no NaN or infinity: such a point is left out, and the group laid out again.
    if (group.pinnedAt && std::isfinite(group.pinnedAt->x) && std::isfinite(group.pinnedAt->y)) {
        object.key("pinnedAt");
        out += "{\"x\": ";
        appendNumber(out, group.pinnedAt->x);
        out += ", \"y\": ";
        appendNumber(out, group.pinnedAt->y);
        out += '}';
    }
}

void writeValidation(std::string &out, Block &parent, const std::optional<AppValidationSettings> &validation)
{
    if (!validation)
        return;
    parent.key("validation");
    Block object(out, parent.childDepth(), '{');
    writeEntries(out, object, "appValidations", validation->appValidations);
    if (validation->serverValidations.empty())
        return;
    object.key("serverValidations");
    Block array(out, object.childDepth(), '[');
    for (const PlanServerValidation &server : validation->serverValidations) {
        array.item();
        Block entry(out, array.childDepth(), '{');
        entry.string("serverId", server.serverId);
        entry.string("name", server.name);
        entry.compact("userData", server.userData);
    }
}

void writeApplication(std::string &out, int depth, const PlanApplication &app)
{
    Block object(out, depth, '{');
    object.key("key");
    appendNumber(out, app.key);
    object.string("appId", app.appId);
    object.string("name", app.name);
    object.string("description", app.description);
    object.string("roleName", app.roleName);
    writeEntries(out, object, "tags", app.tags);
    if (!app.serverGroups.empty()) {
        object.key("serverGroups");
        Block groups(out, object.childDepth(), '[');
        for (const PlanServerGroup &group : app.serverGroups) {
            groups.item();
            writeGroup(out, groups.childDepth(), group);
        }
    }
    object.compact("replication", app.settings.replication);
    object.compact("launch", app.settings.launch);
    object.string("launchRoleName", app.settings.launchRoleName);
    object.flag("autoLaunch", app.settings.autoLaunch);
    if (app.settings.removeReplication)
        object.flag("removeReplication", true);
    if (app.settings.removeLaunch)
        object.flag("removeLaunch", true);
    writeValidation(out, object, app.settings.validation);
    if (app.settings.removeValidation)
        object.flag("removeValidation", true);
}

void writeServerSettings(std::string &out, Block &root, const std::vector<PlanServerSettings> &settings)
{
    if (settings.empty())
        return;
    root.key("serverSettings");
    Block array(out, root.childDepth(), '[');
    for (const PlanServerSettings &own : settings) {
        array.item();
        Block object(out, array.childDepth(), '{');
        object.string("serverId", own.serverId);
        object.compact("replication", own.replication);
        object.compact("launch", own.launch);
    }
}

// One server's inventory details, compact on a line of its own as the
// catalog's servers are.
void writeInventoryEntry(std::string &out, const InventoryDetails &details)
{
    bool first = true;
    const auto key = [&](std::string_view name) {
        out += first ? "{" : ",";
        first = false;
        appendString(out, name);
        out += ':';
    };
    const auto text = [&](std::string_view name, const std::optional<std::string> &value) {
        if (value) {
            key(name);
            appendString(out, *value);
        }
    };
    const auto number = [&](std::string_view name, const std::optional<std::int64_t> &value) {
        if (value) {
            key(name);
            appendNumber(out, *value);
        }
    };
    key("serverId");
    appendString(out, details.serverId);
    text("vmUuid", details.vmUuid);
    text("powerState", details.powerState);
    number("cpus", details.cpus);
    number("memoryMb", details.memoryMb);
    number("provisionedMb", details.provisionedMb);
    text("operatingSystem", details.operatingSystem);
    text("datacenter", details.datacenter);
    text("cluster", details.cluster);
    text("host", details.host);
    out += '}';
}

void writeInventory(std::string &out, Block &root, const std::vector<InventoryDetails> &inventory)
{
    if (inventory.empty())
        return;
    root.key("inventory");
    Block array(out, root.childDepth(), '[');
    for (const InventoryDetails &details : inventory) {
        array.item();
        writeInventoryEntry(out, details);
    }
}

std::size_t estimatedSize(const PlanData &plan)
{
    std::size_t size = 4096 + plan.catalog.servers.size() * 400 + plan.catalog.connectors.size() * 400
                     + plan.inventory.size() * 200;
    for (const PlanApplication &app : plan.applications)
        for (const PlanServerGroup &group : app.serverGroups)
            size += 256 + group.serverIds.size() * 32;
    return size;
}

// Strings from a CSV or a hand-edited source may hold bytes that are not
// UTF-8, which every JSON reader (ours included) refuses. Such bytes can only
// sit inside strings (the structure is ASCII), so each invalid sequence
// becomes U+FFFD and the file stays readable.
void makeValidUtf8(std::string &text)
{
    if (simdjson::validate_utf8(text.data(), text.size()))
        return;
    const QByteArray repaired = QString::fromUtf8(text.data(), qsizetype(text.size())).toUtf8();
    text.assign(repaired.constData(), std::size_t(repaired.size()));
}

} // namespace

std::string endpointWithoutCredentials(std::string_view url)
{
    std::string text(url);
    const std::size_t scheme = text.find("://");
    const std::size_t authority = scheme == std::string::npos ? (text.starts_with("//") ? 2 : 0) : scheme + 3;
    std::size_t authorityEnd = text.find_first_of("/?#", authority);
    if (authorityEnd == std::string::npos)
        authorityEnd = text.size();
    const std::size_t at = text.rfind('@', authorityEnd == 0 ? 0 : authorityEnd - 1);
    if (at != std::string::npos && at >= authority && at < authorityEnd)
        text.erase(authority, at + 1 - authority);
    // A query could carry a presigned token; an SMS endpoint never needs one.
    if (const std::size_t query = text.find_first_of("?#", authority); query != std::string::npos)
        text.erase(query);
    return text;
}

std::string encodePlan(const PlanData &plan)
{
    std::string out;
    out.reserve(estimatedSize(plan));
    {
        Block root(out, 0, '{');
        root.key("formatVersion");
        appendNumber(out, kPlanFormatVersion);
        root.string("kind", kPlanFileKind);
        root.string("generator", "sms-planner " SMS_VERSION);
        root.key("savedAt");
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        appendNumber(out, std::int64_t(std::chrono::duration_cast<std::chrono::seconds>(now).count()));
        root.string("planId", plan.planId);
        writeCatalog(out, root, plan.catalog);
        if (!plan.applications.empty()) {
            root.key("applications");
            Block applications(out, root.childDepth(), '[');
            for (const PlanApplication &app : plan.applications) {
                applications.item();
                writeApplication(out, applications.childDepth(), app);
            }
        }
        writeServerSettings(out, root, plan.serverSettings);
        writeStrings(out, root, "retiredAppIds", plan.retiredAppIds);
        writeInventory(out, root, plan.inventory);
    }
    out += '\n';
    makeValidUtf8(out);
    return out;
}

} // namespace sms::models
