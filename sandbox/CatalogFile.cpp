// The catalog file loader: an RFC 4180 reader (Qt has none), CSV rows and JSON
// Server objects turned into estate servers, and what a file leaves out filled
// in from what it says. Bytes stay std::string_view/std::string throughout: a
// 100,000-row file never becomes QStrings.

#include "sandbox/CatalogFile.h"

#include "api/JsonCodec.h"
#include "sandbox/SeededRandom.h"
#include "api/TextLimits.h"

#include <QCryptographicHash>
#include <QFile>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <unordered_map>
#include <unordered_set>
#include <variant>

namespace sms::sandbox {
namespace {

// When a catalog's connectors were associated: fixed, so that every load of a
// file gives the same estate.
constexpr api::Timestamp kCatalogTime{1704067200.0};  // 2024-01-01

constexpr std::string_view kEmptyFile = "the file is empty";

// ---- text -------------------------------------------------------------------

std::string_view trimmed(std::string_view text)
{
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [&](char x, char y) { return lower(x) == lower(y); });
}

// A value as a message shows it: in quotes, and cut short (on a UTF-8
// character boundary) if it is long.
std::string inQuotes(std::string_view value)
{
    constexpr std::size_t kLongest = 40;
    if (value.size() <= kLongest)
        return '\'' + std::string(value) + '\'';
    return '\'' + std::string(utf8Prefix(value, kLongest)) + "...'";
}

bool blank(const std::optional<std::string> &value)
{
    return !value || value->empty();
}

// ---- filled-in ids ----------------------------------------------------------

// A digest of the parts, each closed by a byte UTF-8 never holds (so ("ab", "c")
// and ("a", "bc") differ): the same parts give the same id on every platform,
// which std::hash does not promise.
std::uint64_t stableHash(std::initializer_list<std::string_view> parts)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const std::string_view part : parts) {
        hash.addData(QByteArrayView(part.data(), qsizetype(part.size())));
        hash.addData(QByteArrayView("\xff", 1));
    }
    return qFromLittleEndian<std::uint64_t>(hash.resultView().data());
}

std::string serverIdFrom(std::uint64_t hash)
{
    return "s-" + hexDigits(hash >> 60, 1) + hexDigits(mix64(hash), 16);
}

std::string defaultManagerName(const api::OpenEnum<api::VmManagerType> &type)
{
    switch (type.value()) {
    case api::VmManagerType::Vsphere: return "vcenter.corp.example.com";
    case api::VmManagerType::Scvmm: return "scvmm.corp.example.com";
    case api::VmManagerType::HypervManager: return "hyperv.corp.example.com";
    case api::VmManagerType::Unknown: break;
    }
    return "vm-manager.corp.example.com";
}

std::string describeManager(std::string_view name, const api::OpenEnum<api::VmManagerType> &type)
{
    return inQuotes(name) + " (" + std::string(type.toString()) + ')';
}

// ---- messages -----------------------------------------------------------------

// Names where a problem is ("catalog.csv, line 4" or "servers.json,
// serverList[3]") and gathers the bad rows of one load.
class Diagnostics
{
public:
    Diagnostics(std::string source, std::string placePrefix, std::string placeSuffix)
        : m_source(std::move(source)), m_prefix(std::move(placePrefix)), m_suffix(std::move(placeSuffix))
    {
    }

    std::string place(std::size_t position) const { return m_prefix + std::to_string(position) + m_suffix; }

    SmsError fileError(std::string_view problem) const { return error(m_source + ": " + std::string(problem)); }
    SmsError errorAt(std::size_t position, std::string_view problem) const { return error(entry(position, problem)); }

    void addBadRow(std::size_t position, std::string_view problem)
    {
        if (++m_badRows <= std::size_t(kMaxListedBadRows))
            m_listed.push_back(entry(position, problem));
    }
    bool hasBadRows() const { return m_badRows > 0; }

