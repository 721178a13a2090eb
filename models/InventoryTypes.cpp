#include "models/InventoryTypes.h"

#include <algorithm>

namespace sms::models {

std::optional<InventoryField> inventoryFieldFromName(std::string_view name)
{
    const auto sameIgnoringCase = [name](std::string_view candidate) {
        return std::equal(name.begin(), name.end(), candidate.begin(), candidate.end(), [](char a, char b) {
            const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
            return lower(a) == lower(b);
        });
    };
    const auto it = std::find_if(kInventoryFieldNames.begin(), kInventoryFieldNames.end(), sameIgnoringCase);
    if (it == kInventoryFieldNames.end())
        return std::nullopt;
    return InventoryField(it - kInventoryFieldNames.begin());
}

std::string_view inventoryFormatName(InventoryFormat format)
{
    switch (format) {
    case InventoryFormat::RvToolsVInfo:
        return "RVTools vInfo";
    case InventoryFormat::PlainCsv:
        break;
    }
    return "CSV with a header row";
}

} // namespace sms::models
