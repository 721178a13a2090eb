#pragma once
// The wizard's replication page: the application's replication settings
// (ReplicationSettingsEdit), which every one of its servers starts from.

#include "api/SmsTypes.h"
#include "ui/wizard/CheckedWizardPage.h"

namespace sms::ui {

class ReplicationSettingsEdit;

class ReplicationSettingsPage : public CheckedWizardPage
{
    Q_OBJECT

public:
    explicit ReplicationSettingsPage(QWidget *parent = nullptr);

    QString problem() const override;
    api::ServerReplicationParameters replication() const;

protected:
    void retranslate() override;

private:
    ReplicationSettingsEdit *m_edit;
};

} // namespace sms::ui