    SmsError badRowsError() const
    {
        if (m_badRows == 1)
            return error(m_listed.front());
        std::string message = m_source + ": " + std::to_string(m_badRows) + " bad rows, nothing loaded:";
        for (const std::string &line : m_listed)
            message += '\n' + line;
        if (m_badRows > m_listed.size())
            message += "\n... and " + std::to_string(m_badRows - m_listed.size()) + " more";
        return error(std::move(message));
    }

private:
    std::string entry(std::size_t position, std::string_view problem) const
    {
        return m_source + ", " + place(position) + ": " + std::string(problem);
    }
    static SmsError error(std::string message)
    {
        return SmsError::make(ErrorCode::InvalidConfiguration, std::move(message));
    }

    std::string m_source;
    std::string m_prefix;
    std::string m_suffix;
    std::vector<std::string> m_listed;
    std::size_t m_badRows = 0;
};

// ---- the estate -------------------------------------------------------------

// Fills in what each server leaves out, checks it against the servers before
// it, and collects the VM managers the connectors are made for.
class EstateBuilder
{
public:
    EstateBuilder(const Diagnostics &diagnostics, std::size_t expectedServers)
        : m_diagnostics(diagnostics), m_serverIds(0, ServerIdHash{&m_estate.servers}, ServerIdEqual{&m_estate.servers})
    {
        m_estate.servers.reserve(expectedServers);
        m_positions.reserve(expectedServers);
        m_serverIds.reserve(expectedServers);
    }
    // The set of serverIds points at the servers.
    EstateBuilder(const EstateBuilder &) = delete;
    EstateBuilder &operator=(const EstateBuilder &) = delete;

    // Adds the server of row `rowNumber` (1-based), found at `position`, or
    // says what is wrong with it.
    std::optional<std::string> add(api::Server server, bool replicable, std::size_t rowNumber, std::size_t position)
    {
        api::VmServer &vm = server.vmServer ? *server.vmServer : server.vmServer.emplace();
        if (blank(vm.vmName))
            return "the server has no vmServer.vmName";
        // The sandbox starts without replication jobs; a job of the account the
        // file came from would dangle.
        server.replicationJobId.reset();
        server.replicationJobTerminated.reset();

        if (!server.serverType)
            server.serverType = api::ServerType::VirtualMachine;
        const auto &type = vm.vmManagerType ? *vm.vmManagerType : vm.vmManagerType.emplace(api::VmManagerType::Vsphere);
        if (blank(vm.vmManagerName))
            vm.vmManagerName = defaultManagerName(type);
        const std::string &managerName = *vm.vmManagerName;
        api::VmServerAddress &address = vm.vmServerAddress ? *vm.vmServerAddress : vm.vmServerAddress.emplace();
        if (blank(address.vmManagerId))
            address.vmManagerId = filledManagerId(type, managerName);
        const std::string &managerId = *address.vmManagerId;
        const bool vmIdFilled = blank(address.vmId);
        if (vmIdFilled) {
            // vCenter names VMs "vm-<number>"; SCVMM and Hyper-V use GUIDs.
            const std::string row = std::to_string(rowNumber);
            address.vmId = type == api::VmManagerType::Vsphere
                ? "vm-" + row
                : SeededRandom(stableHash({"vm", managerId, row})).uuid();
        }
        const bool serverIdFilled = blank(server.serverId);
        if (serverIdFilled)
            server.serverId = serverIdFrom(stableHash({"server", managerId, *address.vmId}));

        const auto known = m_managerIndex.find(managerId);
        if (known != m_managerIndex.end()) {
            const Manager &manager = m_managers[known->second];
            if (manager.name != managerName || manager.type != type)
                return "vmManagerId " + inQuotes(managerId) + " is " + describeManager(manager.name, manager.type)
                    + " on " + m_diagnostics.place(manager.position) + ", not " + describeManager(managerName, type);
        }

        // Added first, so that the set of serverIds can index it.
        m_estate.servers.push_back({std::move(server), replicable});
        const auto [earlier, added] = m_serverIds.insert(m_estate.servers.size() - 1);
        if (!added) {
            const api::Server &clash = m_estate.servers.back().server;
            const std::string where = " is already on " + m_diagnostics.place(m_positions[*earlier]);
            std::string problem = serverIdFilled
                ? "the VM with vmManagerId " + inQuotes(clash.vmServer->vmServerAddress->vmManagerId.value())
                    + " and vmId " + inQuotes(clash.vmServer->vmServerAddress->vmId.value())
                    + (vmIdFilled ? " (filled in from the row number)" : "") + where
                : "serverId " + inQuotes(*clash.serverId) + where;
            m_estate.servers.pop_back();
            return problem;
        }
        m_positions.push_back(position);
        if (known == m_managerIndex.end()) {
            const api::VmServer &stored = *m_estate.servers.back().server.vmServer;
            m_managerIndex.emplace(*stored.vmServerAddress->vmManagerId, m_managers.size());
            m_managers.push_back({*stored.vmServerAddress->vmManagerId, *stored.vmManagerName, *stored.vmManagerType,
                                  position});
        }
        return std::nullopt;
    }

