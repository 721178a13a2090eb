#pragma once
// CatalogFilterModel: the catalog as the Catalog pane shows it, filtered by
// what the user types (every word must occur in the VM name or path, or begin
// the server id, ignoring case: inside a hex id "db" would match at random),
// by manager and manager type, and to servers in no application; sorted by
// any column, naturally ("web-9" before "web-10", see NaturalSortKey.h).
//
// Why not QSortFilterProxyModel: re-filtering 100,000 rows there emits a
// remove/insert pair per contiguous run of changed rows (tens of thousands)
// and reads every cell through QVariant. Here a filter change is one layout
// change, the match runs on case-folded UTF-8 kept beside the catalog, and a
// character typed onto the end of the filter only re-checks the rows still
// shown. Rows of a page that arrives while sorted are appended, then put in
// order once the pages stop coming for a moment.

#include "models/CatalogTableModel.h"

#include <QAbstractProxyModel>
#include <QTimer>

namespace sms::models {

class CatalogFilterModel : public QAbstractProxyModel
{
    Q_OBJECT

public:
    explicit CatalogFilterModel(CatalogTableModel &source, QObject *parent = nullptr);

    void setFilterText(const QString &text);
    void setManager(const QString &manager);          // empty: any
    void setManagerType(const QString &managerType);  // empty: any
    void setUnplannedOnly(bool unplannedOnly);
    QString filterText() const { return m_filterText; }
    bool isFiltered() const;

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;

    // Catalog rows shown at the given proxy rows.
    int sourceRow(int proxyRow) const { return m_rows[std::size_t(proxyRow)]; }

Q_SIGNALS:
    void filterChanged(int shown, int total);

private:
    struct Criteria
    {
        std::vector<std::string> words;  // case-folded
        std::string manager;
        std::string managerType;
        bool unplannedOnly = false;
    };

    void setCriteria(Criteria criteria);
    // What the filter text is looked for in, folded: VM name and path, where
    // a word may occur anywhere, then the server id from `idAt` on, which a
    // word must begin.
    struct Haystack
    {
        std::string text;
        std::size_t idAt = 0;
        bool contains(const std::string &word) const;
    };

    bool accepts(int sourceRow) const;
    Haystack haystackOf(int sourceRow) const;
    void appendHaystacks(int first, int last);
    // Shows `rows` (catalog rows, in display order) in one layout change.
    void showRows(std::vector<int> rows, QAbstractItemModel::LayoutChangeHint hint);
    std::vector<int> filtered(const std::vector<int> &candidates) const;
    void resetFromSource();
    void onRowsInserted(int first, int last);
    void hideRows(int first, int last);
    void onRowsRemoved(int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void sortNow();

    CatalogTableModel &m_source;
    const PlanDocument &m_document;
    QString m_filterText;
    Criteria m_criteria;
    // Per catalog row, built as rows arrive (about 15 ms and 11 MB for
    // 100,000 servers), so that the first keystroke is as quick as the rest.
    std::vector<Haystack> m_haystacks;
    std::vector<int> m_order;              // every catalog row, in sort order
    std::vector<int> m_rows;               // the rows shown: m_order filtered
    std::vector<int> m_proxyRowOf;         // per catalog row, -1 when hidden
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QTimer m_resortTimer;
    QTimer m_refilterTimer;
};

// The distinct managers (and manager types) of the catalog, sorted, for the
// pane's filter menus.
QStringList catalogManagers(const CatalogSnapshot &catalog);
QStringList catalogManagerTypes(const CatalogSnapshot &catalog);

// Case folding shared by the filter and its tests: ASCII fast, Unicode right.
std::string foldCase(std::string_view text);

} // namespace sms::models
