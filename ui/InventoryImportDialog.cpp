#include "ui/InventoryImportDialog.h"

#include "models/CatalogMerge.h"
#include "models/ColumnMapping.h"
#include "models/CsvRows.h"
#include "models/CsvText.h"
#include "models/PlanEditor.h"
#include "models/RvToolsVInfo.h"
#include "ui/InventoryFieldLabels.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <algorithm>

namespace sms::ui {
namespace {

// More problem rows than this are counted, not listed one by one.
constexpr int kMaxProblemsListed = 1000;

QString fromUtf8(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The file's header row; empty when the file is not CSV text (the import
// then says why).
std::vector<std::string> headerRow(const QByteArray &bytes)
{
    auto text = models::CsvText::decode(std::string_view(bytes.constData(), std::size_t(bytes.size())));
    if (!text)
        return {};
    std::vector<std::string> headers;
    models::CsvReader reader(text->text(), models::detectCsvDelimiter(text->text()));
    reader.read([&](const models::CsvRecord &record) {
        headers.assign(record.fields.begin(), record.fields.end());
        return false;
    });
    return headers;
}

} // namespace

QStringList unusedColumns(const std::vector<std::string> &headers, const models::ColumnMapping &mapping)
{
    std::vector<bool> used(headers.size(), false);
    for (const models::InventoryField field : mapping.mappedFields()) {
        if (const int column = models::headerColumn(headers, mapping.header(field)); column >= 0)
            used[std::size_t(column)] = true;
    }
    QStringList names;
    for (std::size_t i = 0; i < headers.size(); ++i) {
        if (used[i])
            continue;
        const QString name = QString::fromStdString(headers[i]).trimmed();
        names << (name.isEmpty() ? InventoryImportDialog::tr("column %1").arg(i + 1) : name);
    }
    return names;
}

InventoryImportDialog::InventoryImportDialog(QByteArray bytes, const QString &fileName, QWidget *parent)
    : QDialog(parent)
    , m_bytes(std::move(bytes))
    , m_sourceName(QStringLiteral("\"%1\"").arg(fileName).toStdString())
    , m_headers(headerRow(m_bytes))
    , m_format(new QLabel(this))
    , m_mappingBox(new QGroupBox(tr("Columns"), this))
    , m_unused(new QLabel(m_mappingBox))
    , m_counts(new QLabel(this))
    , m_leftOut(new QLabel(this))
    , m_problems(new QListWidget(this))
    , m_importButton(new QPushButton(this))
{
    setWindowTitle(tr("Import Inventory \u2013 %1").arg(fileName));
    setMinimumWidth(560);  // the counts and the mapping read on a line each

    auto *form = new QFormLayout(m_mappingBox);
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        auto *box = new QComboBox(m_mappingBox);
        box->addItem(tr("(none)"), QString());
        for (const std::string &header : m_headers)
            box->addItem(QString::fromStdString(header), QString::fromStdString(header));
        // The API-style name stays for tests and for the mapping string of sms-plan.
        const QString fieldName = fromUtf8(models::kInventoryFieldNames[i]);
        box->setObjectName(fieldName);
        box->setToolTip(tr("In a mapping string for sms-plan: %1").arg(fieldName));
        form->addRow(tr("%1:").arg(inventoryFieldLabel(models::InventoryField(i))), box);
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            m_remembered = false;
            runImport(mappingFromColumns());
        });
        m_columns[i] = box;
    }
    m_unused->setObjectName(QStringLiteral("unusedColumns"));
    m_unused->setWordWrap(true);
    form->addRow(m_unused);

    m_leftOut->setWordWrap(true);
    m_counts->setWordWrap(true);
    m_problems->setObjectName(QStringLiteral("problems"));
    m_problems->setUniformItemSizes(true);
    m_importButton->setObjectName(QStringLiteral("import"));
    m_importButton->setDefault(true);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_importButton, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &InventoryImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &InventoryImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_format);
    layout->addWidget(m_mappingBox);
    layout->addWidget(m_counts);
    layout->addWidget(m_leftOut);
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);

    // An RVTools export is read by its own columns; any other file through
    // the mapping last used for these headers, or else a guessed one.
    std::optional<models::ColumnMapping> mapping;
    if (!m_headers.empty() && !models::isRvToolsVInfoHeader(m_headers)) {
        const QString json = QSettings().value(mappingSettingsKey(m_headers)).toString();
        if (!json.isEmpty()) {
            auto remembered = models::mappingFromJson(json.toUtf8());
            if (remembered) {
                mapping = remembered.value();
                m_remembered = true;
            }
        }
    }
    runImport(mapping);
    if (m_import)
        fillColumns(m_import->mapping);
}

QString InventoryImportDialog::mappingSettingsKey(const std::vector<std::string> &headers)
{
    std::vector<std::string> keys;
    keys.reserve(headers.size());
    for (const std::string &header : headers)
        keys.push_back(models::headerKey(header));
    std::sort(keys.begin(), keys.end());
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const std::string &key : keys) {
        hash.addData(QByteArrayView(key.data(), qsizetype(key.size())));
        hash.addData(QByteArrayView("\n"));
    }
    return QStringLiteral("inventory/mappings/") + QString::fromLatin1(hash.result().toHex().left(32));
}

void InventoryImportDialog::fillColumns(const models::ColumnMapping &mapping)
{
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        const int column = models::headerColumn(m_headers, mapping.header(models::InventoryField(i)));
        const QSignalBlocker blocker(m_columns[i]);
        m_columns[i]->setCurrentIndex(column + 1);  // -1 (unmapped) is "(none)"
    }
}

