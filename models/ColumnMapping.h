#pragma once
// Which column of an inventory CSV holds which InventoryField, by header name.
// A header matches a file's header when both are equal after trimming and
// case folding (headerKey), so "VM Name" finds " vm name ".
//
// Two serialised forms, both round-trip exactly:
// - the mapping string, for the command line: one CSV record (RFC 4180) of
//   field=Header items, e.g. `vmName=VM Name,vmId=UUID,cpus=vCPU`. The field
//   name ends at the first '=', so a header may contain '='. An item whose
//   header holds a comma, a double quote, or leading or trailing spaces is
//   quoted whole, quotes doubled: `"vmName=Name, full",cpus=vCPU`.
// - JSON, for QSettings: {"vmName":"VM Name","cpus":"vCPU"}.
// Field names are InventoryField's (inventoryFieldName), in any case.
// Errors are InvalidParameterException with a sentence naming the item.

#include "api/Result.h"
#include "models/InventoryTypes.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace sms::models {

class ColumnMapping
{
public:
    // The header mapped to `field`; empty when it is not mapped.
    const std::string &header(InventoryField field) const { return m_headers[std::size_t(field)]; }
    bool isMapped(InventoryField field) const { return !header(field).empty(); }
    // An empty header unmaps the field.
    void set(InventoryField field, std::string header) { m_headers[std::size_t(field)] = std::move(header); }
    // The fields mapped, in InventoryField order.
    std::vector<InventoryField> mappedFields() const;
    // A mapping that can name a server: it maps vmName or vmId.
    bool identifiesServers() const { return isMapped(InventoryField::VmName) || isMapped(InventoryField::VmId); }

    bool operator==(const ColumnMapping &) const = default;

private:
    std::array<std::string, kInventoryFieldCount> m_headers;
};

// The form headers are compared in: trimmed and case-folded.
std::string headerKey(std::string_view header);
// The first of `headers` that matches `header`, or -1.
int headerColumn(const std::vector<std::string> &headers, std::string_view header);

std::string toMappingString(const ColumnMapping &mapping);
Result<ColumnMapping> mappingFromString(std::string_view text);

QByteArray toMappingJson(const ColumnMapping &mapping);
Result<ColumnMapping> mappingFromJson(QByteArrayView json);

} // namespace sms::models
