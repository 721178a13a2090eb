#pragma once
// Selects a view's rows of the given servers, as a user's Ctrl-clicks do: for
// the Catalog and the wizard's catalog, whose rows carry
// CatalogTableModel::ServerIdRole. Header only: tests of ui/ include it as
// "tests/support/SelectServers.h".

#include "models/CatalogTableModel.h"

#include <QAbstractItemView>
#include <QItemSelectionModel>

#include <algorithm>
#include <string>
#include <vector>

inline void selectServers(QAbstractItemView *view, const std::vector<std::string> &ids)
{
    view->clearSelection();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        const std::string id = index.data(sms::models::CatalogTableModel::ServerIdRole).toString().toStdString();
        if (std::find(ids.begin(), ids.end(), id) != ids.end())
            view->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}
