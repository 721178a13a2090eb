#include "ui/InventoryImportDialog.h"

#include "ui/CsvExport.h"

#include "models/CatalogMerge.h"
#include "models/CatalogTableModel.h"
#include "models/PlanEditor.h"
#include "models/PlanDocument.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace sms;
using sms::models::InventoryField;
using sms::models::InventoryFormat;
using sms::ui::InventoryImportDialog;

namespace {

// Two columns no field's usual names match, for the mapping to point at.
const QByteArray kPlainCsv = "Server Name,vCPUs,RAM (MB),Remarks,Sockets\r\n"
                             "app-01,2,4096,four cores,4\r\n"
                             "app-02,4,8192,x,four\r\n"
                             "app-03,8,16384,y,8\r\n";

QStringList problemLines(const InventoryImportDialog &dialog)
{
    QStringList lines;
    for (int i = 0; i < dialog.problemList()->count(); ++i)
        lines.append(dialog.problemList()->item(i)->text());
    return lines;
}

std::size_t serverCount(const InventoryImportDialog &dialog)
{
    return dialog.imported() ? dialog.imported()->servers.size() : 0;
}

} // namespace

class TestInventoryImportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void importsRvToolsIntoEmptyDocument();
    void changingTheMappingReadsTheFileAgain();
    void remembersTheMappingForTheSameHeaders();
    void listsBadRowsAndImportsTheGoodOnes();
    void importingTwiceReplaces();
    void exportsWhatWasImported();
    void namesUnusedColumnsInUserWords_data();
    void namesUnusedColumnsInUserWords();
    void unusedColumnsFollowTheMapping();

private:
    QString writeFile(const QString &name, const QByteArray &bytes);
    // Opens the dialog as the File menu does, accepts it, and waits until it is gone.
    static void importAndAccept(models::PlanEditor &editor, const QString &path, std::size_t expectedServers);

    QTemporaryDir m_dir;
};

void TestInventoryImportDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("sms-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_inventoryimportdialog"));
    QVERIFY(m_dir.isValid());
}

void TestInventoryImportDialog::init()
{
    QSettings().clear();
}

QString TestInventoryImportDialog::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

void TestInventoryImportDialog::importAndAccept(models::PlanEditor &editor, const QString &path,
                                                std::size_t expectedServers)
{
    QPointer<InventoryImportDialog> dialog = ui::importInventoryFile(nullptr, editor, path);
    QVERIFY(dialog);
    QCOMPARE(serverCount(*dialog), expectedServers);
    QVERIFY(dialog->importButton()->isEnabled());
    dialog->importButton()->click();
    QTRY_VERIFY(!dialog);
}