    Estate finish() &&
    {
        m_estate.generatedAt = kCatalogTime;
        for (const Manager &manager : m_managers) {
            // Seeded by the manager alone, so a connector keeps its id when rows move.
            SeededRandom random(stableHash({"connector", manager.id}));
            m_estate.connectors.push_back(
                makeConnector(manager.name, manager.type, manager.id, random, /*healthy=*/true, kCatalogTime));
        }
        return std::move(m_estate);
    }

private:
    struct Manager
    {
        std::string id;
        std::string name;
        api::OpenEnum<api::VmManagerType> type;
        std::size_t position;
    };

    // The set of serverIds holds indexes into the servers: no copy of an id,
    // and no allocation beyond the set's own nodes.
    struct ServerIdHash
    {
        const std::vector<EstateServer> *servers;
        std::size_t operator()(std::size_t i) const { return std::hash<std::string>()(*(*servers)[i].server.serverId); }
    };
    struct ServerIdEqual
    {
        const std::vector<EstateServer> *servers;
        bool operator()(std::size_t a, std::size_t b) const
        {
            return (*servers)[a].server.serverId == (*servers)[b].server.serverId;
        }
    };

    // Rows name the same manager over and over: its id is made once.
    const std::string &filledManagerId(const api::OpenEnum<api::VmManagerType> &type, const std::string &name)
    {
        std::string key = std::string(type.toString()) + '\n' + name;
        auto it = m_filledManagerIds.find(key);
        if (it == m_filledManagerIds.end()) {
            std::string id = SeededRandom(stableHash({"manager", type.toString(), name})).uuid();
            it = m_filledManagerIds.emplace(std::move(key), std::move(id)).first;
        }
        return it->second;
    }

    const Diagnostics &m_diagnostics;
    Estate m_estate;
    std::vector<std::size_t> m_positions;  // of each server
    std::unordered_set<std::size_t, ServerIdHash, ServerIdEqual> m_serverIds;
    std::vector<Manager> m_managers;
    std::unordered_map<std::string, std::size_t> m_managerIndex;  // by vmManagerId
    std::unordered_map<std::string, std::string> m_filledManagerIds;  // by type and name
};

// ---- CSV ----------------------------------------------------------------------

using CsvFields = std::span<const std::string>;

struct CsvRecord
{
    std::size_t line = 0;  // where the record starts
    std::string problem;   // set when the record is malformed

    CsvFields fields() const { return {storage.data(), count}; }

    // Kept from record to record, so that long fields reuse their buffers.
    std::vector<std::string> storage;
    std::size_t count = 0;
};

// RFC 4180: fields split by commas, records by CRLF, LF or a lone CR; a quoted
// field may hold commas, line breaks and doubled quotes. A quote inside an
// unquoted field is kept as text, as spreadsheets do. Blank (or all-space)
// lines are skipped.
class CsvReader
{
public:
    explicit CsvReader(std::string_view text) : m_text(text) {}

