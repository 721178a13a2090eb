#include "ui/wizard/CheckedWizardPage.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace sms::ui {

QColor problemColour(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

QLabel *newProblemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, problemColour(palette));
    label->setPalette(palette);
    return label;
}

CheckedWizardPage::CheckedWizardPage(QWidget *parent)
    : QWizardPage(parent)
    , m_body(new QVBoxLayout)
    , m_problem(newProblemLabel(this))
{
    m_problem->setObjectName(QStringLiteral("problemLabel"));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_body, 1);
    layout->addWidget(m_problem);
}

bool CheckedWizardPage::validatePage()
{
    noteInput();
    return isComplete();
}

void CheckedWizardPage::noteInput()
{
    m_problemShown = true;
    recheck();
}

void CheckedWizardPage::recheck()
{
    const QString text = m_problemShown ? problem() : QString();
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    Q_EMIT completeChanged();
}

void CheckedWizardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        recheck();
    }
    QWizardPage::changeEvent(event);
}

} // namespace sms::ui
