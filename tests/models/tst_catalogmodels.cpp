// CatalogTableModel and CatalogFilterModel, each watched by a
// QAbstractItemModelTester through every scenario: pages arriving, the
// catalog read anew, placements changing, filtering (text, manager, type,
// unplanned only), sorting (also while pages arrive), selections following
// their servers, and drag data.

#include "models/CatalogFilterModel.h"
#include "models/CatalogTableModel.h"
#include "models/LiveStatus.h"
#include "models/PlanEditor.h"
#include "models/PlanMimeTypes.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QColor>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <numeric>

using namespace sms;
using namespace sms::models;

namespace {

struct Row
{
    const char *id;
    const char *name;  // nullptr: no vmServer at all
    const char *manager;
    api::VmManagerType type;
    const char *path;
    const char *job;  // replication job id, or nullptr
};

// Ten servers with something to find, filter and sort in every column.
const Row kRows[] = {
    {"srv-01", "web-prod-01", "vc-east", api::VmManagerType::Vsphere, "/east/prod/web", "j-03"},
    {"srv-02", "web-test-01", "vc-east", api::VmManagerType::Vsphere, "/east/test/web", "j-01"},
    {"srv-03", "db-prod-01", "vc-west", api::VmManagerType::Vsphere, "/west/prod/db", nullptr},
    {"srv-04", "DB-PROD-02", "scvmm-1", api::VmManagerType::Scvmm, "/west/prod/db", nullptr},
    {"srv-05", "\xC3\x9Cn\xC3\xAF" "c\xC3\xB8" "d\xC3\xA9-S\xC3\xA9rv\xC3\xA9r", "hv-1", api::VmManagerType::HypervManager,
     "/lab/unicode", "j-04"},                                                                      // Ünïcødé-Sérvér
    {"srv-06", "\xCE\xA3\xCE\xAF\xCF\x83\xCF\x85\xCF\x86\xCE\xBF\xCF\x82", "hv-1", api::VmManagerType::HypervManager,
     "/lab/greek", nullptr},                                                                       // Σίσυφος
    {"srv-07", "cache-prod", "vc-west", api::VmManagerType::Vsphere, "/west/prod/cache", nullptr},
    {"srv-08", nullptr, nullptr, api::VmManagerType::Unknown, nullptr, nullptr},
    {"srv-09", "mail-01", "scvmm-1", api::VmManagerType::Scvmm, "/east/mail", "j-02"},
    {"srv-10", "Stra\xC3\x9F" "e-01", "vc-east", api::VmManagerType::Vsphere, "/east/de", nullptr},  // Straße-01
};
constexpr int kRowCount = int(std::size(kRows));

api::Server makeServer(const Row &row)
{
    api::Server server;
    server.serverId = row.id;
    server.serverType = api::OpenEnum<api::ServerType>(api::ServerType::VirtualMachine);
    if (row.name) {
        api::VmServer vm;
        vm.vmName = row.name;
        vm.vmManagerName = row.manager;
        vm.vmManagerType = api::OpenEnum<api::VmManagerType>(row.type);
        vm.vmPath = row.path;
        server.vmServer = vm;
    }
    if (row.job) {
        server.replicationJobId = row.job;
        server.replicationJobTerminated = std::string_view(row.job) == "j-04";
    }
    return server;
}

std::vector<api::Server> catalogRows(int first, int last)
{
    std::vector<api::Server> servers;
    for (int i = first; i <= last; ++i)
        servers.push_back(makeServer(kRows[i]));
    return servers;
}

api::Server namedServer(const std::string &id, const std::string &name)
{
    api::Server server;
    server.serverId = id;
    api::VmServer vm;
    vm.vmName = name;
    vm.vmManagerName = "vc-east";
    vm.vmManagerType = api::OpenEnum<api::VmManagerType>(api::VmManagerType::Vsphere);
    vm.vmPath = "/east/new/" + name;
    server.vmServer = vm;
    return server;
}

ReplicationJobSummary job(const char *id, const char *server, api::ReplicationJobState state)
{
    return {id, server, api::OpenEnum<api::ReplicationJobState>(state), {}};
}

// The document with its two models, each watched by a tester for the whole test.
struct Fixture
{
    Fixture()
    {
        // Jobs first: the replication-job index is kept beside the catalog.
        doc.setReplicationJobs({job("j-01", "srv-02", api::ReplicationJobState::Active),
                                job("j-02", "srv-09", api::ReplicationJobState::Failed),
                                job("j-03", "srv-01", api::ReplicationJobState::Pending)});
    }
    void loadAll() { doc.appendServers(catalogRows(0, kRowCount - 1)); }
    PlanKey app(const char *name) const
    {
        for (const PlanApplication &a : doc.applications()) {
            if (a.name == name)
                return a.key;
        }
        return kNoKey;
    }

    PlanDocument doc;
    PlanEditor editor{doc};
    CatalogTableModel table{doc};
    CatalogFilterModel filter{table};
    QAbstractItemModelTester tableTester{&table, QAbstractItemModelTester::FailureReportingMode::QtTest};
    QAbstractItemModelTester filterTester{&filter, QAbstractItemModelTester::FailureReportingMode::QtTest};
};

// The server ids a model shows, top to bottom.
QStringList shownIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(CatalogTableModel::ServerIdRole).toString();
    return ids;
}

QStringList idsOf(std::initializer_list<int> numbers)
{
    QStringList ids;
    for (int n : numbers)
        ids << QStringLiteral("srv-%1").arg(n, 2, 10, QLatin1Char('0'));
    return ids;
}

// What the filter text should find, worked out here from the shown texts.
bool textMatches(const CatalogTableModel &table, int row, const QString &text)
{
    const QString name = table.index(row, CatalogTableModel::VmName).data().toString();
    const QString path = table.index(row, CatalogTableModel::Path).data().toString();
    const QString id = table.index(row, CatalogTableModel::ServerId).data().toString();
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return std::all_of(words.begin(), words.end(), [&](const QString &word) {
        return name.contains(word, Qt::CaseInsensitive) || path.contains(word, Qt::CaseInsensitive)
            || id.startsWith(word, Qt::CaseInsensitive);
    });
}

