#include "ui/ActivityPane.h"

#include "services/PlainWords.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QMenu>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace sms::ui {
namespace {

using Log = models::ActivityLogModel;

// Keeps error rows only, on the model's raw SucceededRole.
class ErrorsOnlyFilter : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setEnabled(bool on)
    {
        if (on == m_on)
            return;
        m_on = on;
        invalidateRowsFilter();
    }
    bool isEnabled() const { return m_on; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        return !m_on || !sourceModel()->index(sourceRow, 0, sourceParent).data(Log::SucceededRole).toBool();
    }

private:
    bool m_on = false;
};

ErrorsOnlyFilter *errorsFilterOf(QSortFilterProxyModel *proxy)
{
    return static_cast<ErrorsOnlyFilter *>(proxy);
}

} // namespace

models::ActivityEntry activityEntryOf(const client::CallRecord &record)
{
    models::ActivityEntry entry;
    entry.started = record.started;
    entry.operation = record.operation;
    entry.durationMs = record.elapsedMs;
    entry.attempts = record.attempts;
    entry.httpStatus = record.httpStatus;
    entry.requestId = record.requestId;
    entry.errorCode = record.errorCode;
    if (!record.succeeded()) {
        SmsError error;
        error.code = record.errorCode.toStdString();
        error.message = record.errorMessage.toStdString();
        error.httpStatus = record.httpStatus;
        // The request id has a column of its own; plainWords would repeat it.
        entry.message = services::plainWords(error);
    }
    return entry;
}

ActivityPane::ActivityPane(QWidget *parent)
    : QWidget(parent)
    , m_errorsFilter(new ErrorsOnlyFilter(this))
    , m_errorsOnly(new QCheckBox(this))
    , m_clear(new QToolButton(this))
    , m_view(new QTreeView(this))
    , m_copyRows(new QAction(this))
    , m_copyRequestId(new QAction(this))
{
    m_errorsOnly->setObjectName(QStringLiteral("errorsOnly"));
    m_clear->setObjectName(QStringLiteral("clearActivity"));
    m_view->setObjectName(QStringLiteral("activityLog"));
    m_errorsFilter->setSourceModel(&m_log);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_errorsOnly);
    bar->addStretch(1);
    bar->addWidget(m_clear);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);

    // A log of thousands of rows: uniform heights keep scrolling cheap.
    m_view->setModel(m_errorsFilter);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setTextElideMode(Qt::ElideRight);
    // The Result swatch is a mark, not a picture: a small square beside the text.
    const int swatch = m_view->fontMetrics().height() * 2 / 3;
    m_view->setIconSize(QSize(swatch, swatch));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->setSectionsMovable(true);
    setInitialColumnWidths();

    m_copyRows->setShortcut(QKeySequence::Copy);
    m_copyRows->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_view->addAction(m_copyRows);
    connect(m_copyRows, &QAction::triggered, this, &ActivityPane::copySelectedRows);
    connect(m_copyRequestId, &QAction::triggered, this, &ActivityPane::copyRequestId);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ActivityPane::showContextMenu);
    connect(m_errorsOnly, &QCheckBox::toggled, this, &ActivityPane::setErrorsOnly);
    connect(m_clear, &QToolButton::clicked, this, &ActivityPane::clear);

    // Follow the newest row only while the user is at the bottom: scrolling
    // up to read stops following, scrolling back down resumes it.
    QScrollBar *scrollBar = m_view->verticalScrollBar();
    connect(scrollBar, &QScrollBar::valueChanged, this,
            [this, scrollBar](int value) { m_following = value >= scrollBar->maximum(); });
    connect(scrollBar, &QScrollBar::rangeChanged, this, [this](int, int maximum) { followNewest(maximum); });

    retranslate();
}

void ActivityPane::setInitialColumnWidths()
{
    // From sample texts rather than ResizeToContents, which would measure
    // rows again on every call that finishes.
    const QFontMetrics metrics = m_view->fontMetrics();
    const int padding = metrics.averageCharWidth() * 3;
    const auto widthFor = [&](int column, const QString &sample) {
        const int header = metrics.horizontalAdvance(m_log.headerData(column, Qt::Horizontal).toString());
        m_view->header()->resizeSection(column, std::max(header, metrics.horizontalAdvance(sample)) + padding);
    };
    widthFor(Log::Time, QStringLiteral("00:00:00.000"));
    // The longest operation names of the API's 35; the Outcome column also
    // holds the swatch. Longer error codes (rare) show whole in the tool tip.
    widthFor(Log::Operation, QStringLiteral("DeleteAppReplicationConfiguration"));
    widthFor(Log::Duration, QStringLiteral("00,000"));
    widthFor(Log::Outcome, QStringLiteral("UnauthorizedOperationException"));
    m_view->header()->resizeSection(Log::Outcome, m_view->header()->sectionSize(Log::Outcome) + m_view->iconSize().width()
                                                       + metrics.averageCharWidth());
    widthFor(Log::Attempts, QStringLiteral("0"));
    // Ids are copied rather than read; the message needs the room more.
    widthFor(Log::RequestId, QStringLiteral("00000000-0000-0000-0000"));
}

bool ActivityPane::errorsOnly() const
{
    return errorsFilterOf(m_errorsFilter)->isEnabled();
}

void ActivityPane::record(const client::CallRecord &call)
{
    m_log.append(activityEntryOf(call));
}

void ActivityPane::setErrorsOnly(bool on)
{
    m_errorsOnly->setChecked(on);
    errorsFilterOf(m_errorsFilter)->setEnabled(on);
    if (m_following)
        m_view->scrollToBottom();
}

void ActivityPane::clear()
{
    m_log.clear();
    m_following = true;
}

void ActivityPane::followNewest(int maximum)
{
    if (m_following)
        m_view->verticalScrollBar()->setValue(maximum);
}

std::vector<int> ActivityPane::selectedLogRows() const
{
    std::vector<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    rows.reserve(std::size_t(selected.size()));
    for (const QModelIndex &index : selected)
        rows.push_back(m_errorsFilter->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void ActivityPane::copySelectedRows() const
{
    QStringList lines;
    for (int row : selectedLogRows()) {
        QStringList cells;
        for (int column = 0; column < Log::ColumnCount; ++column)
            cells << Log::text(m_log.entry(row), column);
        lines << cells.join(QLatin1Char('\t'));
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void ActivityPane::copyRequestId() const
{
    const QModelIndex current = m_errorsFilter->mapToSource(m_view->currentIndex());
    if (current.isValid())
        QApplication::clipboard()->setText(m_log.entry(current.row()).requestId);
}

void ActivityPane::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_errorsFilter->mapToSource(m_view->indexAt(position));
    if (!index.isValid())
        return;
    m_copyRequestId->setEnabled(!m_log.entry(index.row()).requestId.isEmpty());
    QMenu menu(this);
    menu.addAction(m_copyRequestId);
    menu.addAction(m_copyRows);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void ActivityPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ActivityPane::retranslate()
{
    m_errorsOnly->setText(tr("Errors only"));
    m_errorsOnly->setToolTip(tr("Show only the calls that failed"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Remove every call from the log"));
    m_copyRows->setText(tr("Copy Row"));
    m_copyRequestId->setText(tr("Copy Request Id"));
}

} // namespace sms::ui
