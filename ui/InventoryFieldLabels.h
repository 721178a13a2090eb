#pragma once
// The words a user knows for the inventory fields ("VM name", "Memory (MiB)"),
// where the mapping string and the catalog export use the API-style names
// ("vmName", "memoryMb") that models::inventoryFieldName gives.

#include "models/InventoryTypes.h"

#include <QString>

namespace sms::ui {

QString inventoryFieldLabel(models::InventoryField field);

} // namespace sms::ui
