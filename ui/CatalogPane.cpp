#include "ui/CatalogPane.h"

#include "ui/CatalogNoMatchNotice.h"
#include "ui/ContextMenuSelection.h"
#include "ui/PaintThrottle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace sms::ui {
namespace {

constexpr int kRowsMeasured = 60;

} // namespace

CatalogPane::CatalogPane(models::CatalogTableModel &catalog, QWidget *parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_filter(catalog, this)
    , m_filterEdit(new QLineEdit(this))
    , m_manager(new QComboBox(this))
    , m_managerType(new QComboBox(this))
    , m_unplanned(new QCheckBox(tr("Not in any application"), this))
    , m_count(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_view(new QTableView(this))
    , m_noMatch(new CatalogNoMatchNotice(m_view))
    // A catalog arrives a page at a time: the rows, the scroll bars (the
    // view sets both again on each page) and the progress paint at most
    // every tenth of a second while it does.
    , m_paintThrottle(new PaintThrottle(
          {m_view->viewport(), m_view->verticalScrollBar(), m_view->horizontalScrollBar(), m_progress}, this))
{
    m_filterEdit->setPlaceholderText(tr("Filter by VM name, path or server id"));
    m_filterEdit->setClearButtonEnabled(true);
    // The box stretches to show its whole placeholder where there is room; on
    // a small screen the pane (and with it the window) can still be narrow.
    m_filterEdit->setMinimumWidth(m_filterEdit->fontMetrics().horizontalAdvance(QLatin1Char('M')) * 12);
    m_manager->setToolTip(tr("Show the servers of one VM manager"));
    m_managerType->setToolTip(tr("Show the servers of one kind of VM manager"));
    // As wide as their longest entry (set when a catalog arrives, never while
    // typing), within reason: a long manager name does not squeeze the filter.
    const int em = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (QComboBox *box : {m_manager, m_managerType}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        box->setMaximumWidth(24 * em);
        box->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    }
    refreshFilterChoices();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filterEdit, 1);
    filters->addWidget(m_manager);
    filters->addWidget(m_managerType);
    filters->addWidget(m_unplanned);
    filters->addWidget(m_count);

    auto *loading = new QHBoxLayout;
    loading->addWidget(m_progress, 1);
    loading->addWidget(m_cancel);
    m_progress->setRange(0, 0);
    m_progress->setVisible(false);
    m_cancel->setVisible(false);

    m_view->setModel(&m_filter);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::CopyAction);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    // Tab goes on to the next pane, as in every other view; the arrow keys
    // move between cells (a table's Tab would move the current cell and
    // replace the selection).
    m_view->setTabKeyNavigation(false);
    ContextMenuSelection::install(m_view);
    m_view->verticalHeader()->setVisible(false);
    // Fixed row heights: the view never measures 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    QHeaderView *header = m_view->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    // sizeHintForColumn() measures a screenful of rows, not Qt's default of
    // 1,000: fitting seven columns took 7,000 size hints on a big catalog.
    header->setResizeContentsPrecision(kRowsMeasured);
    fitColumns();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addLayout(loading);
    layout->addWidget(m_view, 1);

    connect(m_filterEdit, &QLineEdit::textChanged, &m_filter, &models::CatalogFilterModel::setFilterText);
    connect(m_manager, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter.setManager(index <= 0 ? QString() : m_manager->itemText(index)); });
    connect(m_managerType, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_filter.setManagerType(index <= 0 ? QString() : m_managerType->itemText(index)); });
    connect(m_unplanned, &QCheckBox::toggled, &m_filter, &models::CatalogFilterModel::setUnplannedOnly);
    connect(&m_filter, &models::CatalogFilterModel::filterChanged, this, &CatalogPane::updateCount);
    connect(m_noMatch, &CatalogNoMatchNotice::clearRequested, this, &CatalogPane::clearFilters);
    connect(m_cancel, &QPushButton::clicked, this, &CatalogPane::cancelLoadRequested);
    // Another plan brings another catalog, and other managers to choose from.
    connect(&catalog, &QAbstractItemModel::modelReset, this, &CatalogPane::refreshFilterChoices);
    connect(&catalog, &QAbstractItemModel::modelReset, this, [this] {
        m_columnsFitted = false;
        fitColumns();
    });
    connect(&m_filter, &QAbstractItemModel::rowsInserted, this, [this] {
        m_paintThrottle->changed();
        if (!m_columnsFitted)
            QMetaObject::invokeMethod(this, &CatalogPane::fitColumns, Qt::QueuedConnection);  // once laid out
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CatalogPane::selectionChanged);
    updateCount(m_filter.rowCount(), catalog.rowCount());
}

