#pragma once
// GroupNameEdit: the line edit F2 opens over a group's box in the launch
// graph. Enter (or leaving it) gives the name, Escape gives it up; either
// way it then goes (deleteLater), having said so once.

#include <QLineEdit>

namespace sms::ui {

class GroupNameEdit : public QLineEdit
{
    Q_OBJECT

public:
    GroupNameEdit(const QString &name, QWidget *parent);

Q_SIGNALS:
    void committed(const QString &name);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void finish(bool commit);

    bool m_finished = false;
};

} // namespace sms::ui