// Natural order worked out here, a character at a time: runs of ASCII
// digits compare as numbers, other characters ignoring case.
int naturalCompare(const QString &a, const QString &b)
{
    const auto isDigit = [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); };
    const auto number = [&](const QString &text, qsizetype &at) {
        while (at < text.size() && text[at] == QLatin1Char('0'))
            ++at;
        const qsizetype from = at;
        while (at < text.size() && isDigit(text[at]))
            ++at;
        return text.mid(from, at - from);
    };
    qsizetype i = 0;
    qsizetype j = 0;
    while (i < a.size() && j < b.size()) {
        if (isDigit(a[i]) && isDigit(b[j])) {
            const QString na = number(a, i);
            const QString nb = number(b, j);
            if (na.size() != nb.size())
                return na.size() < nb.size() ? -1 : 1;
            if (const int c = QString::compare(na, nb); c != 0)
                return c;
            continue;
        }
        const char16_t ca = a[i++].toCaseFolded().unicode();
        const char16_t cb = b[j++].toCaseFolded().unicode();
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return int(i < a.size()) - int(j < b.size());
}

// The catalog rows in the order sorting by `column` should give them
// (ties keep catalog order), or catalog order for column -1.
std::vector<int> sortedRows(const CatalogTableModel &table, int column, Qt::SortOrder order)
{
    std::vector<int> rows(std::size_t(table.rowCount()));
    std::iota(rows.begin(), rows.end(), 0);
    if (column < 0)
        return rows;
    std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
        const QString ta = table.index(a, column).data().toString();
        const QString tb = table.index(b, column).data().toString();
        const int c = naturalCompare(ta, tb);
        return order == Qt::AscendingOrder ? c < 0 : c > 0;
    });
    return rows;
}

QStringList expectedIds(const CatalogTableModel &table, int column, Qt::SortOrder order,
                        const std::function<bool(int)> &accept)
{
    QStringList ids;
    for (int row : sortedRows(table, column, order)) {
        if (accept(row))
            ids << table.index(row, 0).data(CatalogTableModel::ServerIdRole).toString();
    }
    return ids;
}

QStringList selectedIds(const QItemSelectionModel &selection)
{
    QStringList ids;
    for (const QModelIndex &index : selection.selectedRows())
        ids << index.data(CatalogTableModel::ServerIdRole).toString();
    ids.sort();
    return ids;
}

} // namespace

class TestCatalogModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableData_data();
    void tableData();
    void headers();
    void pagesAppended();
    void pagesAppendedWhileFiltered();
    void catalogCleared();
    void catalogReplacedByReset();
    void serversReplacedInTheirRows();
    void placements();
    void unplannedOnlyFollowsEdits();
    void replicationJobsChange();
    void liveJobState();

    void filterText_data();
    void filterText();
    void typingNarrowsAndDeletingWidens_data();
    void typingNarrowsAndDeletingWidens();
    void filterIsALayoutChange();
    void criteria_data();
    void criteria();
    void filterChangedSignal();

    void sorting_data();
    void sorting();
    void sortingWhilePagesArrive();
    void sortingFollowsPlacements();
    void unsort();
    void naturalOrder_data();
    void naturalOrder();
    void hexIdsMatchFromTheirStart_data();
    void hexIdsMatchFromTheirStart();

    void selectionFollowsRows();
    void mimeData();

    void managersAndTypes();
    void foldCase_data();
    void foldCase();
};

void TestCatalogModels::tableData_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("text");

    QTest::addRow("name") << 0 << int(CatalogTableModel::VmName) << QStringLiteral("web-prod-01");
    QTest::addRow("manager") << 3 << int(CatalogTableModel::Manager) << QStringLiteral("scvmm-1");
    QTest::addRow("manager type") << 4 << int(CatalogTableModel::ManagerType) << QStringLiteral("HYPERV-MANAGER");
    QTest::addRow("path") << 2 << int(CatalogTableModel::Path) << QStringLiteral("/west/prod/db");
    QTest::addRow("server id") << 6 << int(CatalogTableModel::ServerId) << QStringLiteral("srv-07");
    QTest::addRow("replication job") << 8 << int(CatalogTableModel::ReplicationJob) << QStringLiteral("j-02");
    QTest::addRow("job state") << 8 << int(CatalogTableModel::JobState) << QStringLiteral("Failed");
    QTest::addRow("job state, terminated") << 4 << int(CatalogTableModel::JobState) << QStringLiteral("Terminated");
    QTest::addRow("job state, no job") << 2 << int(CatalogTableModel::JobState) << QString();
    QTest::addRow("application") << 0 << int(CatalogTableModel::Application) << QStringLiteral("Web");
    QTest::addRow("application, unplanned") << 1 << int(CatalogTableModel::Application) << QString();
    QTest::addRow("non-ASCII name") << 5 << int(CatalogTableModel::VmName) << QStringLiteral("Σίσυφος");
    QTest::addRow("no vmServer: name") << 7 << int(CatalogTableModel::VmName) << QString();
    QTest::addRow("no vmServer: id") << 7 << int(CatalogTableModel::ServerId) << QStringLiteral("srv-08");
}

void TestCatalogModels::tableData()
{
    QFETCH(int, row);
    QFETCH(int, column);
    QFETCH(QString, text);
    Fixture f;
    f.loadAll();
    f.editor.newApplicationFromServers({"srv-01"}, "Web");

    const QModelIndex index = f.table.index(row, column);
    QCOMPARE(index.data().toString(), text);
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), text);
    QCOMPARE(index.data(CatalogTableModel::ServerIdRole).toString(), QString::fromLatin1(kRows[row].id));
    const PlanKey placement = f.doc.placementOf(kRows[row].id).application;
    QCOMPARE(index.data(CatalogTableModel::PlacementRole).toULongLong(), quint64(placement));
    QVERIFY(f.table.flags(index) & Qt::ItemIsDragEnabled);
    QVERIFY(f.table.flags(index) & Qt::ItemIsSelectable);
    QVERIFY(!(f.table.flags(index) & Qt::ItemIsEditable));
    // The filter model shows the very same cell.
    const QModelIndex proxy = f.filter.mapFromSource(index);
    QVERIFY(proxy.isValid());
    QCOMPARE(proxy.data().toString(), text);
    QCOMPARE(f.filter.mapToSource(proxy), index);
    // A terminated job is shown muted; nothing else has a colour.
    const QVariant foreground = index.data(Qt::ForegroundRole);
    QCOMPARE(foreground.isValid(), text == QLatin1String("Terminated"));
    if (foreground.isValid())
        QVERIFY(foreground.canConvert<QBrush>());
}

