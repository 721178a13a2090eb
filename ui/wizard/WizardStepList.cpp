#include "ui/wizard/WizardStepList.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <QWizard>

namespace sms::ui {

WizardStepList::WizardStepList(QWizard *wizard)
    : QWidget(wizard)
    , m_wizard(wizard)
    , m_position(new QLabel(this))
    , m_steps(new QVBoxLayout)
{
    setObjectName(QStringLiteral("wizardSteps"));
    m_position->setObjectName(QStringLiteral("wizardStepPosition"));
    m_position->setForegroundRole(QPalette::PlaceholderText);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 18, 12);
    layout->addWidget(m_position);
    layout->addSpacing(8);
    layout->addLayout(m_steps);
    layout->addStretch();
    wizard->setSideWidget(this);
    connect(wizard, &QWizard::currentIdChanged, this, &WizardStepList::refresh);
    refresh();
}

QString WizardStepList::positionText() const
{
    const QList<int> ids = m_wizard->pageIds();
    return tr("Step %1 of %2").arg(ids.indexOf(m_wizard->currentId()) + 1).arg(ids.size());
}

void WizardStepList::refresh()
{
    const QList<int> ids = m_wizard->pageIds();
    while (m_labels.size() < ids.size()) {
        m_labels << new QLabel(this);
        m_steps->addWidget(m_labels.back());
    }
    for (qsizetype i = 0; i < ids.size(); ++i) {
        QLabel *label = m_labels[i];
        const bool current = ids[i] == m_wizard->currentId();
        label->setText(tr("%1. %2").arg(i + 1).arg(m_wizard->page(ids[i])->title()));
        QFont font = label->font();
        font.setBold(current);
        label->setFont(font);
        label->setForegroundRole(current || ids[i] < m_wizard->currentId() ? QPalette::WindowText
                                                                            : QPalette::PlaceholderText);
    }
    m_position->setText(positionText());
    setAccessibleName(tr("%1: %2").arg(positionText(),
                                       m_wizard->currentPage() ? m_wizard->currentPage()->title() : QString()));
}

void WizardStepList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace sms::ui