    bool next(CsvRecord &record)
    {
        while (m_pos < m_text.size()) {
            record.count = 0;
            record.problem.clear();
            record.line = m_line;
            bool quoted = false;
            bool endOfRecord = false;
            while (!endOfRecord) {
                if (record.count == record.storage.size())
                    record.storage.emplace_back();
                std::string &field = record.storage[record.count++];
                field.clear();
                quoted = m_pos < m_text.size() && m_text[m_pos] == '"';
                if (quoted)
                    readQuoted(field, record);
                const std::size_t start = m_pos;
                while (m_pos < m_text.size() && m_text[m_pos] != ',' && m_text[m_pos] != '\n' && m_text[m_pos] != '\r')
                    ++m_pos;
                if (m_pos > start) {
                    if (quoted && record.problem.empty())
                        record.problem = "text follows a closing quote";
                    field.append(m_text.substr(start, m_pos - start));
                }
                endOfRecord = m_pos == m_text.size() || m_text[m_pos] != ',';
                if (endOfRecord)
                    skipLineBreak();
                else
                    ++m_pos;
            }
            if (record.count > 1 || quoted || !trimmed(record.storage.front()).empty())
                return true;
        }
        return false;
    }

private:
    void readQuoted(std::string &field, CsvRecord &record)
    {
        ++m_pos;
        for (;;) {
            const std::size_t close = std::min(m_text.find('"', m_pos), m_text.size());
            const std::string_view chunk = m_text.substr(m_pos, close - m_pos);
            m_line += std::size_t(std::count(chunk.begin(), chunk.end(), '\n'));
            field.append(chunk);
            m_pos = close + 1;
            if (close == m_text.size()) {
                m_pos = close;
                record.problem = "a quoted field is never closed";
                return;
            }
            if (m_pos == m_text.size() || m_text[m_pos] != '"')
                return;
            field += '"';
            ++m_pos;
        }
    }

    void skipLineBreak()
    {
        if (m_pos == m_text.size())
            return;
        m_pos += m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n' ? 2 : 1;
        ++m_line;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
    std::size_t m_line = 1;
};

enum class Column { VmName, VmManagerName, VmManagerType, VmPath, VmId, VmManagerId, ServerId, Replicable };
constexpr std::array<std::string_view, 8> kColumnNames{"vmName",      "vmManagerName", "vmManagerType", "vmPath",
                                                       "vmId",        "vmManagerId",   "serverId",      "replicable"};

// Where each known column is in a row, or -1.
class CsvColumns
{
public:
    // The columns the header names, or its problem.
    static std::variant<CsvColumns, std::string> fromHeader(CsvFields header)
    {
        CsvColumns columns;
        columns.m_width = header.size();
        for (std::size_t i = 0; i < header.size(); ++i) {
            const auto known = std::find_if(kColumnNames.begin(), kColumnNames.end(), [&](std::string_view name) {
                return equalsIgnoringCase(trimmed(header[i]), name);
            });
            if (known == kColumnNames.end())
                continue;  // spreadsheets carry columns of their own
            int &index = columns.m_index[std::size_t(known - kColumnNames.begin())];
            if (index >= 0)
                return "the header names the " + std::string(*known) + " column twice";
            index = int(i);
        }
        if (columns.m_index[std::size_t(Column::VmName)] < 0)
            return std::string("the header has no vmName column");
        return columns;
    }

    std::size_t width() const { return m_width; }

    // The cell of `column` without surrounding spaces; empty if there is no such column.
    std::string_view cell(CsvFields row, Column column) const
    {
        const int index = m_index[std::size_t(column)];
        return index < 0 ? std::string_view() : trimmed(row[std::size_t(index)]);
    }
    std::optional<std::string> value(CsvFields row, Column column) const
    {
        const std::string_view text = cell(row, column);
        return text.empty() ? std::nullopt : std::optional<std::string>(text);
    }

private:
    CsvColumns() { m_index.fill(-1); }

