#pragma once
// EndpointSession: the endpoint the planner works with right now, and the
// SmsClient that reaches it. open() picks it as ConnectionChoice says (the
// embedded sandbox, an AWS profile, a custom URL), resolving credentials on a
// worker thread because a profile's credential_process may take seconds; the
// sandbox is hosted in this process (SandboxHost). Every call's record is
// passed on through callFinished() for the Activity pane.
//
// switchTo() is how the user changes endpoints: the new one is tried first
// (GetServers with maxResults 1, cheap anywhere) and replaces the current one
// only when it answered, so a mistyped URL or a wrong key never costs the
// working connection.

#include "client/SmsClient.h"
#include "services/ConnectionChoice.h"
#include "services/SandboxHost.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <memory>

namespace sms::services {

class EndpointSession : public QObject
{
    Q_OBJECT

public:
    explicit EndpointSession(SandboxOptions sandboxOptions = {}, QObject *parent = nullptr);
    ~EndpointSession() override;

    // Replaces the current endpoint at once (calls in flight are canceled):
    // at start, when there is nothing to keep.
    void open(ConnectionRequest request, SandboxReason asked);
    // Tries the endpoint and switches to it once it has answered: opened() then,
    // else switchFailed() with the current endpoint still in use.
    void switchTo(ConnectionRequest request, SandboxReason asked);
    // Forgets a switchTo() still being tried; the current endpoint stays.
    void cancelSwitch();
    // Starts the sandbox over from its seeded demo estate, its saved state deleted.
    Result<void> resetSandbox();

    // nullptr while opening or after a failure.
    client::SmsClient *client() const { return m_current.client.get(); }
    bool isOpening() const { return m_opening; }
    bool isSwitching() const { return m_switching; }
    bool isSandbox() const { return m_current.sandbox != nullptr; }
    SandboxHost *sandbox() const { return m_current.sandbox.get(); }
    // For the status bar: "Local sandbox (chosen in Connect…)", "AWS profile prod · eu-west-1"...
    QString description() const { return m_current.description; }
    // For prompts ("Delete the server catalog of %1?"): "the local sandbox", else the description.
    QString endpointName() const;
    QUrl endpoint() const;
    QString region() const;

Q_SIGNALS:
    void opening(const QString &what);
    // The client is about to go: whoever has calls or jobs on it cancels them now.
    void aboutToClose();
    void opened();
    void failed(const sms::SmsError &error);
    // switchTo() did not work out; the endpoint in use is still the one before.
    void switchFailed(const sms::SmsError &error);
    // Something the user should know that is not a failure (a sandbox state that could not be read).
    void notice(const QString &text);
    void callFinished(const sms::client::CallRecord &record);

private:
    // An endpoint with all it needs: the client, and the sandbox it reaches if it is one.
    struct Connection
    {
        std::unique_ptr<SandboxHost> sandbox;  // goes after the client, which calls it
        std::unique_ptr<client::SmsClient> client;
        SandboxReason reason = SandboxReason::NotAsked;
        QString description;
    };

    void resolve(ConnectionRequest request, SandboxReason asked);
    void onChosen(const Result<ConnectionChoice> &choice, const ConnectionRequest &request);
    Result<Connection> makeConnection(const ConnectionChoice &choice, const ConnectionRequest &request);
    void probe();
    void adopt(Connection connection);
    void dropTrial();
    void close();

    SandboxOptions m_sandboxOptions;
    Connection m_current;
    Connection m_trial;  // being tried by switchTo()
    QPointer<QThread> m_worker;  // resolving credentials
    quint64 m_attempt = 0;  // a newer open() or switchTo() makes an older answer moot
    bool m_opening = false;
    bool m_switching = false;
};

} // namespace sms::services
