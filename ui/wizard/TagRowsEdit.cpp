#include "ui/wizard/TagRowsEdit.h"

#include <QAction>
#include <QGridLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>

#include <algorithm>
#include <functional>

namespace sms::ui {
namespace {

QString cellText(const QTableWidget *table, int row, int column)
{
    const QTableWidgetItem *item = table->item(row, column);
    return item ? item->text() : QString();
}

} // namespace

TagRowsEdit::TagRowsEdit(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_add(new QPushButton(this))
    , m_remove(new QPushButton(this))
    , m_removeAction(new QAction(this))
{
    m_table->setObjectName(QStringLiteral("tagsTable"));
    m_add->setObjectName(QStringLiteral("addTagButton"));
    m_remove->setObjectName(QStringLiteral("removeTagButton"));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                             | QAbstractItemView::AnyKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->setTabKeyNavigation(false);  // Tab leaves the table, as in the rest of the form
    // Room for a handful of tags; more scroll. The form does not stretch it.
    constexpr int kRowsShown = 6;
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height()
                            + kRowsShown * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth());
    // Delete removes rows only while the table, not a cell editor, has the keyboard.
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(m_removeAction);
    setFocusProxy(m_table);

    // Buttons beside the table, as on the groups page; extra height a form
    // gives goes below both.
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 0, 0, 3, 1);
    layout->addWidget(m_add, 0, 1);
    layout->addWidget(m_remove, 1, 1);
    layout->setRowStretch(2, 1);
    layout->setRowStretch(3, 1);

    connect(m_add, &QPushButton::clicked, this, &TagRowsEdit::addRow);
    connect(m_remove, &QPushButton::clicked, this, &TagRowsEdit::removeSelectedRows);
    connect(m_removeAction, &QAction::triggered, this, &TagRowsEdit::removeSelectedRows);
    connect(m_table, &QTableWidget::itemChanged, this, &TagRowsEdit::changed);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_table->selectionModel()->hasSelection()); });
    m_remove->setEnabled(false);
    retranslate();
}

void TagRowsEdit::retranslate()
{
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_table->setAccessibleName(tr("Tags"));
    m_add->setText(tr("&Add Tag"));
    m_remove->setText(tr("Remo&ve Tag"));
    m_removeAction->setText(tr("Remove Tag"));
}

std::vector<api::Tag> TagRowsEdit::tags() const
{
    std::vector<api::Tag> tags;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = cellText(m_table, row, 0).trimmed();
        const QString value = cellText(m_table, row, 1);
        if (key.isEmpty() && value.isEmpty())
            continue;
        api::Tag tag;
        tag.key = key.toStdString();
        if (!value.isEmpty())
            tag.value = value.toStdString();
        tags.push_back(std::move(tag));
    }
    return tags;
}

QString TagRowsEdit::problem() const
{
    QSet<QString> keys;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString key = cellText(m_table, row, 0).trimmed();
        if (key.isEmpty() && !cellText(m_table, row, 1).isEmpty())
            return tr("The tag in row %1 has a value but no key: give it a key or remove the row.").arg(row + 1);
        if (key.isEmpty())
            continue;
        if (keys.contains(key))
            return tr("The tag key \u201C%1\u201D is used twice: tag keys must be unique.").arg(key);
        keys.insert(key);
    }
    return {};
}

void TagRowsEdit::addRow()
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem);
    m_table->setItem(row, 1, new QTableWidgetItem);
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
    Q_EMIT changed();
}

void TagRowsEdit::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows)
        m_table->removeRow(row);
    if (!rows.isEmpty())
        Q_EMIT changed();
}

} // namespace sms::ui
