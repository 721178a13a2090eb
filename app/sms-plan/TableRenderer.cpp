#include "TableRenderer.h"

#include "TimestampText.h"

#include <algorithm>
#include <map>
#include <vector>

namespace sms::cli {
namespace {

using Row = std::vector<std::string>;

std::string scalarText(const api::Json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_array()) {
        std::string joined;
        for (const auto &element : value)
            joined += (joined.empty() ? "" : ", ") + scalarText(element);
        return joined;
    }
    return value.dump();
}

// A member's text: timestamps as the AWS CLI v2 prints them, not epoch seconds.
std::string memberText(const std::string &key, const api::Json &value)
{
    if (value.is_number() && isTimestampMember(key))
        return isoTimestamp(value.get<double>());
    return scalarText(value);
}

// The AWS CLI prints nothing for an empty list: no row, no section.
bool isEmptyList(const api::Json &value)
{
    return value.is_array() && value.empty();
}

// {"a":{"b":1},"c":2} -> a.b=1, c=2
void flatten(const api::Json &object, const std::string &prefix, std::vector<std::pair<std::string, std::string>> &out)
{
    for (const auto &[key, value] : object.items()) {
        const std::string name = prefix.empty() ? key : prefix + "." + key;
        if (value.is_object())
            flatten(value, name, out);
        else if (!isEmptyList(value))
            out.emplace_back(name, memberText(key, value));
    }
}

// UTF-8 aware width, so names with accents do not skew the columns.
size_t displayWidth(const std::string &text)
{
    return size_t(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string pad(const std::string &text, size_t width)
{
    std::string padded = text;
    padded.append(width - std::min(width, displayWidth(text)), ' ');
    return padded;
}

// What the AWS CLI prints for an answer with nothing in it: the title alone.
std::string titleOnly(const std::string &title)
{
    std::string out(displayWidth(title) + 2, '-');
    out += "\n|";
    out += title;
    out += "|\n+";
    out.append(displayWidth(title), '-');
    out += "+\n";
    return out;
}

std::string drawTable(const std::string &title, const Row &header, const std::vector<Row> &rows)
{
    std::vector<size_t> widths(header.size());
    for (size_t c = 0; c < header.size(); ++c) {
        widths[c] = displayWidth(header[c]);
        for (const Row &row : rows)
            widths[c] = std::max(widths[c], displayWidth(row[c]));
    }
    size_t columnsWidth = header.size() * 3 - 1;
    for (size_t w : widths)
        columnsWidth += w;
    const size_t inner = std::max(columnsWidth, displayWidth(title) + 2);
    widths.back() += inner - columnsWidth;  // a long title widens the last column

    // Appends only: GCC 12 reports a false -Wrestrict on chains of string operator+.
    std::string out(inner + 2, '-');
    out += "\n|";
    const size_t left = (inner - displayWidth(title)) / 2;
    out.append(left, ' ');
    out += pad(title, inner - left);
    out += "|\n";
    std::string rule = "+";
    for (size_t w : widths) {
        rule.append(w + 2, '-');
        rule += '+';
    }
    rule += '\n';
    const auto appendLine = [&](const Row &row) {
        out += '|';
        for (size_t c = 0; c < row.size(); ++c) {
            out += ' ';
            out += pad(row[c], widths[c]);
            out += " |";
        }
        out += '\n';
    };
    out += rule;
    appendLine(header);
    out += rule;
    for (const Row &row : rows)
        appendLine(row);
    out += rule;
    return out;
}

std::string listTable(const std::string &title, const api::Json &list)
{
    std::vector<std::string> columns;
    std::vector<std::map<std::string, std::string>> records;
    for (const auto &element : list) {
        std::vector<std::pair<std::string, std::string>> cells;
        if (element.is_object())
            flatten(element, "", cells);
        else
            cells.emplace_back("value", scalarText(element));
        auto &record = records.emplace_back();
        for (auto &[name, text] : cells) {
            if (std::find(columns.begin(), columns.end(), name) == columns.end())
                columns.push_back(name);
            record[name] = std::move(text);
        }
    }
    if (columns.empty())
        columns.push_back("value");
    std::vector<Row> rows;
    rows.reserve(records.size());
    for (auto &record : records) {
        Row row;
        for (const auto &column : columns)
            row.push_back(record.count(column) ? record[column] : "");
        rows.push_back(std::move(row));
    }
    return drawTable(title, columns, rows);
}

} // namespace

std::string renderRows(const std::string &title, const std::vector<std::string> &header,
                       const std::vector<std::vector<std::string>> &rows)
{
    return rows.empty() ? titleOnly(title) : drawTable(title, header, rows);
}

std::string renderTables(const std::string &title, const api::Json &response)
{
    std::vector<Row> scalars;
    std::string lists;
    for (const auto &[key, value] : response.items()) {
        const bool isStructureList = value.is_array() && !value.empty() && value.front().is_object();
        if (isEmptyList(value)) {
            continue;
        } else if (isStructureList) {
            lists += listTable(key, value);
        } else if (value.is_object()) {
            std::vector<std::pair<std::string, std::string>> cells;
            flatten(value, key, cells);
            for (auto &[name, text] : cells)
                scalars.push_back({name, text});
        } else {
            scalars.push_back({key, memberText(key, value)});
        }
    }
    if (scalars.empty() && lists.empty())
        return titleOnly(title);
    std::string out;
    if (!scalars.empty())
        out += drawTable(title, {"Member", "Value"}, scalars);
    return out + lists;
}

} // namespace sms::cli