void TestCatalogModels::headers()
{
    Fixture f;
    const QStringList expected{QStringLiteral("VM name"), QStringLiteral("Manager"), QStringLiteral("Manager type"),
                               QStringLiteral("Path"), QStringLiteral("Server id"), QStringLiteral("Replication job"),
                               QStringLiteral("Job state"), QStringLiteral("Application")};
    QCOMPARE(f.table.columnCount(), int(CatalogTableModel::ColumnCount));
    QCOMPARE(f.filter.columnCount(), int(CatalogTableModel::ColumnCount));
    const auto headers = [](const QAbstractItemModel &model) {
        QStringList texts;
        for (int column = 0; column < model.columnCount(); ++column)
            texts << model.headerData(column, Qt::Horizontal).toString();
        return texts;
    };
    // Empty catalog, a catalog, and a filter that finds nothing: the column
    // titles stay.
    QCOMPARE(headers(f.table), expected);
    QCOMPARE(headers(f.filter), expected);
    f.loadAll();
    QCOMPARE(headers(f.filter), expected);
    f.filter.setFilterText(QStringLiteral("no-such-server"));
    QCOMPARE(f.filter.rowCount(), 0);
    QCOMPARE(headers(f.filter), expected);
}

void TestCatalogModels::pagesAppended()
{
    Fixture f;
    QSignalSpy tableInserted(&f.table, &QAbstractItemModel::rowsInserted);
    QSignalSpy filterInserted(&f.filter, &QAbstractItemModel::rowsInserted);
    QSignalSpy filterReset(&f.filter, &QAbstractItemModel::modelReset);
    f.doc.appendServers(catalogRows(0, 3));
    f.doc.appendServers(catalogRows(4, 4));
    f.doc.appendServers(catalogRows(5, 9));
    // One insertion per page, in both models.
    QCOMPARE(tableInserted.count(), 3);
    QCOMPARE(filterInserted.count(), 3);
    QCOMPARE(filterReset.count(), 0);
    QCOMPARE(tableInserted.at(1).at(1).toInt(), 4);
    QCOMPARE(tableInserted.at(1).at(2).toInt(), 4);
    QCOMPARE(filterInserted.at(2).at(1).toInt(), 5);
    QCOMPARE(filterInserted.at(2).at(2).toInt(), 9);
    QCOMPARE(f.table.rowCount(), kRowCount);
    QCOMPARE(shownIds(f.filter), shownIds(f.table));
    QCOMPARE(shownIds(f.filter), idsOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
}

void TestCatalogModels::pagesAppendedWhileFiltered()
{
    Fixture f;
    f.filter.setFilterText(QStringLiteral("prod"));
    f.filter.setManagerType(QStringLiteral("VSPHERE"));
    QCOMPARE(f.filter.rowCount(), 0);
    QSignalSpy filterInserted(&f.filter, &QAbstractItemModel::rowsInserted);
    f.doc.appendServers(catalogRows(0, 1));  // srv-01 matches
    f.doc.appendServers(catalogRows(2, 5));  // srv-03 matches; srv-04 is SCVMM
    f.doc.appendServers(catalogRows(7, 8));  // nothing matches: no insertion
    f.doc.appendServers(catalogRows(6, 6));  // srv-07
    QCOMPARE(filterInserted.count(), 3);
    QCOMPARE(shownIds(f.filter), idsOf({1, 3, 7}));
    QCOMPARE(f.table.rowCount(), 9);
    // Rows that came in while filtered are found when the filter widens.
    f.filter.setFilterText(QString());
    // Catalog order: srv-07 came last.
    QCOMPARE(shownIds(f.filter), idsOf({1, 2, 3, 7}));
    QCOMPARE(f.filter.mapToSource(f.filter.index(3, 0)).row(), 8);
}

void TestCatalogModels::catalogCleared()
{
    Fixture f;
    f.loadAll();
    f.filter.setFilterText(QStringLiteral("web"));
    QCOMPARE(f.filter.rowCount(), 2);
    QSignalSpy tableReset(&f.table, &QAbstractItemModel::modelReset);
    QSignalSpy filterReset(&f.filter, &QAbstractItemModel::modelReset);
    f.doc.beginCatalog({});
    QCOMPARE(tableReset.count(), 1);
    QCOMPARE(filterReset.count(), 1);
    QCOMPARE(f.table.rowCount(), 0);
    QCOMPARE(f.filter.rowCount(), 0);
    QVERIFY(!f.filter.index(0, 0).isValid());
    // The filter stays; the new pages are filtered by it.
    QCOMPARE(f.filter.filterText(), QStringLiteral("web"));
    f.doc.appendServers(catalogRows(1, 3));
    QCOMPARE(shownIds(f.filter), idsOf({2}));
    f.doc.appendServers(catalogRows(0, 0));
    QCOMPARE(shownIds(f.filter), idsOf({2, 1}));
    QCOMPARE(f.filter.mapToSource(f.filter.index(1, 0)).row(), 3);
}

void TestCatalogModels::catalogReplacedByReset()
{
    Fixture f;
    f.loadAll();
    f.filter.setFilterText(QStringLiteral("01"));
    PlanData data;
    data.catalog.servers = catalogRows(0, 2);
    f.doc.reset(std::move(data));
    QCOMPARE(f.table.rowCount(), 3);
    QCOMPARE(shownIds(f.filter), idsOf({1, 2, 3}));
    f.doc.reset({});
    QCOMPARE(f.table.rowCount(), 0);
    QCOMPARE(f.filter.rowCount(), 0);
}

// A server replaced in its row (an inventory imported again) is filtered by
// what it says now.
void TestCatalogModels::serversReplacedInTheirRows()
{
    Fixture f;
    f.loadAll();
    f.filter.setFilterText(QStringLiteral("cache"));
    QCOMPARE(shownIds(f.filter), idsOf({7}));
    api::Server renamed = makeServer(kRows[8]);  // srv-09, mail-01
    renamed.vmServer->vmName = "cache-east";
    api::Server unnamed = makeServer(kRows[6]);  // srv-07, cache-prod
    unnamed.vmServer->vmName = "store-prod";
    unnamed.vmServer->vmPath = "/west/prod/store";
    f.doc.replaceServers({renamed, unnamed});
    QTRY_COMPARE(shownIds(f.filter), idsOf({9}));
    f.filter.setFilterText(QStringLiteral("store"));
    QCOMPARE(shownIds(f.filter), idsOf({7}));
}

void TestCatalogModels::placements()
{
    Fixture f;
    f.loadAll();
    QSignalSpy changed(&f.table, &QAbstractItemModel::dataChanged);
    const auto applicationOf = [&](int row) { return f.table.index(row, CatalogTableModel::Application).data().toString(); };

    const PlanKey shop = f.editor.newApplicationFromServers({"srv-03", "srv-07"}, "Shop");
    QCOMPARE(applicationOf(2), QStringLiteral("Shop"));
    QCOMPARE(applicationOf(6), QStringLiteral("Shop"));
    QCOMPARE(applicationOf(3), QString());
    QCOMPARE(f.table.index(2, 0).data(CatalogTableModel::PlacementRole).toULongLong(), quint64(shop));
    // Some dataChanged covered both rows in the Application column.
    const auto covered = [&](int row) {
        return std::any_of(changed.begin(), changed.end(), [&](const QList<QVariant> &args) {
            const QModelIndex topLeft = args.at(0).toModelIndex();
            const QModelIndex bottomRight = args.at(1).toModelIndex();
            return topLeft.row() <= row && row <= bottomRight.row() && topLeft.column() <= CatalogTableModel::Application
                && CatalogTableModel::Application <= bottomRight.column();
        });
    };
    QVERIFY(covered(2));
    QVERIFY(covered(6));

    changed.clear();
    f.editor.renameApplication(shop, "Store");
    QCOMPARE(applicationOf(6), QStringLiteral("Store"));
    QVERIFY(covered(6));

    // Moving to another application, and undoing it.
    changed.clear();
    f.editor.newApplicationFromServers({"srv-07"}, "Cache");
    QCOMPARE(applicationOf(6), QStringLiteral("Cache"));
    QCOMPARE(applicationOf(2), QStringLiteral("Store"));
    QVERIFY(covered(6));
    changed.clear();
    f.doc.undoStack().undo();
    QCOMPARE(applicationOf(6), QStringLiteral("Store"));
    QVERIFY(covered(6));
    f.doc.undoStack().undo();
    f.doc.undoStack().undo();
    QCOMPARE(applicationOf(6), QString());
    QCOMPARE(f.table.index(6, 0).data(CatalogTableModel::PlacementRole).toULongLong(), quint64(0));
    // The filter model shows the same.
    QCOMPARE(f.filter.index(6, CatalogTableModel::Application).data().toString(), QString());
}

void TestCatalogModels::unplannedOnlyFollowsEdits()
{
    Fixture f;
    f.loadAll();
    f.editor.newApplicationFromServers({"srv-01", "srv-03"}, "A");
    f.filter.setUnplannedOnly(true);
    QCOMPARE(shownIds(f.filter), idsOf({2, 4, 5, 6, 7, 8, 9, 10}));

    // Planning a shown server hides it (the re-filter waits for the event loop).
    f.editor.addServersToGroup({"srv-05", "srv-09"}, f.doc.application(0).serverGroups.front().key);
    QTRY_COMPARE(shownIds(f.filter), idsOf({2, 4, 6, 7, 8, 10}));
    f.doc.undoStack().undo();
    QTRY_COMPARE(shownIds(f.filter), idsOf({2, 4, 5, 6, 7, 8, 9, 10}));
    f.doc.undoStack().undo();  // the application goes: its servers are unplanned again
    QTRY_COMPARE(shownIds(f.filter), idsOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    f.doc.undoStack().redo();
    QTRY_COMPARE(shownIds(f.filter), idsOf({2, 4, 5, 6, 7, 8, 9, 10}));
    f.filter.setUnplannedOnly(false);
    QCOMPARE(f.filter.rowCount(), kRowCount);
}

void TestCatalogModels::replicationJobsChange()
{
    Fixture f;
    f.loadAll();
    QSignalSpy changed(&f.filter, &QAbstractItemModel::dataChanged);
    f.doc.setReplicationJobs({job("j-01", "srv-02", api::ReplicationJobState::Completed)});
    QVERIFY(!changed.isEmpty());
    const QModelIndex topLeft = changed.last().at(0).toModelIndex();
    QVERIFY(topLeft.column() <= CatalogTableModel::JobState);
    QCOMPARE(f.table.index(1, CatalogTableModel::JobState).data().toString(), QStringLiteral("Completed"));
    QCOMPARE(f.table.index(8, CatalogTableModel::JobState).data().toString(), QString());  // j-02 no longer known
    QCOMPARE(f.table.index(4, CatalogTableModel::JobState).data().toString(), QStringLiteral("Terminated"));
}

// The monitor's view of a job wins over the catalog's, but only for the job
// the catalog knows: a live status of an older job of the server is not shown.
void TestCatalogModels::liveJobState()
{
    Fixture f;
    f.loadAll();
    LiveStatus live;
    live.servers["srv-02"] = {"j-01", api::ReplicationJobState::Active, "Converting", 80, false, ""};
    live.servers["srv-09"] = {"j-other", api::ReplicationJobState::Completed, "", std::nullopt, false, ""};
    QSignalSpy changed(&f.table, &QAbstractItemModel::dataChanged);
    f.table.setLiveStatus(&live);
    QCOMPARE(changed.count(), 1);  // one range: every row may have changed
    const QModelIndex srv02 = f.table.index(1, CatalogTableModel::JobState);
    QCOMPARE(srv02.data().toString(), QStringLiteral("Converting 80%"));
    QVERIFY(srv02.data(Qt::DecorationRole).value<QColor>().isValid());
    QCOMPARE(f.table.index(8, CatalogTableModel::JobState).data().toString(), QStringLiteral("Failed"));

    changed.clear();
    live.servers["srv-02"] = {"j-01", api::ReplicationJobState::Failed, "", std::nullopt, false, "upload timed out"};
    f.table.liveStatusChanged({"srv-02"});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex(), srv02);
    QCOMPARE(srv02.data().toString(), QStringLiteral("Failed"));
    QCOMPARE(srv02.data(Qt::ToolTipRole).toString(), QStringLiteral("upload timed out"));
    QVERIFY(f.filter.match(f.filter.index(0, CatalogTableModel::JobState), Qt::DisplayRole, QStringLiteral("Failed"), -1,
                           Qt::MatchExactly).size() >= 2);
}

void TestCatalogModels::filterText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::addRow("empty") << QString() << idsOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    QTest::addRow("blanks only") << QStringLiteral("   ") << idsOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    QTest::addRow("one word") << QStringLiteral("web") << idsOf({1, 2});
    QTest::addRow("upper case") << QStringLiteral("WEB") << idsOf({1, 2});
    QTest::addRow("mixed case against upper-case data") << QStringLiteral("Db-Prod") << idsOf({3, 4});
    QTest::addRow("two words") << QStringLiteral("web prod") << idsOf({1});
    QTest::addRow("two words, other order") << QStringLiteral("prod web") << idsOf({1});
    QTest::addRow("words in different fields") << QStringLiteral("mail srv-09 /east") << idsOf({9});
    QTest::addRow("extra blanks") << QStringLiteral("  PROD   db ") << idsOf({3, 4});
    QTest::addRow("word in name or path") << QStringLiteral("prod") << idsOf({1, 3, 4, 7});
    QTest::addRow("path") << QStringLiteral("/west/") << idsOf({3, 4, 7});
    QTest::addRow("server id") << QStringLiteral("srv-0") << idsOf({1, 2, 3, 4, 5, 6, 7, 8, 9});
    QTest::addRow("server id, whole") << QStringLiteral("SRV-10") << idsOf({10});
    QTest::addRow("inside a server id") << QStringLiteral("rv-03") << QStringList();
    QTest::addRow("end of a server id") << QStringLiteral("-09") << QStringList();
    QTest::addRow("server without vmServer") << QStringLiteral("SRV-08") << idsOf({8});
    QTest::addRow("manager is not searched") << QStringLiteral("vc-east") << QStringList();
    QTest::addRow("no match") << QStringLiteral("zzz") << QStringList();
    QTest::addRow("one word of two missing") << QStringLiteral("web zzz") << QStringList();
    QTest::addRow("accented, same case") << QStringLiteral("sérvér") << idsOf({5});
    QTest::addRow("accented, upper case") << QStringLiteral("ÜNÏCØDÉ") << idsOf({5});
    QTest::addRow("accented word and ASCII word") << QStringLiteral("SÉRV lab") << idsOf({5});
    QTest::addRow("Greek, upper case with final sigma") << QStringLiteral("ΣΊΣΥΦΟΣ") << idsOf({6});
    QTest::addRow("Greek, lower case") << QStringLiteral("σίσυφος") << idsOf({6});
    QTest::addRow("sharp s") << QStringLiteral("straße") << idsOf({10});
    QTest::addRow("ASCII word finds non-ASCII rows") << QStringLiteral("LAB") << idsOf({5, 6});
}