    std::array<int, kColumnNames.size()> m_index;
    std::size_t m_width = 0;
};

// The server in one CSV row; its problems, "; "-separated, in `problems`.
api::Server serverFromRow(CsvFields row, const CsvColumns &columns, bool &replicable, std::string &problems)
{
    const auto note = [&](std::string problem) { problems += (problems.empty() ? "" : "; ") + problem; };
    api::Server server;
    api::VmServer &vm = server.vmServer.emplace();
    vm.vmName = columns.value(row, Column::VmName);
    if (!vm.vmName)
        note("vmName is empty");
    vm.vmManagerName = columns.value(row, Column::VmManagerName);
    vm.vmPath = columns.value(row, Column::VmPath);
    if (const std::string_view type = columns.cell(row, Column::VmManagerType); !type.empty()) {
        const auto &names = api::EnumTraits<api::VmManagerType>::names;
        const auto known = std::find_if(names.begin(), names.end(),
                                        [&](std::string_view name) { return equalsIgnoringCase(type, name); });
        if (known != names.end())
            vm.vmManagerType = api::VmManagerType(known - names.begin());
        else
            note("vmManagerType " + inQuotes(type) + " is not VSPHERE, SCVMM or HYPERV-MANAGER");
    }
    vm.vmServerAddress = api::VmServerAddress{.vmManagerId = columns.value(row, Column::VmManagerId),
                                              .vmId = columns.value(row, Column::VmId)};
    server.serverId = columns.value(row, Column::ServerId);
    replicable = true;
    if (const std::string_view text = columns.cell(row, Column::Replicable); !text.empty()) {
        if (equalsIgnoringCase(text, "false"))
            replicable = false;
        else if (!equalsIgnoringCase(text, "true"))
            note("replicable " + inQuotes(text) + " is not true or false");
    }
    return server;
}

Result<Estate> loadCsv(std::string_view text, const std::string &source)
{
    Diagnostics diagnostics(source, "line ", "");
    CsvReader reader(text);
    CsvRecord record;
    if (!reader.next(record))
        return diagnostics.fileError(kEmptyFile);
    if (!record.problem.empty())
        return diagnostics.errorAt(record.line, "the header: " + record.problem);
    auto header = CsvColumns::fromHeader(record.fields());
    if (const auto *problem = std::get_if<std::string>(&header))
        return diagnostics.errorAt(record.line, *problem);
    const CsvColumns &columns = std::get<CsvColumns>(header);

    // A line a row, give or take quoted line breaks: enough to reserve for.
    EstateBuilder builder(diagnostics, std::size_t(std::count(text.begin(), text.end(), '\n')));
    std::size_t rowNumber = 0;
    std::string problems;
    while (reader.next(record)) {
        ++rowNumber;
        if (!record.problem.empty()) {
            diagnostics.addBadRow(record.line, record.problem);
            continue;
        }
        if (record.count != columns.width()) {
            diagnostics.addBadRow(record.line, "has " + std::to_string(record.count)
                                      + (record.count == 1 ? " field" : " fields") + ", the header has "
                                      + std::to_string(columns.width()));
            continue;
        }
        problems.clear();
        bool replicable = true;
        api::Server server = serverFromRow(record.fields(), columns, replicable, problems);
        if (problems.empty()) {
            if (auto problem = builder.add(std::move(server), replicable, rowNumber, record.line))
                problems = std::move(*problem);
        }
        if (!problems.empty())
            diagnostics.addBadRow(record.line, problems);
    }
    if (diagnostics.hasBadRows())
        return diagnostics.badRowsError();
    return std::move(builder).finish();
}

// ---- JSON ---------------------------------------------------------------------

// Finds where nlohmann's parser stops in malformed JSON: simdjson, which reads
// catalogs, says what is wrong but not where.
class SyntaxErrorFinder final : public api::Json::json_sax_t
{
public:
    using Json = api::Json;

