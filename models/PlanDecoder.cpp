// .smsplan text -> PlanData, all or nothing. simdjson's DOM parses the whole
// document once (validating JSON and UTF-8), then everything is decoded from
// it: the envelope member by member, the catalog entries by their api types'
// members() lists.

#include "models/PlanDecoder.h"
#include "models/PlanFile.h"

#include "models/LaunchGraph.h"
#include "models/PlanRules.h"

#include "api/JsonCodecTraits.h"
#include "api/JsonFieldCursor.h"

#include <simdjson.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <thread>
#include <type_traits>
#include <unordered_map>

namespace sms::models::detail {
namespace {

static_assert(kPlanDecodePadding >= simdjson::SIMDJSON_PADDING);

using simdjson::dom::element;
using simdjson::dom::element_type;

// A member's place in the document as a chain on the stack; it becomes text
// ("applications[2].serverGroups[0].name") only when a message needs it.
struct Path
{
    const Path *parent = nullptr;
    std::string_view member;  // empty for an array item
    std::size_t index = 0;

    Path child(std::string_view name) const { return {this, name, 0}; }
    Path item(std::size_t i) const { return {this, {}, i}; }

    std::string text() const
    {
        if (!parent)
            return std::string(member);  // the document itself: ""
        std::string text = parent->text();
        if (member.empty())
            return text + "[" + std::to_string(index) + "]";
        return text.empty() ? std::string(member) : text + "." + std::string(member);
    }
};

const char *typeName(const element &value)
{
    switch (value.type()) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "true or false";
    case element_type::NULL_VALUE: return "null";
    default: return "a number";
    }
}

// The first few characters of a value, for a message.
std::string shortText(const element &value)
{
    std::string text = simdjson::minify(value);
    if (text.size() > 40)
        text = text.substr(0, 37) + "...";
    return text;
}

std::string withThousands(std::size_t number)
{
    std::string digits = std::to_string(number);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(std::size_t(at), 1, ',');
    return digits;
}

// What is still open where the text stops: "an object", "an array", "a
// string", or nullptr when nothing is (the JSON is wrong, not cut short).
// Only on the error path, so a plain scan is fast enough.
const char *openAtEnd(std::string_view text)
{
    std::string open;  // the brackets still open, innermost last
    bool inString = false;
    bool escaped = false;
    for (const char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            open += c;
        } else if ((c == '}' || c == ']') && !open.empty()) {
            open.pop_back();
        }
    }
    if (inString)
        return "a string";
    if (open.empty())
        return nullptr;
    return open.back() == '{' ? "an object" : "an array";
}

class Decoder
{
public:
    // `checkOnly`: every member is read and checked, but the catalog's
    // servers and connectors are not kept (see checkPlanFile).
    Decoder(const std::string &subject, bool checkOnly) : m_subject(subject), m_checkOnly(checkOnly) {}

    Result<PlanData> run(const char *data, std::size_t size, bool padded, const std::function<void()> &parsed)
    {
        m_parsed = parsed;
        // Editors on Windows may start a UTF-8 file with a byte order mark.
        if (size >= 3 && std::string_view(data, 3) == "\xEF\xBB\xBF") {
            data += 3;
            size -= 3;
        }
        PlanData plan;
        if (!decode(data, size, padded, plan))
            return std::move(*m_error);
        return plan;
    }

private:
    bool decode(const char *data, std::size_t size, bool padded, PlanData &plan)
    {
        simdjson::dom::parser parser;
        element root;
        if (const auto status = parser.parse(data, size, /*realloc_if_needed=*/!padded).get(root); status)
            return notJson(status, std::string_view(data, size));
        // The parser holds its own copy of every string: the text can go.
        if (m_parsed)
            m_parsed();
        return decodeEnvelope(root, plan);
    }

    bool notJson(simdjson::error_code status, std::string_view text)
    {
        if (status == simdjson::EMPTY)
            return fail(ErrorCode::SerializationException, " is empty: it holds no plan.");
        if (status == simdjson::UTF8_ERROR)
            return fail(ErrorCode::SerializationException,
                        " is not an SMS Migration Planner plan: it is not UTF-8 text.");
        if (const char *open = openAtEnd(text))
            return fail(ErrorCode::SerializationException,
                        std::string(" ends in the middle of ") + open + ", after " + withThousands(text.size())
                            + " bytes: it was cut short, for example by a full disk or an interrupted copy.");
        return fail(ErrorCode::SerializationException,
                    std::string(" is not an SMS Migration Planner plan: it is not valid JSON (")
                        + simdjson::error_message(status) + ").");
    }

