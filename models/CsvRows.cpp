#include "models/CsvRows.h"

#include <csv.h>

#include <array>
#include <cstring>

namespace sms::models {
namespace {

// libcsv's parser states (libcsv.c, unchanged since 3.0). The parser struct is
// public; its states are not named in csv.h, so they are named here.
constexpr int kRowNotBegun = 0;
constexpr int kFieldBegun = 2;

int isSpaceOnly(unsigned char c)
{
    return c == ' ';
}

} // namespace

struct CsvReader::Parse
{
    Parse(const CsvReader &reader, const std::function<bool(const CsvRecord &)> &onRecord)
        : reader(reader), onRecord(onRecord)
    {
    }

    const CsvReader &reader;
    const std::function<bool(const CsvRecord &)> &onRecord;

    csv_parser parser{};
    std::string rowText;  // the kept fields of the current record, back to back
    std::vector<std::pair<std::size_t, std::size_t>> spans;  // offset and size in rowText
    std::vector<std::string_view> views;
    bool hasText = false;
    int line = 0;
    int rowStartLine = 0;
    std::size_t recordsDone = 0;
    bool stopped = false;

    static void onField(void *data, std::size_t size, void *self)
    {
        auto &p = *static_cast<Parse *>(self);
        const std::size_t column = p.spans.size();
        p.hasText = p.hasText || size > 0;
        const bool keep = p.reader.m_keepAll || (column < p.reader.m_keep.size() && p.reader.m_keep[column]);
        if (!keep || size == 0) {
            p.spans.emplace_back(0, 0);
            return;
        }
        p.spans.emplace_back(p.rowText.size(), size);
        p.rowText.append(static_cast<const char *>(data), size);
    }

    static void onRecordEnd(int, void *self)
    {
        auto &p = *static_cast<Parse *>(self);
        if (!p.stopped) {
            p.views.clear();
            for (const auto &[offset, size] : p.spans)
                p.views.emplace_back(p.rowText.data() + offset, size);
            p.stopped = !p.onRecord(CsvRecord{p.rowStartLine, p.views, p.hasText});
        }
        ++p.recordsDone;
        p.rowText.clear();
        p.spans.clear();
        p.hasText = false;
        p.rowStartLine = p.line;  // a bare CR may end a record mid-line
    }
};

CsvReader::CsvReader(std::string_view text, char delimiter) : m_text(text), m_delimiter(delimiter) {}

CsvReadEnd CsvReader::read(const std::function<bool(const CsvRecord &)> &onRecord)
{
    Parse p{*this, onRecord};
    CsvReadEnd end;
    if (csv_init(&p.parser, 0) != 0) {
        end.outOfMemory = true;
        return end;
    }
    csv_set_delim(&p.parser, static_cast<unsigned char>(m_delimiter));
    if (m_delimiter == '\t')
        csv_set_space_func(&p.parser, isSpaceOnly);  // else libcsv skips empty tab-separated fields
    csv_set_blk_size(&p.parser, 1024);

    // Lines end with LF (CRLF included); a file without any LF uses CR alone.
    const char lineEnd = m_text.find('\n') != std::string_view::npos ? '\n' : '\r';
    // The field a quote left open at a line's end (record, field) and its line.
    std::size_t quoteRecord = 0, quoteField = 0;
    int quoteLine = 0;
    std::size_t pos = 0;
    while (pos < m_text.size() && !p.stopped) {
        ++p.line;
        if (p.parser.pstate == kRowNotBegun)
            p.rowStartLine = p.line;
        const void *found = std::memchr(m_text.data() + pos, lineEnd, m_text.size() - pos);
        const std::size_t next = found ? std::size_t(static_cast<const char *>(found) - m_text.data()) + 1 : m_text.size();
        if (csv_parse(&p.parser, m_text.data() + pos, next - pos, Parse::onField, Parse::onRecordEnd, &p) != next - pos) {
            end.outOfMemory = true;
            break;
        }
        const bool inQuote = p.parser.pstate == kFieldBegun && p.parser.quoted;
        if (!inQuote)
            quoteLine = 0;
        else if (quoteLine == 0 || quoteRecord != p.recordsDone || quoteField != p.spans.size()) {
            quoteLine = p.line;
            quoteRecord = p.recordsDone;
            quoteField = p.spans.size();
        }
        pos = next;
    }
    if (!p.stopped && !end.outOfMemory) {
        if (quoteLine > 0)
            end.unclosedQuoteLine = quoteLine;
        else
            csv_fini(&p.parser, Parse::onField, Parse::onRecordEnd, &p);  // the last record may lack a line end
    }
    end.stopped = p.stopped;
    csv_free(&p.parser);
    return end;
}

std::string_view trimmedCsvText(std::string_view text)
{
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

char detectCsvDelimiter(std::string_view text)
{
    constexpr std::array kCandidates{',', ';', '\t'};
    char best = ',';
    std::size_t bestCount = 1;
    for (const char candidate : kCandidates) {
        CsvReader reader(text, candidate);
        reader.keepOnly({});
        std::size_t count = 0;
        (void)reader.read([&count](const CsvRecord &header) {
            count = header.fields.size();
            return false;
        });
        if (count > bestCount) {
            best = candidate;
            bestCount = count;
        }
    }
    return best;
}

} // namespace sms::models