    // "at line 3, column 5: syntax error ...", or nothing for well-formed JSON.
    static std::optional<std::string> find(std::string_view text)
    {
        SyntaxErrorFinder finder;
        if (Json::sax_parse(text, &finder))
            return std::nullopt;
        const std::string_view what = finder.m_message;
        const std::size_t at = what.find("parse error ");
        return std::string(at == std::string_view::npos ? what : what.substr(at + 12));
    }

    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(Json::number_integer_t) override { return true; }
    bool number_unsigned(Json::number_unsigned_t) override { return true; }
    bool number_float(Json::number_float_t, const Json::string_t &) override { return true; }
    bool string(Json::string_t &) override { return true; }
    bool binary(Json::binary_t &) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(Json::string_t &) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string &, const Json::exception &error) override
    {
        m_message = error.what();
        return false;
    }

private:
    std::string m_message;
};

Result<Estate> loadJson(std::string_view text, const std::string &source)
{
    // A bare array (what `aws sms get-servers --query serverList` prints) is
    // read as the serverList of a GetServers response.
    const bool bareArray = text.front() == '[';
    Diagnostics diagnostics(source, bareArray ? "[" : "serverList[", "]");
    if (text.front() != '{' && !bareArray) {
        const auto syntaxError = SyntaxErrorFinder::find(text);
        return diagnostics.fileError(syntaxError ? "malformed JSON " + *syntaxError
                                                 : "expected {\"serverList\": [...]} or an array of servers");
    }
    std::string wrapped;
    if (bareArray) {
        constexpr std::string_view kOpen = "{\"serverList\":";
        wrapped.reserve(kOpen.size() + text.size() + 1);
        wrapped.append(kOpen).append(text) += '}';
    }
    auto response = api::parse<api::GetServersResponse>(bareArray ? std::string_view(wrapped) : text);
    if (!response) {
        const SmsError &error = response.error();
        if (error.errorCode() == ErrorCode::SerializationException)
            if (const auto syntaxError = SyntaxErrorFinder::find(text))
                return diagnostics.fileError("malformed JSON " + *syntaxError);
        std::string_view problem = error.message;
        if (bareArray && problem.starts_with("serverList"))
            problem.remove_prefix(std::string_view("serverList").size());
        return diagnostics.fileError(problem);
    }
    if (!response->serverList)
        return diagnostics.fileError("has no serverList");

    std::vector<api::Server> &servers = *response->serverList;
    EstateBuilder builder(diagnostics, servers.size());
    for (std::size_t i = 0; i < servers.size(); ++i) {
        // JSON has no word for it: a listed server can be replicated.
        if (auto problem = builder.add(std::move(servers[i]), /*replicable=*/true, i + 1, i))
            diagnostics.addBadRow(i, *problem);
    }
    if (diagnostics.hasBadRows())
        return diagnostics.badRowsError();
    return std::move(builder).finish();
}

} // namespace

CatalogFormat catalogFormatFor(const QString &path)
{
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? CatalogFormat::Csv : CatalogFormat::Json;
}

Result<Estate> loadCatalog(QByteArrayView bytes, CatalogFormat format, const QString &sourceName)
{
    const std::string source = sourceName.toStdString();
    std::string_view text(bytes.data(), std::size_t(bytes.size()));
    if (text.starts_with("\xEF\xBB\xBF"))  // the byte order mark spreadsheets write
        text.remove_prefix(3);
    if (trimmed(text).empty())
        return SmsError::make(ErrorCode::InvalidConfiguration, source + ": " + std::string(kEmptyFile));
    return format == CatalogFormat::Csv ? loadCsv(text, source) : loadJson(trimmed(text), source);
}

Result<Estate> loadCatalogFile(const QString &path)
{
    QFile file(path);
    const auto unreadable = [&] {
        return SmsError::make(ErrorCode::InvalidConfiguration, path.toStdString() + ": cannot read the catalog ("
                                  + file.errorString().toStdString() + ')');
    };
    if (!file.open(QIODevice::ReadOnly))
        return unreadable();
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return unreadable();
    return loadCatalog(text, catalogFormatFor(path), path);
}

} // namespace sms::sandbox