    bool decodeEnvelope(const element &root, PlanData &plan)
    {
        simdjson::dom::object object;
        if (root.get_object().get(object))
            return notAPlan(std::string("it is JSON, but ") + typeName(root) + " instead of an object");
        element kind;
        std::string_view kindText;
        if (!member(object, "kind", kind))
            return notAPlan("it is JSON, but has no \"kind\": \"" + std::string(kPlanFileKind) + "\" member");
        if (kind.get_string().get(kindText) || kindText != kPlanFileKind)
            return notAPlan("its \"kind\" is " + shortText(kind) + ", not \"" + std::string(kPlanFileKind) + "\"");
        if (!checkVersion(object))
            return false;

        const Path top;
        if (!stringMember(object, "planId", top, plan.planId))
            return false;
        element applications;
        if (member(object, "applications", applications)
            && !decodeArray(applications, top.child("applications"), plan.applications,
                            [this](const element &value, const Path &path, PlanApplication &app) {
                                return decodeApplication(value, path, app);
                            }))
            return false;
        element settings;
        if (member(object, "serverSettings", settings)
            && !decodeArray(settings, top.child("serverSettings"), plan.serverSettings,
                            [this](const element &v, const Path &p, PlanServerSettings &own) {
                                return decodeServerSettings(v, p, own);
                            }))
            return false;
        if (!stringsMember(object, "retiredAppIds", top, plan.retiredAppIds))
            return false;
        // Files saved before the rule held can retire an application they hold.
        dropHeldRetiredIds(plan);
        // A file may give dependencies alone: the orders follow from them.
        for (PlanApplication &app : plan.applications)
            fillDerivedLaunchOrders(app.serverGroups);
        element inventory;
        if (member(object, "inventory", inventory) && !decodeInventory(inventory, top.child("inventory"), plan.inventory))
            return false;
        // The rules before the catalog: a broken file is refused before the bulk of the work.
        if (auto rules = checkPlanRules(plan.applications, m_subject); !rules)
            return fail(rules.error());
        if (auto rules = checkServerSettingsRules(plan.serverSettings, m_subject); !rules)
            return fail(rules.error());
        element catalog;
        return !member(object, "catalog", catalog) || decodeCatalog(catalog, top.child("catalog"), plan.catalog);
    }

    bool checkVersion(const simdjson::dom::object &object)
    {
        element version;
        if (!member(object, "formatVersion", version))
            return damaged("it has no formatVersion");
        std::uint64_t number = 0;
        if (version.get_uint64().get(number) || number == 0)
            return damaged("its formatVersion should be a positive whole number, but it is " + shortText(version));
        if (number > std::uint64_t(kPlanFormatVersion))
            return fail(ErrorCode::SerializationException,
                        " was saved by a newer version of SMS Migration Planner (plan format " + std::to_string(number)
                            + "); this version reads format " + std::to_string(kPlanFormatVersion)
                            + ". Update the planner to open it.");
        return true;
    }

    bool decodeCatalog(const element &value, const Path &path, CatalogSnapshot &catalog)
    {
        simdjson::dom::object object;
        if (!expectObject(value, path, object))
            return false;
        element part;
        if (member(object, "source", part) && !decodeSource(part, path.child("source"), catalog.source))
            return false;
        if (member(object, "servers", part) && !decodeList(part, path.child("servers"), catalog.servers))
            return false;
        if (member(object, "connectors", part) && !decodeList(part, path.child("connectors"), catalog.connectors))
            return false;
        return !member(object, "replicationJobs", part)
            || decodeArray(part, path.child("replicationJobs"), catalog.replicationJobs,
                           [this](const element &v, const Path &p, ReplicationJobSummary &job) { return decodeJob(v, p, job); });
    }