void TestCatalogModels::filterText()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Fixture f;
    f.loadAll();
    f.filter.setFilterText(text);
    QCOMPARE(f.filter.filterText(), text);
    QCOMPARE(shownIds(f.filter), expected);
    // The reference matcher of this test agrees (and so checks the rows).
    const QStringList reference =
        expectedIds(f.table, -1, Qt::AscendingOrder, [&](int row) { return textMatches(f.table, row, text); });
    QCOMPARE(shownIds(f.filter), reference);
    QCOMPARE(f.filter.isFiltered(), !text.trimmed().isEmpty());
    // Each shown row maps to its catalog row and back.
    for (int row = 0; row < f.filter.rowCount(); ++row) {
        const QModelIndex source = f.filter.mapToSource(f.filter.index(row, 2));
        QCOMPARE(source.column(), 2);
        QCOMPARE(f.filter.sourceRow(row), source.row());
        QCOMPARE(f.filter.mapFromSource(source), f.filter.index(row, 2));
    }
    // Hidden rows map to nothing.
    for (int row = 0; row < f.table.rowCount(); ++row) {
        const QModelIndex source = f.table.index(row, 0);
        const bool shown = expected.contains(source.data(CatalogTableModel::ServerIdRole).toString());
        QCOMPARE(f.filter.mapFromSource(source).isValid(), shown);
    }
}

