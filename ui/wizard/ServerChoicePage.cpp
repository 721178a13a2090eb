#include "ui/wizard/ServerChoicePage.h"

#include "api/QtText.h"
#include "models/PlanMimeTypes.h"
#include "ui/CatalogPane.h"

#include <QAction>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace sms::ui {
namespace {

enum ChosenColumn { NameColumn, IdColumn, PathColumn, ApplicationColumn, ChosenColumnCount };
constexpr int kServerIdRole = Qt::UserRole;

bool carriesServers(const QMimeData *data)
{
    return data && data->hasFormat(QLatin1String(models::kServerIdsMimeType));
}

} // namespace

ServerChoicePage::ServerChoicePage(models::CatalogTableModel &catalog, QWidget *parent)
    : CheckedWizardPage(parent)
    , m_document(catalog.document())
    , m_catalog(new CatalogPane(catalog, this))
    , m_hint(new QLabel(this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_summary(new QLabel(this))
    , m_chosenView(new QTreeWidget(this))
{
    m_add->setObjectName(QStringLiteral("addServersButton"));
    m_remove->setObjectName(QStringLiteral("removeServersButton"));
    m_summary->setObjectName(QStringLiteral("chosenSummary"));
    m_chosenView->setObjectName(QStringLiteral("chosenServers"));
    m_hint->setWordWrap(true);
    m_summary->setWordWrap(true);

    m_chosenView->setColumnCount(ChosenColumnCount);
    m_chosenView->setRootIsDecorated(false);
    m_chosenView->setUniformRowHeights(true);
    m_chosenView->setAlternatingRowColors(true);
    m_chosenView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_chosenView->setSortingEnabled(true);
    m_chosenView->sortByColumn(-1, Qt::AscendingOrder);
    m_chosenView->setAcceptDrops(true);
    m_chosenView->viewport()->installEventFilter(this);
    auto *removeAction = new QAction(m_chosenView);
    removeAction->setShortcut(QKeySequence::Delete);
    removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_chosenView->addAction(removeAction);

    auto *chosenPart = new QWidget(this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_summary, 1);
    auto *chosenLayout = new QVBoxLayout(chosenPart);
    chosenLayout->setContentsMargins(0, 0, 0, 0);
    chosenLayout->addLayout(buttons);
    chosenLayout->addWidget(m_chosenView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_catalog);
    splitter->addWidget(chosenPart);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    body()->addWidget(m_hint);
    body()->addWidget(splitter, 1);

    QTableView *catalogView = m_catalog->view();
    // The pane's widths suit a dock beside the tree; here the table has the
    // window's width, so the columns that clip there show whole.
    using C = models::CatalogTableModel;
    for (int column : {C::VmName, C::Manager, C::ManagerType, C::Path, C::ServerId})
        catalogView->resizeColumnToContents(column);
    connect(m_add, &QPushButton::clicked, this, &ServerChoicePage::addSelected);
    connect(m_remove, &QPushButton::clicked, this, &ServerChoicePage::removeSelected);
    connect(removeAction, &QAction::triggered, this, &ServerChoicePage::removeSelected);
    connect(catalogView, &QTableView::doubleClicked, this, &ServerChoicePage::addSelected);
    connect(m_catalog, &CatalogPane::selectionChanged, this,
            [this] { m_add->setEnabled(!m_catalog->selectedServerIds().empty()); });
    connect(m_chosenView, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_chosenView->selectedItems().isEmpty()); });
    m_add->setEnabled(false);
    m_remove->setEnabled(false);
    awaitInput();  // no server yet is not an error yet
    retranslate();
    recheck();
}

void ServerChoicePage::retranslate()
{
    setTitle(tr("Servers"));
    setSubTitle(tr("Choose the servers the application migrates."));
    m_hint->setText(tr("Select servers in the catalog and press Add, double-click them or drag them into the list"
                       " below. A server belongs to one application at most: a chosen server that is in another"
                       " application now moves to this one."));
    m_add->setText(tr("&Add Selected"));
    m_remove->setText(tr("Re&move from Choice"));
    m_chosenView->setHeaderLabels({tr("VM name"), tr("Server ID"), tr("Path"), tr("In application now (moves)")});
    m_chosenView->setAccessibleName(tr("Chosen servers"));
    updateSummary();
}