    bool decodeJob(const element &value, const Path &path, ReplicationJobSummary &job)
    {
        simdjson::dom::object object;
        std::string state;
        if (!expectObject(value, path, object) || !stringMember(object, "replicationJobId", path, job.replicationJobId)
            || !stringMember(object, "serverId", path, job.serverId) || !stringMember(object, "state", path, state)
            || !stringMember(object, "statusMessage", path, job.statusMessage)
            || !stringMember(object, "latestAmiId", path, job.latestAmiId))
            return false;
        job.state = api::OpenEnum<api::ReplicationJobState>::fromString(state);
        return true;
    }

    bool decodeSource(const element &value, const Path &path, CatalogSource &source)
    {
        simdjson::dom::object object;
        std::string status;
        if (!expectObject(value, path, object) || !stringMember(object, "endpoint", path, source.endpoint)
            || !stringMember(object, "region", path, source.region)
            || !optionalMember(object, "readAt", path, source.readAt)
            || !optionalMember(object, "lastModifiedOn", path, source.lastModifiedOn)
            || !stringMember(object, "status", path, status))
            return false;
        if (!status.empty())
            source.status = api::OpenEnum<api::ServerCatalogStatus>::fromString(status);
        return true;
    }

    bool decodeApplication(const element &value, const Path &path, PlanApplication &app)
    {
        simdjson::dom::object object;
        if (!expectObject(value, path, object) || !keyMember(object, path, app.key)
            || !stringMember(object, "appId", path, app.appId) || !stringMember(object, "name", path, app.name)
            || !stringMember(object, "description", path, app.description)
            || !stringMember(object, "roleName", path, app.roleName))
            return false;
        element list;
        if (member(object, "tags", list) && !decodeValue(list, path.child("tags"), app.tags))
            return false;
        if (member(object, "serverGroups", list)
            && !decodeArray(list, path.child("serverGroups"), app.serverGroups,
                            [this](const element &v, const Path &p, PlanServerGroup &group) {
                                return decodeGroup(v, p, group);
                            }))
            return false;
        ApplicationSettings &settings = app.settings;
        std::optional<bool> removeReplication, removeLaunch, removeValidation;
        if (!optionalMember(object, "replication", path, settings.replication)
            || !optionalMember(object, "launch", path, settings.launch)
            || !stringMember(object, "launchRoleName", path, settings.launchRoleName)
            || !optionalMember(object, "autoLaunch", path, settings.autoLaunch)
            || !optionalMember(object, "removeReplication", path, removeReplication)
            || !optionalMember(object, "removeLaunch", path, removeLaunch)
            || !optionalMember(object, "removeValidation", path, removeValidation))
            return false;
        settings.removeReplication = removeReplication.value_or(false);
        settings.removeLaunch = removeLaunch.value_or(false);
        settings.removeValidation = removeValidation.value_or(false);
        element validation;
        return !member(object, "validation", validation)
            || decodeValidation(validation, path.child("validation"), settings.validation.emplace());
    }

    bool decodeValidation(const element &value, const Path &path, AppValidationSettings &validation)
    {
        simdjson::dom::object object;
        if (!expectObject(value, path, object))
            return false;
        element list;
        if (member(object, "appValidations", list)
            && !decodeValue(list, path.child("appValidations"), validation.appValidations))
            return false;
        return !member(object, "serverValidations", list)
            || decodeArray(list, path.child("serverValidations"), validation.serverValidations,
                           [this](const element &v, const Path &p, PlanServerValidation &server) {
                               simdjson::dom::object entry;
                               return expectObject(v, p, entry) && stringMember(entry, "serverId", p, server.serverId)
                                   && stringMember(entry, "name", p, server.name)
                                   && optionalMember(entry, "userData", p, server.userData);
                           });
    }

    bool decodeServerSettings(const element &value, const Path &path, PlanServerSettings &own)
    {
        simdjson::dom::object object;
        if (!expectObject(value, path, object) || !stringMember(object, "serverId", path, own.serverId))
            return false;
        if (own.serverId.empty())
            return damaged(path.text() + " has no serverId");
        return optionalMember(object, "replication", path, own.replication)
            && optionalMember(object, "launch", path, own.launch);
    }

