#pragma once
// File › Export Catalog / Export Applications (CSV): the plan's catalog (with
// its inventory details) or its applications (groups, launch order and each
// server's settings as they will be put) as a CSV for a spreadsheet, the same
// files `sms-plan plan export-csv` writes (models/InventoryExport.h).

#include <QString>

class QWidget;

namespace sms::models {
class PlanDocument;
}

namespace sms::ui {

enum class CsvExport { Catalog, Applications };

// Writes the CSV to `path` at once (a failed write leaves the old file as it
// was). Returns a sentence for the status bar on success, or the reason it
// failed, which `failed` says.
QString writeCsvExport(const models::PlanDocument &document, CsvExport what, const QString &path, bool &failed);

// Asks where, writes, and says how it went: a message box on failure, the
// return value (a status-bar sentence) on success; empty when canceled.
QString exportCsv(QWidget *parent, const models::PlanDocument &document, CsvExport what);

} // namespace sms::ui