QString ServerChoicePage::problem() const
{
    if (m_chosen.empty())
        return tr("Choose at least one server: select it in the catalog and press Add.");
    return {};
}

void ServerChoicePage::choose(const std::vector<std::string> &serverIds)
{
    const auto &servers = m_document.catalog().servers;
    m_chosenView->setSortingEnabled(false);  // appended rows stay where they are put until the end
    for (const std::string &id : serverIds) {
        const int row = m_document.catalogRow(id);
        if (row < 0 || !m_chosenSet.insert(id).second)
            continue;
        m_chosen.push_back(id);
        const api::Server &server = servers[std::size_t(row)];
        auto *item = new QTreeWidgetItem(m_chosenView);
        item->setData(NameColumn, kServerIdRole, api::toQString(id));
        if (server.vmServer) {
            item->setText(NameColumn, api::toQString(server.vmServer->vmName));
            item->setText(PathColumn, api::toQString(server.vmServer->vmPath));
        }
        item->setText(IdColumn, api::toQString(id));
        item->setText(ApplicationColumn, models::CatalogTableModel::applicationText(m_document, server));
    }
    m_chosenView->setSortingEnabled(true);
    // Columns widen for what came, and never narrow, so a width the user set stays.
    const QAbstractItemView *view = m_chosenView;  // where sizeHintForColumn() is public
    for (int column : {NameColumn, IdColumn, PathColumn}) {
        const int wanted = view->sizeHintForColumn(column);
        if (wanted > m_chosenView->header()->sectionSize(column))
            m_chosenView->header()->resizeSection(column, wanted);
    }
    updateSummary();
    if (serverIds.empty())
        recheck();  // the wizard opened with no catalog selection: nothing was entered
    else
        noteInput();
}

void ServerChoicePage::unchoose(const std::vector<std::string> &serverIds)
{
    const std::unordered_set<std::string> doomed(serverIds.begin(), serverIds.end());
    for (int row = m_chosenView->topLevelItemCount() - 1; row >= 0; --row) {
        if (doomed.contains(m_chosenView->topLevelItem(row)->data(NameColumn, kServerIdRole).toString().toStdString()))
            delete m_chosenView->takeTopLevelItem(row);
    }
    std::erase_if(m_chosen, [&](const std::string &id) { return doomed.contains(id); });
    for (const std::string &id : serverIds)
        m_chosenSet.erase(id);
    updateSummary();
    noteInput();
}

void ServerChoicePage::addSelected()
{
    choose(m_catalog->selectedServerIds());
}

void ServerChoicePage::removeSelected()
{
    std::vector<std::string> ids;
    for (const QTreeWidgetItem *item : m_chosenView->selectedItems())
        ids.push_back(item->data(NameColumn, kServerIdRole).toString().toStdString());
    unchoose(ids);
}

void ServerChoicePage::updateSummary()
{
    const auto moving = std::count_if(m_chosen.begin(), m_chosen.end(), [this](const std::string &id) {
        return m_document.placementOf(id).isPlanned();
    });
    QString text = tr("%n server(s) chosen.", nullptr, int(m_chosen.size()));
    if (moving > 0)
        text += QLatin1Char(' ')
            + tr("%n of them will move here from the application they are in now.", nullptr, int(moving));
    m_summary->setText(text);
}

bool ServerChoicePage::eventFilter(QObject *watched, QEvent *event)
{
    // Rows dragged from the catalog above join the choice.
    if (watched == m_chosenView->viewport()) {
        switch (event->type()) {
        case QEvent::DragEnter:
        case QEvent::DragMove: {
            auto *drag = static_cast<QDropEvent *>(event);
            if (carriesServers(drag->mimeData()))
                drag->acceptProposedAction();
            return true;
        }
        case QEvent::Drop: {
            auto *drop = static_cast<QDropEvent *>(event);
            if (!carriesServers(drop->mimeData()))
                return true;
            choose(models::serverIdsFrom(*drop->mimeData()));
            drop->acceptProposedAction();
            return true;
        }
        default:
            break;
        }
    }
    return CheckedWizardPage::eventFilter(watched, event);
}

} // namespace sms::ui
