#include "models/ColumnMapping.h"

#include "models/CsvRows.h"
#include "models/CsvWriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <algorithm>

namespace sms::models {
namespace {

SmsError mappingError(const std::string &message)
{
    return SmsError::make(ErrorCode::InvalidParameterException, message);
}

std::string fieldList()
{
    std::string names;
    for (const std::string_view name : kInventoryFieldNames)
        names += (names.empty() ? "" : ", ") + std::string(name);
    return names;
}

// Adds field=header to `mapping`, or says why it cannot.
std::optional<SmsError> addItem(ColumnMapping &mapping, std::string_view fieldName, std::string header,
                                std::string_view item)
{
    const auto field = inventoryFieldFromName(trimmedCsvText(fieldName));
    if (!field)
        return mappingError("The mapping item \"" + std::string(item) + "\" names no inventory field. The fields are "
                            + fieldList() + ".");
    if (trimmedCsvText(header).empty())
        return mappingError("The mapping item \"" + std::string(item) + "\" gives no column header for "
                            + std::string(inventoryFieldName(*field)) + ".");
    if (mapping.isMapped(*field))
        return mappingError("The mapping maps " + std::string(inventoryFieldName(*field))
                            + " twice; give each field one column.");
    mapping.set(*field, std::move(header));
    return std::nullopt;
}

} // namespace

std::vector<InventoryField> ColumnMapping::mappedFields() const
{
    std::vector<InventoryField> fields;
    for (std::size_t i = 0; i < kInventoryFieldCount; ++i)
        if (!m_headers[i].empty())
            fields.push_back(InventoryField(i));
    return fields;
}

std::string headerKey(std::string_view header)
{
    header = trimmedCsvText(header);
    const bool ascii = std::all_of(header.begin(), header.end(), [](char c) { return (unsigned char)c < 0x80; });
    if (!ascii)
        return QString::fromUtf8(header.data(), qsizetype(header.size())).toCaseFolded().toStdString();
    std::string key(header);
    std::transform(key.begin(), key.end(), key.begin(),
                   [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
    return key;
}

int headerColumn(const std::vector<std::string> &headers, std::string_view header)
{
    const std::string key = headerKey(header);
    const auto it = std::find_if(headers.begin(), headers.end(),
                                 [&key](const std::string &candidate) { return headerKey(candidate) == key; });
    return it == headers.end() ? -1 : int(it - headers.begin());
}

std::string toMappingString(const ColumnMapping &mapping)
{
    std::string text;
    for (const InventoryField field : mapping.mappedFields()) {
        if (!text.empty())
            text += ',';
        appendCsvField(text, std::string(inventoryFieldName(field)) + '=' + mapping.header(field));
    }
    return text;
}

Result<ColumnMapping> mappingFromString(std::string_view text)
{
    ColumnMapping mapping;
    std::optional<SmsError> error;
    int records = 0;
    CsvReader reader(text, ',');
    const CsvReadEnd end = reader.read([&](const CsvRecord &record) {
        if (++records > 1) {
            error = mappingError("The mapping string must be one line; quote a header that holds a line break.");
            return false;
        }
        for (const std::string_view item : record.fields) {
            if (item.empty())
                continue;
            const std::size_t equals = item.find('=');
            if (equals == std::string_view::npos) {
                error = mappingError("The mapping item \"" + std::string(item)
                                     + "\" has no '='; write each item as field=Header, e.g. vmName=VM Name.");
                return false;
            }
            if ((error = addItem(mapping, item.substr(0, equals), std::string(item.substr(equals + 1)), item)))
                return false;
        }
        return true;
    });
    if (error)
        return *error;
    if (end.unclosedQuoteLine > 0)
        return mappingError("The mapping string has a double quote that is never closed.");
    return mapping;
}

QByteArray toMappingJson(const ColumnMapping &mapping)
{
    QJsonObject object;
    for (const InventoryField field : mapping.mappedFields()) {
        const std::string_view name = inventoryFieldName(field);
        object.insert(QLatin1String(name.data(), qsizetype(name.size())), QString::fromStdString(mapping.header(field)));
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<ColumnMapping> mappingFromJson(QByteArrayView json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (!document.isObject())
        return mappingError("The saved column mapping is not a JSON object of field names and column headers.");
    ColumnMapping mapping;
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string field = it.key().toStdString();
        const std::string item = QString(it.key() + QLatin1Char('=') + it.value().toString()).toStdString();
        if (!it.value().isString())
            return mappingError("The saved column mapping gives " + field + " a value that is not a column header.");
        if (auto error = addItem(mapping, field, it.value().toString().toStdString(), item))
            return *error;
    }
    return mapping;
}

} // namespace sms::models
