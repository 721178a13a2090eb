#include "ui/ContextMenuSelection.h"

#include <QAbstractItemView>
#include <QContextMenuEvent>

namespace sms::ui {

void ContextMenuSelection::install(QAbstractItemView *view)
{
    view->viewport()->installEventFilter(new ContextMenuSelection(view));
}

ContextMenuSelection::ContextMenuSelection(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
}

bool ContextMenuSelection::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_view->viewport() || event->type() != QEvent::ContextMenu)
        return false;
    const auto *menuEvent = static_cast<QContextMenuEvent *>(event);
    if (menuEvent->reason() != QContextMenuEvent::Mouse)
        return false;  // from the keyboard: the menu is for the current selection
    const QModelIndex index = m_view->indexAt(menuEvent->pos());
    QItemSelectionModel *selection = m_view->selectionModel();
    if (!index.isValid() || !selection)
        return false;
    if (selection->isSelected(index)) {
        selection->setCurrentIndex(index, QItemSelectionModel::NoUpdate);  // the selection stays whole
        return false;
    }
    const auto rows = m_view->selectionBehavior() == QAbstractItemView::SelectRows ? QItemSelectionModel::Rows
                                                                                    : QItemSelectionModel::NoUpdate;
    selection->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | rows);
    return false;
}

} // namespace sms::ui
