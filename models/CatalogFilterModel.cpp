#include "models/CatalogFilterModel.h"

#include "api/OrEmpty.h"
#include "models/NaturalSortKey.h"

#include <algorithm>
#include <numeric>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace sms::models {
namespace {

using api::orEmpty;

constexpr int kResortDelayMs = 300;

std::string_view enumText(const std::optional<api::OpenEnum<api::VmManagerType>> &value)
{
    return value ? value->toString() : std::string_view();
}

std::vector<std::string> words(const QString &text)
{
    std::vector<std::string> result;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        result.push_back(foldCase(word.toStdString()));
    return result;
}

// Every row that shows the new words also shows the old ones when each old
// word begins a new one (typing onto the end): then only the rows shown need
// checking. A word inside a new one is not enough, as ids match from their
// start only ("b" does not find "db…", "db" does).
bool narrows(const std::vector<std::string> &from, const std::vector<std::string> &to)
{
    return std::all_of(from.begin(), from.end(), [&](const std::string &old) {
        return std::any_of(to.begin(), to.end(), [&](const std::string &word) { return word.starts_with(old); });
    });
}

template <typename Project>
QStringList distinct(const CatalogSnapshot &catalog, Project project)
{
    // Hashed, then sorted: a catalog has a handful of values over 100,000
    // servers, and a tree compared strings for every one of them.
    std::unordered_set<std::string_view> values;
    for (const api::Server &server : catalog.servers) {
        if (server.vmServer) {
            const std::string_view value = project(*server.vmServer);
            if (!value.empty())
                values.insert(value);
        }
    }
    std::vector<std::string_view> sorted(values.begin(), values.end());
    std::sort(sorted.begin(), sorted.end());
    QStringList result;
    for (std::string_view value : sorted)
        result << QString::fromUtf8(value.data(), qsizetype(value.size()));
    return result;
}

} // namespace

std::string foldCase(std::string_view text)
{
    std::string folded(text);
    for (char &c : folded) {
        if (static_cast<unsigned char>(c) >= 0x80)
            return QString::fromUtf8(text.data(), qsizetype(text.size())).toCaseFolded().toStdString();
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return folded;
}

QStringList catalogManagers(const CatalogSnapshot &catalog)
{
    return distinct(catalog, [](const api::VmServer &vm) { return std::string_view(orEmpty(vm.vmManagerName)); });
}

QStringList catalogManagerTypes(const CatalogSnapshot &catalog)
{
    return distinct(catalog, [](const api::VmServer &vm) { return enumText(vm.vmManagerType); });
}

CatalogFilterModel::CatalogFilterModel(CatalogTableModel &source, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_source(source)
    , m_document(source.document())
{
    m_resortTimer.setSingleShot(true);
    m_resortTimer.setInterval(kResortDelayMs);
    connect(&m_resortTimer, &QTimer::timeout, this, [this] { sortNow(); });
    m_refilterTimer.setSingleShot(true);
    connect(&m_refilterTimer, &QTimer::timeout, this, [this] { showRows(filtered(m_order), NoLayoutChangeHint); });

    QAbstractProxyModel::setSourceModel(&source);
    connect(&source, &QAbstractItemModel::modelAboutToBeReset, this, &CatalogFilterModel::beginResetModel);
    connect(&source, &QAbstractItemModel::modelReset, this, [this] {
        resetFromSource();
        endResetModel();
    });
    connect(&source, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { onRowsInserted(first, last); });
    connect(&source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex &, int first, int last) { hideRows(first, last); });
    connect(&source, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex &, int first, int last) { onRowsRemoved(first, last); });
    connect(&source, &QAbstractItemModel::dataChanged, this, &CatalogFilterModel::onDataChanged);
    connect(&source, &QAbstractItemModel::headerDataChanged, this, &CatalogFilterModel::headerDataChanged);
    resetFromSource();
}

bool CatalogFilterModel::isFiltered() const
{
    return !m_criteria.words.empty() || !m_criteria.manager.empty() || !m_criteria.managerType.empty()
        || m_criteria.unplannedOnly;
}

void CatalogFilterModel::setFilterText(const QString &text)
{
    m_filterText = text;
    Criteria criteria = m_criteria;
    criteria.words = words(text);
    setCriteria(std::move(criteria));
}

void CatalogFilterModel::setManager(const QString &manager)
{
    Criteria criteria = m_criteria;
    criteria.manager = manager.toStdString();
    setCriteria(std::move(criteria));
}

void CatalogFilterModel::setManagerType(const QString &managerType)
{
    Criteria criteria = m_criteria;
    criteria.managerType = managerType.toStdString();
    setCriteria(std::move(criteria));
}

void CatalogFilterModel::setUnplannedOnly(bool unplannedOnly)
{
    Criteria criteria = m_criteria;
    criteria.unplannedOnly = unplannedOnly;
    setCriteria(std::move(criteria));
}

