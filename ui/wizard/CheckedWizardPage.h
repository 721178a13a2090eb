#pragma once
// CheckedWizardPage: a wizard page that says what is missing. A page words
// its input's first problem in problem(); the label at the page's foot shows
// it and isComplete() and validatePage() follow it, so Next (or Finish) is
// never refused without the reason in view.
//
// A page whose problem is only that nothing is entered yet (no name, no
// server) waits for input: the problem shows once the user has changed the
// input (noteInput()) or pressed Next, and until then Next stays enabled, so
// a new form does not open with a red error the user has not caused.
//
// Back keeps every entry: cleanupPage() does nothing (QWizard's default would
// reset registered fields), and each page rebuilds from its own state.

#include <QColor>
#include <QWizardPage>

class QLabel;
class QVBoxLayout;

namespace sms::ui {

class CheckedWizardPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit CheckedWizardPage(QWidget *parent = nullptr);

    bool isComplete() const override { return !m_problemShown || problem().isEmpty(); }
    // QWizard::next() asks only this, not isComplete(): a programmatic Next
    // is held to the same rule as the button.
    bool validatePage() override;
    void cleanupPage() override {}
    // What keeps the page from being complete, in a sentence; empty when nothing does.
    virtual QString problem() const = 0;
    QLabel *problemLabel() const { return m_problem; }

protected:
    // Where a page puts its widgets: above the problem label.
    QVBoxLayout *body() const { return m_body; }
    // Shows the current problem and tells the wizard; call after every input change.
    void recheck();
    // For a page that waits for input (see above): call from its constructor.
    void awaitInput() { m_problemShown = false; }
    // The user changed the input: from now on the problem shows.
    void noteInput();
    // Sets every text of the page (called by the page's constructor and on a language change).
    virtual void retranslate() = 0;
    void changeEvent(QEvent *event) override;

private:
    QVBoxLayout *m_body;
    QLabel *m_problem;
    bool m_problemShown = true;
};

// The colour problems are written in: red, light on a dark palette.
QColor problemColour(const QPalette &palette);
// A label for a sentence about a problem: wrapped, in problemColour().
QLabel *newProblemLabel(QWidget *parent);

} // namespace sms::ui
