#pragma once
// ConnectionDialog: where the planner connects. Three choices: the local
// sandbox built into the application, an AWS profile (with its region,
// editable), or a custom endpoint URL with a region. Input is checked as it
// is typed; the reason sits under the field and Connect stays disabled until
// the choice can be used. The dialog only chooses: connecting (which may run
// a credential_process) is the caller's job, off the GUI thread.
//
// No secret is ever shown, typed or stored here: credentials come from the
// AWS environment and profiles. The last choice is remembered with QSettings
// (kind, profile name, URL, regions).

#include "client/AwsEnvironment.h"
#include "services/ConnectionProfiles.h"
#include "services/ConnectionResolver.h"

#include <QDialog>

class QButtonGroup;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace sms::ui {

class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Kind { Sandbox, Profile, Endpoint };

    explicit ConnectionDialog(QWidget *parent = nullptr);
    // The environment whose profiles are offered and which the request carries.
    explicit ConnectionDialog(client::AwsEnvironment environment, QWidget *parent = nullptr);

    Kind kind() const;
    bool sandboxChosen() const { return kind() == Kind::Sandbox; }
    // What to resolve (services::chooseConnection / resolveConnection); for the
    // sandbox, an empty request with the environment.
    services::ConnectionRequest request() const;

    // Shows this connection (e.g. the current one) instead of the remembered one.
    void setChoice(const services::ConnectionRequest &request, bool sandbox);

    // Why the current input cannot be used, empty when it can.
    QString problem() const;

    // The checks behind the reasons, in words for the user; empty when fine.
    static QString regionProblem(const QString &region);
    static QString endpointProblem(const QString &url);

    void accept() override;

private:
    void buildSandboxSection(QLayout *into);
    void buildProfileSection(QLayout *into);
    void buildEndpointSection(QLayout *into);
    void setKind(Kind kind);
    void selectProfile(const QString &name);
    void profileSelected();
    void validate();
    void restore();
    void remember() const;

    client::AwsEnvironment m_environment;
    Result<services::ConnectionProfiles> m_profiles;

    QButtonGroup *m_kinds;
    QRadioButton *m_sandbox = nullptr;
    QRadioButton *m_profile = nullptr;
    QRadioButton *m_endpoint = nullptr;
    QWidget *m_profileSection = nullptr;
    QWidget *m_endpointSection = nullptr;
    QComboBox *m_profileCombo = nullptr;
    QLabel *m_profileNote = nullptr;
    QLineEdit *m_profileRegion = nullptr;
    QLabel *m_profileRegionReason = nullptr;
    QLineEdit *m_endpointUrl = nullptr;
    QLabel *m_endpointUrlReason = nullptr;
    QLineEdit *m_endpointRegion = nullptr;
    QLabel *m_endpointRegionReason = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace sms::ui