void CatalogFilterModel::setCriteria(Criteria criteria)
{
    const bool narrower = narrows(m_criteria.words, criteria.words)
                       && (m_criteria.manager.empty() || m_criteria.manager == criteria.manager)
                       && (m_criteria.managerType.empty() || m_criteria.managerType == criteria.managerType)
                       && (!m_criteria.unplannedOnly || criteria.unplannedOnly);
    m_criteria = std::move(criteria);
    showRows(filtered(narrower ? m_rows : m_order), NoLayoutChangeHint);
}

bool CatalogFilterModel::accepts(int sourceRow) const
{
    const api::Server &server = m_document.catalog().servers[std::size_t(sourceRow)];
    if (!m_criteria.manager.empty() || !m_criteria.managerType.empty()) {
        if (!server.vmServer)
            return false;
        if (!m_criteria.manager.empty() && orEmpty(server.vmServer->vmManagerName) != m_criteria.manager)
            return false;
        if (!m_criteria.managerType.empty() && enumText(server.vmServer->vmManagerType) != m_criteria.managerType)
            return false;
    }
    if (m_criteria.unplannedOnly && server.serverId && m_document.placementOf(*server.serverId).isPlanned())
        return false;
    if (m_criteria.words.empty())
        return true;
    const Haystack &haystack = m_haystacks[std::size_t(sourceRow)];
    return std::all_of(m_criteria.words.begin(), m_criteria.words.end(),
                       [&](const std::string &word) { return haystack.contains(word); });
}

bool CatalogFilterModel::Haystack::contains(const std::string &word) const
{
    return std::string_view(text).substr(0, idAt).find(word) != std::string_view::npos
        || std::string_view(text).substr(idAt).starts_with(word);
}

std::vector<int> CatalogFilterModel::filtered(const std::vector<int> &candidates) const
{
    if (!isFiltered())
        return m_order;
    std::vector<int> rows;
    rows.reserve(candidates.size());
    std::copy_if(candidates.begin(), candidates.end(), std::back_inserter(rows), [this](int row) { return accepts(row); });
    return rows;
}

CatalogFilterModel::Haystack CatalogFilterModel::haystackOf(int row) const
{
    const api::Server &server = m_document.catalog().servers[std::size_t(row)];
    Haystack haystack;
    if (server.vmServer) {
        std::string text(orEmpty(server.vmServer->vmName));
        text.append(1, '\n').append(orEmpty(server.vmServer->vmPath)).append(1, '\n');
        haystack.text = foldCase(text);
    }
    haystack.idAt = haystack.text.size();
    haystack.text.append(foldCase(orEmpty(server.serverId)));
    return haystack;
}

void CatalogFilterModel::appendHaystacks(int first, int last)
{
    for (int row = first; row <= last; ++row)
        m_haystacks.push_back(haystackOf(row));
}

void CatalogFilterModel::showRows(std::vector<int> rows, QAbstractItemModel::LayoutChangeHint hint)
{
    Q_EMIT layoutAboutToBeChanged({}, hint);
    std::vector<int> proxyRowOf(m_document.catalog().servers.size(), -1);
    for (int proxy = 0; proxy < int(rows.size()); ++proxy)
        proxyRowOf[std::size_t(rows[std::size_t(proxy)])] = proxy;
    // Selections and the current row follow their servers, or go when hidden.
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from) {
        const int proxy = proxyRowOf[std::size_t(m_rows[std::size_t(index.row())])];
        to << (proxy < 0 ? QModelIndex() : createIndex(proxy, index.column()));
    }
    m_rows = std::move(rows);
    m_proxyRowOf = std::move(proxyRowOf);
    changePersistentIndexList(from, to);
    Q_EMIT layoutChanged({}, hint);
    Q_EMIT filterChanged(int(m_rows.size()), int(m_order.size()));
}

void CatalogFilterModel::resetFromSource()
{
    const int count = m_source.rowCount();
    m_order.resize(std::size_t(count));
    std::iota(m_order.begin(), m_order.end(), 0);
    m_haystacks.clear();
    m_haystacks.reserve(std::size_t(count));
    appendHaystacks(0, count - 1);
    m_rows = filtered(m_order);
    m_proxyRowOf.assign(std::size_t(count), -1);
    for (int proxy = 0; proxy < int(m_rows.size()); ++proxy)
        m_proxyRowOf[std::size_t(m_rows[std::size_t(proxy)])] = proxy;
    if (m_sortColumn >= 0 && count > 0)
        m_resortTimer.start();
    Q_EMIT filterChanged(int(m_rows.size()), count);
}

