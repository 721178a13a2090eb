#include "models/InventoryRows.h"

#include "models/CsvWriter.h"
#include "models/RvToolsVInfo.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace sms::models {
namespace {

using api::VmManagerType;

std::string quoted(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

// A count such as CPUs: digits only.
std::optional<std::int64_t> parseWhole(std::string_view text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < 0)
        return std::nullopt;
    return value;
}

// Megabytes: a whole or decimal number (some exports write 40960.5), rounded.
std::optional<std::int64_t> parseMegabytes(std::string_view text)
{
    if (auto whole = parseWhole(text))
        return whole;
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed);
    if (error != std::errc() || end != text.data() + text.size() || !(value >= 0) || value > 9e15)
        return std::nullopt;
    return std::int64_t(std::llround(value));
}

// The wire names in any case, and what people call the managers.
std::optional<VmManagerType> parseManagerType(std::string_view text)
{
    std::string key;
    for (const char c : text)
        if (std::isalnum(static_cast<unsigned char>(c)))
            key += char(std::tolower(static_cast<unsigned char>(c)));
    if (key == "vsphere" || key == "vmware" || key == "vcenter" || key == "esxi")
        return VmManagerType::Vsphere;
    if (key == "scvmm")
        return VmManagerType::Scvmm;
    if (key == "hypervmanager" || key == "hyperv")
        return VmManagerType::HypervManager;
    return std::nullopt;
}