models::ColumnMapping InventoryImportDialog::mappingFromColumns() const
{
    models::ColumnMapping mapping;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        mapping.set(models::InventoryField(i), m_columns[i]->currentData().toString().toStdString());
    return mapping;
}

void InventoryImportDialog::runImport(const std::optional<models::ColumnMapping> &mapping)
{
    auto result = models::importInventory(std::string_view(m_bytes.constData(), std::size_t(m_bytes.size())), mapping,
                                          m_sourceName);
    if (result) {
        m_import = std::move(result).value();
        m_error.clear();
    } else {
        m_import.reset();
        m_error = QString::fromStdString(result.error().message);
    }
    showImport();
}

void InventoryImportDialog::showImport()
{
    const bool plain = m_import ? m_import->format == models::InventoryFormat::PlainCsv
                                : !m_headers.empty() && !models::isRvToolsVInfoHeader(m_headers);
    if (!plain)
        m_format->setText(tr("Format: RVTools vInfo export"));
    else if (m_import && m_import->mappingGuessed)
        m_format->setText(tr("Format: plain CSV; the columns below were guessed from its headers."));
    else if (m_remembered)
        m_format->setText(tr("Format: plain CSV; the columns below are the ones last used for these headers."));
    else
        m_format->setText(tr("Format: plain CSV"));
    m_mappingBox->setVisible(plain && !m_headers.empty());
    const QStringList unused = m_import ? unusedColumns(m_headers, m_import->mapping) : QStringList();
    m_unused->setText(unused.isEmpty() ? QString() : tr("Not used: %1").arg(unused.join(QStringLiteral(", "))));
    m_unused->setVisible(!unused.isEmpty());

    m_problems->clear();
    const std::size_t servers = m_import ? m_import->servers.size() : 0;
    if (!m_import) {
        m_counts->setText(m_error);
        m_leftOut->clear();
    } else {
        QStringList counts{tr("%n server(s) to import", nullptr, int(servers))};
        if (m_import->templatesSkipped > 0)
            counts << tr("%n template(s) skipped", nullptr, int(m_import->templatesSkipped));
        if (m_import->blankRowsSkipped > 0)
            counts << tr("%n blank row(s) skipped", nullptr, int(m_import->blankRowsSkipped));
        m_counts->setText(counts.join(QStringLiteral("; ")) + QLatin1Char('.'));
        const auto &problems = m_import->problems;
        if (problems.empty())
            m_leftOut->setText(tr("Every row can be read."));
        else
            m_leftOut->setText(tr("%n row(s) below cannot be imported and will be left out; "
                                  "the other rows will be imported.",
                                  nullptr, int(problems.size())));
        const int listed = std::min(int(problems.size()), kMaxProblemsListed);
        QStringList lines;
        lines.reserve(listed + 1);
        for (int i = 0; i < listed; ++i)
            lines.append(tr("line %1: %2").arg(problems[std::size_t(i)].line).arg(
                QString::fromStdString(problems[std::size_t(i)].reason)));
        if (std::size_t(listed) < problems.size())
            lines.append(tr("\u2026 and %n more row(s).", nullptr, int(problems.size() - std::size_t(listed))));
        m_problems->addItems(lines);
    }
    m_problems->setVisible(m_problems->count() > 0);
    m_importButton->setText(tr("Import %n Server(s)", nullptr, int(servers)));
    m_importButton->setEnabled(servers > 0);
}

void InventoryImportDialog::accept()
{
    if (!m_import || m_import->servers.empty())
        return;
    if (m_import->format == models::InventoryFormat::PlainCsv)
        QSettings().setValue(mappingSettingsKey(m_headers), QString::fromUtf8(models::toMappingJson(m_import->mapping)));
    QDialog::accept();
}

QString describeMerge(const models::CatalogMergeCounts &counts)
{
    QStringList parts;
    if (counts.added > 0)
        parts << InventoryImportDialog::tr("%n added", nullptr, int(counts.added));
    if (counts.replaced > 0)
        parts << InventoryImportDialog::tr("%n replaced", nullptr, int(counts.replaced));
    if (counts.onEndpoint > 0)
        parts << InventoryImportDialog::tr("%n already in the catalog from the endpoint", nullptr, int(counts.onEndpoint));
    const int total = int(counts.added + counts.replaced + counts.onEndpoint);
    return InventoryImportDialog::tr("Imported %n server(s): %1.", nullptr, total).arg(parts.join(QStringLiteral(", ")));
}

InventoryImportDialog *importInventoryFile(QWidget *parent, models::PlanEditor &editor, const QString &path,
                                           std::function<void(const QString &)> report)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(parent, InventoryImportDialog::tr("Could not import the inventory"),
                             InventoryImportDialog::tr("Could not open %1: %2.").arg(path, file.errorString()));
        return nullptr;
    }
    auto *dialog = new InventoryImportDialog(file.readAll(), QFileInfo(path).fileName(), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, &editor, [dialog, &editor, report = std::move(report)] {
        const models::InventoryImport *imported = dialog->imported();
        if (!imported)
            return;
        const models::CatalogMergeCounts counts = editor.importInventory(imported->servers, imported->details);
        if (report)
            report(describeMerge(counts));
    });
    dialog->open();
    return dialog;
}

} // namespace sms::ui
