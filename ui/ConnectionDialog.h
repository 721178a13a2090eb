#pragma once
// ConnectionDialog: where the planner connects. Three choices: the local
// sandbox built into the application, an AWS profile (with its region,
// editable), or a custom endpoint URL with a region. Input is checked as it
// is typed; the reason sits under the field and Connect stays disabled until
// the choice can be used. The dialog only chooses: connecting (which may run
// a credential_process) is the caller's job, off the GUI thread. With
// setTriesFirst(true), Connect keeps the dialog open: connectRequested() asks
// the caller to try, and connected() closes it or connectFailed() says why
// (all of it, in a wrapping label) and lets the user change the input.
//
// A custom endpoint may be given an access key pair: it is saved as a named
// profile in the AWS shared credentials file (CredentialsFileWriter), which
// the request then names, and is never shown again, kept in the request or
// in QSettings. The last choice is remembered with QSettings (kind, profile
// name, URL, regions, the endpoint's profile name).

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

    // Connect keeps the dialog open until connected() or connectFailed().
    void setTriesFirst(bool triesFirst) { m_triesFirst = triesFirst; }
    void connected();
    void connectFailed(const QString &why);
    // The problem shown last (a failed connection, keys that could not be saved).
    QString failure() const;

    void accept() override;

Q_SIGNALS:
    // Connect was pressed (with setTriesFirst): try request() now.
    void connectRequested();

private:
    void buildSandboxSection(QLayout *into);
    void buildProfileSection(QLayout *into);
    void buildEndpointSection(QLayout *into);
    void setKind(Kind kind);
    void selectProfile(const QString &name);
    void profileSelected();
    void validate();
    QString keysProblem() const;
    bool saveKeys();
    void showFailure(const QString &text);
    void setTrying(bool trying);
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
    QLineEdit *m_accessKeyId = nullptr;
    QLineEdit *m_secretKey = nullptr;
    QLineEdit *m_keyProfile = nullptr;
    QLabel *m_keysReason = nullptr;
    QLabel *m_failure = nullptr;  // wraps: the whole reason, however long
    QDialogButtonBox *m_buttons = nullptr;
    bool m_triesFirst = false;
    bool m_trying = false;
};

} // namespace sms::ui
