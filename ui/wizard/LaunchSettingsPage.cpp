#include "ui/wizard/LaunchSettingsPage.h"

#include "ui/settings/LaunchSettingsEdit.h"

#include <QVBoxLayout>

namespace sms::ui {

LaunchSettingsPage::LaunchSettingsPage(QWidget *parent)
    : CheckedWizardPage(parent)
    , m_edit(new LaunchSettingsEdit(this))
{
    body()->addWidget(m_edit);
    body()->addStretch();
    connect(m_edit, &LaunchSettingsEdit::changed, this, &LaunchSettingsPage::recheck);
    retranslate();
    recheck();
}

void LaunchSettingsPage::retranslate()
{
    setTitle(tr("Launch"));
    setSubTitle(tr("How the application is launched in AWS once its servers are replicated. Every server is"
                   " launched with these settings; a server's own settings can override them later."));
}

QString LaunchSettingsPage::problem() const
{
    return m_edit->problem();
}

void LaunchSettingsPage::applyTo(models::ApplicationSettings &settings) const
{
    m_edit->applyTo(settings);
}

} // namespace sms::ui
