#pragma once
// ContextMenuSelection: a right-click on a row that is not selected selects
// that row alone before the view's context menu opens, so the menu's actions
// act on (and are enabled for) what is under the pointer; a right-click on a
// selected row keeps the whole selection and makes that row current. Qt's
// views select on a plain right press only: not with Ctrl or Shift held, nor
// for a menu that comes without a press the view saw (a pen's or touchpad's
// menu gesture, a press that started elsewhere), and then the menu's actions
// stayed disabled or acted on rows other than the one clicked.

#include <QObject>

class QAbstractItemView;

namespace sms::ui {

class ContextMenuSelection : public QObject
{
    Q_OBJECT

public:
    // Watches `view` for its context menu; owned by the view.
    static void install(QAbstractItemView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit ContextMenuSelection(QAbstractItemView *view);

    QAbstractItemView *m_view;
};

} // namespace sms::ui
