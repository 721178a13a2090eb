#pragma once
// ReplicationJobDialog: one server's replication job, to be made
// (CreateReplicationJob) or changed (UpdateReplicationJob): its settings,
// the IAM role SMS replicates with and a description. The caller says where
// the settings shown come from (the plan, the job, SMS's defaults) and, once
// accepted, sends what target() holds; OK is enabled only while the input is
// one SMS takes.

#include "services/ReplicationControl.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sms::ui {

class ReplicationSettingsEdit;

class ReplicationJobDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Purpose { Create, Update };

    ReplicationJobDialog(Purpose purpose, const QString &serverName, QWidget *parent = nullptr);

    // What the fields start from, and a sentence on where it comes from.
    void setSettings(const api::ServerReplicationParameters &settings, const QString &origin);
    void setRoleName(const QString &roleName);
    void setDescription(const QString &description);

    // The settings, role and description entered; the caller adds the server or job id.
    services::ReplicationTarget target() const;
    // What keeps OK from being pressed, in a sentence; empty when nothing.
    QString problem() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void recheck();

    Purpose m_purpose;
    QString m_serverName;
    QLabel *m_heading;
    QLabel *m_origin;
    ReplicationSettingsEdit *m_settings;
    QLabel *m_roleLabel;
    QLineEdit *m_role;
    QLabel *m_descriptionLabel;
    QLineEdit *m_description;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace sms::ui
