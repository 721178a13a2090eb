#pragma once
// Servers for an offline plan from an inventory spreadsheet saved as CSV
// (docs/csv-inventories.md has the user's view).
//
// Accepted: UTF-8 (with or without a byte order mark) or UTF-16 with one;
// comma, semicolon or tab delimiters, told apart by the header row. Two
// formats, told apart by the header row when no mapping is given:
// - RVTools' vInfo export: read by its own column names; templates are
//   skipped and counted; vmManagerType is VSPHERE and vmPath the vSphere
//   inventory path (RvToolsVInfo.h).
// - any CSV with a header row, read through a ColumnMapping: the one given,
//   else one guessed from the headers (ColumnGuess.h) and handed back so that
//   the caller can show and remember it. A given mapping is always used, even
//   on an RVTools file.
//
// Every data row ends up in exactly one place: imported (a server and its
// details), skipped as a template or as a blank row (counted), or listed as a
// problem with its physical line and a sentence naming the column and value:
// a wrong number of fields, no VM name and no VM id, a number column that is
// not a number, an unknown VM manager type, or a server already imported
// from an earlier line (same server id).
//
// A row without a serverId column value gets an offline id (OfflineServerId.h).
//
// Whole-file errors (nothing imported): not CSV text (CsvText.h), empty, a
// header row and no rows, a quoted field that never closes (its line), all
// SerializationException; a mapping that names a column the file lacks or
// maps neither vmName nor vmId, InvalidParameterException. Each names the
// headers the file has.

#include "api/Result.h"
#include "api/SmsTypes.h"
#include "models/ColumnMapping.h"
#include "models/InventoryTypes.h"

#include <optional>
#include <string_view>
#include <vector>

namespace sms::models {

struct InventoryImport
{
    InventoryFormat format = InventoryFormat::PlainCsv;
    ColumnMapping mapping;        // the one used: given, guessed or RVTools'
    bool mappingGuessed = false;  // true when guessed from the headers
    char delimiter = ',';

    std::vector<api::Server> servers;       // VIRTUAL_MACHINE servers for the plan's catalog
    std::vector<InventoryDetails> details;  // one per server, in the same order
    std::vector<InventoryProblem> problems; // rows not imported, in file order

    std::size_t rowsRead = 0;  // data rows below the header (blank lines are no rows)
    std::size_t templatesSkipped = 0;
    std::size_t blankRowsSkipped = 0;  // rows whose fields are all empty, e.g. ",,,,"
};

// `bytes` is the whole file; `sourceName` starts error sentences (a quoted
// file name, say), "The inventory" when empty.
Result<InventoryImport> importInventory(std::string_view bytes, const std::optional<ColumnMapping> &mapping = std::nullopt,
                                        std::string_view sourceName = {});

} // namespace sms::models
