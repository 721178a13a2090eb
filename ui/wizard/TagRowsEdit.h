#pragma once
// TagRowsEdit: an application's tags being written, as key/value rows with
// buttons to add and remove rows. It only collects: a page asks problem()
// before it takes tags(). A row left wholly empty is no tag and no problem.

#include "api/SmsTypes.h"

#include <QWidget>

class QAction;
class QPushButton;
class QTableWidget;

namespace sms::ui {

class TagRowsEdit : public QWidget
{
    Q_OBJECT

public:
    explicit TagRowsEdit(QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    // The tags of the rows with text, in row order: keys trimmed, an empty value left out.
    std::vector<api::Tag> tags() const;
    // Why the rows are no list of tags (a key missing, a key used twice), or empty.
    QString problem() const;
    void addRow();
    void removeSelectedRows();
    void retranslate();

Q_SIGNALS:
    void changed();

private:
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QAction *m_removeAction;
};

} // namespace sms::ui