std::optional<std::string> optionalText(std::string_view text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

// "a", "a and b", "a, b and c"
std::string joinedWithAnd(const std::vector<std::string> &items)
{
    std::string text;
    for (std::size_t i = 0; i < items.size(); ++i)
        text += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return text;
}

std::string plural(std::size_t count, std::string_view noun)
{
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

} // namespace

std::vector<bool> InventoryColumns::used() const
{
    std::vector<bool> columns(headers.size(), false);
    for (const int column : field)
        if (column >= 0)
            columns[std::size_t(column)] = true;
    for (const int column : {templateColumn, folderColumn})
        if (column >= 0)
            columns[std::size_t(column)] = true;
    return columns;
}

std::string quotedHeaders(const std::vector<std::string> &headers)
{
    constexpr std::size_t kMaxListed = 40;  // RVTools has ~90; the start tells enough
    std::string list;
    for (std::size_t i = 0; i < std::min(headers.size(), kMaxListed); ++i)
        list += (i == 0 ? "" : ", ") + quoted(headers[i]);
    if (headers.size() > kMaxListed)
        list += " and " + std::to_string(headers.size() - kMaxListed) + " more";
    return list;
}

Result<InventoryColumns> findColumns(const ColumnMapping &mapping, std::vector<std::string> headers)
{
    InventoryColumns columns;
    columns.headers = std::move(headers);
    columns.field.fill(-1);
    std::string missing;
    for (const InventoryField field : mapping.mappedFields()) {
        const int column = headerColumn(columns.headers, mapping.header(field));
        columns.field[std::size_t(field)] = column;
        if (column < 0)
            missing += (missing.empty() ? "" : ", ") + quoted(mapping.header(field)) + " (for "
                     + std::string(inventoryFieldName(field)) + ")";
    }
    if (!missing.empty())
        return SmsError::make(ErrorCode::InvalidParameterException,
                              "The column mapping names columns the header row does not have: " + missing
                                  + ". The header row has " + quotedHeaders(columns.headers) + ".");
    return columns;
}

struct InventoryRowConverter::Row
{
    bool isTemplate = false;
    std::string_view serverId, vmName, vmId, vmUuid, managerName, managerId, vmPath;
    std::string_view powerState, operatingSystem, datacenter, cluster, host;
    std::optional<std::int64_t> cpus, memoryMb, provisionedMb;
    std::optional<VmManagerType> managerType;
};

InventoryRowConverter::InventoryRowConverter(InventoryColumns columns, InventoryFormat format, std::size_t expectedRows)
    : m_columns(std::move(columns)), m_format(format)
{
    m_lineOfServer.reserve(expectedRows);
}

std::string_view InventoryRowConverter::cell(const CsvRecord &record, int column) const
{
    // libcsv has trimmed unquoted cells; spaces inside quotes are the cell's own.
    return column < 0 ? std::string_view() : unguardCsvCell(record.fields[std::size_t(column)]);
}

std::string_view InventoryRowConverter::cell(const CsvRecord &record, InventoryField field) const
{
    return cell(record, m_columns.field[std::size_t(field)]);
}

std::string InventoryRowConverter::columnHeader(int column) const
{
    return quoted(m_columns.headers[std::size_t(column)]);
}

std::string InventoryRowConverter::valueProblem(int column, std::string_view value, std::string_view expected) const
{
    return "Column " + columnHeader(column) + " has " + quoted(value) + ", which is " + std::string(expected) + ".";
}

std::string InventoryRowConverter::check(const CsvRecord &record, Row &row)
{
    if (record.fields.size() != m_columns.headers.size())
        return "The row has " + plural(record.fields.size(), "field") + ", but the header row has "
             + plural(m_columns.headers.size(), "field") + ".";
    if (const std::string_view isTemplate = cell(record, m_columns.templateColumn); !isTemplate.empty()) {
        const auto value = parseRvToolsBool(isTemplate);
        if (!value)
            return valueProblem(m_columns.templateColumn, isTemplate, "neither True nor False");
        if ((row.isTemplate = *value))
            return {};
    }

    using F = InventoryField;
    const auto columnOf = [this](F field) { return m_columns.field[std::size_t(field)]; };
    row.serverId = cell(record, F::ServerId);
    row.vmName = cell(record, F::VmName);
    row.vmId = cell(record, F::VmId);
    row.vmUuid = cell(record, F::VmUuid);
    if (row.vmName.empty() && row.vmId.empty() && row.vmUuid.empty()) {
        std::vector<std::string> empty;
        for (const F field : {F::VmName, F::VmId, F::VmUuid})
            if (columnOf(field) >= 0)
                empty.push_back(columnHeader(columnOf(field)));
        return "The row has no VM name and no VM id: " + std::string(empty.size() == 1 ? "column " : "columns ")
             + joinedWithAnd(empty) + (empty.size() == 1 ? " is" : " are") + " empty.";
    }

    std::vector<std::string> problems;
    const auto number = [&](F field, auto parse, std::string_view expected) {
        const std::string_view text = trimmedCsvText(cell(record, field));
        auto value = text.empty() ? std::nullopt : parse(text);
        if (!text.empty() && !value)
            problems.push_back(valueProblem(columnOf(field), text, expected));
        return value;
    };
    row.cpus = number(F::Cpus, parseWhole, "not a whole number");
    row.memoryMb = number(F::MemoryMb, parseMegabytes, "not a number of megabytes");
    row.provisionedMb = number(F::ProvisionedMb, parseMegabytes, "not a number of megabytes");

    if (m_format == InventoryFormat::RvToolsVInfo) {
        row.managerType = VmManagerType::Vsphere;
    } else if (const std::string_view type = cell(record, F::VmManagerType); !type.empty()) {
        row.managerType = parseManagerType(type);
        if (!row.managerType)
            problems.push_back(valueProblem(columnOf(F::VmManagerType), type,
                                            "not a VM manager type (VSPHERE, SCVMM or HYPERV-MANAGER)"));
    }
    row.managerName = cell(record, F::VmManagerName);
    row.managerId = cell(record, F::VmManagerId);
    row.vmPath = cell(record, F::VmPath);
    row.powerState = cell(record, F::PowerState);
    row.operatingSystem = cell(record, F::OperatingSystem);
    row.datacenter = cell(record, F::Datacenter);
    row.cluster = cell(record, F::Cluster);
    row.host = cell(record, F::Host);

    std::string reasons;
    for (const std::string &problem : problems)
        reasons += (reasons.empty() ? "" : " ") + problem;
    return reasons;
}

void InventoryRowConverter::add(const CsvRecord &record, InventoryImport &import)
{
    ++import.rowsRead;
    if (!record.hasText) {
        ++import.blankRowsSkipped;
        return;
    }
    Row row;
    if (std::string reason = check(record, row); !reason.empty()) {
        import.problems.push_back({record.line, std::move(reason)});
        return;
    }
    if (row.isTemplate) {
        ++import.templatesSkipped;
        return;
    }

    const std::string_view vmId = row.vmId.empty() ? row.vmUuid : row.vmId;
    std::string serverId = row.serverId.empty() ? m_offlineIds.make(row.managerName, vmId, row.vmName)
                                                : std::string(row.serverId);
    if (const auto [it, added] = m_lineOfServer.try_emplace(serverId, record.line); !added) {
        import.problems.push_back(
            {record.line, row.serverId.empty()
                              ? "The row describes the same VM as line " + std::to_string(it->second)
                                    + " (same VM manager, VM id and VM name)."
                              : "The row repeats server id " + quoted(serverId) + " from line "
                                    + std::to_string(it->second) + "."});
        return;
    }

    api::VmServer vm;
    vm.vmName = optionalText(row.vmName);
    vm.vmManagerName = optionalText(row.managerName);
    if (row.managerType)
        vm.vmManagerType = *row.managerType;
    if (!vmId.empty() || !row.managerId.empty())
        vm.vmServerAddress = api::VmServerAddress{optionalText(row.managerId), optionalText(vmId)};
    if (m_format == InventoryFormat::RvToolsVInfo) {
        if (!row.vmName.empty())
            vm.vmPath = rvToolsVmPath(row.datacenter, cell(record, m_columns.folderColumn), row.vmName);
    } else {
        vm.vmPath = optionalText(row.vmPath);
    }

    api::Server &server = import.servers.emplace_back();
    server.serverId = serverId;
    server.serverType = api::ServerType::VirtualMachine;
    server.vmServer = std::move(vm);

    InventoryDetails &details = import.details.emplace_back();
    details.serverId = std::move(serverId);
    details.vmUuid = optionalText(row.vmUuid);
    details.powerState = optionalText(row.powerState);
    details.cpus = row.cpus;
    details.memoryMb = row.memoryMb;
    details.provisionedMb = row.provisionedMb;
    details.operatingSystem = optionalText(row.operatingSystem);
    details.datacenter = optionalText(row.datacenter);
    details.cluster = optionalText(row.cluster);
    details.host = optionalText(row.host);
}

} // namespace sms::models
