#include "ui/wizard/ReplicationSettingsPage.h"

#include "ui/settings/ReplicationSettingsEdit.h"

#include <QVBoxLayout>

namespace sms::ui {

ReplicationSettingsPage::ReplicationSettingsPage(QWidget *parent)
    : CheckedWizardPage(parent)
    , m_edit(new ReplicationSettingsEdit(this))
{
    body()->addWidget(m_edit);
    body()->addStretch();
    connect(m_edit, &ReplicationSettingsEdit::changed, this, &ReplicationSettingsPage::recheck);
    retranslate();
    recheck();
}

void ReplicationSettingsPage::retranslate()
{
    setTitle(tr("Replication"));
    setSubTitle(tr("How every server of the application is replicated to AWS. These become the application's"
                   " replication settings; a server's own settings can override them later."));
}

QString ReplicationSettingsPage::problem() const
{
    return m_edit->problem();
}

api::ServerReplicationParameters ReplicationSettingsPage::replication() const
{
    return m_edit->replication();
}

} // namespace sms::ui