std::vector<std::string> CatalogPane::selectedServerIds() const
{
    std::vector<std::string> ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    ids.reserve(std::size_t(rows.size()));
    for (const QModelIndex &row : rows)
        ids.push_back(row.data(models::CatalogTableModel::ServerIdRole).toString().toStdString());
    return ids;
}

void CatalogPane::showLoading(qsizetype loaded)
{
    m_paintThrottle->changed();
    m_progress->setVisible(true);
    m_cancel->setVisible(true);
    m_progress->setFormat(tr("Reading the catalog: %1 servers").arg(QLocale().toString(qlonglong(loaded))));
    m_progress->setTextVisible(true);
}

void CatalogPane::showLoaded()
{
    m_progress->setVisible(false);
    m_cancel->setVisible(false);
    refreshFilterChoices();
}

void CatalogPane::refreshFilterChoices()
{
    const models::CatalogSnapshot &catalog = m_catalog.document().catalog();
    // Keeps the choice when the new catalog has it; otherwise back to "all",
    // and the filter with it, so that the menu never says what is not applied.
    const auto refill = [](QComboBox *box, const QString &any, const QStringList &values) {
        const QString current = box->currentIndex() > 0 ? box->currentText() : QString();
        const QSignalBlocker blocker(box);
        box->clear();
        box->addItem(any);
        box->addItems(values);
        box->setCurrentIndex(std::max(0, box->findText(current)));
        return box->currentIndex() > 0 ? box->currentText() : QString();
    };
    m_filter.setManager(refill(m_manager, tr("All managers"), models::catalogManagers(catalog)));
    m_filter.setManagerType(refill(m_managerType, tr("All types"), models::catalogManagerTypes(catalog)));
}

void CatalogPane::fitColumns()
{
    QHeaderView *header = m_view->horizontalHeader();
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    using C = models::CatalogTableModel;
    if (m_filter.rowCount() == 0) {
        // Nothing to measure yet: widths for typical values.
        for (auto [column, width] : {std::pair{C::VmName, 14}, {C::Manager, 10}, {C::ManagerType, 11}, {C::Path, 16},
                                     {C::ServerId, 12}, {C::ReplicationJob, 14}, {C::JobState, 9}})
            header->resizeSection(column, width * em);
        return;
    }
    // sizeHintForColumn() measures kRowsMeasured rows from those in view, so
    // this stays cheap on 100,000 rows; a long path does not take the whole width.
    const QAbstractItemView *view = m_view;  // where sizeHintForColumn() is public
    for (int column = 0; column < C::ColumnCount - 1; ++column) {
        const int wanted = std::max(header->sectionSizeHint(column), view->sizeHintForColumn(column));
        header->resizeSection(column, std::clamp(wanted, 5 * em, 30 * em));
    }
    m_columnsFitted = true;
}

void CatalogPane::clearFilters()
{
    m_filterEdit->clear();
    m_manager->setCurrentIndex(0);
    m_managerType->setCurrentIndex(0);
    m_unplanned->setChecked(false);
}

void CatalogPane::updateCount(int shown, int total)
{
    const QLocale locale;
    m_count->setText(shown == total ? tr("%1 servers").arg(locale.toString(total))
                                    : tr("%1 of %2 servers").arg(locale.toString(shown), locale.toString(total)));
    reserveCountWidth(total);
    if (shown == 0 && total > 0 && m_filter.isFiltered()) {
        const bool otherFilters = m_manager->currentIndex() > 0 || m_managerType->currentIndex() > 0
                               || m_unplanned->isChecked();
        m_noMatch->showFor(m_filter.filterText(), otherFilters);
    } else {
        m_noMatch->hide();
    }
}

// The count is as wide as its widest text for this catalog, so that typing
// (which changes the count) moves neither the menus beside it nor the docks.
void CatalogPane::reserveCountWidth(int total)
{
    const QLocale locale;
    const QString widest = locale.toString(total);
    const int width = m_count->fontMetrics().horizontalAdvance(tr("%1 of %2 servers").arg(widest, widest));
    if (width > m_count->minimumWidth())
        m_count->setMinimumWidth(width);
    m_count->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
}

} // namespace sms::ui
