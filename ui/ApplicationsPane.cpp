#include "ui/ApplicationsPane.h"

#include "ui/ContextMenuSelection.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeView>
#include <QVBoxLayout>

namespace sms::ui {

using Kind = models::ApplicationsTreeModel::Kind;

// Groups with more servers than this open only when asked to.
constexpr int kUnfoldLimit = 200;

ApplicationsPane::ApplicationsPane(models::ApplicationsTreeModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_hint(new QLabel(this))
{
    m_view->setModel(&model);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setDragDropMode(QAbstractItemView::DragDrop);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->setDropIndicatorShown(true);
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed | QAbstractItemView::DoubleClicked);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    ContextMenuSelection::install(m_view);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_view->header()->resizeSection(models::ApplicationsTreeModel::Name, em * 19);
    m_view->header()->resizeSection(models::ApplicationsTreeModel::Servers, em * 15);
    m_view->header()->resizeSection(models::ApplicationsTreeModel::Replication, em * 12);
    m_view->header()->resizeSection(models::ApplicationsTreeModel::Launch, em * 9);

    m_hint->setWordWrap(true);
    m_hint->setText(tr("Drag servers from the catalog here to make an application, or onto an application "
                       "or server group to add them."));
    m_hint->setContentsMargins(6, 2, 6, 2);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_hint);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ApplicationsPane::selectionChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &ApplicationsPane::selectionChanged);
    connect(&model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        // What was just made or filled shows at once; huge groups stay folded.
        const auto reveal = [this](const QModelIndex &index) {
            if (index.isValid() && m_model.rowCount(index) <= kUnfoldLimit)
                m_view->expand(index);
        };
        reveal(parent);
        for (int row = first; row <= last && !parent.parent().isValid(); ++row) {
            const QModelIndex inserted = m_model.index(row, 0, parent);
            reveal(inserted);
            for (int group = 0; group < m_model.rowCount(inserted); ++group)
                reveal(m_model.index(group, 0, inserted));
        }
        updateHint();
    });
    connect(&model, &QAbstractItemModel::rowsRemoved, this, &ApplicationsPane::updateHint);
    connect(&model, &QAbstractItemModel::modelReset, this, [this] {
        m_view->expandToDepth(0);
        updateHint();
    });
    m_view->expandToDepth(0);
    updateHint();
}

void ApplicationsPane::updateHint()
{
    m_hint->setVisible(m_model.rowCount() < 3);
}

QModelIndexList ApplicationsPane::selectedRows() const
{
    return m_view->selectionModel()->selectedRows();
}

models::PlanKey ApplicationsPane::currentGroup() const
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid() || models::ApplicationsTreeModel::kindOf(current) == Kind::Application)
        return models::kNoKey;
    // A server row's key is its group's; a group row's key is its own.
    return models::PlanKey(current.data(models::ApplicationsTreeModel::KeyRole).toULongLong());
}

models::PlanKey ApplicationsPane::currentApplication() const
{
    QModelIndex current = m_view->currentIndex().siblingAtColumn(0);
    while (current.isValid() && models::ApplicationsTreeModel::kindOf(current) != Kind::Application)
        current = current.parent();
    return current.isValid() ? models::PlanKey(current.data(models::ApplicationsTreeModel::KeyRole).toULongLong())
                             : models::kNoKey;
}

void ApplicationsPane::selectKey(models::PlanKey key)
{
    QModelIndex index = m_model.applicationIndex(key);
    if (!index.isValid())
        index = m_model.groupIndex(key);
    select(index);
}

bool ApplicationsPane::selectSubject(const models::PlanSubject &subject)
{
    QModelIndex index;
    if (!subject.serverId.empty()) {
        index = m_model.serverIndex(subject.serverId);
        if (index.isValid() && index.data(models::ApplicationsTreeModel::KeyRole).toULongLong() != subject.group)
            index = {};  // moved since the check: its group is still what the issue was about
    }
    if (!index.isValid())
        index = m_model.groupIndex(subject.group);
    if (!index.isValid())
        index = m_model.applicationIndex(subject.application);
    select(index);
    return index.isValid();
}

void ApplicationsPane::select(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_view->scrollTo(index);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

} // namespace sms::ui
