#include "ui/launch/GroupNameEdit.h"

#include <QKeyEvent>

namespace sms::ui {

GroupNameEdit::GroupNameEdit(const QString &name, QWidget *parent)
    : QLineEdit(name, parent)
{
    selectAll();
    connect(this, &QLineEdit::editingFinished, this, [this] { finish(true); });
}

void GroupNameEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        finish(false);
        event->accept();
        return;
    }
    QLineEdit::keyPressEvent(event);
}

void GroupNameEdit::finish(bool commit)
{
    // editingFinished comes again when the edit loses focus on its way out.
    if (m_finished)
        return;
    m_finished = true;
    if (commit)
        Q_EMIT committed(text());
    hide();
    deleteLater();
}

} // namespace sms::ui
