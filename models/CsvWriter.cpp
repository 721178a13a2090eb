#include "models/CsvWriter.h"

#include <csv.h>

#include <algorithm>
#include <charconv>

namespace sms::models {
namespace {

constexpr std::string_view kFormulaStarts = "=+-@\t\r";

bool isPlainNumber(std::string_view cell)
{
    if (!cell.empty() && (cell.front() == '+' || cell.front() == '-'))
        cell.remove_prefix(1);
    const std::size_t point = cell.find('.');
    const std::string_view whole = cell.substr(0, point);
    const std::string_view fraction = point == std::string_view::npos ? std::string_view() : cell.substr(point + 1);
    const auto digits = [](std::string_view part) {
        return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    return !(whole.empty() && fraction.empty()) && digits(whole) && digits(fraction)
        && (point == std::string_view::npos || !fraction.empty());
}

// Quoted when a reader could split or trim it otherwise.
bool needsQuotes(std::string_view cell)
{
    return cell.find_first_of(",;\t\"\r\n") != std::string_view::npos
        || (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
}

} // namespace

bool needsFormulaGuard(std::string_view cell)
{
    return !cell.empty() && kFormulaStarts.find(cell.front()) != std::string_view::npos && !isPlainNumber(cell);
}

std::string_view unguardCsvCell(std::string_view cell)
{
    if (cell.size() >= 2 && cell.front() == '\'' && needsFormulaGuard(cell.substr(1)))
        cell.remove_prefix(1);
    return cell;
}

void appendCsvField(std::string &out, std::string_view cell)
{
    if (!needsQuotes(cell)) {
        out += cell;
        return;
    }
    // csv_write quotes the whole cell and doubles its quotes: at most 2n + 2 bytes.
    const std::size_t start = out.size();
    out.resize(start + 2 * cell.size() + 2);
    out.resize(start + csv_write(out.data() + start, out.size() - start, cell.data(), cell.size()));
}

CsvWriter::CsvWriter() : m_out("\xEF\xBB\xBF") {}

void CsvWriter::separate()
{
    if (m_rowStarted)
        m_out += ',';
    m_rowStarted = true;
}

void CsvWriter::text(std::string_view cell)
{
    separate();
    std::string guarded;
    if (needsFormulaGuard(cell)) {
        guarded = '\'' + std::string(cell);
        cell = guarded;
    }
    appendCsvField(m_out, cell);
}

void CsvWriter::number(std::int64_t value)
{
    separate();
    char digits[24];
    const auto result = std::to_chars(std::begin(digits), std::end(digits), value);
    m_out.append(digits, result.ptr);
}

void CsvWriter::endRow()
{
    m_out += "\r\n";
    m_rowStarted = false;
}

} // namespace sms::models
