#pragma once
// CSV text for spreadsheets: UTF-8 with a byte order mark (so that Excel opens
// it as UTF-8 rather than in the Windows code page), CRLF line ends, and
// RFC 4180 quoting by libcsv for the cells that need it.
//
// Text cells are guarded against formula injection: one that starts with
// =, +, -, @, tab or CR (which a spreadsheet may run as a formula) gets a
// leading apostrophe, unless it is a plain number such as -5 or +1.5. Excel
// drops that apostrophe when it saves the sheet as CSV again, and the
// inventory import drops it too (see unguardCsvCell), so the text survives a
// round trip.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sms::models {

class CsvWriter
{
public:
    CsvWriter();  // starts with the byte order mark

    void text(std::string_view cell);
    void text(const std::string &cell) { text(std::string_view(cell)); }
    void text(const char *cell) { text(std::string_view(cell)); }
    void text(const std::optional<std::string> &cell) { cell ? text(*cell) : empty(); }
    void number(std::int64_t value);
    void number(const std::optional<std::int64_t> &value) { value ? number(*value) : empty(); }
    void empty() { separate(); }
    void endRow();

    std::string take() { return std::move(m_out); }

private:
    void separate();

    std::string m_out;
    bool m_rowStarted = false;
};

// Appends `cell` to `out` as one RFC 4180 field: as it is, or quoted by libcsv
// when it holds a delimiter, a quote, a line end or edge spaces. No guard.
void appendCsvField(std::string &out, std::string_view cell);

// True for a cell CsvWriter would guard, without its apostrophe.
bool needsFormulaGuard(std::string_view cell);
// `cell` without the apostrophe CsvWriter (or a user in Excel) put before a
// formula-like text.
std::string_view unguardCsvCell(std::string_view cell);

} // namespace sms::models
