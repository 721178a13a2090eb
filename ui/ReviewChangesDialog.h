#pragma once
// ReviewChangesDialog: what applying the plan would change at the endpoint,
// before anything is sent. Each change is a row (operation, application,
// why); its lines of difference are its children, and the request it will
// send shows below for the selected change. Servers the endpoint does not
// have are listed at the top, and then Apply stays disabled.

#include "services/PlanDiff.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace sms::ui {

class ReviewChangesDialog : public QDialog
{
    Q_OBJECT

public:
    ReviewChangesDialog(services::ChangeSet changes, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_tree; }
    QPushButton *applyButton() const { return m_apply; }

private:
    void fill();
    void showRequest();

    services::ChangeSet m_changes;
    QLabel *m_summary;
    QLabel *m_blockers;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_request;
    QPushButton *m_apply;
};

} // namespace sms::ui
