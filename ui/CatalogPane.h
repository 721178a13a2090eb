#pragma once
// CatalogPane: the server catalog as a sortable, filterable table. The filter
// box matches as you type; menus narrow to a manager, a manager type or the
// servers in no application. Rows drag onto the Applications pane. While a
// catalog loads, a progress bar with Cancel sits above the table. When the
// filters hide every server, the table says so and offers to clear them.

#include "models/CatalogFilterModel.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace sms::ui {

class CatalogNoMatchNotice;
class PaintThrottle;

class CatalogPane : public QWidget
{
    Q_OBJECT

public:
    CatalogPane(models::CatalogTableModel &catalog, QWidget *parent = nullptr);

    QTableView *view() const { return m_view; }
    models::CatalogFilterModel &filterModel() { return m_filter; }
    // The servers of the selected rows, in the order shown.
    std::vector<std::string> selectedServerIds() const;
    QLineEdit *filterEdit() const { return m_filterEdit; }

    // Loading: `total` 0 when unknown (the API does not tell).
    void showLoading(qsizetype loaded);
    void showLoaded();
    // The manager menus offer what the catalog holds.
    void refreshFilterChoices();
    // Every server shown again: filter text, menus and check box cleared.
    void clearFilters();
    CatalogNoMatchNotice *noMatchNotice() const { return m_noMatch; }
    QLabel *countLabel() const { return m_count; }

Q_SIGNALS:
    void cancelLoadRequested();
    void selectionChanged();

private:
    void updateCount(int shown, int total);
    void reserveCountWidth(int total);
    // Once per catalog, when its first rows are in: each column as wide as
    // its header and the rows in view, within bounds; later pages and the
    // user's own widths are left alone.
    void fitColumns();

    models::CatalogTableModel &m_catalog;
    models::CatalogFilterModel m_filter;
    QLineEdit *m_filterEdit;
    QComboBox *m_manager;
    QComboBox *m_managerType;
    QCheckBox *m_unplanned;
    QLabel *m_count;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QTableView *m_view;
    CatalogNoMatchNotice *m_noMatch;
    PaintThrottle *m_paintThrottle;
    bool m_columnsFitted = false;
};

} // namespace sms::ui
