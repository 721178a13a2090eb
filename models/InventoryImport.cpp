// The import's steps: text, delimiter, header row, format and mapping, then
// every record through InventoryRowConverter.

#include "models/InventoryImport.h"

#include "models/ColumnGuess.h"
#include "models/CsvRows.h"
#include "models/CsvText.h"
#include "models/InventoryRows.h"
#include "models/RvToolsVInfo.h"

#include <cstring>
#include <memory>

namespace sms::models {
namespace {

std::string subject(std::string_view sourceName)
{
    return sourceName.empty() ? std::string("The inventory") : std::string(sourceName);
}

SmsError fileError(std::string_view sourceName, const std::string &problem)
{
    return SmsError::make(ErrorCode::SerializationException, subject(sourceName) + " " + problem);
}

std::string fieldNames(const std::vector<InventoryField> &fields)
{
    std::string names;
    for (const InventoryField field : fields)
        names += (names.empty() ? "" : ", ") + std::string(inventoryFieldName(field));
    return names.empty() ? std::string("nothing") : names;
}

// An upper bound on the records in `text`; memchr is many times faster than
// std::count here.
std::size_t countLines(std::string_view text)
{
    std::size_t lines = 1;
    for (const char *at = text.data(), *end = at + text.size();
         (at = static_cast<const char *>(std::memchr(at, '\n', std::size_t(end - at)))) != nullptr; ++at)
        ++lines;
    return lines;
}

// The format, the mapping and the columns it finds in `headers`.
Result<InventoryColumns> chooseColumns(const std::optional<ColumnMapping> &given, std::vector<std::string> headers,
                                       InventoryImport &import)
{
    if (given) {
        import.mapping = *given;
        if (!given->identifiesServers())
            return SmsError::make(ErrorCode::InvalidParameterException,
                                  "The column mapping must map vmName or vmId so that each row names a server; it maps "
                                      + fieldNames(given->mappedFields()) + ". The header row has "
                                      + quotedHeaders(headers) + ".");
        return findColumns(*given, std::move(headers));
    }
    if (isRvToolsVInfoHeader(headers)) {
        import.format = InventoryFormat::RvToolsVInfo;
        import.mapping = rvToolsVInfoMapping(headers);
        auto columns = findColumns(import.mapping, std::move(headers));
        if (columns) {
            columns->templateColumn = headerColumn(columns->headers, kRvToolsTemplateHeader);
            columns->folderColumn = headerColumn(columns->headers, kRvToolsFolderHeader);
        }
        return columns;
    }
    import.mapping = guessColumnMapping(headers);
    import.mappingGuessed = true;
    if (!import.mapping.identifiesServers())
        return SmsError::make(ErrorCode::InvalidParameterException,
                              "None of the columns looks like a VM name or a VM id, so the rows cannot be told apart. "
                              "The header row has "
                                  + quotedHeaders(headers)
                                  + ". Give a column mapping that maps vmName or vmId, such as vmName=<header>.");
    return findColumns(import.mapping, std::move(headers));
}

} // namespace

Result<InventoryImport> importInventory(std::string_view bytes, const std::optional<ColumnMapping> &mapping,
                                        std::string_view sourceName)
{
    auto text = CsvText::decode(bytes, sourceName);
    if (!text)
        return text.error();

    InventoryImport import;
    import.delimiter = detectCsvDelimiter(text->text());
    CsvReader reader(text->text(), import.delimiter);
    std::optional<SmsError> error;
    std::unique_ptr<InventoryRowConverter> converter;
    const CsvReadEnd end = reader.read([&](const CsvRecord &record) {
        if (converter) {
            converter->add(record, import);
            return true;
        }
        auto columns = chooseColumns(mapping, std::vector<std::string>(record.fields.begin(), record.fields.end()), import);
        if (!columns) {
            error = columns.error();
            return false;
        }
        reader.keepOnly(columns->used());
        // Sized once: growing 100,000 servers and their index row by row
        // costs a fifth of the import.
        const std::size_t lines = countLines(text->text());
        import.servers.reserve(lines);
        import.details.reserve(lines);
        converter = std::make_unique<InventoryRowConverter>(std::move(columns).value(), import.format, lines);
        return true;
    });
    if (error)
        return *error;
    if (end.outOfMemory)
        return fileError(sourceName, "is too big to read into memory.");
    if (end.unclosedQuoteLine > 0)
        return fileError(sourceName, "has a quoted field that starts on line " + std::to_string(end.unclosedQuoteLine)
                                         + " and never ends: its closing double quote (\") is missing.");
    if (import.rowsRead == 0)
        return fileError(sourceName, "has a header row but no rows below it.");
    return import;
}

} // namespace sms::models
