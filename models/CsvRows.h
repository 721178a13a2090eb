#pragma once
// CSV records out of UTF-8 text, with the physical line each one starts on.
// libcsv does the RFC 4180 parsing (quotes, doubled quotes, delimiters and
// newlines inside quoted fields, CRLF, LF or CR line ends); this wrapper feeds
// it a line at a time so that it can say on which line of the file a record
// starts and where a quoted field that never closes was opened, which libcsv
// itself does not track.
//
// As libcsv does, unquoted fields lose their leading and trailing spaces
// (and tabs, unless tab is the delimiter), and blank lines are no records.

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sms::models {

// One record. The views point into a buffer the next record reuses.
struct CsvRecord
{
    int line = 0;  // 1-based physical line the record starts on
    std::span<const std::string_view> fields;
    bool hasText = false;  // some field, kept or not, is not empty
};

// Why CsvReader::read returned.
struct CsvReadEnd
{
    bool stopped = false;       // the callback asked to stop
    int unclosedQuoteLine = 0;  // > 0: the text ended inside the quoted field opened on this line
    bool outOfMemory = false;
};

class CsvReader
{
public:
    CsvReader(std::string_view text, char delimiter);

    // From the next record on, only the text of these columns is copied out;
    // the others read as empty (their count and hasText still hold). Makes a
    // 90-column RVTools export cheap when a dozen columns matter.
    void keepOnly(std::vector<bool> columns) { m_keep = std::move(columns); m_keepAll = false; }

    // Calls onRecord for each record in order until it returns false.
    CsvReadEnd read(const std::function<bool(const CsvRecord &)> &onRecord);

private:
    struct Parse;

    std::string_view m_text;
    char m_delimiter;
    std::vector<bool> m_keep;
    bool m_keepAll = true;
};

// `text` without the spaces, tabs and line ends around it.
std::string_view trimmedCsvText(std::string_view text);

// The delimiter of `text`: comma, semicolon (European Excel) or tab, whichever
// splits the first record (the header row) into the most fields; comma when
// none splits it.
char detectCsvDelimiter(std::string_view text);

} // namespace sms::models