void TestInventoryImportDialog::importsRvToolsIntoEmptyDocument()
{
    models::PlanDocument document;
    models::PlanEditor editor(document);
    models::CatalogTableModel model(document);
    QAbstractItemModelTester tester(&model);
    {
        QFile file(QStringLiteral(SMS_TEST_DATA "/inventory/rvtools-vinfo.csv"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        InventoryImportDialog dialog(file.readAll(), QStringLiteral("rvtools-vinfo.csv"));
        QVERIFY(dialog.imported());
        QCOMPARE(dialog.imported()->format, InventoryFormat::RvToolsVInfo);
        QCOMPARE(dialog.imported()->templatesSkipped, std::size_t(3));
        QVERIFY(dialog.findChild<QGroupBox *>()->isHidden());  // RVTools has its own columns
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("Import 12 Server(s)"));
    }
    importAndAccept(editor, QStringLiteral(SMS_TEST_DATA "/inventory/rvtools-vinfo.csv"), 12);
    QCOMPARE(document.catalog().servers.size(), std::size_t(12));
    QCOMPARE(model.rowCount(), 12);
    QVERIFY(document.isModified());
    QVERIFY(document.catalog().source.readAt.has_value());  // a complete catalog, from a file
    // An RVTools file is read by its own columns: nothing is remembered for it.
    QVERIFY(QSettings().allKeys().isEmpty());

    // One undo step takes the whole import back, details included; redo brings it again.
    QCOMPARE(document.undoStack().count(), 1);
    document.undoStack().undo();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(document.catalog().servers.empty());
    QVERIFY(document.inventory().empty());
    QVERIFY(!document.catalog().source.readAt.has_value());
    QVERIFY(!document.isModified());
    document.undoStack().redo();
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(document.inventory().size(), std::size_t(12));
}

void TestInventoryImportDialog::changingTheMappingReadsTheFileAgain()
{
    InventoryImportDialog dialog(kPlainCsv, QStringLiteral("vms.csv"));
    QVERIFY(dialog.imported());
    QCOMPARE(dialog.imported()->format, InventoryFormat::PlainCsv);
    QVERIFY(dialog.imported()->mappingGuessed);
    QCOMPARE(dialog.columnBox(InventoryField::VmName)->currentText(), QStringLiteral("Server Name"));
    QCOMPARE(dialog.columnBox(InventoryField::Cpus)->currentText(), QStringLiteral("vCPUs"));
    QCOMPARE(dialog.columnBox(InventoryField::Host)->currentText(), QStringLiteral("(none)"));
    QCOMPARE(serverCount(dialog), std::size_t(3));
    QVERIFY(problemLines(dialog).isEmpty());

    // cpus from a text column: no row is a whole number.
    dialog.columnBox(InventoryField::Cpus)->setCurrentText(QStringLiteral("Remarks"));
    QCOMPARE(serverCount(dialog), std::size_t(0));
    QCOMPARE(problemLines(dialog).size(), 3);
    QVERIFY(problemLines(dialog).at(0).startsWith(QStringLiteral("line 2: ")));
    QVERIFY(!dialog.importButton()->isEnabled());

    dialog.columnBox(InventoryField::Cpus)->setCurrentText(QStringLiteral("Sockets"));
    QCOMPARE(serverCount(dialog), std::size_t(2));
    QCOMPARE(problemLines(dialog).size(), 1);
    QVERIFY(problemLines(dialog).at(0).startsWith(QStringLiteral("line 3: ")));
    QCOMPARE(dialog.importButton()->text(), QStringLiteral("Import 2 Server(s)"));
    QVERIFY(dialog.importButton()->isEnabled());

    // No server name column: the whole file is refused, and the dialog says why.
    dialog.columnBox(InventoryField::VmName)->setCurrentIndex(0);
    QVERIFY(!dialog.imported());
    QVERIFY(!dialog.importButton()->isEnabled());
}

void TestInventoryImportDialog::remembersTheMappingForTheSameHeaders()
{
    {
        InventoryImportDialog dialog(kPlainCsv, QStringLiteral("vms.csv"));
        dialog.columnBox(InventoryField::Cpus)->setCurrentText(QStringLiteral("Sockets"));
        dialog.columnBox(InventoryField::OperatingSystem)->setCurrentText(QStringLiteral("Remarks"));
        dialog.importButton()->click();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
    // Same headers in another order and case: the mapping comes back.
    const QByteArray second = "vcpus,server name,RAM (MB),Sockets,Remarks\n"
                              "1,db-01,2048,2,Linux\n";
    InventoryImportDialog dialog(second, QStringLiteral("more.csv"));
    QVERIFY(dialog.imported());
    QVERIFY(!dialog.imported()->mappingGuessed);
    QCOMPARE(dialog.columnBox(InventoryField::Cpus)->currentText(), QStringLiteral("Sockets"));
    QCOMPARE(dialog.columnBox(InventoryField::OperatingSystem)->currentText(), QStringLiteral("Remarks"));
    QCOMPARE(dialog.columnBox(InventoryField::VmName)->currentText(), QStringLiteral("server name"));
    QCOMPARE(serverCount(dialog), std::size_t(1));

    // Other headers: guessed afresh.
    InventoryImportDialog other("Server Name,vCPUs\napp-09,2\n", QStringLiteral("other.csv"));
    QVERIFY(other.imported());
    QVERIFY(other.imported()->mappingGuessed);

    // Canceled: nothing new is remembered.
    const QStringList keys = QSettings().allKeys();
    other.reject();
    QCOMPARE(QSettings().allKeys(), keys);
}

void TestInventoryImportDialog::listsBadRowsAndImportsTheGoodOnes()
{
    const QString path = writeFile(QStringLiteral("bad.csv"),
                                   "vmName,cpus,memoryMb\n"
                                   "a,1,1024\n"
                                   "b,two,1024\n"
                                   "\"c\nsecond line\",3,1024,extra\n"
                                   "d,4,2048\n");
    QVERIFY(!path.isEmpty());
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        InventoryImportDialog dialog(file.readAll(), QStringLiteral("bad.csv"));
        const QStringList lines = problemLines(dialog);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("line 3: ")) && lines.at(0).contains(QStringLiteral("two")),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("line 4: ")), qPrintable(lines.at(1)));
        QCOMPARE(dialog.importButton()->text(), QStringLiteral("Import 2 Server(s)"));
        QVERIFY(dialog.importButton()->isEnabled());
    }
    models::PlanDocument document;
    models::PlanEditor editor(document);
    importAndAccept(editor, path, 2);
    QCOMPARE(document.catalog().servers.size(), std::size_t(2));
    QCOMPARE(document.catalog().servers[0].vmServer->vmName, std::optional<std::string>("a"));
    QCOMPARE(document.catalog().servers[1].vmServer->vmName, std::optional<std::string>("d"));
}

