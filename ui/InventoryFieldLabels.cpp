#include "ui/InventoryFieldLabels.h"

#include <QCoreApplication>

#include <array>

namespace sms::ui {
namespace {

constexpr const char *kContext = "sms::ui::InventoryImportDialog";

// In InventoryField order.
constexpr std::array<const char *, models::kInventoryFieldCount> kLabels{
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Server ID"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "VM name"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "VM ID"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "VM UUID"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "VM manager"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "VM manager type"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "VM manager ID"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Folder path"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Power state"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "CPUs"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Memory (MiB)"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Provisioned disk (MiB)"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Operating system"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Datacenter"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Cluster"),
    QT_TRANSLATE_NOOP("sms::ui::InventoryImportDialog", "Host"),
};

} // namespace

QString inventoryFieldLabel(models::InventoryField field)
{
    return QCoreApplication::translate(kContext, kLabels[std::size_t(field)]);
}

} // namespace sms::ui