void TestCatalogModels::typingNarrowsAndDeletingWidens_data()
{
    QTest::addColumn<int>("sortColumn");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addRow("catalog order") << -1 << Qt::AscendingOrder;
    QTest::addRow("by name, descending") << int(CatalogTableModel::VmName) << Qt::DescendingOrder;
    QTest::addRow("by path") << int(CatalogTableModel::Path) << Qt::AscendingOrder;
}

void TestCatalogModels::typingNarrowsAndDeletingWidens()
{
    QFETCH(int, sortColumn);
    QFETCH(Qt::SortOrder, order);
    Fixture f;
    f.loadAll();
    if (sortColumn >= 0)
        f.filter.sort(sortColumn, order);

    const QString typed = QStringLiteral("prod we");
    QStringList texts;
    for (int n = 0; n <= typed.size(); ++n)
        texts << typed.left(n);  // typing, one character at a time
    for (int n = typed.size() - 1; n >= 0; --n)
        texts << typed.left(n);  // deleting back to nothing
    texts << QStringLiteral("ünï") << QStringLiteral("ünïc") << QStringLiteral("ü") << QStringLiteral("Ü s")
          << QStringLiteral("db") << QStringLiteral("db 02") << QStringLiteral("02") << QStringLiteral("0");

    for (const QString &text : std::as_const(texts)) {
        f.filter.setFilterText(text);
        const QStringList expected =
            expectedIds(f.table, sortColumn, order, [&](int row) { return textMatches(f.table, row, text); });
        QVERIFY2(shownIds(f.filter) == expected,
                 qPrintable(QStringLiteral("after \"%1\": %2, expected %3")
                                .arg(text, shownIds(f.filter).join(QLatin1Char(',')), expected.join(QLatin1Char(',')))));
    }
}

void TestCatalogModels::filterIsALayoutChange()
{
    Fixture f;
    f.loadAll();
    QSignalSpy reset(&f.filter, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&f.filter, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&f.filter, &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(&f.filter, &QAbstractItemModel::layoutChanged);
    f.filter.setFilterText(QStringLiteral("prod"));
    f.filter.setFilterText(QStringLiteral("prod db"));
    f.filter.setFilterText(QString());
    f.filter.setManager(QStringLiteral("vc-east"));
    QCOMPARE(layout.count(), 4);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 0);
}

