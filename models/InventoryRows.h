#pragma once
// One inventory CSV record into the import: a server and its details, a
// skipped template or blank row, or a problem naming its line, column and
// value. InventoryImport.cpp reads the file and hands the records over.

#include "models/CsvRows.h"
#include "models/InventoryImport.h"
#include "models/OfflineServerId.h"

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sms::models {

// Where each field is in the file's header row.
struct InventoryColumns
{
    std::vector<std::string> headers;  // the file's header row
    std::array<int, kInventoryFieldCount> field;  // column of each field, -1 when unmapped
    int templateColumn = -1;  // RVTools: rows where it is True are templates
    int folderColumn = -1;    // RVTools: makes vmPath with Datacenter and VM

    // The columns a record converter reads, for CsvReader::keepOnly.
    std::vector<bool> used() const;
};

// The columns `mapping` names in `headers`; an error names the headers it
// could not find and lists the file's headers.
Result<InventoryColumns> findColumns(const ColumnMapping &mapping, std::vector<std::string> headers);

// "\"VM\", \"CPUs\", …": a header row for an error message.
std::string quotedHeaders(const std::vector<std::string> &headers);

class InventoryRowConverter
{
public:
    // `expectedRows` is an upper bound, to size the duplicate check once.
    InventoryRowConverter(InventoryColumns columns, InventoryFormat format, std::size_t expectedRows);

    void add(const CsvRecord &record, InventoryImport &import);

private:
    struct Row;

    std::string_view cell(const CsvRecord &record, int column) const;
    std::string_view cell(const CsvRecord &record, InventoryField field) const;
    std::string columnHeader(int column) const;  // quoted
    // "Column \"CPUs\" has \"four\", which is not a whole number."
    std::string valueProblem(int column, std::string_view value, std::string_view expected) const;
    // Empty when the row is to be imported, else why not.
    std::string check(const CsvRecord &record, Row &row);

    InventoryColumns m_columns;
    InventoryFormat m_format;
    OfflineServerIds m_offlineIds;
    std::unordered_map<std::string, int> m_lineOfServer;  // server id -> line it was imported from
};

} // namespace sms::models