void TestInventoryImportDialog::importingTwiceReplaces()
{
    models::PlanDocument document;
    models::PlanEditor editor(document);
    models::CatalogTableModel model(document);
    QAbstractItemModelTester tester(&model);
    const QString first = writeFile(QStringLiteral("first.csv"),
                                    "serverId,vmName,vmPath\n"
                                    "s-1,one,/DC/vm/one\n"
                                    "s-2,two,/DC/vm/two\n");
    const QString second = writeFile(QStringLiteral("second.csv"),
                                     "serverId,vmName,vmPath\n"
                                     "s-2,two-renamed,/DC/vm/two\n"
                                     "s-3,three,/DC/vm/three\n");
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    importAndAccept(editor, first, 2);
    document.markSaved();

    QSignalSpy changed(&document, &models::PlanDocument::serversChanged);
    QSignalSpy appended(&document, &models::PlanDocument::serversAppended);
    QSignalSpy cells(&model, &QAbstractItemModel::dataChanged);
    importAndAccept(editor, second, 2);
    const auto &servers = document.catalog().servers;
    QCOMPARE(servers.size(), std::size_t(3));
    QCOMPARE(servers[0].serverId, std::optional<std::string>("s-1"));
    QCOMPARE(servers[1].serverId, std::optional<std::string>("s-2"));
    QCOMPARE(servers[1].vmServer->vmName, std::optional<std::string>("two-renamed"));
    QCOMPARE(servers[2].serverId, std::optional<std::string>("s-3"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toInt(), 1);
    QCOMPARE(changed.at(0).at(1).toInt(), 1);
    QCOMPARE(appended.size(), 1);
    QVERIFY(!cells.isEmpty());
    QCOMPARE(model.index(1, models::CatalogTableModel::VmName).data().toString(), QStringLiteral("two-renamed"));
    QVERIFY(document.isModified());

    // The same file again: the same servers, nothing added.
    const auto counts = editor.importInventory(servers, {});
    QCOMPARE(counts.replaced, std::size_t(3));
    QCOMPARE(counts.added, std::size_t(0));
    QCOMPARE(document.catalog().servers.size(), std::size_t(3));
}

// File › Export: the inventory details imported come back out, and an
// application's servers are a row each.
void TestInventoryImportDialog::exportsWhatWasImported()
{
    models::PlanDocument document;
    models::PlanEditor editor(document);
    importAndAccept(editor, QStringLiteral(SMS_TEST_DATA "/inventory/rvtools-vinfo.csv"), 12);
    QCOMPARE(document.inventory().size(), std::size_t(12));
    editor.newApplicationFromServers({*document.catalog().servers[0].serverId, *document.catalog().servers[1].serverId},
                                     "Payroll");

    bool failed = true;
    const QString catalogPath = m_dir.filePath(QStringLiteral("catalog.csv"));
    QCOMPARE(ui::writeCsvExport(document, ui::CsvExport::Catalog, catalogPath, failed),
             QStringLiteral("Exported 12 server row(s) to %1.").arg(QDir::toNativeSeparators(catalogPath)));
    QVERIFY(!failed);
    QFile catalog(catalogPath);
    QVERIFY(catalog.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = catalog.readAll().split('\n');
    QVERIFY(lines.first().contains("cpus,memoryMb"));
    QVERIFY2(lines.at(1).contains(",Payroll,"), lines.at(1).constData());
    const models::InventoryDetails &first = document.inventory().front();
    QVERIFY(first.cpus.has_value());
    QVERIFY(lines.at(1).contains(QByteArray::number(qlonglong(*first.cpus))));

    const QString appsPath = m_dir.filePath(QStringLiteral("apps.csv"));
    QCOMPARE(ui::writeCsvExport(document, ui::CsvExport::Applications, appsPath, failed),
             QStringLiteral("Exported 2 server row(s) to %1.").arg(QDir::toNativeSeparators(appsPath)));
    QVERIFY(!failed);

    // A folder that is not there: the reason, and nothing written.
    const QString nowhere = m_dir.filePath(QStringLiteral("missing/apps.csv"));
    const QString message = ui::writeCsvExport(document, ui::CsvExport::Applications, nowhere, failed);
    QVERIFY(failed);
    QVERIFY2(message.startsWith(QStringLiteral("Could not write ")), qPrintable(message));
    QVERIFY(!QFile::exists(nowhere));
}

void TestInventoryImportDialog::namesUnusedColumnsInUserWords_data()
{
    QTest::addColumn<QByteArray>("csv");
    QTest::addColumn<QString>("unused");  // empty: the line is hidden
    QTest::addRow("two columns no field guessed") << kPlainCsv << QStringLiteral("Not used: Remarks, Sockets");
    QTest::addRow("every column read") << QByteArray("VM Name,vCPUs\r\nweb-01,2\r\n") << QString();
    QTest::addRow("notes and an owner") << QByteArray("Server Name,Notes,Owner\nweb-01,old,ops\n")
                                        << QStringLiteral("Not used: Notes, Owner");
    QTest::addRow("a column without a header") << QByteArray("Server Name,,Notes\nweb-01,x,y\n")
                                               << QStringLiteral("Not used: column 2, Notes");
}

// A column the import does not read is named, not dropped silently; fields
// are labelled in a user's words, not the API's member names.
void TestInventoryImportDialog::namesUnusedColumnsInUserWords()
{
    QFETCH(QByteArray, csv);
    QFETCH(QString, unused);
    InventoryImportDialog dialog(csv, QStringLiteral("vms.csv"));
    dialog.show();
    QVERIFY(dialog.imported());
    QCOMPARE(dialog.unusedColumnsLabel()->isVisible(), !unused.isEmpty());
    if (!unused.isEmpty())
        QCOMPARE(dialog.unusedColumnsLabel()->text(), unused);

    auto *form = qobject_cast<QFormLayout *>(dialog.findChild<QGroupBox *>()->layout());
    QVERIFY(form);
    const auto labelOf = [&](InventoryField field) {
        auto *label = qobject_cast<QLabel *>(form->labelForField(dialog.columnBox(field)));
        return label ? label->text() : QString();
    };
    QCOMPARE(labelOf(InventoryField::VmName), QStringLiteral("VM name:"));
    QCOMPARE(labelOf(InventoryField::VmPath), QStringLiteral("Folder path:"));
    QCOMPARE(labelOf(InventoryField::MemoryMb), QStringLiteral("Memory (MiB):"));
    QCOMPARE(labelOf(InventoryField::ProvisionedMb), QStringLiteral("Provisioned disk (MiB):"));
    for (std::size_t i = 0; i < models::kInventoryFieldCount; ++i) {
        const QString text = labelOf(InventoryField(i));
        QVERIFY2(!text.isEmpty() && text.front().isUpper() && !text.contains(QLatin1Char('_')), qPrintable(text));
        QVERIFY2(text.chopped(1) != QString::fromLatin1(models::kInventoryFieldNames[i].data(),
                                                        qsizetype(models::kInventoryFieldNames[i].size())),
                 qPrintable(text));
    }
}

void TestInventoryImportDialog::unusedColumnsFollowTheMapping()
{
    InventoryImportDialog dialog(kPlainCsv, QStringLiteral("vms.csv"));
    dialog.show();
    dialog.columnBox(InventoryField::OperatingSystem)->setCurrentText(QStringLiteral("Remarks"));
    QCOMPARE(dialog.unusedColumnsLabel()->text(), QStringLiteral("Not used: Sockets"));
    dialog.columnBox(InventoryField::Cpus)->setCurrentText(QStringLiteral("Sockets"));
    QCOMPARE(dialog.unusedColumnsLabel()->text(), QStringLiteral("Not used: vCPUs"));
    dialog.columnBox(InventoryField::Cpus)->setCurrentIndex(0);  // (none)
    QCOMPARE(dialog.unusedColumnsLabel()->text(), QStringLiteral("Not used: vCPUs, Sockets"));
}

QTEST_MAIN(TestInventoryImportDialog)
#include "tst_inventoryimportdialog.moc"