void TestCatalogModels::criteria_data()
{
    QTest::addColumn<QString>("manager");
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("unplanned");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    // srv-01, srv-03 and srv-09 are planned.
    QTest::addRow("nothing") << QString() << QString() << false << QString() << idsOf({1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    QTest::addRow("manager") << QStringLiteral("vc-east") << QString() << false << QString() << idsOf({1, 2, 10});
    QTest::addRow("manager is exact") << QStringLiteral("vc") << QString() << false << QString() << QStringList();
    QTest::addRow("unknown manager") << QStringLiteral("nope") << QString() << false << QString() << QStringList();
    QTest::addRow("type") << QString() << QStringLiteral("SCVMM") << false << QString() << idsOf({4, 9});
    QTest::addRow("type with a dash") << QString() << QStringLiteral("HYPERV-MANAGER") << false << QString()
                                      << idsOf({5, 6});
    QTest::addRow("manager and type") << QStringLiteral("hv-1") << QStringLiteral("HYPERV-MANAGER") << false << QString()
                                      << idsOf({5, 6});
    QTest::addRow("manager and other type") << QStringLiteral("vc-east") << QStringLiteral("SCVMM") << false << QString()
                                            << QStringList();
    QTest::addRow("unplanned only") << QString() << QString() << true << QString() << idsOf({2, 4, 5, 6, 7, 8, 10});
    QTest::addRow("unplanned and text") << QString() << QString() << true << QStringLiteral("prod") << idsOf({4, 7});
    QTest::addRow("unplanned and manager") << QStringLiteral("scvmm-1") << QString() << true << QString() << idsOf({4});
    QTest::addRow("everything") << QStringLiteral("vc-west") << QStringLiteral("VSPHERE") << true << QStringLiteral("PROD")
                                << idsOf({7});
}

void TestCatalogModels::criteria()
{
    QFETCH(QString, manager);
    QFETCH(QString, type);
    QFETCH(bool, unplanned);
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Fixture f;
    f.loadAll();
    f.editor.newApplicationFromServers({"srv-01", "srv-03", "srv-09"});

    // Set one way round, then cleared and set the other way round: same rows.
    f.filter.setManager(manager);
    f.filter.setManagerType(type);
    f.filter.setUnplannedOnly(unplanned);
    f.filter.setFilterText(text);
    QCOMPARE(shownIds(f.filter), expected);
    QCOMPARE(f.filter.isFiltered(), !manager.isEmpty() || !type.isEmpty() || unplanned || !text.isEmpty());

    f.filter.setFilterText(QString());
    f.filter.setUnplannedOnly(false);
    f.filter.setManagerType(QString());
    f.filter.setManager(QString());
    QCOMPARE(f.filter.rowCount(), kRowCount);
    QVERIFY(!f.filter.isFiltered());

    f.filter.setFilterText(text);
    f.filter.setUnplannedOnly(unplanned);
    f.filter.setManagerType(type);
    f.filter.setManager(manager);
    QCOMPARE(shownIds(f.filter), expected);
}

void TestCatalogModels::filterChangedSignal()
{
    Fixture f;
    QSignalSpy spy(&f.filter, &CatalogFilterModel::filterChanged);
    f.filter.setFilterText(QStringLiteral("web"));
    QCOMPARE(spy.last().at(0).toInt(), 0);
    QCOMPARE(spy.last().at(1).toInt(), 0);
    f.loadAll();
    QCOMPARE(spy.last().at(0).toInt(), 2);
    QCOMPARE(spy.last().at(1).toInt(), kRowCount);
    f.filter.setFilterText(QStringLiteral("prod"));
    QCOMPARE(spy.last().at(0).toInt(), 4);
    QCOMPARE(spy.last().at(1).toInt(), kRowCount);
    f.doc.beginCatalog({});
    QCOMPARE(spy.last().at(0).toInt(), 0);
    QCOMPARE(spy.last().at(1).toInt(), 0);
}

void TestCatalogModels::sorting_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::addColumn<QString>("filter");
    const char *names[] = {"name", "manager", "manager type", "path", "server id", "replication job", "job state",
                           "application"};
    for (int column = 0; column < CatalogTableModel::ColumnCount; ++column) {
        QTest::addRow("%s, ascending", names[column]) << column << Qt::AscendingOrder << QString();
        QTest::addRow("%s, descending", names[column]) << column << Qt::DescendingOrder << QString();
        QTest::addRow("%s, descending, filtered", names[column]) << column << Qt::DescendingOrder << QStringLiteral("01");
    }
}

void TestCatalogModels::sorting()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    QFETCH(QString, filter);
    Fixture f;
    f.loadAll();
    f.editor.newApplicationFromServers({"srv-01", "srv-03"}, "beta");
    f.editor.newApplicationFromServers({"srv-09"}, "Alpha");
    f.editor.newApplicationFromServers({"srv-06"}, "gamma");
    f.filter.setFilterText(filter);

    QSignalSpy layout(&f.filter, &QAbstractItemModel::layoutChanged);
    QSignalSpy reset(&f.filter, &QAbstractItemModel::modelReset);
    f.filter.sort(column, order);
    QCOMPARE(f.filter.sortColumn(), column);
    QCOMPARE(f.filter.sortOrder(), order);
    QCOMPARE(layout.count(), 1);
    QCOMPARE(layout.at(0).at(1).value<QAbstractItemModel::LayoutChangeHint>(), QAbstractItemModel::VerticalSortHint);
    QCOMPARE(reset.count(), 0);
    const QStringList expected =
        expectedIds(f.table, column, order, [&](int row) { return textMatches(f.table, row, filter); });
    QCOMPARE(shownIds(f.filter), expected);
    // Sorting again the other way round, and back.
    const Qt::SortOrder other = order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    f.filter.sort(column, other);
    QCOMPARE(shownIds(f.filter),
             expectedIds(f.table, column, other, [&](int row) { return textMatches(f.table, row, filter); }));
    f.filter.sort(column, order);
    QCOMPARE(shownIds(f.filter), expected);
}

void TestCatalogModels::sortingWhilePagesArrive()
{
    Fixture f;
    f.doc.appendServers(catalogRows(0, 4));
    f.filter.sort(CatalogTableModel::VmName, Qt::AscendingOrder);
    QCOMPARE(shownIds(f.filter), idsOf({3, 4, 1, 2, 5}));  // db-prod-01, DB-PROD-02, web-prod, web-test, Ünï...

    // A page arrives: its rows come in at the end at once (one insertion),
    // and take their sorted places a moment later (one layout change).
    QSignalSpy inserted(&f.filter, &QAbstractItemModel::rowsInserted);
    QSignalSpy layout(&f.filter, &QAbstractItemModel::layoutChanged);
    f.doc.appendServers({namedServer("new-1", "aaa-first"), namedServer("new-2", "zzz-last"),
                         namedServer("new-3", "mmm-middle")});
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(f.filter.rowCount(), 8);
    QCOMPARE(shownIds(f.filter).mid(5), (QStringList{QStringLiteral("new-1"), QStringLiteral("new-2"), QStringLiteral("new-3")}));
    QTRY_COMPARE(shownIds(f.filter), expectedIds(f.table, CatalogTableModel::VmName, Qt::AscendingOrder, [](int) { return true; }));
    QCOMPARE(shownIds(f.filter).first(), QStringLiteral("new-1"));
    QCOMPARE(layout.count(), 1);

    // Several pages in quick succession: one re-sort after the last.
    layout.clear();
    f.doc.appendServers(catalogRows(5, 6));
    f.doc.appendServers(catalogRows(7, 9));
    f.doc.appendServers({namedServer("new-4", "0-before-all")});
    QCOMPARE(f.filter.rowCount(), 14);
    QTRY_COMPARE(shownIds(f.filter), expectedIds(f.table, CatalogTableModel::VmName, Qt::AscendingOrder, [](int) { return true; }));
    QCOMPARE(layout.count(), 1);

    // Filtered and sorted descending: only matching rows come in.
    f.filter.sort(CatalogTableModel::ServerId, Qt::DescendingOrder);
    f.filter.setFilterText(QStringLiteral("new-"));
    f.doc.appendServers({namedServer("new-5", "x"), namedServer("other", "y")});
    QCOMPARE(shownIds(f.filter).last(), QStringLiteral("new-5"));
    QTRY_COMPARE(shownIds(f.filter), (QStringList{QStringLiteral("new-5"), QStringLiteral("new-4"), QStringLiteral("new-3"),
                                                   QStringLiteral("new-2"), QStringLiteral("new-1")}));
}