void CatalogFilterModel::onRowsInserted(int first, int last)
{
    appendHaystacks(first, last);
    std::vector<int> accepted;
    for (int row = first; row <= last; ++row) {
        m_order.push_back(row);
        if (!isFiltered() || accepts(row))
            accepted.push_back(row);
    }
    m_proxyRowOf.resize(std::size_t(last) + 1, -1);
    if (!accepted.empty()) {
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(accepted.size()) - 1);
        for (int row : accepted) {
            m_proxyRowOf[std::size_t(row)] = int(m_rows.size());
            m_rows.push_back(row);
        }
        endInsertRows();
    }
    if (m_sortColumn >= 0)
        m_resortTimer.start();
    Q_EMIT filterChanged(int(m_rows.size()), int(m_order.size()));
}

void CatalogFilterModel::hideRows(int first, int last)
{
    // While the rows can still be read: like a filter change, one layout
    // change however scattered the rows are in a sorted view.
    std::vector<int> kept;
    kept.reserve(m_rows.size());
    for (int row : m_rows) {
        if (row < first || row > last)
            kept.push_back(row);
    }
    if (kept.size() != m_rows.size())
        showRows(std::move(kept), NoLayoutChangeHint);
}

void CatalogFilterModel::onRowsRemoved(int first, int last)
{
    // None of the rows is shown any more; the rows after them move up.
    const int count = last - first + 1;
    for (std::vector<int> *rows : {&m_order, &m_rows}) {
        std::erase_if(*rows, [&](int row) { return row >= first && row <= last; });
        for (int &row : *rows) {
            if (row > last)
                row -= count;
        }
    }
    m_haystacks.erase(m_haystacks.begin() + first, m_haystacks.begin() + last + 1);
    m_proxyRowOf.erase(m_proxyRowOf.begin() + first, m_proxyRowOf.begin() + last + 1);
    Q_EMIT filterChanged(int(m_rows.size()), int(m_order.size()));
}

void CatalogFilterModel::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (m_rows.empty())
        return;
    // Changes come in wide ranges (a column of the whole catalog): passing
    // the columns on for every shown row costs less than mapping each row.
    Q_EMIT dataChanged(index(0, topLeft.column()), index(int(m_rows.size()) - 1, bottomRight.column()));
    // Whole rows change when servers are replaced in their rows (an inventory
    // imported again): they may read, and filter, differently now.
    if (topLeft.column() == 0 && bottomRight.column() == CatalogTableModel::ColumnCount - 1) {
        for (int row = topLeft.row(); row <= bottomRight.row(); ++row)
            m_haystacks[std::size_t(row)] = haystackOf(row);
        if (isFiltered())
            m_refilterTimer.start();
    }
    const bool placementColumn = topLeft.column() <= CatalogTableModel::Application
                              && bottomRight.column() >= CatalogTableModel::Application;
    if (m_criteria.unplannedOnly && placementColumn)
        m_refilterTimer.start();
    if (m_sortColumn >= topLeft.column() && m_sortColumn <= bottomRight.column())
        m_resortTimer.start();
}

void CatalogFilterModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    m_resortTimer.stop();
    sortNow();
}

void CatalogFilterModel::sortNow()
{
    const auto &servers = m_document.catalog().servers;
    std::vector<int> order(servers.size());
    std::iota(order.begin(), order.end(), 0);
    if (m_sortColumn >= 0 && m_sortColumn < CatalogTableModel::ColumnCount) {
        std::vector<std::string> keys;
        keys.reserve(servers.size());
        for (std::size_t row = 0; row < servers.size(); ++row)
            keys.push_back(naturalSortKey(foldCase(m_source.index(int(row), m_sortColumn).data().toString().toStdString())));
        const bool ascending = m_sortOrder == Qt::AscendingOrder;
        std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
            return ascending ? keys[std::size_t(a)] < keys[std::size_t(b)] : keys[std::size_t(b)] < keys[std::size_t(a)];
        });
    }
    m_order = std::move(order);
    showRows(filtered(m_order), VerticalSortHint);
}

QModelIndex CatalogFilterModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid() || proxyIndex.row() >= int(m_rows.size()))
        return {};
    return m_source.index(m_rows[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex CatalogFilterModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid() || sourceIndex.row() >= int(m_proxyRowOf.size()))
        return {};
    const int proxy = m_proxyRowOf[std::size_t(sourceIndex.row())];
    return proxy < 0 ? QModelIndex() : createIndex(proxy, sourceIndex.column());
}

QModelIndex CatalogFilterModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= int(m_rows.size()) || column < 0 || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex CatalogFilterModel::parent(const QModelIndex &) const
{
    return {};
}

QModelIndex CatalogFilterModel::sibling(int row, int column, const QModelIndex &) const
{
    return index(row, column);
}

int CatalogFilterModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CatalogFilterModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_source.columnCount();
}

bool CatalogFilterModel::hasChildren(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

} // namespace sms::models