    // One entry per server: a second would leave which one counts unclear.
    bool decodeInventory(const element &value, const Path &path, std::vector<InventoryDetails> &inventory)
    {
        if (!decodeArray(value, path, inventory, [this](const element &v, const Path &p, InventoryDetails &details) {
                return decodeInventoryEntry(v, p, details);
            }))
            return false;
        std::unordered_map<std::string_view, std::size_t> first;
        for (std::size_t i = 0; i < inventory.size(); ++i)
            if (const auto [it, added] = first.emplace(inventory[i].serverId, i); !added)
                return damaged(path.text() + "[" + std::to_string(i) + "] repeats serverId \"" + inventory[i].serverId
                               + "\" of " + path.text() + "[" + std::to_string(it->second) + "]");
        return true;
    }

    bool decodeInventoryEntry(const element &value, const Path &path, InventoryDetails &details)
    {
        simdjson::dom::object object;
        if (!expectObject(value, path, object) || !stringMember(object, "serverId", path, details.serverId))
            return false;
        if (details.serverId.empty())
            return damaged(path.text() + " has no serverId");
        return optionalText(object, "vmUuid", path, details.vmUuid)
            && optionalText(object, "powerState", path, details.powerState)
            && optionalCount(object, "cpus", path, details.cpus)
            && optionalCount(object, "memoryMb", path, details.memoryMb)
            && optionalCount(object, "provisionedMb", path, details.provisionedMb)
            && optionalText(object, "operatingSystem", path, details.operatingSystem)
            && optionalText(object, "datacenter", path, details.datacenter)
            && optionalText(object, "cluster", path, details.cluster)
            && optionalText(object, "host", path, details.host);
    }

    bool optionalText(const simdjson::dom::object &object, std::string_view name, const Path &path,
                      std::optional<std::string> &out)
    {
        element value;
        return !member(object, name, value) || expectString(value, path.child(name), out.emplace());
    }

    // A whole number of things or megabytes: 0 or more.
    bool optionalCount(const simdjson::dom::object &object, std::string_view name, const Path &path,
                       std::optional<std::int64_t> &out)
    {
        element value;
        if (!member(object, name, value))
            return true;
        std::int64_t number = 0;
        if (value.get_int64().get(number) || number < 0)
            return damaged(path.child(name).text() + " should be a whole number of 0 or more, but it is "
                           + shortText(value));
        out = number;
        return true;
    }

    bool decodeGroup(const element &value, const Path &path, PlanServerGroup &group)
    {
        simdjson::dom::object object;
        if (!expectObject(value, path, object) || !keyMember(object, path, group.key)
            || !stringMember(object, "serverGroupId", path, group.serverGroupId)
            || !stringMember(object, "name", path, group.name))
            return false;
        return stringsMember(object, "serverIds", path, group.serverIds)
            && optionalMember(object, "launchOrder", path, group.launchOrder)
            && keysMember(object, "launchAfter", path, group.launchAfter)
            && pointMember(object, "pinnedAt", path, group.pinnedAt);
    }

    // Keys of other items: positive whole numbers (which items they name is PlanValidation's to check).
    bool keysMember(const simdjson::dom::object &object, std::string_view name, const Path &path,
                    std::vector<PlanKey> &out)
    {
        element value;
        return !member(object, name, value)
            || decodeArray(value, path.child(name), out, [this](const element &v, const Path &p, PlanKey &key) {
                   return (!v.get_uint64().get(key) && key > 0)
                       || damaged(p.text() + " should be a key, a positive whole number, but it is " + shortText(v));
               });
    }

    bool pointMember(const simdjson::dom::object &object, std::string_view name, const Path &path,
                     std::optional<GraphPoint> &out)
    {
        element value;
        if (!member(object, name, value))
            return true;
        const Path at = path.child(name);
        simdjson::dom::object point;
        if (!expectObject(value, at, point))
            return false;
        GraphPoint &into = out.emplace();
        for (auto [axis, coordinate] : {std::pair{"x", &into.x}, std::pair{"y", &into.y}}) {
            element number;
            if (!member(point, axis, number))
                return damaged(at.child(axis).text() + " is missing");
            if (number.get_double().get(*coordinate))
                return wrongType(number, at.child(axis), "a number");
        }
        return true;
    }

    template <typename DecodeItem>
    bool forEachItem(const element &value, const Path &path, DecodeItem decodeItem)
    {
        simdjson::dom::array array;
        if (value.get_array().get(array))
            return wrongType(value, path, "an array");
        std::size_t i = 0;
        for (const element item : array) {
            if (!decodeItem(item, path.item(i)))
                return false;
            ++i;
        }
        return true;
    }