void TestCatalogModels::naturalOrder_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("sorted");
    const auto list = [](const char *text) { return QString::fromUtf8(text).split(QLatin1Char(' ')); };
    QTest::addRow("numbers as numbers") << list("web-10 web-9 web-1 web-100") << list("web-1 web-9 web-10 web-100");
    QTest::addRow("leading zeros") << list("web-010 web-9 web-007") << list("web-007 web-9 web-010");
    QTest::addRow("case ignored") << list("Web-10 web-2 WEB-1") << list("WEB-1 web-2 Web-10");
    QTest::addRow("several numbers") << list("db-2-10 db-2-9 db-10-1") << list("db-2-9 db-2-10 db-10-1");
    QTest::addRow("digits before letters") << list("host-a host-2 host") << list("host host-2 host-a");
    QTest::addRow("punctuation before digits") << list("a1 a-1 a.1") << list("a-1 a.1 a1");
    QTest::addRow("versions") << list("v1.10 v1.9.2 v1.9") << list("v1.9 v1.9.2 v1.10");
}

void TestCatalogModels::naturalOrder()
{
    QFETCH(QStringList, names);
    QFETCH(QStringList, sorted);
    Fixture f;
    std::vector<api::Server> servers;
    for (const QString &name : std::as_const(names))
        servers.push_back(namedServer("s-" + name.toStdString(), name.toStdString()));
    f.doc.appendServers(std::move(servers));
    for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
        f.filter.sort(CatalogTableModel::VmName, order);
        QStringList shown;
        for (int row = 0; row < f.filter.rowCount(); ++row)
            shown << f.filter.index(row, CatalogTableModel::VmName).data().toString();
        QStringList expected = sorted;
        if (order == Qt::DescendingOrder)
            std::reverse(expected.begin(), expected.end());
        QCOMPARE(shown, expected);
    }
}

void TestCatalogModels::hexIdsMatchFromTheirStart_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");
    QTest::addRow("a word inside ids only") << QStringLiteral("db") << QStringList{QStringLiteral("db-01")};
    QTest::addRow("two words") << QStringLiteral("db 01") << QStringList{QStringLiteral("db-01")};
    QTest::addRow("id from its start") << QStringLiteral("s-0db") << QStringList{QStringLiteral("web-02")};
    QTest::addRow("whole id") << QStringLiteral("S-7F3DB9E1") << QStringList{QStringLiteral("app-03")};
    QTest::addRow("hex part of an id") << QStringLiteral("7f3db9e1") << QStringList();
}

// Server ids are hex: "db" occurs inside many of them, so only a word that
// begins an id finds it.
void TestCatalogModels::hexIdsMatchFromTheirStart()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    Fixture f;
    f.doc.appendServers({namedServer("s-12ab34cd", "db-01"), namedServer("s-0db2a6f1", "web-02"),
                         namedServer("s-7f3db9e1", "app-03"), namedServer("s-9a8dbc00", "cache-04")});
    // Typed a character at a time, then set at once: the same rows.
    for (qsizetype n = 1; n <= text.size(); ++n)
        f.filter.setFilterText(text.left(n));
    QStringList shown;
    for (int row = 0; row < f.filter.rowCount(); ++row)
        shown << f.filter.index(row, CatalogTableModel::VmName).data().toString();
    QCOMPARE(shown, expected);
    f.filter.setFilterText(QString());
    f.filter.setFilterText(text);
    QCOMPARE(f.filter.rowCount(), expected.size());
}

void TestCatalogModels::sortingFollowsPlacements()
{
    Fixture f;
    f.loadAll();
    f.filter.sort(CatalogTableModel::Application, Qt::DescendingOrder);
    f.editor.newApplicationFromServers({"srv-04"}, "Zed");
    f.editor.newApplicationFromServers({"srv-02"}, "Ann");
    const auto expected = [&] {
        return expectedIds(f.table, CatalogTableModel::Application, Qt::DescendingOrder, [](int) { return true; });
    };
    QTRY_COMPARE(shownIds(f.filter), expected());
    QCOMPARE(shownIds(f.filter).mid(0, 2), idsOf({4, 2}));
    f.doc.undoStack().undo();
    QTRY_COMPARE(shownIds(f.filter), expected());
    QCOMPARE(shownIds(f.filter).first(), QStringLiteral("srv-04"));
    QCOMPARE(shownIds(f.filter).at(1), QStringLiteral("srv-01"));
}

void TestCatalogModels::unsort()
{
    Fixture f;
    f.loadAll();
    f.filter.sort(CatalogTableModel::VmName, Qt::DescendingOrder);
    QVERIFY(shownIds(f.filter) != shownIds(f.table));
    f.filter.sort(-1);
    QCOMPARE(shownIds(f.filter), shownIds(f.table));
    // Appending unsorted starts no re-sort.
    QSignalSpy layout(&f.filter, &QAbstractItemModel::layoutChanged);
    f.doc.appendServers({namedServer("new-1", "aaa")});
    QTest::qWait(400);
    QCOMPARE(layout.count(), 0);
    QCOMPARE(shownIds(f.filter).last(), QStringLiteral("new-1"));
}

