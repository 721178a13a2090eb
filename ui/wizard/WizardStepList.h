#pragma once
// WizardStepList: the wizard's steps down its side, with "Step 2 of 6" above
// them and the current one in bold, so the user sees where they are and how
// much is left. The step names are the pages' titles.

#include <QWidget>

class QLabel;
class QVBoxLayout;
class QWizard;

namespace sms::ui {

class WizardStepList : public QWidget
{
    Q_OBJECT

public:
    // Follows `wizard`'s current page; becomes its side widget.
    explicit WizardStepList(QWizard *wizard);

    // "Step 2 of 6" for the current page.
    QString positionText() const;
    // Re-reads the pages' titles and marks the current one.
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    QWizard *m_wizard;
    QLabel *m_position;
    QVBoxLayout *m_steps;
    QList<QLabel *> m_labels;
};

} // namespace sms::ui