    template <typename T, typename DecodeItem>
    bool decodeArray(const element &value, const Path &path, std::vector<T> &out, DecodeItem decodeItem)
    {
        // size() saturates at 16M items, a hint all the same.
        if (simdjson::dom::array array; !value.get_array().get(array))
            out.reserve(out.size() + array.size());
        return forEachItem(value, path, [&](const element &item, const Path &at) {
            return decodeItem(item, at, out.emplace_back());
        });
    }

    // A catalog list: kept, or when only checking, each item read into a
    // scratch value (the bulk of a plan's memory is never allocated).
    template <typename T>
    bool decodeList(const element &value, const Path &path, std::vector<T> &out)
    {
        if (!m_checkOnly)
            return decodeLongList(value, path, out);
        return forEachItem(value, path, [this](const element &item, const Path &at) {
            T scratch{};
            return decodeValue(item, at, scratch);
        });
    }

    // A list this long is decoded on several threads, a slice each: the DOM
    // is only read once parsed, and the items are independent. Building a
    // 100,000-server catalog's values is most of opening its plan; on two
    // cores this nearly halves it. A failure is reported as a one-thread
    // decode would: the first item that fails.
    static constexpr std::size_t kParallelFrom = 20'000;
    static constexpr unsigned kMostThreads = 4;

