#include "ui/ConnectorsPane.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace sms::ui {
namespace {

using Model = models::ConnectorsModel;

} // namespace

ConnectorsPane::ConnectorsPane(QWidget *parent)
    : QWidget(parent)
    , m_toolBar(new QToolBar(this))
    , m_refresh(new QAction(this))
    , m_disassociate(new QAction(this))
    , m_copyId(new QAction(this))
    , m_summary(new QLabel(this))
    , m_view(new QTreeView(this))
{
    m_view->setObjectName(QStringLiteral("connectorsView"));
    m_refresh->setObjectName(QStringLiteral("refreshConnectors"));
    m_disassociate->setObjectName(QStringLiteral("disassociateConnector"));
    m_summary->setObjectName(QStringLiteral("connectorsSummary"));

    m_sorted.setSourceModel(&m_model);
    m_sorted.setSortRole(Model::RawRole);
    m_sorted.setSortCaseSensitivity(Qt::CaseInsensitive);

    m_refresh->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_disassociate->setIcon(style()->standardIcon(QStyle::SP_DialogDiscardButton));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(16, 16));
    m_toolBar->addAction(m_refresh);
    m_toolBar->addAction(m_disassociate);
    addAction(m_refresh);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(m_toolBar);
    top->addStretch(1);
    top->addWidget(m_summary);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);

    m_view->setModel(&m_sorted);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(Model::ConnectorId, Qt::AscendingOrder);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // The health swatch is a small square beside the word, as in the Activity pane.
    const int swatch = m_view->fontMetrics().height() * 2 / 3;
    m_view->setIconSize(QSize(swatch, swatch));
    // Columns keep their contents' width and the view scrolls sideways when
    // narrow: a stretched last column would be squeezed and cut instead.
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionsMovable(true);

    connect(m_refresh, &QAction::triggered, this, [this] {
        if (!m_refreshing)
            Q_EMIT refreshRequested();
    });
    connect(m_disassociate, &QAction::triggered, this, &ConnectorsPane::confirmDisassociate);
    connect(m_copyId, &QAction::triggered, this,
            [this] { QApplication::clipboard()->setText(currentConnectorId()); });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ConnectorsPane::updateActions);
    connect(m_view, &QWidget::customContextMenuRequested, this, &ConnectorsPane::showContextMenu);
    // Rows come and go on refresh; the summary and buttons follow.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(&m_model, signal, this, [this] { updateSummary(); updateActions(); });
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &ConnectorsPane::updateSummary);

    retranslate();
    updateSummary();
    updateActions();
}

void ConnectorsPane::setConnectors(std::vector<api::Connector> connectors)
{
    m_model.setConnectors(std::move(connectors));
    if (!m_sized && m_model.rowCount() > 0) {
        // Few rows, so measuring them is cheap; after this, widths are the user's.
        for (int column = 0; column < Model::ColumnCount; ++column)
            m_view->resizeColumnToContents(column);
        m_sized = true;
    }
}

void ConnectorsPane::setRefreshing(bool refreshing)
{
    m_refreshing = refreshing;
    updateActions();
}

QString ConnectorsPane::currentConnectorId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(Model::ConnectorIdRole).toString() : QString();
}

void ConnectorsPane::setCurrentConnector(const QString &connectorId)
{
    const int row = m_model.rowOf(connectorId);
    if (row < 0)
        return;
    m_view->setCurrentIndex(m_sorted.mapFromSource(m_model.index(row, 0)));
}

void ConnectorsPane::confirmDisassociate()
{
    const QString id = currentConnectorId();
    if (id.isEmpty() || m_confirmation)
        return;
    const QString manager = m_model.index(m_model.rowOf(id), Model::VmManager).data().toString();

    // Opened, not exec'd: no nested event loop, and it goes when closed.
    m_confirmation = new QMessageBox(QMessageBox::Warning, tr("Disassociate Connector"),
                                     tr("Disassociate connector %1?").arg(id), QMessageBox::NoButton, this);
    m_confirmation->setAttribute(Qt::WA_DeleteOnClose);
    m_confirmation->setInformativeText(
        (manager.isEmpty() ? tr("The connector will no longer be available to this account.")
                           : tr("The connector for %1 will no longer be available to this account.").arg(manager))
        + QLatin1Char(' ')
        + tr("Catalog imports and replication jobs cannot use it until it is registered again from its "
             "virtual appliance."));
    QPushButton *confirm = m_confirmation->addButton(tr("Disassociate"), QMessageBox::DestructiveRole);
    m_confirmation->addButton(QMessageBox::Cancel);
    m_confirmation->setDefaultButton(QMessageBox::Cancel);
    connect(m_confirmation, &QMessageBox::buttonClicked, this, [this, confirm, id](QAbstractButton *clicked) {
        if (clicked == confirm)
            Q_EMIT disassociateRequested(id);
    });
    m_confirmation->open();
}

void ConnectorsPane::updateActions()
{
    m_refresh->setEnabled(!m_refreshing);
    m_disassociate->setEnabled(!currentConnectorId().isEmpty());
    m_copyId->setEnabled(!currentConnectorId().isEmpty());
}

void ConnectorsPane::updateSummary()
{
    const int total = m_model.rowCount();
    int unhealthy = 0;
    for (int row = 0; row < total; ++row) {
        if (!m_model.index(row, 0).data(Model::HealthyRole).toBool())
            ++unhealthy;
    }
    // Whole sentences per case: no "(s)" while no translation is loaded.
    if (total == 0)
        m_summary->setText(tr("No connectors"));
    else if (unhealthy == 0)
        m_summary->setText(total == 1 ? tr("1 connector, healthy") : tr("%1 connectors, all healthy").arg(total));
    else if (total == 1)
        m_summary->setText(tr("1 connector, not healthy"));
    else
        m_summary->setText(tr("%1 connectors, %2 not healthy").arg(total).arg(unhealthy));
}

void ConnectorsPane::showContextMenu(const QPoint &position)
{
    if (!m_view->indexAt(position).isValid())
        return;
    QMenu menu(this);
    menu.addAction(m_copyId);
    menu.addSeparator();
    menu.addAction(m_disassociate);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void ConnectorsPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        updateSummary();
    }
    QWidget::changeEvent(event);
}

void ConnectorsPane::retranslate()
{
    m_toolBar->setWindowTitle(tr("Connectors"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Ask the endpoint for its connectors again"));
    m_disassociate->setText(tr("Disassociate\u2026"));
    m_disassociate->setToolTip(tr("Remove the selected connector from this account"));
    m_copyId->setText(tr("Copy Connector Id"));
}

} // namespace sms::ui
