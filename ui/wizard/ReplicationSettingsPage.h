#pragma once
// The wizard's replication page: how often every server of the application
// replicates (every 1–24 hours, or once), when the seed replication starts,
// the licence type, how many recent AMIs to keep and their encryption.
// Together they are the application's ServerReplicationParameters.

#include "api/SmsTypes.h"
#include "ui/wizard/CheckedWizardPage.h"

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

namespace sms::ui {

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
    void updateEnabled();

    QLabel *m_replicateLabel;
    QRadioButton *m_every;
    QSpinBox *m_frequency;
    QLabel *m_hours;
    QRadioButton *m_once;
    QCheckBox *m_seed;
    QDateTimeEdit *m_seedTime;
    QLabel *m_licenseLabel;
    QComboBox *m_license;
    QLabel *m_amisLabel;
    QSpinBox *m_amis;
    QLabel *m_amisNote;
    QCheckBox *m_encrypted;
    QLabel *m_kmsLabel;
    QLineEdit *m_kmsKey;
};

} // namespace sms::ui