void TestCatalogModels::selectionFollowsRows()
{
    Fixture f;
    f.loadAll();
    QItemSelectionModel selection(&f.filter);
    const auto rowOf = [&](const char *id) {
        return f.filter.mapFromSource(f.table.index(f.doc.catalogRow(id), 0)).row();
    };
    selection.select(f.filter.index(rowOf("srv-03"), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.select(f.filter.index(rowOf("srv-04"), 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    selection.setCurrentIndex(f.filter.index(rowOf("srv-04"), 2), QItemSelectionModel::NoUpdate);
    QPersistentModelIndex pathOf7(f.filter.index(rowOf("srv-07"), CatalogTableModel::Path));
    QCOMPARE(selectedIds(selection), idsOf({3, 4}));

    // Both stay shown but move up.
    f.filter.setFilterText(QStringLiteral("prod"));
    QCOMPARE(rowOf("srv-03"), 1);
    QCOMPARE(selectedIds(selection), idsOf({3, 4}));
    QCOMPARE(selection.currentIndex().data(CatalogTableModel::ServerIdRole).toString(), QStringLiteral("srv-04"));
    QCOMPARE(selection.currentIndex().column(), 2);
    QVERIFY(pathOf7.isValid());
    QCOMPARE(pathOf7.row(), 3);
    QCOMPARE(pathOf7.column(), int(CatalogTableModel::Path));
    QCOMPARE(pathOf7.data().toString(), QStringLiteral("/west/prod/cache"));

    // Sorting moves them again.
    f.filter.sort(CatalogTableModel::VmName, Qt::DescendingOrder);
    QCOMPARE(selectedIds(selection), idsOf({3, 4}));
    QCOMPARE(selection.currentIndex().data(CatalogTableModel::ServerIdRole).toString(), QStringLiteral("srv-04"));
    QCOMPARE(pathOf7.data().toString(), QStringLiteral("/west/prod/cache"));
    QCOMPARE(pathOf7.row(), rowOf("srv-07"));

    // srv-03 is hidden: it leaves the selection, and does not come back.
    f.filter.setFilterText(QStringLiteral("02"));
    QCOMPARE(selectedIds(selection), idsOf({4}));
    QVERIFY(!pathOf7.isValid());
    f.filter.setFilterText(QString());
    QCOMPARE(selectedIds(selection), idsOf({4}));
    QCOMPARE(selection.currentIndex().data(CatalogTableModel::ServerIdRole).toString(), QStringLiteral("srv-04"));
    QCOMPARE(f.filter.rowCount(), kRowCount);

    // A page arriving while sorted keeps the selection too.
    f.doc.appendServers({namedServer("new-1", "zzz")});
    QCOMPARE(shownIds(f.filter).last(), QStringLiteral("new-1"));
    QTRY_COMPARE(shownIds(f.filter), expectedIds(f.table, CatalogTableModel::VmName, Qt::DescendingOrder, [](int) { return true; }));
    QCOMPARE(shownIds(f.filter).at(2), QStringLiteral("new-1"));  // after Σίσυφος and Ünïcødé-Sérvér
    QCOMPARE(selectedIds(selection), idsOf({4}));
    QCOMPARE(selection.currentIndex().data(CatalogTableModel::ServerIdRole).toString(), QStringLiteral("srv-04"));
}

void TestCatalogModels::mimeData()
{
    Fixture f;
    f.loadAll();
    f.filter.sort(CatalogTableModel::VmName, Qt::AscendingOrder);
    QCOMPARE(f.filter.mimeTypes(), QStringList{QString::fromLatin1(kServerIdsMimeType)});
    QCOMPARE(f.table.mimeTypes(), QStringList{QString::fromLatin1(kServerIdsMimeType)});
    QCOMPARE(f.filter.supportedDragActions(), Qt::DropActions(Qt::CopyAction));
    const auto rowOf = [&](const char *id) {
        return f.filter.mapFromSource(f.table.index(f.doc.catalogRow(id), 0)).row();
    };
    QVERIFY(f.filter.flags(f.filter.index(0, 0)) & Qt::ItemIsDragEnabled);

    // A row selection names each cell; each server comes once, in catalog order.
    QModelIndexList indexes;
    for (int column = 0; column < f.filter.columnCount(); ++column)
        indexes << f.filter.index(rowOf("srv-09"), column);
    indexes << f.filter.index(rowOf("srv-02"), 3) << f.filter.index(rowOf("srv-08"), 0) << f.filter.index(rowOf("srv-02"), 0);
    std::unique_ptr<QMimeData> data(f.filter.mimeData(indexes));
    QVERIFY(data);
    QVERIFY(data->hasFormat(QString::fromLatin1(kServerIdsMimeType)));
    QVERIFY(serverIdsFrom(*data) == (std::vector<std::string>{"srv-02", "srv-08", "srv-09"}));
    QCOMPARE(data->data(QString::fromLatin1(kServerIdsMimeType)), QByteArray("srv-02\nsrv-08\nsrv-09\n"));
    QCOMPARE(data->text(), QStringLiteral("srv-02\nsrv-08\nsrv-09\n"));
    // Not group keys.
    QVERIFY(groupKeysFrom(*data).empty());

    // The table gives the same for its own indexes, and ignores others'.
    std::unique_ptr<QMimeData> direct(f.table.mimeData({f.table.index(1, 0), f.table.index(8, 4)}));
    QVERIFY(direct);
    QVERIFY(serverIdsFrom(*direct) == (std::vector<std::string>{"srv-02", "srv-09"}));
    QVERIFY(f.table.serverIds({f.filter.index(0, 0)}).empty());
    // Nothing selected: no drag data.
    QVERIFY(!f.filter.mimeData({}));
}

void TestCatalogModels::managersAndTypes()
{
    Fixture f;
    QVERIFY(catalogManagers(f.doc.catalog()).isEmpty());
    f.loadAll();
    QCOMPARE(catalogManagers(f.doc.catalog()),
             (QStringList{QStringLiteral("hv-1"), QStringLiteral("scvmm-1"), QStringLiteral("vc-east"), QStringLiteral("vc-west")}));
    QCOMPARE(catalogManagerTypes(f.doc.catalog()),
             (QStringList{QStringLiteral("HYPERV-MANAGER"), QStringLiteral("SCVMM"), QStringLiteral("VSPHERE")}));
}

void TestCatalogModels::foldCase_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("ASCII") << QStringLiteral("Web-PROD_01 /Path") << QStringLiteral("web-prod_01 /path");
    QTest::addRow("Latin-1") << QStringLiteral("ÜNÏCØDÉ-Sérvér") << QStringLiteral("ünïcødé-sérvér");
    QTest::addRow("ASCII before non-ASCII") << QStringLiteral("ABC É") << QStringLiteral("abc é");
    QTest::addRow("Greek final sigma") << QStringLiteral("ΣΊΣΥΦΟΣ σίσυφος") << QStringLiteral("σίσυφοσ σίσυφοσ");
    QTest::addRow("Cyrillic") << QStringLiteral("СЕРВЕР") << QStringLiteral("сервер");
}

void TestCatalogModels::foldCase()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(QString::fromStdString(sms::models::foldCase(text.toStdString())), folded);
}

QTEST_MAIN(TestCatalogModels)
#include "tst_catalogmodels.moc"
