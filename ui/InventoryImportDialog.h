#pragma once
// InventoryImportDialog: a CSV inventory (docs/csv-inventories.md) before its
// servers go into the plan's catalog. It shows the format found (RVTools
// vInfo or plain CSV); for plain CSV the column mapping, one combo box per
// inventory field, filled from the mapping last used for the same headers
// (QSettings) or else the guessed one, and each change reads the file again;
// the columns no field reads ("Not used: Notes, Cluster"); the counts; and the
// rows that will be left out, "line N: reason". Import takes the good rows and
// remembers the mapping for the next file with these headers; nothing is left
// out without the dialog saying so. Fields are labelled in a user's words
// (InventoryFieldLabels.h).

#include "models/CatalogMerge.h"
#include "models/InventoryImport.h"

#include <QByteArray>
#include <QDialog>

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class QComboBox;
class QGroupBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace sms::models {
class PlanEditor;
}

namespace sms::ui {

class InventoryImportDialog : public QDialog
{
    Q_OBJECT

public:
    // `bytes` is the whole file, `fileName` names it in the dialog and its errors.
    InventoryImportDialog(QByteArray bytes, const QString &fileName, QWidget *parent = nullptr);

    // The import as the dialog shows it now; nullptr when the file or the
    // mapping was refused (the dialog says why).
    const models::InventoryImport *imported() const { return m_import ? &*m_import : nullptr; }
    QComboBox *columnBox(models::InventoryField field) const { return m_columns[std::size_t(field)]; }
    QPushButton *importButton() const { return m_importButton; }
    QListWidget *problemList() const { return m_problems; }
    // "Not used: Notes, Cluster"; hidden when every column is read.
    QLabel *unusedColumnsLabel() const { return m_unused; }

    // The QSettings key of the mapping remembered for a header row: the same
    // for the same header names in any order, case or spacing.
    static QString mappingSettingsKey(const std::vector<std::string> &headers);

    void accept() override;

private:
    void fillColumns(const models::ColumnMapping &mapping);
    models::ColumnMapping mappingFromColumns() const;
    void runImport(const std::optional<models::ColumnMapping> &mapping);
    void showImport();

    QByteArray m_bytes;
    std::string m_sourceName;
    std::vector<std::string> m_headers;
    bool m_remembered = false;  // the mapping came from the settings
    std::optional<models::InventoryImport> m_import;
    QString m_error;

    QLabel *m_format;
    QGroupBox *m_mappingBox;
    std::array<QComboBox *, models::kInventoryFieldCount> m_columns{};
    QLabel *m_unused;
    QLabel *m_counts;
    QLabel *m_leftOut;
    QListWidget *m_problems;
    QPushButton *m_importButton;
};

// The File menu's "Import Inventory" for `path`: reads the file and opens an
// InventoryImportDialog on it (window-modal, deleted when closed); accepting
// it merges the servers into the catalog as one undo step
// (PlanEditor::importInventory).
// Returns the dialog, or nullptr when the file could not be read (the error
// was shown). `report` hears what the merge did, in a sentence.
InventoryImportDialog *importInventoryFile(QWidget *parent, models::PlanEditor &editor, const QString &path,
                                           std::function<void(const QString &)> report = {});

// The file's columns that `mapping` reads no field from, in file order
// (blank headers as "column N").
QStringList unusedColumns(const std::vector<std::string> &headers, const models::ColumnMapping &mapping);

// "Imported 4 servers: 2 added, 2 already in the catalog from the endpoint."
QString describeMerge(const models::CatalogMergeCounts &counts);

} // namespace sms::ui
