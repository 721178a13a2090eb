#pragma once
// ReplicationSettingsEdit: the fields of an application's replication
// settings (ServerReplicationParameters): how often (every 1–24 hours, or
// once), when the seed replication starts (in local time, the zone shown), the licence type, how many recent
// AMIs to keep and their encryption. The wizard's replication page, the
// Application Settings dialog and the Replication Job dialog show it.

#include "api/SmsTypes.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace sms::ui {

class RangeSpinBox;

class ReplicationSettingsEdit : public QWidget
{
    Q_OBJECT

public:
    explicit ReplicationSettingsEdit(QWidget *parent = nullptr);

    // Shows `parameters`. Members they leave unset stay unset in
    // replication() unless the user sets them.
    void setReplication(const api::ServerReplicationParameters &parameters);
    api::ServerReplicationParameters replication() const;
    // For a job that exists (UpdateReplicationJob): the seed row sets when its
    // next run starts, and once-or-every is fixed, as SMS cannot change it.
    void setForExistingJob(bool existing);
    // What is wrong with the input, in a sentence; empty when nothing.
    QString problem() const;

Q_SIGNALS:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateEnabled();

    QLabel *m_replicateLabel;
    QRadioButton *m_every;
    RangeSpinBox *m_frequency;
    QLabel *m_hours;
    QRadioButton *m_once;
    QCheckBox *m_seed;
    QDateTimeEdit *m_seedTime;
    QLabel *m_seedZone;
    QLabel *m_licenseLabel;
    QComboBox *m_license;
    QLabel *m_amisLabel;
    RangeSpinBox *m_amis;
    QLabel *m_amisNote;
    QCheckBox *m_encrypted;
    QLabel *m_kmsLabel;
    QLineEdit *m_kmsKey;
    // What setReplication() showed: a member it had unset and the user left
    // alone stays unset, and an explicit false stays false.
    api::ServerReplicationParameters m_shown;
    bool m_loaded = false;
    bool m_existingJob = false;
};

} // namespace sms::ui