    template <typename T>
    bool decodeLongList(const element &value, const Path &path, std::vector<T> &out)
    {
        simdjson::dom::array array;
        if (value.get_array().get(array))
            return wrongType(value, path, "an array");
        const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1u, kMostThreads);
        // size() saturates at 16M items: still far above the threshold.
        if (array.size() < kParallelFrom || threads < 2)
            return decodeValue(value, path, out);
        std::vector<element> items;
        for (const element item : array)
            items.push_back(item);
        out.resize(items.size());
        const std::size_t slice = (items.size() + threads - 1) / threads;
        std::vector<Decoder> decoders(threads, Decoder(m_subject, false));
        const auto decodeSlice = [&](unsigned t) {
            const std::size_t end = std::min(items.size(), (t + 1) * slice);
            for (std::size_t i = t * slice; i < end; ++i)
                if (!decoders[t].decodeValue(items[i], path.item(i), out[i]))
                    return;
        };
        {
            std::vector<std::thread> workers;
            for (unsigned t = 1; t < threads; ++t)
                workers.emplace_back(decodeSlice, t);
            decodeSlice(0);
            for (std::thread &worker : workers)
                worker.join();
        }
        for (Decoder &decoder : decoders)
            if (decoder.m_error)
                return fail(std::move(*decoder.m_error));
        return true;
    }

    // The api types (servers, connectors, tags) straight from the DOM,
    // walking each structure's members() list as the API codec's reader does
    // (api/JsonReader.cpp), by its rules: absent or null members stay unset,
    // unknown members are ignored, unknown enum values are kept. Handing the
    // lists to api::parse instead would mean re-serialising and re-parsing
    // 30 MB: about 210 ms of CPU to open a 100,000-server plan instead of 135.
    template <typename T>
    bool decodeValue(const element &value, const Path &path, T &out)
    {
        if constexpr (api::codec::Structure<T>) {
            simdjson::dom::object object;
            if (!expectObject(value, path, object))
                return false;
            bool ok = true;
            api::codec::FieldCursor fields(object);
            T::members(out, [&](const char *name, auto &memberValue, api::MemberKind kind) {
                element json;
                if (!ok || !fields.find(name, json) || json.is_null()) {
                    if (ok && kind == api::MemberKind::Required)
                        ok = damaged(path.child(name).text() + " is missing");
                    return;
                }
                using M = std::decay_t<decltype(memberValue)>;
                if constexpr (api::codec::IsOptional<M>::value)
                    ok = decodeValue(json, path.child(name), memberValue.emplace());
                else
                    ok = decodeValue(json, path.child(name), memberValue);
            });
            return ok;
        } else if constexpr (api::codec::IsVector<T>::value) {
            return decodeArray(value, path, out, [this](const element &item, const Path &at, auto &entry) {
                return decodeValue(item, at, entry);
            });
        } else if constexpr (api::codec::IsOpenEnum<T>::value) {
            std::string_view text;
            if (value.get_string().get(text))
                return wrongType(value, path, "a string");
            out = T::fromString(text);
            return true;
        } else if constexpr (std::is_same_v<T, api::Timestamp>) {
            return !value.get_double().get(out.epochSeconds) || wrongType(value, path, "a time in seconds since 1970");
        } else if constexpr (std::is_same_v<T, std::string>) {
            return expectString(value, path, out);
        } else if constexpr (std::is_same_v<T, bool>) {
            return !value.get_bool().get(out) || wrongType(value, path, "true or false");
        } else {
            static_assert(std::is_same_v<T, int>, "a member type the codec does not know");
            std::int64_t number = 0;
            if (value.get_int64().get(number) || number < std::numeric_limits<int>::min()
                || number > std::numeric_limits<int>::max())
                return wrongType(value, path, "a whole number");
            out = int(number);
            return true;
        }
    }

    // Present and not null (null reads as absent, as in the API codec).
    static bool member(const simdjson::dom::object &object, std::string_view name, element &value)
    {
        return !object.at_key(name).get(value) && !value.is_null();
    }

    bool expectObject(const element &value, const Path &path, simdjson::dom::object &object)
    {
        return !value.get_object().get(object) || wrongType(value, path, "an object");
    }

    bool expectString(const element &value, const Path &path, std::string &out)
    {
        std::string_view text;
        if (value.get_string().get(text))
            return wrongType(value, path, "a string");
        out.assign(text);
        return true;
    }

    bool stringMember(const simdjson::dom::object &object, std::string_view name, const Path &path, std::string &out)
    {
        element value;
        return !member(object, name, value) || expectString(value, path.child(name), out);
    }

    bool stringsMember(const simdjson::dom::object &object, std::string_view name, const Path &path,
                       std::vector<std::string> &out)
    {
        element value;
        return !member(object, name, value)
            || decodeArray(value, path.child(name), out,
                           [this](const element &v, const Path &p, std::string &text) { return expectString(v, p, text); });
    }

    // Absent or null leaves `out` unset.
    template <typename T>
    bool optionalMember(const simdjson::dom::object &object, std::string_view name, const Path &path,
                        std::optional<T> &out)
    {
        element value;
        return !member(object, name, value) || decodeValue(value, path.child(name), out.emplace());
    }

    // Required: a key is how the plan refers to its items (0 is refused by the rules).
    bool keyMember(const simdjson::dom::object &object, const Path &path, PlanKey &out)
    {
        element value;
        if (!member(object, "key", value))
            return damaged(path.text() + " has no key");
        std::uint64_t key = 0;
        if (value.get_uint64().get(key))
            return damaged(path.text() + ".key should be a positive whole number, but it is " + shortText(value));
        out = key;
        return true;
    }

    bool wrongType(const element &value, const Path &path, const char *expected)
    {
        return damaged(path.text() + " should be " + expected + ", but it is " + typeName(value));
    }

    bool notAPlan(const std::string &why)
    {
        return fail(ErrorCode::SerializationException, " is not an SMS Migration Planner plan: " + why + ".");
    }

    bool damaged(const std::string &problem)
    {
        return fail(ErrorCode::SerializationException, " is damaged: " + problem + ".");
    }

    bool fail(ErrorCode code, const std::string &rest) { return fail(SmsError::make(code, m_subject + rest)); }

    bool fail(SmsError error)
    {
        m_error = std::move(error);
        return false;
    }

    const std::string &m_subject;
    std::optional<SmsError> m_error;
    std::function<void()> m_parsed;
    bool m_checkOnly = false;
};

} // namespace

Result<PlanData> decodePlanBuffer(const char *data, std::size_t size, bool padded, const std::string &subject,
                                  const std::function<void()> &parsed, bool checkOnly)
{
    return Decoder(subject, checkOnly).run(data, size, padded, parsed);
}

} // namespace sms::models::detail

namespace sms::models {

Result<PlanData> decodePlan(std::string_view bytes, const QString &sourceName)
{
    const std::string subject
        = sourceName.isEmpty() ? std::string("The plan") : "The file \"" + sourceName.toStdString() + "\"";
    return detail::decodePlanBuffer(bytes.data(), bytes.size(), /*padded=*/false, subject);
}

} // namespace sms::models
